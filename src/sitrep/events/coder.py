"""The `sitrep_events` component: triggers → roles → CAMEO/PLOVER/ACLED events with evidence.

For every token whose lemma a trigger pattern names, the pattern's constraints are checked on
the parse (object words, weapon objects, particles, xcomps); the first pattern that holds
codes the event. Roles come from `roles`, figures/places/dates/claims from `attach`, and
repeated mentions of one happening fold together in `merge`.
Docs: docs/events.md
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sitrep.events import attach, constraints, ontology
from sitrep.events import modality as modality_cues
from sitrep.events import patterns as pattern_data
from sitrep.events.merge import codes, dates_meet, fold, merge_mentions
from sitrep.events.patterns import TriggerPattern, is_attack
from sitrep.events.responses import answer_targets
from sitrep.events.roles import ActorIndex, Roles, noun_roles, prep_objects, reported_clause, verb_roles
from sitrep.events.story_time import date_from_story
from sitrep.geo import rules as place_rules
from sitrep.nlp.extensions import actor_key

_POS = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}
_STANCE_MODALITY = {"deny": "denied", "claim": "reported", "dispute": "reported", "confirm": "reported"}
_DOMESTIC_SECTORS = {"COP", "GOV", "JUD", "LEG"}
_UNIDENTIFIED = "UAF"  # an armed force no one names; a named one, even without a code, is identified
_GATHERING_PREPS = ("in", "at", "outside", "near", "across", "throughout", "around", "through")
_OWNER_DEPS = {"amod", "compound", "poss", "nmod"}  # "the French base", "Russia's embassy"
_PEOPLE_KINDS = {kind: "people" for kind in ("dead", "injured", "arrested", "displaced", "missing")}
_FOLLOWUP = "followup.definite_noun"  # evidence of a later mention folded into its attack
_CONSEQUENCE = "consequence.of_attack"  # evidence of force folded into the attack it tells more of
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")


@dataclass
class Match:
    start: int
    end: int
    token: Token
    pattern: TriggerPattern
    roles: Roles
    absorbed: Match | None = None


class EventCoder:
    """Codes events into `doc._.sitrep_events` (a list of plain dicts)."""

    def __init__(self, nlp: Language, name: str = "sitrep_events", triggers: str | None = None) -> None:
        self.name = name
        self.patterns = pattern_data.triggers(Path(triggers)) if triggers else pattern_data.triggers()
        self.index: dict[tuple[str, str], list[tuple[tuple[str, ...], TriggerPattern]]] = {}
        for pattern in sorted(self.patterns, key=lambda p: -p.specificity):
            for lemma in pattern.lemmas:
                *before, last = lemma.lower().split()
                self.index.setdefault((pattern.pos, last), []).append((tuple(before), pattern))
        # nouns that name a fight on their own; "the clashes" refers back to one even where
        # "clashes" alone codes none (`requires_actor_modifier`)
        attack_nouns = _force_nouns(self.patterns, lambda p: p.specificity == 0)
        self.attack_nouns = np.array(sorted(nlp.vocab.strings.add(lemma) for lemma in attack_nouns), dtype=np.uint64)
        self.patient_nouns = _force_nouns(self.patterns, lambda p: p.of_role == "target")

    def __call__(self, doc: Doc) -> Doc:
        actors = ActorIndex(doc, self.patient_nouns)
        matches = self._matches(doc, actors)
        triggers = {m.token.i for m in matches}
        stops = actors.cues - triggers
        sentence_starts = [s.start for s in doc.sents]
        events = [e for m in matches if (e := self._event(doc, m, actors, triggers, sentence_starts))]
        coded = {e["trigger_i"] for e in events}
        _place_and_date(doc, events, coded, stops)
        _inherit_from_linked(doc, events, stops)
        _fold_consequences(doc, events, stops)
        later = attach.followups(doc, self.attack_nouns)
        attacks = {m.token.i for m in matches if m.pattern.is_attack}
        _carry_casualties(doc, events, coded, attacks, sentence_starts, {noun.i for noun in later})
        _carry_followups(doc, events, later, stops, sentence_starts)
        date_from_story(doc, events, triggers, stops)
        answer_targets(doc, events, actors)
        _attach_claims(doc, events, actors)
        doc._.sitrep_events = [_finish(e) for e in merge_mentions(events)]
        return doc

    def _matches(self, doc: Doc, actors: ActorIndex) -> list[Match]:
        found, consumed = [], set()
        for token in doc:
            match = self._match_token(token, actors)
            if match is not None:
                found.append(match)
                consumed.update(c.i for c in token.children if c.dep_ == "xcomp" and match.pattern.xcomp)
        return _drop_contents(_fold_objects([m for m in found if m.token.i not in consumed]))

    def _match_token(self, token: Token, actors: ActorIndex) -> Match | None:
        pos = _POS.get(token.pos_)
        for key in {token.lemma_.lower(), token.lower_}:
            for before, pattern in self.index.get((pos, key), []) if pos else []:
                start = token.i - len(before)
                if start < 0 or tuple(t.lemma_.lower() for t in token.doc[start : token.i]) != before and tuple(
                        t.lower_ for t in token.doc[start : token.i]) != before:
                    continue
                if not constraints.holds_on_parse(token, pattern, actors):
                    continue
                roles = noun_roles(token, pattern, actors) if pos == "NOUN" else verb_roles(token, pattern, actors)
                if constraints.roles_fit(pattern, roles):
                    return Match(start, token.i + 1, token, pattern, roles)
        return None

    def _event(self, doc: Doc, match: Match, actors: ActorIndex, triggers: set[int], starts: list[int]) -> dict | None:
        token, pattern, roles = match.token, match.pattern, match.roles
        cameo, evidence = _absorb(match)
        _theme_as_source(pattern, roles, actors)
        _place_as_source(pattern, token, roles, actors)
        reciprocal = _reciprocal(pattern.reciprocal or bool(match.absorbed and match.absorbed.pattern.reciprocal), roles)
        roles.target = constraints.kept_targets(pattern, roles)
        if not (roles.source or roles.target):
            return None
        heads = [h for h in (roles.theme, *constraints.objects(token)) if h is not None]
        mood, mood_cue = modality_cues.modality(token)
        negated = modality_cues.is_negated(token)
        cameo, recoded = _recode(cameo, pattern, mood, negated)
        trigger = doc[match.start : match.end]
        quantities = [_quantity(s) for s in attach.quantities_for(doc, token.i, triggers)]
        weapons = attach.weapons_for(doc, heads)
        return {
            "trigger_text": trigger.text, "trigger_start": trigger.start_char, "trigger_end": trigger.end_char,
            "trigger_i": token.i, "sentence": bisect_right(starts, token.i) - 1,
            "cameo": cameo, "pattern": pattern.id,
            "source": [_participant(a, roles, "source", pattern) for a in roles.source],
            "target": _domestic([_participant(a, roles, "target", pattern) for a in roles.target], roles.source),
            "reciprocal": reciprocal, "negated": negated,
            "modality": mood, "hedged": modality_cues.is_hedged(token) or any(q["approx"] for q in quantities),
            "quantities": quantities,
            "weapons": _unique(text for text, _ in weapons),
            "weapon_kinds": _unique(w.kind for _, w in weapons),
            "location": None,
            "date": None,
            "claims": [],
            "evidence": " ".join([*evidence, *roles.relations, *([mood_cue] if mood_cue else []), *recoded]),
            "confidence": _confidence(pattern, roles),
            "also": [],
        }


def _force_nouns(patterns: Iterable[TriggerPattern], keep: Callable[[TriggerPattern], bool]) -> frozenset[str]:
    """Single-word nouns of the force patterns (CAMEO 18-20) that `keep` accepts."""
    return frozenset(lemma for p in patterns if p.pos == "NOUN" and p.is_attack and keep(p)
                     for lemma in p.lemmas if " " not in lemma)


def _place_and_date(doc: Doc, events: list[dict], coded: set[int], stops: set[int]) -> None:
    """Each event's own place and date. A trigger that codes no event owns none: in "killed 45
    in an assault on villages south of El Obeid", the assault has no actors of its own, so its
    place is the killing's."""
    for event in events:
        trigger = doc[event["trigger_i"]]
        event["location"] = attach.location_for(doc, trigger.i, coded)
        event["date"] = attach.date_for(doc, trigger, coded, stops)
    _share_coordinated_dates(doc, events)


