"""The offline gazetteer: index build, lookups on normalized names, countries, regions."""

from __future__ import annotations

import dataclasses
import pickle
import time

import pytest

from sitrep.errors import DataFileError
from sitrep.geo.entry import Entry, normalize
from sitrep.geo.gazetteer import Gazetteer, build_index, default_index_path, index_key


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Kyiv", "kyiv"),
        ("KYIV", "kyiv"),
        ("São Paulo", "sao paulo"),
        ("Łódź", "lodz"),
        ("the U.S.", "us"),
        ("The Gambia", "gambia"),
        ("Washington, D.C.", "washington dc"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("  Northeast   Asia ", "northeast asia"),
    ],
)
def test_normalize_folds_case_diacritics_and_punctuation(written: str, key: str) -> None:
    assert normalize(written) == key


@pytest.mark.parametrize(("spelling", "other"), [("Kyiv", "Kiev"), ("Kharkiv", "Kharkov"), ("Odesa", "Odessa"),
                                                  ("Mykolaiv", "Nikolaev"), ("Mumbai", "Bombay")])
def test_lookup_alternate_spellings_reach_the_same_city(gazetteer: Gazetteer, spelling: str, other: str) -> None:
    assert gazetteer.lookup(spelling)[0].geonameid == gazetteer.lookup(other)[0].geonameid


@pytest.mark.parametrize(
    ("name", "alpha3"),
    [
        ("the United States", "USA"), ("U.S.", "USA"), ("US", "USA"), ("America", "USA"),
        ("Britain", "GBR"), ("UK", "GBR"), ("the UK", "GBR"), ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"), ("Czech Republic", "CZE"), ("Czechia", "CZE"), ("Burma", "MMR"),
        ("DRC", "COD"), ("Türkiye", "TUR"), ("Kosovo", "XKX"), ("UAE", "ARE"), ("Zaire", "COD"),
    ],
)
def test_lookup_country_news_names(gazetteer: Gazetteer, name: str, alpha3: str) -> None:
    top = gazetteer.lookup(name)[0]
    assert (top.feature, top.country) == ("country", alpha3)


@pytest.mark.parametrize(
    ("name", "canonical", "country"),
    [("Northeast Asia", "Northeast Asia", None), ("the Middle East", "Middle East", None),
     ("Donbass", "Donbas", "UKR"), ("Gaza", "Gaza Strip", "PSE"), ("the Sahel", "Sahel", None),
     ("Taiwan Strait", "Taiwan Strait", None), ("Nagorno Karabakh", "Nagorno-Karabakh", "AZE"),
     ("East Ghouta", "Eastern Ghouta", "SYR"), ("the Dnieper", "Dnipro River", None), ("Bosporus", "Bosphorus", "TUR"),
     ("North Sea", "North Sea", None), ("Shabaa Farms", "Shebaa Farms", "SYR")],
)
def test_lookup_regions_come_first(gazetteer: Gazetteer, name: str, canonical: str, country: str | None) -> None:
    top = gazetteer.lookup(name)[0]
    assert (top.feature, top.name, top.country) == ("region", canonical, country)


@pytest.mark.parametrize(("name", "main"), [("Qamishli", "Al Qāmishlī"), ("Mayadin", "Al Mayādīn"),
                                            ("Khums", "Al Khums"), ("Kobani", "‘Ayn al ‘Arab"), ("Palmyra", "Tadmur")])
def test_lookup_arab_towns_without_the_article_and_by_their_news_names(gazetteer: Gazetteer, name: str,
                                                                        main: str) -> None:
    assert gazetteer.lookup(name)[0].name == main


def test_lookup_article_dropping_keeps_short_remainders_out(gazetteer: Gazetteer) -> None:
    assert all(e.country != "ARE" for e in gazetteer.lookup("Ain"))


def test_lookup_continent_has_geonames_id(gazetteer: Gazetteer) -> None:
    europe = gazetteer.lookup("Europe")[0]
    assert (europe.feature, europe.geonameid) == ("continent", 6255148)


