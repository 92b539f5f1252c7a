"""The mission_heads table: real terms as the sources date them, and the rules that guard it."""

from __future__ import annotations

import pandas as pd
import pytest
from test_validation import append, edit, problems_of

import morocco_palestine_data as mpd
from morocco_palestine_data.problems import DataValidationError

GOVRIN_1 = "david-govrin-israel-liaison-office-rabat-2021"
GOVRIN_2 = "david-govrin-israel-liaison-office-rabat-2021-term-2"
MEZIANE = "abderrahim-meziane-morocco-representation-ramallah"
ABU_MARWAN = "wajih-qasim-palestine-embassy-rabat"


@pytest.fixture(scope="module")
def heads() -> pd.DataFrame:
    return mpd.load_mission_heads().set_index("head_id")


def test_loader_is_exported_and_typed():
    assert "load_mission_heads" in mpd.__all__
    frame = mpd.load_mission_heads()
    assert frame["began_start"].dtype == "datetime64[ns]"
    assert list(frame["level"].cat.categories) == [
        "ambassador",
        "charge_d_affaires",
        "head_of_office",
        "representative",
        "other",
    ]


def test_meziane_began_between_copy_and_credentials(heads):
    row = heads.loc[MEZIANE]
    assert row["mission_id"] == "morocco-representation-ramallah"
    assert row["actor_id"] == "abderrahim-meziane"
    assert row["level"] == "ambassador"
    assert (row["began_start"], row["began_end"]) == (
        pd.Timestamp("2022-02-06"),
        pd.Timestamp("2022-02-09"),
    )
    assert row["began_precision"] == "day"
    assert row["attested_end"] == pd.Timestamp("2025-07-31")


def test_govrin_has_two_terms_around_the_interim(heads):
    first, second = heads.loc[GOVRIN_1], heads.loc[GOVRIN_2]
    assert first["began_start"] == pd.Timestamp("2021-01-26")
    assert first["level"] == "charge_d_affaires"
    assert (first["ended_start"], first["ended_precision"]) == (pd.Timestamp("2022-09-01"), "month")
    assert second["began_start"] == second["began_end"] == pd.Timestamp("2023-07-09")
    cohen = heads.loc["shai-cohen-israel-liaison-office-rabat-2021"]
    assert cohen["ended_start"] == pd.Timestamp("2023-07-08")  # the day before Govrin's return
    fisher = heads.loc["alona-fisher-kamm-israel-liaison-office-rabat-2021"]
    # Her own office's message of 30 March; the office's announcement on Saturday 1 April.
    assert (fisher["ended_start"], fisher["ended_end"]) == (
        pd.Timestamp("2023-03-30"),
        pd.Timestamp("2023-04-01"),
    )
    office = heads[heads["mission_id"] == "israel-liaison-office-rabat-2021"]
    assert office["began_start"].sort_values().tolist()[0] == pd.Timestamp("2021-01-26")
    assert len(office) == 5


def test_disputed_end_of_abu_marwan_spans_both_claims(heads):
    row = heads.loc[ABU_MARWAN]
    assert row["certainty"] == "disputed"
    assert (row["ended_start"], row["ended_end"]) == (
        pd.Timestamp("2005-01-01"),
        pd.Timestamp("2010-12-31"),
    )
    assert "2005" in row["notes"] and "2010" in row["notes"]
    cited = mpd.load_citations()
    sources = set(cited.loc[cited["record_id"] == ABU_MARWAN, "source_id"])
    assert {"almasdare-abu-marwan-obituary", "alittihad-abu-marwan-obituary"} <= sources


def test_every_head_is_a_person(heads):
    actors = mpd.load_actors().set_index("actor_id")
    kinds = actors.loc[heads["actor_id"], "actor_type"]
    assert set(kinds) <= {"official", "person", "head_of_state"}


def test_unknown_mission_is_a_broken_foreign_key(data_copy):
    edit(data_copy, "mission_heads", "head_id", MEZIANE, "mission_id", "embassy-of-atlantis")
    (problem,) = problems_of(data_copy)
    assert "mission_heads.csv [line " in problem and f"head_id={MEZIANE}" in problem
    assert "column mission_id" in problem and "'embassy-of-atlantis'" in problem
    assert "rule foreign_key" in problem and "diplomatic_missions.mission_id" in problem


def test_unknown_person_is_a_broken_foreign_key(data_copy):
    edit(data_copy, "mission_heads", "head_id", MEZIANE, "actor_id", "nobody")
    (problem,) = problems_of(data_copy)
    assert "column actor_id" in problem and "actors.actor_id" in problem


def test_uncited_head_is_refused(data_copy):
    append(
        data_copy,
        "mission_heads",
        {
            "head_id": "someone-palestine-embassy-rabat",
            "mission_id": "palestine-embassy-rabat",
            "actor_id": "jamal-al-shobaki",
            "title": "Ambassador",
            "level": "ambassador",
            "certainty": "reported",
        },
    )
    (problem,) = problems_of(data_copy)
    assert "head_id=someone-palestine-embassy-rabat" in problem and "rule uncited" in problem


def test_padded_term_date_is_refused(data_copy):
    edit(data_copy, "mission_heads", "head_id", GOVRIN_2, "began_precision", "month")
    found = problems_of(data_copy)
    assert any(
        f"head_id={GOVRIN_2}" in p and "rule began_bracket_matches_precision" in p for p in found
    )


def test_unknown_level_is_refused(data_copy):
    edit(data_copy, "mission_heads", "head_id", MEZIANE, "level", "viceroy")
    (problem,) = problems_of(data_copy)
    assert "column level" in problem and "rule isin" in problem


def test_shipped_mission_heads_validate():
    assert mpd.validate()["mission_heads"] == len(mpd.load_mission_heads())
    with pytest.raises(DataValidationError):
        from morocco_palestine_data.validation import validate_frame

        broken = mpd.load_mission_heads()
        broken.loc[0, "ended_start"] = pd.Timestamp("1800-01-01")
        validate_frame("mission_heads", broken)
