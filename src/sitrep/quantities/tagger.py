"""The sitrep_quantities component: figures ("about 10,000 troops", "at least 12 killed").

Each figure becomes a span in `doc.spans["sitrep_quantities"]` (label QUANTITY, `span.id_` the
ids of the rules that fired, space-separated) with `span._.sitrep_quantity` a plain dict:
value, approx, low, high, unit, kind and head (the token index of the counted noun, or of the
number itself when nothing is named, so the event coder can attach the figure to an event).
The factory `sitrep_quantities` lives in sitrep/nlp/factories.py. Docs: docs/quantities.md
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import ensure_path

from sitrep.nlp.extensions import QUANTITIES, TIMES, register_extensions
from sitrep.quantities.numbers import Amount, NumberParser
from sitrep.quantities.rules import Modifier, Predicate, QuantityRules, RangePattern, Unit, packaged_rules
from sitrep.quantities.syntax import counted_noun, figure_root, find_predicate, name_head

LABEL = "QUANTITY"
MAX_WORDS = 8  # longest number or vague amount read as one ("two hundred and fifty thousand")


@dataclass(frozen=True)
class _Word:
    """One word of a number: usually a token, or tokens written together ("2" "m", "twenty" "-" "five")."""

    start: int
    end: int
    text: str


@dataclass
class _Figure:
    """A figure while it is being built: token bounds, amount, and the rules that fired."""

    start: int
    end: int
    core_start: int
    core_end: int
    amount: Amount
    approx: bool
    rules: list[str] = field(default_factory=list)


class QuantityTagger:
    """Finds figures, their hedges and bounds, what they count and what kind of count it is.

    Args:
        nlp: the pipeline (unused; spaCy's component signature).
        name: the component name.
        units: path to a units JSONL file replacing the packaged one; None for packaged data.
    Docs: docs/quantities.md
    """

    def __init__(self, nlp: Language, name: str = "sitrep_quantities", units: str | None = None) -> None:
        register_extensions()
        self.name = name
        self._use(packaged_rules(units))

    def _use(self, rules: QuantityRules) -> None:
        self.rules = rules
        self.parser = NumberParser(rules.numbers, rules.vague)
        self._ents = rules.excluded_ents
        self._longest_before = max((len(k) for k in rules.before), default=0)
        self._longest_after = max((len(k) for k in rules.after), default=0)

    def __call__(self, doc: Doc) -> Doc:
        """Write the figures of `doc` to `doc.spans["sitrep_quantities"]`."""
        blocked = self._blocked(doc)
        words = _words(doc, self.parser)
        spans: list[Span] = []
        index = 0
        while index < len(words):
            span = self._figure_at(doc, words, index, blocked)
            if span is None:
                index += 1
                continue
            spans.append(span)
            while index < len(words) and words[index].start < span.end:
                index += 1
        doc.spans[QUANTITIES] = spans
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Write the tables as JSONL so a saved pipeline carries its rules."""
        self.rules.to_dir(ensure_path(path))

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> QuantityTagger:
        """Read the tables written by `to_disk`."""
        self._use(QuantityRules.from_dir(ensure_path(path)))
        return self

    def _blocked(self, doc: Doc) -> set[int]:
        """Tokens no figure may use: time expressions and phone-number-like text."""
        blocked: set[int] = set()
        if TIMES in doc.spans:
            for span in doc.spans[TIMES]:
                blocked.update(range(span.start, span.end))
        for _, pattern in self.rules.patterns:
            for match in pattern.finditer(doc.text):
                span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                if span is not None:
                    blocked.update(range(span.start, span.end))
        return blocked

    def _figure_at(self, doc: Doc, words: list[_Word], index: int, blocked: set[int]) -> Span | None:
        if not self.parser.may_start(words[index].text):
            return None
        core = self._core(doc, words, index, blocked)
        if core is None:
            return None
        figure = self._with_range(doc, words, index, core, blocked)
        root = figure_root(list(doc[figure.core_start:figure.core_end]))
        if self._ruled_out(doc, figure, root):
            return None
        return self._finish(doc, figure, root)

    def _core(self, doc: Doc, words: list[_Word], index: int, blocked: set[int]) -> tuple[int, Amount] | None:
        """The longest run of words from `index` that reads as an amount: (end word index, amount)."""
        limit = index
        while limit < min(len(words), index + MAX_WORDS):
            word = words[limit]
            if any(t in blocked for t in range(word.start, word.end)):
                break
            if limit > index and doc[word.start].is_sent_start:
                break
            limit += 1
        for end in range(limit, index, -1):
            amount = self.parser.read([w.text for w in words[index:end]])
            if amount is not None:
                return end, amount
        return None

    def _with_range(self, doc: Doc, words: list[_Word], index: int, core: tuple[int, Amount],
                    blocked: set[int]) -> _Figure:
        """The figure, joined with a second number into a range when the text says so."""
        end, amount = core
        start_tok, end_tok = words[index].start, words[end - 1].end
        plain = _Figure(start_tok, end_tok, start_tok, end_tok, amount, approx=bool(amount.rules),
                        rules=list(amount.rules))
        if amount.value is None or amount.rules or end >= len(words):
            return plain
        for pattern in self.rules.ranges:
            joined = self._range(doc, words, (index, end), pattern, blocked)
            if joined is not None:
                return joined
        return plain

    def _range(self, doc: Doc, words: list[_Word], first: tuple[int, int], pattern: RangePattern,
               blocked: set[int]) -> _Figure | None:
        index, end = first
        start_tok = words[index].start
        if words[end].text.lower() != pattern.joiner:
            return None
        previous = doc[start_tok - 1].lower_ if start_tok else None
        if (pattern.before and previous != pattern.before) or previous in pattern.not_before:
            return None
        second = self._core(doc, words, end + 1, blocked) if end + 1 < len(words) else None
        if second is None or second[1].value is None or second[1].rules:
            return None
        low = self.parser.number([w.text for w in words[index:end]]) or 0.0
        high = second[1].value
        scale = self.parser.trailing_scale([w.text for w in words[end + 1:second[0]]])
        if scale and not self.parser.trailing_scale([w.text for w in words[index:end]]) and low * scale <= high:
            low *= scale
        first_tokens = list(doc[start_tok:words[end - 1].end])
        second_tokens = list(doc[words[end + 1].start:words[second[0] - 1].end])
        if not low < high or not _linked(first_tokens, second_tokens):
            return None
        figure_start = start_tok - 1 if pattern.before else start_tok
        return _Figure(figure_start, second_tokens[-1].i + 1, start_tok, second_tokens[-1].i + 1,
                       Amount(low, low=low, high=high), approx=pattern.approx, rules=[pattern.id])

    def _ruled_out(self, doc: Doc, figure: _Figure, root: Token) -> bool:
        """Names ("Article 5", "October 23") and ages ("aged 12") are not figures."""
        if name_head(root, figure.core_start) is not None:
            return True
        before = self._modifier(doc, figure.start, "before")
        return before is not None and before.exclude

    def _finish(self, doc: Doc, figure: _Figure, root: Token) -> Span | None:
        unit_entry, noun = self._unit(doc, figure, root)
        if unit_entry is not None and unit_entry.exclude:
            return None
        if unit_entry is None and self._is_year(doc, figure):
            return None
        predicate = self._predicate(unit_entry, noun, root)
        if unit_entry is None and predicate is None and self._in_excluded_entity(doc, figure, noun):
            return None
        self._apply_modifiers(doc, figure, noun)
        if not self._worth_keeping(figure.amount, unit_entry, noun, predicate):
            return None
        kind = predicate.kind if predicate else (unit_entry.kind if unit_entry else None)
        figure.rules += [r.id for r in (unit_entry, predicate) if r is not None]
        span = Span(doc, figure.start, figure.end, label=LABEL, span_id=" ".join(figure.rules))
        span._.sitrep_quantity = _record(figure, _unit_name(unit_entry, noun), kind,
                                         noun.i if noun is not None else root.i)
        return span

    def _unit(self, doc: Doc, figure: _Figure, root: Token) -> tuple[Unit | None, Token | None]:
        """What is counted: a currency sign before the number, "per cent" after it, or the counted noun."""
        if figure.start > 0:
            symbol = self.rules.unit_by_symbol.get(doc[figure.start - 1].lower_)
            if symbol is not None:
                figure.start -= 1
                return symbol, None
        for phrase, unit in self.rules.unit_by_follower.items():
            after = doc[figure.core_end:figure.core_end + len(phrase)]
            if tuple(t.lower_ for t in after) == phrase:
                return unit, after[-1]
        noun = counted_noun(root, figure.core_end, self.rules)
        if noun is None:
            return None, None
        lookup = self.rules.unit_by_lemma
        return lookup.get(noun.lemma_.lower()) or lookup.get(noun.lower_), noun

    def _in_excluded_entity(self, doc: Doc, figure: _Figure, noun: Token | None) -> bool:
        """The NER put the number or its noun in a date, time, law, place ("131 West 23rd Street"):
        trusted only when nothing else says it is a count, as the small model often calls
        "2000 drones" a DATE."""
        tokens = [*doc[figure.core_start:figure.core_end], *([noun] if noun is not None else [])]
        return any(t.ent_type_ in self._ents for t in tokens)

    def _is_year(self, doc: Doc, figure: _Figure) -> bool:
        numbers = [t for t in doc[figure.core_start:figure.core_end] if t.like_num]
        return bool(numbers) and all(
            t.text.isdigit() and len(t.text) == 4 and self.rules.is_year(float(t.text)) for t in numbers)

    def _modifier(self, doc: Doc, at: int, position: str) -> Modifier | None:
        """The longest hedge phrase ending just before (or starting just after) token `at`."""
        table = self.rules.before if position == "before" else self.rules.after
        longest = self._longest_before if position == "before" else self._longest_after
        for size in range(longest, 0, -1):
            start, end = (at - size, at) if position == "before" else (at, at + size)
            if start < 0 or end > len(doc):
                continue
            found = table.get(tuple(t.lower_ for t in doc[start:end]))
            if found is not None:
                return found
        return None

    def _apply_modifiers(self, doc: Doc, figure: _Figure, noun: Token | None) -> None:
        """Widen the figure over its hedges and set approx and bounds from them.

        A one-word hedge before the number must modify it in the parse, as "about" and "over"
        are often prepositions ("talks about", "fighting over"); longer ones are unambiguous.
        """
        before = self._modifier(doc, figure.start, "before")
        if before is not None:
            size = len(before.phrase.split())
            phrase = doc[figure.start - size:figure.start]
            targets = set(range(figure.core_start, figure.core_end)) | ({noun.i} if noun is not None else set())
            if size > 1 or any(t.head.i in targets for t in phrase):
                self._hedge(figure, before)
                figure.start -= size
        after = self._modifier(doc, figure.end, "after")
        if after is not None:
            self._hedge(figure, after)
            figure.end += len(after.phrase.split())

    @staticmethod
    def _hedge(figure: _Figure, modifier: Modifier) -> None:
        amount = figure.amount
        low = amount.value if modifier.bound == "low" and amount.low is None else amount.low
        high = amount.value if modifier.bound == "high" and amount.high is None else amount.high
        figure.amount = Amount(amount.value, low, high, amount.weak, amount.needs_known_unit, amount.rules)
        figure.approx = figure.approx or modifier.approx
        figure.rules.append(modifier.id)

    def _predicate(self, unit_entry: Unit | None, noun: Token | None, root: Token) -> Predicate | None:
        """What happened to the counted people; only people-like counts take one."""
        if unit_entry is not None and not unit_entry.person:
            return None
        if unit_entry is None and noun is not None and noun.pos_ == "NOUN" and noun.ent_type_ != "NORP":
            return None
        return find_predicate(noun if noun is not None else root, self.rules)

    @staticmethod
    def _worth_keeping(amount: Amount, unit_entry: Unit | None, noun: Token | None,
                       predicate: Predicate | None) -> bool:
        """A figure must say what it counts or what happened to it ("killing 12"); a lone
        "one" needs a predicate, and "several" or "a number of" a unit from the table."""
        if amount.weak:
            return predicate is not None
        if amount.needs_known_unit:
            return unit_entry is not None or predicate is not None
        return noun is not None or unit_entry is not None or predicate is not None


def _words(doc: Doc, parser: NumberParser) -> list[_Word]:
    """Group tokens written as one number word: "2" "m" → "2m", "twenty" "-" "five" → "twenty-five"."""
    words: list[_Word] = []
    index = 0
    while index < len(doc):
        token = doc[index]
        word = _Word(index, index + 1, token.text)
        nxt = doc[index + 1] if index + 1 < len(doc) else None
        if nxt is not None and not token.whitespace_:
            glued = token.text + nxt.text
            third = doc[index + 2] if index + 2 < len(doc) else None
            if nxt.is_alpha and parser.digits(token.text) is not None and parser.digits(glued) is not None:
                word = _Word(index, index + 2, glued)
            elif nxt.text == "-" and not nxt.whitespace_ and third is not None and token.is_alpha \
                    and parser.number([glued + third.text]) is not None:
                word = _Word(index, index + 3, glued + third.text)
        words.append(word)
        index = word.end
    return words


def _linked(first: list[Token], second: list[Token]) -> bool:
    """True when the parse ties two numbers together, as in a range ("200-300", "12 to 15")."""
    first_ids, second_ids = {t.i for t in first}, {t.i for t in second}
    return any(t.head.i in second_ids for t in first) or any(t.head.i in first_ids for t in second)


def _record(figure: _Figure, unit: str | None, kind: str | None, head: int) -> dict[str, Any]:
    amount = figure.amount
    return {"value": amount.value, "approx": figure.approx, "low": amount.low, "high": amount.high,
            "unit": unit, "kind": kind, "head": head}


def _unit_name(unit_entry: Unit | None, noun: Token | None) -> str | None:
    """The unit as a user writes it: the entry's fixed name, else the noun's plural."""
    if unit_entry is not None and (unit_entry.placeholder or unit_entry.unit):
        return None if unit_entry.placeholder else unit_entry.unit
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = noun.lemma_.lower()
    if unit_entry is not None and lemma in unit_entry.plurals:
        return unit_entry.plurals[lemma]
    if noun.tag_ in ("NNS", "NNPS"):
        return noun.text if noun.pos_ == "PROPN" else noun.lower_
    return _regular_plural(lemma) if noun.pos_ == "NOUN" else noun.text


def _regular_plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"
