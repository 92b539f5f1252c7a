"""The curated record itself: coverage, provenance and the certainty rules of docs/curation.md."""

from __future__ import annotations

import calendar
import re
from datetime import date

import pandas as pd
import pytest

import morocco_palestine_data as mpd
from morocco_palestine_data.schemas import table_metadata
from morocco_palestine_data.tables import TABLES

CITED = [t for t in TABLES if table_metadata(t)["cited"]]
KEYS = {t: table_metadata(t)["primary_key"][0] for t in CITED}
# Tables whose records carry a certainty and, when disputed, notes saying who claims what.
WITH_CERTAINTY = ["events", "aid_deliveries", "diplomatic_missions", "mission_heads"]


def _referencing(table: str) -> list[tuple[str, str]]:
    """(table, column) pairs declared as foreign keys to ``table``."""
    return [
        (t, fk["fields"][0])
        for t in TABLES
        for fk in table_metadata(t)["foreign_keys"]
        if fk["reference"]["resource"] == table and t != table
    ]


@pytest.fixture(scope="module")
def t() -> dict[str, pd.DataFrame]:
    return mpd.load_all()


def _sources_per_record(t, table):
    cites = t["citations"][t["citations"]["record_table"] == table]
    kinds = cites.merge(t["sources"], on="source_id")
    return kinds.groupby("record_id", observed=True).agg(
        n=("source_id", "nunique"),
        official=("source_kind", lambda k: (k == "official").any()),
    )


@pytest.mark.parametrize("table", CITED)
def test_every_record_is_cited(t, table):
    cited = set(t["citations"].loc[t["citations"]["record_table"] == table, "record_id"])
    missing = set(t[table][KEYS[table]]) - cited
    assert not missing, f"uncited {table}: {sorted(missing)}"


def test_every_actor_is_used_by_a_record(t):
    used = set()
    for table, column in _referencing("actors"):
        used |= set(t[table][column].dropna())
    used |= set(t["actors"].loc[t["actors"]["actor_id"].isin(used), "parent_actor_id"].dropna())
    unused = set(t["actors"]["actor_id"]) - used
    assert not unused, f"actors no record uses: {sorted(unused)}"


def test_every_place_is_used_by_a_record(t):
    used = set()
    for table, column in _referencing("places"):
        used |= set(t[table][column].dropna())
    unused = set(t["places"]["place_id"]) - used
    assert not unused, f"places no record uses: {sorted(unused)}"


def test_no_two_sources_share_a_url(t):
    urls = t["sources"]["url"]
    assert not urls.duplicated().any(), sorted(urls[urls.duplicated()])


@pytest.mark.parametrize("column", ["name_en", "name_ar", "wikidata_qid"])
def test_no_two_actors_share_a_name_or_wikidata_item(t, column):
    """One person or body is one actor: a shared name or Wikidata item means a duplicate."""
    values = t["actors"][column].dropna().astype(str).str.casefold().str.strip()
    assert not values.duplicated().any(), sorted(values[values.duplicated()])


def test_no_two_places_share_a_geonames_id(t):
    ids = t["places"]["geonames_id"].dropna()
    assert not ids.duplicated().any(), sorted(ids[ids.duplicated()])


def test_no_source_is_unused(t):
    unused = set(t["sources"]["source_id"]) - set(t["citations"]["source_id"])
    assert not unused, f"sources no citation uses: {sorted(unused)}"


def test_events_fall_between_1900_and_today(t):
    events = t["events"]
    assert events["date_start"].min() >= pd.Timestamp("1900-01-01")
    late = events[events["date_end"] > pd.Timestamp(date.today())]
    assert late.empty, list(late["event_id"])


@pytest.mark.parametrize("table", WITH_CERTAINTY)
def test_confirmed_needs_two_sources_or_an_official_one(t, table):
    support = _sources_per_record(t, table)
    confirmed = t[table].loc[t[table]["certainty"] == "confirmed", KEYS[table]]
    weak = [r for r in confirmed if not (support.at[r, "n"] >= 2 or support.at[r, "official"])]
    assert not weak, f"confirmed with one non-official source: {weak}"


