"""The analysis-ready views: one row per record, joins and provenance counts that are exactly
what the tables hold (checked by hand for picked records, and against the CSV files read
with the csv module for every record)."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest

import morocco_palestine_data as mpd
from morocco_palestine_data import loading

ROOT = Path(__file__).resolve().parents[1]

VIEWS = {
    "events_wide": ("events", "event_id"),
    "aid_wide": ("aid_deliveries", "aid_id"),
    "missions_wide": ("diplomatic_missions", "mission_id"),
}
PEREZ_1986 = "1986-07-22-peres-visits-hassan-ii-ifrane"
LOULICHKI_2009 = "2009-01-03-loulichki-arab-group-presses-security-council"


def rows(table: str) -> list[dict[str, str]]:
    with (ROOT / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def wide() -> dict[str, pd.DataFrame]:
    return {name: getattr(mpd, name)() for name in VIEWS}


def row(frame: pd.DataFrame, key: str, value: str) -> pd.Series:
    (index,) = frame.index[frame[key] == value]
    return frame.loc[index]


@pytest.mark.parametrize("view", VIEWS)
def test_a_view_has_one_row_per_record_in_table_order(wide, view):
    table, key = VIEWS[view]
    base = mpd.load(table)
    frame = wide[view]
    assert len(frame) == len(base)
    assert frame[key].tolist() == base[key].tolist()
    pd.testing.assert_frame_equal(frame[list(base.columns)], base)


@pytest.mark.parametrize("view", VIEWS)
def test_describe_defines_every_column_of_a_view_once_in_order(wide, view):
    described = mpd.describe(view)
    assert described["column"].tolist() == wide[view].columns.tolist()
    assert described["column"].is_unique
    assert (described["description"].str.len() > 10).all()
    assert (described["title"].str.len() > 0).all()


@pytest.mark.parametrize("view", VIEWS)
def test_view_columns_keep_their_declared_types(wide, view):
    frame = wide[view]
    for field in mpd.describe(view).itertuples():
        column = frame[field.column]
        if field.type == "list":
            assert all(isinstance(v, list) for v in column), field.column
        elif field.type == "date":
            assert column.dtype == "datetime64[ns]", field.column
        elif field.type == "integer":
            assert column.dtype == "Int64", field.column
        elif field.type == "number":
            assert column.dtype == "float64", field.column
        elif not isinstance(column.dtype, pd.CategoricalDtype):
            assert isinstance(column.dtype, pd.StringDtype), field.column
        if field.required:
            assert column.notna().all(), field.column


def test_events_wide_for_the_1986_ifrane_talks(wide):
    event = row(wide["events_wide"], "event_id", PEREZ_1986)
    assert event["place_name_en"] == "Ifrane"
    assert event["place_name_ar"] == "إفران"
    assert pd.isna(event["place_name_fr"])
    assert event["place_country_iso3"] == "MAR"
    assert (event["place_latitude"], event["place_longitude"]) == (33.533333, -5.116667)
    # The ministers and the adviser with the King, and the MK with Peres, are named by AP.
    assert event["host_ids"] == [
        "hassan-ii",
        "morocco",
        "abdelatif-filali",
        "driss-basri",
        "ahmed-guedira",
    ]
    assert event["host_names"] == (
        "Hassan II; Kingdom of Morocco; Abdelatif Filali; Driss Basri; Ahmed Guedira"
    )
    assert event["visitor_ids"] == ["israel", "shimon-peres", "rafi-edri"]
    assert event["visitor_names"] == "State of Israel; Shimon Peres; Rafi Edri"
    assert event["initiator_ids"] == []
    assert pd.isna(event["initiator_names"])
    assert event["year"] == 1986
    assert event["n_sources"] == 11
    assert event["n_sources_reread"] == 11  # every page read again on 2026-12-06
    assert event["n_publishers"] == 9  # three JTA articles count as one publisher
    assert event["source_kinds"] == ["academic", "encyclopedia", "institutional", "news", "other"]
    assert event["earliest_published_on"] == pd.Timestamp("1986-07-22")


def test_events_wide_for_loulichki_at_the_security_council(wide):
    event = row(wide["events_wide"], "event_id", LOULICHKI_2009)
    assert event["place_id"] == "new-york"
    assert event["place_country_iso3"] == "USA"
    assert event["initiator_ids"] == ["mohammed-loulichki", "morocco"]
    assert event["recipient_ids"] == ["un-security-council"]
    assert event["target_ids"] == ["israel"]
    assert event["n_sources"] == 2
    assert event["source_kinds"] == ["news"]
    # Only the Agadirinou page shows its date (found when it was re-read in December 2026).
    assert event["earliest_published_on"] == pd.Timestamp("2009-01-04")


def test_an_event_without_place_keeps_its_row_with_empty_place(wide):
    event = row(wide["events_wide"], "event_id", "1958-morocco-joins-arab-league")
    assert pd.isna(event["place_id"])
    for column in ("place_name_en", "place_latitude", "place_country_iso3"):
        assert pd.isna(event[column]), column


def test_an_event_without_actors_keeps_its_row(monkeypatch):
    real_load = loading.load

    def load_without_actors_of_ifrane(name, **kwargs):
        frame = real_load(name, **kwargs)
        return frame[frame["event_id"] != PEREZ_1986] if name == "event_actors" else frame

    monkeypatch.setattr(loading, "load", load_without_actors_of_ifrane)
    frame = mpd.events_wide()
    assert len(frame) == len(real_load("events"))
    event = row(frame, "event_id", PEREZ_1986)
    assert event["host_ids"] == [] and event["visitor_ids"] == []
    assert pd.isna(event["host_names"])
    assert event["n_sources"] == 11


def test_actors_by_role_equal_event_actors_for_every_event(wide):
    expected: dict[tuple[str, str], list[str]] = defaultdict(list)
    for link in rows("event_actors"):
        expected[link["event_id"], link["role"]].append(link["actor_id"])
    names = {a["actor_id"]: a["name_en"] for a in rows("actors")}
    roles = mpd.load_event_actors()["role"].cat.categories
    for event in wide["events_wide"].itertuples():
        for role in roles:
            ids = expected.get((event.event_id, role), [])
            assert getattr(event, f"{role}_ids") == ids, (event.event_id, role)
            joined = getattr(event, f"{role}_names")
            assert (joined if ids else None) == ("; ".join(names[i] for i in ids) or None)


@pytest.mark.parametrize("view", VIEWS)
def test_provenance_counts_equal_the_citations_of_every_record(wide, view):
    table, key = VIEWS[view]
    sources = {s["source_id"]: s for s in rows("sources")}
    cited: dict[str, list[str]] = defaultdict(list)
    reread: dict[str, int] = defaultdict(int)
    for cite in rows("citations"):
        if cite["record_table"] == table:
            cited[cite["record_id"]].append(cite["source_id"])
            reread[cite["record_id"]] += bool(cite["verified_on"])
    for record in wide[view].itertuples():
        ids = cited[getattr(record, key)]
        assert record.n_sources == len(ids)
        assert record.n_sources_reread == reread[getattr(record, key)]
        assert record.source_ids == sorted(ids)
        assert record.n_publishers == len({sources[i]["publisher"] for i in ids})
        assert record.source_kinds == sorted({sources[i]["source_kind"] for i in ids})
        dates = [sources[i]["published_on"] for i in ids if sources[i]["published_on"]]
        if dates:
            assert record.earliest_published_on == pd.Timestamp(min(dates))
        else:
            assert pd.isna(record.earliest_published_on)


def test_aid_wide_for_the_2009_air_bridge(wide):
    aid = row(wide["aid_wide"], "aid_id", "2009-01-el-arish-air-bridge")
    assert aid["donor_name"] == "Kingdom of Morocco"
    assert aid["ordered_by_name"] == "Mohammed VI"
    assert aid["channel_name"] == "Palestine Red Crescent Society"
    assert aid["event_title"] == "Moroccan air bridge to El Arish starts carrying aid for Gaza"
    assert aid["year"] == 2009
    assert aid["n_sources"] == 4
    assert aid["source_kinds"] == ["institutional", "news"]


def test_aid_wide_leaves_a_missing_channel_empty(wide):
    aid = row(wide["aid_wide"], "aid_id", "1970-palestine-support-fund-levy")
    assert pd.isna(aid["channel_actor_id"]) and pd.isna(aid["channel_name"])
    assert aid["donor_name"] == "Kingdom of Morocco"
    assert aid["ordered_by_name"] == "Hassan II"


def test_missions_wide_names_both_sides_and_the_seat(wide):
    mission = row(wide["missions_wide"], "mission_id", "palestine-embassy-rabat")
    assert mission["sending_name"] == "State of Palestine"
    assert mission["receiving_name"] == "Kingdom of Morocco"
    assert mission["place_name_en"] == "Rabat"
    assert mission["n_sources"] == 11
    assert mission["earliest_published_on"] == pd.Timestamp("2006-04-13")


def test_describe_rejects_an_unknown_view_listing_tables_and_views():
    with pytest.raises(ValueError, match="the views are: events_wide, aid_wide, missions_wide"):
        mpd.describe("events_wider")
