"""Date brackets: bounds must be whole units of the stated precision."""

from __future__ import annotations

import pandas as pd
import pytest

from morocco_palestine_data.dates import (
    bracket_is_complete,
    bracket_is_ordered,
    bracket_matches_precision,
)


def _check(start, end, precision):
    s = pd.Series([pd.Timestamp(start) if start else pd.NaT])
    e = pd.Series([pd.Timestamp(end) if end else pd.NaT])
    p = pd.Series([precision], dtype="object")
    return bool(bracket_matches_precision(s, e, p).iloc[0])


@pytest.mark.parametrize(
    ("start", "end", "precision", "ok"),
    [
        ("1986-07-22", "1986-07-23", "day", True),
        ("1986-06-01", "1986-06-30", "month", True),
        ("1986-06-01", "1986-06-29", "month", False),
        ("1986-06-02", "1986-06-30", "month", False),
        ("2024-02-01", "2024-02-29", "month", True),
        ("1973-03-01", "1973-06-30", "month", True),
        ("1979-01-01", "1979-12-31", "year", True),
        ("1979-01-01", "1979-12-30", "year", False),
        ("1970-01-01", "1979-12-31", "decade", True),
        ("1971-01-01", "1979-12-31", "decade", False),
        ("1900-01-01", "1999-12-31", "century", True),
        ("1901-01-01", "2000-12-31", "century", False),
    ],
)
def test_bracket_matches_precision(start, end, precision, ok):
    assert _check(start, end, precision) is ok


def test_order_and_completeness():
    start = pd.Series([pd.Timestamp("2000-01-02"), pd.NaT, pd.NaT])
    end = pd.Series([pd.Timestamp("2000-01-01"), pd.NaT, pd.Timestamp("2000-01-01")])
    precision = pd.Series(["day", None, None], dtype="object")
    assert bracket_is_ordered(start, end).tolist() == [False, True, True]
    assert bracket_is_complete(start, end, precision).tolist() == [True, True, False]
