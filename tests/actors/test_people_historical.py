"""Checks of people_historical.jsonl, the office holders of 1975-2015, against the rules in
src/sitrep/actors/data/README.md.

The loader reads every people*.jsonl file into one name table, so this file must obey the same
rules as people.jsonl and must not reuse an id or a surface form of people.jsonl or
organizations.jsonl.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import pycountry
import pytest

# Located without importing sitrep, whose package import loads spaCy.
DATA_DIR = Path(find_spec("sitrep").submodule_search_locations[0]) / "actors" / "data"
HISTORICAL = DATA_DIR / "people_historical.jsonl"
OTHERS = {"people": DATA_DIR / "people.jsonl", "organizations": DATA_DIR / "organizations.jsonl"}
REQUIRED = {"id", "name", "aliases", "code", "sector", "roles"}
OPTIONAL = {"periods", "org", "died"}
SECTORS = {"GOV", "MIL", "SPY", "REB", "OPP", "COP", "JUD", "LEG", "MED", "BUS", "CVL", "REF", "NGO", "IGO", "EDU"}
ID_PATTERN = re.compile(r"^person(\.[a-z0-9_]+)+$")
ISO3 = {country.alpha_3 for country in pycountry.countries}
WINDOW = (date(1975, 1, 1), date(2016, 1, 1))


@cache
def _lines() -> tuple[str, ...]:
    return tuple(HISTORICAL.read_text(encoding="utf-8").splitlines())


@cache
def _records() -> tuple[dict, ...]:
    return tuple(json.loads(line) for line in _lines())


@cache
def _other_records(name: str) -> tuple[dict, ...]:
    return tuple(json.loads(line) for line in OTHERS[name].read_text(encoding="utf-8").splitlines())


def _person(pid: str) -> dict:
    return next(p for p in _records() if p["id"] == pid)


def _orgs() -> dict[str, dict]:
    return {record["id"]: record for record in _other_records("organizations")}


def _day(value: str) -> date:
    return date.fromisoformat(value)


def _active(spans: list[dict], day: date) -> list[dict]:
    """Spans (roles or periods) in force on `day`: from <= day < to."""
    return [s for s in spans if _day(s["from"]) <= day and (s["to"] is None or day < _day(s["to"]))]


def _coding(record: dict, day: date) -> tuple[str, str]:
    """(code, sector) of an entry on `day`: the active period, else the default."""
    active = _active(record.get("periods", []), day)
    return (active[0]["code"], active[0]["sector"]) if active else (record["code"], record["sector"])


def _current_code(record: dict) -> str:
    open_ended = [p for p in record.get("periods", []) if p["to"] is None]
    return open_ended[0]["code"] if open_ended else record["code"]


def _codes_of(record: dict) -> list[str]:
    return [record["code"], *(p["code"] for p in record.get("periods", []))]


def _declared_codes() -> set[str]:
    return {code for org in _other_records("organizations") for code in _codes_of(org) if code not in ISO3}


def _surfaces(record: dict) -> list[str]:
    return [record["name"], *record["aliases"]]


def test_historical_lines_are_json_objects() -> None:
    assert _lines(), "people_historical.jsonl is empty"
    for number, line in enumerate(_lines(), 1):
        assert line.strip(), f"line {number}: blank"
        assert isinstance(json.loads(line), dict), f"line {number}: not a JSON object"


def test_historical_fields_are_required_and_known() -> None:
    for person in _records():
        keys = set(person)
        assert REQUIRED <= keys, f"{person.get('id')}: missing {REQUIRED - keys}"
        assert keys <= REQUIRED | OPTIONAL, f"{person['id']}: unknown {keys - REQUIRED - OPTIONAL}"
        assert isinstance(person["name"], str) and person["name"].strip() == person["name"] != ""
        assert all(isinstance(a, str) and a.strip() == a != "" for a in person["aliases"]), person["id"]


def test_historical_ids_are_dotted_and_unique_across_knowledge_files() -> None:
    others = {record["id"] for name in OTHERS for record in _other_records(name)}
    seen: set[str] = set()
    for person in _records():
        assert ID_PATTERN.match(person["id"]), person["id"]
        assert person["id"] not in seen and person["id"] not in others, f"duplicate id {person['id']}"
        seen.add(person["id"])


def test_historical_sectors_are_known() -> None:
    for person in _records():
        sectors = {person["sector"], *(p["sector"] for p in person.get("periods", []))}
        assert sectors <= SECTORS, f"{person['id']}: {sectors}"


def test_historical_codes_are_iso_or_declared() -> None:
    known = ISO3 | _declared_codes()
    for person in _records():
        assert set(_codes_of(person)) <= known, f"{person['id']}: {_codes_of(person)}"


def test_historical_roles_are_dated_and_ordered() -> None:
    for person in _records():
        roles = person["roles"]
        assert roles, f"{person['id']} has no roles"
        for role in roles:
            assert set(role) == {"title", "from", "to"}, f"{person['id']}: {role}"
            assert role["to"] is None or _day(role["from"]) < _day(role["to"]), f"{person['id']}: {role}"
        starts = [_day(role["from"]) for role in roles]
        assert starts == sorted(starts), f"{person['id']}: roles not in order of 'from'"


def test_historical_roles_end_by_death() -> None:
    for person in (p for p in _records() if "died" in p):
        for role in person["roles"]:
            assert role["to"] is not None and _day(role["to"]) <= _day(person["died"]), f"{person['id']}: {role}"


def test_historical_people_held_office_between_1975_and_2015() -> None:
    start, end = WINDOW
    for person in _records():
        spans = [(_day(r["from"]), _day(r["to"]) if r["to"] else date.max) for r in person["roles"]]
        assert any(begin < end and finish > start for begin, finish in spans), f"{person['id']}: no office in 1975-2015"


def test_historical_periods_are_ordered_and_disjoint() -> None:
    for person in _records():
        periods = person.get("periods", [])
        for period in periods:
            assert set(period) <= {"from", "to", "code", "sector", "org"}, f"{person['id']}: {period}"
            assert period["to"] is None or _day(period["from"]) < _day(period["to"]), f"{person['id']}: {period}"
        for earlier, later in zip(periods, periods[1:]):
            assert earlier["to"] is not None and _day(earlier["to"]) <= _day(later["from"]), person["id"]


def test_historical_surfaces_are_unique_across_knowledge_files() -> None:
    owner = {s.casefold(): r["id"] for name in OTHERS for r in _other_records(name) for s in _surfaces(r)}
    for person in _records():
        for surface in _surfaces(person):
            key = surface.casefold()
            assert owner.get(key, person["id"]) == person["id"], f"{surface!r}: {owner.get(key)} and {person['id']}"
            owner[key] = person["id"]
        assert len({s.casefold() for s in _surfaces(person)}) == len(_surfaces(person)), f"{person['id']}: repeated alias"


def test_historical_surfaces_are_not_country_names() -> None:
    countries = {
        getattr(country, attribute).casefold()
        for country in pycountry.countries
        for attribute in ("name", "common_name", "official_name")
        if hasattr(country, attribute)
    }
    assert [(p["id"], s) for p in _records() for s in _surfaces(p) if s.casefold() in countries] == []


def test_historical_org_references_agree_with_codes() -> None:
    orgs = _orgs()
    for person in _records():
        if "org" in person:
            assert person["org"] in orgs, f"{person['id']}: {person['org']}"
            assert _current_code(orgs[person["org"]]) == person["code"], person["id"]
        for period in (p for p in person.get("periods", []) if "org" in p):
            assert period["org"] in orgs, f"{person['id']}: {period['org']}"
            assert _coding(orgs[period["org"]], _day(period["from"]))[0] == period["code"], person["id"]


@pytest.mark.parametrize(
    ("pid", "day", "code", "sector", "titles"),
    [
        ("person.arafat", "1985-06-01", "PSE", "REB", ["Chairman of the Palestine Liberation Organization"]),
        ("person.arafat", "2000-06-01", "PSE", "GOV",
         ["Chairman of the Palestine Liberation Organization", "President of the Palestinian Authority"]),
        ("person.gorbachev", "1990-06-01", "RUS", "GOV",
         ["General Secretary of the Communist Party of the Soviet Union", "President of the Soviet Union"]),
        ("person.gorbachev", "1992-01-01", "RUS", "GOV", []),
        ("person.shevardnadze", "1988-01-01", "RUS", "GOV", ["Foreign Minister of the Soviet Union"]),
        ("person.shevardnadze", "2000-01-01", "GEO", "GOV", ["President of Georgia"]),
        ("person.carrington", "1980-01-01", "GBR", "GOV", ["Foreign Secretary"]),
        ("person.carrington", "1986-01-01", "NATO", "IGO", ["Secretary General of NATO"]),
        ("person.bush_sr", "1976-06-01", "USA", "SPY", ["Director of Central Intelligence"]),
        ("person.bush_sr", "1991-01-17", "USA", "GOV", ["President"]),
        ("person.mullah_omar", "1998-08-20", "AFG", "GOV",
         ["Supreme Leader of the Taliban", "Head of the Islamic Emirate of Afghanistan"]),
        ("person.mullah_omar", "2005-01-01", "TALIBAN", "REB", ["Supreme Leader of the Taliban"]),
        ("person.mandela", "1992-06-01", "ZAF", "OPP", ["President of the African National Congress"]),
        ("person.milosevic", "1999-03-24", "SRB", "GOV", ["President of Yugoslavia"]),
        ("person.kohl", "1989-11-09", "DEU", "GOV", ["Chancellor of West Germany"]),
        ("person.saddam", "2003-04-09", "IRQ", "GOV", []),
        ("person.haftar", "2019-04-04", "LBY", "MIL", ["Commander of the Libyan National Army"]),
        ("person.prabhakaran", "2000-01-01", "LKA", "REB", ["Leader of the Liberation Tigers of Tamil Eelam"]),
    ],
)
def test_historical_person_coding_on_date(pid: str, day: str, code: str, sector: str, titles: list[str]) -> None:
    person = _person(pid)
    assert _coding(person, _day(day)) == (code, sector)
    assert [role["title"] for role in _active(person["roles"], _day(day))] == titles
