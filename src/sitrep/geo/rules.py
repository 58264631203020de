"""Literal place or actor? The dependency-parse rules that read a toponym's use.

"Fighting in Ukraine" names a place; "Moscow said", "a comedown for Moscow" and "Russia's
war" name a government (metonymy). A toponym is a place when a locative preposition governs
it, when it hangs off a place noun ("the city of Kharkiv", "the Kharkiv region", "Ukraine's
east"), names where someone is from ("Jane Doe, of Leeds"), or is the object of a movement or
territorial verb, active or passive ("invaded Crimea", "Kherson was shelled"), or a town
attacked by force ("drones attacked Odesa", "a missile strike on Kryvyi Rih", "the siege of
Mariupol"; not "attacked Kyiv over the deal"), or the subject
of a place's state ("Kharkiv is a city", "Dubai was hot"). It is an actor
when it is a subject, object, possessor or modifier of another noun ("U.S. forces"), the
object of "for", "with", "against"..., or when the preposition hangs off a word of relation
or exchange ("relations between Russia and the West", "arms sales to Saudi Arabia"). Every
word list lives in `data/cues.jsonl`; each reading returns the id of the cue that decided it.
Docs: docs/geo.md
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from sitrep.geo.sources import Cue, CueKind, load_cues

REGION = "place.region"
APPOSITION = "place.appos"
DATELINE = "place.dateline"
DEFAULT = "place.default"
ORIGIN = "place.origin"
ANAPHOR = "place.anaphor."
# Relations through which a toponym inherits the use of the word it joins:
# "in France and Germany", "in the capital, Kyiv".
_SHARING = ("conj", "appos")
_MODIFIER = ("compound", "nmod", "amod", "npadvmod", "poss")
_MAX_CLIMB = 8
_TIME_LABELS = ("DATE", "TIME")
_DATELINE_WORDS = 6  # how far before a date a dateline's place may start ("NEW YORK, N.Y.,")
_AGENCY_TOKENS = 4  # a dateline's date and agency after its place: "Oct 22 (Reuters)"
_DATELINE_DASHES = frozenset({"-", "--", "–", "—"})

# A reading: True (place), False (actor) or None (nothing decides), with the deciding cue id.
Reading = tuple[bool | None, str]


@dataclass(frozen=True)
class Cues:
    """The cue words by kind: word (lower case; lemma for verbs and relation words) -> cue id."""

    words: dict[str, dict[str, str]] = field(default_factory=dict)
    firm: frozenset[str] = frozenset()
    refers_to: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: Iterable[Cue]) -> Cues:
        words: dict[str, dict[str, str]] = {}
        firm = set()
        for row in rows:
            words.setdefault(row.kind, {})[row.word] = row.id
            if row.firm:
                firm.add(row.id)
        return cls(words, frozenset(firm), {row.id: frozenset(row.refers_to) for row in rows if row.refers_to})

    def get(self, kind: CueKind, word: str) -> str | None:
        """The id of the cue of this kind for the word, or None."""
        return self.words.get(kind, {}).get(word)

    def of(self, kind: CueKind) -> dict[str, str]:
        """All cues of one kind."""
        return self.words.get(kind, {})


@cache
def packaged_cues() -> Cues:
    """The packaged cues, read once, for components that consult the place rules."""
    return Cues.from_rows(load_cues())


def governor(token: Token) -> Token:
    """Climb conjunctions and appositions to the token whose relation decides the use."""
    for _ in range(_MAX_CLIMB):
        if token.dep_ not in _SHARING or token.head.i == token.i:
            break
        token = token.head
    return token


def read_use(span: Span, cues: Cues) -> Reading:
    """Read the toponym's use from the parse: place (True), actor (False) or undecided (None)."""
    token = governor(span.root)
    head = token.head
    if token.dep_ == "pobj" and head.i != token.i:
        return _prepositional(head, cues)
    if token.dep_ in _MODIFIER and head.i != token.i:
        noun = cues.get("place_noun", head.lower_)
        return (True, noun) if noun else (False, cues.get("actor_dep", token.dep_) or f"actor.dep.{token.dep_}")
    if token.dep_ in ("dobj", "nsubjpass"):
        verb = _force_verb(head, cues)
        if verb:
            return True, verb
    if token.dep_ == "nsubj" and cues.get("copula", head.lemma_.lower()):
        state = next((found for c in head.children if (found := _place_predicate(c, cues))), None)
        if state:
            return True, state  # "Kharkiv is Ukraine's second city", "Kherson was quiet overnight"
    actor = cues.get("actor_dep", token.dep_)
    return (False, actor) if actor else (None, "")


def acted_on(token: Token, cues: Cues) -> bool:
    """Whether the token fills the slot of a place acted on by force or movement: the object
    of "shelled", "hit", "attacked" or "captured" (unless the attack is in words), or of "a
    strike on"."""
    head = token.head
    if head.i == token.i:
        return False
    if token.dep_ == "pobj":
        return _town_phrase(head, cues) is not None
    return token.dep_ in ("dobj", "nsubjpass") and _force_verb(head, cues) is not None


def _force_verb(verb: Token, cues: Cues) -> str | None:
    """The cue of a verb whose object is a place: "shelled Kharkiv", "Kherson was shelled", and
    "drones attacked Odesa" unless the attack is in words (the tagger keeps countries actors)."""
    lemma = verb.lemma_.lower()
    found = cues.get("locative_verb", lemma)
    if found:
        return found
    found = cues.get("town_verb", lemma)
    return found if found and not _spoken(verb, cues) else None


def _town_phrase(prep: Token, cues: Cues) -> str | None:
    """The cue of a phrase whose object is a place, unless the attack is in words: "a missile
    strike on Kryvyi Rih" (the tagger keeps countries actors)."""
    found = phrase_cue(prep, cues, "town_phrase")
    return found if found and not _spoken(prep.head, cues) else None


