"""`serve`: Datasette on 127.0.0.1, metadata from the schemas, the JSON API's row counts."""

from __future__ import annotations

import json
import re
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import markupsafe
import pytest

import morocco_palestine_data as mpd
from morocco_palestine_data import loading
from morocco_palestine_data.cli import main
from morocco_palestine_data.serve import DATABASE, metadata

EVENT = "1986-07-22-peres-visits-hassan-ii-ifrane"


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


@pytest.fixture(scope="module")
def meta() -> dict:
    counts = {name: len(frame) for name, frame in mpd.load_all().items()}
    return metadata(loading.descriptor(), counts)


def test_metadata_has_title_licence_and_sources(meta):
    assert mpd.__version__ in meta["title"]
    assert meta["license"] == "CC BY 4.0"
    assert meta["license_url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert meta["source"].startswith(f"{len(mpd.load_sources())} documents")
    assert mpd.citation() in meta["description"]


@pytest.mark.parametrize("table", mpd.list_tables())
def test_every_table_and_column_is_described(meta, table):
    tables = meta["databases"][DATABASE]["tables"]
    described = mpd.describe(table)
    assert tables[table]["description"] == next(
        r["description"] for r in loading.descriptor()["resources"] if r["name"] == table
    )
    columns = tables[table]["columns"]
    assert list(columns) == list(described.column)
    for row in described.itertuples():
        assert columns[row.column] == f"{row.title}. {row.description}"


def test_facets_labels_sort_and_search(meta):
    tables = meta["databases"][DATABASE]["tables"]
    assert tables["events"]["facets"] == [
        "date_precision",
        "event_type",
        "certainty",
        "plover_category",
    ]
    assert "aid_category" in tables["aid_deliveries"]["facets"]
    labels = {name: t.get("label_column") for name, t in tables.items()}
    assert labels["actors"] == "name_en" and labels["places"] == "name_en"
    assert labels["events"] == "title" and labels["sources"] == "title"
    assert tables["events"]["sort"] == "date_start"
    assert tables["events"]["fts_table"] == "events_fts"
    assert "fts_table" not in tables["event_actors"]


def test_serve_without_datasette_says_how_to_install(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "datasette", None)
    monkeypatch.setitem(sys.modules, "datasette.cli", None)
    assert main(["serve"]) == 1
    assert 'pip install "morocco-palestine-data[serve]"' in capsys.readouterr().err


@pytest.mark.parametrize("table", mpd.list_tables())
def test_json_api_row_counts_equal_the_shipped_tables(served, table):
    data = json.loads(_get(f"{served}/{DATABASE}/{table}.json?_size=1"))
    assert data["filtered_table_rows_count"] == len(mpd.load(table))


def test_json_api_serves_the_metadata(served, meta):
    served_meta = json.loads(_get(f"{served}/-/metadata.json"))
    assert served_meta["title"] == meta["title"]
    events = served_meta["databases"][DATABASE]["tables"]["events"]
    assert events["columns"]["certainty"].startswith("Certainty. ")


def test_json_api_values_equal_the_shipped_row(served):
    data = json.loads(_get(f"{served}/{DATABASE}/events/{EVENT}.json?_shape=objects"))
    (row,) = data["rows"]
    shipped = mpd.load_events().set_index("event_id").loc[EVENT]
    assert row["title"] == shipped.title
    assert row["date_start"] == shipped.date_start.date().isoformat()
    assert row["certainty"] == shipped.certainty


def test_json_api_full_text_search(served):
    query = urllib.parse.urlencode({"_search": "Peres Ifrane", "_shape": "objects"})
    data = json.loads(_get(f"{served}/{DATABASE}/events.json?{query}"))
    assert EVENT in {row["event_id"] for row in data["rows"]}
    assert all("peres" in json.dumps(row).lower() for row in data["rows"])


def test_foreign_keys_are_labelled(served):
    query = urllib.parse.urlencode({"event_id": EVENT, "_labels": "on", "_shape": "objects"})
    data = json.loads(_get(f"{served}/{DATABASE}/event_actors.json?{query}"))
    names = mpd.load_actors().set_index("actor_id").name_en
    shipped = mpd.load_event_actors().query("event_id == @EVENT")
    assert {r["actor_id"]["label"] for r in data["rows"]} == set(names[shipped.actor_id])


def test_record_page_links_places_by_name_and_its_sources(served):
    html = _get(f"{served}/{DATABASE}/events/{EVENT}")
    place_id = mpd.load_events().set_index("event_id").place_id[EVENT]
    place = mpd.load_places().set_index("place_id").name_en[place_id]
    assert f'href="/{DATABASE}/places/{place_id}">{place} ({place_id})</a>' in html
    cites = mpd.load_citations().query("record_table == 'events' and record_id == @EVENT")
    link = re.search(r'href="([^"]+)">sources cited \((\d+)\)</a>', html)
    assert link and int(link.group(2)) == len(cites)
    cited = _get(served + link.group(1).replace("&amp;", "&"))
    titles = mpd.load_sources().set_index("source_id").title
    for source_id in cites.source_id:
        assert str(markupsafe.escape(titles[source_id])) in cited


def _listening_addresses(port: int) -> set[str]:
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        lines = Path(table).read_text().splitlines()[1:] if Path(table).exists() else []
        for line in lines:
            local, _, state = line.split()[1:4]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux /proc/net/tcp")
def test_serve_listens_on_loopback_only(served):
    port = int(served.rsplit(":", 1)[1])
    assert _listening_addresses(port) == {"0100007F"}  # 127.0.0.1, and nothing on IPv6
