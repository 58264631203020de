"""Attaching the other annotations to events: figures, weapons, places, dates and claims.

Each figure, place or time belongs to the nearest trigger above it in the parse, so a clause
with its own event keeps its own facts. Claims attach to the events inside what they claim.
Docs: docs/events.md
"""

from __future__ import annotations

import calendar
from bisect import bisect_right
from collections.abc import Iterator
from typing import get_args

import numpy as np
from spacy.tokens import Doc, Span, Token

from sitrep.events.patterns import Weapon, weapons
from sitrep.geo import rules as place_rules
from sitrep.model import PlacePrecision
from sitrep.nlp.extensions import ACTORS, PLACES, QUANTITIES, TIMES
from sitrep.quantities.rules import packaged_rules as quantity_rules
from sitrep.timex.tagger import published_date

_MEASURE_PREPS = {"of"}
_CASUALTIES = frozenset({"dead", "injured", "missing"})
_CARRY_SENTENCES = 2  # how far back a stray casualty figure looks for its attack
_SUBJECTS = frozenset({"nsubj", "agent"})
_DEFINITE = frozenset({"the", "this", "that"})
_FELL_IN = frozenset({"in", "during"})  # "were killed in the raids"
_ANAPHORIC_CONTENT = {"report", "claim", "allegation", "account", "news", "information", "it", "this", "that", "move", "deployment"}
# A time after these ends a period rather than dating what happens.
_PERIOD_ENDS = frozenset({"until", "till", "til"})
_PERIOD_START = "since"
_NOUN_MODIFIERS = frozenset({"compound", "amod", "nmod", "nummod", "poss"})
_NOUN_CLAUSES = frozenset({"relcl", "acl"})
_SUBJECTS_OF_CLAUSE = frozenset({"nsubj", "nsubjpass"})
_RELATIVE_PRONOUNS = frozenset({"WDT", "WP"})
_PRECISION_ORDER = get_args(PlacePrecision)
_PLACE_PRECISION = {"country": "country", "city": "city", "admin1": "admin1", "admin2": "admin2", "region": "region", "continent": "region", "point": "point"}


def owner(token: Token, triggers: set[int], stop: set[int] = frozenset()) -> int | None:
    """The nearest trigger at or above a token in its sentence, not crossing a `stop` token."""
    current = token
    for _ in range(40):
        if current.i in triggers:
            return current.i
        if current.head.i == current.i or current.i in stop:
            return None
        current = current.head
    return None


def governing_trigger(trigger: Token, triggers: set[int], stops: set[int]) -> int | None:
    """The nearest other trigger above a trigger in its sentence, not crossing a `stop` token."""
    if trigger.head.i == trigger.i or trigger.head.i in stops:
        return None
    return owner(trigger.head, triggers, stops)


def quantities_for(doc: Doc, trigger: int, triggers: set[int]) -> list[Span]:
    found = []
    for span in doc.spans.get(QUANTITIES, []):
        head = (span._.sitrep_quantity or {}).get("head", span.root.i)
        if owner(doc[head], triggers) == trigger:
            found.append(span)
    return found


def stray_casualties(doc: Doc, triggers: set[int], attacks: set[int], followups: set[int]) -> list[Span]:
    """Casualty figures no trigger of their sentence owns ("He said 43 people had been wounded"),
    leaving out those that hang on an attack with a subject of its own, which is another
    happening ("Earlier this month, a similar strike killed five"), unless that subject is a
    later mention of an attack (`followups`: "The strike killed five")."""
    found = []
    for span in doc.spans.get(QUANTITIES, []):
        data = span._.sitrep_quantity or {}
        head = doc[data.get("head", span.root.i)]
        if (data.get("kind") in _CASUALTIES and owner(head, triggers) is None
                and not _own_attack(head, attacks, followups)):
            found.append(span)
    return found


def _own_attack(token: Token, attacks: set[int], followups: set[int]) -> bool:
    """Whether an attack (a word a force pattern matched) above the figure has a subject other
    than the counted ("40 wounded" is the figure itself, "a similar strike killed five" another
    attack)."""
    below = token
    for above in token.ancestors:
        if above.i in attacks and any(
                c.dep_ in _SUBJECTS and c != below and c.i not in followups for c in above.children):
            return True
        below = above
    return False


