"""A fast path for the time matcher: only sentences that could hold a match are searched.

Every pattern has a required token; the words or regular expressions such tokens accept are
gathered once from the patterns themselves, so the gate can never drop a match: a sentence
without any of them cannot match any pattern. A pattern whose required tokens accept no
listable words or expressions (a bare LIKE_NUM) turns the gate off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

_REQUIRED_OPS = {None, "+", "1"}


@dataclass(frozen=True)
class Anchors:
    words: frozenset[str]
    expression: re.Pattern | None
    always: bool

    def admits(self, sentence: Span) -> bool:
        """True when the sentence has a token some pattern requires."""
        if self.always:
            return True
        for token in sentence:
            if token.lower_ in self.words or (self.expression is not None and self.expression.search(token.text)):
                return True
        return False


def _words(spec: dict) -> set[str] | None:
    """The lowercase words a token spec accepts, when it lists them."""
    for attr in ("LOWER", "ORTH", "TEXT", "NORM"):
        value = spec.get(attr)
        if isinstance(value, str):
            return {value.lower()}
        if isinstance(value, dict) and isinstance(value.get("IN"), list):
            return {str(v).lower() for v in value["IN"]}
    return None


def _expression(spec: dict) -> str | None:
    for attr in ("LOWER", "ORTH", "TEXT", "NORM"):
        value = spec.get(attr)
        if isinstance(value, dict) and isinstance(value.get("REGEX"), str):
            return f"(?i:{value['REGEX']})" if attr == "LOWER" else value["REGEX"]
    return None


def anchors(patterns: list[dict]) -> Anchors:
    """Gather, for each pattern, what one of its required tokens accepts."""
    words: set[str] = set()
    expressions: list[str] = []
    for record in patterns:
        required = [spec for spec in record["pattern"] if spec.get("OP") in _REQUIRED_OPS]
        listed = next((w for w in map(_words, required) if w), None)
        if listed:
            words |= listed
            continue
        expression = next((e for e in map(_expression, required) if e), None)
        if expression is None:
            return Anchors(frozenset(), None, always=True)
        expressions.append(expression)
    combined = re.compile("|".join(f"(?:{e})" for e in expressions)) if expressions else None
    return Anchors(frozenset(words), combined, always=False)
