"""Reading the hand-edited CSV files into typed frames, reporting every cell that won't parse.

Nothing is coerced silently: a file that is not UTF-8, a row with too few or too many fields,
a date that is not ``YYYY-MM-DD``, a number that is not a number, or an enum value outside
its vocabulary becomes a Problem naming the file, line, column and rule, never a missing
value or a Python traceback. The work is vectorised: labels and messages are made only for
the rows that fail.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow
import pyarrow.csv as pacsv

from .problems import Problem
from .schemas import schema, table_metadata

_BOM = b"\xef\xbb\xbf"
_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_INTEGER = r"-?[0-9]{1,18}"  # beyond 18 digits a value no longer fits a 64-bit integer
# the days a datetime64[ns] column can hold
_FIRST_DAY, _LAST_DAY = pd.Timestamp("1678-01-01"), pd.Timestamp("2261-12-31")
_NUMBER = r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"


def line_number(frame: pd.DataFrame, position: int) -> int | None:
    """The CSV line of the row at ``position`` of a frame read by :func:`read_csv` (None for
    other frames). Rows start on line ``position + 2`` unless a quoted cell spans lines."""
    if "file" not in frame.attrs:
        return None
    lines = frame.attrs.get("lines")
    return lines[position] if lines else position + 2


def source_file(frame: pd.DataFrame) -> str | None:
    """The name of the file a frame read by :func:`read_csv` came from."""
    return frame.attrs.get("file")


def row_label(table: str, frame: pd.DataFrame, index: object) -> str:
    """A label that a person can find in the file for one row: line (or row) and primary key."""
    position = frame.index.get_loc(index)
    line = line_number(frame, position)
    label = f"line {line}" if line else f"row {position + 1}"
    key = [c for c in table_metadata(table)["primary_key"] if c in frame.columns]
    if key:
        values = "/".join(str(frame[c].iloc[position]) for c in key)
        label += f", {'/'.join(key)}={values}"
    return label


def read_csv(table: str, path: Path) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read ``path`` as ``table``: the typed frame (None if unusable) and the problems found."""
    file = path.name

    def problem(rule: str, message: str, line: int | None = None) -> Problem:
        return Problem(table, rule, message, row=f"line {line}" if line else None, file=file)

    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [problem("file_readable", f"cannot be read ({exc.strerror or exc})")]
    if not data.strip():
        return None, [problem("empty_file", "is empty: it needs at least the header row", 1)]
    if data.startswith(_BOM):
        return None, [problem("encoding", "starts with a byte-order mark (BOM)", 1)]
    if b"\0" in data:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        return None, [problem("encoding", "contains a NUL byte", line)]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start : exc.start + 1].hex()
        return None, [problem("encoding", f"is not UTF-8 (byte 0x{byte} cannot be decoded)", line)]

    expected = list(schema(table).columns)
    try:
        header = next(csv.reader(io.StringIO(text, newline="")), [])
    except csv.Error as exc:
        return None, [problem("csv_syntax", f"has a header row that is not CSV ({exc})", 1)]
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        twice = sorted({c for c in header if header.count(c) > 1})
        message = f"header must be exactly {','.join(expected)}"
        details = [
            f"{label} {names}"
            for label, names in [("missing", missing), ("unexpected", extra), ("repeated", twice)]
            if names
        ]
        message += "; " + ", ".join(details) if details else "; the order differs"
        return None, [problem("columns", message, 1)]

    table_data, structure = _read_rows(text, expected)
    if structure:
        return None, [problem(rule, message, line) for rule, message, line in structure]
    if table_data.num_rows == 0:
        return None, [problem("no_rows", "has a header but no rows", 1)]

    raw = pd.DataFrame(
        {name: _strings(table_data.column(name)) for name in expected},
        index=pd.RangeIndex(table_data.num_rows),
    )
    lines = _record_lines(text, len(raw))
    problems: list[Problem] = []
    typed = {}
    for name, column in schema(table).columns.items():
        typed[name], bad, rule, message = _parse_column(raw[name], column)
        if bad.any():
            raw.attrs.update(lines=lines, file=file)
            problems += [
                Problem(
                    table,
                    rule,
                    message,
                    row=row_label(table, raw, i),
                    column=name,
                    value=raw.at[i, name],
                    file=file,
                )
                for i in raw.index[bad]
            ]
    frame = pd.DataFrame(typed, index=raw.index)
    frame.attrs.update(lines=lines, file=file)
    return frame, problems


