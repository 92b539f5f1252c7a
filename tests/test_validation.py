"""Broken data is refused with a message naming table, row (ID), column and rule."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import morocco_palestine_data as mpd
from morocco_palestine_data.build import build
from morocco_palestine_data.problems import DataValidationError


def edit(folder: Path, table: str, key: str, value: str, column: str, new: str) -> None:
    """Set ``column`` to ``new`` in the row of ``table`` whose ``key`` column is ``value``."""
    path = folder / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows, fields = list(reader), reader.fieldnames
    hits = [r for r in rows if r[key] == value]
    assert hits, f"no {table} row with {key}={value}"
    hits[0][column] = new
    write(path, fields, rows)


def append(folder: Path, table: str, row: dict[str, str]) -> None:
    path = folder / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows, fields = list(reader), reader.fieldnames
    write(path, fields, [*rows, {f: row.get(f, "") for f in fields}])


def write(path: Path, fields, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


EVENT = "1986-07-22-peres-visits-hassan-ii-ifrane"


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(DataValidationError) as caught:
        mpd.validate(folder)
    return [str(p) for p in caught.value.problems]


def test_shipped_csvs_are_valid(data_copy):
    assert mpd.validate(data_copy)["events"] == len(mpd.load_events())


def test_bad_enum_value_is_named(data_copy):
    edit(data_copy, "events", "event_id", EVENT, "event_type", "picnic")
    (problem,) = problems_of(data_copy)
    assert problem.startswith("events.csv [line ")
    assert f"event_id={EVENT}" in problem
    assert "column event_type" in problem and "'picnic'" in problem and "rule isin" in problem


def test_dangling_foreign_key_is_named(data_copy):
    edit(data_copy, "events", "event_id", EVENT, "place_id", "atlantis")
    (problem,) = problems_of(data_copy)
    assert f"event_id={EVENT}" in problem
    assert "column place_id" in problem and "'atlantis'" in problem
    assert "rule foreign_key" in problem and "places.place_id" in problem


def test_duplicate_id_is_named(data_copy):
    edit(data_copy, "places", "place_id", "oujda", "place_id", "jerada")
    found = problems_of(data_copy)
    assert any("places.csv [" in p and "place_id=jerada" in p and "uniqueness" in p for p in found)
    assert any("rule uncited" in p or "foreign_key" in p for p in found)  # oujda vanished


def test_uncited_record_is_named(data_copy):
    append(
        data_copy,
        "places",
        {
            "place_id": "nowhere",
            "name_en": "Nowhere",
            "place_type": "city",
            "country_iso3": "MAR",
        },
    )
    (problem,) = problems_of(data_copy)
    assert "places.csv [" in problem and "place_id=nowhere" in problem
    assert "column place_id" in problem and "rule uncited" in problem


def test_citation_of_a_missing_record_is_named(data_copy):
    append(
        data_copy,
        "citations",
        {
            "record_table": "events",
            "record_id": "1999-01-01-never-happened",
            "source_id": "wikipedia-morocco-palestine-relations",
        },
    )
    (problem,) = problems_of(data_copy)
    assert "citations.csv [" in problem and "1999-01-01-never-happened" in problem
    assert "rule citation_target" in problem


def test_bad_date_and_padded_precision_are_named(data_copy):
    edit(data_copy, "events", "event_id", EVENT, "date_start", "22/07/1986")
    edit(
        data_copy,
        "events",
        "event_id",
        "1948-06-07-oujda-anti-jewish-riot",
        "date_precision",
        "month",
    )
    found = problems_of(data_copy)
    assert any(
        "column date_start" in p and "date_format" in p and "'22/07/1986'" in p for p in found
    )
    assert any(
        "1948-06-07-oujda-anti-jewish-riot" in p
        and "column date_start, date_end, date_precision" in p
        and "rule date_bracket_matches_precision" in p
        for p in found
    )


def test_required_cell_is_named(data_copy):
    edit(data_copy, "events", "event_id", EVENT, "title", "")
    (problem,) = problems_of(data_copy)
    assert "column title" in problem and "not_nullable" in problem


def test_stray_whitespace_in_text_is_named(data_copy):
    edit(data_copy, "events", "event_id", EVENT, "title", "Peres in Ifrane ")
    (problem,) = problems_of(data_copy)
    assert f"event_id={EVENT}" in problem and "column title" in problem
    assert "remove line breaks" in problem


def test_wrong_header_is_named(data_copy):
    text = (data_copy / "places.csv").read_text(encoding="utf-8")
    (data_copy / "places.csv").write_text(text.replace("latitude", "lat", 1), encoding="utf-8")
    found = problems_of(data_copy)
    assert any("places" in p and "missing ['latitude']" in p and "rule columns" in p for p in found)


def test_problems_are_all_reported_at_once(data_copy):
    edit(data_copy, "events", "event_id", EVENT, "event_type", "picnic")
    edit(data_copy, "events", "event_id", EVENT, "place_id", "atlantis")
    assert len(problems_of(data_copy)) == 2


def test_build_refuses_to_write_anything(tmp_path, data_copy):
    edit(data_copy, "events", "event_id", EVENT, "certainty", "probable")
    out = tmp_path / "out"
    with pytest.raises(DataValidationError, match="certainty"):
        build(root=data_copy.parent, out=out)
    assert not out.exists()


def test_cli_validate_exits_1_with_a_readable_report(data_copy, capsys):
    from morocco_palestine_data.cli import main

    edit(data_copy, "events", "event_id", EVENT, "plover_category", "HUG")
    assert main(["validate", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert "plover_category" in err and EVENT in err and "HUG" in err


def test_country_code_not_in_iso_3166_is_named(data_copy):
    # "XKX" passes the three-capitals pattern but ISO 3166-1 has not assigned it
    edit(data_copy, "places", "place_id", "oujda", "country_iso3", "XKX")
    (problem,) = problems_of(data_copy)
    assert "places.csv [" in problem and "place_id=oujda" in problem
    assert "column country_iso3" in problem and "'XKX'" in problem
    assert "rule iso3166_alpha3" in problem and "ISO 3166-1" in problem


STAGE_PARENT = "1986-07-plo-condemns-ifrane-talks"


def test_parent_event_that_does_not_exist_is_named(data_copy):
    edit(data_copy, "events", "event_id", EVENT, "parent_event_id", "no-such-operation")
    (problem,) = problems_of(data_copy)
    assert problem.startswith("events.csv [line ") and f"event_id={EVENT}" in problem
    assert "column parent_event_id" in problem and "'no-such-operation'" in problem
    assert "rule foreign_key" in problem and "events.event_id" in problem


def test_event_as_its_own_parent_is_named(data_copy):
    edit(data_copy, "events", "event_id", EVENT, "parent_event_id", EVENT)
    (problem,) = problems_of(data_copy)
    assert f"event_id={EVENT}" in problem and "column parent_event_id" in problem
    assert "rule parent_event_self" in problem and "fix: empty the cell" in problem


def test_cycle_of_parent_links_is_named_on_each_event(data_copy):
    edit(data_copy, "events", "event_id", EVENT, "parent_event_id", STAGE_PARENT)
    edit(data_copy, "events", "event_id", STAGE_PARENT, "parent_event_id", EVENT)
    found = problems_of(data_copy)
    assert len(found) == 2 and all("rule parent_event_cycle" in p for p in found)
    assert any(f"event_id={EVENT}" in p for p in found)
    assert any(f"event_id={STAGE_PARENT}" in p for p in found)


def test_stage_starting_before_its_parent_is_named(data_copy):
    # The condemnation is bracketed from 22 July 1986; Hassan II gave up the chair on 27 July.
    later = "1986-07-27-hassan-ii-resigns-arab-summit-chair"
    edit(data_copy, "events", "event_id", STAGE_PARENT, "parent_event_id", later)
    (problem,) = problems_of(data_copy)
    assert f"event_id={STAGE_PARENT}" in problem and "column parent_event_id" in problem
    assert "rule parent_event_dates" in problem
    assert "starts on 1986-07-22, before its parent" in problem and "1986-07-27" in problem


def test_citation_reread_before_the_source_was_first_read_is_named(data_copy):
    # The Diarna page, cited once, was first read on 2026-11-28.
    edit(data_copy, "citations", "source_id", "diarna-jerada", "verified_on", "2026-11-27")
    (problem,) = problems_of(data_copy)
    assert problem.startswith("citations.csv [line ")
    assert "=events/1948-06-07-jerada-anti-jewish-riot/diarna-jerada]" in problem
    assert "column verified_on" in problem
    assert "rule verified_before_accessed" in problem and "(2026-11-28)" in problem
    assert "fix: correct verified_on or the source's accessed_on" in problem


def test_citation_reread_on_the_day_of_first_reading_is_accepted(data_copy):
    edit(data_copy, "citations", "source_id", "diarna-jerada", "verified_on", "2026-11-28")
    assert mpd.validate(data_copy)["citations"] == len(mpd.load_citations())
