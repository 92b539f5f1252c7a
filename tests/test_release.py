"""The release zip: every edition, checksums that check, a valid descriptor, reproducible."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

import morocco_palestine_data as mpd
from morocco_palestine_data import _version
from morocco_palestine_data.cli import main
from morocco_palestine_data.release import release

NAME = f"morocco-palestine-data-{mpd.__version__}"


@pytest.fixture(scope="module")
def bundle(root, tmp_path_factory) -> Path:
    return release(tmp_path_factory.mktemp("first"), root)


@pytest.fixture(scope="module")
def unzipped(bundle, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("unzipped")
    zipfile.ZipFile(bundle).extractall(out)
    return out / NAME


def test_bundle_is_named_for_the_version(bundle):
    assert bundle.name == f"{NAME}.zip"


def test_bundle_holds_every_file_under_one_folder(bundle):
    names = zipfile.ZipFile(bundle).namelist()
    assert names == sorted(names)
    expected = {
        "README.md",
        "LICENSE-DATA",
        "CITATION.cff",
        "CHANGELOG.md",
        "datapackage.json",
        "SHA256SUMS",
        "morocco-palestine-data.sqlite",
        "morocco-palestine-data.xlsx",
    } | {f"data/{t}.{ext}" for t in mpd.list_tables() for ext in ("csv", "parquet")}
    assert {n.removeprefix(f"{NAME}/") for n in names} == expected
    assert all(n.startswith(f"{NAME}/") for n in names)


def test_two_builds_are_byte_identical(root, bundle, tmp_path):
    again = release(tmp_path, root)
    assert again.read_bytes() == bundle.read_bytes()


def test_members_have_fixed_dates_and_modes(bundle):
    year, month, day = map(int, _version.RELEASE_DATE.split("-"))
    for info in zipfile.ZipFile(bundle).infolist():
        assert info.date_time == (year, month, day, 0, 0, 0), info.filename
        assert info.external_attr >> 16 == 0o100644, info.filename


def test_checksums_pass_with_sha256sum(unzipped):
    result = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=unzipped, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    files = [p for p in unzipped.rglob("*") if p.is_file()]
    assert result.stdout.count(": OK") == len(files) - 1


def test_a_changed_file_fails_the_checksums(unzipped, tmp_path):
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-r", str(unzipped), str(copy)], check=True)
    with (copy / "data" / "events.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n")
    result = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=copy, capture_output=True)
    assert result.returncode != 0


def test_unzipped_descriptor_is_valid_frictionless(unzipped):
    result = subprocess.run(
        ["frictionless", "validate", "datapackage.json"],
        cwd=unzipped,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-2000:]


def test_bundle_files_are_the_repository_ones(root, unzipped):
    for name in ("datapackage.json", "CITATION.cff", "LICENSE-DATA", "CHANGELOG.md"):
        assert (unzipped / name).read_bytes() == (root / name).read_bytes(), name
    for table in mpd.list_tables():
        assert (unzipped / "data" / f"{table}.csv").read_bytes() == mpd.path(table).read_bytes()


def test_readme_says_what_each_file_is_and_how_to_cite(unzipped):
    text = (unzipped / "README.md").read_text(encoding="utf-8")
    for name in ("morocco-palestine-data.sqlite", "morocco-palestine-data.xlsx", "SHA256SUMS"):
        assert f"`{name}`" in text
    assert f"| `events` | {len(mpd.load_events())} |" in text
    assert "CC BY 4.0" in text and mpd.citation() in text
    assert "sha256sum -c SHA256SUMS" in text


def test_release_command_writes_the_zip(root, tmp_path, capsys):
    assert main(["release", str(tmp_path), "--root", str(root)]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / f"{NAME}.zip")


def test_release_outside_a_checkout_says_what_is_missing(tmp_path, capsys):
    assert main(["release", str(tmp_path / "out"), "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "not a checkout" in err and "CHANGELOG.md" in err


def test_release_refuses_data_changed_since_the_build(root, tmp_path, capsys):
    import shutil

    checkout = tmp_path / "checkout"
    for name in ("LICENSE-DATA", "CITATION.cff", "CHANGELOG.md", "datapackage.json"):
        (checkout / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / name, checkout / name)
    shutil.copytree(root / "data", checkout / "data")
    with (checkout / "data" / "events.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n")
    assert main(["release", str(tmp_path / "out"), "--root", str(checkout)]) == 1
    err = capsys.readouterr().err
    assert "changed since the last build: data/events.csv" in err
    assert not (tmp_path / "out").exists()


def test_release_without_xlsxwriter_says_how_to_install(root, tmp_path, monkeypatch, capsys):
    import sys

    monkeypatch.setitem(sys.modules, "xlsxwriter", None)
    assert main(["release", str(tmp_path), "--root", str(root)]) == 1
    assert 'pip install "morocco-palestine-data[excel]"' in capsys.readouterr().err