def _read_rows(text: str, columns: list[str]) -> tuple[pyarrow.Table, list[tuple[str, str, int]]]:
    """Every row as strings with Arrow's CSV reader, and each structural problem as
    (rule, message, line): rows with the wrong number of fields, unclosed quotes, blank lines."""
    structure: list[tuple[str, str, int]] = []

    def invalid(row: pacsv.InvalidRow) -> str:
        if row.text.count('"') % 2:
            message = "has an unmatched double quote; the row runs on to the end of the file"
            structure.append(("csv_quotes", message, row.number or 0))
        else:
            message = f"has {row.actual_columns} fields; the header has {row.expected_columns}"
            structure.append(("field_count", message, row.number or 0))
        return "skip"

    for position in _blank_lines(text):
        structure.append(("blank_line", "is blank: remove empty lines", position))
    try:
        result = pacsv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pacsv.ReadOptions(use_threads=False),
            parse_options=pacsv.ParseOptions(newlines_in_values=True, invalid_row_handler=invalid),
            convert_options=pacsv.ConvertOptions(
                column_types={c: pyarrow.string() for c in columns},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pyarrow.ArrowInvalid, pyarrow.ArrowException) as exc:
        structure.append(("csv_syntax", f"cannot be read as CSV ({exc})", 0))
        result = pyarrow.table({c: pyarrow.array([], pyarrow.string()) for c in columns})
    return result, sorted(structure, key=lambda s: s[2])


def _blank_lines(text: str) -> list[int]:
    """Line numbers of empty lines (a final newline ends the last line, it adds none)."""
    if "\n\n" not in text and "\n\r\n" not in text and not text.startswith(("\n", "\r\n")):
        return []
    lines = text.removesuffix("\n").split("\n")
    return [i + 1 for i, line in enumerate(lines) if not line.strip()]


def _strings(column: pyarrow.ChunkedArray) -> pd.Series:
    """A column of text as an object Series, with empty cells as missing."""
    values = pd.Series(column.to_numpy(zero_copy_only=False), dtype=object)
    return values.where(values != "", pd.NA)


def _record_lines(text: str, rows: int) -> tuple[int, ...] | None:
    """The line on which each record starts where a quoted cell spans lines (else None:
    record i starts on line i + 2)."""
    physical = text.count("\n") + (0 if text.endswith("\n") else 1)
    if physical == rows + 1:
        return None
    starts, reader = [], csv.reader(io.StringIO(text, newline=""))
    try:
        next(reader, None)
        line = reader.line_num
        for _ in reader:
            starts.append(line + 1)
            line = reader.line_num
    except csv.Error:  # Arrow read the rows; past this point lines are not known
        pass
    return tuple(starts[:rows] + [0] * (rows - len(starts)))


def _parse_column(text: pd.Series, column: pa.Column) -> tuple[pd.Series, pd.Series, str, str]:
    """The typed column, a mask of the cells that do not parse, the rule and its message."""
    dtype = column.dtype.type
    present = text.notna()
    if isinstance(dtype, pd.CategoricalDtype):
        allowed = list(dtype.categories)
        bad = present & ~text.isin(allowed)
        values = text.where(~bad).astype(dtype)
        return values, bad, "isin", f"must be one of {allowed}"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        ok = _matches(text, _DATE)
        parsed = pd.to_datetime(text.where(ok), format="%Y-%m-%d", errors="coerce")
        ok &= parsed.between(_FIRST_DAY, _LAST_DAY).fillna(False).astype(bool)
        bad = present & ~ok
        values = parsed.where(ok).astype(dtype)
        return values, bad, "date_format", "is not a calendar date written YYYY-MM-DD"
    if pd.api.types.is_integer_dtype(dtype):
        ok = _matches(text, _INTEGER)
        bad = present & ~ok
        values = pd.to_numeric(text.where(ok), errors="coerce").astype("Int64")
        return values, bad, "integer_format", "is not a whole number"
    if pd.api.types.is_float_dtype(dtype):
        ok = _matches(text, _NUMBER)
        values = pd.to_numeric(text.where(ok), errors="coerce").astype("float64")
        bad = present & (values.isna() | ~np.isfinite(values.fillna(0)))
        return values.where(~bad), bad, "number_format", "is not a finite decimal number"
    return text.astype("string"), pd.Series(False, index=text.index), "", ""


def _matches(text: pd.Series, pattern: str) -> pd.Series:
    """True where the whole cell matches ``pattern`` (Arrow's regex engine: vectorised)."""
    return text.astype(pd.StringDtype("pyarrow")).str.fullmatch(pattern).fillna(False).astype(bool)