def followups(doc: Doc, attack_nouns: np.ndarray) -> list[Token]:
    """Definite attack nouns (`attack_nouns`: their lemmas' hashes) that are a clause's subject
    ("The strike hit a school early on Friday") or where its dead and wounded fell ("three
    civilians were killed in the raids"): maybe later mentions of an attack told before,
    adding its details. A copula sums up rather than tells ("The attack was the third in the
    Red Sea this month")."""
    candidates = (doc[int(i)] for i in np.flatnonzero(np.isin(doc.to_array("LEMMA"), attack_nouns)))
    return [
        token for token in candidates
        if token.pos_ == "NOUN" and any(child.dep_ == "det" and child.lower_ in _DEFINITE for child in token.children)
        and ((token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ != "be") or _casualties_fell_in(token))
    ]


def _casualties_fell_in(token: Token) -> bool:
    """ "were killed in the raids", but not "fighters killed four in the raid", an attack of
    its own (a figure as subject, "nine wounded in the raids", is the counted)."""
    prep = token.head
    verb = prep.head
    return (token.dep_ == "pobj" and prep.lower_ in _FELL_IN
            and (predicate := quantity_rules().predicate_by_lemma.get(verb.lemma_)) is not None
            and predicate.kind in _CASUALTIES
            and not any(c.dep_ in _SUBJECTS and c.pos_ != "NUM" for c in verb.children))


def told_by(noun: Token) -> list[Token]:
    """The clauses a follow-up noun tells of: the verb it is subject of, or the verb of the
    dead and wounded and those it is coordinated with ("were killed and nine wounded in the raids")."""
    if noun.dep_ != "pobj":
        return [noun.head]
    verb = noun.head.head
    return [verb, *verb.conjuncts]


def carrier(span: Span, events: list[dict], starts: list[int]) -> dict | None:
    """The force event a stray casualty figure belongs to: the last one before it, at most two
    sentences back, unless the figure's sentence is dated before it ("In 2022, 300 were killed")."""
    sentence = bisect_right(starts, span.start) - 1
    before = [e for e in events if e["trigger_i"] < span.start and sentence - e["sentence"] <= _CARRY_SENTENCES]
    if not before:
        return None
    event = max(before, key=lambda e: e["trigger_i"])
    return None if _dated_before(span.sent, event.get("date")) else event


def _dated_before(sentence: Span, date: dict | None) -> bool:
    if not date or not date.get("start"):
        return False
    for span in sentence.doc.spans.get(TIMES, []):
        if sentence.start <= span.start < sentence.end and not place_rules.in_dateline(span):
            own = as_event_date(span.text, span._.sitrep_time or {}, "") or {}
            last = own.get("end") or own.get("start")
            if last and last < date["start"]:
                return True
    return False


def weapons_for(doc: Doc, heads: list[Token]) -> list[tuple[str, Weapon]]:
    """Weapon phrases among the given noun heads and their "of" objects ("boatloads of shells")."""
    lexicon = weapons()
    found = []
    for head in heads:
        for noun in (head, *(o for p in head.children if p.lower_ in _MEASURE_PREPS for o in p.children if o.dep_ == "pobj")):
            weapon = weapon_at(noun, lexicon)
            if weapon:
                found.append(weapon)
    return found


def weapon_at(noun: Token, lexicon: dict[str, Weapon] | None = None) -> tuple[str, Weapon] | None:
    lexicon = lexicon or weapons()
    start = min((t.i for c in noun.lefts if c.dep_ == "compound" for t in c.subtree), default=noun.i)
    phrase = noun.doc[start : noun.i + 1]
    lemmas = [t.lemma_.lower() for t in phrase]
    for k in range(len(lemmas)):
        key = " ".join(lemmas[k:])
        if key in lexicon:
            return phrase.text, lexicon[key]
    return None


def location_for(doc: Doc, trigger: int, triggers: set[int]) -> dict | None:
    """The most exact place under the trigger that has coordinates, the first of equals: "in
    the Donetsk region of Ukraine" is the region, "in Bakhmut and Soledar" Bakhmut. A dateline
    names where the report was filed, which for war news is often far from the event ("KYIV -
    Russian missiles struck Dnipro"), so it places nothing; nor does a place in a clause telling
    of another thing ("rejected the award that judges in The Hague handed down")."""
    places = [dict(span._.sitrep_place or {}, text=span.text) for span in doc.spans.get(PLACES, [])
              if owner(span.root, triggers) == trigger and not _dateline_place(span)
              and not _in_clause_of_another(span.root, doc[trigger])]
    if not places:
        return None
    place = min(places, key=_exactness)
    return {
        "name": place.get("name") or place["text"], "geonameid": place.get("geonameid"),
        "lat": place.get("lat"), "lon": place.get("lon"), "country": place.get("country"),
        "precision": _PLACE_PRECISION.get(place.get("feature"), "point"),
        "reason": f"{place.get('reason') or 'place'} under trigger",
    }