@pytest.mark.parametrize(
    ("name", "feature", "country"),
    [("Georgia", "country", "GEO"), ("New York", "city", "USA"), ("Washington", "city", "USA"),
     ("Paris", "city", "FRA"), ("Texas", "admin1", "USA"), ("Scotland", "admin1", "GBR"), ("Calif.", "admin1", "USA")],
)
def test_lookup_default_order_without_context(gazetteer: Gazetteer, name: str, feature: str, country: str) -> None:
    top = gazetteer.lookup(name)[0]
    assert (top.feature, top.country) == (feature, country)


def test_lookup_drops_unrelated_alternate_names(gazetteer: Gazetteer) -> None:
    # "Franklin" is an old alternate name of Columbus, Ohio; towns called Franklin exist.
    assert "Columbus" not in {e.name for e in gazetteer.lookup("Franklin")}
    assert "Harare" not in {e.name for e in gazetteer.lookup("Salisbury")}


def test_lookup_a_division_name_is_no_misspelling_of_a_small_town(gazetteer: Gazetteer) -> None:
    # GeoNames lists "Minnesota" among the alternate names of Minneota (1,400 people).
    assert [(e.feature, e.name) for e in gazetteer.lookup("Minnesota")] == [("admin1", "Minnesota")]


@pytest.mark.parametrize("name", ["Atlantic", "Pacific"])
def test_lookup_an_ocean_by_its_short_name(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.lookup(name)[0].name == f"{name} Ocean"


def test_lookup_keeps_spelling_variants_of_major_cities(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("St. Petersburg")[0].country == "RUS"


def test_lookup_unknown_name_is_empty(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Atlantis Under The Sea") == []


@pytest.mark.parametrize(("city", "alpha3"), [("Kyiv", "UKR"), ("Washington", "USA"), ("Paris", "FRA"), ("Pristina", "XKX")])
def test_capitals_are_marked(gazetteer: Gazetteer, city: str, alpha3: str) -> None:
    assert gazetteer.lookup(city)[0].capital_of == alpha3


def test_country_takes_countryinfo_centroid(gazetteer: Gazetteer) -> None:
    ukraine = gazetteer.country("ukr")
    assert (ukraine.name, ukraine.lat, ukraine.lon, ukraine.geonameid) == ("Ukraine", 49.0, 32.0, 690791)


def test_country_unknown_code_raises(gazetteer: Gazetteer) -> None:
    with pytest.raises(KeyError):
        gazetteer.country("ZZZ")


def test_areas_list_region_surface_names(gazetteer: Gazetteer) -> None:
    surfaces = {surface for surface, entry in gazetteer.phrases() if entry.feature in ("region", "continent")}
    assert {"Northeast Asia", "Donbass", "Europe"} <= surfaces


def test_entry_is_frozen(gazetteer: Gazetteer) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        gazetteer.lookup("Kyiv")[0].name = "Kiev"  # type: ignore[misc]


def test_load_is_a_cached_singleton_and_fast(gazetteer: Gazetteer) -> None:
    Gazetteer.reset()
    started = time.perf_counter()
    loaded = Gazetteer.load()
    loaded.lookup("Kyiv")
    elapsed = time.perf_counter() - started
    assert Gazetteer.load() is loaded
    assert elapsed < 1.0


def test_gazetteer_survives_pickling(gazetteer: Gazetteer) -> None:
    copy = pickle.loads(pickle.dumps(gazetteer))
    assert copy.lookup("Kiev") == gazetteer.lookup("Kiev")


def test_default_index_path_carries_the_build_key() -> None:
    assert default_index_path().name == f"gazetteer-{index_key()}.sqlite"


def _tiny_places() -> list[tuple[Entry, list[tuple[str, bool]]]]:
    springfield_il = Entry(1, "Springfield", 39.8, -89.6, "USA", "city", 114000, None, "IL", "geonames.1")
    springfield_mo = Entry(2, "Springfield", 37.2, -93.3, "USA", "city", 169000, None, "MO", "geonames.2")
    steppe = Entry(None, "Great Steppe", 48.0, 60.0, None, "region", 0, None, None, "place.region.steppe")
    return [(springfield_il, [("Springfield", True)]), (springfield_mo, [("Springfield", True)]),
            (steppe, [("Great Steppe", True), ("the Steppe", False)])]


def test_build_index_writes_a_readable_index(tmp_path) -> None:
    path = build_index(tmp_path / "index.sqlite", _tiny_places())
    tiny = Gazetteer(path)
    assert [e.geonameid for e in tiny.lookup("SPRINGFIELD")] == [2, 1]
    assert tiny.lookup("steppe")[0].id == "place.region.steppe"
    assert tiny.meta()["entries"] == "3"
    assert [s for s, _ in tiny.phrases()] == ["Great Steppe", "the Steppe"]


def test_gazetteer_missing_index_raises_e252(tmp_path) -> None:
    with pytest.raises(DataFileError, match="E252"):
        Gazetteer(tmp_path / "absent.sqlite")


def test_build_index_unwritable_place_raises_e251(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(DataFileError, match="E251"):
        build_index(blocker / "index.sqlite", _tiny_places())


@pytest.mark.parametrize(
    ("name", "country"),
    [("Bavaria", "DEU"), ("Sindh", "PAK"), ("Helmand", "AFG"), ("Ontario", "CAN"), ("Borno", "NGA")],
)
def test_lookup_first_level_divisions_of_every_country(gazetteer: Gazetteer, name: str, country: str) -> None:
    top = gazetteer.lookup(name)[0]
    assert (top.feature, top.country) == ("admin1", country)
    assert top.admin1, "a division carries the GeoNames code its towns share"


@pytest.mark.parametrize("name", ["Idlib", "Kandahar", "Aleppo", "Kharkiv"])
def test_lookup_a_town_comes_before_the_division_named_after_it(gazetteer: Gazetteer, name: str) -> None:
    found = gazetteer.lookup(name)
    division = next(e for e in found if e.feature == "admin1")
    town = found[0]
    assert town.feature == "city" and (town.country, town.admin1) == (division.country, division.admin1)


@pytest.mark.parametrize("name", ["Eastern Province", "Centre-Nord", "Northern Region", "Saint Andrew"])
def test_lookup_generic_and_shared_division_names_are_not_indexed(gazetteer: Gazetteer, name: str) -> None:
    assert all(e.feature != "admin1" for e in gazetteer.lookup(name))


@pytest.mark.parametrize(("name", "country", "admin1"), [("Kent", "GBR", "ENG"), ("Northamptonshire", "GBR", "ENG"),
                                                         ("Orange County", "USA", "CA")])
def test_lookup_second_level_divisions_where_geonames_records_them(gazetteer: Gazetteer, name: str, country: str,
                                                                   admin1: str) -> None:
    top = gazetteer.lookup(name)[0]
    assert (top.feature, top.country, top.admin1) == ("admin2", country, admin1)
    assert top.population > 100_000, "a county counts the people of its towns"


@pytest.mark.parametrize("name", ["Shenzhen", "Thane"])
def test_lookup_a_town_comes_before_the_county_named_after_it(gazetteer: Gazetteer, name: str) -> None:
    found = gazetteer.lookup(name)
    county = next(e for e in found if e.feature == "admin2")
    assert found[0].feature == "city" and (found[0].country, found[0].admin1) == (county.country, county.admin1)


@pytest.mark.parametrize(("word", "alpha3"), [("Syrian", "SYR"), ("Ukrainian", "UKR"), ("British", "GBR"),
                                              ("Congolese", "COD"), ("Kosovar", "XKX"), ("Martian", None)])
def test_demonym_names_its_country(gazetteer: Gazetteer, word: str, alpha3: str | None) -> None:
    country = gazetteer.demonym(word)
    assert (country.country if country else None) == alpha3
    assert country is None or country.feature == "country"


def test_adjective_of_a_region_names_the_region(gazetteer: Gazetteer) -> None:
    region = gazetteer.demonym("European")
    assert region is not None and (region.name, region.feature) == ("Europe", "continent")


@pytest.mark.parametrize(("alpha3", "capital"), [("UKR", "Kyiv"), ("SYR", "Damascus"), ("USA", "Washington")])
def test_capital_of_a_country(gazetteer: Gazetteer, alpha3: str, capital: str) -> None:
    assert gazetteer.capital(alpha3).name == capital