def _share_coordinated_dates(doc: Doc, events: list[dict]) -> None:
    """An undated verb coordinated with a dated one in the same tense happened then too:
    "summoned the ambassador on Thursday and lodged a protest" (not "attacked on Monday and is
    preparing an offensive")."""
    by_trigger = {event["trigger_i"]: event for event in events}
    for event in events:
        trigger = doc[event["trigger_i"]]
        first = by_trigger.get(trigger.head.i) if trigger.dep_ == "conj" and trigger.tag_ == trigger.head.tag_ else None
        if event["date"] is None and first is not None and first["date"] is not None:
            reason = f"{first['date']['reason']}, shared with the coordinated event ({first['trigger_text']})"
            event["date"] = {**first["date"], "reason": reason}


def _inherit_from_linked(doc: Doc, events: list[dict], stops: set[int]) -> None:
    """Force with no place or date of its own takes those of the force it is linked to in the
    parse: the event it hangs on ("Russia hit Kharkiv overnight, killing five"), the event that
    is its subject ("a missile strike on Kryvyi Rih killed 20") or, for a noun, the participle
    the small model hangs on it ("air strikes killed 25 on Thursday"). Only material conflict
    on both sides, never across a reporting verb."""
    by_trigger = {event["trigger_i"]: event for event in events}
    triggers = set(by_trigger)
    for event in events:
        if not _is_force(event) or (event["location"] is not None and event["date"] is not None):
            continue
        donors = [by_trigger[k] for k in _linked(doc[event["trigger_i"]], triggers, stops)]
        for field in ("location", "date"):
            donor = next((d for d in donors if d[field] is not None and _is_force(d)), None)
            if event[field] is None and donor is not None:
                reason = f"{donor[field]['reason']}, from the linked event ({donor['trigger_text']})"
                event[field] = {**donor[field], "reason": reason}


