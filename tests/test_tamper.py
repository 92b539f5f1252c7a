"""Loading and validation are tamper-evident: a shipped file that differs by one byte from
what the build wrote is reported by name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import morocco_palestine_data as mpd
from morocco_palestine_data import loading
from morocco_palestine_data.problems import DataValidationError


@pytest.fixture()
def shipped(tmp_path, monkeypatch) -> Path:
    """A copy of the shipped dataset that the loaders and validate() read instead."""
    copy = tmp_path / "dataset"
    shutil.copytree(loading.dataset_dir(), copy)
    monkeypatch.setattr(loading, "dataset_dir", lambda: copy)
    return copy


def flip_one_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def messages(caught: pytest.ExceptionInfo[DataValidationError]) -> list[str]:
    return [str(p) for p in caught.value.problems]


def test_an_untouched_copy_loads_and_validates(shipped):
    assert len(mpd.load("events", validate=True)) == len(mpd.load_events())
    assert mpd.validate()["events"] == len(mpd.load_events())


def test_load_with_validation_refuses_a_parquet_file_changed_by_one_byte(shipped):
    flip_one_byte(shipped / "data" / "events.parquet")
    with pytest.raises(DataValidationError) as caught:
        mpd.load("events", validate=True)
    (problem,) = messages(caught)
    assert problem.startswith("events.parquet: ") and "parquet.sha256" in problem
    assert "rule checksum" in problem
    mpd.load("places", validate=True)  # the other tables still load


def test_load_all_with_validation_names_the_changed_file(shipped):
    flip_one_byte(shipped / "data" / "sources.parquet")
    with pytest.raises(DataValidationError, match=r"sources\.parquet"):
        mpd.load_all(validate=True)


def test_validate_names_a_changed_parquet_file(shipped):
    flip_one_byte(shipped / "data" / "places.parquet")
    with pytest.raises(DataValidationError) as caught:
        mpd.validate()
    assert [p.file for p in caught.value.problems] == ["places.parquet"]


def test_validate_names_a_csv_file_whose_bytes_changed(shipped):
    events = shipped / "data" / "events.csv"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("Ifrane", "Ifrani", 1), encoding="utf-8")  # same size
    with pytest.raises(DataValidationError) as caught:
        mpd.validate()
    (problem,) = messages(caught)
    assert problem.startswith("events.csv: ") and "SHA-256 in datapackage.json" in problem


def test_validate_names_a_csv_file_whose_size_changed(shipped):
    places = shipped / "data" / "places.csv"
    places.write_text(places.read_text(encoding="utf-8").replace("Agadir", "Agadirr", 1))
    with pytest.raises(DataValidationError) as caught:
        mpd.validate()
    (problem,) = messages(caught)
    size = json.loads((shipped / "datapackage.json").read_text())["resources"]
    expected = next(r["bytes"] for r in size if r["name"] == "places")
    assert problem.startswith("places.csv: ") and f"datapackage.json says {expected}" in problem


def test_a_missing_checksum_listing_is_reported(shipped):
    (shipped / "data" / "parquet.sha256").unlink()
    with pytest.raises(DataValidationError, match=r"parquet\.sha256"):
        mpd.load("events", validate=True)
    with pytest.raises(DataValidationError, match=r"parquet\.sha256"):
        mpd.validate()


def test_a_missing_parquet_file_is_reported_by_name(shipped):
    (shipped / "data" / "events.parquet").unlink()
    with pytest.raises(DataValidationError, match=r"events\.parquet: cannot be read"):
        mpd.load("events", validate=True)
    with pytest.raises(DataValidationError, match=r"events\.parquet: is missing"):
        mpd.validate()
