"""Every derived file is what the build makes from data/*.csv (a drift test)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from morocco_palestine_data.build import build
from morocco_palestine_data.tables import TABLES

SHIPPED = Path("src/morocco_palestine_data/dataset")


@pytest.fixture(scope="module")
def rebuilt(root, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("rebuilt")
    build(root=root, out=out)
    return out


@pytest.mark.parametrize(
    "relative",
    ["datapackage.json", "CITATION.cff", "docs/data-dictionary.md"]
    + [str(SHIPPED / "datapackage.json")]
    + [str(SHIPPED / "data" / f"{t}.csv") for t in TABLES],
)
def test_text_files_match_a_rebuild(root, rebuilt, relative):
    committed = (root / relative).read_text(encoding="utf-8")
    assert committed == (rebuilt / relative).read_text(encoding="utf-8"), (
        f"{relative} is stale: run `python -m morocco_palestine_data.build`"
    )


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("folder", ["data", str(SHIPPED / "data")])
def test_parquet_content_matches_a_rebuild(root, rebuilt, folder, table):
    committed = pq.read_table(root / folder / f"{table}.parquet")
    fresh = pq.read_table(rebuilt / "data" / f"{table}.parquet")
    assert committed.equals(fresh, check_metadata=True), f"{folder}/{table}.parquet is stale"


@pytest.mark.parametrize("folder", ["data", str(SHIPPED / "data")])
def test_parquet_checksums_match_the_committed_files(root, folder):
    listing = (root / folder / "parquet.sha256").read_text(encoding="utf-8").splitlines()
    assert len(listing) == len(TABLES)
    for line in listing:
        digest, name = line.split()
        assert hashlib.sha256((root / folder / name).read_bytes()).hexdigest() == digest, name


def test_shipped_parquet_files_are_the_repository_ones(root):
    for table in TABLES:
        name = f"{table}.parquet"
        assert (root / "data" / name).read_bytes() == (root / SHIPPED / "data" / name).read_bytes()


def test_descriptor_version_and_date_do_not_drift(root):
    from morocco_palestine_data import _version

    package = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == _version.__version__
    assert package["created"].startswith(_version.RELEASE_DATE)


def test_an_interrupted_build_leaves_the_previous_files_whole(root, rebuilt, tmp_path, monkeypatch):
    from morocco_palestine_data import atomic

    out = tmp_path / "out"
    shutil.copytree(rebuilt, out)
    for path in out.rglob("*"):  # previous files that differ from what the build writes
        if path.is_file():
            path.write_bytes(b"previous " + path.name.encode())
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    calls = {"n": 0}
    real = atomic._write_temporary

    def interrupted(*args):
        calls["n"] += 1
        if calls["n"] == 5:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(atomic, "_write_temporary", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(root=root, out=out)
    assert calls["n"] == 5
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before  # same files, same bytes, no temporary file left


def test_build_writes_through_temporary_files_and_leaves_none(rebuilt):
    names = [p.name for p in rebuilt.rglob("*")]
    assert names and not [n for n in names if n.endswith(".tmp")]
