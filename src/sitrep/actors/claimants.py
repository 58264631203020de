"""The `sitrep_unnamed_claimants` component: a claimant no actor covers becomes an uncoded actor.

"Between 30 and 40 soldiers were killed, according to a military source": the source is no
state or group sitrep knows, yet it is who gives the figure. Tagged as an actor with no code,
it lends the claim and the figure an actor id, so figures someone vouches for stay apart from
figures nobody does. A sector word in it gives the sector ("a military source": MIL); a noun
for one person at its head ("source", "doctor") makes it a person, anything else ("a local
medical group", "a hospital") an organization. The mention runs from the claimant's first word
to its head, so "in nearby Sake" stays the place it is. Pronouns are left alone.
Docs: docs/actors.md
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sitrep.actors import kb as knowledge
from sitrep.attribution.nouns import person_nouns
from sitrep.nlp.extensions import ACTORS

EVIDENCE = "actor.unnamed_claimant"


class UnnamedClaimants:
    """Adds an uncoded actor mention to `doc.spans["sitrep_actors"]` for each claimant of
    `doc._.sitrep_claims` that no actor covers."""

    def __init__(self, nlp: Language, name: str = "sitrep_unnamed_claimants") -> None:
        self.name = name
        self.sectors = knowledge.load().sector_words
        self.people = person_nouns()

    def __call__(self, doc: Doc) -> Doc:
        actors = list(doc.spans.get(ACTORS, []))
        covered = {i for span in actors for i in range(span.start, span.end)}
        added = []
        for claim in doc._.sitrep_claims or []:
            for claimant in claim.get("claimants") or []:
                mention = self._mention(doc, claimant, covered)
                if mention is not None:
                    covered.update(range(mention.start, mention.end))
                    added.append(mention)
        if added:
            doc.spans[ACTORS] = sorted(actors + added, key=lambda span: span.start)
        return doc

    def _mention(self, doc: Doc, claimant: dict, covered: set[int]) -> Span | None:
        head = doc[claimant["head"]]
        written = doc.char_span(claimant["start"], claimant["end"], alignment_mode="expand")
        if written is None or head.pos_ == "PRON" or not written.start <= head.i < written.end:
            return None
        if covered & set(range(written.start, head.i + 1)):
            return None
        kind = "person" if head.lemma_.lower() in self.people else "organization"
        mention = Span(doc, written.start, head.i + 1, label=kind)
        mention._.sitrep_actor = {
            "code": None, "sector": self._sector(mention), "name": None, "kind": kind, "title": None,
            "affiliation": None, "evidence": EVIDENCE, "country": None, "head": head.i,
        }
        return mention

    def _sector(self, mention: Span) -> str | None:
        """The sector of the head or of a word before it ("a military source")."""
        words: list[Token] = [mention.root, *reversed(mention[:-1])]
        return next((lexeme.sector for token in words if (lexeme := self.sectors.get(token.lemma_.lower()))), None)
