"""Nouns the attribution rules look for, as data.

`data/person_nouns.jsonl` lists nouns that name one person ("a resident", "the spokesman"), so
that a later "he said" or "she said" may stand for a speaker the article never names.
`data/record_nouns.jsonl` lists nouns of counts and records ("figures", "a tally"), whose
holder is the one who vouches: "according to United Nations figures" is the UN's word.
Each file holds one JSON object a line with an id and its lemmas. Docs: docs/attribution.md
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from sitrep import datafiles

DATA_DIR = Path(__file__).parent / "data"
PACKAGED_PERSON_NOUNS = DATA_DIR / "person_nouns.jsonl"
PACKAGED_RECORD_NOUNS = DATA_DIR / "record_nouns.jsonl"


class NounGroup(BaseModel):
    """A group of nouns of one kind."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^(person|record)_noun(\.[a-z0-9_]+)+$", description="Unique dotted id, e.g. person_noun.role.")
    lemmas: tuple[str, ...] = Field(description="Lower-case single-word lemmas (resident, spokesman...).")


@cache
def lemmas(path: Path) -> frozenset[str]:
    """Every lemma of a noun file.

    Raises:
        DataFileError: E201 for a malformed line, E202 for a repeated id.
    """
    rows = datafiles.validated(datafiles.read_lines(path), str(path), NounGroup)
    return frozenset(lemma for row in rows for lemma in row.lemmas)


def person_nouns() -> frozenset[str]:
    """Nouns that name one person."""
    return lemmas(PACKAGED_PERSON_NOUNS)


def record_nouns() -> frozenset[str]:
    """Nouns of counts and records, whose holder vouches for them."""
    return lemmas(PACKAGED_RECORD_NOUNS)