@pytest.mark.parametrize("table", WITH_CERTAINTY)
def test_disputed_records_cite_two_sources_and_explain(t, table):
    support = _sources_per_record(t, table)
    disputed = t[table][t[table]["certainty"] == "disputed"]
    for _, row in disputed.iterrows():
        assert support.at[row[KEYS[table]], "n"] >= 2, row[KEYS[table]]
        assert pd.notna(row["notes"]) and len(row["notes"]) > 40, row[KEYS[table]]


def test_every_disputed_record_is_listed_in_curation_doc(root, t):
    doc = (root / "docs" / "curation.md").read_text(encoding="utf-8")
    for table in WITH_CERTAINTY:
        for record in t[table].loc[t[table]["certainty"] == "disputed", KEYS[table]]:
            assert f"`{record}`" in doc, f"{record} is disputed but not in docs/curation.md"


def test_arabic_names_are_filled_where_sources_give_them(t):
    # A floor, raised as names are sourced: it fails if names are lost.
    named = t["actors"]["name_ar"].notna().sum() + t["places"]["name_ar"].notna().sum()
    assert named >= ARABIC_NAMES_FLOOR
    arabic = re.compile(r"[\u0600-\u06FF]")
    for frame in (t["actors"], t["places"]):
        assert frame["name_ar"].dropna().map(lambda s: bool(arabic.search(s))).all()


def test_coverage_counts(t):
    events = t["events"]
    assert len(events) >= 60
    assert events["date_start"].dt.year.floordiv(10).nunique() >= 7
    assert (events["certainty"] == "confirmed").mean() >= 0.5
    assert len(t["aid_deliveries"]) >= 10
    assert len(t["actors"]) >= 40
    assert len(t["places"]) >= 12
    assert len(t["sources"]) >= 40


def test_missions_both_ways(t):
    missions = t["diplomatic_missions"]
    pairs = set(zip(missions["sending_actor_id"], missions["receiving_actor_id"], strict=True))
    assert ("palestine", "morocco") in pairs and ("morocco", "palestine") in pairs


def test_aid_quantities_are_plausible(t):
    aid = t["aid_deliveries"]
    assert (aid["weight_tonnes"].dropna() < 10_000).all()
    assert (aid["aircraft"].dropna() < 200).all()
    stated = aid[["weight_tonnes", "aircraft", "trucks", "value_usd"]].notna().any(axis=1)
    assert stated.sum() >= 8, "most consignments should carry at least one stated quantity"


ARABIC_NAMES_FLOOR = 212


# A floor, raised as heads are sourced: it fails if rows are lost.
MISSION_HEADS_FLOOR = 18
# Missions searched for a head without result (docs/curation.md, "Heads of mission").
MISSIONS_WITHOUT_KNOWN_HEAD = {"morocco-consulate-gaza", "morocco-liaison-office-gaza"}


def test_every_mission_with_a_known_head_has_one(t):
    heads = t["mission_heads"]
    assert len(heads) >= MISSION_HEADS_FLOOR
    headless = set(t["diplomatic_missions"]["mission_id"]) - set(heads["mission_id"])
    assert headless == MISSIONS_WITHOUT_KNOWN_HEAD


# Floor for the share of events dated to the day (issue 9 target: at least 80%). Raise it as
# more records are dated; a change that loses day-precision dates fails here.
DAY_PRECISION_FLOOR = 0.84


def _day_share(t) -> float:
    return (t["events"]["date_precision"] == "day").mean()


def test_share_of_events_dated_to_the_day_stays_above_the_floor(t):
    share = _day_share(t)
    assert share >= DAY_PRECISION_FLOOR, f"{share:.1%} of events are at day precision"


