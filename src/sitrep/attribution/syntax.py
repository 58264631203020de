"""Read claimants and claimed content off spaCy's dependency parse of a reporting cue.

Each helper answers one question about a cue token (who vouches? for what?) and names the
rule that answered, so the tagger can keep it as evidence. Docs: docs/attribution.md
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from sitrep.attribution.cues import Cue
from sitrep.attribution.nouns import record_nouns

QUOTE_TAGS = frozenset({"``", "''"})
QUOTE_CHARS = frozenset('“”"„«»')
_NP_LEFT = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "advmod",
                      "npadvmod", "predet", "case", "nn"})
_NP_RIGHT = frozenset({"compound", "flat", "nummod", "prep", "nmod"})
_NP_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–"})
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_INHERITING_DEPS = frozenset({"conj", "xcomp", "advcl"})
_CLAUSE_POS = frozenset({"VERB", "AUX"})
_FRONTED_DEPS = frozenset({"nsubj", "npadvmod", "dep"})  # where a misparsed fronted report hangs
_EXPLETIVES = frozenset({"it", "there"})
_SOURCE_PREPS = frozenset({"by", "from"})
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
_ADJUNCT_DEPS = frozenset({"prep", "npadvmod", "advmod", "punct", "agent"})
_FRAMING_DEPS = frozenset({"advcl", "prep", "advmod", "cc", "mark"})
_NOMINAL_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "CCONJ", "PART"})


@dataclass(frozen=True)
class Mention:
    """A claimant as a token range [start, end) with its head token and the rule that found it."""

    start: int
    end: int
    head: int
    rule: str
    local: tuple[int, int] | None = None


@dataclass(frozen=True)
class Content:
    """What a cue vouches for, as a token range [start, end), its head, and the rule."""

    start: int
    end: int
    head: int
    rule: str


def is_quote_mark(token: Token) -> bool:
    """True for opening or closing quotation marks, curly or straight."""
    return token.tag_ in QUOTE_TAGS or token.text in QUOTE_CHARS


def _is_edge_punct(token: Token) -> bool:
    return token.is_punct or token.is_space or is_quote_mark(token)


def noun_phrase(head: Token) -> tuple[int, int]:
    """The full noun phrase around `head`, stopping before appositions, clauses and punctuation."""
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ not in _NP_LEFT or child.right_edge.i != start - 1 or _has_break(child) or _is_verb_compound(child):
            break
        start = child.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if child.dep_ not in _NP_RIGHT or child.left_edge.i != end or _has_break(child):
            break
        end = child.right_edge.i + 1
    return start, end


def _is_verb_compound(child: Token) -> bool:
    """"Said Petrov": a verb the parser glued onto a name is not part of it."""
    return child.dep_ == "compound" and child.pos_ == "VERB"


def _has_break(child: Token) -> bool:
    doc = child.doc
    return any(t.text in _NP_BREAKS or is_quote_mark(t) for t in doc[child.left_edge.i : child.right_edge.i + 1])


def conjuncts(token: Token) -> Iterator[Token]:
    """The token and every token conjoined to it, in order ("X, Y and Z")."""
    yield token
    for child in token.children:
        if child.dep_ == "conj":
            yield from conjuncts(child)


def is_passive(verb: Token) -> bool:
    """A verb is passive when it has a passive subject, passive auxiliary or a by-agent."""
    return any(child.dep_ in ("nsubjpass", "auxpass", "agent") for child in verb.children)


def names_its_noun(verb: Token) -> bool:
    """A participle after a noun ("a program called EB-5"): the noun is what is named or said."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def claimants(cue_token: Token, cue: Cue, allowed: Callable[[Token], bool] = lambda token: True) -> list[Mention]:
    """Who vouches for the content of this cue, each expanded to its noun phrase.

    `allowed` vetoes candidate heads (the tagger refuses subjects inside quotation marks).
    """
    if cue.phrase:
        heads = [head for head in _phrase_objects(cue_token, cue) if allowed(head)]
        return [_held_record(head) or _mention(head, "claimant.pobj") for head in heads]
    if cue.pos == "NOUN":
        return [_mention(head, rule) for head, rule in _noun_holders(cue_token) if allowed(head)]
    if is_passive(cue_token):
        return [_mention(head, "claimant.agent") for head in _agents(cue_token) if allowed(head)]
    return _active_claimants(cue_token, allowed)


