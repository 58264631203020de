"""Checks of the packaged actor knowledge files against the rules in src/sitrep/actors/data/README.md.

The files are data users edit by hand, so every rule a loader or resolver relies on (unique ids
and aliases, known codes and sectors, ordered dates) is held here, line by line.
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
FILES = {
    "people": DATA_DIR / "people.jsonl",
    "people_historical": DATA_DIR / "people_historical.jsonl",
    "people_leaders": DATA_DIR / "people_leaders.jsonl",
    "organizations": DATA_DIR / "organizations.jsonl",
    "groups": DATA_DIR / "groups.jsonl",
}
KIND = {
    "people": "people",
    "people_historical": "people",
    "people_leaders": "people",
    "organizations": "organizations",
    "groups": "groups",
}
ID_PREFIX = {"people": "person.", "organizations": "org.", "groups": "group."}
REQUIRED = {
    "people": {"id", "name", "aliases", "code", "sector", "roles"},
    "organizations": {"id", "name", "aliases", "code", "sector", "kind"},
    "groups": {"id", "name", "aliases", "code", "sector", "kind", "country"},
}
OPTIONAL = {"people": {"periods", "org", "died"}, "organizations": {"country", "parent", "periods"}, "groups": set()}
SECTORS = {"GOV", "MIL", "SPY", "REB", "OPP", "COP", "JUD", "LEG", "MED", "BUS", "CVL", "REF", "NGO", "IGO", "EDU"}
KINDS = {"organization", "group"}
ID_PATTERN = re.compile(r"^(person|org|group)(\.[a-z0-9_]+)+$")
DECLARED_CODE = re.compile(r"^[A-Z0-9]{2,8}$")
# Kosovo has no ISO 3166-1 code; XKX is the user-assigned code in common use.
ISO3 = {country.alpha_3 for country in pycountry.countries} | {"XKX"}
HISTORIC = {country.alpha_3 for country in pycountry.historic_countries}
COUNTRY_FIELDS = {"id", "code", "aliases", "demonyms", "people", "capitals"}
ISO2 = {country.alpha_2 for country in pycountry.countries}
FILE_NAMES = sorted(FILES)
PEOPLE_FILES = [name for name in FILE_NAMES if KIND[name] == "people"]
# The historical file holds people who held office in these years (start inclusive, end exclusive).
HISTORICAL_WINDOW = (date(1975, 1, 1), date(2016, 1, 1))


@cache
def _lines(name: str) -> tuple[str, ...]:
    return tuple(FILES[name].read_text(encoding="utf-8").splitlines())


@cache
def _records(name: str) -> tuple[dict, ...]:
    return tuple(json.loads(line) for line in _lines(name))


def _people() -> list[dict]:
    return [record for name in PEOPLE_FILES for record in _records(name)]


def _all_records() -> list[dict]:
    return [record for name in FILE_NAMES for record in _records(name)]


def _orgs() -> dict[str, dict]:
    return {record["id"]: record for record in _records("organizations")}


def _day(value: str) -> date:
    return date.fromisoformat(value)


def _active(spans: list[dict], day: date) -> list[dict]:
    """Spans (roles or periods) in force on `day`: from <= day < to."""
    return [s for s in spans if _day(s["from"]) <= day and (s["to"] is None or day < _day(s["to"]))]


def _coding(record: dict, day: date) -> tuple[str, str]:
    """(code, sector) of an entry on `day`: the active period, else the default."""
    active = _active(record.get("periods", []), day)
    return (active[0]["code"], active[0]["sector"]) if active else (record["code"], record["sector"])


def _current_coding(record: dict) -> tuple[str, str]:
    open_ended = [p for p in record.get("periods", []) if p["to"] is None]
    return (open_ended[0]["code"], open_ended[0]["sector"]) if open_ended else (record["code"], record["sector"])


def _declared_codes() -> set[str]:
    return {code for org in _records("organizations") for code in _codes_of(org) if code not in ISO3}


def _codes_of(record: dict) -> list[str]:
    return [record["code"], *(p["code"] for p in record.get("periods", []))]


def _surfaces(record: dict) -> list[str]:
    return [record["name"], *record["aliases"]]


@pytest.mark.parametrize("name", FILE_NAMES)
def test_knowledge_file_lines_are_json_objects(name: str) -> None:
    assert _lines(name), f"{name} is empty"
    for number, line in enumerate(_lines(name), 1):
        assert line.strip(), f"{name}:{number}: blank line"
        assert isinstance(json.loads(line), dict), f"{name}:{number}: not a JSON object"


@pytest.mark.parametrize("name", FILE_NAMES)
def test_knowledge_file_fields_are_required_and_known(name: str) -> None:
    for record in _records(name):
        keys = set(record)
        required, optional = REQUIRED[KIND[name]], OPTIONAL[KIND[name]]
        assert required <= keys, f"{record.get('id')}: missing {required - keys}"
        assert keys <= required | optional, f"{record['id']}: unknown {keys - required - optional}"
        assert isinstance(record["name"], str) and record["name"].strip() == record["name"] != ""
        assert isinstance(record["aliases"], list)
        assert all(isinstance(a, str) and a.strip() == a != "" for a in record["aliases"]), record["id"]


def test_knowledge_ids_are_unique_and_dotted() -> None:
    seen: set[str] = set()
    for name in FILE_NAMES:
        for record in _records(name):
            assert ID_PATTERN.match(record["id"]) and record["id"].startswith(ID_PREFIX[KIND[name]]), record["id"]
            assert record["id"] not in seen, f"duplicate id {record['id']}"
            seen.add(record["id"])


@pytest.mark.parametrize("name", FILE_NAMES)
def test_knowledge_sectors_are_known(name: str) -> None:
    for record in _records(name):
        sectors = [record["sector"], *(p["sector"] for p in record.get("periods", []))]
        assert set(sectors) <= SECTORS, f"{record['id']}: {sectors}"


def test_organization_kinds_are_known() -> None:
    assert {record["kind"] for record in _records("organizations")} <= KINDS
    assert {record["kind"] for record in _records("groups")} == {"group"}


def test_groups_belong_to_their_state() -> None:
    for record in _records("groups"):
        assert record["code"] == record["country"] and record["code"] in ISO3, record["id"]


def _country_rows() -> list[dict]:
    return [json.loads(line) for line in (DATA_DIR / "countries.jsonl").read_text(encoding="utf-8").splitlines()]


def test_country_rows_are_coded_by_state() -> None:
    ids = [row["id"] for row in _country_rows()]
    assert len(ids) == len(set(ids))
    for row in _country_rows():
        assert set(row) == COUNTRY_FIELDS and row["code"] in ISO3, row["id"]
        suffix = row["id"].removeprefix("actor.country.")
        assert suffix == row["code"] or suffix in HISTORIC, f"{row['id']}: a retired ISO code or the row's own code"


def test_group_surfaces_are_not_country_surfaces() -> None:
    fields = ("aliases", "demonyms", "people", "capitals")
    countries = {s.casefold() for row in _country_rows() for field in fields for s in row[field]}
    clashes = [(r["id"], s) for r in _records("groups") for s in _surfaces(r) if s.casefold() in countries]
    assert clashes == []


@pytest.mark.parametrize("name", FILE_NAMES)
def test_knowledge_codes_are_iso_or_declared(name: str) -> None:
    known = ISO3 | _declared_codes()
    for record in _records(name):
        assert set(_codes_of(record)) <= known, f"{record['id']}: {_codes_of(record)}"
        assert "country" not in record or record["country"] in ISO3, f"{record['id']}: country {record['country']}"


def test_declared_codes_do_not_shadow_iso_codes() -> None:
    for code in _declared_codes():
        assert DECLARED_CODE.match(code), code
        assert code not in ISO2, f"declared code {code} is also an ISO alpha-2 code"


def test_person_roles_are_dated_and_ordered() -> None:
    for person in _people():
        roles = person["roles"]
        assert roles, f"{person['id']} has no roles"
        for role in roles:
            assert set(role) == {"title", "from", "to"}, f"{person['id']}: {role}"
            assert role["to"] is None or _day(role["from"]) < _day(role["to"]), f"{person['id']}: {role}"
        starts = [_day(role["from"]) for role in roles]
        assert starts == sorted(starts), f"{person['id']}: roles not in order of 'from'"


def test_person_roles_end_by_death() -> None:
    for person in (p for p in _people() if "died" in p):
        for role in person["roles"]:
            assert role["to"] is not None and _day(role["to"]) <= _day(person["died"]), f"{person['id']}: {role}"


@pytest.mark.parametrize("name", FILE_NAMES)
def test_knowledge_periods_are_ordered_and_disjoint(name: str) -> None:
    for record in _records(name):
        periods = record.get("periods", [])
        for period in periods:
            assert set(period) <= {"from", "to", "code", "sector", "org"}, f"{record['id']}: {period}"
            assert period["to"] is None or _day(period["from"]) < _day(period["to"]), f"{record['id']}: {period}"
        for earlier, later in zip(periods, periods[1:]):
            assert earlier["to"] is not None and _day(earlier["to"]) <= _day(later["from"]), record["id"]


def test_knowledge_surfaces_are_unique_across_entries() -> None:
    owner: dict[str, str] = {}
    for record in _all_records():
        for surface in _surfaces(record):
            key = surface.casefold()
            assert owner.get(key, record["id"]) == record["id"], f"{surface!r}: {owner.get(key)} and {record['id']}"
            owner[key] = record["id"]
        assert len({s.casefold() for s in _surfaces(record)}) == len(_surfaces(record)), f"{record['id']}: repeated alias"


def test_knowledge_surfaces_are_not_country_names() -> None:
    countries = {
        getattr(country, attribute).casefold()
        for country in pycountry.countries
        for attribute in ("name", "common_name", "official_name")
        if hasattr(country, attribute)
    }
    clashes = [(r["id"], s) for r in _all_records() for s in _surfaces(r) if s.casefold() in countries]
    assert clashes == []


def test_knowledge_references_point_to_organizations() -> None:
    orgs = _orgs()
    for record in _all_records():
        references = [record.get("parent"), record.get("org"), *(p.get("org") for p in record.get("periods", []))]
        for reference in filter(None, references):
            assert reference in orgs and reference != record["id"], f"{record['id']}: {reference}"


def test_person_org_agrees_with_code() -> None:
    orgs = _orgs()
    for person in _people():
        if "org" in person:
            assert _current_coding(orgs[person["org"]])[0] == person["code"], person["id"]
        for period in (p for p in person.get("periods", []) if "org" in p):
            assert _coding(orgs[period["org"]], _day(period["from"]))[0] == period["code"], person["id"]


@pytest.mark.parametrize(
    ("pid", "day", "code", "sector", "titles"),
    [
        ("person.austin", "2024-10-23", "USA", "GOV", ["Secretary of Defense"]),
        ("person.austin", "2025-01-20", "USA", "GOV", []),
        ("person.trump", "2019-06-01", "USA", "GOV", ["President"]),
        ("person.trump", "2023-06-01", "USA", "GOV", []),
        ("person.trump", "2025-01-20", "USA", "GOV", ["President"]),
        ("person.biden", "2025-01-19", "USA", "GOV", ["President"]),
        ("person.putin", "2024-10-23", "RUS", "GOV", ["President"]),
        ("person.kim_jong_un", "2024-10-23", "PRK", "GOV", ["Supreme Leader", "President of the State Affairs Commission"]),
        ("person.zelensky", "2024-10-23", "UKR", "GOV", ["President"]),
        ("person.rutte", "2020-01-01", "NLD", "GOV", ["Prime Minister of the Netherlands"]),
        ("person.rutte", "2025-01-01", "NATO", "IGO", ["Secretary General of NATO"]),
        ("person.sharaa", "2024-01-01", "HTS", "REB", ["Leader of Hayat Tahrir al-Sham"]),
        ("person.sharaa", "2025-06-01", "SYR", "GOV", ["President"]),
        ("person.haniyeh", "2023-11-01", "HAMAS", "REB", ["Head of the Hamas political bureau"]),
        ("person.guterres", "2024-10-23", "UNO", "IGO", ["Secretary-General of the United Nations"]),
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
def test_person_coding_on_date(pid: str, day: str, code: str, sector: str, titles: list[str]) -> None:
    person = next(p for p in _people() if p["id"] == pid)
    assert _coding(person, _day(day)) == (code, sector)
    assert [role["title"] for role in _active(person["roles"], _day(day))] == titles


def test_historical_people_held_office_in_their_window() -> None:
    start, end = HISTORICAL_WINDOW
    for person in _records("people_historical"):
        spans = [(_day(r["from"]), _day(r["to"]) if r["to"] else date.max) for r in person["roles"]]
        assert any(begin < end and finish > start for begin, finish in spans), f"{person['id']}: no office in 1975-2015"


@pytest.mark.parametrize(
    ("oid", "day", "code", "sector"),
    [
        ("org.taliban", "2020-02-29", "TALIBAN", "REB"),
        ("org.taliban", "2021-08-15", "AFG", "GOV"),
        ("org.nato", "2024-10-23", "NATO", "IGO"),
        ("org.un.security_council", "2024-10-23", "UNO", "IGO"),
        ("org.eu", "2024-10-23", "EUR", "IGO"),
        ("org.usa.pentagon", "2024-10-23", "USA", "MIL"),
        ("org.kor.nis", "2024-10-23", "KOR", "SPY"),
        ("org.hamas", "2024-10-23", "HAMAS", "REB"),
    ],
)
def test_organization_coding_on_date(oid: str, day: str, code: str, sector: str) -> None:
    assert _coding(_orgs()[oid], _day(day)) == (code, sector)
