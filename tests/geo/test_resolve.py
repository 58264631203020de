"""Choosing among same-named places: regions, countries, pairs, the document's context."""

from __future__ import annotations

from collections import Counter

import pytest
import spacy

from sitrep.geo.entry import Entry
from sitrep.geo.gazetteer import Match
from sitrep.geo.resolve import Toponym, choose, place_near, pointers, within


def city(name: str, country: str, population: int, *, admin1: str | None = None, capital_of: str | None = None,
         geonameid: int = 1) -> Entry:
    return Entry(geonameid, name, 0.0, 0.0, country, "city", population, capital_of, admin1, f"geonames.{geonameid}")


def match(entry: Entry, preferred: bool = True) -> Match:
    return Match(entry, preferred)


PARIS_FR = city("Paris", "FRA", 2_138_551, admin1="11", capital_of="FRA", geonameid=10)
PARIS_TX = city("Paris", "USA", 24_782, admin1="TX", geonameid=11)
GEORGIA = Entry(20, "Georgia", 42.0, 43.5, "GEO", "country", 3_700_000, None, None, "geonames.20")
GEORGIA_US = Entry(21, "Georgia", 32.75, -83.5, "USA", "admin1", 0, None, "GA", "geonames.21")
TEXAS = Entry(22, "Texas", 31.25, -99.25, "USA", "admin1", 0, None, "TX", "geonames.22")
LEBANON = Entry(30, "Lebanon", 33.8, 35.8, "LBN", "country", 6_800_000, None, None, "geonames.30")
LEBANON_PA = city("Lebanon", "USA", 26_000, admin1="PA", geonameid=31)
GAZA_STRIP = Entry(None, "Gaza Strip", 31.42, 34.37, "PSE", "region", 0, None, None, "place.region.gaza_strip")
GAZA_CITY = city("Gaza", "PSE", 410_000, geonameid=40)
ODESA = city("Odesa", "UKR", 1_010_537, geonameid=50)
ODESSA_TX = city("Odessa", "USA", 114_428, admin1="TX", geonameid=51)
WASHINGTON_DC = city("Washington", "USA", 689_545, admin1="DC", capital_of="USA", geonameid=60)
WASHINGTON_STATE = Entry(61, "Washington", 47.5, -120.5, "USA", "admin1", 0, None, "WA", "geonames.61")
KENT_GB = Entry(None, "Kent", 51.2, 0.7, "GBR", "admin2", 1_177_000, None, "ENG", "place.admin2.GBR.england.kent")
KENT_WA = city("Kent", "USA", 126_952, admin1="WA", geonameid=70)
ASHFORD_KENT = Entry(71, "Ashford", 51.15, 0.87, "GBR", "city", 74_000, None, "ENG", "geonames.71")
ASHFORD_SURREY = Entry(72, "Ashford", 51.43, -0.46, "GBR", "city", 28_000, None, "ENG", "geonames.72")
BOSTON_MA = city("Boston", "USA", 653_833, admin1="MA", geonameid=80)
BOSTON_NY = city("Boston", "USA", 8_049, admin1="NY", geonameid=81)
NEW_YORK_CITY = city("New York City", "USA", 8_804_190, admin1="NY", geonameid=82)
NEW_YORK_STATE = Entry(83, "New York", 43.0, -75.5, "USA", "admin1", 0, None, "NY", "geonames.83")


def context(*entries: Entry) -> Counter:
    """What a document naming these places points to."""
    return sum((pointers(Toponym(None, "GPE", True, [match(entry)])) for entry in entries), Counter())


