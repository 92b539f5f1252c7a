"""The command line: summary, describe, export, validate."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

import morocco_palestine_data as mpd
from morocco_palestine_data.cli import main


def test_summary_lists_every_table_with_its_rows(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    for table in mpd.list_tables():
        assert f"{table}" in out
    assert f"{len(mpd.load_events())} rows" in out


def test_describe_prints_the_columns(capsys):
    assert main(["describe", "events"]) == 0
    out = capsys.readouterr().out
    assert "date_precision" in out and "plover_category" in out


def test_describe_prints_the_columns_of_a_view(capsys):
    assert main(["describe", "events_wide"]) == 0
    out = capsys.readouterr().out
    assert "visitor_ids" in out and "n_publishers" in out


def test_export_csv_writes_tables_and_a_descriptor(tmp_path, capsys):
    assert main(["export", str(tmp_path)]) == 0
    assert (tmp_path / "events.csv").read_bytes() == mpd.path("events").read_bytes()
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["path"] for r in package["resources"]} == {f"{t}.csv" for t in mpd.list_tables()}


def test_exported_descriptor_is_valid_frictionless(tmp_path):
    import frictionless

    main(["export", str(tmp_path)])
    assert frictionless.Package(str(tmp_path / "datapackage.json")).validate().valid


def test_export_parquet_subset(tmp_path):
    args = ["export", str(tmp_path), "--format", "parquet", "--tables", "events", "places"]
    assert main(args) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.parquet", "places.parquet"]
    assert pq.read_table(tmp_path / "events.parquet").num_rows == len(mpd.load_events())


def test_validate_shipped_data(capsys):
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("valid: actors")


def test_module_entry_point_runs():
    out = subprocess.run(
        [sys.executable, "-m", "morocco_palestine_data", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == mpd.__version__


@pytest.mark.parametrize("table", mpd.list_tables())
def test_describe_fits_an_80_column_terminal(table, capsys):
    assert main(["describe", table]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 80
    for column in mpd.describe(table)["column"]:
        assert f"\n{column} (" in out  # every column starts its own block


def test_describe_as_markdown(capsys):
    assert main(["describe", "places", "--format", "markdown"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "| column | type | required | title | description | constraints |"
    assert len(lines) == 2 + len(mpd.describe("places"))
    assert lines[2].startswith("| place_id | string | True | Place ID |")


def test_describe_as_csv_reads_back_as_the_frame(capsys):
    import pandas as pd

    assert main(["describe", "events", "--format", "csv"]) == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out), keep_default_na=False)
    pd.testing.assert_frame_equal(frame, mpd.describe("events"), check_dtype=False)


def test_describe_as_json(capsys):
    assert main(["describe", "aid_deliveries", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["column"] for r in records] == list(mpd.describe("aid_deliveries")["column"])
    assert records[0]["required"] is True


def test_validate_runs_frictionless_only_when_asked(tmp_path, monkeypatch, capsys):
    from morocco_palestine_data import frictionless_check

    calls = []
    fake = lambda folder: calls.append(folder) or []  # noqa: E731
    monkeypatch.setattr(frictionless_check, "frictionless_problems", fake)
    assert main(["validate"]) == 0
    assert calls == []
    assert main(["validate", "--frictionless"]) == 0
    assert len(calls) == 1
