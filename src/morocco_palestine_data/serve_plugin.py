"""A Datasette plugin registered by ``serve``: links between records, shown by name.

On a record's page Datasette shows foreign keys as bare IDs; this plugin shows them as
links labelled with the other record's name or title. A cited record's ID links to its
rows in ``citations``, and in ``citations`` each ``record_id`` links to the record it
supports. Its configuration (keys, labels, cited tables) is written by ``serve.metadata``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import markupsafe
from datasette import hookimpl
from datasette.utils import escape_sqlite, tilde_encode

from .serve import PLUGIN


async def _label(datasette: Any, database: str, table: str, column: str, value: str) -> str:
    config = datasette.plugin_config(PLUGIN) or {}
    label = config["labels"].get(table)
    if not label:
        return value
    result = await datasette.get_database(database).execute(
        f"select {escape_sqlite(label)} from {escape_sqlite(table)} "
        f"where {escape_sqlite(column)} = ?",
        [value],
    )
    row = result.first()
    return str(row[0]) if row and row[0] is not None else value


def _link(datasette: Any, database: str, table: str, value: str, text: str) -> str:
    url = datasette.urls.table(database, table) + "/" + tilde_encode(value)
    return f'<a href="{markupsafe.escape(url)}">{markupsafe.escape(text)}</a>'


async def _render(row: Any, value: str, column: str, table: str, database: str, ds: Any) -> Any:
    config = ds.plugin_config(PLUGIN) or {}
    links = config["foreign_keys"].get(table, {})
    if column in links:
        other, other_column = links[column]
        label = await _label(ds, database, other, other_column, value)
        text = f"{label} ({value})" if label != value else value
        return markupsafe.Markup(_link(ds, database, other, value, text))
    citations = config.get("citations")
    if table == citations and column == "record_id":
        record_table = row["record_table"]
        keys = config["primary_keys"].get(record_table, [])
        if len(keys) != 1:
            return None
        (pk,) = keys
        label = await _label(ds, database, record_table, pk, value)
        text = f"{label} ({value})" if label != value else value
        return markupsafe.Markup(_link(ds, database, record_table, value, text))
    if table in config.get("cited_tables", []) and config["primary_keys"][table] == [column]:
        result = await ds.get_database(database).execute(
            f"select count(*) from {escape_sqlite(citations)} "
            "where record_table = ? and record_id = ?",
            [table, value],
        )
        count = result.first()[0]
        url = (
            ds.urls.table(database, citations)
            + "?"
            + urlencode({"record_table": table, "record_id": value})
        )
        return markupsafe.Markup(
            f'{markupsafe.escape(value)} · <a class="mpd-sources" '
            f'href="{markupsafe.escape(url)}">sources cited ({count})</a>'
        )
    return None


@hookimpl
def render_cell(row, value, column, table, database, datasette):  # type: ignore[no-untyped-def]
    """Links with labels for raw foreign-key and record IDs (record pages, citations)."""
    config = datasette.plugin_config(PLUGIN) or {}
    if database != config.get("database") or not isinstance(value, str) or not value:
        return None
    return _render(row, value, column, table, database, datasette)
