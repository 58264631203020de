"""Whether a trigger pattern's constraints hold on the parse around a token.

Each constraint names a part of the parse: the object (its lemma, a compound + head, an
"of"/"in" phrase, or words and prepositional phrases it must not have), the subject's head word, an infinitive (xcomp) or
clause (ccomp) complement, the infinitive's object and the clause's modal ("declared that X
*must*"), a particle, a prepositional object (a noun or a gerund), a modifier of a noun.
Docs: docs/events.md
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.events import attach
from sitrep.events.patterns import TriggerPattern
from sitrep.events.roles import ActorIndex, Roles, is_passive

_PHRASE_PREPS = {"of", "in"}
_WEAK_RELATIONS = ("phrase.", "governor.")


def objects(token: Token) -> list[Token]:
    """What a trigger acts on: a noun's "of" phrase, a verb's object, a passive's subject
    and retained object ("was granted asylum"), or the noun a passive participle modifies
    ("soldiers captured in Mariupol")."""
    if token.pos_ in {"NOUN", "PROPN"}:
        return [o for p in token.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    passive = is_passive(token)
    found = [c for c in token.children if c.dep_ in ({"nsubjpass", "dobj"} if passive else {"dobj"})]
    if not found and passive and token.dep_ == "acl" and token.head.pos_ in {"NOUN", "PROPN"}:
        found = [token.head]
    return found


def subjects(token: Token) -> list[Token]:
    """Who or what does it: the active subject, or the passive's "by" agent."""
    found = [c for c in token.children if c.dep_ == "nsubj"]
    for agent in (c for c in token.children if c.dep_ == "agent"):
        found.extend(o for o in agent.children if o.dep_ == "pobj")
    return found


def words(noun: Token) -> set[str]:
    """A noun as patterns may name it: lemma, form, compound/adjective + head, and the nouns of
    its "of"/"in" phrase ("boatloads of shells", "$500 million in aid")."""
    found = {noun.lemma_.lower(), noun.lower_}
    found.update(f"{c.lemma_.lower()} {noun.lemma_.lower()}" for c in noun.lefts if c.dep_ in {"compound", "amod"})
    for prep in noun.children:
        if prep.lower_ in _PHRASE_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    found.add(obj.lemma_.lower())
                    found.update(f"{c.lemma_.lower()} {obj.lemma_.lower()}" for c in obj.lefts if c.dep_ in {"compound", "amod"})
    return found


def _complement(token: Token, dep: str, lemmas: tuple[str, ...]) -> list[Token]:
    return [c for c in token.children if c.dep_ == dep and (c.lemma_ in lemmas or "*" in lemmas)]


def _prep_object_fits(prep: Token, wanted: tuple[str, ...]) -> bool:
    for obj in prep.children:
        if obj.dep_ == "pobj" and words(obj) & set(wanted):
            return True
        if obj.dep_ == "pcomp" and obj.lemma_.lower() in wanted:
            return True
    return False


def object_fits(obj: Token, pattern: TriggerPattern, actors: ActorIndex) -> bool:
    if pattern.object and words(obj) & set(pattern.object):
        return True
    if pattern.object_kind == "weapon" and attach.weapons_for(obj.doc, [obj]):
        return True
    if pattern.object_sector:
        return any(a._.sitrep_actor["sector"] in pattern.object_sector for a in actors.of_phrase(obj))
    return False


def holds_on_parse(token: Token, pattern: TriggerPattern, actors: ActorIndex) -> bool:
    """True when the pattern's constraints on the parse around the token hold; checked before
    roles are read, cheapest first, so most candidate patterns cost a few lookups. A noun that
    modifies another noun names a kind of it, not an event ("riot police", "attack helicopters")."""
    if pattern.pos == "NOUN" and token.dep_ == "compound":
        return False
    if pattern.active_only and is_passive(token):
        return False
    return (_particle_fits(token, pattern) and _complements_fit(token, pattern) and _words_fit(token, pattern)
            and _objects_fit(token, pattern, actors))


def roles_fit(pattern: TriggerPattern, roles: Roles) -> bool:
    """True when the roles read for the trigger are what the pattern needs."""
    if pattern.requires_target and not kept_targets(pattern, roles):
        return False
    return not pattern.requires_actor_modifier or any(not r.split(":", 1)[1].startswith(_WEAK_RELATIONS)
                                                      for r in roles.relations)


def _particle_fits(token: Token, pattern: TriggerPattern) -> bool:
    particles = {c.lower_ for c in token.children if c.dep_ in {"prt", "prep", "advmod"}}
    if not particles.isdisjoint(pattern.particle_or_prep_not):
        return False
    return not pattern.particle_or_prep or not particles.isdisjoint(pattern.particle_or_prep)


def _complements_fit(token: Token, pattern: TriggerPattern) -> bool:
    infinitives = _complement(token, "xcomp", pattern.xcomp) if pattern.xcomp else []
    if pattern.xcomp and not infinitives:
        return False
    if pattern.xcomp_object and not any(words(o) & set(pattern.xcomp_object)
                                        for inf in (infinitives or _complement(token, "xcomp", ("*",)))
                                        for o in objects(inf)):
        return False
    if pattern.ccomp and not _complement(token, "ccomp", pattern.ccomp):
        return False
    return not pattern.ccomp_aux or any(a.dep_ == "aux" and a.lower_ in pattern.ccomp_aux
                                        for clause in _complement(token, "ccomp", pattern.ccomp or ("*",))
                                        for a in clause.children)


def _words_fit(token: Token, pattern: TriggerPattern) -> bool:
    if pattern.modifier and not any(c.dep_ in {"amod", "compound"} and c.lemma_.lower() in pattern.modifier
                                    for c in token.lefts):
        return False
    if pattern.preps_object and not any(c.lower_ in pattern.preps_object and _prep_object_fits(c, pattern.preps_object[c.lower_])
                                        for c in token.children):
        return False
    if pattern.object_not and any(words(o) & set(pattern.object_not) for o in objects(token)):
        return False
    if pattern.object_preps_not and any(c.dep_ == "prep" and c.lower_ in pattern.object_preps_not
                                        for o in objects(token) for c in o.children):
        return False
    return not pattern.subject or any(words(s) & set(pattern.subject) for s in subjects(token))


def _objects_fit(token: Token, pattern: TriggerPattern, actors: ActorIndex) -> bool:
    if pattern.has_object_constraint and not any(object_fits(o, pattern, actors) for o in objects(token)):
        return False
    if pattern.of_kind and not attach.weapons_for(token.doc, [token, *objects(token)]):
        return False
    return not pattern.subject_weapon or any(w.kind in pattern.subject_weapon
                                             for _, w in attach.weapons_for(token.doc, subjects(token)))


def kept_targets(pattern: TriggerPattern, roles: Roles) -> list:
    """The targets left once a pattern that wants another party drops the source's own."""
    if not pattern.target_must_differ:
        return roles.target
    own = {a._.sitrep_actor["code"] for a in roles.source}
    return [a for a in roles.target if a._.sitrep_actor["code"] not in own]
