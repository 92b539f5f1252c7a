"""Date brackets: a fact is dated by a first day, a last day and a precision.

A bracket at precision ``month`` runs from the 1st of a month to the last day of a month,
at ``year`` from 1 January to 31 December, and so on: the bounds are whole units of the
precision, so a reader never mistakes a padded date for a known day.
"""

from __future__ import annotations

import pandas as pd

_UNIT_YEARS = {"decade": 10, "century": 100}


def bracket_is_complete(start: pd.Series, end: pd.Series, precision: pd.Series) -> pd.Series:
    """True where the three parts of a bracket are all set or all empty."""
    known = start.notna().astype(int) + end.notna().astype(int) + precision.notna().astype(int)
    return (known == 0) | (known == 3)


def bracket_is_ordered(start: pd.Series, end: pd.Series) -> pd.Series:
    """True where the bracket does not end before it starts (or is not set)."""
    return start.isna() | end.isna() | (start <= end)


def bracket_matches_precision(start: pd.Series, end: pd.Series, precision: pd.Series) -> pd.Series:
    """True where both bounds fall on the edges of units of the stated precision."""
    precision = precision.astype("object")
    starts_unit = start.dt.is_month_start
    ends_unit = end.dt.is_month_end
    ok = pd.Series(True, index=start.index)
    ok = ok.mask(precision.eq("month"), starts_unit & ends_unit)
    year_ok = start.dt.is_year_start & end.dt.is_year_end
    ok = ok.mask(precision.eq("year"), year_ok)
    for unit, years in _UNIT_YEARS.items():
        edges = year_ok & (start.dt.year % years == 0) & (end.dt.year % years == years - 1)
        ok = ok.mask(precision.eq(unit), edges)
    return ok.fillna(True).astype(bool) | start.isna() | end.isna()
