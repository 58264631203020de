"""The packaged place data: files validate, ids are unique, alternate names are filtered."""

from __future__ import annotations

import pytest

from sitrep.errors import DataFileError
from sitrep.geo.sources import (
    DATA_DIR,
    Admin1,
    BlockedName,
    CityAlias,
    CountryAlias,
    Cue,
    Landmark,
    NameVariant,
    Region,
    demonyms,
    distance_km,
    load_cues,
    read_rows,
    usable_alternate,
)

FILES = [("country_aliases.jsonl", CountryAlias), ("city_aliases.jsonl", CityAlias), ("regions.jsonl", Region),
         ("landmarks.jsonl", Landmark),
         ("admin1.jsonl", Admin1), ("blocked_names.jsonl", BlockedName), ("cues.jsonl", Cue),
         ("name_variants.jsonl", NameVariant)]


@pytest.mark.parametrize(("name", "model"), FILES)
def test_read_rows_packaged_files_validate(name: str, model: type) -> None:
    assert read_rows(DATA_DIR / name, model)


def test_regions_cover_the_news_regions() -> None:
    names = {row.name for row in read_rows(DATA_DIR / "regions.jsonl", Region)}
    wanted = {"Northeast Asia", "Middle East", "Sahel", "Horn of Africa", "Balkans", "Caucasus", "Baltics",
              "Persian Gulf", "Red Sea", "Black Sea", "South China Sea", "Taiwan Strait", "Korean Peninsula",
              "Donbas", "Crimea", "Gaza Strip", "West Bank", "Golan Heights", "Kashmir", "Darfur", "Tigray",
              "Nagorno-Karabakh", "Arctic", "Indo-Pacific", "Europe", "Latin America", "sub-Saharan Africa",
              "Gulf of Oman", "Arabian Sea", "Suez Canal", "Bosphorus", "Kerch Strait", "English Channel", "North Sea",
              "Dnipro River", "Euphrates", "Tigris", "Nile", "Litani River", "Danube", "Shebaa Farms"}
    assert wanted <= names


def test_read_rows_duplicate_id_raises_e202(tmp_path) -> None:
    path = tmp_path / "dup.jsonl"
    row = '{"id": "place.alias.XXA", "country": "XXA", "aliases": ["Ruritania"]}\n'
    path.write_text(row + row, encoding="utf-8")
    with pytest.raises(DataFileError, match="E202"):
        read_rows(path, CountryAlias)


@pytest.mark.parametrize(
    ("line", "fragment"),
    [("{not json", "not JSON"),
     ('{"id": "place.alias.XXA", "country": "xx", "aliases": ["A"]}', "country"),
     ('{"id": "place.alias.XXA", "country": "XXA", "point": [1.0]}', "point"),
     ('{"id": "alias.XXA", "country": "XXA", "aliases": ["A"]}', "id")],
)
def test_read_rows_bad_line_names_file_and_line(tmp_path, line: str, fragment: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n" + line + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"E201.*bad\.jsonl:2:.*{fragment}"):
        read_rows(path, CountryAlias)


@pytest.mark.parametrize(
    ("name", "usable"),
    [("Kharkov", True), ("Kiev", True), ("Côte d'Ivoire", True), ("Харьков", False), ("IEV", False),
     ("PAR", False), ("ha er ke fu", False), ("Ko", False), ("NYC", False), ("Andorra la Vella", True)],
)
def test_usable_alternate_keeps_latin_spellings(name: str, usable: bool) -> None:
    assert usable_alternate(name) is usable


def test_load_cues_has_every_rule_kind() -> None:
    kinds = {cue.kind for cue in load_cues()}
    assert {"locative_prep", "place_noun", "locative_verb", "actor_prep", "actor_dep", "actor_head"} <= kinds


@pytest.mark.parametrize(("a", "b", "km"), [((50.45, 30.52), (49.98, 36.25), 411), ((48.85, 2.35), (51.51, -0.13), 344)])
def test_distance_km_matches_known_distances(a: tuple, b: tuple, km: int) -> None:
    assert abs(distance_km(*a, *b) - km) < 5


@pytest.mark.parametrize(("word", "alpha3"), [("Syrian", "SYR"), ("Dominican", "DOM"), ("Congolese", "COD"),
                                              ("Kosovar", "XKX")])
def test_demonyms_go_to_one_state_even_when_shared(word: str, alpha3: str) -> None:
    assert demonyms()[word] == alpha3


@pytest.mark.parametrize(("word", "region"), [("European", "place.continent.europe"), ("Latin American", "place.region.latin_america")])
def test_adjectives_of_regions_name_the_region(word: str, region: str) -> None:
    assert demonyms()[word] == region