def _noun_holders(noun: Token) -> list[tuple[Token, str]]:
    """"Russia's claim", "allegations by Moscow", "the ministry issued a statement"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.tag_ not in _RELATIVE_TAGS:
            return [(conj, "claimant.poss") for conj in conjuncts(child)]
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in _SOURCE_PREPS:
            return [(conj, "claimant.pobj") for obj in child.children if obj.dep_ == "pobj" for conj in conjuncts(obj)]
    issuer = _issuer(noun)
    return [(issuer, "claimant.issuer")] if issuer is not None else []


def _held_record(noun: Token) -> Mention | None:
    """"According to United Nations figures", "a tally by the health ministry": the holder of
    a count or record vouches for it. The mention keeps the whole phrase, headed by the holder."""
    if noun.lemma_.lower() not in record_nouns():
        return None
    named = [child for child in noun.lefts if child.dep_ == "compound" and child.pos_ == "PROPN"]
    holder = named[-1] if named else next((head for head, _ in _noun_holders(noun)), None)
    if holder is None:
        return None
    start, end = noun_phrase(noun)
    return Mention(start, end, holder.i, "claimant.record_holder")


def _issuer(noun: Token) -> Token | None:
    """The subject of the verb a statement hangs from ("X issued a statement", "X said in a statement")."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    return next((child for child in verb.children if child.dep_ == "nsubj"), None)


def _phrase_objects(first: Token, cue: Cue) -> list[Token]:
    last = first.doc[first.i + len(cue.words) - 1]
    return [conj for child in last.children if child.dep_ == "pobj" for conj in conjuncts(child)]


def _agents(verb: Token) -> list[Token]:
    heads: list[Token] = []
    for agent in (child for child in verb.children if child.dep_ == "agent"):
        for by in conjuncts(agent):
            heads.extend(conj for child in by.children if child.dep_ == "pobj" for conj in conjuncts(child))
    return heads


def _active_claimants(verb: Token, allowed: Callable[[Token], bool]) -> list[Mention]:
    if verb.dep_ == "compound" and verb.head.pos_ == "PROPN" and allowed(verb.head):
        return [_mention(verb.head, "claimant.inverted")]  # "Said Petrov:" misread as a name
    current, rule = verb, "claimant.nsubj"
    for _ in range(4):
        fronted = fronted_report(current)
        report_end = fronted.right_edge.i if fronted is not None else -1
        subjects = [child for child in current.children
                    if child.dep_ in _SUBJECT_DEPS and child.i > report_end and allowed(child)]
        if subjects:
            return [_subject_mention(conj, current, rule) for conj in conjuncts(subjects[0])]
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            issuer = _issuer(current.head)
            if issuer is not None and allowed(issuer):
                return [_mention(issuer, "claimant.issuer")]
            return [_mention(current.head, "claimant.acl")]
        if current.dep_ not in _INHERITING_DEPS or current.head.i == current.i:
            break
        current, rule = current.head, "claimant.inherited"
    return []


def _subject_mention(subject: Token, verb: Token, rule: str) -> Mention:
    if subject.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl":
        return _mention(verb.head, "claimant.relcl", local=(subject.i, subject.i + 1))
    if subject.i > verb.i:
        rule = "claimant.inverted"
    return _mention(subject, rule)


def _mention(head: Token, rule: str, local: tuple[int, int] | None = None) -> Mention:
    head = _name_in_apposition(head)
    start, end = noun_phrase(head)
    return Mention(start, end, head.i, rule, local)


def adjacent_name(cue_token: Token, end: int) -> Mention | None:
    """A named entity right before or right after the cue, for subjects the parse lost."""
    for ent in cue_token.doc.ents:
        if ent.label_ in _SPEAKER_LABELS and (ent.end == cue_token.i or ent.start == end):
            head = ent.root
            while head.dep_ in ("poss", "compound") and head.head.i > head.i:
                head = head.head
            return _mention(head, "claimant.adjacent_name")
    return None


def _name_in_apposition(head: Token) -> Token:
    """"A spokeswoman, Maria Lopez, said": the speaker is the name, not the role noun."""
    if head.pos_ == "PROPN" or head.ent_type_ == "PERSON":
        return head
    for child in head.rights:
        if child.dep_ == "appos" and (child.ent_type_ == "PERSON" or child.pos_ == "PROPN"):
            return child
    return head


def content(cue_token: Token, cue: Cue) -> Content | None:
    """What the cue vouches for: a complement clause, object, passive subject or host clause."""
    if cue.phrase:
        return _host_clause(cue_token, cue_token.subtree, "content.host_clause")
    for relation in ("ccomp", "acl", "xcomp", "oprd", "nsubjpass", "dobj", "prep"):
        if relation not in cue.relations:
            continue
        found = _nearest(cue_token, [child for child in cue_token.children if _carries(child, relation, cue)])
        if found is not None:
            start = _object_start(cue_token, found) if relation == "oprd" else found.left_edge.i
            return _trimmed(start, found.right_edge.i + 1, found, f"content.{relation}")
        if relation == "ccomp" and (clause := _reported_advcl(cue_token)) is not None:
            return _trimmed(clause.left_edge.i, clause.right_edge.i + 1, clause, "content.advcl")
    if "ccomp" in cue.relations and (report := _report_before_conjunct(cue_token)) is not None:
        return report
    if "ccomp" in cue.relations and (subject := fronted_report(cue_token)) is not None:
        return _trimmed(subject.left_edge.i, subject.right_edge.i + 1, subject, "content.fronted_subject")
    if "parataxis" in cue.relations and (found_parataxis := _parataxis(cue_token)) is not None:
        return found_parataxis
    if "ccomp" in cue.relations and (clause := _clause_in_prep(cue_token)) is not None:
        return _trimmed(clause.left_edge.i, clause.right_edge.i + 1, clause, "content.ccomp")
    return None


