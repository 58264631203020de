"""Reporting cues: the verbs and phrases that attribute content to a speaker.

Cues are data (`data/cues.jsonl`), one JSON object a line, so users can add their own
reporting verbs without code. Docs: docs/attribution.md
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sitrep import datafiles
from sitrep.model import Stance

PACKAGED_CUES = Path(__file__).parent / "data" / "cues.jsonl"

ContentRelation = Literal["ccomp", "xcomp", "oprd", "dobj", "nsubjpass", "acl", "prep", "parataxis"]
DEFAULT_RELATIONS: tuple[ContentRelation, ...] = ("ccomp", "xcomp", "dobj", "nsubjpass", "parataxis")
NOUN_RELATIONS: tuple[ContentRelation, ...] = ("acl", "ccomp")


class Cue(BaseModel):
    """One reporting cue: a lemma, a fixed phrase or a punctuation layout, with its stance."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^cue(\.[a-z0-9_]+)+$", description="Unique dotted id, e.g. cue.say.")
    lemma: str | None = Field(None, description="Lemma the cue matches (say, confirm, claim...).")
    pos: Literal["VERB", "NOUN"] = Field("VERB", description="Part of speech of a lemma cue: reporting verb or noun (claim, denial).")
    phrase: str | None = Field(None, description="Fixed lower-case phrase ending in a preposition (according to).")
    layout: Literal["label", "credit"] | None = Field(
        None, description="Punctuation layouts: 'NAME: words' opening a line, or a quote followed by '― NAME'."
    )
    stance: Stance = Field(description="What the claimant does with the content.")
    speech: bool = Field(description="True when the cue introduces speech, hence direct and indirect quotes.")
    content: tuple[ContentRelation, ...] | None = Field(
        None, description="Dependency relations that may carry the claimed content; None: the defaults for `pos`."
    )
    preps: tuple[str, ...] | None = Field(
        None, description="For the 'prep' relation: the prepositions that introduce content (call for, accuse of)."
    )

    @model_validator(mode="after")
    def _one_form(self) -> Cue:
        if sum(form is not None for form in (self.lemma, self.phrase, self.layout)) != 1:
            raise ValueError("a cue needs exactly one of 'lemma', 'phrase' or 'layout'")
        return self

    @property
    def relations(self) -> tuple[ContentRelation, ...]:
        """The relations allowed to carry content (`syntax.content` tries them in a fixed order)."""
        if self.content is not None:
            return self.content
        return NOUN_RELATIONS if self.pos == "NOUN" else DEFAULT_RELATIONS

    @property
    def words(self) -> list[str]:
        """The phrase split into lower-case words (empty for lemma cues)."""
        return self.phrase.lower().split() if self.phrase else []


def parse_cues(lines: Iterable[str], source: str) -> list[Cue]:
    """Validate cue lines; blank lines are skipped, errors name the source and line.

    Raises:
        DataFileError: E201 for a malformed line, E202 for a repeated id.
    """
    return datafiles.validated(lines, source, Cue)


def load_cues(path: str | Path | None = None) -> list[Cue]:
    """Read cues from a JSONL file, or the packaged ones when `path` is None.

    Docs: docs/attribution.md
    """
    file = Path(path) if path is not None else PACKAGED_CUES
    with file.open(encoding="utf8") as handle:
        return parse_cues(handle, str(file))


def dump_cues(cues: Iterable[Cue]) -> str:
    """Serialize cues back to JSONL, leaving out defaulted fields."""
    return "".join(cue.model_dump_json(exclude_defaults=True) + "\n" for cue in cues)