def test_stages_of_long_operations_point_at_their_operation(t):
    parent = t["events"].set_index("event_id")["parent_event_id"]
    stages = parent.dropna()
    # The 2021 operation: the order of 14 May and its dated stages in Amman, Cairo and Rafah, and
    # the Jordanian charity's convoy of 19 May. The Ramallah handover, whose day no page shows,
    # is not a stage.
    assert pd.isna(parent["2021-05-20-moroccan-aid-handed-to-palestinian-authority-ramallah"])
    assert (stages == "2021-05-14-royal-emergency-aid-west-bank-gaza").sum() == 5
    assert (
        parent["2021-05-19-jhco-convoy-moroccan-aid"]
        == "2021-05-14-royal-emergency-aid-west-bank-gaza"
    )
    assert parent["1973-05-14-hassan-ii-reviews-troops-bound-for-syria"] == (
        "1973-moroccan-troops-deployed-to-syria"
    )
    assert parent["2009-01-12-seventh-moroccan-aid-plane-lands-el-arish"] == (
        "2009-01-07-cast-lead-airlift-el-arish"
    )
    # Every stage is dated to the day, and no operation is itself a stage.
    dated = t["events"].set_index("event_id").loc[stages.index, "date_precision"]
    assert (dated == "day").all()
    assert not set(stages.astype(str)) & set(stages.index)


# Pairs of events that look alike but record two happenings, each checked against its pages.
DISTINCT_LOOKALIKES = {
    # The General Assembly vote of 2012 and the statement Morocco's ambassador made after it.
    frozenset(
        {"2012-11-29-morocco-votes-a-res-67-19", "2012-11-29-loulichki-hails-observer-state-vote"}
    ),
}
_TITLE_STOPWORDS = {"the", "and", "for", "with", "from", "its", "morocco", "moroccan", "palestine"}


