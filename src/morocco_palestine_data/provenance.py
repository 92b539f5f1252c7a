"""From a record to the pages behind it: ``sources_for``, ``cite`` and ``events_involving``.

A record is found by its ID alone (IDs are unique within a table, and the table is looked up
among those that ``citations`` can point to); where the same ID names records of two tables,
the ``table`` argument says which.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from . import loading

if TYPE_CHECKING:
    import pandas as pd

SOURCE_COLUMNS = [
    "source_id",
    "title",
    "publisher",
    "url",
    "published_on",
    "accessed_on",
    "language",
    "source_kind",
    "locator",
    "note",
    "verified_on",
]
STYLES = ("text", "bibtex")


def record_tables() -> list[str]:
    """The tables whose records cite sources (the values of ``citations.record_table``)."""
    (field,) = (f for f in loading.fields("citations") if f["name"] == "record_table")
    return list(field["constraints"]["enum"])


def _key(table: str) -> str:
    res = loading.resource(table)
    (key,) = res["schema"]["primaryKey"]
    return key


def _unknown(what: str, value: str, known: list[str], hint: str) -> ValueError:
    import difflib

    close = difflib.get_close_matches(value, known, n=5, cutoff=0.6)
    if not close:  # fall back to IDs that share a word with what was asked
        words = set(re.split(r"[-_\s]+", value.lower())) - {""}
        close = [k for k in known if words & set(k.split("-"))][:5]
    suggestion = f"; did you mean: {', '.join(close)}?" if close else f"; {hint}"
    return ValueError(f"unknown {what} {value!r}{suggestion}")


def find_record(record_id: str, table: str | None = None) -> tuple[str, pd.Series]:
    """The table and row of the record ``record_id``; ValueError naming the closest IDs."""
    tables = record_tables()
    if table is not None and table not in tables:
        raise ValueError(f"unknown record table {table!r}; the tables are: {', '.join(tables)}")
    found: list[tuple[str, pd.Series]] = []
    known: list[str] = []
    for name in [table] if table else tables:
        frame = loading.load(name)
        ids = frame[_key(name)].astype(str)
        known += ids.tolist()
        match = frame[ids == record_id]
        if len(match):
            found.append((name, match.iloc[0]))
    if not found:
        where = f"table {table!r}" if table else "any table"
        raise _unknown(
            f"record ID (in {where})",
            str(record_id),
            known,
            "list the IDs with mpd.load(table), e.g. mpd.load_events().event_id",
        )
    if len(found) > 1:
        names = ", ".join(name for name, _ in found)
        raise ValueError(
            f"record ID {record_id!r} names records of several tables ({names}); "
            "say which with table=..."
        )
    return found[0]


def sources_for(record_id: str, table: str | None = None) -> pd.DataFrame:
    """The sources of one record, as the ``citations`` table lists them: source ID, title,
    publisher, URL, publication and access dates, language, kind, and the citation's
    locator, note and re-reading date (``verified_on``). Sorted by publication date (undated
    last), then source ID.

    >>> mpd.sources_for("1986-07-22-peres-visits-hassan-ii-ifrane")  # doctest: +SKIP
    """
    table, _ = find_record(record_id, table)
    cites = loading.load("citations")
    cites = cites[(cites["record_table"] == table) & (cites["record_id"] == record_id)]
    merged = cites.merge(loading.load("sources"), on="source_id", how="left")
    merged = merged.sort_values(["published_on", "source_id"], na_position="last")
    return merged[SOURCE_COLUMNS].reset_index(drop=True)


def _label(table: str, row: pd.Series) -> str:
    """The record's name, from the column that Datasette also uses to label it."""
    from .serve import label_column

    res = loading.resource(table)
    column = label_column(res)
    return row[column] if column and isinstance(row[column], str) else ""


def _day(value: Any) -> str:
    return "" if value is None or value != value else value.date().isoformat()


def _dataset() -> dict[str, str]:
    from .dataset_citation import fields

    meta = fields()  # the dataset's citation metadata, as in CITATION.cff
    return {
        "title": meta["title"],
        "name": meta["name"],
        "author": "; ".join(meta["authors"]),
        "year": meta["year"],
        "version": meta["version"],
        "license": meta["license"],
    }


