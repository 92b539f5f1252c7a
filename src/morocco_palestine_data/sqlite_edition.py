"""The SQLite edition: every table with SQL types, keys, indexes and full-text search.

Everything is derived from the Frictionless descriptor (itself derived from the pandera
models): column types and ``NOT NULL``, ``CHECK`` constraints for the vocabularies,
primary and foreign keys, an index on every foreign key, and an FTS5 index over each
table's free-text columns (titles, names, summaries, notes). Each column's description is
kept as an SQL comment in the table's definition. Dates are ISO 8601 text.

Writing the same tables twice with the same SQLite library gives byte-identical files.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

_SQL_TYPES = {"string": "TEXT", "date": "TEXT", "integer": "INTEGER", "number": "REAL"}


def quote(name: str) -> str:
    """An SQL identifier in double quotes."""
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def resources(package: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The descriptor's resources by table name."""
    return {res["name"]: res for res in package["resources"]}


def text_columns(resource: dict[str, Any]) -> list[str]:
    """Free-text columns of a resource (those with a length limit): the ones searched."""
    return [f["name"] for f in resource["schema"]["fields"] if "maxLength" in f["constraints"]]


def foreign_keys(resource: dict[str, Any]) -> list[tuple[str, str, str]]:
    """``(column, other table, other column)`` for each single-column foreign key."""
    out = []
    for fk in resource["schema"]["foreignKeys"]:
        ref = fk["reference"]
        (column,), (other_column,) = fk["fields"], ref["fields"]
        out.append((column, ref.get("resource") or resource["name"], other_column))
    return out


def create_table_sql(resource: dict[str, Any]) -> str:
    """``CREATE TABLE`` for a resource: types, NOT NULL, CHECKs, keys, column comments."""
    schema = resource["schema"]
    parts = []
    for field in schema["fields"]:
        constraints = field["constraints"]
        column = f"{quote(field['name'])} {_SQL_TYPES[field['type']]}"
        if constraints.get("required"):
            column += " NOT NULL"
        if "enum" in constraints:
            values = ", ".join(_literal(v) for v in constraints["enum"])
            column += f" CHECK ({quote(field['name'])} IN ({values}))"
        parts.append((column, f"{field['title']}. {field['description']}"))
    keys = [f"PRIMARY KEY ({', '.join(map(quote, schema['primaryKey']))})"]
    for column, other, other_column in foreign_keys(resource):
        keys.append(
            f"FOREIGN KEY ({quote(column)}) REFERENCES {quote(other)} ({quote(other_column)})"
        )
    lines = [f"  {sql},  -- {comment}" for sql, comment in parts]
    lines += [f"  {key}," for key in keys]
    lines[-1] = lines[-1].rstrip(",")
    header = f"CREATE TABLE {quote(resource['name'])} (  -- {resource['description']}"
    return "\n".join([header, *lines, ")"])


def _rows(frame: pd.DataFrame, fields: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    import pandas as pd

    columns = []
    for field in fields:
        column = frame[field["name"]]
        if field["type"] == "date":
            values = column.dt.strftime("%Y-%m-%d").astype(object)
        else:
            values = column.astype(object)
        columns.append([None if pd.isna(v) else v for v in values])
    casts = {"integer": int, "number": float}
    out = []
    for row in zip(*columns, strict=True):
        out.append(
            tuple(
                v if v is None else casts.get(f["type"], str)(v)
                for v, f in zip(row, fields, strict=True)
            )
        )
    return out


def write_sqlite(frames: dict[str, pd.DataFrame], package: dict[str, Any], target: Path) -> Path:
    """Write ``frames`` (typed, as the loaders return them) to a new SQLite file ``target``.

    Raises ValueError if a foreign key points nowhere (``PRAGMA foreign_key_check``).
    """
    target = Path(target)
    target.unlink(missing_ok=True)
    connection = sqlite3.connect(target, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("BEGIN")
        for name, res in resources(package).items():
            fields = res["schema"]["fields"]
            connection.execute(create_table_sql(res))
            placeholders = ", ".join("?" * len(fields))
            connection.executemany(
                f"INSERT INTO {quote(name)} VALUES ({placeholders})", _rows(frames[name], fields)
            )
            for column, _, _ in foreign_keys(res):
                index = quote(f"{name}_{column}_idx")
                connection.execute(f"CREATE INDEX {index} ON {quote(name)} ({quote(column)})")
            searched = text_columns(res)
            if searched:
                fts = quote(f"{name}_fts")
                cols = ", ".join(map(quote, searched))
                connection.execute(
                    f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content={quote(name)}, "
                    "tokenize='unicode61 remove_diacritics 2')"
                )
                connection.execute(
                    f"INSERT INTO {fts} (rowid, {cols}) SELECT rowid, {cols} FROM {quote(name)}"
                )
        connection.execute("COMMIT")
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise ValueError(f"foreign keys point nowhere (table, rowid, parent): {broken[:5]}")
        connection.execute("VACUUM")
    finally:
        connection.close()
    return target
