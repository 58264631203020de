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

from pydantic import BaseModel, ConfigDict

from sitrep import datafiles
from sitrep.errors import DataFileError

DATA_DIR = Path(__file__).parent / "data"

DEFAULT_TARGET_PREPS = ("to", "against", "on", "with", "at", "into", "toward", "towards")


class TriggerPattern(BaseModel):
    """One trigger: see docs/events.md for every field."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    cameo: str
    pos: Literal["VERB", "NOUN"]
    lemmas: tuple[str, ...]
    object: tuple[str, ...] = ()
    object_kind: Literal["weapon"] | None = None
    object_sector: tuple[str | None, ...] = ()
    object_is_target: bool | None = None
    of_role: Literal["target", "theme"] = "target"
    of_kind: Literal["weapon"] | None = None
    particle_or_prep: tuple[str, ...] = ()
    preps_object: dict[str, tuple[str, ...]] = {}
    xcomp: tuple[str, ...] = ()
    modifier: tuple[str, ...] = ()
    target_preps: tuple[str, ...] = DEFAULT_TARGET_PREPS
    theme_as_source: bool = False
    target_must_differ: bool = False
    reciprocal: bool = False
    requires_actor_modifier: bool = False
    note: str | None = None

    @property
    def has_object_constraint(self) -> bool:
        return bool(self.object or self.object_kind or self.object_sector)

    @property
    def dobj_is_target(self) -> bool:
        """The direct object is the target (attack X) unless the pattern says it is the thing
        moved or done (send troops, impose sanctions); by default, when it constrains the object."""
        return self.object_is_target if self.object_is_target is not None else not self.has_object_constraint


@dataclass(frozen=True)
class Weapon:
    id: str
    kind: str


class _WeaponRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    kind: str
    lemmas: list[str]


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
