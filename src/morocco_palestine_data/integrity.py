"""Checks across tables: foreign keys resolve, citations point at records, records are cited."""

from __future__ import annotations

import pandas as pd

from .parsing import row_labels
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
    return problems


def _keys(frames: dict[str, pd.DataFrame], table: str, column: str) -> set[str]:
    return set(frames[table][column].dropna().astype(str)) if table in frames else set()


def _foreign_key_problems(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    problems = []
    for table, frame in frames.items():
        labels = row_labels(table, frame)
        for fk in table_metadata(table)["foreign_keys"]:
            (column,), ref = fk["fields"], fk["reference"]
            if ref["resource"] not in frames:
                continue
            known = _keys(frames, ref["resource"], ref["fields"][0])
            values = frame[column].astype("object")
            dangling = values.notna() & ~values.isin(known)
            problems += [
                Problem(
                    table,
                    "foreign_key",
                    f"does not match any {ref['resource']}.{ref['fields'][0]}",
                    row=labels[i],
                    column=column,
                    value=str(values[i]),
                )
                for i in frame.index[dangling]
            ]
    return problems


def _citation_problems(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    citations = frames["citations"]
    labels = row_labels("citations", citations)
    problems = []
    cited_tables = [t for t in TABLES if table_metadata(t)["cited"] and t in frames]
    for table in cited_tables:
        key = table_metadata(table)["primary_key"][0]
        records = _keys(frames, table, key)
        mine = citations[citations["record_table"].astype("object") == table]
        ids = mine["record_id"].astype("object")
        problems += [
            Problem(
                "citations",
                "citation_target",
                f"cites a {table} record that does not exist",
                row=labels[i],
                column="record_id",
                value=str(ids[i]),
            )
            for i in mine.index[~ids.isin(records)]
        ]
        uncited = sorted(records - set(ids.dropna()))
        row_of = dict(zip(frames[table][key], row_labels(table, frames[table]), strict=True))
        problems += [
            Problem(
                table,
                "uncited",
                "no row of citations supports this record",
                row=row_of[r],
                column=key,
                value=r,
            )
            for r in uncited
        ]
    return problems


def _parent_event_problems(events: pd.DataFrame) -> list[Problem]:
    """A stage's parent is another event, links never loop, and no stage starts before its parent.

    The parent is the whole operation or the act that started it (the order, the first flight);
    its bracket may end before later stages, so only the start is compared.

    A parent that does not exist is reported by the foreign-key check.
    """
    if "parent_event_id" not in events.columns:
        return []
    labels = row_labels("events", events)
    ids = events["event_id"].astype("object")
    parents = events["parent_event_id"].astype("object")
    parent_of = {e: p for e, p in zip(ids, parents, strict=True) if pd.notna(p)}
    start = dict(zip(ids, pd.to_datetime(events["date_start"]), strict=True))
    problems = []
    for i in events.index[parents.notna()]:
        child, parent = ids[i], parents[i]
        where = {"row": labels[i], "column": "parent_event_id", "value": str(parent)}
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
