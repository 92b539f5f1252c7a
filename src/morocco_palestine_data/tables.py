"""The names of the tables: cheap to import, used to check what users ask for."""

from __future__ import annotations

TABLES: tuple[str, ...] = (
    "actors",
    "aid_deliveries",
    "citations",
    "diplomatic_missions",
    "event_actors",
    "events",
    "mission_heads",
    "places",
    "sources",
)

FORMATS: tuple[str, ...] = ("csv", "parquet")

# Analysis-ready views built from the tables (see views.py); ``describe`` accepts them too.
VIEWS: tuple[str, ...] = ("events_wide", "aid_wide", "missions_wide")


def list_tables() -> list[str]:
    """Names of the tables in the package, sorted."""
    return list(TABLES)


def check_table(name: str) -> str:
    """Return ``name`` if it is a table, else raise ValueError listing the tables."""
    if name not in TABLES:
        raise ValueError(f"unknown table {name!r}; the tables are: {', '.join(TABLES)}")
    return name


def check_view(name: str) -> str:
    """Return ``name`` if it is a view, else raise ValueError listing the views."""
    if name not in VIEWS:
        raise ValueError(f"unknown view {name!r}; the views are: {', '.join(VIEWS)}")
    return name


def check_format(fmt: str) -> str:
    """Return ``fmt`` if it is a shipped format, else raise ValueError listing them."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; the formats are: {', '.join(FORMATS)}")
    return fmt
