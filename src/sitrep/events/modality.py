"""How the text presents an event: negation, modality and hedging, from packaged cue lists.

Docs: docs/events.md
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from sitrep import datafiles
from sitrep.events.patterns import DATA_DIR


@dataclass(frozen=True)
class Cues:
    aux: dict[str, tuple[str, str]]
    mark: dict[str, tuple[str, str]]
    governors: dict[str, tuple[str, str]]
    hedges: frozenset[str]
    stative: frozenset[str]
    reported_future: tuple[frozenset[str], frozenset[str], str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    aux, mark, governors, hedges, stative = {}, {}, {}, set(), set()
    reported_future: tuple[frozenset[str], frozenset[str], str] = (frozenset(), frozenset(), "")
    path = DATA_DIR / "modality.jsonl"
    for _, row in datafiles.records(datafiles.read_lines(path), path):
        if "reported_aux" in row:
            reported_future = (frozenset(row["reported_aux"]), frozenset(row["reporting"]), row["id"])
            continue
        value = (row.get("modality", ""), row["id"])
        aux.update(dict.fromkeys(row.get("aux", []), value))
        mark.update(dict.fromkeys(row.get("mark", []), value))
        governors.update(dict.fromkeys(row.get("governors", []), value))
        hedges.update(row.get("hedge", []))
        stative.update(row.get("stative", []))
    return Cues(aux, mark, governors, frozenset(hedges), frozenset(stative), reported_future)


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
    for child in verb.children:
        if _future_in_the_past(verb, child, table):
            return "future", table.reported_future[2]
        if child.dep_ in {"aux", "auxpass"} and child.lower_ in table.aux:
            return table.aux[child.lower_]
        if child.dep_ == "mark" and child.lower_ in table.mark:
            return table.mark[child.lower_]
    if verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_ in table.governors:
        return table.governors[verb.head.lemma_]
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in table.mark for c in verb.children):
        return "hypothetical", "modality.hypothetical.condition"
    return "asserted", None


def _future_in_the_past(verb: Token, aux: Token, table: Cues) -> bool:
    """ "said they would blockade the port": reported speech shifts "will" to "would", so the
    act is announced, not hypothetical, unless a condition hangs on it."""
    modals, reporting, _ = table.reported_future
    head = verb.head
    return (aux.dep_ == "aux" and aux.lower_ in modals and verb.dep_ == "ccomp" and head.lemma_ in reporting
            and head.tag_ in {"VBD", "VBN"} and not any(c.dep_ == "advcl" and any(m.lower_ in table.mark for m in c.children)
                                                        for c in verb.children))


def is_hedged(trigger: Token) -> bool:
    verb = clause_head(trigger)
    return any(t.lower_ in cues().hedges for t in (*verb.children, *trigger.children))
