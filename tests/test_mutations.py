"""Broken copies of the shipped CSVs, made in many ways: every one ends in a report naming the
file, the line or ID, the column and the rule, never in a traceback, and changes no file.

Each kind of damage is checked three ways on one copied folder: the command line
(`validate FOLDER`, exit 1), the API (`validate(folder)`, DataValidationError) and the build
(DataValidationError, nothing written). Two kinds also run in fresh interpreters, to see
stderr as a user would.
"""

from __future__ import annotations

import csv
import hashlib
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import morocco_palestine_data as mpd
from morocco_palestine_data import cli
from morocco_palestine_data.build import build
from morocco_palestine_data.problems import DataValidationError, Problem

ROOT = Path(__file__).resolve().parents[1]
EVENT = "1986-07-22-peres-visits-hassan-ii-ifrane"  # line 53 of events.csv
ID = EVENT.encode()


@dataclass(frozen=True)
class Expect:
    """What the report must say: the file, the rule, where (line and/or ID), the column."""

    file: str
    rule: str
    where: str | None = None
    column: str | None = None

    def found_in(self, problems: list[Problem]) -> bool:
        return any(self.matches(p) for p in problems)

    def matches(self, p: Problem) -> bool:
        return (
            p.file == self.file
            and self.rule in p.rule
            and (self.where is None or self.where in (p.row or ""))
            and (self.column is None or p.column == self.column)
        )

    def in_text(self, text: str) -> bool:
        """True if one line of a printed report says all of it."""
        parts = [self.file, f"rule {self.rule}"]
        parts += [self.where] if self.where else []
        parts += [f"column {self.column}"] if self.column else []
        return any(all(part in line for part in parts) for line in text.splitlines())


# --- ways of editing a copy -------------------------------------------------------------


def rows_of(folder: Path, table: str) -> tuple[list[str], list[dict[str, str]]]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def write_rows(folder: Path, table: str, fields: list[str], rows: list[dict[str, str]]) -> None:
    with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def set_cell(folder: Path, table: str, line: int, column: str, value: str) -> None:
    """Set ``column`` of the record on ``line`` (the header is line 1)."""
    fields, rows = rows_of(folder, table)
    rows[line - 2][column] = value
    write_rows(folder, table, fields, rows)


def edit_text(folder: Path, table: str, change: Callable[[str], str]) -> None:
    path = folder / f"{table}.csv"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def edit_line(folder: Path, table: str, line: int, change: Callable[[str], str]) -> None:
    def on_line(text: str) -> str:
        lines = text.split("\n")
        lines[line - 1] = change(lines[line - 1])
        return "\n".join(lines)

    edit_text(folder, table, on_line)


def edit_bytes(folder: Path, table: str, change: Callable[[bytes], bytes]) -> None:
    path = folder / f"{table}.csv"
    path.write_bytes(change(path.read_bytes()))


def drop_column(folder: Path, table: str, column: str) -> None:
    fields, rows = rows_of(folder, table)
    fields.remove(column)
    write_rows(folder, table, fields, [{f: r[f] for f in fields} for r in rows])


def add_column(folder: Path, table: str, column: str) -> None:
    fields, rows = rows_of(folder, table)
    write_rows(folder, table, [*fields, column], [{**r, column: "x"} for r in rows])


def swap_columns(folder: Path, table: str, a: str, b: str) -> None:
    fields, rows = rows_of(folder, table)
    i, j = fields.index(a), fields.index(b)
    fields[i], fields[j] = fields[j], fields[i]
    write_rows(folder, table, fields, rows)


def append_row(folder: Path, table: str, row: dict[str, str]) -> None:
    fields, rows = rows_of(folder, table)
    write_rows(folder, table, fields, [*rows, {f: row.get(f, "") for f in fields}])


def truncate_in_line(folder: Path, table: str, line: int, after: str) -> None:
    """Cut the file just after the first ``after`` on ``line``: a save that stopped."""

    def cut(text: str) -> str:
        lines = text.split("\n")
        return "\n".join(lines[: line - 1]) + "\n" + lines[line - 1].split(after)[0] + after

    edit_text(folder, table, cut)


# --- the kinds of damage: (mutate the folder, what the report must say) -----------------

