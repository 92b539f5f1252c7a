"""The Frictionless Data Package descriptor, derived from the pandera models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa

from . import _version
from . import dataset_citation as cite
from .checksums import sha256_hex
from .schemas import model, table_metadata
from .tables import TABLES

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"

# pandera check name -> (Frictionless constraint, statistic it takes its value from)
_CONSTRAINTS = {
    "isin": ("enum", "allowed_values"),
    "str_matches": ("pattern", "pattern"),
    "greater_than_or_equal_to": ("minimum", "min_value"),
    "less_than_or_equal_to": ("maximum", "max_value"),
}


def field_type(column: pa.Column) -> str:
    """Frictionless type of a pandera column."""
    dtype = column.dtype.type
    if isinstance(dtype, pd.CategoricalDtype):
        return "string"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "date"
    if pd.api.types.is_integer_dtype(dtype):
        return "integer"
    if pd.api.types.is_float_dtype(dtype):
        return "number"
    return "string"


def _json_value(value: Any) -> Any:
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return value


def field_descriptor(name: str, column: pa.Column) -> dict[str, Any]:
    """The Frictionless field of one pandera column: type, title, description, constraints."""
    constraints: dict[str, Any] = {"required": not column.nullable}
    if column.unique:
        constraints["unique"] = True
    for check in column.checks:
        stats = check.statistics or {}
        if check.name in _CONSTRAINTS:
            key, stat = _CONSTRAINTS[check.name]
            value = stats[stat]
            if key == "pattern":  # Frictionless anchors patterns itself
                value = value.removeprefix("^").removesuffix("$")
            constraints[key] = [*value] if key == "enum" else _json_value(value)
        elif check.name == "str_length":
            if stats.get("min_value") is not None:
                constraints["minLength"] = stats["min_value"]
            if stats.get("max_value") is not None:
                constraints["maxLength"] = stats["max_value"]
    field: dict[str, Any] = {
        "name": name,
        "type": field_type(column),
        "title": column.title,
        "description": column.description,
    }
    if field["type"] == "date":
        field["format"] = "default"
    field["constraints"] = constraints
    return field


def table_schema(table: str) -> dict[str, Any]:
    """The Frictionless Table Schema of ``table``."""
    schema = model(table).to_schema()
    meta = table_metadata(table)
    return {
        "fields": [field_descriptor(name, col) for name, col in schema.columns.items()],
        "missingValues": [""],
        "primaryKey": meta["primary_key"],
        "foreignKeys": [_foreign_key(table, fk) for fk in meta["foreign_keys"]],
    }


def _foreign_key(table: str, fk: dict[str, Any]) -> dict[str, Any]:
    reference = dict(fk["reference"])
    if reference["resource"] == table:  # a self-reference names no resource
        del reference["resource"]
    return {"fields": fk["fields"], "reference": reference}


def file_hash(path: Path) -> str:
    """``sha256:<hex>`` of a file's bytes, as Frictionless writes it."""
    return "sha256:" + sha256_hex(path)


def resource(table: str, path: str, csv_file: Path | None = None) -> dict[str, Any]:
    """The resource of ``table`` at ``path``; with ``csv_file``, its hash and byte count too."""
    schema = model(table).to_schema()
    res: dict[str, Any] = {
        "name": table,
        "type": "table",
        "path": path,
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": schema.title,
        "description": schema.description,
    }
    if csv_file is not None:
        res["hash"] = file_hash(csv_file)
        res["bytes"] = csv_file.stat().st_size
    res["schema"] = table_schema(table)
    return res


def package(data_dir: Path, sources: pd.DataFrame) -> dict[str, Any]:
    """The whole descriptor for the CSV files in ``data_dir`` (paths written as ``data/*.csv``)."""
    resources = [resource(t, f"data/{t}.csv", data_dir / f"{t}.csv") for t in TABLES]
    return {
        "$schema": PROFILE,
        "name": cite.NAME,
        "title": cite.TITLE,
        "description": cite.DESCRIPTION,
        "version": _version.__version__,
        "created": f"{_version.RELEASE_DATE}T00:00:00Z",
        "keywords": list(cite.KEYWORDS),
        "licenses": [
            {"name": cite.LICENSE_ID, "path": cite.LICENSE_URL, "title": cite.LICENSE_TITLE}
        ],
        "contributors": [{"title": cite.AUTHOR, "roles": ["creator"]}],
        "sources": [
            {"title": str(row.title), "path": str(row.url)} for row in sources.itertuples()
        ],
        "resources": resources,
    }