def _dateline_place(span: Span) -> bool:
    return (span._.sitrep_place or {}).get("reason") == place_rules.DATELINE or place_rules.in_dateline(span)


def _exactness(place: dict) -> tuple[bool, int]:
    return place.get("lat") is None, _PRECISION_ORDER.index(_PLACE_PRECISION.get(place.get("feature"), "point"))


def date_for(doc: Doc, trigger: Token, triggers: set[int], stops: set[int]) -> dict | None:
    """The time expression governing the trigger, not crossing a reporting verb above it; a
    dateline's date is when the report was filed, not when the event happened."""
    for span, reason in governing_times(doc, trigger, triggers, stops):
        date = as_event_date(span.text, span._.sitrep_time or {}, reason)
        if date:
            return _to_publication(date, doc) if _opens_period(span.root, trigger) else date
    return None


def _opens_period(root: Token, trigger: Token) -> bool:
    """Whether the time starts a period that runs to the time of writing: "have fled since
    Friday", "have clashed since China seized it in 2012"."""
    if root.dep_ == "pobj" and root.head.lower_ == _PERIOD_START:
        return True
    return any(child.dep_ == "mark" and child.lower_ == _PERIOD_START
               for current in _up_to(root, trigger) for child in current.children)


def _to_publication(date: dict, doc: Doc) -> dict:
    """The period from the date's first day to publication, as an ISO 8601 interval."""
    published = published_date(doc)
    if published is None or not date["start"] or published.isoformat() < date["start"]:
        return date
    end = published.isoformat()
    return {**date, "value": f"{date['value']}/{end}", "end": end, "reason": f"{date['reason']}, to publication (since)"}


def governing_times(doc: Doc, trigger: Token, triggers: set[int], stops: set[int]) -> list[tuple[Span, str]]:
    """The times that may date the trigger, best first, each with how it reaches the trigger:
    those under it, then those of the clauses above it, nearest first."""
    times = [span for span in doc.spans.get(TIMES, []) if not place_rules.in_dateline(span)]
    under = [(span, "time under trigger") for span in times
             if owner(span.root, triggers | stops) == trigger.i and _dates_events(span, trigger)]
    above = [(steps, span) for span in times if span.sent.start == trigger.sent.start
             and (steps := _steps_up(trigger, span.root, stops)) is not None and _dates_events(span, trigger)]
    return under + [(span, "time of the trigger's clause") for _, span in sorted(above, key=lambda pair: pair[0])]


def _dates_events(span: Span, trigger: Token) -> bool:
    """Whether a time can date the event: not the end of a period ("would suspend talks until
    2028"), not what describes a noun other than the trigger ("refused to recognise the October
    election results"), not the period of a count ("a protest, the 60th this year"), and not
    inside a clause telling of another thing."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in _PERIOD_ENDS or _counts_occurrences(span):
        return False
    if root.dep_ in _NOUN_MODIFIERS and root.head.i != trigger.i:
        return False
    return not _in_clause_of_another(root, trigger)


def _counts_occurrences(span: Span) -> bool:
    """Whether the time follows an ordinal ("the 60th this year", "the third time this week"):
    the period in which things are counted, not when this one happened."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lemma_ == "time" and before.i > 0:
        before = span.doc[before.i - 1]
    return before is not None and before.ent_type_ == "ORDINAL"


def _in_clause_of_another(token: Token, trigger: Token) -> bool:
    """Whether the token sits, below the trigger, in a clause on a noun that tells of another
    thing than the event ("Zourabichvili, whose term ends this month", "the award that judges in
    The Hague handed down"; but "the attack, which came on Monday")."""
    return any(current.dep_ in _NOUN_CLAUSES and current.head.i != trigger.i and _tells_of_another(current)
               for current in _up_to(token, trigger))


def _up_to(token: Token, trigger: Token, limit: int = 40) -> Iterator[Token]:
    """The token and its heads, up to (not including) the trigger or the sentence root."""
    current = token
    for _ in range(limit):
        if current.i == trigger.i or current.head.i == current.i:
            return
        yield current
        current = current.head


