"""Reading the hand-edited CSV files into typed frames, reporting every cell that won't parse.

Nothing is coerced silently: a date that is not ``YYYY-MM-DD``, a number that is not a
number, or an enum value outside its vocabulary becomes a Problem, never a missing value.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from .problems import Problem
from .schemas import model, table_metadata


def row_labels(table: str, frame: pd.DataFrame) -> pd.Series:
    """A label per row that a person can find in the CSV: line number and primary key."""
    key = [c for c in table_metadata(table)["primary_key"] if c in frame.columns]
    labels = pd.Series([f"line {i + 2}" for i in range(len(frame))], index=frame.index)
    if key:
        values = frame[key].astype("object").astype(str).agg("/".join, axis=1)
        labels = labels + ", " + "/".join(key) + "=" + values
    return labels


def read_csv(table: str, path: Path) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read ``path`` as ``table``: the typed frame (None if unusable) and the problems found."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")
    schema = model(table).to_schema()
    expected = list(schema.columns)
    if list(raw.columns) != expected:
        missing = [c for c in expected if c not in raw.columns]
        extra = [c for c in raw.columns if c not in expected]
        message = f"header must be exactly {expected}"
        if missing or extra:
            message += f"; missing {missing}, unexpected {extra}"
        return None, [Problem(table, "columns", message)]
    raw = raw.replace("", pd.NA)
    labels = row_labels(table, raw)
    problems: list[Problem] = []
    typed = {}
    for name, column in schema.columns.items():
        typed[name], bad, rule, message = _parse_column(raw[name], column)
        problems += [
            Problem(table, rule, message, row=labels[i], column=name, value=raw.at[i, name])
            for i in bad
        ]
    return pd.DataFrame(typed, index=raw.index), problems


def _parse_column(text: pd.Series, column: pa.Column) -> tuple[pd.Series, list[int], str, str]:
    dtype = column.dtype.type
    present = text.notna()
    if isinstance(dtype, pd.CategoricalDtype):
        allowed = list(dtype.categories)
        bad = present & ~text.isin(allowed)
        values = text.where(~bad).astype(dtype)
        return values, list(text.index[bad]), "isin", f"must be one of {allowed}"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        values = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce").astype(dtype)
        bad = present & values.isna()
        return values, list(text.index[bad]), "date_format", "is not an ISO date YYYY-MM-DD"
    if pd.api.types.is_integer_dtype(dtype):
        ok = text.astype("string").str.fullmatch(r"-?[0-9]+").fillna(False).astype(bool)
        bad = present & ~ok
        values = pd.to_numeric(text.where(ok), errors="coerce").astype("Int64")
        return values, list(text.index[bad]), "integer_format", "is not a whole number"
    if pd.api.types.is_float_dtype(dtype):
        values = pd.to_numeric(text, errors="coerce").astype("float64")
        bad = present & values.isna()
        return values, list(text.index[bad]), "number_format", "is not a number"
    return text.astype("string"), [], "", ""
