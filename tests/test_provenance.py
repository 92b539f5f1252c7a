"""From a record to its sources: sources_for, cite and events_involving, checked against the
citations table (read with the csv module) for records of every kind."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

import morocco_palestine_data as mpd

ROOT = Path(__file__).resolve().parents[1]
# One record of each table that cites sources, picked by hand.
RECORDS = {
    "events": "1986-07-22-peres-visits-hassan-ii-ifrane",
    "aid_deliveries": "2009-01-el-arish-air-bridge",
    "diplomatic_missions": "palestine-embassy-rabat",
    "actors": "hassan-ii",
    "places": "rabat",
}
SHARED_ID = "2025-12-01-bmaq-medical-supplies-jerusalem"  # an event and an aid row


def cited(table: str, record_id: str) -> list[dict[str, str]]:
    with (ROOT / "data" / "citations.csv").open(encoding="utf-8", newline="") as handle:
        return [
            c
            for c in csv.DictReader(handle)
            if c["record_table"] == table and c["record_id"] == record_id
        ]


def source_rows() -> dict[str, dict[str, str]]:
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8", newline="") as handle:
        return {s["source_id"]: s for s in csv.DictReader(handle)}


@pytest.mark.parametrize(("table", "record_id"), RECORDS.items())
def test_sources_for_lists_exactly_the_cited_sources(table, record_id):
    expected = cited(table, record_id)
    frame = mpd.sources_for(record_id)
    assert sorted(frame["source_id"]) == sorted(c["source_id"] for c in expected)
    sources = source_rows()
    for got in frame.itertuples():
        src = sources[got.source_id]
        assert (got.title, got.publisher, got.url) == (src["title"], src["publisher"], src["url"])
        assert got.source_kind == src["source_kind"] and got.language == src["language"]
        (cite,) = (c for c in expected if c["source_id"] == got.source_id)
        assert (got.locator if isinstance(got.locator, str) else "") == cite["locator"]
        assert (got.note if isinstance(got.note, str) else "") == cite["note"]
        verified = "" if pd.isna(got.verified_on) else f"{got.verified_on:%Y-%m-%d}"
        assert verified == cite["verified_on"]
    dated = frame["published_on"].dropna()
    assert dated.is_monotonic_increasing
    assert frame["published_on"].notna().tolist() == sorted(
        frame["published_on"].notna(), reverse=True
    )  # undated sources come last


def test_sources_for_the_ifrane_talks_by_hand():
    frame = mpd.sources_for(RECORDS["events"])
    assert len(frame) == 11
    first = frame.iloc[0]
    assert first["source_id"] == "ap-1986-07-22-peres-hassan-talk"
    assert first["publisher"] == "Associated Press"
    assert first["published_on"] == pd.Timestamp("1986-07-22")
    wiki = frame[frame["source_id"] == "wikipedia-morocco-palestine-relations"].iloc[0]
    assert wiki["locator"] == "Contemporary relations"


def test_an_id_shared_by_two_tables_needs_the_table():
    with pytest.raises(ValueError, match=r"several tables \(aid_deliveries, events\)"):
        mpd.sources_for(SHARED_ID)
    aid = mpd.sources_for(SHARED_ID, table="aid_deliveries")
    event = mpd.sources_for(SHARED_ID, table="events")
    assert sorted(aid["source_id"]) == sorted(
        c["source_id"] for c in cited("aid_deliveries", SHARED_ID)
    )
    assert sorted(event["source_id"]) == sorted(c["source_id"] for c in cited("events", SHARED_ID))


@pytest.mark.parametrize(("table", "record_id"), RECORDS.items())
def test_cite_as_text_names_the_record_and_every_source(table, record_id):
    text = mpd.cite(record_id)
    first = text.splitlines()[0]
    assert f"version {mpd.__version__}" in first
    assert f"record {table}/{record_id}" in first
    expected = cited(table, record_id)
    assert f"Sources ({len(expected)}):" in text
    sources = source_rows()
    for number, cite in enumerate(expected, start=1):
        assert sources[cite["source_id"]]["url"] in text
        assert f"[{number}] " in text


def test_cite_as_text_for_the_ifrane_talks():
    text = mpd.cite(RECORDS["events"], style="text")
    assert text.startswith("morocco-palestine-data contributors (2026). ")
    assert '"Israeli Prime Minister Shimon Peres holds talks with Hassan II in Ifrane"' in text
    assert (
        "[1] Associated Press. Israeli Premier, Moroccan King Talk; Militant Arabs Condemn "
        "Meeting. 1986-07-22. https://www.apnews.com/0f9ada855a374af9ba7bfa8ba9f39784 "
        "(accessed 2026-11-28)." in text
    )


@pytest.mark.parametrize(("table", "record_id"), RECORDS.items())
def test_cite_as_bibtex_has_one_entry_for_the_record_and_one_per_source(table, record_id):
    bib = mpd.cite(record_id, style="bibtex")
    expected = cited(table, record_id)
    assert bib.count("@misc{") == 1 + len(expected)
    assert f"@misc{{morocco-palestine-data:{record_id}," in bib
    for cite in expected:
        assert f"@misc{{{cite['source_id']}," in bib
    assert bib.count("{") == bib.count("}")  # escaped braces are balanced too


def test_cite_escapes_bibtex_special_characters():
    bib = mpd.cite(RECORDS["aid_deliveries"], style="bibtex")
    assert "aid\\_deliveries/2009-01-el-arish-air-bridge" in bib


def test_cite_rejects_an_unknown_style():
    with pytest.raises(ValueError, match="the styles are: text, bibtex"):
        mpd.cite(RECORDS["events"], style="apa")


@pytest.mark.parametrize(
    ("bad", "suggestion"),
    [
        ("hassan-2", "hassan-ii"),
        ("1986-07-22-peres-visits-hassan-ii", "1986-07-22-peres-visits-hassan-ii-ifrane"),
        ("palestine-embassy-rabbat", "palestine-embassy-rabat"),
    ],
)
def test_an_unknown_record_id_raises_naming_the_closest(bad, suggestion):
    with pytest.raises(ValueError, match="did you mean") as info:
        mpd.sources_for(bad)
    assert suggestion in str(info.value)
    with pytest.raises(ValueError, match=suggestion):
        mpd.cite(bad)


def test_an_id_with_nothing_close_says_how_to_list_ids():
    with pytest.raises(ValueError, match=r"unknown record ID .*mpd\.load"):
        mpd.sources_for("zzzz")


def test_events_involving_lists_the_roles_of_the_actor():
    with (ROOT / "data" / "event_actors.csv").open(encoding="utf-8", newline="") as handle:
        links = [a for a in csv.DictReader(handle) if a["actor_id"] == "yasser-arafat"]
    frame = mpd.events_involving("yasser-arafat")
    assert sorted(zip(frame["event_id"], frame["role"], strict=True)) == sorted(
        (a["event_id"], a["role"]) for a in links
    )
    assert frame["date_start"].is_monotonic_increasing
    visits = mpd.events_involving("yasser-arafat", role="visitor")
    assert set(visits["role"]) == {"visitor"}
    assert "1999-07-arafat-attends-hassan-ii-funeral" in set(visits["event_id"])
    assert len(visits) == sum(a["role"] == "visitor" for a in links)


def test_events_involving_the_host_of_the_ifrane_talks():
    frame = mpd.events_involving("hassan-ii", role="host")
    (talks,) = frame[frame["event_id"] == RECORDS["events"]].itertuples()
    assert talks.place_id == "ifrane"
    assert talks.date_start == pd.Timestamp("1986-07-22")


def test_events_involving_rejects_unknown_actor_and_role():
    with pytest.raises(ValueError, match="did you mean: hassan-ii"):
        mpd.events_involving("hasan-ii")
    with pytest.raises(ValueError, match="the roles are: initiator"):
        mpd.events_involving("hassan-ii", role="guest")
