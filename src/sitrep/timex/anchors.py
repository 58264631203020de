"""A fast path for the time matcher: only the stretches of text that could hold a match are
searched.

Every pattern has a required token, its anchor; any match of the pattern contains a token the
anchor accepts. The anchor's words or regular expression are read once from the patterns,
with how many tokens the pattern can reach before and after it. A window around each anchor
token, as wide as its patterns reach, therefore holds every match through that token, and
searching the windows alone finds exactly the matches the whole text gives. A pattern whose
required tokens accept no listable words or expression (a bare LIKE_NUM) turns the fast path
off. Where a pattern may repeat a token (`"OP": "*"`), the window also runs over every token
that such a repeat accepts.

Of a pattern's required tokens the anchor is the one accepting fewest common words (spaCy's
stop words), so that "last" or a month name, not "the" or "in", marks where to look.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span

_FIXED_OPS = {None, "1", "!", "?"}
_REPEAT_OPS = {"*", "+"}
_COMMON = sorted(STOP_WORDS | {"-", "'", "’", ",", "."})


@dataclass(frozen=True)
class Reach:
    """How far a pattern runs from its anchor: fixed tokens before and after it, and whether a
    repeated token lies on either side."""

    before: int
    after: int
    repeats_before: bool = False
    repeats_after: bool = False

    def __or__(self, other: Reach) -> Reach:
        return Reach(max(self.before, other.before), max(self.after, other.after),
                     self.repeats_before or other.repeats_before, self.repeats_after or other.repeats_after)


@dataclass(frozen=True)
class Anchors:
    words: dict[str, Reach]
    expressions: tuple[tuple[re.Pattern, Reach], ...]
    repeat: re.Pattern | None
    always: bool

    def windows(self, sentence: Span) -> Iterator[Span]:
        """The parts of the sentence that can hold a match, merged where they touch."""
        if self.always:
            yield sentence
            return
        start = end = None
        for token in sentence:
            reach = self._reach(token.lower_, token.text)
            if reach is None:
                continue
            left, right = self._edges(sentence, token.i, reach)
            if end is not None and left <= end:
                start, end = min(start, left), max(end, right)
                continue
            if end is not None:
                yield sentence.doc[start:end]
            start, end = left, right
        if end is not None:
            yield sentence.doc[start:end]

    def _reach(self, lower: str, text: str) -> Reach | None:
        reach = self.words.get(lower)
        for expression, more in self.expressions:
            if expression.search(text):
                reach = more if reach is None else reach | more
        return reach

    def _edges(self, sentence: Span, i: int, reach: Reach) -> tuple[int, int]:
        left = self._walk(sentence, i, -1, reach.before, reach.repeats_before)
        right = self._walk(sentence, i, 1, reach.after, reach.repeats_after)
        return left, right + 1

    def _walk(self, sentence: Span, i: int, step: int, fixed: int, repeats: bool) -> int:
        """Step out from token i: a token a repeat accepts costs nothing, any other one of the
        fixed tokens; stop at the sentence's edge or when those run out."""
        doc, first, last = sentence.doc, sentence.start, sentence.end - 1
        while first <= i + step <= last:
            token = doc[i + step]
            if repeats and self.repeat is not None and self.repeat.search(token.text):
                i += step
            elif fixed > 0:
                fixed -= 1
                i += step
            else:
                break
        return i


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


def _commonness(spec: dict) -> tuple[int, int] | None:
    """How many common words the spec accepts (fewer is better; listed words before
    expressions on a tie), or None when it accepts nothing we can look for."""
    listed = _words(spec)
    if listed:
        return sum(word in STOP_WORDS or not any(c.isalnum() for c in word) for word in listed), 0
    expression = _expression(spec)
    if expression:
        compiled = re.compile(expression)
        return sum(bool(compiled.search(word)) for word in _COMMON), 1
    return None


def _reach(pattern: list[dict], anchor: int) -> Reach:
    before, after = pattern[:anchor], pattern[anchor + 1:]
    return Reach(sum(spec.get("OP") in _FIXED_OPS for spec in before),
                 sum(spec.get("OP") in _FIXED_OPS for spec in after),
                 any(spec.get("OP") in _REPEAT_OPS for spec in before),
                 any(spec.get("OP") in _REPEAT_OPS for spec in after))


def _repeat_expression(pattern: list[dict]) -> list[str] | None:
    """What the pattern's repeated tokens accept, as expressions; None when one of them
    accepts something we cannot write down."""
    found = []
    for spec in pattern:
        if spec.get("OP") not in _REPEAT_OPS:
            continue
        listed = _words(spec)
        expression = _expression(spec) or (listed and "(?i:^(?:" + "|".join(map(re.escape, sorted(listed))) + ")$)")
        if not expression:
            return None
        found.append(expression)
    return found


def anchors(patterns: list[dict]) -> Anchors:
    """Pick each pattern's anchor and gather what the anchors accept and how far they reach."""
    words: dict[str, Reach] = {}
    expressions: dict[str, Reach] = {}
    repeats: set[str] = set()
    for record in patterns:
        pattern = record["pattern"]
        scored = [(score, i) for i, spec in enumerate(pattern)
                  if spec.get("OP") in (None, "1") and (score := _commonness(spec)) is not None]
        repeat = _repeat_expression(pattern)
        known = all(spec.get("OP") in _FIXED_OPS | _REPEAT_OPS for spec in pattern)
        if not scored or repeat is None or not known:
            return Anchors({}, (), None, always=True)
        repeats.update(repeat)
        anchor = min(scored)[1]
        reach = _reach(pattern, anchor)
        listed = _words(pattern[anchor])
        if listed:
            for word in listed:
                words[word] = words[word] | reach if word in words else reach
        else:
            expression = _expression(pattern[anchor])
            expressions[expression] = expressions[expression] | reach if expression in expressions else reach
    compiled = tuple((re.compile(e), reach) for e, reach in expressions.items())
    repeat = re.compile("|".join(f"(?:{e})" for e in sorted(repeats))) if repeats else None
    return Anchors(words, compiled, repeat, always=False)
