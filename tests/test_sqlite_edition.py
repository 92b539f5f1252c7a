"""The SQLite edition: same rows and values, SQL types, keys, indexes, full-text search."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
import pytest

import morocco_palestine_data as mpd
from morocco_palestine_data import loading
from morocco_palestine_data.sqlite_edition import write_sqlite

TEXT_TYPES = {"string": "TEXT", "date": "TEXT", "integer": "INTEGER", "number": "REAL"}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("sqlite") / "mpd.sqlite"
    return write_sqlite(mpd.load_all(), loading.descriptor(), target)


@pytest.fixture()
def con(db):
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    yield connection
    connection.close()


def _resource(table: str) -> dict:
    (res,) = (r for r in loading.descriptor()["resources"] if r["name"] == table)
    return res


@pytest.mark.parametrize("table", mpd.list_tables())
def test_every_table_round_trips_to_an_equal_frame(con, table):
    frame = pd.read_sql_query(f'SELECT * FROM "{table}" ORDER BY rowid', con)
    for field in loading.fields(table):
        if field["type"] == "date":  # ISO text in SQLite
            assert frame[field["name"]].dropna().str.fullmatch(r"\d{4}-\d\d-\d\d").all()
            frame[field["name"]] = pd.to_datetime(frame[field["name"]], format="%Y-%m-%d")
    pd.testing.assert_frame_equal(frame.astype(loading.dtypes(table)), mpd.load(table))


@pytest.mark.parametrize("table", mpd.list_tables())
def test_columns_have_sql_types_and_not_null(con, table):
    info = {row[1]: row for row in con.execute(f'PRAGMA table_info("{table}")')}
    fields = loading.fields(table)
    assert list(info) == [f["name"] for f in fields]
    for field in fields:
        _, _, sql_type, notnull, _, _ = info[field["name"]]
        assert sql_type == TEXT_TYPES[field["type"]], field["name"]
        assert bool(notnull) == field["constraints"]["required"], field["name"]


@pytest.mark.parametrize("table", mpd.list_tables())
def test_primary_keys_are_declared(con, table):
    info = con.execute(f'PRAGMA table_info("{table}")').fetchall()
    declared = [row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5])]
    assert declared == _resource(table)["schema"]["primaryKey"]


@pytest.mark.parametrize("table", mpd.list_tables())
def test_foreign_keys_are_declared_and_indexed(con, table):
    declared = {(r[3], r[2], r[4]) for r in con.execute(f'PRAGMA foreign_key_list("{table}")')}
    expected = {
        (fk["fields"][0], fk["reference"].get("resource", table), fk["reference"]["fields"][0])
        for fk in _resource(table)["schema"]["foreignKeys"]
    }
    assert declared == expected
    indexed = {
        con.execute(f'PRAGMA index_info("{index[1]}")').fetchone()[2]
        for index in con.execute(f'PRAGMA index_list("{table}")')
    }
    assert {column for column, _, _ in expected} <= indexed


def test_foreign_key_check_is_empty(con):
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert len(loading.descriptor()["resources"]) == len(mpd.list_tables())


def test_vocabularies_are_checked_by_sqlite(db, tmp_path):
    connection = sqlite3.connect(db)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
        connection.execute("UPDATE events SET certainty = 'probable' WHERE rowid = 1")
    connection.close()


def test_column_descriptions_are_in_the_schema(con):
    sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'events'").fetchone()[0]
    assert "-- Certainty. How well the record is supported" in sql


def test_full_text_search_over_titles_summaries_and_notes(con):
    columns = [r[1] for r in con.execute('PRAGMA table_info("events_fts")')]
    assert columns == ["title", "summary", "notes"]
    hits = con.execute(
        "SELECT e.event_id FROM events_fts JOIN events e ON e.rowid = events_fts.rowid "
        "WHERE events_fts MATCH 'peres AND ifrane' ORDER BY e.event_id"
    ).fetchall()
    assert ("1986-07-22-peres-visits-hassan-ii-ifrane",) in hits
    disputed_note = con.execute(
        "SELECT count(*) FROM events_fts WHERE events_fts MATCH 'notes:disagree*'"
    ).fetchone()[0]
    assert disputed_note > 0


def test_tables_without_free_text_have_no_search_index(con):
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "event_actors_fts" not in names
    assert {"events_fts", "actors_fts", "sources_fts"} <= names


def test_arabic_text_is_intact_and_searchable(con):
    actors = mpd.load_actors().dropna(subset=["name_ar"])
    actor_id, name_ar = actors.iloc[0][["actor_id", "name_ar"]]
    stored = con.execute("SELECT name_ar FROM actors WHERE actor_id = ?", [actor_id]).fetchone()
    assert stored == (name_ar,)
    word = max(name_ar.split(), key=len)
    hits = con.execute(
        "SELECT a.actor_id FROM actors_fts JOIN actors a ON a.rowid = actors_fts.rowid "
        "WHERE actors_fts MATCH ?",
        [f'"{word}"'],
    ).fetchall()
    assert (actor_id,) in hits


def test_two_writes_are_byte_identical(db, tmp_path):
    again = write_sqlite(mpd.load_all(), loading.descriptor(), tmp_path / "again.sqlite")
    assert again.read_bytes() == db.read_bytes()


def test_a_dangling_foreign_key_is_refused(tmp_path):
    frames = mpd.load_all()
    frames["events"].loc[0, "place_id"] = "atlantis"
    with pytest.raises(ValueError, match="foreign keys point nowhere"):
        write_sqlite(frames, loading.descriptor(), tmp_path / "broken.sqlite")
