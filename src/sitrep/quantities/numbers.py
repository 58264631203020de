"""Reading amounts written in digits or words: "10,000", "1.5 million", "2m", "two dozen",
"twenty-five", "a hundred", "several hundred", "tens of thousands".

Plain strings in, values out, no spaCy: the grammar is tested on its own. The words and their
values are data (data/numbers.jsonl, data/vague.jsonl); this module only knows how they combine.
Docs: docs/quantities.md
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from sitrep.quantities.rules import NumberWord, VagueAmount, packaged_rules

_DIGITS = re.compile(r"^(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?", re.IGNORECASE)
_ARTICLES = frozenset({"a", "an"})
_SMALL = frozenset({"unit", "teen", "ten"})

# Which kind of word may follow which: the number grammar of English, in one table.
# None is the start; "article" is "a"/"an"; "digit" is a number written in digits.
_MAY_FOLLOW: dict[str, frozenset[str | None]] = {
    "unit": frozenset({None, "ten", "hundred", "scale", "and"}),
    "teen": frozenset({None, "hundred", "scale", "and"}),
    "ten": frozenset({None, "hundred", "scale", "and"}),
    "hundred": frozenset({"article", "unit", "teen", "digit"}),
    "scale": frozenset({"article", "unit", "teen", "ten", "hundred", "digit"}),
    "multiplier": frozenset({"article", "unit", "teen", "ten", "digit"}),
}


@dataclass(frozen=True)
class Amount:
    """What a run of words says about a count.

    `value` is None for vague amounts ("dozens"); `low`/`high` bound it when the words do;
    `weak` marks a lone "one", which is too often a pronoun to count by itself; `rules` names
    the vague-amount records that matched.
    """

    value: float | None
    low: float | None = None
    high: float | None = None
    weak: bool = False
    needs_known_unit: bool = False
    rules: tuple[str, ...] = ()


class NumberParser:
    """Parses number words and vague amounts with the given tables."""

    def __init__(self, words: Iterable[NumberWord], vague: Iterable[VagueAmount]) -> None:
        words = list(words)
        self._words = {w.word: w for w in words if w.role != "suffix"}
        self._suffixes = {w.word: w.value for w in words if w.role == "suffix"}
        self._plurals = {w.plural: w for w in words if w.plural}
        self._vague = {tuple(v.phrase.lower().split()): v for v in vague}
        self._starters = (set(self._words) | set(self._plurals) | _ARTICLES
                          | {phrase[0] for phrase in self._vague})

    def may_start(self, word: str) -> bool:
        """Cheap test: can an amount begin with this word?"""
        lower = word.lower()
        return lower.split("-")[0] in self._starters or _DIGITS.match(lower) is not None

    def read(self, words: Sequence[str]) -> Amount | None:
        """Read the whole of `words` as a number, else as a vague amount, else None."""
        value = self.number(words)
        if value is not None:
            return Amount(value, weak=self._is_weak(words))
        return self.vague(words)

    def number(self, words: Sequence[str]) -> float | None:
        """The value of a number written in digits and/or words, or None if it is not one."""
        tokens = self._expand(words)
        if not tokens:
            return None
        total, current, last, cap = 0.0, None, None, math.inf
        for index, word in enumerate(tokens):
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if word in _ARTICLES:
                if index or self._role(following) not in ("hundred", "scale", "multiplier"):
                    return None
                current, last = 1.0, "article"
                continue
            if word == "and":
                if last not in ("hundred", "scale") or self._role(following) not in _SMALL:
                    return None
                last = "and"
                continue
            digits = self.digits(word)
            if digits is not None:
                if index:
                    return None
                current, last = digits, "digit"
                continue
            entry = self._words.get(word)
            if entry is None or last not in _MAY_FOLLOW[entry.role]:
                return None
            if entry.role == "scale" and entry.value >= cap:
                return None
            total, current, cap = self._apply(entry, total, current, cap)
            last = entry.role
        return total + (current or 0.0)

    def vague(self, words: Sequence[str]) -> Amount | None:
        """Read a vague amount: a listed phrase ("several"), one scaled ("several hundred"),
        or plural scales joined by "of" ("tens of thousands": at least twice the product)."""
        tokens = tuple(w.lower() for w in words)
        entry = self._vague.get(tokens)
        if entry is not None:
            return Amount(entry.value, entry.low, entry.high, needs_known_unit=entry.needs_known_unit,
                          rules=(entry.id,))
        return self._scaled(tokens) or self._plural_chain(tokens)

    def digits(self, word: str) -> float | None:
        """The value of a number in digits, with separators and an optional suffix ("2m")."""
        match = _DIGITS.match(word)
        if match is None:
            return None
        suffix = word[match.end():].lower()
        if suffix and suffix not in self._suffixes:
            return None
        value = float(match.group().replace(",", ""))
        return value * self._suffixes[suffix] if suffix else value

    def trailing_scale(self, words: Sequence[str]) -> float | None:
        """The scale a number ends with ("3 million" → 1e6), to carry over to "2-3 million"."""
        tokens = self._expand(words)
        if len(tokens) < 2:
            return None
        entry = self._words.get(tokens[-1])
        return entry.value if entry and entry.role in ("hundred", "scale") else None

    def _apply(self, entry: NumberWord, total: float, current: float | None,
               cap: float) -> tuple[float, float | None, float]:
        if entry.role in _SMALL:
            return total, (current or 0.0) + entry.value, cap
        if entry.role in ("hundred", "multiplier"):
            return total, (current or 1.0) * entry.value, cap
        return total + (current or 1.0) * entry.value, None, entry.value

    def _scaled(self, tokens: tuple[str, ...]) -> Amount | None:
        entry = self._vague.get(tokens[:-1])
        scale = self._words.get(tokens[-1]) if tokens else None
        if entry is None or not entry.scalable or scale is None or scale.role not in ("hundred", "scale", "multiplier"):
            return None

        def times(x: float | None) -> float | None:
            return None if x is None else x * scale.value

        return Amount(times(entry.value), times(entry.low), times(entry.high), rules=(entry.id, scale.id))

    def _plural_chain(self, tokens: tuple[str, ...]) -> Amount | None:
        if not tokens or len(tokens) % 2 == 0 or any(t != "of" for t in tokens[1::2]):
            return None
        entries = [self._plurals.get(t) for t in tokens[::2]]
        if any(e is None for e in entries):
            return None
        product = math.prod(e.value for e in entries if e is not None)
        return Amount(None, low=2 * product, rules=tuple(e.id for e in entries if e is not None))

    def _expand(self, words: Sequence[str]) -> list[str]:
        tokens: list[str] = []
        for word in words:
            lower = word.lower()
            parts = lower.split("-")
            if len(parts) > 1 and all(self._role(p) in _SMALL for p in parts):
                tokens.extend(parts)
            else:
                tokens.append(lower)
        return tokens

    def _role(self, word: str | None) -> str | None:
        entry = self._words.get(word) if word else None
        return entry.role if entry else None

    def _is_weak(self, words: Sequence[str]) -> bool:
        entry = self._words.get(words[0].lower()) if len(words) == 1 else None
        return bool(entry and entry.weak)


@lru_cache(maxsize=1)
def packaged_parser() -> NumberParser:
    """A parser over the packaged number and vague-amount tables."""
    rules = packaged_rules()
    return NumberParser(rules.numbers, rules.vague)


def parse_number(words: Sequence[str] | str) -> float | None:
    """The value of "10,000", "1.5 million", "two dozen", "a hundred"...; None if not a number.

    Args:
        words: the words of the number, or one string split on whitespace.
    Returns:
        The value as a float, or None.
    Docs: docs/quantities.md
    """
    return packaged_parser().number(words.split() if isinstance(words, str) else words)


def parse_vague(words: Sequence[str] | str) -> Amount | None:
    """The bounds of a vague amount ("dozens" → low 24, "several hundred" → low 300), or None.

    Docs: docs/quantities.md
    """
    return packaged_parser().vague(words.split() if isinstance(words, str) else words)