def _place_predicate(child: Token, cues: Cues) -> str | None:
    """A predicate only a place takes: a place noun ("a city") or a state of weather or
    streets ("hot", "quiet", "deserted")."""
    if child.dep_ == "attr":
        return cues.get("place_noun", child.lower_)
    if child.dep_ == "acomp":
        return cues.get("place_adjective", child.lower_)
    return None


def _spoken(verb: Token, cues: Cues) -> bool:
    """A verb with a for/over/as phrase that is no time attacks in words: "attacked Kyiv over
    the deal" (but not "attacked Kyiv for the third night")."""
    return any(cues.get("verbal_prep", child.lower_) and not any(t.ent_type_ in _TIME_LABELS for t in child.subtree)
               for child in verb.children if child.dep_ == "prep")


def _prepositional(prep: Token, cues: Cues) -> Reading:
    """Read a preposition: set phrases first ("according to", "leave for"), then firm locatives
    ("in", "near"), then the word it hangs off ("aid to"), then the preposition alone."""
    word, owner = prep.lower_, prep.head
    for kind, use in (("actor_prep", False), ("locative_prep", True)):
        found = phrase_cue(prep, cues, kind)
        if found:
            return use, found
    town = _town_phrase(prep, cues)
    if town:
        return True, town
    firm = cues.get("locative_prep", word)
    if firm in cues.firm:
        return True, firm  # "talks in Geneva", "reported in Kharkiv"
    relation = cues.get("actor_head", owner.lemma_.lower()) if owner.i != prep.i else None
    if relation:
        return False, relation  # "aid to Ukraine", "relations between Russia and China"
    noun = cues.get("place_noun", owner.lower_) if word == "of" else None
    if noun:
        return True, noun  # "the city of Kharkiv"
    if word == "of" and _after_name_or_age(prep):
        return True, ORIGIN  # "Jane Doe, 55, of St. Louis"
    for kind, use in (("locative_prep", True), ("actor_prep", False)):
        found = cues.get(kind, word)
        if found:
            return use, found
    return None, ""


def phrase_cue(prep: Token, cues: Cues, kind: CueKind) -> str | None:
    """The cue of this kind for the preposition with the word it hangs off, as written or as a
    lemma: "according to", "strikes on" ("strike on")."""
    owner = prep.head
    if owner.i == prep.i:
        return None
    return cues.get(kind, f"{owner.lower_} {prep.lower_}") or cues.get(kind, f"{owner.lemma_.lower()} {prep.lower_}")


def _after_name_or_age(prep: Token) -> bool:
    """An "of" that follows a person's name and a comma, or an age: "Jane Doe, of Leeds"."""
    before = prep.doc[prep.i - 1] if prep.i > 0 else prep
    owner = prep.head
    return (before.text == "," and owner.ent_type_ == "PERSON") or (owner.like_num and before.i == owner.i)


def is_dateline(span: Span, cues: Cues) -> bool:
    """An upper-case toponym opening a paragraph and followed by "(", "—" or ",": BEIRUT (AP) —."""
    return opens_paragraph(span) and span.text.isupper() and follows_dateline_mark(span, cues)


def opens_paragraph(span: Span) -> bool:
    """True when the span is the first word of the text or of a line."""
    doc = span.doc
    if span.start == 0:
        return True
    before = doc[span.start - 1]
    return before.is_space or "\n" in before.text_with_ws


def follows_dateline_mark(span: Span, cues: Cues) -> bool:
    """True when the token after the span is a dateline mark ("(", "—", ",", ":")."""
    doc = span.doc
    return span.end < len(doc) and cues.get("dateline_mark", doc[span.end].text) is not None


def in_dateline(span: Span) -> bool:
    """Whether the span is part of a dateline after its upper-case place opening a line, before
    a dateline mark: the date in "KYIV, Oct 22 (Reuters) -", the country in "KYIV, Ukraine -"."""
    doc, start = span.doc, span.start
    if not any(_shouted(doc[i]) for i in range(max(0, start - _DATELINE_WORDS), start)):
        return False  # the fast path: no upper-case word, no dateline
    while start > 0 and span.start - start < _DATELINE_WORDS and not opens_paragraph(doc[start : start + 1]):
        start -= 1
    if start == span.start or not opens_paragraph(doc[start : start + 1]) or not _shouted(doc[start]):
        return False
    if not all(t.is_upper or t.is_title or t.text == "," for t in doc[start : span.start]):
        return False
    return follows_dateline_mark(span, packaged_cues())


def dateline_end(doc: Doc, start: int) -> int:
    """The first token after a dateline that opens a line at `start` ("KYIV, Ukraine (Reuters)
    -", "GAZA CITY, Oct 22 -"), or `start` when no dateline opens there."""
    if not _shouted(doc[start]) or not opens_paragraph(doc[start : start + 1]):
        return start
    for token in doc[start + 1 : start + _DATELINE_WORDS + _AGENCY_TOKENS]:
        if token.text in _DATELINE_DASHES:
            return token.i + 1
        if not (token.is_upper or token.is_title or token.is_punct or token.like_num):
            return start
    return start


def dateline_part(span: Span) -> bool:
    """The dateline's town ("ADEN (Wire) -") or what follows it there ("ADEN, Yemen -"): where
    the report was filed, which neither acts nor is acted on."""
    doc, end = span.doc, span.end
    while end < len(doc) and _shouted(doc[end]):
        end += 1  # the rest of "GAZA CITY (Wire) -"
    return is_dateline(doc[span.start : end], packaged_cues()) or in_dateline(span)


def _shouted(token: Token) -> bool:
    return token.is_upper and token.is_alpha and len(token) > 1