def _report_before_conjunct(cue_token: Token) -> Content | None:
    """"Gunmen killed 12 villagers near Maiduguri, a local aid group said on Monday, as ...":
    the small model hangs "said" on the report as a conjunct with no "and". The report is
    the clause before the comma that opens the cue's own subject."""
    doc, head = cue_token.doc, cue_token.head
    if cue_token.dep_ != "conj" or head.i >= cue_token.i or head.pos_ not in _CLAUSE_POS:
        return None
    if any(token.dep_ == "cc" for token in doc[head.i : cue_token.i]):
        return None
    subject = next((child for child in cue_token.lefts if child.dep_ in _SUBJECT_DEPS), None)
    comma = subject.left_edge.i - 1 if subject is not None else _speaker_comma(cue_token, head.i)
    if comma is None or comma <= head.i or doc[comma].text != ",":
        return None
    return _trimmed(head.left_edge.i, comma, head, "content.conj_report")


def fronted_report(cue_token: Token) -> Token | None:
    """The small model reads "Israeli strikes killed 25 people, officials said" as two subjects
    of "said" (or, after a dateline, as a noun beside the dateline), with "killed" a participle
    of "strikes". Such a noun, set off by a comma from the speaker, heads the report."""
    subjects = [child for child in cue_token.lefts if child.dep_ == "nsubj"]
    if not subjects:
        return None
    speaker = subjects[-1]
    for child in cue_token.lefts:
        if child.dep_ not in _FRONTED_DEPS or child == speaker:
            continue
        between = cue_token.doc[child.right_edge.i + 1 : speaker.left_edge.i]
        if any(t.text == "," for t in between):
            verbs = [t for t in child.subtree if t.pos_ in _CLAUSE_POS and t.dep_ in ("acl", "relcl")]
            if verbs:
                return verbs[0].head
    return None


def trailing_report(cue_token: Token) -> tuple[list[Mention], Content] | None:
    """"A strike killed 30 people, a local group and residents said": the small model sometimes
    hangs the speakers on the content as conjuncts, or "said" on an object as a relative
    clause, leaving the cue with no clause. Read the sentence's surface instead: a comma, a bare
    noun phrase right before the cue, nothing after the cue but its own adjuncts, and a clause
    before."""
    doc, sentence = cue_token.doc, cue_token.sent
    if any(child.dep_ not in _ADJUNCT_DEPS for child in cue_token.rights) or cue_token.right_edge.i < sentence.end - 2:
        return None
    comma = _speaker_comma(cue_token, sentence.start)
    if comma is None:
        return None
    reported = doc[sentence.start : comma]
    if not any(token.pos_ in _CLAUSE_POS for token in reported) or any(
        token.head == cue_token and token.dep_ in _FRAMING_DEPS for token in reported
    ):
        return None  # "But when the vote failed, Mexico said..." frames the cue; it is no report
    speakers = _noun_groups(doc[comma + 1 : cue_token.i], "claimant.trailing_report")
    if not speakers:
        return None
    return speakers, Content(reported.start, reported.end, reported.root.i, "content.trailing_report")


def speaker_in_content(cue_token: Token, found: Content) -> tuple[list[Mention], Content] | None:
    """"Fighters killed 45 civilians south of El Obeid, a local medical group said": with no
    subject for "said", the small model hangs the speaker on the report's last noun as an
    apposition (and the report swallows it, or "said" hangs on it as a conjunct). A cue with no
    subject right after a comma and a bare noun phrase hung on its report has that phrase as
    its speaker."""
    if any(child.dep_ in _SUBJECT_DEPS for child in cue_token.children):
        return None
    comma = _speaker_comma(cue_token, found.start)
    if comma is None or comma > found.end:
        return None
    speakers = _noun_groups(cue_token.doc[comma + 1 : cue_token.i], "claimant.appended_to_report")
    appended = speakers and all(cue_token.doc[m.head].dep_ in ("appos", "conj") for m in speakers)
    if not appended:
        return None
    return speakers, Content(found.start, comma, found.head, found.rule)


