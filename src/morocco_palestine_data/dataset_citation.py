"""How to cite the dataset: one set of fields, rendered as text, BibTeX or ``CITATION.cff``.

The dataset's title, description, keywords and licence are defined here once; the
Frictionless descriptor, ``CITATION.cff`` (written by the build), the release bundle and
the Datasette metadata all take them from this module. Cheap to import (no pandas).
"""

from __future__ import annotations

import json
from typing import Any

from . import _version

NAME = "morocco-palestine-data"
TITLE = "Morocco–Palestine relations: events, missions, aid and actors"
DESCRIPTION = (
    "Curated, sourced tables on relations between the Kingdom of Morocco and Palestine "
    "since 1948: events, diplomatic missions, aid deliveries, the actors and places "
    "involved, and the sources and citations behind every record. Every record is "
    "cited; imprecise dates are stated as brackets with a precision."
)
AUTHOR = "morocco-palestine-data contributors"
KEYWORDS = ("Morocco", "Palestine", "diplomacy", "humanitarian aid", "Al-Quds")
LICENSE_ID = "CC-BY-4.0"
LICENSE_NAME = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENSE_TITLE = "Creative Commons Attribution 4.0 (data; attribute the cited sources)"
MESSAGE = (
    "If you use this dataset, cite it as below, and cite the sources that the citations "
    "table gives for each fact you reuse."
)
STYLES = ("text", "bibtex", "cff")


class Citation(str):
    """A citation string that shows as itself (not quoted) at the interactive prompt."""

    def __repr__(self) -> str:
        return str(self)


def fields() -> dict[str, Any]:
    """The citation fields: title, authors, version, release date, licence, keywords..."""
    return {
        "name": NAME,
        "title": TITLE,
        "abstract": DESCRIPTION,
        "authors": [AUTHOR],
        "version": _version.__version__,
        "date_released": _version.RELEASE_DATE,
        "year": _version.RELEASE_DATE[:4],
        "license": LICENSE_ID,
        "license_url": LICENSE_URL,
        "keywords": list(KEYWORDS),
        "message": MESSAGE,
    }


def text() -> str:
    """The citation as one plain-text reference."""
    f = fields()
    return (
        f"{', '.join(f['authors'])} ({f['year']}). {f['name']}: {f['title']} "
        f"(version {f['version']}) [Data set]. Released {f['date_released']}. "
        f"Licence {LICENSE_NAME}."
    )


def bibtex() -> str:
    """The citation as a BibTeX ``@misc`` entry."""
    f = fields()
    key = f"morocco_palestine_data_{f['version'].replace('.', '_')}"
    title = f"{f['name']}: {f['title']}".replace("–", "--")
    return (
        f"@misc{{{key},\n"
        f"  author = {{{{{' and '.join(f['authors'])}}}}},\n"
        f"  title = {{{title}}},\n"
        f"  year = {{{f['year']}}},\n"
        f"  version = {{{f['version']}}},\n"
        f"  note = {{Data set, released {f['date_released']}, licence {LICENSE_NAME}}}\n"
        "}"
    )


def _yaml(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: no YAML library needed.
    return json.dumps(value, ensure_ascii=False)


def cff() -> str:
    """The text of ``CITATION.cff`` (Citation File Format 1.2.0)."""
    f = fields()
    lines = [
        "# Written by `python -m morocco_palestine_data.build` from",
        "# src/morocco_palestine_data/dataset_citation.py; do not edit by hand.",
        "cff-version: 1.2.0",
        f"message: {_yaml(f['message'])}",
        "type: dataset",
        f"title: {_yaml(f['name'] + ': ' + f['title'])}",
        f"abstract: {_yaml(f['abstract'])}",
        "authors:",
        *(f"  - name: {_yaml(author)}" for author in f["authors"]),
        f"version: {_yaml(f['version'])}",
        f"date-released: {_yaml(f['date_released'])}",
        f"license: {f['license']}",
        "keywords:",
        *(f"  - {_yaml(word)}" for word in f["keywords"]),
    ]
    return "\n".join(lines) + "\n"


def citation(style: str = "text") -> Citation:
    """How to cite the dataset: ``"text"`` (a plain reference), ``"bibtex"`` or ``"cff"``
    (the text of ``CITATION.cff``). All three carry the same title, authors, version and date.
    """
    renderers = {"text": text, "bibtex": bibtex, "cff": cff}
    if style not in renderers:
        raise ValueError(f"unknown citation style {style!r}; the styles are: {', '.join(STYLES)}")
    return Citation(renderers[style]())
