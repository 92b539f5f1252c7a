"""Curated, sourced, schema-validated tables on relations between Morocco and Palestine.

>>> import morocco_palestine_data as mpd
>>> mpd.list_tables()[:3]
['actors', 'aid_deliveries', 'citations']
>>> events = mpd.load_events()
>>> wide = mpd.events_wide()  # one row per event: place, actors by role, sources
>>> print(mpd.cite("1986-07-22-peres-visits-hassan-ii-ifrane"))  # the pages behind a record

Importing the package is cheap: pandas and pyarrow load with the first table, pandera and
frictionless only when validation is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .dataset_citation import citation
from .loading import (
    describe,
    load,
    load_actors,
    load_aid_deliveries,
    load_all,
    load_citations,
    load_diplomatic_missions,
    load_event_actors,
    load_events,
    load_mission_heads,
    load_places,
    load_sources,
    path,
)
from .problems import DataValidationError, Problem
from .provenance import cite, events_involving, sources_for
from .tables import list_tables
from .views import aid_wide, events_wide, missions_wide

if TYPE_CHECKING:
    from pathlib import Path

    from . import schemas

__all__ = [
    "DataValidationError",
    "Problem",
    "__version__",
    "aid_wide",
    "citation",
    "cite",
    "describe",
    "events_involving",
    "events_wide",
    "list_tables",
    "load",
    "load_actors",
    "load_aid_deliveries",
    "load_all",
    "load_citations",
    "load_diplomatic_missions",
    "load_event_actors",
    "load_events",
    "load_mission_heads",
    "load_places",
    "load_sources",
    "missions_wide",
    "path",
    "schemas",
    "sources_for",
    "validate",
]


def validate(folder: str | Path | None = None) -> dict[str, int]:
    """Check the shipped data (or a folder of edited CSVs) with the pandera models and the
    cross-table checks; return the row count of each table.

    Raises DataValidationError, whose ``problems`` name the table, row, column and rule.
    """
    from .validation import validate as _validate

    return _validate(folder)


def __dir__() -> list[str]:
    """The public interface only: the names in ``__all__``."""
    return sorted(__all__)


def __getattr__(name: str) -> Any:
    if name == "schemas":  # pandera is heavy: import the models on first use
        import importlib

        return importlib.import_module(f"{__name__}.schemas")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
