"""Trigger patterns and the weapons lexicon: the event coder's knowledge, loaded from JSONL.

A trigger pattern names a CAMEO code and the words that signal it (verb or noun lemmas), plus
constraints on the parse that must hold (object words, object kind, particles) and how to
read the roles (which prepositions introduce the target, whether the moved troops' country
is the source). Each pattern has an id that becomes the event's evidence.
Docs: docs/events.md
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from sitrep import datafiles
from sitrep.errors import DataFileError

DATA_DIR = Path(__file__).parent / "data"

ATTACK_ROOTS = ("18", "19", "20")
DEFAULT_TARGET_PREPS = ("to", "against", "on", "with", "at", "into", "toward", "towards")


def is_attack(cameo: str) -> bool:
    """Whether a CAMEO code is assault, fight or mass violence (roots 18-20)."""
    return cameo[:2] in ATTACK_ROOTS


def _listed(words: tuple[str, ...]) -> int:
    """Weight of a word-list constraint: a list pins more than the wildcard "*"."""
    return 0 if not words else (1 if "*" in words else 2)


class TriggerPattern(BaseModel):
    """One trigger: see docs/events.md for every field."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    cameo: str
    pos: Literal["VERB", "NOUN", "ADJ"]
    lemmas: tuple[str, ...]
    object: tuple[str, ...] = ()
    object_not: tuple[str, ...] = ()
    object_preps_not: tuple[str, ...] = ()
    object_kind: Literal["weapon"] | None = None
    object_sector: tuple[str | None, ...] = ()
    object_is_target: bool | None = None
    of_role: Literal["target", "theme"] = "target"
    of_kind: Literal["weapon"] | None = None
    particle_or_prep: tuple[str, ...] = ()
    particle_or_prep_not: tuple[str, ...] = ()
    preps_object: dict[str, tuple[str, ...]] = {}
    xcomp: tuple[str, ...] = ()
    xcomp_object: tuple[str, ...] = ()
    ccomp: tuple[str, ...] = ()
    ccomp_aux: tuple[str, ...] = ()
    modifier: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    subject_weapon: tuple[str, ...] = ()
    target_preps: tuple[str, ...] = DEFAULT_TARGET_PREPS
    theme_as_source: bool = False
    place_as_source: str | None = None
    deep_target: bool = False
    target_must_differ: bool = False
    reciprocal: bool = False
    requires_actor_modifier: bool = False
    requires_target: bool = False
    active_only: bool = False
    intent_cameo: str | None = None
    note: str | None = None

    @property
    def has_object_constraint(self) -> bool:
        return bool(self.object or self.object_kind or self.object_sector)

    @property
    def specificity(self) -> int:
        """How much of the parse the pattern pins down; more specific patterns are tried first."""
        return (2 * bool(self.object) + bool(self.object_kind) + bool(self.object_sector) + _listed(self.xcomp)
                + 2 * bool(self.xcomp_object) + _listed(self.ccomp) + 2 * bool(self.modifier)
                + bool(self.particle_or_prep) + 2 * bool(self.preps_object) + bool(self.of_kind)
                + 3 * bool(self.subject_weapon) + 2 * bool(self.ccomp_aux) + 4 * bool(self.subject))

    @property
    def is_attack(self) -> bool:
        """Assault, fight or mass violence (CAMEO 18-20): the attacks a later toll or mention
        belongs to, whose nouns' "of" names the victim ("the shelling of Kherson")."""
        return is_attack(self.cameo)

    @property
    def dobj_is_target(self) -> bool:
        """The direct object is the target (attack X) unless the pattern says it is the thing
        moved or done (send troops, impose sanctions); by default, when it constrains the object."""
        return self.object_is_target if self.object_is_target is not None else not self.has_object_constraint


class Recode(BaseModel):
    """A code that changes with modality: a meeting announced is an intent to meet (036), an
    attack announced is a threat (1384)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    when: tuple[str, ...]
    to: str
    source: tuple[str, ...] = Field(alias="from")
    note: str | None = None


@lru_cache(maxsize=1)
def recodes() -> tuple[Recode, ...]:
    """Modality recodes, longest `from` prefix first."""
    rows = datafiles.load(DATA_DIR / "recode.jsonl", Recode)
    return tuple(sorted(rows, key=lambda r: -max(map(len, r.source))))


@dataclass(frozen=True)
class Weapon:
    id: str
    kind: str


class _WeaponRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    kind: str
    lemmas: list[str]


class _CounterpartRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    lemmas: list[str]
    why: str


@lru_cache(maxsize=1)
def counterparts() -> frozenset[str]:
    """Nouns of a relation whose possessive names the other party ("its ally")."""
    return frozenset(lemma for row in datafiles.load(DATA_DIR / "counterparts.jsonl", _CounterpartRow) for lemma in row.lemmas)


TRIGGERS_DIR = DATA_DIR / "triggers"


@lru_cache(maxsize=4)
def triggers(path: Path = TRIGGERS_DIR) -> tuple[TriggerPattern, ...]:
    """All trigger patterns of a JSONL file or of every `*.jsonl` in a folder (the packaged
    folder by default), validated; ids are unique across files."""
    files = sorted(Path(path).glob("*.jsonl")) if Path(path).is_dir() else [Path(path)]
    patterns = [p for file in files for p in datafiles.load(file, TriggerPattern)]
    seen: set[str] = set()
    for pattern in patterns:
        if pattern.id in seen:
            raise DataFileError("E202", file=path, pid=pattern.id)
        seen.add(pattern.id)
    return tuple(patterns)


@lru_cache(maxsize=1)
def weapons() -> dict[str, Weapon]:
    """Weapon words (lowercase lemma or phrase) → weapon class."""
    lexicon = {}
    for row in datafiles.load(DATA_DIR / "weapons.jsonl", _WeaponRow):
        for lemma in row.lemmas:
            lexicon[lemma] = Weapon(row.id, row.kind)
    return lexicon
