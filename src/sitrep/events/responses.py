"""Whom an answer answers.

"Niger's junta accused Paris of interfering. France rejected the accusation": the rejection
names no party, but "the accusation" is the act just told that was aimed at France, so its
author, Niger, is the rejection's target. An act done in words (rejecting, denying,
welcoming: quad classes 1 and 3) with no target, whose object is a definite noun naming no
actor, answers the last act done in words before it, at most two sentences back, that was
aimed at its source by someone else. A strike is no such act: "Israel struck Iranian air
defences. Iran denied the report" gives the denial no target.
Docs: docs/events.md
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitrep.events import ontology
from sitrep.events.merge import codes
from sitrep.events.roles import ActorIndex

ANSWER_SENTENCES = 2  # how far back the act answered may have been told
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def answer_targets(doc: Doc, events: list[dict], actors: ActorIndex) -> None:
    """Give each answer with no target the author of the act it answers."""
    ordered = sorted(events, key=lambda e: e["trigger_i"])
    for event in ordered:
        own = codes(event, "source")
        if event["target"] or not own or not ontology.is_verbal(event["cameo"]):
            continue
        if not _answers_something(doc[event["trigger_i"]], actors):
            continue
        asked = _act_answered(ordered, event, own)
        if asked is not None:
            event["target"] = [{**p, "evidence": f"answers.{asked['trigger_text']}"} for p in asked["source"] if p["code"]]
            event["evidence"] = f"{event['evidence']} target:answers".strip()


def _answers_something(trigger: Token, actors: ActorIndex) -> bool:
    """ "rejected the demand", "welcomed this decision": a definite object that is no actor."""
    return any(child.dep_ == "dobj" and actors.at(child) is None
               and any(det.dep_ == "det" and det.lower_ in _DEFINITE for det in child.children)
               for child in trigger.children)


def _act_answered(ordered: list[dict], event: dict, own: frozenset[str]) -> dict | None:
    before = [e for e in ordered if e["trigger_i"] < event["trigger_i"]
              and event["sentence"] - e["sentence"] <= ANSWER_SENTENCES]
    return next((e for e in reversed(before) if ontology.is_verbal(e["cameo"])
                 and codes(e, "target") & own and codes(e, "source") and not codes(e, "source") & own), None)
