"""Who did it and to whom: reading source, target and theme off the dependency parse.

The functions here take a trigger token and the actor index of its Doc and return the actor
spans that fill each role, with the parse relation that filled it (kept as evidence).
Docs: docs/events.md
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from sitrep.events import modality, ontology
from sitrep.events.patterns import TriggerPattern, counterparts, weapons
from sitrep.nlp.extensions import ACTORS, QUANTITIES

_MODIFIERS = {"poss", "amod", "compound", "nmod"}
_INHERIT_DEPS = {"xcomp", "advcl", "conj", "pcomp", "acl", "acomp"}
_COMPLEMENTS = {"ccomp", "xcomp"}
_NOMINAL_DEPS = ("csubj", "nsubj", "nsubjpass", "dobj", "pobj")  # a gerund the parser reads as a noun
# Last resort for a target: an actor after one of these prepositions in the trigger's phrase
# ("lifted the curfew in Montenegro", "evacuated the wounded from Gorazde", "aid for Romania").
_FALLBACK_PREPS = ("to", "in", "into", "from", "for", "at", "inside", "against", "on", "with", "toward", "towards", "by",
                   "between")
_CONTROL_PREPS = {"of", "for", "from", "against"}  # "accused X of", "blamed X for", "stopped X from"
_CLAUSES = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis"}


class ActorIndex:
    """Maps tokens to the actor mention that covers them.

    `patient_nouns` are the nouns of force whose "of" phrase names who suffers it ("the
    shelling of Kherson"): such a phrase says who did something only when it names the
    weapon ("a barrage of Russian missiles"). `cues` are the reporting verbs of the claims,
    whose subjects say rather than do."""

    def __init__(self, doc: Doc, patient_nouns: frozenset[str] = frozenset()) -> None:
        self.patient_nouns = patient_nouns
        self.cues = {claim["cue_i"] for claim in doc._.sitrep_claims or []}
        self.by_token: dict[int, Span] = {}
        for span in doc.spans.get(ACTORS, []):
            for i in range(span.start, span.end):
                self.by_token[i] = span
        self.counted: dict[int, int] = {}  # "dozens" -> "protesters" in "dozens of protesters"
        for span in doc.spans.get(QUANTITIES, []):
            head = (span._.sitrep_quantity or {}).get("head", span.root.i)
            if span.root.i != head:
                self.counted[span.root.i] = head

    def at(self, token: Token) -> Span | None:
        return self.by_token.get(token.i)

    def of_phrase(self, head: Token) -> list[Span]:
        """Actors a noun phrase names: the phrase itself (or what a figure heading it counts:
        "dozens of protesters"), its "of" part, its conjuncts, or else its actor modifiers
        ("Israeli jets", "Russia's missiles")."""
        found = []
        for token in self._heads(head):
            actor = self.at(token)
            owners: list[Span] = []
            if actor is None or actor._.sitrep_actor["code"] is None:
                owner = self._coded_modifier(token)
                owners = [] if owner else self._of_children(token)
                actor = owner or (owners[0] if owners else None) or self._apposition(token) or actor
            candidates = [actor, *owners, *self._coordinated_modifiers(token)] if actor is not None else self._standing_for(token)
            found.extend(a for a in candidates if a not in found)
        return found

    def _heads(self, head: Token) -> Iterator[Token]:
        """The phrase's head and its conjuncts, a figure standing for the noun it counts."""
        for token in (head, *head.conjuncts):
            if token.i in self.counted and self.at(token) is None:
                counted = token.doc[self.counted[token.i]]
                yield from (counted, *counted.conjuncts)
            else:
                yield token

    def _apposition(self, token: Token) -> Span | None:
        """The named actor in apposition: "the capital Kabul", "the rebel group, the RUF"."""
        return next((self.at(c) for c in token.children if c.dep_ == "appos" and self.at(c) is not None
                     and self.at(c)._.sitrep_actor["code"]), None)

    def _coordinated_modifiers(self, token: Token) -> list[Span]:
        """The other states of "Hungarian and Romanian officials", tagged one mention each."""
        own = self.at(token)
        coordinated = (c for child in token.lefts if child.dep_ in _MODIFIERS for c in (child, *child.conjuncts)
                       if child.conjuncts)
        found = [self.at(c) for c in coordinated]
        return [a for a in found if a is not None and a != own and a._.sitrep_actor["code"]]

    def _coded_modifier(self, token: Token) -> Span | None:
        """The coded actor among a noun's modifiers ("its troops", "Syria's army"); a nationality
        says who the noun is and the possessive only whose ("his Philippine counterpart" is
        Philippine, "Iran's Houthi allies" Houthi)."""
        coded = [a for a in self._standing_for(token) if a._.sitrep_actor["code"]]
        return next((a for a in coded if a.root.dep_ != "poss"), coded[0] if coded else None)

    def _standing_for(self, token: Token) -> list[Span]:
        """The modifiers that may say who the noun is: not the possessor of a relation ("its
        ally", "Russia's neighbours" are others)."""
        found = self.modifiers(token)
        if token.lemma_.lower() in counterparts():
            found = [a for a in found if a.root.dep_ != "poss"]
        return found

    def _of_children(self, token: Token) -> list[Span]:
        """The coded actors a code-less group belongs to: "officials of Chad", "doctors from
        American aid groups", "scores of Sierra Leonean and Liberian refugees", "students
        throughout Indonesia"."""
        patient = token.lemma_.lower() in self.patient_nouns
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in {"of", "from", "in", "throughout", "across", "between"}:
                weapon_only = patient and prep.lower_ == "of"
                for obj in (c for c in prep.children if c.dep_ == "pobj"
                            and (not weapon_only or c.lemma_.lower() in weapons())):
                    coded = [a for a in self.of_phrase(obj) if a._.sitrep_actor["code"]]
                    if coded:
                        return coded
        return []

    def modifiers(self, head: Token) -> list[Span]:
        """Actors among a noun's modifiers: "Russia's", "North Korean", "Russia-North Korea"."""
        own = self.at(head)
        found = []
        for child in head.lefts:
            if child.dep_ not in _MODIFIERS:
                continue
            for token in (child, *child.conjuncts, *(c for c in child.children if c.dep_ in _MODIFIERS)):
                actor = self.at(token)
                if actor is not None and actor != own and actor not in found:
                    found.append(actor)
        return found


@dataclass
class Roles:
    source: list[Span] = field(default_factory=list)
    target: list[Span] = field(default_factory=list)
    theme: Token | None = None
    relations: list[str] = field(default_factory=list)
    found_by: dict[tuple[str, int], str] = field(default_factory=dict)  # (role, actor start): relation

    def add(self, role: str, actors: list[Span], relation: str) -> None:
        bucket = self.source if role == "source" else self.target
        new = [a for a in actors if a not in bucket]
        if new:
            bucket.extend(new)
            self.relations.append(f"{role}:{relation}")
            self.found_by.update(((role, a.start), relation) for a in new)

    def relation(self, role: str, actor: Span) -> str | None:
        """How the actor came to fill the role ("nsubj", "place.outside")."""
        first = next((r.split(":", 1)[1] for r in self.relations if r.startswith(f"{role}:")), None)
        return self.found_by.get((role, actor.start), first)


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, preps: tuple[str, ...]) -> list[tuple[str, Token]]:
    """(preposition, object) pairs under a token, following "by X and by Y" conjunctions."""
    found = []
    for prep in token.children:
        if prep.dep_ in {"prep", "agent", "dative"} and prep.lower_ in preps:
            for conj_prep in (prep, *prep.conjuncts):
                found.extend((prep.lower_, obj) for obj in conj_prep.children if obj.dep_ == "pobj")
    return found