def _speaker_comma(cue_token: Token, floor: int) -> int | None:
    """The comma that opens a bare noun phrase right before the cue, if there is one."""
    doc, comma = cue_token.doc, cue_token.i - 1
    while comma > floor and doc[comma].pos_ in _NOMINAL_POS and not doc[comma].is_punct:
        comma -= 1
    return comma if doc[comma].text == "," and comma < cue_token.i - 1 and comma > floor else None


def _noun_groups(stretch: Iterable[Token], rule: str) -> list[Mention]:
    """"a local resistance group and residents" as two mentions, each headed by its last noun."""
    groups: list[list[Token]] = [[]]
    for token in stretch:
        if token.pos_ == "CCONJ":
            groups.append([])
        else:
            groups[-1].append(token)
    mentions = []
    for group in groups:
        nouns = [token for token in group if token.pos_ in ("NOUN", "PROPN")]
        if not nouns:
            return []
        mentions.append(Mention(group[0].i, group[-1].i + 1, nouns[-1].i, rule))
    return mentions


def _clause_in_prep(cue_token: Token) -> Token | None:
    """"said in a statement that X": spaCy hangs the that-clause on the noun, not the verb."""
    for prep in (child for child in cue_token.rights if child.dep_ == "prep"):
        for noun in (child for child in prep.children if child.dep_ == "pobj"):
            for clause in noun.rights:
                if clause.dep_ in ("acl", "ccomp") and _opens_with_that(clause):
                    return clause
    return None


def _carries(child: Token, relation: str, cue: Cue) -> bool:
    """Can this child hold the content? Not an expletive, not a bare "what", the right preposition."""
    if child.dep_ != relation or child.tag_ in _RELATIVE_TAGS:
        return False
    if relation == "nsubjpass" and child.lower_ in _EXPLETIVES:
        return False
    if relation == "prep":
        return (child.i > child.head.i and (cue.preps is None or child.lower_ in cue.preps)
                and not any(o.dep_ == "pobj" and o.ent_type_ in _TIME_LABELS for o in child.children))  # not "on Friday"
    if relation == "acl":
        return _opens_with_that(child)
    return True


def _opens_with_that(clause: Token) -> bool:
    return any(child.dep_ == "mark" and child.lower_ == "that" for child in clause.children)


def _object_start(verb: Token, predicate: Token) -> int:
    """"called the test a violation": the content runs from the object to the predicate."""
    objects = [child.left_edge.i for child in verb.children if child.dep_ == "dobj" and child.i < predicate.i]
    return min(objects, default=predicate.left_edge.i)


def _nearest(cue_token: Token, children: list[Token]) -> Token | None:
    """The child whose subtree comes closest to the cue ("X: Y said Z" picks Z)."""
    def distance(child: Token) -> int:
        return child.left_edge.i - cue_token.i if child.i > cue_token.i else cue_token.i - child.right_edge.i

    return min(children, key=distance, default=None)


def _reported_advcl(cue_token: Token) -> Token | None:
    """spaCy sometimes reads "said after the vote he would go" as an adverbial clause:
    a following clause with its own subject and no subordinator is the reported content."""
    for child in cue_token.rights:
        if child.dep_ == "advcl" and child.pos_ in _CLAUSE_POS:
            deps = {grandchild.dep_ for grandchild in child.children}
            if deps & _SUBJECT_DEPS and "mark" not in deps and "advmod" not in deps:
                return child
    return None


def _parataxis(cue_token: Token) -> Content | None:
    for child in cue_token.children:
        if child.dep_ == "parataxis" and child.pos_ in _CLAUSE_POS:
            return _trimmed(child.left_edge.i, child.right_edge.i + 1, child, "content.parataxis")
    if cue_token.dep_ == "parataxis" and cue_token.head.pos_ in _CLAUSE_POS:
        return _host_clause(cue_token, cue_token.subtree, "content.parataxis")
    return None


def _host_clause(anchor: Token, excluded: Iterator[Token], rule: str) -> Content | None:
    """The clause `anchor` hangs from, minus `excluded` when it sits at the clause's edge."""
    clause = anchor.head
    while clause.pos_ not in _CLAUSE_POS and clause.dep_ != "ROOT" and clause.head is not clause:
        clause = clause.head
    if clause is anchor:
        return None
    skipped = sorted(token.i for token in excluded)
    whole = _trimmed(clause.left_edge.i, clause.right_edge.i + 1, clause, rule)
    if whole is None:
        return None
    start, end = whole.start, whole.end
    if skipped[0] <= start:
        start = skipped[-1] + 1
    elif skipped[-1] + 1 >= end:
        end = skipped[0]
    return _trimmed(start, end, clause, rule)


def _trimmed(start: int, end: int, head: Token, rule: str) -> Content | None:
    doc = head.doc
    while start < end and _is_edge_punct(doc[start]):
        start += 1
    while end > start and _is_edge_punct(doc[end - 1]):
        end -= 1
    if start >= end:
        return None
    return Content(start, end, head.i, rule)
