"""How to cite the dataset: CITATION.cff is valid CFF 1.2 and agrees with citation()."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
import yaml

import morocco_palestine_data as mpd


@pytest.fixture(scope="module")
def cff(root) -> dict:
    return yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))


def test_citation_file_is_valid_cff_1_2(root, cff):
    schema = json.loads((root / "tests/schemas/cff-1.2.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(cff, schema)
    assert cff["cff-version"] == "1.2.0"
    assert cff["type"] == "dataset"


def test_invalid_cff_is_caught_by_the_schema(root, cff):
    schema = json.loads((root / "tests/schemas/cff-1.2.0.json").read_text(encoding="utf-8"))
    broken = {k: v for k, v in cff.items() if k != "authors"}
    with pytest.raises(jsonschema.ValidationError, match="authors"):
        jsonschema.validate(broken, schema)


def test_citation_file_follows_the_version_and_release_date(root, cff):
    from morocco_palestine_data import _version

    assert cff["version"] == mpd.__version__
    assert cff["date-released"] == _version.RELEASE_DATE
    assert cff["license"] == "CC-BY-4.0"
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    assert cff["title"] == f"{descriptor['name']}: {descriptor['title']}"
    assert cff["abstract"] == descriptor["description"]


def test_citation_cff_style_is_the_file(root):
    assert mpd.citation("cff") == (root / "CITATION.cff").read_text(encoding="utf-8")


def test_citation_text_names_title_authors_version_and_year(cff):
    text = mpd.citation()
    assert text.startswith(f"{cff['authors'][0]['name']} (2026). {cff['title']}")
    assert f"(version {mpd.__version__})" in text
    assert repr(text) == str(text)  # shows as itself at the prompt


def test_citation_bibtex_is_one_entry_with_the_same_fields(cff):
    entry = mpd.citation("bibtex")
    assert entry.startswith("@misc{morocco_palestine_data_") and entry.endswith("}")
    assert f"version = {{{mpd.__version__}}}" in entry
    assert "year = {2026}" in entry
    assert "Morocco--Palestine relations" in entry


def test_unknown_citation_style_lists_the_styles():
    with pytest.raises(ValueError, match="text, bibtex, cff"):
        mpd.citation("apa")


def test_readme_quotes_the_citation(root):
    assert mpd.citation() in (root / "README.md").read_text(encoding="utf-8")


def test_citation_cli_prints_the_same():
    out = subprocess.run(
        [sys.executable, "-m", "morocco_palestine_data", "citation", "--style", "bibtex"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout == mpd.citation("bibtex") + "\n"


def test_citation_is_cheap():
    code = (
        "import sys, morocco_palestine_data as m; m.citation(); "
        "print(sorted(n for n in ('pandas', 'pyarrow', 'pandera') if n in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
