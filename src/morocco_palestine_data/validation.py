"""Validating tables: parse, pandera, cross-table integrity, and (optionally) Frictionless."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from .descriptor import sha256_hex
from .integrity import cross_table_problems
from .parsing import read_csv, row_labels
from .problems import DataValidationError, Problem
from .schemas import model
from .tables import TABLES

CHECKSUMS = "parquet.sha256"


def schema_problems(table: str, frame: pd.DataFrame) -> list[Problem]:
    """Every rule of the pandera model of ``table`` that ``frame`` breaks."""
    schema = model(table).to_schema()
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return _from_failure_cases(table, frame, schema, exc.failure_cases)
    return []


def _from_failure_cases(
    table: str, frame: pd.DataFrame, schema: pa.DataFrameSchema, cases: pd.DataFrame
) -> list[Problem]:
    labels = row_labels(table, frame)
    # pandera names a failed frame-level check by its error text; map it back to the check
    frame_checks = {key: c for c in schema.checks for key in (c.name, c.error) if key}
    # ... and a custom column check (whose error text is not "<name>(...)") likewise
    column_checks = {
        c.error: c
        for col in schema.columns.values()
        for c in col.checks
        if c.error and c.name and not c.error.startswith(c.name)
    }
    problems, seen = [], set()
    for case in cases.itertuples():
        index = None if pd.isna(case.index) else case.index
        rule = str(case.check)
        on_frame = case.schema_context == "DataFrameSchema"
        if on_frame and rule in frame_checks:
            check = frame_checks[rule]
            rule, message = check.name, check.error or check.name
            column = ", ".join(_columns_of_check(rule, frame.columns))
        elif rule == "multiple_fields_uniqueness":
            column, message = ", ".join(schema.unique), "duplicates the key of another row"
        elif not on_frame and rule in column_checks:
            check = column_checks[rule]
            column, rule, message = case.column, check.name, check.error
        else:
            column, message = case.column, f"breaks {rule}"
        key = (rule, column, index)
        if key in seen:
            continue
        seen.add(key)
        value = None if on_frame or pd.isna(case.failure_case) else str(case.failure_case)
        row = labels.get(index) if index is not None else None
        problems.append(Problem(table, rule, message, row=row, column=column, value=value))
    return problems


def _columns_of_check(rule: str, columns: pd.Index) -> list[str]:
    """The columns a frame-level check is about, read from its name (``date_bracket_*`` is
    about ``date_start``, ``date_end``, ``date_precision``)."""
    prefix = rule.split("_")[0] + "_"
    return [c for c in columns if c in rule or c.startswith(prefix)]


def validate_frame(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Check one typed frame against its model; raise DataValidationError listing problems."""
    problems = schema_problems(table, frame)
    if problems:
        raise DataValidationError(problems)
    return frame


def check_folder(
    folder: Path, *, use_frictionless: bool = False
) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Read and check every ``<table>.csv`` in ``folder``: the typed frames and all problems."""
    frames: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for table in TABLES:
        csv = folder / f"{table}.csv"
        if not csv.is_file():
            problems.append(Problem(table, "columns", f"file {csv} is missing"))
            continue
        frame, parse_problems = read_csv(table, csv)
        problems += parse_problems
        if frame is not None:
            frames[table] = frame
            # a cell that did not parse is empty now: don't report it a second time
            unparsed = {(p.row, p.column) for p in parse_problems}
            problems += [
                p for p in schema_problems(table, frame) if (p.row, p.column) not in unparsed
            ]
    problems += cross_table_problems(frames)
    if use_frictionless and not problems:  # a second opinion, once our own checks pass
        from .frictionless_check import frictionless_problems

        problems += frictionless_problems(folder)
    return frames, problems


def checksum_problems(data_dir: Path) -> list[Problem]:
    """Parquet files whose bytes differ from the checksums written by the build."""
    listing = data_dir / CHECKSUMS
    if not listing.is_file():
        return [Problem("parquet", "checksum", f"{listing} is missing")]
    problems = []
    for line in listing.read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        target = data_dir / name
        actual = sha256_hex(target) if target.is_file() else None
        if actual != digest:
            problems.append(
                Problem(
                    name.removesuffix(".parquet"),
                    "checksum",
                    f"{name} does not match its checksum in {CHECKSUMS}",
                )
            )
    return problems


def validate(folder: str | Path | None = None, *, use_frictionless: bool = False) -> dict[str, int]:
    """Check the shipped data (or the CSV files in ``folder``); return row counts per table.

    Runs the pandera models, the cross-table checks (foreign keys, citations) and, for the
    shipped data, the Parquet checksums. Raises DataValidationError listing every problem.
    """
    if folder is None:
        from .loading import dataset_dir

        data_dir = dataset_dir() / "data"
        frames, problems = check_folder(data_dir, use_frictionless=use_frictionless)
        problems += checksum_problems(data_dir)
    else:
        frames, problems = check_folder(Path(folder), use_frictionless=use_frictionless)
    if problems:
        raise DataValidationError(problems)
    return {table: len(frame) for table, frame in frames.items()}