def _fold_consequences(doc: Doc, events: list[dict], stops: set[int]) -> None:
    """"Russian missiles struck Dnipro, killing 12 and wounding 40": the killing and wounding
    are what the strike did, not more attacks, as "Israeli strikes hit Gaza" is one attack told
    by a noun and a verb. Such force folds into the attack it tells more of, when the attacker
    is the same: the attack keeps its code and gains the figures, victims and claims. An act
    of another kind stays its own event ("dispersed the crowd, detaining 293": an arrest)."""
    home = {event["trigger_i"]: event for event in events}
    triggers = set(home)
    for event in list(events):
        if not is_attack(event["cameo"]):
            continue
        attack = home.get(_attack_of(doc[event["trigger_i"]], triggers, stops))
        if attack is None or attack is event or not _is_force(attack) or not codes(event, "source") <= codes(attack, "source"):
            continue
        event["evidence"] = f"{_CONSEQUENCE} {event['evidence']}"
        attack["target"].extend(t for t in event["target"] if t["code"] not in codes(attack, "target"))
        fold(attack, event, recode=False)
        events.remove(event)
        home[event["trigger_i"]] = attack


def _attack_of(token: Token, triggers: set[int], stops: set[int]) -> int | None:
    """The trigger of the attack a force trigger tells more of: its subject, when that is an
    attack ("strikes hit Gaza"), or, for a participle with no subject ("..., killing 12"; the
    small model also hangs "killed" on "air strikes"), the trigger it hangs on. Past a
    reporting verb ("Drones hit a depot, officials said, wounding two"), the reported clause's."""
    subjects = [child for child in token.children if child.dep_ in _SUBJECTS]
    if subjects:
        return subjects[0].i if subjects[0].i in triggers else None
    if token.tag_ != "VBG" and not (token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN")):
        return None
    above = attach.governing_trigger(token, triggers, stops)
    if above is None and token.dep_ == "advcl" and token.head.i in stops:
        reported = reported_clause(token.head)
        above = reported.i if reported is not None else None
    return above


def _linked(token: Token, triggers: set[int], stops: set[int]) -> list[int]:
    above = attach.governing_trigger(token, triggers, stops)
    below = [c.i for c in token.children if c.i in triggers
             and (c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "acl" and token.pos_ in ("NOUN", "PROPN")))]
    return ([above] if above is not None else []) + below