MUTATIONS: dict[str, tuple[Callable[[Path], None], Expect]] = {
    # files
    "empty file": (
        lambda d: (d / "events.csv").write_bytes(b""),
        Expect("events.csv", "empty_file", "line 1"),
    ),
    "only whitespace": (
        lambda d: (d / "places.csv").write_text("\n\n", encoding="utf-8"),
        Expect("places.csv", "empty_file", "line 1"),
    ),
    "header only": (
        lambda d: edit_text(d, "places", lambda t: t.split("\n")[0] + "\n"),
        Expect("places.csv", "no_rows", "line 1"),
    ),
    "missing file": (
        lambda d: (d / "event_actors.csv").unlink(),
        Expect("event_actors.csv", "missing_file"),
    ),
    "unexpected file": (
        lambda d: shutil.copyfile(d / "events.csv", d / "event.csv"),
        Expect("event.csv", "unexpected_file"),
    ),
    "folder where a file should be": (
        lambda d: ((d / "places.csv").unlink(), (d / "places.csv").mkdir()),
        Expect("places.csv", "file_readable"),
    ),
    # encodings and bytes
    "latin-1 byte": (
        lambda d: edit_bytes(d, "events", lambda b: b.replace(ID, b"\xe2" + ID, 1)),
        Expect("events.csv", "encoding", "line 53"),
    ),
    "utf-16": (
        lambda d: edit_bytes(d, "actors", lambda b: b.decode("utf-8").encode("utf-16")),
        Expect("actors.csv", "encoding", "line 1"),
    ),
    "byte-order mark": (
        lambda d: edit_bytes(d, "sources", lambda b: b"\xef\xbb\xbf" + b),
        Expect("sources.csv", "encoding", "line 1"),
    ),
    "NUL byte": (
        lambda d: edit_line(d, "places", 5, lambda s: s.replace(",", ",\0", 1)),
        Expect("places.csv", "encoding", "line 5"),
    ),
    # CSV structure
    "truncated in a row": (
        lambda d: truncate_in_line(d, "events", 53, "1986-07-23,"),
        Expect("events.csv", "field_count", "line 53"),
    ),
    "truncated inside quotes": (
        lambda d: truncate_in_line(d, "events", 2, '"According to'),
        Expect("events.csv", "csv_quotes", "line 2"),
    ),
    "stray opening quote": (
        lambda d: edit_line(d, "places", 3, lambda s: s.replace(",Algiers,", ',"Algiers,')),
        Expect("places.csv", "csv_quotes", "line 3"),
    ),
    "stray delimiter": (
        lambda d: edit_line(d, "places", 2, lambda s: s.replace("Agadir", "Aga,dir", 1)),
        Expect("places.csv", "field_count", "line 2"),
    ),
    "lost delimiter": (
        lambda d: edit_line(d, "event_actors", 2, lambda s: s.replace(",", "", 1)),
        Expect("event_actors.csv", "field_count", "line 2"),
    ),
    "carriage return inside a row": (
        lambda d: edit_line(d, "events", 53, lambda s: s.replace(",", ",\r", 1)),
        Expect("events.csv", "field_count", "line 53"),
    ),
    "blank line": (
        lambda d: edit_line(d, "actors", 11, lambda s: "\n" + s),
        Expect("actors.csv", "blank_line", "line 11"),
    ),
    # header
    "missing column": (
        lambda d: drop_column(d, "events", "notes"),
        Expect("events.csv", "columns", "line 1"),
    ),
    "extra column": (
        lambda d: add_column(d, "places", "population"),
        Expect("places.csv", "columns", "line 1"),
    ),
    "renamed column": (
        lambda d: edit_line(d, "places", 1, lambda s: s.replace("latitude", "lat")),
        Expect("places.csv", "columns", "line 1"),
    ),
    "repeated column": (
        lambda d: edit_line(d, "places", 1, lambda s: s.replace("name_ar", "name_en")),
        Expect("places.csv", "columns", "line 1"),
    ),
    "columns out of order": (
        lambda d: swap_columns(d, "places", "latitude", "longitude"),
        Expect("places.csv", "columns", "line 1"),
    ),
    "carriage return inside the header": (
        lambda d: edit_line(d, "places", 1, lambda s: s.replace("geonames", "geo\rnames")),
        Expect("places.csv", "columns", "line 1"),
    ),
    "space in a header name": (
        lambda d: edit_line(d, "events", 1, lambda s: s.replace("title", "title ")),
        Expect("events.csv", "columns", "line 1"),
    ),
    # values outside a vocabulary, including the polymorphic citations columns
    "event type outside its vocabulary": (
        lambda d: set_cell(d, "events", 53, "event_type", "picnic"),
        Expect("events.csv", "isin", EVENT, "event_type"),
    ),
    "optional enum outside its vocabulary": (
        lambda d: set_cell(d, "diplomatic_missions", 2, "opened_precision", "fortnight"),
        Expect("diplomatic_missions.csv", "isin", "line 2", "opened_precision"),
    ),
    "citation of a table that is never cited": (
        lambda d: set_cell(d, "citations", 2, "record_table", "sources"),
        Expect("citations.csv", "isin", "line 2", "record_table"),
    ),
    "citation of a record in the wrong table": (
        lambda d: set_cell(d, "citations", 2, "record_table", "places"),
        Expect("citations.csv", "citation_target", "line 2", "record_id"),
    ),
    "citation of a record that does not exist": (
        lambda d: set_cell(d, "citations", 2, "record_id", "nobody-at-all"),
        Expect("citations.csv", "citation_target", "line 2", "record_id"),
    ),
    # dates
    "date in another format": (
        lambda d: set_cell(d, "events", 53, "date_start", "22/07/1986"),
        Expect("events.csv", "date_format", EVENT, "date_start"),
    ),
    "day that does not exist": (
        lambda d: set_cell(d, "events", 53, "date_end", "1986-02-30"),
        Expect("events.csv", "date_format", EVENT, "date_end"),
    ),
    "date too far in the future to hold": (
        lambda d: set_cell(d, "events", 53, "date_end", "2500-01-01"),
        Expect("events.csv", "date_format", EVENT, "date_end"),
    ),
    "date before the allowed range": (
        lambda d: set_cell(d, "sources", 2, "accessed_on", "1850-01-01"),
        Expect("sources.csv", "greater_than_or_equal_to", "line 2", "accessed_on"),
    ),
    "bracket ending before it starts": (
        lambda d: set_cell(d, "events", 53, "date_start", "1986-07-24"),
        Expect("events.csv", "date_bracket_ordered", EVENT, "date_start, date_end, date_precision"),
    ),
    "bracket not in whole units": (
        lambda d: set_cell(d, "events", 53, "date_precision", "month"),
        Expect("events.csv", "date_bracket_matches_precision", EVENT),
    ),
    "bracket half filled": (
        lambda d: set_cell(d, "diplomatic_missions", 2, "opened_precision", ""),
        Expect("diplomatic_missions.csv", "opened_bracket_complete", "line 2"),
    ),
    # numbers
    "decimal in a whole-number column": (
        lambda d: set_cell(d, "aid_deliveries", 17, "aircraft", "2.5"),
        Expect("aid_deliveries.csv", "integer_format", "line 17", "aircraft"),
    ),
    "integer too large to hold": (
        lambda d: set_cell(d, "places", 2, "geonames_id", "99999999999999999999999"),
        Expect("places.csv", "integer_format", "line 2", "geonames_id"),
    ),
    "negative count": (
        lambda d: set_cell(d, "aid_deliveries", 17, "trucks", "-3"),
        Expect("aid_deliveries.csv", "greater_than_or_equal_to", "line 17", "trucks"),
    ),
    "decimal comma": (
        lambda d: set_cell(d, "places", 2, "latitude", "30,433"),
        Expect("places.csv", "number_format", "line 2", "latitude"),
    ),
    "infinite number": (
        lambda d: set_cell(d, "aid_deliveries", 17, "weight_tonnes", "inf"),
        Expect("aid_deliveries.csv", "number_format", "line 17", "weight_tonnes"),
    ),
    "latitude out of range": (
        lambda d: set_cell(d, "places", 2, "latitude", "95"),
        Expect("places.csv", "less_than_or_equal_to", "line 2", "latitude"),
    ),
    "latitude without longitude": (
        lambda d: set_cell(d, "places", 2, "longitude", ""),
        Expect("places.csv", "latitude_longitude_paired", "place_id=agadir"),
    ),
    # text and identifiers
    "required cell empty": (
        lambda d: set_cell(d, "events", 53, "title", ""),
        Expect("events.csv", "not_nullable", EVENT, "title"),
    ),
    "space at the end of a text": (
        lambda d: set_cell(d, "events", 53, "title", "Peres in Ifrane "),
        Expect("events.csv", "str_matches", EVENT, "title"),
    ),
    "line break inside a quoted cell": (
        lambda d: set_cell(d, "events", 53, "title", "Peres\nin Ifrane"),
        Expect("events.csv", "str_matches", "line 53", "title"),
    ),
    "text too long": (
        lambda d: set_cell(d, "events", 53, "title", "x" * 161),
        Expect("events.csv", "str_length", EVENT, "title"),
    ),
    "identifier in capitals": (
        lambda d: set_cell(d, "actors", 2, "actor_id", "Abbas-El-Fassi"),
        Expect("actors.csv", "str_matches", "line 2", "actor_id"),
    ),
    "URL without a scheme": (
        lambda d: set_cell(d, "sources", 2, "url", "1001infos.net/maroc/"),
        Expect("sources.csv", "str_matches", "line 2", "url"),
    ),
    # keys
    "duplicate identifier": (
        lambda d: set_cell(d, "places", 3, "place_id", "agadir"),
        Expect("places.csv", "field_uniqueness", "place_id=agadir", "place_id"),
    ),
    "duplicate row": (
        lambda d: edit_text(d, "event_actors", lambda t: t + t.split("\n")[1] + "\n"),
        Expect("event_actors.csv", "multiple_fields_uniqueness", "line 2"),
    ),
    "dangling foreign key": (
        lambda d: set_cell(d, "events", 53, "place_id", "atlantis"),
        Expect("events.csv", "foreign_key", EVENT, "place_id"),
    ),
    "dangling reference to the same table": (
        lambda d: set_cell(d, "actors", 2, "parent_actor_id", "nobody-at-all"),
        Expect("actors.csv", "foreign_key", "actor_id=abbas-el-fassi", "parent_actor_id"),
    ),
    "citation re-read before the page was first read": (
        lambda d: set_cell(d, "citations", 2, "verified_on", "2020-01-01"),
        Expect("citations.csv", "verified_before_accessed", "line 2", "verified_on"),
    ),
    "uncited record": (
        lambda d: append_row(
            d, "places", {"place_id": "nowhere", "name_en": "Nowhere", "place_type": "city"}
        ),
        Expect("places.csv", "uncited", "place_id=nowhere", "place_id"),
    ),
}


