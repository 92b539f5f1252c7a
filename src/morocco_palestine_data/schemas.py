"""One pandera DataFrameModel per table: the single definition of every column.

Each field carries its dtype, its checks, a title and a description. The descriptor
(`datapackage.json`), the data dictionary, `describe()` and the loaders' dtypes are all
derived from these models. Table-level facts (primary key, foreign keys, whether records
must be cited) live in each model's ``Config.metadata``.

Importing this module imports pandera; the package imports it only when asked to.
"""

from __future__ import annotations

import functools
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from . import vocabularies as v
from .dates import bracket_is_complete, bracket_is_ordered, bracket_matches_precision

# Dtypes used by the tables. Dates are naive calendar dates held as datetime64[ns].
String = pd.StringDtype
Category = pd.CategoricalDtype
Date = pa.DateTime
Int = pd.Int64Dtype


def _id(title: str, description: str, *, unique: bool = False, nullable: bool = False) -> Any:
    return pa.Field(
        title=title,
        description=description,
        str_matches=v.ID_PATTERN,
        unique=unique,
        nullable=nullable,
    )


def _text(title: str, description: str, *, nullable: bool = False, max_length: int = 2000) -> Any:
    return pa.Field(
        title=title,
        description=description,
        nullable=nullable,
        str_length={"min_value": 1, "max_value": max_length},
        str_matches=v.TEXT_PATTERN,
    )


def _pattern(title: str, description: str, pattern: str, *, nullable: bool = False) -> Any:
    return pa.Field(title=title, description=description, str_matches=pattern, nullable=nullable)


def _enum(
    vocabulary: dict[str, str], title: str, description: str, *, nullable: bool = False
) -> Any:
    values = list(vocabulary)
    return pa.Field(
        title=title,
        description=description,
        isin=values,
        nullable=nullable,
        dtype_kwargs={"categories": values, "ordered": False},
        metadata={"vocabulary": vocabulary},
    )


def _date(title: str, description: str, *, nullable: bool = False) -> Any:
    return pa.Field(
        title=title,
        description=description,
        nullable=nullable,
        ge=pd.Timestamp("1900-01-01"),
        le=pd.Timestamp("2099-12-31"),
    )


def _count(title: str, description: str) -> Any:
    return pa.Field(title=title, description=description, nullable=True, ge=0)


_BRACKET_RULES = {
    "complete": (
        "{p}_start, {p}_end and {p}_precision are all set or all empty",
        bracket_is_complete,
    ),
    "ordered": ("{p}_start must not follow {p}_end", bracket_is_ordered),
    "matches_precision": (
        "{p}_start/{p}_end must span whole units of {p}_precision",
        bracket_matches_precision,
    ),
}


def _bracket_check(prefix: str, rule: str) -> Any:
    """A frame-level check named ``<prefix>_bracket_<rule>`` on one date bracket."""
    error, test = _BRACKET_RULES[rule]

    def check(cls: Any, df: pd.DataFrame) -> pd.Series:
        start, end, precision = (df[f"{prefix}_{part}"] for part in ("start", "end", "precision"))
        return test(start, end) if rule == "ordered" else test(start, end, precision)

    check.__name__ = f"_{prefix}_{rule}"
    return pa.dataframe_check(name=f"{prefix}_bracket_{rule}", error=error.format(p=prefix))(check)


def _fk(field: str, table: str, key: str | None = None) -> dict[str, Any]:
    return {"fields": [field], "reference": {"resource": table, "fields": [key or field]}}