def _text(table: str, record_id: str, label: str, sources: pd.DataFrame) -> str:
    ds = _dataset()
    lines = [
        f"{ds['author']} ({ds['year']}). {ds['title']} ({ds['name']}), version {ds['version']}, "
        f'record {table}/{record_id}: "{label}". Data licensed {ds["license"]}.',
        "",
        f"Sources ({len(sources)}):",
    ]
    for number, src in enumerate(sources.itertuples(index=False), start=1):
        published = _day(src.published_on) or "undated"
        line = f"[{number}] {src.publisher}. {src.title}. {published}. {src.url}"
        line += f" (accessed {_day(src.accessed_on)})"
        if isinstance(src.locator, str):
            line += f", {src.locator}"
        lines.append(line + ".")
    return "\n".join(lines)


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([{}%&$#_])", r"\\\1", str(text))


def _bibtex_entry(key: str, fields: dict[str, str]) -> str:
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items() if value)
    return f"@misc{{{key},\n{body}\n}}"


def _bibtex(table: str, record_id: str, label: str, sources: pd.DataFrame) -> str:
    ds = _dataset()
    entries = [
        _bibtex_entry(
            f"{ds['name']}:{record_id}",
            {
                "author": "{" + _bibtex_escape(ds["author"]) + "}",
                "title": _bibtex_escape(f"{label} ({table}/{record_id})"),
                "howpublished": _bibtex_escape(f"{ds['title']}, version {ds['version']}"),
                "year": ds["year"],
                "note": _bibtex_escape(
                    f"Record {record_id} of table {table}; data licensed {ds['license']}"
                ),
            },
        )
    ]
    for src in sources.itertuples(index=False):
        published = _day(src.published_on)
        entries.append(
            _bibtex_entry(
                src.source_id,
                {
                    "author": "{" + _bibtex_escape(src.publisher) + "}",
                    "title": "{" + _bibtex_escape(src.title) + "}",
                    "year": published[:4],
                    "date": published,
                    "url": src.url,
                    "urldate": _day(src.accessed_on),
                    "language": src.language,
                    "note": _bibtex_escape(src.locator) if isinstance(src.locator, str) else "",
                },
            )
        )
    return "\n\n".join(entries)


def cite(record_id: str, style: str = "text", table: str | None = None) -> str:
    """A ready-to-paste citation of one record of this dataset (dataset, version, table and
    record ID, the record's title or name), followed by the sources the record cites.

    ``style`` is ``"text"`` (numbered list) or ``"bibtex"`` (one ``@misc`` entry for the
    record, then one per source, keyed by source ID).
    """
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; the styles are: {', '.join(STYLES)}")
    table, row = find_record(record_id, table)
    sources = sources_for(record_id, table)
    render = _text if style == "text" else _bibtex
    return render(table, record_id, _label(table, row), sources)


def events_involving(actor_id: str, role: str | None = None) -> pd.DataFrame:
    """The events actor ``actor_id`` took part in, one row per event and role, with the
    event's dates, type, title, place and certainty; oldest first. ``role`` keeps one role
    (initiator, host, visitor, ...). Only the actor itself counts: events of a ministry are
    not listed under its state."""
    actors = loading.load("actors")["actor_id"].astype(str).tolist()
    if actor_id not in actors:
        raise _unknown("actor ID", str(actor_id), actors, "list them with mpd.load_actors()")
    links = loading.load("event_actors")
    roles = list(links["role"].cat.categories)
    if role is not None and role not in roles:
        raise ValueError(f"unknown role {role!r}; the roles are: {', '.join(roles)}")
    links = links[links["actor_id"] == actor_id]
    if role is not None:
        links = links[links["role"] == role]
    events = loading.load("events")
    columns = ["event_id", "date_start", "date_end", "date_precision", "event_type", "title"]
    merged = links[["event_id", "role"]].merge(
        events[[*columns, "place_id", "certainty"]], on="event_id", how="left"
    )
    merged = merged[[*columns, "role", "place_id", "certainty"]]
    return merged.sort_values(["date_start", "event_id"], kind="stable").reset_index(drop=True)