def _carry_casualties(doc: Doc, events: list[dict], coded: set[int], attacks: set[int], starts: list[int],
                      followups: set[int]) -> None:
    """The dead and wounded counted where no event is coded ("At least 12 people were killed,
    the governor said") go to the attack before them, with the reason, so the strike keeps the
    figure and its source. `coded` holds every coded trigger, also those folded away."""
    force = [e for e in events if _is_force(e)]
    for span in attach.stray_casualties(doc, coded, attacks, followups):
        event = attach.carrier(span, force, starts)
        if event is not None:
            reason = f"figure in a sentence with no event of its own, from the attack before it ({event['trigger_text']})"
            event["quantities"].append({**_quantity(span), "reason": reason})


def _carry_followups(doc: Doc, events: list[dict], later: list[Token], stops: set[int], starts: list[int]) -> None:
    """"A Myanmar air strike killed 30 people, residents said. The strike hit a school early on
    Friday": the second sentence names no attacker, so it is a later mention of the attack told
    before. Its date, place and figures become the attack's, and a claim about it vouches for
    the attack too. A definite attack with an attacker of its own is left alone."""
    force = [e for e in events if _is_force(e)]
    by_trigger = {e["trigger_i"]: e for e in events}
    coded = set(by_trigger)
    for noun in later:
        clauses = attach.told_by(noun)
        own = [by_trigger[k] for k in (noun.i, *(c.i for c in clauses)) if k in by_trigger]
        first = min((noun.i, *(mention["trigger_i"] for mention in own)))
        event = attach.carrier(doc[first : first + 1], force, starts)
        if event is None or any(mention is event or mention["source"] for mention in own):
            continue
        for mention in own or [_followup_mention(doc, noun, clauses[0], coded, stops, starts)]:
            if not dates_meet(mention["date"], event["date"]):
                continue
            mention["evidence"] = f"{_FOLLOWUP} {mention['evidence']}".strip()
            for field in ("date", "location"):
                if event[field] is None and mention[field] is not None:
                    reason = f"{mention[field]['reason']}, from a later mention ({noun.text} {noun.head.text})"
                    mention[field] = {**mention[field], "reason": reason}
            fold(event, mention)
            if mention in events:
                events.remove(mention)
                force.remove(mention)


def _followup_mention(doc: Doc, noun: Token, clause: Token, coded: set[int], stops: set[int], starts: list[int]) -> dict:
    """What an uncoded clause opened by an attack noun says: its date and place."""
    return {
        "trigger_text": noun.text, "trigger_start": noun.idx, "trigger_end": noun.idx + len(noun.text),
        "sentence": bisect_right(starts, noun.i) - 1, "evidence": "",
        "cameo": "", "quantities": [], "weapons": [], "claims": [], "modality": "", "hedged": False, "confidence": 0.0,
        "date": attach.date_for(doc, clause, coded | {clause.i}, stops),
        "location": attach.location_for(doc, clause.i, coded | {clause.i}),
    }


def _is_force(event: dict) -> bool:
    return ontology.cameo(event["cameo"]).quad_class == 4


def _recode(cameo: str, pattern: TriggerPattern, mood: str, negated: bool) -> tuple[str, list[str]]:
    """Announced cooperation is an intent (03x), announced force a threat (13x), as the
    codebook has it; the pattern's own `intent_cameo` wins over the general table."""
    if negated:
        return cameo, []
    if pattern.intent_cameo and mood in {"future", "intended", "hypothetical"}:
        return pattern.intent_cameo, [f"{pattern.id}.intent"]
    for rule in pattern_data.recodes():
        if mood in rule.when and any(cameo.startswith(prefix) for prefix in rule.source):
            return rule.to, [rule.id]
    return cameo, []