def _title_words(title: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", title.lower())
    return {w for w in words if len(w) > 2 and w not in _TITLE_STOPWORDS}


def test_no_happening_is_recorded_twice(t):
    """Events whose brackets overlap, at one place (or with a place missing), with nearly the
    same title, and neither a stage of the other, are one happening recorded twice."""
    events = t["events"].astype({"place_id": object, "parent_event_id": object})
    rows = events.to_dict("records")
    twins = []
    for i, a in enumerate(rows):
        for b in rows[i + 1 :]:
            if a["date_start"] > b["date_end"] or b["date_start"] > a["date_end"]:
                continue
            if a["event_id"] == b["parent_event_id"] or b["event_id"] == a["parent_event_id"]:
                continue
            places = {a["place_id"], b["place_id"]}
            if len(places) == 2 and not any(pd.isna(p) for p in places):
                continue
            wa, wb = _title_words(a["title"]), _title_words(b["title"])
            pair = frozenset({a["event_id"], b["event_id"]})
            if len(wa & wb) >= 0.5 * len(wa | wb) and pair not in DISTINCT_LOOKALIKES:
                twins.append(sorted(pair))
    assert not twins, f"merge these (or list them in DISTINCT_LOOKALIKES with why): {twins}"


_WEEKDAYS = list(calendar.day_name)  # Monday first, as date.weekday() counts
_MONTHS = list(calendar.month_name)[1:]
_WEEKDAY_DATE = re.compile(
    rf"\b({'|'.join(_WEEKDAYS)}) (\d{{1,2}}) ({'|'.join(_MONTHS)})\b(?: (\d{{4}}))?"
)
# A source's own wording, quoted: 'Sunday 18 March' where that day was a Monday is the
# source's slip, recorded as such, not the curator's.
_QUOTED = re.compile(r"(?<!\w)'[^']*'(?!\w)|\"[^\"]*\"")


def _weekday_slips(text: str, years: set[int]) -> list[str]:
    """Weekday-and-date phrases outside quotes that the calendar contradicts: with the year
    written, for that year; without it, for every year of the record's date brackets (not
    checked when the record has no dates)."""
    slips = []
    for match in _WEEKDAY_DATE.finditer(_QUOTED.sub("", text)):
        weekday, day, month, year = match.groups()
        candidates = {int(year)} if year else years
        if not candidates:
            continue
        month_no = _MONTHS.index(month) + 1
        if not any(
            _falls_on(y, month_no, int(day)) == _WEEKDAYS.index(weekday) for y in candidates
        ):
            slips.append(match.group(0))
    return slips


def _falls_on(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None


def _record_years(t) -> dict[tuple[str, str], set[int]]:
    """The years of each dated record's date brackets, by (table, key)."""
    years = {}
    for table in CITED:
        frame = t[table]
        dated = [c for c in frame.columns if str(frame[c].dtype).startswith("datetime")]
        for _, row in frame.iterrows():
            years[(table, row[KEYS[table]])] = {row[c].year for c in dated if pd.notna(row[c])}
    return years


@pytest.mark.parametrize("table", ["events", "aid_deliveries", "mission_heads"])
def test_weekdays_written_in_records_agree_with_the_calendar(t, table):
    """A weekday named with a date ("Friday 30 September") pins a day only if the calendar
    agrees; the curator's own text never pairs a date with the wrong weekday."""
    years = _record_years(t)
    slips = {}
    for _, row in t[table].iterrows():
        key = row[KEYS[table]]
        for column in ("title", "summary", "notes"):
            text = row.get(column)
            if isinstance(text, str) and (found := _weekday_slips(text, years[(table, key)])):
                slips[(key, column)] = found
    assert not slips, slips


def test_weekdays_written_in_citation_notes_agree_with_the_calendar(t):
    years = _record_years(t)
    cites = t["citations"].dropna(subset=["note"])
    slips = {}
    for table, key, note in zip(
        cites["record_table"], cites["record_id"], cites["note"], strict=True
    ):
        if found := _weekday_slips(note, years[(str(table), key)]):
            slips[(key, note)] = found
    assert not slips, slips


def test_weekday_check_catches_a_slip():
    assert _weekday_slips("held on Sunday 18 March", {2024}) == ["Sunday 18 March"]
    assert _weekday_slips("held on Monday 18 March", {2024}) == []
    assert _weekday_slips("the report says 'Sunday 18 March'", {2024}) == []
    assert _weekday_slips("dated Monday 8 July 2025", set()) == ["Monday 8 July 2025"]
    assert _weekday_slips("held on Sunday 18 March", set()) == []


# Issue 9 targets, with floors at what the data reaches today. A floor is raised as records
# are added and pages re-read; a change that loses records, re-read dates, publication dates
# or page titles fails here. Targets not yet reached are strict xfails: reaching one makes its
# test fail (XPASS), so it is taken out of NOT_YET_REACHED and stays enforced from then on.
EVENTS_FLOOR = 497
AID_DELIVERIES_FLOOR = 75
# Share of citations carrying a re-read date (citations.verified_on).
VERIFIED_CONFIRMED_FLOOR = 0.95
VERIFIED_OVERALL_FLOOR = 0.92
# Share of news and official sources with a publication date, and of sources whose title is a
# bracketed description because the page showed none (a ceiling).
# Both were lowered on 6 December 2026 by a correction, not a loss: 211 publication dates that
# no page showed (taken from web addresses or the search index's stamps) were removed, and the
# 65 sources added that day include pages that show no headline (see CHANGELOG.md).
PUBLISHED_ON_FLOOR = 0.22
BRACKETED_TITLES_CEILING = 0.34


def _verified_share(t, *, confirmed_only: bool) -> float:
    cites = t["citations"]
    if confirmed_only:
        keys = pd.concat(
            [
                pd.DataFrame({"record_table": table, "record_id": t[table][KEYS[table]]})[
                    (t[table]["certainty"] == "confirmed").to_numpy()
                ]
                for table in WITH_CERTAINTY
            ]
        )
        cites = cites.astype({"record_table": str}).merge(keys, on=["record_table", "record_id"])
    return cites["verified_on"].notna().mean()


def _dated_share(t) -> float:
    sources = t["sources"]
    news = sources[sources["source_kind"].isin(["news", "official"])]
    return news["published_on"].notna().mean()


def _bracketed_share(t) -> float:
    return t["sources"]["title"].str.startswith("[").mean()


def test_record_counts_stay_above_their_floors(t):
    assert len(t["events"]) >= EVENTS_FLOOR
    assert len(t["aid_deliveries"]) >= AID_DELIVERIES_FLOOR


def test_reread_citations_stay_above_their_floors(t):
    assert _verified_share(t, confirmed_only=True) >= VERIFIED_CONFIRMED_FLOOR
    assert _verified_share(t, confirmed_only=False) >= VERIFIED_OVERALL_FLOOR


def test_source_metadata_stays_within_its_bounds(t):
    assert _dated_share(t) >= PUBLISHED_ON_FLOOR
    assert _bracketed_share(t) <= BRACKETED_TITLES_CEILING


def test_reread_dates_are_not_in_the_future(t):
    assert (t["citations"]["verified_on"].dropna().dt.date <= date.today()).all()


_NOT_YET = pytest.mark.xfail(strict=True, reason="issue 9 target, not yet reached")
ISSUE_9_TARGETS = {
    "at least 450 events": lambda t: len(t["events"]) >= 450,
    "at least 70 aid deliveries": lambda t: len(t["aid_deliveries"]) >= 70,
    "every citation of a confirmed record re-read": lambda t: (
        _verified_share(t, confirmed_only=True) == 1.0
    ),
    "at least 90% of citations re-read": lambda t: _verified_share(t, confirmed_only=False) >= 0.9,
    "at least 80% of news and official sources dated": lambda t: _dated_share(t) >= 0.8,
    "at most 10% bracketed titles": lambda t: _bracketed_share(t) <= 0.1,
}
# Targets not yet reached (docs/curation.md, "Issue 9 targets"); a reached one fails as XPASS.
NOT_YET_REACHED = {
    "every citation of a confirmed record re-read",
    "at least 80% of news and official sources dated",
    "at most 10% bracketed titles",
}


@pytest.mark.parametrize(
    "target",
    [pytest.param(n, marks=_NOT_YET) if n in NOT_YET_REACHED else n for n in ISSUE_9_TARGETS],
)
def test_issue_9_target(t, target):
    assert ISSUE_9_TARGETS[target](t)


def test_issue_9_table_in_the_curation_doc_matches_the_data(root, t):
    # The "now" column of docs/curation.md's target table is written by hand: it must say what
    # the data says, so a re-read or a new record that moves a figure also moves the doc.
    doc = (root / "docs" / "curation.md").read_text(encoding="utf-8")
    table = doc.split("## Issue 9 targets", 1)[1].split("\n## ", 1)[0]
    rows = {
        line.split("|")[1].strip(): line.split("|")[2].strip()
        for line in table.splitlines()
        if line.startswith("| ") and not line.startswith("| target")
    }
    shares = {
        "events dated to the day": _day_share(t),
        "citations of confirmed records re-read": _verified_share(t, confirmed_only=True),
        "all citations re-read": _verified_share(t, confirmed_only=False),
        "news and official sources with a publication date": _dated_share(t),
        "bracketed titles": _bracketed_share(t),
    }
    counts = {
        "heads of mission": len(t["mission_heads"]),
        "events": len(t["events"]),
        "aid deliveries": len(t["aid_deliveries"]),
    }
    now = {
        label: v
        for k, v in rows.items()
        for label in {**shares, **counts}
        if k.startswith(label + ":")
    }
    assert sorted(now) == sorted({**shares, **counts}), "a target row is missing from the doc"
    for label, share in shares.items():
        assert now[label].startswith(f"{share:.1%}"), (label, now[label], f"{share:.1%}")
    for label, n in counts.items():
        assert now[label].split()[0] == f"{n:,}", (label, now[label], n)
    # The audit section states the same re-read figures in a sentence.
    cites = t["citations"]
    stated = (
        f"{cites['verified_on'].notna().sum():,} of {len(cites):,} citations "
        f"({shares['all citations re-read']:.1%}) carry a re-read date"
    )
    assert stated in doc.replace("\n", " "), stated
