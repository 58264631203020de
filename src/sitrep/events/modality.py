"""How the text presents an event: negation, modality and hedging, from packaged cue lists.

Docs: docs/events.md
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Token

from sitrep import datafiles
from sitrep.events.patterns import DATA_DIR

_PRESENT_TAGS = frozenset({"VBP", "VBZ"})


class ReportedFuture(NamedTuple):
    """Modals that reported speech shifts from "will" ("would") and the verbs that report."""

    modals: frozenset[str]
    reporting: frozenset[str]
    id: str


@dataclass(frozen=True)
class Cues:
    aux: dict[str, tuple[str, str]]
    mark: dict[str, tuple[str, str]]
    governors: dict[str, tuple[str, str]]
    hedges: frozenset[str]
    stative: frozenset[str]
    reported_future: ReportedFuture
    onlookers: frozenset[str]
    present_governors: dict[str, tuple[str, str]]
    infinitive_nouns: dict[str, tuple[str, str]]


@lru_cache(maxsize=1)
def cues() -> Cues:
    aux, mark, governors, present_governors, infinitive_nouns = {}, {}, {}, {}, {}
    hedges, stative, onlookers = set(), set(), set()
    reported_future = ReportedFuture(frozenset(), frozenset(), "")
    path = DATA_DIR / "modality.jsonl"
    for _, row in datafiles.records(datafiles.read_lines(path), path):
        if "reported_aux" in row:
            reported_future = ReportedFuture(frozenset(row["reported_aux"]), frozenset(row["reporting"]), row["id"])
            continue
        value = (row.get("modality", ""), row["id"])
        aux.update(dict.fromkeys(row.get("aux", []), value))
        mark.update(dict.fromkeys(row.get("mark", []), value))
        governors.update(dict.fromkeys(row.get("governors", []), value))
        present_governors.update(dict.fromkeys(row.get("present_governors", []), value))
        infinitive_nouns.update(dict.fromkeys(row.get("infinitive_nouns", []), value))
        hedges.update(row.get("hedge", []))
        stative.update(row.get("stative", []))
        onlookers.update(row.get("onlookers", []))
    return Cues(aux, mark, governors, frozenset(hedges), frozenset(stative), reported_future, frozenset(onlookers),
                present_governors, infinitive_nouns)


def clause_head(trigger: Token) -> Token:
    """The verb whose clause a nominal trigger sits in (itself for verbs)."""
    token = trigger
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return token


def is_negated(trigger: Token) -> bool:
    verb = clause_head(trigger)
    if any(c.dep_ == "neg" for c in (*trigger.children, *verb.children)):
        return True
    return any(c.lower_ in {"no", "never"} and c.dep_ in {"det", "neg"} for c in trigger.children)


def modality(trigger: Token) -> tuple[str, str | None]:
    """(modality, cue id) of the trigger's clause; ("asserted", None) when nothing marks it."""
    table = cues()
    verb = clause_head(trigger)
    if _future_in_the_past(verb, table):
        return "future", table.reported_future.id
    cue = next((found for found in (_cue(c, table) for c in verb.children) if found), None)
    if cue is not None:
        return cue
    if verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_ in table.governors:
        return table.governors[verb.head.lemma_]
    if verb.dep_ == "xcomp" and verb.head.lemma_ in table.present_governors and verb.head.tag_ in _PRESENT_TAGS:
        return table.present_governors[verb.head.lemma_]  # "Russia has to withdraw"; "had to flee" did
    if verb.dep_ in {"acl", "relcl"} and verb.head.lemma_ in table.infinitive_nouns and _infinitive(verb):
        return table.infinitive_nouns[verb.head.lemma_]  # "60 days to withdraw", "the right to respond"
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in table.mark for c in verb.children):
        return "hypothetical", "modality.hypothetical.condition"
    return "asserted", None


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _future_in_the_past(verb: Token, table: Cues) -> bool:
    """ "said they would blockade the port": reported speech shifts "will" to "would", so the
    act is announced, not hypothetical, unless a condition hangs on it."""
    rule, head = table.reported_future, verb.head
    if verb.dep_ != "ccomp" or head.lemma_ not in rule.reporting or head.tag_ not in {"VBD", "VBN"}:
        return False
    own = list(verb.children)
    modal = next((c.i for c in own if c.dep_ == "aux" and c.lower_ in rule.modals), None)
    if modal is None or any(_cue(c, table) for c in own if c.i < modal):
        return False
    return not any(c.dep_ == "advcl" and any(m.lower_ in table.mark for m in c.children) for c in own)


def _cue(child: Token, table: Cues) -> tuple[str, str] | None:
    """The modality an auxiliary or subordinator of the clause marks, if it is a cue."""
    if child.dep_ in {"aux", "auxpass"}:
        return table.aux.get(child.lower_)
    return table.mark.get(child.lower_) if child.dep_ == "mark" else None


def is_hedged(trigger: Token) -> bool:
    verb = clause_head(trigger)
    return any(t.lower_ in cues().hedges for t in (*verb.children, *trigger.children))
