"""Walking the dependency parse from a number to what it counts and what happened to it.

"four brigades of special forces" counts brigades (the `nummod` head, not the "of" phrase);
"thousands of troops" counts troops (the "of" phrase of a vague amount); "12 people were
killed", "killing 12", "12 dead", "12 were among the dead" and "the death toll rose to 30" all
say the count is of dead.
Docs: docs/quantities.md
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.quantities.rules import Predicate, QuantityRules

_NOUNS = frozenset({"NOUN", "PROPN"})
_NUMBER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "advmod", "dep"})
_NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_COMPLEMENTS = frozenset({"acomp", "oprd", "xcomp", "attr"})
_MODIFIERS = frozenset({"amod", "acl", "relcl"})
_MEMBERSHIP_PREPS = frozenset({"among"})  # "six children were among the dead"
_VERBS = frozenset({"VERB", "AUX"})
_MAX_CLIMB = 5


def figure_root(tokens: list[Token]) -> Token:
    """The rightmost token of a figure whose head lies outside it: where it hangs in the parse."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return roots[-1] if roots else tokens[-1]


def name_head(root: Token, start: int) -> Token | None:
    """The capitalized noun a number names something under ("Article 5", "Flight 17"), if any."""
    head = root.head
    if head.i < start and head.pos_ in _NOUNS and head.text[:1].isupper() and root.dep_ in _NUMBER_DEPS | {"appos"}:
        return head
    return None


def counted_noun(root: Token, end: int, rules: QuantityRules) -> Token | None:
    """The noun a number counts: its head noun, else the noun of an "of" phrase.

    From the head, compounds and adjectives are skipped ("10,000 North Korean troops") except
    where the head is the unit ("15 percent threshold") or is joined to the number by a hyphen
    ("a ten-point lead"); "10,000-strong force" counts the force.
    """
    head = root.head
    if head.i >= end and root.dep_ in _NUMBER_DEPS:
        hyphenated = root.doc[end].text == "-" if end < len(root.doc) else False
        if head.pos_ in _NOUNS or head.lower_ in rules.unit_by_lemma or _predicate_word(head, rules):
            return head if hyphenated or _fixed_unit(head, rules) else _phrase_head(head)
        if head.pos_ == "ADJ" and head.dep_ == "amod" and head.head.pos_ in _NOUNS and head.head.i > head.i:
            return _phrase_head(head.head)
    return _of_object(root) or _partitive_group(root)


def _partitive_group(root: Token) -> Token | None:
    """The noun a part of a group is named by: "20 people, nine of them children", "six of whom
    were children" count children."""
    if not any(o.pos_ == "PRON" for p in root.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"):
        return None
    if root.dep_ != "nsubj":
        return None
    if root.head.pos_ in _NOUNS:
        return root.head
    return next((c for c in root.head.children if c.dep_ == "attr" and c.pos_ in _NOUNS), None)


def _fixed_unit(token: Token, rules: QuantityRules) -> bool:
    entry = rules.unit_by_lemma.get(token.lemma_.lower()) or rules.unit_by_lemma.get(token.lower_)
    return entry is not None and entry.unit is not None


def _phrase_head(noun: Token) -> Token:
    while noun.dep_ in _NOUN_MODIFIER_DEPS and noun.head.i > noun.i and noun.head.pos_ in _NOUNS:
        noun = noun.head
    return noun


def _of_object(token: Token) -> Token | None:
    if token.lower_ == "of":
        candidates = [token]
    else:
        candidates = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
    for prep in candidates:
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.pos_ in _NOUNS:
                return obj
    return None


def _predicate_word(token: Token, rules: QuantityRules) -> Predicate | None:
    return rules.predicate_by_lemma.get(token.lemma_.lower()) or rules.predicate_by_lemma.get(token.lower_)


def is_agent(token: Token, verb: Token) -> bool:
    """True when `token` does the verb's action ("gunmen killed 3") rather than undergoes it."""
    if token.dep_ == "agent":
        return True
    if token.dep_ != "nsubj":
        return False
    return verb.tag_ != "VBN" or any(c.dep_ == "dobj" for c in verb.children)


def _applies(predicate: Predicate | None, verb: Token, counted: Token) -> bool:
    if predicate is None:
        return False
    lemma = verb.lemma_.lower()
    return lemma not in predicate.transitive or not is_agent(counted, verb)


def find_predicate(counted: Token, rules: QuantityRules) -> Predicate | None:
    """What the text says happened to the counted thing: the word itself ("30 deaths"),
    its modifiers ("12 people killed"), or the first clause above it ("were killed", "killing 12",
    "were found dead", "the death toll rose to 30", "put the number of dead at seven")."""
    own = _predicate_word(counted, rules)
    if own is not None:
        return own
    for child in counted.children:
        if child.dep_ in _MODIFIERS:
            found = _from_modifier(child, rules)
            if found is not None:
                return found
    return _from_clause(counted, rules)


def _from_modifier(modifier: Token, rules: QuantityRules) -> Predicate | None:
    predicate = _predicate_word(modifier, rules)
    if predicate is None or any(c.dep_ == "dobj" for c in modifier.children):
        return None
    pronouns = [c for c in modifier.children if c.dep_ in _SUBJECTS | {"agent"} and c.tag_ in ("WP", "WDT")]
    if modifier.dep_ == "relcl" and pronouns and not _applies(predicate, modifier, pronouns[0]):
        return None
    return predicate


def _from_clause(counted: Token, rules: QuantityRules) -> Predicate | None:
    current = counted
    for _ in range(_MAX_CLIMB):
        head = current.head
        if head.i == current.i:
            return None
        if head.pos_ in _VERBS and head.dep_ != "prep":
            return _from_verb(head, current, rules)
        if current.dep_ == "prep" and current.lower_ == "of" and head.pos_ in _NOUNS:
            found = _from_noun(head, rules)
            if found is not None:
                return found
        current = head
    return None


def _from_verb(verb: Token, below: Token, rules: QuantityRules) -> Predicate | None:
    predicate = _predicate_word(verb, rules)
    if _applies(predicate, verb, below):
        return predicate
    for child in verb.children:
        if child.dep_ in _COMPLEMENTS and child.i != below.i:
            found = _predicate_word(child, rules)
            if found is not None:
                return found
        if child.dep_ == "prep" and child.lower_ in _MEMBERSHIP_PREPS and below.dep_ in _SUBJECTS:
            found = next(filter(None, (_predicate_word(o, rules) for o in child.children if o.dep_ == "pobj")), None)
            if found is not None:
                return found
    if below.dep_ in _SUBJECTS:
        return None
    for child in verb.children:
        if child.dep_ in _SUBJECTS or (child.dep_ == "dobj" and below.dep_ == "prep"):
            found = _from_noun(child, rules)  # "the toll rose to 30", "put the death toll at 25"
            if found is not None:
                return found
    return None


def _from_noun(noun: Token, rules: QuantityRules) -> Predicate | None:
    """A noun naming a count ("deaths", "death toll", "number of dead")."""
    for word in [noun, *(c for c in noun.children if c.dep_ == "compound")]:
        found = _predicate_word(word, rules)
        if found is not None:
            return found
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and _predicate_word(obj, rules) is not None:
                    return _predicate_word(obj, rules)
    return None
