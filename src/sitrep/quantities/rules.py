"""The knowledge the quantity tagger reads: number words, hedges, units, predicates.

Every table is a JSONL file in `data/` (one record a line, each with a unique dotted id under
`quantity.`), validated by pydantic on load so a bad line is reported with its file and line.
`QuantityRules` bundles the tables with lookup indexes; the tagger owns one and writes its
tables back with `to_disk`. Docs: docs/quantities.md
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from sitrep import datafiles
from sitrep.errors import DataFileError

DATA_DIR = Path(__file__).parent / "data"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str


class NumberWord(_Record):
    """A number word ("four", "thousand", "dozen") or a digit suffix ("m" in "2m")."""

    word: str
    value: float
    role: Literal["unit", "teen", "ten", "hundred", "scale", "multiplier", "suffix"]
    plural: str | None = None
    weak: bool = False


class VagueAmount(_Record):
    """A phrase that counts without a number ("several", "a number of")."""

    phrase: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    scalable: bool = False
    needs_known_unit: bool = False


class Modifier(_Record):
    """A hedge or bound next to a number ("about", "at least", "or so"), or a word that rules it out ("aged")."""

    phrase: str
    position: Literal["before", "after"]
    approx: bool = True
    bound: Literal["low", "high"] | None = None
    exclude: bool = False


class RangePattern(_Record):
    """The word joining two numbers into a range ("to", "-", "and" after "between")."""

    joiner: str
    before: str | None = None
    not_before: list[str] = []
    approx: bool = True


class Unit(_Record):
    """A family of counted nouns with the kind of figure they make."""

    lemmas: list[str]
    kind: str | None = None
    unit: str | None = None
    person: bool = False
    exclude: bool = False
    placeholder: bool = False
    symbols: list[str] = []
    follows: list[str] = []
    plurals: dict[str, str] = {}


class Predicate(_Record):
    """Words that say what happened to the counted people ("killed", "fled")."""

    kind: str
    lemmas: list[str]
    transitive: list[str] = []

    @model_validator(mode="after")
    def _transitive_are_lemmas(self) -> Predicate:
        stray = sorted(set(self.transitive) - set(self.lemmas))
        if stray:
            raise ValueError(f"transitive lemmas not in lemmas: {stray}")
        return self


class Exclusion(_Record):
    """A reason to drop a number: an entity label, a year range or a text pattern."""

    ent_types: list[str] = []
    year_min: int | None = None
    year_max: int | None = None
    regex: str | None = None

    @model_validator(mode="after")
    def _one_rule(self) -> Exclusion:
        given = [bool(self.ent_types), self.year_min is not None or self.year_max is not None, self.regex is not None]
        if sum(given) != 1:
            raise ValueError("give exactly one of ent_types, year_min/year_max, regex")
        if given[2]:
            try:
                re.compile(self.regex or "")
            except re.error as exc:
                raise ValueError(f"bad regex: {exc}") from exc
        return self


_R = TypeVar("_R", bound=_Record)

TABLES: dict[str, type[_Record]] = {
    "numbers": NumberWord,
    "vague": VagueAmount,
    "modifiers": Modifier,
    "ranges": RangePattern,
    "units": Unit,
    "predicates": Predicate,
    "exclusions": Exclusion,
}


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(text.lower().split())


def load_table(path: Path, model: type[_Record]) -> list[_Record]:
    """Read one JSONL table; raise DataFileError naming the file and line of a bad record.

    Raises:
        DataFileError: E201 for a malformed line, E202 for a repeated id.
    """
    return datafiles.load(path, model)


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return f"{where}: {first['msg']}" if where else first["msg"]
    return str(exc)


def write_table(path: Path, records: Iterable[_Record]) -> None:
    """Write records as JSONL, leaving out fields at their defaults."""
    lines = [record.model_dump_json(exclude_defaults=True) for record in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _index(table: str, what: str, pairs: Iterable[tuple[str, _R]]) -> dict[str, _R]:
    """A word → record index; a word under two records would make one of them silently lose."""
    index: dict[str, _R] = {}
    for key, record in pairs:
        if key in index and index[key].id != record.id:
            raise DataFileError("E261", file=f"{table}.jsonl", what=what, value=key,
                                first=index[key].id, second=record.id)
        index[key] = record
    return index


@dataclass(frozen=True)
class QuantityRules:
    """All quantity tables plus the indexes the tagger looks words up in."""

    numbers: list[NumberWord]
    vague: list[VagueAmount]
    modifiers: list[Modifier]
    ranges: list[RangePattern]
    units: list[Unit]
    predicates: list[Predicate]
    exclusions: list[Exclusion]
    unit_by_lemma: dict[str, Unit] = field(init=False)
    unit_by_symbol: dict[str, Unit] = field(init=False)
    unit_by_follower: dict[tuple[str, ...], Unit] = field(init=False)
    predicate_by_lemma: dict[str, Predicate] = field(init=False)
    before: dict[tuple[str, ...], Modifier] = field(init=False)
    after: dict[tuple[str, ...], Modifier] = field(init=False)
    patterns: list[tuple[str, re.Pattern[str]]] = field(init=False)

    def __post_init__(self) -> None:
        ids = [r.id for name in TABLES for r in getattr(self, name)]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise DataFileError("E202", file="quantity tables", pid=repeated[0])
        units = _index("units", "lemma", ((lemma.lower(), u) for u in self.units for lemma in u.lemmas))
        symbols = _index("units", "symbol", ((s.lower(), u) for u in self.units for s in u.symbols))
        followers = {_phrase(p): u for u in self.units for p in u.follows}
        predicates = _index("predicates", "lemma", ((lemma, p) for p in self.predicates for lemma in p.lemmas))
        before = {_phrase(m.phrase): m for m in self.modifiers if m.position == "before"}
        after = {_phrase(m.phrase): m for m in self.modifiers if m.position == "after"}
        patterns = [(x.id, re.compile(x.regex)) for x in self.exclusions if x.regex]
        for name, value in [("unit_by_lemma", units), ("unit_by_symbol", symbols),
                            ("unit_by_follower", followers), ("predicate_by_lemma", predicates),
                            ("before", before), ("after", after), ("patterns", patterns)]:
            object.__setattr__(self, name, value)

    @classmethod
    def from_dir(cls, directory: Path, units: Path | None = None) -> QuantityRules:
        """Load every table from `directory`; `units` replaces the units table when given."""
        tables = {name: load_table(directory / f"{name}.jsonl", model) for name, model in TABLES.items()}
        if units is not None:
            tables["units"] = load_table(units, Unit)
        return cls(**tables)  # type: ignore[arg-type]

    def to_dir(self, directory: Path) -> None:
        """Write every table as `<name>.jsonl` into `directory`."""
        directory.mkdir(parents=True, exist_ok=True)
        for name in TABLES:
            write_table(directory / f"{name}.jsonl", getattr(self, name))

    @property
    def excluded_ents(self) -> frozenset[str]:
        return frozenset(label for x in self.exclusions for label in x.ent_types)

    def is_year(self, value: float) -> str | None:
        """The id of the year rule `value` falls under, if any."""
        for x in self.exclusions:
            low = x.year_min if x.year_min is not None else value
            high = x.year_max if x.year_max is not None else value
            if (x.year_min is not None or x.year_max is not None) and low <= value <= high:
                return x.id
        return None


@lru_cache(maxsize=8)
def packaged_rules(units: str | None = None) -> QuantityRules:
    """The packaged tables (read once per process), optionally with a user's units file."""
    return QuantityRules.from_dir(DATA_DIR, units=Path(units) if units else None)