def _governing_verb(noun: Token) -> int | None:
    """The verb a noun is the object, passive subject, agent or instrument of."""
    if noun.dep_ in {"dobj", "nsubjpass"}:
        return noun.head.i
    if noun.dep_ == "pobj" and noun.head.lower_ in {"by", "with"} and noun.head.dep_ in {"agent", "prep"}:
        return noun.head.head.i
    return None


def _fold_objects(matches: list[Match]) -> list[Match]:
    """A trigger noun that is the object, agent or instrument of a trigger verb ("signed a
    pact", "was hit by a barrage") is one event with it."""
    verbs = {m.token.i: m for m in matches if m.pattern.pos == "VERB"}
    kept = []
    for match in matches:
        verb = verbs.get(_governing_verb(match.token))
        if match.pattern.pos == "NOUN" and verb is not None and verb.absorbed is None:
            verb.absorbed = match
        else:
            kept.append(match)
    return kept


def _drop_contents(matches: list[Match]) -> list[Match]:
    """What a verbal act is about is not an event of its own: "demanded that the US cancel the
    sale", "accused Russia of shelling", "promised to send troops" are one demand, one
    accusation, one promise (CAMEO codes the verbal act)."""
    verbal = {m.token.i for m in matches if ontology.is_verbal(m.pattern.cameo)}
    triggers = {m.token.i for m in matches}
    kept = []
    for match in matches:
        first = _first_conjunct(match.token)
        governor = attach.owner(first.head, triggers) if first.head.i != first.i else None
        if governor is None or governor not in verbal:
            kept.append(match)
    return kept


def _first_conjunct(token: Token) -> Token:
    """A conjunct shares the place of the first one: "urged talks, and Washington imposed
    sanctions" are two acts, "demanded that the US cancel the sale and withdraw" one demand."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _absorb(match: Match) -> tuple[str, list[str]]:
    """The code and pattern ids of a verb trigger together with the trigger noun it governs.

    The noun's roles fill what the verb lacks; its code wins when its pattern is narrowed by
    a modifier ("signed a defense pact"), unless the verb's own pattern is a phrasal one
    ("called off the general strike").
    """
    noun = match.absorbed
    if noun is None:
        return match.pattern.cameo, [match.pattern.id]
    for role in ("source", "target"):
        if not getattr(match.roles, role):
            match.roles.add(role, getattr(noun.roles, role), f"object.{role}")
    verb_is_specific = bool(match.pattern.particle_or_prep or match.pattern.xcomp)
    cameo = noun.pattern.cameo if noun.pattern.modifier and not verb_is_specific else match.pattern.cameo
    return cameo, [match.pattern.id, noun.pattern.id]


def _theme_as_source(pattern: TriggerPattern, roles: Roles, actors: ActorIndex) -> None:
    """Troops sent somewhere act for their own country when no one else is named as sender."""
    if pattern.theme_as_source and not roles.source and roles.theme is not None:
        roles.add("source", [a for a in actors.of_phrase(roles.theme) if a._.sitrep_actor["code"]], "theme")


def _place_as_source(pattern: TriggerPattern, token: Token, roles: Roles, actors: ActorIndex) -> None:
    """Protesters or bombers no one names act for the place they act in, with the pattern's
    sector: "thousands blocked streets in Hong Kong" → Hong Kong's civilians (CVL); "a roadside
    bomb near Samarra killed" → an unidentified armed force (UAF) in Iraq."""
    if not pattern.place_as_source or any(a._.sitrep_actor["code"] for a in roles.source):
        return
    if pattern.place_as_source == _UNIDENTIFIED and roles.source:
        return
    heads = (token, modality_cues.clause_head(token), *constraints.objects(token), *constraints.subjects(token))
    for head in dict.fromkeys(heads):
        for prep, obj in prep_objects(head, _GATHERING_PREPS):
            places = _places_named(obj, actors)
            if places:
                roles.add("source", places, f"place.{prep}")
                return