def is_passive(verb: Token) -> bool:
    """A participle modifying a noun is passive ("troops sent to Russia") unless it has an
    object of its own ("airstrikes killed 30 people", which the small model parses so)."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in {"acl", "pcomp"} and not children(verb, "nsubj", "aux", "dobj")
    )


def inherited_subject(verb: Token, actors: ActorIndex, depth: int = 3, spoken: bool = False) -> tuple[list[Span], str] | None:
    """The subject a non-finite or coordinated clause shares with the clause above it. Past a
    reporting verb a participle tells more of the report ("X struck Y, officials said, killing
    five": X did it), unless the act is `spoken` ("the army said, blaming the RSF": the army)."""
    if verb.dep_ == "acl" and children(verb, "dobj"):
        found = actors.of_phrase(verb.head)
        if found:
            return found, "inherit.acl.noun"  # "Israeli airstrikes killing 30 people"
    current = verb
    for _ in range(depth):
        head = current.head
        if current.dep_ == "pcomp" and head.dep_ == "prep":
            controller = _object_control(head, actors)
            if controller:
                return controller, "inherit.object"
            head = head.head
        elif current.dep_ == "relcl":
            return actors.of_phrase(head), "relcl"
        elif current.dep_ == "acl" and head.dep_ in {"dobj", "nsubjpass"}:
            head = head.head
        elif current.dep_ == "advcl" and head.i in actors.cues and not spoken:
            head = reported_clause(head)
            if head is None:
                return None
        elif current.dep_ not in _INHERIT_DEPS or head.i == current.i:
            return None
        subjects = [actors.of_phrase(s) for s in children(head, "nsubj")]
        found = [a for group in subjects for a in group]
        if found:
            return found, f"inherit.{current.dep_}"
        current = head
    return None


def _object_control(prep: Token, actors: ActorIndex) -> list[Span]:
    """ "accused Kigali of sending troops to fight", "praised Poland for sending tanks": the
    object of the verb above does what the gerund says, not its subject."""
    if prep.lower_ not in _CONTROL_PREPS:
        return []
    return [a for obj in children(prep.head, "dobj") for a in actors.of_phrase(obj)]


def reported_clause(cue: Token) -> Token | None:
    """The clause a reporting verb reports."""
    return next((c for c in cue.children if c.dep_ == "ccomp"), None)


def verb_roles(verb: Token, pattern: TriggerPattern, actors: ActorIndex) -> Roles:
    """Roles of a verbal trigger, active or passive."""
    roles = Roles()
    passive = is_passive(verb)
    if passive and verb.lemma_ in modality.cues().stative and not prep_objects(verb, ("by",)):
        for subject in children(verb, "nsubjpass"):
            roles.add("source", actors.of_phrase(subject), "stative.nsubjpass")
        passive = False
    objects = children(verb, "nsubjpass") if passive else children(verb, "dobj")
    if not objects and passive and verb.dep_ in {"acl", "pcomp"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        objects = [verb.head]
    subjects = [o for _, o in prep_objects(verb, ("by",))] if passive else children(verb, "nsubj")
    for subject in subjects:
        roles.add("source", actors.of_phrase(subject), "agent" if passive else "nsubj")
    if not subjects and verb.tag_ == "VBG" and verb.dep_ in _NOMINAL_DEPS:
        roles.add("source", actors.modifiers(verb), "gerund.modifier")  # "Russian shelling killed five"
    obj = objects[0] if objects else None
    if obj is not None and pattern.dobj_is_target:
        roles.add("target", actors.of_phrase(obj), "nsubjpass" if passive else "dobj")
    elif obj is not None:
        roles.theme = obj
    for dative in children(verb, "dative", "iobj"):
        roles.add("target", actors.of_phrase(dative), "dative")
    for prep, pobj in prep_objects(verb, pattern.target_preps):
        roles.add("target", actors.of_phrase(pobj), f"prep.{prep}")
    if not roles.source and not passive:
        inherited = inherited_subject(verb, actors, spoken=ontology.is_verbal(pattern.cameo))
        if inherited:
            roles.add("source", inherited[0], inherited[1])
    if not roles.target:
        _complement_target(verb, pattern, actors, roles)
    if not roles.target and verb.dep_ == "pcomp" and verb.head.lower_ == "by":
        means_of = verb.head.head
        for obj in children(means_of, "dobj"):
            roles.add("target", actors.of_phrase(obj) or actors.modifiers(obj), "means.dobj")
    if not roles.target and roles.theme is not None:
        for _, obj in prep_objects(roles.theme, ("of",)):
            roles.add("target", [a for a in actors.of_phrase(obj) if a not in roles.source], "theme.prep.of")
    if not roles.target:
        phrase_target(verb, actors, roles, pattern.target_preps)
    if not roles.target:
        _clause_target(verb, actors, roles)
    if not roles.target and pattern.deep_target:
        _subtree_target(verb, actors, roles)
    return roles


def phrase_target(trigger: Token, actors: ActorIndex, roles: Roles, preps: tuple[str, ...] = ()) -> None:
    """The first actor after a preposition (the general ones and the pattern's own) inside the
    trigger's own phrase (not in a clause of its own, nor "according to" a source), nearest
    first, then on the verb that governs a nominal trigger."""
    wanted = set(_FALLBACK_PREPS) | set(preps)
    for child in _below(trigger, 3, lambda token, _: token.dep_ in _CLAUSES or token.lower_ == "according"):
        if child.dep_ == "prep" and child.lower_ in wanted and _add_prep_target(child, actors, roles):
            return
    if trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        for prep in children(trigger.head, "prep"):
            if prep.lower_ in wanted and _add_prep_target(prep, actors, roles):
                return


def _clause_target(verb: Token, actors: ActorIndex, roles: Roles) -> None:
    """Last resort: the party a condition or purpose names. "threatened to strike unless Iraq
    accepted" → Iraq; "began a hunger strike to protest Sweden's decision" → Sweden."""
    for clause in (verb, *children(verb, "xcomp")):
        for advcl in children(clause, "advcl"):
            marks = {c.lower_ for c in advcl.children if c.dep_ in {"mark", "aux"}}
            if marks & {"if", "unless"}:
                for subject in children(advcl, "nsubj"):
                    roles.add("target", _others(actors.of_phrase(subject), roles), "condition.nsubj")
            elif "to" in marks:
                for obj in children(advcl, "dobj"):
                    roles.add("target", _others(actors.of_phrase(obj) or actors.modifiers(obj), roles), "purpose.dobj")
            if roles.target:
                return


def _subtree_target(head: Token, actors: ActorIndex, roles: Roles, depth: int = 8) -> None:
    """For acts aimed at whoever the sentence blames (protests, criticism, rejection), the
    nearest coded actor (not a mere place) anywhere below the clause, through purposes and
    relative clauses: "rioted, calling for the removal of President Mubarak" → Egypt; not in a
    clause coordinated with it, which tells its own act ("condemned the killings and called on
    the Security Council": the council is no target of the condemnation)."""
    for token in _below(head, depth, lambda child, parent: parent is head and _own_clause_or_subject(child)):
        actor = actors.at(token)
        if actor is None or not actor._.sitrep_actor["code"] or actor._.sitrep_actor["kind"] == "place":
            continue
        found = _others([actor], roles)
        if found:
            roles.add("target", found, "subtree")
            return


def _own_clause_or_subject(child: Token) -> bool:
    return child.dep_ in {"nsubj", "nsubjpass"} or (child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"})


def _below(head: Token, depth: int, prune: Callable[[Token, Token], bool]) -> Iterator[Token]:
    """The tokens under `head`, nearest first, `depth` levels down; `prune(child, parent)` cuts
    a branch off."""
    level = [head]
    for _ in range(depth):
        level = [child for parent in level for child in parent.children if not prune(child, parent)]
        yield from level


def _others(found: list[Span], roles: Roles) -> list[Span]:
    """Candidates for a fallback target that are not the source itself, nor its own people
    named by a pronoun ("withdraw its troops", "in its war with")."""
    own = {a._.sitrep_actor["code"] for a in roles.source}
    return [a for a in found if a not in roles.source
            and not (a[0].pos_ == "PRON" and a._.sitrep_actor["code"] in own)]


def _add_prep_target(prep: Token, actors: ActorIndex, roles: Roles) -> bool:
    for obj in children(prep, "pobj"):
        found = _others(actors.of_phrase(obj), roles)
        if found:
            roles.add("target", found, f"phrase.prep.{prep.lower_}")
            return True
    return False


def _complement_target(verb: Token, pattern: TriggerPattern, actors: ActorIndex, roles: Roles) -> None:
    """The target inside a complement clause: "demanded that Iran stop" → Iran; "urged Japan to
    act" is the object already; "promised to send aid to Mozambique" → Mozambique."""
    for clause in children(verb, *_COMPLEMENTS):
        for subject in children(clause, "nsubj", "nsubjpass"):
            roles.add("target", [a for a in actors.of_phrase(subject) if a not in roles.source], "complement.nsubj")
        if roles.target:
            return
        for prep, pobj in prep_objects(clause, pattern.target_preps):
            roles.add("target", actors.of_phrase(pobj), f"complement.prep.{prep}")
        for obj in children(clause, "dobj", "dative"):
            roles.add("target", _others(actors.of_phrase(obj), roles), "complement.dobj")
        if not roles.target:
            phrase_target(clause, actors, roles, pattern.target_preps)


def noun_roles(noun: Token, pattern: TriggerPattern, actors: ActorIndex) -> Roles:
    """Roles of a nominal trigger ("the deployment of X to Y", "Russia's attack on Z")."""
    roles = Roles()
    modifiers = actors.modifiers(noun)
    for _, obj in prep_objects(noun, ("of",)):
        if pattern.of_role == "theme":
            roles.theme = obj
        else:
            roles.add("target", actors.of_phrase(obj), "prep.of")
    roles.add("source", modifiers, "modifier")
    for _, obj in prep_objects(noun, ("by",)):
        roles.add("source", actors.of_phrase(obj), "prep.by")
    for prep, obj in prep_objects(noun, tuple(p for p in pattern.target_preps if p != "of")):
        roles.add("target", actors.of_phrase(obj), f"prep.{prep}")
    governor = noun.head if noun.dep_ in {"dobj", "nsubjpass"} else None
    if governor is not None and not roles.target:
        for prep, obj in prep_objects(governor, tuple(p for p in pattern.target_preps if p != "of")):
            roles.add("target", actors.of_phrase(obj), f"governor.prep.{prep}")
    if governor is not None and not roles.source and noun.dep_ == "dobj" and not _is_onlooking(governor):
        for subject in children(governor, "nsubj"):
            roles.add("source", actors.of_phrase(subject), "governor.nsubj")
    if not roles.target:
        phrase_target(noun, actors, roles, pattern.target_preps)
    if not roles.target and pattern.deep_target:
        _subtree_target(noun, actors, roles)
    if not roles.target and pattern.deep_target and governor is not None and noun.dep_ == "dobj":
        _subtree_target(governor, actors, roles)  # "staged demonstrations to demand reforms by Suharto's government"
    return roles


def _is_onlooking(verb: Token) -> bool:
    """A verb whose subject reports, watches or judges the act named by its object rather than
    doing it: "reported the attack", "monitoring the strikes", "condemned the raid"."""
    claims = verb.doc._.sitrep_claims or []
    return verb.lemma_.lower() in modality.cues().onlookers or any(claim["cue_i"] == verb.i for claim in claims)
