"""Validating tables: parse, pandera, cross-table integrity, shipped-file checksums, and
(when asked) Frictionless as a second opinion."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from .checksums import CHECKSUMS, csv_problems, parquet_problems
from .integrity import cross_table_problems
from .parsing import read_csv, row_label, source_file
from .problems import DataValidationError, Problem
from .schemas import schema
from .tables import TABLES

__all__ = ["CHECKSUMS", "check_folder", "schema_problems", "validate", "validate_frame"]


def schema_problems(table: str, frame: pd.DataFrame, file: str | None = None) -> list[Problem]:
    """Every rule of the pandera model of ``table`` that ``frame`` breaks."""
    checked = schema(table)
    file = file or source_file(frame)
    try:
        checked.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return _from_failure_cases(table, frame, checked, exc.failure_cases, file)
    except pa.errors.SchemaError as exc:  # a failure pandera does not collect lazily
        return [Problem(table, str(exc.reason_code or "schema"), str(exc), file=file)]
    return []


def _from_failure_cases(
    table: str,
    frame: pd.DataFrame,
    checked: pa.DataFrameSchema,
    cases: pd.DataFrame,
    file: str | None,
) -> list[Problem]:
    # pandera names a failed frame-level check by its error text; map it back to the check
    frame_checks = {key: c for c in checked.checks for key in (c.name, c.error) if key}
    # ... and a custom column check (whose error text is not "<name>(...)") likewise
    column_checks = {
        c.error: c
        for col in checked.columns.values()
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
            column, message = ", ".join(checked.unique), "duplicates the key of another row"
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
        row = row_label(table, frame, index) if index is not None else None
        problems.append(
            Problem(table, rule, message, row=row, column=column, value=value, file=file)
        )
    return problems


def _columns_of_check(rule: str, columns: pd.Index) -> list[str]:
    """The columns a frame-level check is about, read from its name (``date_bracket_*`` is
    about ``date_start``, ``date_end``, ``date_precision``)."""
    prefix = rule.split("_")[0] + "_"
    return [c for c in columns if c in rule or c.startswith(prefix)]


def validate_frame(table: str, frame: pd.DataFrame, file: str | None = None) -> pd.DataFrame:
    """Check one typed frame against its model; raise DataValidationError listing problems."""
    problems = schema_problems(table, frame, file)
    if problems:
        raise DataValidationError(problems)
    return frame


def check_folder(
    folder: Path, *, use_frictionless: bool = False
) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Read and check every ``<table>.csv`` in ``folder``: the typed frames and all problems.

    Never raises for bad data: every file that is missing, unexpected, unreadable or broken
    becomes a Problem.
    """
    if not folder.is_dir():
        message = f"folder {folder} does not exist or is not a folder"
        return {}, [Problem("data", "missing_file", message)]
    frames: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for table in TABLES:
        csv = folder / f"{table}.csv"
        if not csv.exists():
            problems.append(Problem(table, "missing_file", "is missing", file=csv.name))
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
    problems += _unexpected_files(folder)
    problems += cross_table_problems(frames)
    if use_frictionless and not problems:  # a second opinion, once our own checks pass
        from .frictionless_check import frictionless_problems

        problems += frictionless_problems(folder)
    return frames, problems


def _unexpected_files(folder: Path) -> list[Problem]:
    known = {f"{t}.csv" for t in TABLES}
    return [
        Problem(
            path.stem,
            "unexpected_file",
            f"is not a table of this package; the tables are: {', '.join(TABLES)}",
            file=path.name,
        )
        for path in sorted(folder.iterdir())
        if path.suffix.lower() == ".csv" and path.name not in known
    ]


def shipped_file_problems(dataset: Path) -> list[Problem]:
    """Shipped files whose bytes differ from the build's: each CSV against the size and
    SHA-256 in ``datapackage.json``, each Parquet file against ``parquet.sha256``."""
    try:
        package = json.loads((dataset / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [Problem("package", "checksum", f"cannot be read ({exc})", file="datapackage.json")]
    return csv_problems(dataset / "data", package) + parquet_problems(
        dataset / "data", [f"{t}.parquet" for t in TABLES]
    )


def validate(folder: str | Path | None = None, *, use_frictionless: bool = False) -> dict[str, int]:
    """Check the shipped data (or the CSV files in ``folder``); return row counts per table.

    Runs the pandera models and the cross-table checks (foreign keys, citations); for the
    shipped data, also verifies every CSV and Parquet file against the sizes and SHA-256
    digests in the shipped ``datapackage.json`` and ``parquet.sha256``. Raises
    DataValidationError listing every problem.
    """
    if folder is None:
        from .loading import dataset_dir

        dataset = dataset_dir()
        problems = shipped_file_problems(dataset)
        frames, more = check_folder(dataset / "data", use_frictionless=use_frictionless)
        problems += more
    else:
        frames, problems = check_folder(Path(folder), use_frictionless=use_frictionless)
    if problems:
        raise DataValidationError(problems)
    return {table: len(frame) for table, frame in frames.items()}
