"""``morocco-palestine-data serve``: Datasette on 127.0.0.1 over the SQLite edition.

The Datasette metadata is generated from the shipped descriptor (itself derived from the
pandera models): the dataset's title, licence and sources; every table's and column's
description; a label column for foreign keys; facets on every vocabulary column; a
default sort by date; full-text search. A small plugin (``serve_plugin``) shows foreign
keys by name on record pages and links each record to the sources that cite it.
Needs the ``serve`` extra: ``pip install "morocco-palestine-data[serve]"``.
"""

from __future__ import annotations

import contextlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from . import _version
from . import dataset_citation as cite
from .sqlite_edition import foreign_keys, text_columns

HOST = "127.0.0.1"
DATABASE = cite.NAME
PLUGIN = cite.NAME
INSTALL_HINT = (
    "serve needs Datasette, in the optional `serve` extra: "
    'pip install "morocco-palestine-data[serve]"'
)


def label_column(resource: dict[str, Any]) -> str | None:
    """The column that names a row: the first text column called title or name*, else the
    first text column, else none."""
    texts = text_columns(resource)
    named = [c for c in texts if c.startswith(("title", "name"))]
    return (named or texts or [None])[0]


def citation_links(package: dict[str, Any]) -> dict[str, Any] | None:
    """How records point at their sources: the table holding ``record_table`` and
    ``record_id`` columns, and the tables it may cite (the enum of ``record_table``)."""
    for res in package["resources"]:
        by_name = {f["name"]: f for f in res["schema"]["fields"]}
        if "record_table" in by_name and "record_id" in by_name:
            cited = by_name["record_table"]["constraints"].get("enum", [])
            return {"table": res["name"], "cited_tables": list(cited)}
    return None


def table_metadata(resource: dict[str, Any]) -> dict[str, Any]:
    """Datasette metadata of one table, from its Frictionless resource."""
    fields = resource["schema"]["fields"]
    meta: dict[str, Any] = {
        "title": resource["title"],
        "description": resource["description"],
        "columns": {f["name"]: f"{f['title']}. {f['description']}" for f in fields},
        "facets": [f["name"] for f in fields if "enum" in f["constraints"]],
    }
    label = label_column(resource)
    if label:
        meta["label_column"] = label
    dates = [f["name"] for f in fields if f["type"] == "date"]
    if dates:
        meta["sort"] = dates[0]
    if text_columns(resource):
        meta["fts_table"] = f"{resource['name']}_fts"
        meta["fts_pk"] = "rowid"
    return meta


def metadata(package: dict[str, Any], counts: dict[str, int]) -> dict[str, Any]:
    """The whole Datasette metadata: dataset, licence, sources, tables, columns, plugin."""
    resources = {res["name"]: res for res in package["resources"]}
    links = citation_links(package) or {"table": None, "cited_tables": []}
    database = f"/{DATABASE}"
    plugin = {
        "database": DATABASE,
        "citations": links["table"],
        "cited_tables": links["cited_tables"],
        "primary_keys": {name: res["schema"]["primaryKey"] for name, res in resources.items()},
        "foreign_keys": {
            name: {col: [other, other_col] for col, other, other_col in foreign_keys(res)}
            for name, res in resources.items()
        },
        "labels": {name: label_column(res) for name, res in resources.items()},
    }
    meta: dict[str, Any] = {
        "title": f"{cite.NAME} {_version.__version__}: {cite.TITLE}",
        "description": f"{cite.DESCRIPTION} How to cite: {cite.text()}",
        "license": cite.LICENSE_NAME,
        "license_url": cite.LICENSE_URL,
        "databases": {
            DATABASE: {
                "title": cite.TITLE,
                "description": cite.DESCRIPTION,
                "tables": {name: table_metadata(res) for name, res in resources.items()},
            }
        },
        "plugins": {PLUGIN: plugin},
    }
    if "sources" in resources:
        meta["source"] = f"{counts['sources']} documents, listed in the sources table"
        meta["source_url"] = f"{database}/sources"
    return meta


def datasette_args(db: Path, metadata_file: Path, port: int) -> list[str]:
    """The ``datasette`` command line: immutable database, loopback only."""
    return [
        "serve",
        "--immutable",
        str(db),
        "--host",
        HOST,
        "--port",
        str(port),
        "--metadata",
        str(metadata_file),
    ]


def serve(port: int = 8001) -> int:
    """Write the SQLite edition and its metadata to a temporary folder and run Datasette
    on ``127.0.0.1:port`` until interrupted. Returns 1, saying how to install the
    ``serve`` extra, if Datasette is missing."""
    try:
        from datasette.cli import cli
        from datasette.plugins import pm
    except ImportError:
        print(INSTALL_HINT, file=sys.stderr)
        return 1
    from . import loading, serve_plugin
    from .sqlite_edition import write_sqlite

    package = loading.descriptor()
    frames = loading.load_all()
    if not pm.is_registered(serve_plugin):
        pm.register(serve_plugin, name=PLUGIN)
    with tempfile.TemporaryDirectory(prefix="mpd-serve-") as work:
        db = write_sqlite(frames, package, Path(work) / f"{DATABASE}.db")
        meta = Path(work) / "metadata.json"
        counts = {name: len(frame) for name, frame in frames.items()}
        meta.write_text(json.dumps(metadata(package, counts), ensure_ascii=False), "utf-8")
        print(f"Serving {cite.NAME} {_version.__version__} at http://{HOST}:{port}/", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            cli.main(datasette_args(db, meta, port), standalone_mode=False)
    return 0
