"""The Frictionless descriptor: valid, keyed, linked, hashed, and in step with the Parquet."""

from __future__ import annotations

import hashlib
import json

import pandas as pd
import pytest

import morocco_palestine_data as mpd
from morocco_palestine_data import schemas
from morocco_palestine_data.tables import TABLES


@pytest.fixture(scope="module")
def package(root) -> dict:
    return json.loads((root / "datapackage.json").read_text(encoding="utf-8"))


def test_frictionless_reports_the_package_valid(root):
    import frictionless

    report = frictionless.Package(str(root / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_package_metadata(package):
    assert package["name"] == "morocco-palestine-data"
    assert package["version"] == mpd.__version__
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["contributors"]
    assert {s["path"] for s in package["sources"]} == set(mpd.load_sources()["url"])


def test_one_resource_per_table_with_primary_key(package):
    assert [r["name"] for r in package["resources"]] == list(TABLES)
    for res in package["resources"]:
        assert res["schema"]["primaryKey"] == schemas.table_metadata(res["name"])["primary_key"]


def test_every_link_is_a_declared_foreign_key(package):
    declared = {
        (res["name"], fk["fields"][0], fk["reference"].get("resource", res["name"]))
        for res in package["resources"]
        for fk in res["schema"]["foreignKeys"]
    }
    expected = {
        ("actors", "parent_actor_id", "actors"),
        ("aid_deliveries", "event_id", "events"),
        ("aid_deliveries", "donor_actor_id", "actors"),
        ("aid_deliveries", "ordered_by_actor_id", "actors"),
        ("aid_deliveries", "channel_actor_id", "actors"),
        ("citations", "source_id", "sources"),
        ("diplomatic_missions", "sending_actor_id", "actors"),
        ("diplomatic_missions", "receiving_actor_id", "actors"),
        ("diplomatic_missions", "place_id", "places"),
        ("event_actors", "event_id", "events"),
        ("event_actors", "actor_id", "actors"),
        ("events", "place_id", "places"),
        ("mission_heads", "mission_id", "diplomatic_missions"),
        ("mission_heads", "actor_id", "actors"),
        ("events", "parent_event_id", "events"),
    }
    assert declared == expected


def test_every_csv_has_hash_and_bytes(root, package):
    for res in package["resources"]:
        data = (root / res["path"]).read_bytes()
        assert res["bytes"] == len(data)
        assert res["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()


def test_fields_carry_constraints_from_the_models(package):
    events = next(r for r in package["resources"] if r["name"] == "events")
    fields = {f["name"]: f for f in events["schema"]["fields"]}
    assert fields["event_id"]["constraints"] == {
        "required": True,
        "unique": True,
        "pattern": "[a-z0-9]+(-[a-z0-9]+)*",
    }
    assert fields["certainty"]["constraints"]["enum"] == ["confirmed", "reported", "disputed"]
    assert fields["date_start"]["type"] == "date"
    assert fields["date_start"]["constraints"]["minimum"] == "1900-01-01"
    assert fields["title"]["constraints"]["maxLength"] == 160


@pytest.mark.parametrize("table", TABLES)
def test_parquet_holds_the_same_rows_and_columns_as_the_csv(table):
    from morocco_palestine_data.parsing import read_csv

    from_csv, problems = read_csv(table, mpd.path(table, "csv"))
    assert problems == []
    pd.testing.assert_frame_equal(from_csv, mpd.load(table))


def test_parquet_fields_carry_descriptions():
    import pyarrow.parquet as pq

    schema = pq.read_schema(mpd.path("events", "parquet"))
    assert schema.field("certainty").metadata[b"description"].startswith(b"How well")
    assert schema.field("date_start").type == "date32[day]"
    assert str(schema.field("certainty").type).startswith("dictionary")