def _places_named(obj: Token, actors: ActorIndex) -> list[Span]:
    """The places a phrase of gathering names, the town its building stands in first. The
    owner of a building is no place ("rallied outside the French military base" is not
    France's); the country of a town is ("outside the Iraqi city of Basra")."""
    inner = [place for _, inner in prep_objects(obj, _GATHERING_PREPS) for place in _places_named(inner, actors)]
    return inner or [a for a in actors.of_phrase(obj) if a._.sitrep_actor["kind"] in {"place", "country"}
                     and not _owner_of(a, obj)]


def _owner_of(actor: Span, obj: Token) -> bool:
    root = actor.root
    return (root.head.i == obj.i and root.dep_ in _OWNER_DEPS
            and place_rules.packaged_cues().get("place_noun", obj.lower_) is None)


def _domestic(targets: list[dict], sources: list[Span]) -> list[dict]:
    """People a state's police, courts or government act on without a nationality of their own
    ("Egyptian police dispersed demonstrators") are that state's: the participant keeps no code
    but gets the country, with `domestic` in its evidence."""
    state = next((_country(a) for a in sources if _country(a) and a._.sitrep_actor["sector"] in _DOMESTIC_SECTORS), None)
    if state is None:
        return targets
    for target in targets:
        if target["code"] is None and target["country"] is None:
            target["country"] = state
            target["evidence"] = f"{target['evidence']}+domestic"
    return targets


def _country(actor: Span) -> str | None:
    return actor._.sitrep_actor["country"] or actor._.sitrep_actor["code"]


def _reciprocal(mutual: bool, roles: Roles) -> bool:
    """Mutual acts (pacts, talks) by parties named together ("Russia and North Korea signed",
    "a Russia-North Korea pact") list every party, once per country, as both source and
    target; "X held talks with Y" stays directed. A town where the parties met is no party
    ("Azerbaijan and Armenia signed a pact in Washington")."""
    sources = {_country(a) for a in roles.source}
    if mutual and len(sources) > 1:
        roles.target = [a for a in roles.target if a._.sitrep_actor["kind"] != "place"]
        if not roles.target:
            roles.relations = [r for r in roles.relations if not r.startswith("target:")]
    targets = {_country(a) for a in roles.target}
    if not mutual or (sources and targets and not sources & targets):
        return False
    parties = list({_country(a): a for a in reversed(roles.source + roles.target)}.values())[::-1]
    if len(parties) < 2:
        return False
    roles.source, roles.target = parties, list(parties)
    return True


def _participant(actor: Span, roles: Roles, role: str, pattern: TriggerPattern) -> dict:
    data = actor._.sitrep_actor
    relation = roles.relation(role, actor)
    placed = data["kind"] in {"place", "country"} and (relation or "").startswith("place.")
    sector = pattern.place_as_source if placed else data["sector"]
    return {"actor": actor_key(actor), "code": data["code"], "sector": sector,
            "country": data.get("country"), "evidence": relation}


def _quantity(span: Span) -> dict:
    data = span._.sitrep_quantity or {}
    return {"value": data.get("value"), "approx": bool(data.get("approx")), "unit": data.get("unit"),
            "kind": data.get("kind"), "text": span.text, "start": span.start_char, "end": span.end_char,
            "low": data.get("low"), "high": data.get("high"), "claimant": None, "reason": None}


def _unique(items) -> list:
    return list(dict.fromkeys(items))


def _confidence(pattern: TriggerPattern, roles: Roles) -> float:
    score = 0.4 + 0.25 * bool(roles.source) + 0.25 * bool(roles.target)
    return round(min(1.0, score + (0.1 if pattern.specificity else 0.0)), 2)


def _attach_claims(doc: Doc, events: list[dict], actors: ActorIndex) -> None:
    """Each claim vouches for the events it tells; each figure belongs to the narrowest claim
    that holds it, even one telling no event of its own ("the rebels said they had lost only
    five fighters", a figure carried to the attack)."""
    vouched: list[tuple[int, str | None, dict]] = []
    text = doc.text
    for claim in doc._.sitrep_claims or []:
        targets = attach.claim_targets(claim, events, doc)
        date = attach.claim_date(doc, claim) if targets else None
        for claimant in claim.get("claimants") or [{}]:
            record = _claim_record(text, claim, claimant, actors, date)
            for k in targets:
                _add_claim(events[k], record, claim)
            vouched.extend((k, record["claimant"], claim) for k in _holding_figures(events, claim, targets))
    for k, claimant, claim in sorted(vouched, key=lambda v: v[2]["content_end"] - v[2]["content_start"]):
        _attribute_figures(events[k], claimant, claim)


