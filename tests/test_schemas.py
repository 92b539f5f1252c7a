"""The pandera models: one per table, every column defined once with a title and a description."""

from __future__ import annotations

import pandas as pd
import pytest

from morocco_palestine_data import schemas
from morocco_palestine_data.tables import TABLES

EXPECTED_MODELS = {
    "actors": "Actors",
    "aid_deliveries": "AidDeliveries",
    "citations": "Citations",
    "diplomatic_missions": "DiplomaticMissions",
    "event_actors": "EventActors",
    "events": "Events",
    "mission_heads": "MissionHeads",
    "places": "Places",
    "sources": "Sources",
}


def test_one_model_per_table_with_the_fixed_names():
    assert {t: schemas.model(t).__name__ for t in TABLES} == EXPECTED_MODELS
    for name in EXPECTED_MODELS.values():
        assert (
            getattr(schemas, name)
            is schemas.MODELS[next(t for t, n in EXPECTED_MODELS.items() if n == name)]
        )


@pytest.mark.parametrize("table", TABLES)
def test_every_column_has_title_and_description(table):
    for name, column in schemas.model(table).to_schema().columns.items():
        assert column.title, f"{table}.{name} has no title"
        assert column.description and len(column.description) > 10, f"{table}.{name}"


@pytest.mark.parametrize("table", TABLES)
def test_primary_key_is_enforced_as_unique(table):
    schema = schemas.model(table).to_schema()
    assert schema.unique == schemas.table_metadata(table)["primary_key"]


@pytest.mark.parametrize("table", TABLES)
def test_foreign_keys_point_at_primary_keys(table):
    for fk in schemas.table_metadata(table)["foreign_keys"]:
        ref = fk["reference"]
        assert ref["fields"] == schemas.table_metadata(ref["resource"])["primary_key"]
        assert fk["fields"][0] in schemas.model(table).to_schema().columns


def test_every_id_column_has_the_slug_pattern():
    for table in TABLES:
        for name, column in schemas.model(table).to_schema().columns.items():
            if name.endswith("_id") and name not in ("wikidata_qid", "geonames_id"):
                patterns = [c.statistics.get("pattern") for c in column.checks]
                assert r"^[a-z0-9]+(-[a-z0-9]+)*$" in patterns, f"{table}.{name}"


def test_enum_columns_are_categoricals_with_documented_values():
    events = schemas.Events.to_schema()
    dtype = events.columns["certainty"].dtype.type
    assert isinstance(dtype, pd.CategoricalDtype)
    assert list(dtype.categories) == ["confirmed", "reported", "disputed"]
    assert events.columns["event_type"].metadata["vocabulary"]["riot"]


def test_cited_tables_are_the_ones_citations_may_name():
    cited = {t for t in TABLES if schemas.table_metadata(t)["cited"]}
    allowed = set(schemas.Citations.to_schema().columns["record_table"].dtype.type.categories)
    assert cited == allowed
    assert cited == {
        "actors",
        "aid_deliveries",
        "diplomatic_missions",
        "events",
        "mission_heads",
        "places",
    }
