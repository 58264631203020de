"""Nouns that name one person ("a resident", "the spokesman"), so that a later "he said" or
"she said" may stand for a speaker the article never names.

The words are data (`data/person_nouns.jsonl`): one JSON object a line with an id and its
lemmas. Docs: docs/attribution.md
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from sitrep import datafiles

PACKAGED_PERSON_NOUNS = Path(__file__).parent / "data" / "person_nouns.jsonl"


class PersonNouns(BaseModel):
    """A group of singular nouns that each name one person."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^person_noun(\.[a-z0-9_]+)+$", description="Unique dotted id, e.g. person_noun.role.")
    lemmas: tuple[str, ...] = Field(description="Lower-case single-word lemmas (resident, spokesman...).")


@cache
def person_nouns(path: Path = PACKAGED_PERSON_NOUNS) -> frozenset[str]:
    """Every lemma of the file, packaged by default.

    Raises:
        DataFileError: E201 for a malformed line, E202 for a repeated id.
    """
    rows = datafiles.validated(datafiles.read_lines(path), str(path), PersonNouns)
    return frozenset(lemma for row in rows for lemma in row.lemmas)