def tree_digest(root: Path) -> dict[str, str]:
    """Every file and folder under ``root`` with the SHA-256 of its bytes."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "/"
        for p in sorted(root.rglob("*"))
    }


def broken_copy(tmp_path: Path, kind: str) -> Path:
    """A repository-like folder (``data/*.csv`` only) with damage of ``kind``."""
    data = tmp_path / "repo" / "data"
    data.mkdir(parents=True)
    for table in mpd.list_tables():
        shutil.copyfile(ROOT / "data" / f"{table}.csv", data / f"{table}.csv")
    mutate, _ = MUTATIONS[kind]
    mutate(data)
    return data


def test_there_are_at_least_thirty_kinds():
    assert len(MUTATIONS) >= 30


@pytest.mark.parametrize("kind", MUTATIONS)
def test_broken_copy_is_reported_everywhere_and_nothing_changes(kind, tmp_path, capsys):
    data = broken_copy(tmp_path, kind)
    expect = MUTATIONS[kind][1]
    before = tree_digest(data.parent)

    # the command line: exit 1, a report on stderr, no traceback
    assert cli.main(["validate", str(data)]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert expect.in_text(err), f"no line of the report says {expect}:\n{err}"

    # the API: DataValidationError whose problems include the expected one
    with pytest.raises(DataValidationError) as caught:
        mpd.validate(data)
    assert expect.found_in(caught.value.problems), caught.value

    # the build: the same error, and nothing written
    with pytest.raises(DataValidationError) as caught:
        build(root=data.parent)
    assert expect.found_in(caught.value.problems), caught.value

    assert tree_digest(data.parent) == before


@pytest.mark.parametrize("kind", ["latin-1 byte", "stray opening quote"])
def test_commands_in_a_fresh_interpreter_print_a_report_not_a_traceback(kind, tmp_path):
    data = broken_copy(tmp_path, kind)
    before = tree_digest(data.parent)
    expect = MUTATIONS[kind][1]
    for command in (
        ["-m", "morocco_palestine_data", "validate", str(data)],
        ["-m", "morocco_palestine_data.build", "--root", str(data.parent)],
    ):
        run = subprocess.run([sys.executable, *command], capture_output=True, text=True)
        assert run.returncode == 1, run.stderr
        assert "Traceback" not in run.stderr
        assert expect.in_text(run.stderr), run.stderr
    assert tree_digest(data.parent) == before


def test_a_folder_that_does_not_exist_is_reported(tmp_path, capsys):
    assert cli.main(["validate", str(tmp_path / "nowhere")]) == 1
    assert "does not exist" in capsys.readouterr().err
