"""The `sitrep_first_person` component: first-person words in a direct quote stand for its speaker.

"We call on China to stop," said a State Department spokesman: "we" is the United States
government, so an event the quote tells has a source. "I" and "my" are the speaker; "we",
"us" and "our" the body the speaker talks for (the speaker's code and sector). Only direct
quotes with a speaker the actors component resolved count, and a word already tagged as an
actor keeps its reading. The words live in `data/first_person.jsonl`.
Docs: docs/actors.md
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict
from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep import datafiles
from sitrep.actors.kb import DATA_DIR
from sitrep.nlp.extensions import ACTORS, QUOTES


class _FirstPersonRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    words: list[str]
    stands_for: Literal["speaker", "body"]
    why: str


class FirstPerson:
    """Adds an actor mention to `doc.spans["sitrep_actors"]` for each first-person word of a
    direct quote whose speaker is an actor."""

    def __init__(self, nlp: Language, name: str = "sitrep_first_person", data_dir: str | None = None) -> None:
        self.name = name
        rows = datafiles.load(Path(data_dir or DATA_DIR) / "first_person.jsonl", _FirstPersonRow)
        self.words = {word: row for row in rows for word in row.words}

    def __call__(self, doc: Doc) -> Doc:
        actors = list(doc.spans.get(ACTORS, []))
        by_token = {i: span for span in actors for i in range(span.start, span.end)}
        added = [mention for quote in doc.spans.get(QUOTES, []) for mention in self._in_quote(quote, by_token)]
        if added:
            doc.spans[ACTORS] = sorted(actors + added, key=lambda span: span.start)
        return doc

    def _in_quote(self, quote: Span, by_token: dict[int, Span]) -> list[Span]:
        facts = quote._.sitrep_quote or {}
        speaker = by_token.get(facts.get("speaker_head", -1)) if facts.get("kind") == "direct" else None
        if speaker is None or not (speaker._.sitrep_actor["code"] or speaker._.sitrep_actor["name"]):
            return []
        found = []
        for token in quote:
            row = self.words.get(token.lower_)
            if row is None or token.i in by_token:
                continue
            mention = Span(quote.doc, token.i, token.i + 1, label=speaker.label_ if row.stands_for == "speaker" else "group")
            mention._.sitrep_actor = {**_standing_for(speaker._.sitrep_actor, row), "head": token.i}
            found.append(mention)
        return found


def _standing_for(speaker: dict, row: _FirstPersonRow) -> dict:
    """The speaker's actor data, as the speaker or as the body they talk for."""
    evidence = f"{row.id}+{speaker['evidence']}"
    if row.stands_for == "speaker":
        return {**speaker, "evidence": evidence}
    name = speaker["affiliation"] or (speaker["name"] if speaker["kind"] != "person" else None)
    return {**speaker, "kind": "group", "name": name, "title": None, "evidence": evidence}