def _holding_figures(events: list[dict], claim: dict, targets: list[int]) -> list[int]:
    """The events the claim tells, and those holding a figure inside what it says."""
    inside = [k for k, event in enumerate(events) if k not in targets and any(
        claim["content_start"] <= q["start"] < claim["content_end"] for q in event["quantities"])]
    return [*targets, *inside]


def _claim_record(text: str, claim: dict, claimant: dict, actors: ActorIndex, date: dict | None) -> dict:
    actor = actors.by_token.get(claimant.get("head", -1))
    data = actor._.sitrep_actor if actor is not None else {}
    via = claim.get("via")
    reporter = actors.by_token.get(via["head"]) if via else None
    return {
        "claimant": actor_key(actor) if actor is not None else None,
        "claimant_text": text[claimant["start"]:claimant["end"]] if claimant else None,
        "code": data.get("code"), "sector": data.get("sector"),
        "cue": claim["cue"], "stance": claim["stance"], "date": date, "sentence": claim["sentence"],
        "via": actor_key(reporter) if reporter is not None else None,
        "via_text": text[via["start"]:via["end"]] if via else None,
    }


def _add_claim(event: dict, record: dict, claim: dict) -> None:
    """One claim per claimant and event; a confirmation outranks a plain claim."""
    same = next((c for c in event["claims"] if c["claimant"] == record["claimant"] and record["claimant"]), None)
    if same is None:
        event["claims"].append(record)
    elif same["stance"] == "claim" and record["stance"] != "claim":
        same.update(stance=record["stance"], cue=record["cue"], date=record["date"] or same["date"])
    inside = claim["content_start"] <= event["trigger_start"] < claim["content_end"]
    if inside and event["modality"] == "asserted":
        event["modality"] = _STANCE_MODALITY[claim["stance"]]


def _attribute_figures(event: dict, claimant: str | None, claim: dict) -> None:
    """A figure inside what someone said is that claimant's figure (callers go from the
    narrowest claim to the widest, so nested reports keep their own speaker)."""
    for quantity in event["quantities"]:
        if quantity.get("claimant") is None and claim["content_start"] <= quantity["start"] < claim["content_end"]:
            quantity["claimant"] = claimant


def _summary(quantities: list[dict]) -> list[dict]:
    """Per kind and unit, the lowest figure given: the conservative reading when sources disagree.
    The dead, injured, arrested, displaced and missing are people unless the text counts a
    narrower group, so "dozens wounded" and "43 people wounded" are two readings of one toll."""
    best: dict[tuple, dict] = {}
    for quantity in quantities:
        value = quantity["value"] if quantity["value"] is not None else quantity.get("low")
        if value is None:
            continue
        key = (quantity.get("kind"), quantity.get("unit") or _PEOPLE_KINDS.get(quantity.get("kind")))
        current = best.get(key)
        if current is None or value < (current["value"] if current["value"] is not None else current["low"]):
            best[key] = quantity
    return list(best.values())


def _finish(event: dict) -> dict:
    """Add the ontology's views of the final CAMEO code."""
    code = ontology.cameo(event["cameo"])
    target_sectors = [p["sector"] for p in event["target"] if p["sector"]]
    weapon = next((k for k in event.pop("weapon_kinds") if k in ontology.WEAPONS), None)
    event.update(
        cameo_name=code.name, goldstein=code.goldstein, quad_class=code.quad_class, summary=_summary(event["quantities"]),
        plover=ontology.plover(event["cameo"]),
        acled=ontology.acled(event["cameo"], weapon=weapon, target_sector=target_sectors[0] if target_sectors else None),
    )
    return event