@pytest.mark.parametrize(
    ("matches", "seen", "expected"),
    [
        ([match(PARIS_FR), match(PARIS_TX)], context(), PARIS_FR),
        ([match(PARIS_FR), match(PARIS_TX)], context(TEXAS), PARIS_FR),  # a capital outweighs a state mention
        ([match(GEORGIA), match(GEORGIA_US)], context(), GEORGIA),
        ([match(GEORGIA), match(GEORGIA_US)], context(city("Atlanta", "USA", 500_000, admin1="GA")), GEORGIA_US),
        ([match(LEBANON), match(LEBANON_PA)], context(TEXAS, TEXAS), LEBANON),  # no town beats a country
        ([match(GAZA_STRIP), match(GAZA_CITY)], context(), GAZA_STRIP),
        ([match(ODESA, preferred=False), match(ODESSA_TX)], context(), ODESA),
        ([match(ODESA, preferred=False), match(ODESSA_TX)], context(TEXAS), ODESSA_TX),
        ([match(KENT_GB), match(KENT_WA)], context(), KENT_GB),  # a county by the people of its towns
        ([match(KENT_GB), match(KENT_WA)], context(WASHINGTON_STATE), KENT_WA),
        # Another town of a state is weaker evidence than the state named: "New York and Boston".
        ([match(BOSTON_MA), match(BOSTON_NY)], context(NEW_YORK_CITY), BOSTON_MA),
        ([match(BOSTON_MA), match(BOSTON_NY)], context(NEW_YORK_STATE), BOSTON_NY),
    ],
)
def test_choose_by_kind_population_and_context(matches, seen, expected: Entry) -> None:
    assert choose(matches, seen) == expected


def test_choose_qualifier_restricts_to_its_division() -> None:
    assert choose([match(PARIS_FR), match(PARIS_TX)], context(), qualifier=TEXAS) == PARIS_TX


def test_choose_qualifier_alone_when_no_match_lies_inside() -> None:
    assert choose([match(PARIS_FR)], context(), qualifier=TEXAS) == TEXAS


def test_choose_coordinated_states_pull_towards_the_state() -> None:
    matches = [match(WASHINGTON_DC), match(WASHINGTON_STATE)]
    assert choose(matches, context()) == WASHINGTON_DC
    assert choose(matches, context(), siblings={"admin1"}) == WASHINGTON_STATE


@pytest.mark.parametrize(("entry", "outer", "inside"), [(PARIS_TX, TEXAS, True), (PARIS_FR, TEXAS, False),
                                                        (GAZA_CITY, GAZA_STRIP, True), (GEORGIA, GEORGIA, False),
                                                        (ASHFORD_KENT, KENT_GB, True), (ASHFORD_SURREY, KENT_GB, False)])
def test_within_country_or_division(entry: Entry, outer: Entry, inside: bool) -> None:
    assert within(entry, outer) is inside


def placed(text: str, entries: dict[str, Entry | None]) -> list[Toponym]:
    """A resolved toponym for each word of a blank-parsed text named in `entries`."""
    doc = spacy.blank("en")(text)
    return [Toponym(doc[t.i : t.i + 1], "GPE", True, [], entry=entries[t.text]) for t in doc if t.text in entries]


def test_place_near_takes_the_closest_earlier_place_of_the_province_named_most() -> None:
    # Paris, Texas comes just before the unknown name, but the story is in Kent.
    dover = city("Dover", "GBR", 31_000, admin1="ENG", geonameid=73)
    ashford, dover_, paris, zed = placed("Ashford and Dover then Paris then Zed .",
                                         {"Ashford": ASHFORD_KENT, "Dover": dover, "Paris": PARIS_TX, "Zed": None})
    place_near([ashford, dover_, paris, zed], [ashford, dover_, paris])
    assert zed.near == dover
    assert paris.near is None  # a resolved toponym needs no neighbour


def test_place_near_leaves_a_name_alone_when_no_place_of_the_leading_country_is_read_as_a_place() -> None:
    # Lebanon, named twice as an actor, leads; Texas, the only place, lies in another country.
    toponyms = placed("Zed near Texas ; Lebanon , Lebanon", {"Zed": None, "Texas": TEXAS, "Lebanon": LEBANON})
    place_near(toponyms, [toponyms[1]])
    assert toponyms[0].near is None
