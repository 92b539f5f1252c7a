"""Analysis-ready views: one row per event, aid delivery or mission, with the joined names,
places and a summary of the sources behind each record.

Every column of a view is defined once, in :func:`view_fields`: a column copied or joined
from a table keeps that table's definition (from the shipped descriptor), and the columns
made here (actors by role, year, provenance) are defined below. ``describe("events_wide")``
prints them. pandas is imported when a view is first built, not when this module is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import loading
from .tables import VIEWS, check_view
from .vocabularies import EVENT_ROLES

if TYPE_CHECKING:
    import pandas as pd

# Columns copied from the place of a record, with the name they take in a view.
_PLACE_COLUMNS = {
    "name_en": "place_name_en",
    "name_ar": "place_name_ar",
    "name_fr": "place_name_fr",
    "latitude": "place_latitude",
    "longitude": "place_longitude",
    "country_iso3": "place_country_iso3",
}

_YEAR = {
    "name": "year",
    "type": "integer",
    "title": "Year",
    "description": (
        "Calendar year of `date_start`. For a bracket coarser than a year (a decade) or one "
        "that spans several years, this is its first year: check `date_precision` and "
        "`date_end` before counting by year."
    ),
    "constraints": {"required": True},
}

# The provenance summary every view ends with: what the citations of the record point to.
_PROVENANCE = [
    {
        "name": "n_sources",
        "type": "integer",
        "title": "Number of sources",
        "description": "How many sources the `citations` table lists for this record.",
        "constraints": {"required": True, "minimum": 0},
    },
    {
        "name": "n_sources_reread",
        "type": "integer",
        "title": "Number of sources re-read",
        "description": (
            "How many of those sources' citations of this record carry a re-read date "
            "(`citations.verified_on`): pages read a second time and found to support the "
            "record. Equal to `n_sources` when every cited page has been re-read."
        ),
        "constraints": {"required": True, "minimum": 0},
    },
    {
        "name": "n_publishers",
        "type": "integer",
        "title": "Number of publishers",
        "description": (
            "How many distinct publishers those sources have (two articles of one outlet "
            "count once); a rough measure of how independent the sourcing is."
        ),
        "constraints": {"required": True, "minimum": 0},
    },
    {
        "name": "source_kinds",
        "type": "list",
        "title": "Kinds of source",
        "description": (
            "The distinct `source_kind` values of those sources (news, official, ...), "
            "sorted; a list of strings."
        ),
        "constraints": {"required": True},
    },
    {
        "name": "earliest_published_on",
        "type": "date",
        "title": "Earliest publication date",
        "description": (
            "The earliest `published_on` among those sources; empty when none of them "
            "states a publication date."
        ),
        "constraints": {"required": False},
    },
    {
        "name": "source_ids",
        "type": "list",
        "title": "Source IDs",
        "description": (
            "The `source_id` of each of those sources, sorted; a list of strings. "
            "`sources_for(record_id)` gives their titles, publishers and URLs."
        ),
        "constraints": {"required": True},
    },
]


def _copied(table: str, column: str, name: str, of_what: str) -> dict[str, Any]:
    """The field of ``table.column`` as it appears, renamed to ``name``, in a view."""
    (field,) = (f for f in loading.fields(table) if f["name"] == column)
    return {
        "name": name,
        "type": field["type"],
        "title": f"{field['title']} ({of_what})",
        "description": f"{field['description']} Copied from `{table}.{column}`.",
        "constraints": {"required": False},
    }


def _role_fields() -> list[dict[str, Any]]:
    out = []
    for role in _roles():
        definition = EVENT_ROLES[role].rstrip(".").lower()
        out += [
            {
                "name": f"{role}_names",
                "type": "string",
                "title": f"Actors in the role {role}",
                "description": (
                    f"English names of the actors whose role in the event is `{role}` "
                    f"({definition}), joined by '; ' in the order of `event_actors`; empty "
                    "when no actor has that role."
                ),
                "constraints": {"required": False},
            },
            {
                "name": f"{role}_ids",
                "type": "list",
                "title": f"Actor IDs in the role {role}",
                "description": (
                    f"The `actor_id` of each actor in the role `{role}`, in the same order "
                    "as the names; a list of strings, empty when none."
                ),
                "constraints": {"required": True},
            },
        ]
    return out


def _roles() -> list[str]:
    (role,) = (f for f in loading.fields("event_actors") if f["name"] == "role")
    return list(role["constraints"]["enum"])


def _place_fields(of_what: str) -> list[dict[str, Any]]:
    return [_copied("places", col, name, of_what) for col, name in _PLACE_COLUMNS.items()]


def _actor_name(column: str, name: str, of_what: str) -> dict[str, Any]:
    return _copied("actors", "name_en", name, of_what) | {
        "description": f"English name (`actors.name_en`) of the actor in `{column}`."
    }


def view_fields(name: str) -> list[dict[str, Any]]:
    """The fields of view ``name`` in column order, shaped like Frictionless fields
    (``name``, ``type``, ``title``, ``description``, ``constraints``); type ``list`` is a
    column of Python lists."""
    check_view(name)
    if name == "events_wide":
        return [
            *loading.fields("events"),
            *_place_fields("of the event's place"),
            *_role_fields(),
            _YEAR,
            *_PROVENANCE,
        ]
    if name == "aid_wide":
        return [
            *loading.fields("aid_deliveries"),
            _actor_name("donor_actor_id", "donor_name", "donor"),
            _actor_name("ordered_by_actor_id", "ordered_by_name", "who ordered it"),
            _actor_name("channel_actor_id", "channel_name", "channel"),
            _copied("events", "title", "event_title", "of the parent event"),
            _YEAR,
            *_PROVENANCE,
        ]
    return [
        *loading.fields("diplomatic_missions"),
        _actor_name("sending_actor_id", "sending_name", "sending actor"),
        _actor_name("receiving_actor_id", "receiving_name", "receiving actor"),
        *_place_fields("of the mission's seat"),
        *_PROVENANCE,
    ]


def view_description(name: str) -> str:
    """One paragraph saying what a row of view ``name`` is (from its function's docstring)."""
    check_view(name)
    doc = (globals()[name].__doc__ or "").split("``describe(")[0]
    return " ".join(doc.split())


def provenance(table: str, ids: pd.Series) -> pd.DataFrame:
    """The provenance columns for the records ``ids`` of ``table``, one row per ID, in order."""
    import pandas as pd

    cites = loading.load("citations")
    cites = cites[cites["record_table"] == table]
    merged = cites.merge(loading.load("sources"), on="source_id", how="left")
    merged = merged.astype({"record_id": object, "source_id": object, "source_kind": object})
    merged = merged.sort_values(["record_id", "source_id"])
    groups = merged.groupby("record_id", sort=False)
    kinds = merged.drop_duplicates(["record_id", "source_kind"]).sort_values(
        ["record_id", "source_kind"]
    )
    summary = pd.DataFrame(
        {
            "n_sources": groups["source_id"].nunique(),
            "n_sources_reread": groups["verified_on"].count(),
            "n_publishers": groups["publisher"].nunique(),
            "source_kinds": kinds.groupby("record_id", sort=False)["source_kind"].agg(list),
            "earliest_published_on": groups["published_on"].min(),
            "source_ids": groups["source_id"].agg(list),
        }
    ).reindex(pd.Index(ids.astype(object), name="record_id"))
    summary = summary.reset_index(drop=True)
    for column in ("n_sources", "n_sources_reread", "n_publishers"):
        summary[column] = summary[column].fillna(0).astype("Int64")
    for column in ("source_kinds", "source_ids"):
        summary[column] = [v if isinstance(v, list) else [] for v in summary[column]]
    summary["earliest_published_on"] = summary["earliest_published_on"].astype("datetime64[ns]")
    return summary


def _places(frame: pd.DataFrame) -> pd.DataFrame:
    places = loading.load("places").set_index("place_id")[list(_PLACE_COLUMNS)]
    joined = places.reindex(frame["place_id"].astype(object)).reset_index(drop=True)
    return joined.rename(columns=_PLACE_COLUMNS)


def _names(ids: pd.Series, actors: pd.Series) -> pd.Series:
    import pandas as pd

    return ids.map(actors).astype(pd.StringDtype())


def _actors_by_role(events: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    links = loading.load("event_actors")
    names = dict(loading.load("actors")[["actor_id", "name_en"]].itertuples(index=False))
    by_role: dict[str, dict[str, list[str]]] = {role: {} for role in _roles()}
    for event, actor, role in zip(links["event_id"], links["actor_id"], links["role"], strict=True):
        by_role[role].setdefault(event, []).append(actor)  # in the order of event_actors
    out = {}
    for role, of_role in by_role.items():
        ids = [of_role.get(event, []) for event in events["event_id"]]
        joined = ["; ".join(names[a] for a in actors) or None for actors in ids]
        out[f"{role}_names"] = pd.array(joined, dtype=pd.StringDtype())
        out[f"{role}_ids"] = ids
    return pd.DataFrame(out)


def _year(dates: pd.Series) -> pd.Series:
    return dates.dt.year.astype("Int64").reset_index(drop=True)


def _assemble(parts: list[pd.DataFrame]) -> pd.DataFrame:
    import pandas as pd

    return pd.concat([p.reset_index(drop=True) for p in parts], axis=1)


def events_wide() -> pd.DataFrame:
    """One row per event, in the order of ``load_events()``, with its place (names,
    coordinates, country), its actors by role (names joined by '; ', IDs as lists), its year
    and a summary of its sources. ``describe("events_wide")`` defines every column."""
    import pandas as pd

    events = loading.load("events")
    year = pd.DataFrame({"year": _year(events["date_start"])})
    return _assemble(
        [
            events,
            _places(events),
            _actors_by_role(events),
            year,
            provenance("events", events["event_id"]),
        ],
    )


def aid_wide() -> pd.DataFrame:
    """One row per aid delivery, in the order of ``load_aid_deliveries()``, with the names
    of its donor, of whoever ordered it and of its channel, its parent event's title, its
    year and a summary of its sources. ``describe("aid_wide")`` defines every column."""
    import pandas as pd

    aid = loading.load("aid_deliveries")
    names = loading.load("actors").set_index("actor_id")["name_en"]
    titles = loading.load("events").set_index("event_id")["title"]
    joined = pd.DataFrame(
        {
            "donor_name": _names(aid["donor_actor_id"], names),
            "ordered_by_name": _names(aid["ordered_by_actor_id"], names),
            "channel_name": _names(aid["channel_actor_id"], names),
            "event_title": _names(aid["event_id"], titles),
            "year": _year(aid["date_start"]),
        }
    )
    return _assemble([aid, joined, provenance("aid_deliveries", aid["aid_id"])])


def missions_wide() -> pd.DataFrame:
    """One row per diplomatic mission, in the order of ``load_diplomatic_missions()``, with
    the names of the sending and receiving actors, its seat (names, coordinates, country)
    and a summary of its sources. ``describe("missions_wide")`` defines every column."""
    import pandas as pd

    missions = loading.load("diplomatic_missions")
    names = loading.load("actors").set_index("actor_id")["name_en"]
    joined = pd.DataFrame(
        {
            "sending_name": _names(missions["sending_actor_id"], names),
            "receiving_name": _names(missions["receiving_actor_id"], names),
        }
    )
    return _assemble(
        [
            missions,
            joined,
            _places(missions),
            provenance("diplomatic_missions", missions["mission_id"]),
        ],
    )


__all__ = [
    "VIEWS",
    "aid_wide",
    "events_wide",
    "missions_wide",
    "provenance",
    "view_description",
    "view_fields",
]