def _tells_of_another(clause: Token) -> bool:
    """Whether a clause on a noun tells of something other than what the noun names as an
    event: the noun is an actor, or the clause has a subject of its own ("the ruling that a
    tribunal issued in 2016")."""
    noun = clause.head
    if any(span.start <= noun.i < span.end for span in noun.doc.spans.get(ACTORS, [])):
        return True
    return any(child.dep_ in _SUBJECTS_OF_CLAUSE and child.tag_ not in _RELATIVE_PRONOUNS for child in clause.children)


def _steps_up(trigger: Token, time_root: Token, stops: set[int]) -> int | None:
    """How many heads up from the trigger the verb the time hangs on is ("talks ... collapsed
    in December"), None when a reporting verb lies between or the time hangs elsewhere; an event
    told in a clause on a noun ("fighting that killed 4,000") keeps to its own clause. The
    nearest time wins: in "traded accusations on Tuesday, a day after air strikes killed 11",
    the strikes are dated by "a day after", not by Tuesday."""
    verb = time_root.head.head if time_root.dep_ == "pobj" else time_root.head
    current = trigger
    for steps in range(40):
        if verb.i == current.i or time_root.i == current.i:
            return steps
        if current.head.i == current.i or current.head.i in stops or current.dep_ in _NOUN_CLAUSES:
            return None
        current = current.head
    return None


def as_event_date(text: str, time: dict, reason: str) -> dict | None:
    """An EventDate dict from a time annotation; durations count only through their anchor."""
    if time.get("type") == "DURATION":
        anchor = time.get("anchor")
        if not anchor:
            return None
        first, last, precision = anchor_range(anchor)
        counted = f'"{time["anchor_from"]}"' if time.get("anchor_from") else "publication"
        return {"text": text, "value": anchor, "start": first, "end": last, "precision": precision,
                "reason": f"{reason}: {time.get('value')} counted from {counted} ({time.get('reason')})"}
    if not time.get("value") or time.get("type") not in {"DATE", "TIME"} or not time.get("first_day"):
        return None
    return {"text": text, "value": time["value"], "start": time.get("first_day"), "end": time.get("last_day"),
            "precision": time.get("precision", "unknown"), "reason": f"{reason} ({time.get('reason')})"}


def anchor_range(value: str) -> tuple[str | None, str | None, str]:
    """First and last day of a YYYY, YYYY-MM or YYYY-MM-DD value."""
    parts = value.split("-")
    if len(parts) == 3:
        return value, value, "day"
    if len(parts) == 2 and parts[1].isdigit():
        year, month = int(parts[0]), int(parts[1])
        return f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]:02d}", "month"
    if len(parts) == 1 and parts[0].isdigit():
        return f"{value}-01-01", f"{value}-12-31", "year"
    return None, None, "unknown"


def claim_targets(claim: dict, events: list[dict], doc: Doc) -> list[int]:
    """Indexes of the events a claim vouches for: those inside what it claims, or whose figure
    or later mention it gives from a sentence of its own ("He said 43 people had been wounded",
    "The strike hit a school, said Ko Thura")."""
    start, end = claim["content_start"], claim["content_end"]
    inside = [k for k, e in enumerate(events) if start <= e["trigger_start"] < end
              or any(start <= q["start"] < end for q in e["quantities"] if q.get("reason"))
              or any(start <= m["start"] < end for m in e["also"])]
    if inside:
        return inside
    head = doc[claim["content_head"]] if claim.get("content_head") is not None else None
    if head is None or head.lemma_.lower() not in _ANAPHORIC_CONTENT:
        return []
    earlier = [k for k, e in enumerate(events) if e["sentence"] < claim["sentence"]]
    if not earlier:
        return []
    last = max(events[k]["sentence"] for k in earlier)
    return [k for k in earlier if events[k]["sentence"] == last and claim["sentence"] - last <= 2]


def claim_date(doc: Doc, claim: dict) -> dict | None:
    """When the claim was made: the time on the cue or on a verb above it, never a verb of what
    is claimed ("X struck Y on Thursday, according to Z": Thursday dates the strike)."""
    cue = current = doc[claim["cue_i"]]
    for _ in range(10):
        if current is not cue and claim["content_start"] <= current.idx < claim["content_end"]:
            return None
        for span in doc.spans.get(TIMES, []):
            if span.root.head.i == current.i and span.sent.start == cue.sent.start:
                date = as_event_date(span.text, span._.sitrep_time or {}, "time of the reporting clause")
                if date:
                    return date
        if current.head.i == current.i:
            return None
        current = current.head
    return None
