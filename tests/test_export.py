"""Export never clobbers, writes through temporary files, and verifies what it wrote."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

import morocco_palestine_data as mpd
from morocco_palestine_data import atomic, loading
from morocco_palestine_data.cli import main
from morocco_palestine_data.exporting import ExportError, export
from morocco_palestine_data.problems import DataValidationError

EVERY_CSV = sorted([f"{t}.csv" for t in mpd.list_tables()] + ["datapackage.json"])


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_a_second_export_fails_without_overwrite_and_changes_nothing(tmp_path, capsys):
    assert main(["export", str(tmp_path)]) == 0
    (tmp_path / "events.csv").write_text("my own edits\n", encoding="utf-8")
    before = digest(tmp_path)
    capsys.readouterr()

    assert main(["export", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"{len(EVERY_CSV)} file(s) already exist" in err and "--overwrite" in err
    for name in EVERY_CSV:
        assert str(tmp_path / name) in err
    assert digest(tmp_path) == before


def test_overwrite_replaces_the_files(tmp_path):
    export(tmp_path)
    (tmp_path / "events.csv").write_text("my own edits\n", encoding="utf-8")
    assert main(["export", str(tmp_path), "--overwrite"]) == 0
    assert (tmp_path / "events.csv").read_bytes() == mpd.path("events").read_bytes()


def test_one_file_in_the_way_blocks_the_whole_export(tmp_path):
    (tmp_path / "places.parquet").write_bytes(b"keep me")
    with pytest.raises(ExportError) as caught:
        export(tmp_path, "parquet", ["events", "places"])
    assert caught.value.paths == [tmp_path / "places.parquet"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.parquet"]
    assert (tmp_path / "places.parquet").read_bytes() == b"keep me"


def test_files_of_other_formats_are_not_in_the_way(tmp_path):
    export(tmp_path, "parquet")
    assert sorted(p.name for p in export(tmp_path, "csv")) == EVERY_CSV


def test_export_leaves_no_temporary_files(tmp_path):
    export(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == EVERY_CSV


def test_export_refuses_a_modified_shipped_file(tmp_path, monkeypatch):
    copy = tmp_path / "dataset"
    shutil.copytree(loading.dataset_dir(), copy)
    monkeypatch.setattr(loading, "dataset_dir", lambda: copy)
    parquet = copy / "data" / "events.parquet"
    parquet.write_bytes(parquet.read_bytes()[:-1] + b"\0")
    dest = tmp_path / "out"
    with pytest.raises(DataValidationError, match=r"events\.parquet"):
        export(dest, "parquet")
    assert not dest.exists() or not any(dest.iterdir())


def test_export_verifies_the_bytes_it_wrote(tmp_path, monkeypatch):
    real_fdopen = os.fdopen

    class Lossy:
        """A file that drops the last byte of what it is asked to write."""

        def __init__(self, f):
            self.f = f

        def write(self, data):
            return self.f.write(data[:-1])

        def __getattr__(self, name):
            return getattr(self.f, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return self.f.__exit__(*exc)

    monkeypatch.setattr(atomic.os, "fdopen", lambda *a, **k: Lossy(real_fdopen(*a, **k)))
    with pytest.raises(OSError, match="do not read back the same"):
        export(tmp_path, "csv", ["events"])
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fail_at", ["writing", "renaming"])
def test_an_interrupted_export_leaves_every_file_whole(tmp_path, monkeypatch, fail_at):
    old = {name: f"old {name}\n".encode() for name in EVERY_CSV}
    for name, data in old.items():
        (tmp_path / name).write_bytes(data)
    calls = {"n": 0}
    real = {"writing": atomic._write_temporary, "renaming": os.replace}[fail_at]

    def interrupted(*args):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(*args)

    if fail_at == "writing":
        monkeypatch.setattr(atomic, "_write_temporary", interrupted)
    else:
        monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export(tmp_path, overwrite=True)

    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == EVERY_CSV  # no temporary file left behind
    replaced = 0
    for name in EVERY_CSV:
        data = (tmp_path / name).read_bytes()
        new = loading.dataset_dir() / ("" if name == "datapackage.json" else "data") / name
        if data != old[name]:  # a file is either the old one or the whole new one
            replaced += 1
            if name != "datapackage.json":
                assert data == new.read_bytes(), name
    assert replaced == (0 if fail_at == "writing" else 2)


def test_a_destination_that_is_a_file_is_reported_not_raised(tmp_path, capsys):
    target = tmp_path / "not-a-folder"
    target.write_text("x", encoding="utf-8")
    assert main(["export", str(target)]) == 1
    err = capsys.readouterr().err
    assert "export failed" in err and "not-a-folder" in err and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "x"