@functools.cache
def iso3166_alpha3_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-3 codes of pycountry (imported here, at validation time only)."""
    import pycountry

    return frozenset(country.alpha_3 for country in pycountry.countries)


def _iso3_check(column: str) -> Any:
    """A check named ``iso3166_alpha3`` that ``column`` holds codes ISO 3166-1 assigns."""

    def check(cls: Any, series: pd.Series) -> pd.Series:
        return series.isna() | series.astype("object").isin(iso3166_alpha3_codes())

    check.__name__ = f"_{column}_iso3166"
    return pa.check(
        column,
        name="iso3166_alpha3",
        error="is not an ISO 3166-1 alpha-3 code (pycountry's list)",
    )(check)


_CERTAINTY = (
    "How well the record is supported: confirmed (two independent sources, or one official "
    "source of the party concerned), reported (one source), disputed (sources disagree)."
)
_START = "First day of the date bracket in which the fact falls (ISO 8601)."
_END = "Last day of the date bracket; equal to the start for a one-day fact."
_PRECISION = "How precisely the sources date the fact; the bracket spans whole units of it."


class Sources(pa.DataFrameModel):
    """Documents read to support the records."""

    source_id: Series[String] = _id("Source ID", "Stable identifier of the source.", unique=True)
    title: Series[String] = _text("Title", "Title of the document as published.", max_length=400)
    publisher: Series[String] = _text(
        "Publisher", "Organisation or site that published it.", max_length=200
    )
    url: Series[String] = pa.Field(
        title="URL",
        description="Address of the page that was read.",
        str_matches=v.URL_PATTERN,
        unique=True,
    )
    published_on: Series[Date] = _date(
        "Published on", "Publication date, where the page gives it.", nullable=True
    )
    accessed_on: Series[Date] = _date("Accessed on", "Date the page was read for this dataset.")
    language: Series[String] = _pattern(
        "Language",
        "Language of the document (ISO 639-1; ISO 639-3 where there is no two-letter code).",
        v.LANGUAGE_PATTERN,
    )
    source_kind: Series[Category] = _enum(
        v.SOURCE_KINDS, "Kind of source", "What sort of document."
    )

    class Config:
        strict = True
        unique = ["source_id"]
        title = "Sources"
        description = "Documents read to support the records, one row per document."
        metadata = {"primary_key": ["source_id"], "foreign_keys": [], "cited": False}


class Actors(pa.DataFrameModel):
    """States, bodies, organisations, movements, people and populations."""

    actor_id: Series[String] = _id("Actor ID", "Stable identifier of the actor.", unique=True)
    name_en: Series[String] = _text("Name (English)", "Usual English name.", max_length=200)
    name_ar: Series[String] = _text(
        "Name (Arabic)", "Arabic name as written in a source.", nullable=True, max_length=200
    )
    name_fr: Series[String] = _text(
        "Name (French)", "French name, where common in Morocco.", nullable=True, max_length=200
    )
    actor_type: Series[Category] = _enum(v.ACTOR_TYPES, "Actor type", "What sort of actor.")
    country_iso3: Series[String] = _pattern(
        "Country",
        "Country the actor belongs to (ISO 3166-1 alpha-3, checked against pycountry's list).",
        v.ISO3_PATTERN,
        nullable=True,
    )
    parent_actor_id: Series[String] = _id(
        "Parent actor", "Actor this one belongs to or serves (a minister's state).", nullable=True
    )
    office: Series[String] = _text(
        "Office", "Office held in the facts recorded.", nullable=True, max_length=300
    )
    wikidata_qid: Series[String] = _pattern(
        "Wikidata item", "Wikidata identifier, where known.", v.QID_PATTERN, nullable=True
    )
    description: Series[String] = _text("Description", "Who or what the actor is, in one line.")

    class Config:
        strict = True
        unique = ["actor_id"]
        title = "Actors"
        description = "States, bodies, organisations, movements, people and populations."
        metadata = {
            "primary_key": ["actor_id"],
            "foreign_keys": [_fk("parent_actor_id", "actors", "actor_id")],
            "cited": True,
        }

    _country_iso3 = _iso3_check("country_iso3")


class Places(pa.DataFrameModel):
    """Cities, regions, territories, countries and sites."""

    place_id: Series[String] = _id("Place ID", "Stable identifier of the place.", unique=True)
    name_en: Series[String] = _text("Name (English)", "Usual English name.", max_length=200)
    name_ar: Series[String] = _text(
        "Name (Arabic)", "Arabic name as written in a source.", nullable=True, max_length=200
    )
    name_fr: Series[String] = _text(
        "Name (French)", "French name, where common.", nullable=True, max_length=200
    )
    place_type: Series[Category] = _enum(v.PLACE_TYPES, "Place type", "What sort of place.")
    country_iso3: Series[String] = _pattern(
        "Country",
        "Country or territory code (ISO 3166-1 alpha-3, checked against pycountry's list); "
        "empty where sovereignty is contested as a whole (Jerusalem).",
        v.ISO3_PATTERN,
        nullable=True,
    )
    latitude: Series[float] = pa.Field(
        title="Latitude",
        description="WGS84 latitude in decimal degrees.",
        ge=-90,
        le=90,
        nullable=True,
    )
    longitude: Series[float] = pa.Field(
        title="Longitude",
        description="WGS84 longitude in decimal degrees.",
        ge=-180,
        le=180,
        nullable=True,
    )
    geonames_id: Series[Int] = pa.Field(
        title="GeoNames ID", description="GeoNames identifier, where known.", ge=1, nullable=True
    )

    class Config:
        strict = True
        unique = ["place_id"]
        title = "Places"
        description = "Cities, regions, territories, countries and sites where facts took place."
        metadata = {"primary_key": ["place_id"], "foreign_keys": [], "cited": True}

    _country_iso3 = _iso3_check("country_iso3")

    @pa.dataframe_check(
        name="latitude_longitude_paired", error="latitude and longitude go together"
    )
    def _coordinates_paired(cls, df: pd.DataFrame) -> pd.Series:
        return df["latitude"].isna() == df["longitude"].isna()


class Events(pa.DataFrameModel):
    """Things that happened at a time."""

    event_id: Series[String] = _id("Event ID", "Stable identifier of the event.", unique=True)
    date_start: Series[Date] = _date("Start date", _START)
    date_end: Series[Date] = _date("End date", _END)
    date_precision: Series[Category] = _enum(v.DATE_PRECISION, "Date precision", _PRECISION)
    event_type: Series[Category] = _enum(v.EVENT_TYPES, "Event type", "What sort of event.")
    title: Series[String] = _text("Title", "Short headline, in our words.", max_length=160)
    summary: Series[String] = _text("Summary", "Two or three sentences, in our words.")
    place_id: Series[String] = _id("Place", "Where it happened, where known.", nullable=True)
    certainty: Series[Category] = _enum(v.CERTAINTY, "Certainty", _CERTAINTY)
    plover_category: Series[Category] = _enum(
        v.PLOVER_CATEGORIES, "PLOVER category", "Nearest PLOVER event category."
    )
    notes: Series[String] = _text(
        "Notes", "Caveats, and who claims what where sources disagree.", nullable=True
    )
    parent_event_id: Series[String] = _id(
        "Parent event",
        "The long operation this event is a stage of (an airlift, a deployment), recorded as "
        "the event for the whole or for the act that started it (the order, the first "
        "flight); empty for an event that is not a stage. A stage never starts before its "
        "parent, and parent links never form a cycle.",
        nullable=True,
    )

    class Config:
        strict = True
        unique = ["event_id"]
        title = "Events"
        description = "Things that happened at a time, dated by a bracket and a precision."
        metadata = {
            "primary_key": ["event_id"],
            "foreign_keys": [
                _fk("place_id", "places"),
                _fk("parent_event_id", "events", "event_id"),
            ],
            "cited": True,
        }

    _date_ordered = _bracket_check("date", "ordered")
    _date_precise = _bracket_check("date", "matches_precision")


class EventActors(pa.DataFrameModel):
    """The part each actor plays in an event."""

    event_id: Series[String] = _id("Event ID", "The event the actor takes part in.")
    actor_id: Series[String] = _id("Actor ID", "The actor taking part in the event.")
    role: Series[Category] = _enum(v.EVENT_ROLES, "Role", "The actor's part in the event.")

    class Config:
        strict = True
        unique = ["event_id", "actor_id", "role"]
        title = "Event actors"
        description = "One row per actor and role in an event."
        metadata = {
            "primary_key": ["event_id", "actor_id", "role"],
            "foreign_keys": [_fk("event_id", "events"), _fk("actor_id", "actors")],
            "cited": False,
        }


class DiplomaticMissions(pa.DataFrameModel):
    """Permanent missions of one state or body in another."""

    mission_id: Series[String] = _id("Mission ID", "Stable identifier of the mission.", unique=True)
    sending_actor_id: Series[String] = _id("Sending actor", "State or body that sends it.")
    receiving_actor_id: Series[String] = _id("Receiving actor", "State or body that hosts it.")
    mission_type: Series[Category] = _enum(v.MISSION_TYPES, "Mission type", "Rank of the mission.")
    name_en: Series[String] = _text("Name", "Name of the mission in English.", max_length=200)
    place_id: Series[String] = _id("Place", "City where the mission sits.", nullable=True)
    status: Series[Category] = _enum(
        v.MISSION_STATUS, "Status", "Status at the time of the latest source."
    )
    opened_start: Series[Date] = _date("Opened (from)", _START, nullable=True)
    opened_end: Series[Date] = _date("Opened (to)", _END, nullable=True)
    opened_precision: Series[Category] = _enum(
        v.DATE_PRECISION, "Opening precision", _PRECISION, nullable=True
    )
    closed_start: Series[Date] = _date("Closed (from)", _START, nullable=True)
    closed_end: Series[Date] = _date("Closed (to)", _END, nullable=True)
    closed_precision: Series[Category] = _enum(
        v.DATE_PRECISION, "Closing precision", _PRECISION, nullable=True
    )
    certainty: Series[Category] = _enum(v.CERTAINTY, "Certainty", _CERTAINTY)
    notes: Series[String] = _text(
        "Notes",
        "History of the mission and disagreements; its heads are in mission_heads.",
        nullable=True,
    )

    class Config:
        strict = True
        unique = ["mission_id"]
        title = "Diplomatic missions"
        description = "One mission of one state or body in another, with its opening and closing."
        metadata = {
            "primary_key": ["mission_id"],
            "foreign_keys": [
                _fk("sending_actor_id", "actors", "actor_id"),
                _fk("receiving_actor_id", "actors", "actor_id"),
                _fk("place_id", "places"),
            ],
            "cited": True,
        }

    _opened_complete = _bracket_check("opened", "complete")
    _opened_ordered = _bracket_check("opened", "ordered")
    _opened_precise = _bracket_check("opened", "matches_precision")
    _closed_complete = _bracket_check("closed", "complete")
    _closed_ordered = _bracket_check("closed", "ordered")
    _closed_precise = _bracket_check("closed", "matches_precision")


class AidDeliveries(pa.DataFrameModel):
    """Consignments or tranches of aid."""

    aid_id: Series[String] = _id("Aid ID", "Stable identifier of the consignment.", unique=True)
    event_id: Series[String] = _id("Event", "Event the consignment belongs to.", nullable=True)
    date_start: Series[Date] = _date("Start date", _START)
    date_end: Series[Date] = _date("End date", _END)
    date_precision: Series[Category] = _enum(v.DATE_PRECISION, "Date precision", _PRECISION)
    donor_actor_id: Series[String] = _id("Donor", "Who gave the aid.")
    ordered_by_actor_id: Series[String] = _id(
        "Ordered by", "Who ordered or announced it, where sources say.", nullable=True
    )
    channel_actor_id: Series[String] = _id(
        "Channel", "Who carried or distributed it, where sources say.", nullable=True
    )
    destination: Series[Category] = _enum(v.AID_DESTINATIONS, "Destination", "Where it was sent.")
    aid_category: Series[Category] = _enum(v.AID_CATEGORIES, "Aid category", "What kind of aid.")
    contents: Series[String] = _text("Contents", "What was sent, in our words.")
    weight_tonnes: Series[float] = pa.Field(
        title="Weight (tonnes)",
        description="Total weight as the source states it, never estimated; where the source "
        "qualifies it ('about', 'more than') the notes say so.",
        ge=0,
        nullable=True,
    )
    aircraft: Series[Int] = _count("Aircraft", "Number of aircraft, as stated.")
    trucks: Series[Int] = _count("Trucks", "Number of trucks, as stated.")
    value_usd: Series[float] = pa.Field(
        title="Value (USD)",
        description="Value in US dollars as the source states it, never converted; where the "
        "source qualifies it ('about', 'more than') the notes say so.",
        ge=0,
        nullable=True,
    )
    transport_mode: Series[Category] = _enum(v.TRANSPORT_MODES, "Transport mode", "How it went.")
    route: Series[String] = _text(
        "Route", "Route and crossing points, where sources say.", nullable=True, max_length=400
    )
    status: Series[Category] = _enum(v.AID_STATUS, "Status", "How far the sources follow it.")
    certainty: Series[Category] = _enum(v.CERTAINTY, "Certainty", _CERTAINTY)
    notes: Series[String] = _text(
        "Notes", "Caveats, other figures given by other sources.", nullable=True
    )

    class Config:
        strict = True
        unique = ["aid_id"]
        title = "Aid deliveries"
        description = "One consignment or tranche of aid, with the quantities sources state."
        metadata = {
            "primary_key": ["aid_id"],
            "foreign_keys": [
                _fk("event_id", "events"),
                _fk("donor_actor_id", "actors", "actor_id"),
                _fk("ordered_by_actor_id", "actors", "actor_id"),
                _fk("channel_actor_id", "actors", "actor_id"),
            ],
            "cited": True,
        }

    _date_ordered = _bracket_check("date", "ordered")
    _date_precise = _bracket_check("date", "matches_precision")


class MissionHeads(pa.DataFrameModel):
    """Who headed a diplomatic mission, at what level, and when."""

    head_id: Series[String] = _id(
        "Head ID", "Stable identifier of one person's term at the head of one mission.", unique=True
    )
    mission_id: Series[String] = _id("Mission", "The mission the person headed.")
    actor_id: Series[String] = _id("Person", "The person who headed it (an actor).")
    title: Series[String] = _text(
        "Title", "The title as the sources give it, in English.", max_length=300
    )
    level: Series[Category] = _enum(
        v.HEAD_LEVELS, "Level", "Rank at which the sources show the person heading the mission."
    )
    began_start: Series[Date] = _date("Term began (from)", _START, nullable=True)
    began_end: Series[Date] = _date("Term began (to)", _END, nullable=True)
    began_precision: Series[Category] = _enum(
        v.DATE_PRECISION, "Start precision", _PRECISION, nullable=True
    )
    ended_start: Series[Date] = _date("Term ended (from)", _START, nullable=True)
    ended_end: Series[Date] = _date("Term ended (to)", _END, nullable=True)
    ended_precision: Series[Category] = _enum(
        v.DATE_PRECISION, "End precision", _PRECISION, nullable=True
    )
    attested_start: Series[Date] = _date(
        "Attested (from)",
        "First day of the unit in which the earliest cited source shows the person in post.",
        nullable=True,
    )
    attested_end: Series[Date] = _date(
        "Attested (to)",
        "Last day of the unit in which the latest cited source shows the person in post.",
        nullable=True,
    )
    attested_precision: Series[Category] = _enum(
        v.DATE_PRECISION,
        "Attestation precision",
        "How precisely the sources date the attestations; both bounds are whole units of it.",
        nullable=True,
    )
    certainty: Series[Category] = _enum(v.CERTAINTY, "Certainty", _CERTAINTY)
    notes: Series[String] = _text(
        "Notes", "What each source says about the term, and disagreements.", nullable=True
    )

    class Config:
        strict = True
        unique = ["head_id"]
        title = "Mission heads"
        description = (
            "One person's term at the head of one diplomatic mission: title, level and dates."
        )
        metadata = {
            "primary_key": ["head_id"],
            "foreign_keys": [
                _fk("mission_id", "diplomatic_missions"),
                _fk("actor_id", "actors"),
            ],
            "cited": True,
        }

    _began_complete = _bracket_check("began", "complete")
    _began_ordered = _bracket_check("began", "ordered")
    _began_precise = _bracket_check("began", "matches_precision")
    _ended_complete = _bracket_check("ended", "complete")
    _ended_ordered = _bracket_check("ended", "ordered")
    _ended_precise = _bracket_check("ended", "matches_precision")
    _attested_complete = _bracket_check("attested", "complete")
    _attested_ordered = _bracket_check("attested", "ordered")
    _attested_precise = _bracket_check("attested", "matches_precision")


# Every model but Citations, whose record_table takes its values from the cited ones.
_RECORD_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "actors": Actors,
    "aid_deliveries": AidDeliveries,
    "diplomatic_missions": DiplomaticMissions,
    "event_actors": EventActors,
    "events": Events,
    "mission_heads": MissionHeads,
    "places": Places,
    "sources": Sources,
}
_CITED_TABLES = sorted(t for t, m in _RECORD_MODELS.items() if m.__config__.metadata["cited"])


class Citations(pa.DataFrameModel):
    """Links between records and the sources that support them."""

    record_table: Series[Category] = _enum(
        {table: f"A row of {table}." for table in _CITED_TABLES},
        "Record table",
        "Table of the record that the source supports (every table whose records are cited).",
    )
    record_id: Series[String] = _id("Record ID", "Primary key of the supported record.")
    source_id: Series[String] = _id("Source ID", "The source that supports the record.")
    locator: Series[String] = _text(
        "Locator", "Where in the source (section, paragraph).", nullable=True, max_length=200
    )
    note: Series[String] = _text(
        "Note", "What the source supports, in our words.", nullable=True, max_length=1000
    )
    verified_on: Series[Date] = _date(
        "Verified on",
        "Date on which the page was last re-read, after the record was written, and found to "
        "support the record; empty when it has not yet been re-read. Never before the source's "
        "accessed_on.",
        nullable=True,
    )

    class Config:
        strict = True
        unique = ["record_table", "record_id", "source_id"]
        title = "Citations"
        description = "One row per (record, source) pair: record R is supported by source S."
        metadata = {
            "primary_key": ["record_table", "record_id", "source_id"],
            "foreign_keys": [_fk("source_id", "sources")],
            "cited": False,
        }


MODELS: dict[str, type[pa.DataFrameModel]] = dict(
    sorted({**_RECORD_MODELS, "citations": Citations}.items())
)


def model(table: str) -> type[pa.DataFrameModel]:
    """The pandera model of ``table`` (raises ValueError for an unknown name)."""
    from .tables import check_table

    return MODELS[check_table(table)]


def table_metadata(table: str) -> dict[str, Any]:
    """Primary key, foreign keys and citation rule of ``table``."""
    return model(table).__config__.metadata


@functools.cache
def schema(table: str) -> pa.DataFrameSchema:
    """The pandera schema of ``table``, built once per process (building it is slow)."""
    return model(table).to_schema()
