"""Checks across tables: foreign keys resolve, citations point at records, records are cited.

Vectorised: each check is a membership test over whole columns; labels and messages are made
only for the rows that fail.
"""

from __future__ import annotations

import pandas as pd

from .parsing import row_label, source_file
from .problems import Problem
from .schemas import table_metadata
from .tables import TABLES


def cross_table_problems(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Every problem that no single table can show; tables missing from ``frames`` are skipped."""
    problems = _foreign_key_problems(frames)
    if "events" in frames:
        problems += _parent_event_problems(frames["events"])
    if "citations" in frames:
        problems += _citation_problems(frames)
        if "sources" in frames:
            problems += _verified_before_accessed(frames["citations"], frames["sources"])
    return problems


def _strings(values: pd.Series) -> pd.Series:
    return values.astype("object")


def _foreign_key_problems(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    problems = []
    for table, frame in frames.items():
        for fk in table_metadata(table)["foreign_keys"]:
            (column,), ref = fk["fields"], fk["reference"]
            if ref["resource"] not in frames:
                continue
            known = _strings(frames[ref["resource"]][ref["fields"][0]]).dropna()
            values = _strings(frame[column])
            dangling = values.notna() & ~values.isin(known)
            problems += [
                Problem(
                    table,
                    "foreign_key",
                    f"does not match any {ref['resource']}.{ref['fields'][0]}",
                    row=row_label(table, frame, i),
                    column=column,
                    value=str(values[i]),
                    file=source_file(frame),
                )
                for i in frame.index[dangling]
            ]
    return problems


def _citation_problems(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    citations = frames["citations"]
    record_table = _strings(citations["record_table"])
    problems = []
    for table in (t for t in TABLES if table_metadata(t)["cited"] and t in frames):
        key = table_metadata(table)["primary_key"][0]
        records = _strings(frames[table][key])
        ids = _strings(citations["record_id"])[record_table == table]
        problems += [
            Problem(
                "citations",
                "citation_target",
                f"cites a {table} record that does not exist",
                row=row_label("citations", citations, i),
                column="record_id",
                value=str(ids[i]),
                file=source_file(citations),
            )
            for i in ids.index[ids.notna() & ~ids.isin(records.dropna())]
        ]
        uncited = records.notna() & ~records.isin(ids.dropna())
        problems += [
            Problem(
                table,
                "uncited",
                "no row of citations supports this record",
                row=row_label(table, frames[table], i),
                column=key,
                value=str(records[i]),
                file=source_file(frames[table]),
            )
            for i in records.index[uncited]
        ]
    return problems


def _verified_before_accessed(citations: pd.DataFrame, sources: pd.DataFrame) -> list[Problem]:
    """A citation cannot be re-read before its source was first read (``accessed_on``)."""
    if "verified_on" not in citations.columns:
        return []
    # A duplicated source_id is reported by the sources check; the first row is used here.
    first_rows = sources.drop_duplicates("source_id")
    accessed = pd.Series(
        pd.to_datetime(first_rows["accessed_on"]).to_numpy(),
        index=_strings(first_rows["source_id"]),
    )
    first_read = _strings(citations["source_id"]).map(accessed)
    verified = pd.to_datetime(citations["verified_on"])
    early = verified.notna() & first_read.notna() & (verified < first_read)
    return [
        Problem(
            "citations",
            "verified_before_accessed",
            f"is before the source's accessed_on ({first_read[i]:%Y-%m-%d}): "
            "a page is re-read after it was first read",
            row=row_label("citations", citations, i),
            column="verified_on",
            value=f"{verified[i]:%Y-%m-%d}",
            file=source_file(citations),
        )
        for i in citations.index[early]
    ]


def _parent_event_problems(events: pd.DataFrame) -> list[Problem]:
    """A stage's parent is another event, links never loop, and no stage starts before its parent.

    The parent is the whole operation or the act that started it (the order, the first flight);
    its bracket may end before later stages, so only the start is compared.

    A parent that does not exist is reported by the foreign-key check.
    """
    if "parent_event_id" not in events.columns:
        return []
    ids = events["event_id"].astype("object")
    parents = events["parent_event_id"].astype("object")
    parent_of = {e: p for e, p in zip(ids, parents, strict=True) if pd.notna(p)}
    start = dict(zip(ids, pd.to_datetime(events["date_start"]), strict=True))
    problems = []
    for i in events.index[parents.notna()]:
        child, parent = ids[i], parents[i]
        where = {
            "row": row_label("events", events, i),
            "column": "parent_event_id",
            "value": str(parent),
            "file": source_file(events),
        }
        if parent == child:
            problems.append(
                Problem("events", "parent_event_self", "names the event itself as parent", **where)
            )
            continue
        if _in_cycle(child, parent_of):
            problems.append(
                Problem(
                    "events",
                    "parent_event_cycle",
                    "parent links lead back to this event (a cycle)",
                    **where,
                )
            )
            continue
        if parent in start and start[child] < start[parent]:
            problems.append(
                Problem(
                    "events",
                    "parent_event_dates",
                    f"the stage starts on {start[child]:%Y-%m-%d}, before its parent "
                    f"(which starts on {start[parent]:%Y-%m-%d})",
                    **where,
                )
            )
    return problems


def _in_cycle(event: str, parent_of: dict[str, str]) -> bool:
    """Whether following parent links from ``event`` comes back to it."""
    seen = {event}
    current = parent_of.get(event)
    while current is not None:
        if current == event:
            return True
        if current in seen:
            return False  # a loop further up; reported on the events that are in it
        seen.add(current)
        current = parent_of.get(current)
    return False
