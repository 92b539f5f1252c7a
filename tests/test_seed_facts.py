"""Every fact of the seed article (English Wikipedia, "Morocco–Palestine relations") is in the
tables and cited to the article, with the corrections independent sources require."""

from __future__ import annotations

import pandas as pd
import pytest

import morocco_palestine_data as mpd

SEED = "wikipedia-morocco-palestine-relations"


@pytest.fixture(scope="module")
def t() -> dict[str, pd.DataFrame]:
    return mpd.load_all()


def cites_seed(t, table, record_id) -> bool:
    c = t["citations"]
    hit = c[(c.record_table == table) & (c.record_id == record_id) & (c.source_id == SEED)]
    return len(hit) == 1


def event(t, event_id) -> pd.Series:
    events = t["events"].set_index("event_id")
    assert event_id in events.index, event_id
    return events.loc[event_id]


def actors_of(t, event_id) -> set[str]:
    ea = t["event_actors"]
    return set(ea.loc[ea.event_id == event_id, "actor_id"])


@pytest.mark.parametrize(
    ("event_id", "start", "end", "precision", "type_"),
    [
        ("1948-06-07-oujda-anti-jewish-riot", "1948-06-07", "1948-06-07", "day", "riot"),
        ("1948-06-07-jerada-anti-jewish-riot", "1948-06-07", "1948-06-08", "day", "riot"),
        (
            "1973-10-06-moroccan-forces-in-october-war",
            "1973-10-06",
            "1973-10-24",
            "day",
            "military_support",
        ),
        (
            "1970s-palestinian-leftists-meet-polisario",
            "1970-01-01",
            "1979-12-31",
            "decade",
            "diplomatic_meeting",
        ),
        (
            "1986-07-22-peres-visits-hassan-ii-ifrane",
            "1986-07-22",
            "1986-07-23",
            "day",
            "official_visit",
        ),
        (
            "1986-07-27-hassan-ii-resigns-arab-summit-chair",
            "1986-07-27",
            "1986-07-27",
            "day",
            "statement",
        ),
        (
            "2023-10-06-bourita-meets-hussein-al-sheikh",
            "2023-10-06",
            "2023-10-06",
            "day",
            "diplomatic_meeting",
        ),
        ("2023-10-15-rabat-march-for-palestinians", "2023-10-15", "2023-10-15", "day", "protest"),
        ("2023-10-boycott-calls", "2023-10-01", "2023-11-30", "month", "boycott"),
        (
            "2023-10-24-royal-aid-airlift-to-el-arish",
            "2023-10-24",
            "2023-10-25",
            "day",
            "humanitarian_aid",
        ),
        (
            "2024-06-24-royal-medical-aid-for-gaza",
            "2024-06-24",
            "2024-06-24",
            "day",
            "humanitarian_aid",
        ),
        (
            "2024-06-palestinian-delegation-visits-morocco",
            "2024-06-24",
            "2024-06-28",
            "day",
            "official_visit",
        ),
    ],
)
def test_seed_event_is_recorded_and_cited(t, event_id, start, end, precision, type_):
    row = event(t, event_id)
    assert (row.date_start, row.date_end) == (pd.Timestamp(start), pd.Timestamp(end))
    assert row.date_precision == precision and row.event_type == type_
    assert cites_seed(t, "events", event_id)


def test_the_1970s_contacts_name_the_four_leaders(t):
    assert {
        "george-habash",
        "nayef-hawatmeh",
        "el-ouali-mustapha-sayed",
        "brahim-ghali",
    } <= actors_of(t, "1970s-palestinian-leftists-meet-polisario")


def test_peres_is_recorded_as_prime_minister_not_president(t):
    actors = t["actors"].set_index("actor_id")
    assert "Prime Minister" in actors.loc["shimon-peres", "office"]
    assert "President" in event(t, "1986-07-22-peres-visits-hassan-ii-ifrane").notes


def test_disagreements_with_the_seed_are_disputed(t):
    assert event(t, "2024-06-palestinian-delegation-visits-morocco").certainty == "disputed"
    assert event(t, "2023-10-boycott-calls").certainty == "disputed"
    missions = t["diplomatic_missions"].set_index("mission_id")
    assert missions.loc["morocco-consulate-gaza", "certainty"] == "disputed"
    assert missions.loc["palestine-embassy-rabat", "certainty"] == "confirmed"
    assert cites_seed(t, "diplomatic_missions", "morocco-consulate-gaza")


def test_aid_quantities_of_the_seed(t):
    aid = t["aid_deliveries"].set_index("aid_id")
    airlift = aid.loc["2023-10-el-arish-airlift"]
    assert airlift.aircraft == 2 and airlift.channel_actor_id == "egyptian-red-crescent"
    medical = aid.loc["2024-06-medical-aid-kerem-shalom"]
    assert medical.weight_tonnes == 40 and medical.aid_category == "medical"


@pytest.mark.parametrize(
    "actor_id",
    [
        "morocco",
        "palestine",
        "israel",
        "algeria",
        "sadr",
        "plo",
        "pflp",
        "hamas",
        "polisario-front",
        "hassan-ii",
        "mohammed-vi",
        "shimon-peres",
        "nasser-bourita",
        "hussein-al-sheikh",
        "george-habash",
        "nayef-hawatmeh",
        "el-ouali-mustapha-sayed",
        "brahim-ghali",
        "egyptian-red-crescent",
        "bayt-mal-al-quds",
    ],
)
def test_every_actor_the_seed_names_is_present(t, actor_id):
    assert actor_id in set(t["actors"].actor_id)
