"""The `sitrep_times` component: finds time expressions and normalizes them.

Candidates come from token patterns (`data/patterns.jsonl`, one `{"id", "pattern"}` per
line, run by spaCy's Matcher) and from the NER's DATE/TIME entities the patterns missed.
Leading prepositions other than "on", "for" and "within" are trimmed, the longest
non-overlapping spans win, and each is normalized against `doc._.sitrep_published` with a
tense guessed from its governing verb. Spans land in `doc.spans["sitrep_times"]`, facts in
`span._.sitrep_time` (type, value, first_day, last_day, precision, anchor, reason).
Docs: docs/time.md
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import srsly
from pydantic import BaseModel, ConfigDict
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import ensure_path, filter_spans

from sitrep import datafiles
from sitrep.nlp.extensions import TIMES
from sitrep.timex.anchors import anchors
from sitrep.timex.lexicon import DATA_DIR, Lexicon, load_lexicon
from sitrep.timex.normalize import normalize
from sitrep.timex.offsets import count_from_dates

PATTERNS_FILE = DATA_DIR / "patterns.jsonl"
NER_ID = "timex.ner"
NER_REST_ID = "timex.ner.rest"
NER_REASON = "timex.ner.unresolved"
_CLOCK_RULE = "timex.clock"
_CLOCK_DATE_GLUE = {"at", "on", ","}
_RANGE_SEPARATORS = {"-", "–", "—", "to", "and", "through", "until", "or"}
_TRAILING = {"'s", "’s", "'", "and", "or", "to"}
_NON_TIME_ENTITIES = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
                      "LANGUAGE"}
_TIME_WORD_CLASSES = ("month", "weekday", "season", "unit", "daypart", "deictic", "holiday", "decade_word")


class TimeTagger:
    """Tags time expressions into `doc.spans["sitrep_times"]` with `span._.sitrep_time` dicts."""

    def __init__(self, nlp: Language, name: str = "sitrep_times", patterns: str | None = None) -> None:
        """Build the matcher from a JSONL pattern file (None: the packaged patterns).

        Raises:
            DataFileError: E201 for a malformed pattern line, E202 for a duplicate id.
        """
        self.nlp = nlp
        self.name = name
        self.lexicon: Lexicon = load_lexicon()
        self.patterns: list[dict] = []
        self.matcher = Matcher(nlp.vocab)
        self._set_patterns(read_patterns(Path(patterns) if patterns else PATTERNS_FILE))

    def __call__(self, doc: Doc) -> Doc:
        published = published_date(doc)
        spans = []
        for candidate in self._candidates(doc):
            for span, info in self._resolve(candidate, published):
                span._.sitrep_time = info
                spans.append(span)
        _clocks_on_their_days(spans)
        count_from_dates(spans)
        doc.spans[TIMES] = spans
        return doc

    def _candidates(self, doc: Doc) -> list[Span]:
        """Pattern matches (minus quantities and words inside names), then the parts of NER
        DATE/TIME entities that no match covers."""
        found = (span for sentence in doc.sents for window in self.anchors.windows(sentence)
                 for span in self.matcher(window, as_spans=True))
        matched = filter_spans(self._trim(Span(doc, s.start, s.end, span_id=s.label_)) for s in found)
        named = [ent for ent in doc.ents if ent.label_ in _NON_TIME_ENTITIES]
        matched = [span for span in matched if len(span) and not self._is_quantity(span)
                   and not _inside_name(span, named)]
        taken = {i for span in matched for i in range(span.start, span.end)}
        extra = []
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            for start, end in _uncovered_runs(ent.start, ent.end, taken):
                whole = end - start == len(ent)
                trimmed = self._trim(Span(doc, start, end, label=ent.label_, span_id=NER_ID if whole else NER_REST_ID))
                if len(trimmed) and not self._is_quantity(trimmed):
                    extra.append(trimmed)
        return sorted([*matched, *extra], key=lambda s: s.start)

    def _trim(self, span: Span) -> Span:
        """Drop leading prepositions we do not keep ("in", "since"), an article before a number
        ("a four-week"), and trailing punctuation."""
        doc, start, end = span.doc, span.start, span.end
        trim = self.lexicon.words.get("trim", {})
        while start < end and (doc[start].lower_ in trim or doc[start].is_punct
                               or (doc[start].lower_ in ("a", "an") and start + 1 < end and doc[start + 1].like_num)):
            start += 1
        while end > start and (doc[end - 1].lower_ in _TRAILING or doc[end - 1].is_punct):
            end -= 1
        return Span(doc, start, end, label=span.label, span_id=span.id)

    def _is_quantity(self, span: Span) -> bool:
        """Whether a lone number is a count or a label rather than a year: it counts a plural
        noun ("sent 2000 troops", but not "the 2024 elections" or "in 2022 polls"), or it
        numbers the noun before it ("Resolution 1701")."""
        token = span[0]
        if len(span) != 1 or not token.like_num or token.dep_ not in ("nummod", "appos", "compound"):
            return False
        head = token.head
        if head.i < token.i and head.pos_ in ("NOUN", "PROPN") and head.lower_ not in self.lexicon.words.get("month", {}):
            return True
        if head.tag_ not in ("NNS", "NNPS"):
            return False
        previous = token.nbor(-1) if token.i > 0 else None
        return previous is None or previous.pos_ not in ("DET", "ADP", "PRON") and previous.tag_ != "POS"

    def _resolve(self, span: Span, published: date | None) -> list[tuple[Span, dict]]:
        """Normalize a candidate; an NER range we cannot read ("2009-2010") becomes its ends."""
        info = self._normalize(span, published)
        if span.id_ == NER_REST_ID:
            return [(span, info)] if info is not None and info["value"] is not None else []
        if info is not None:
            return [(span, info)]
        if span.id_ != NER_ID:
            return []
        ends = self._range_ends(span, published)
        if ends:
            return ends
        if self._looks_like_time(span):
            return [(span, {"type": span.label_ or "DATE", "value": None, "first_day": None, "last_day": None,
                            "precision": "unknown", "anchor": None, "reason": NER_REASON})]
        return []

    def _normalize(self, span: Span, published: date | None) -> dict | None:
        return normalize(span.text, published, tense=guess_tense(span, self.lexicon))

    def _range_ends(self, span: Span, published: date | None) -> list[tuple[Span, dict]]:
        for token in span[1:-1]:
            if token.lower_ not in _RANGE_SEPARATORS:
                continue
            doc = span.doc
            parts = [Span(doc, span.start, token.i, label=span.label, span_id=span.id),
                     Span(doc, token.i + 1, span.end, label=span.label, span_id=span.id)]
            infos = [self._normalize(part, published) for part in parts]
            if all(info is not None and info["value"] is not None for info in infos):
                return list(zip(parts, infos))  # type: ignore[arg-type]
        return []

    def _looks_like_time(self, span: Span) -> bool:
        """Whether an NER span we cannot read still names a time (so it is kept, value None)."""
        for token in span:
            if token.shape_ == "dddd" or any(token.lower_ in self.lexicon.words.get(c, {}) for c in _TIME_WORD_CLASSES):
                return True
        return False

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the patterns as `patterns.jsonl` in the directory `path`, like SpanRuler."""
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "patterns.jsonl", self.patterns)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TimeTagger:
        """Load the patterns that `to_disk` wrote, replacing the current ones."""
        self._set_patterns(read_patterns(ensure_path(path) / "patterns.jsonl"))
        return self

    def _set_patterns(self, patterns: list[dict]) -> None:
        self.patterns = patterns
        self.matcher = Matcher(self.nlp.vocab)
        for record in patterns:
            self.matcher.add(record["id"], [record["pattern"]])
        self.anchors = anchors(patterns)


def _clocks_on_their_days(spans: list[Span]) -> None:
    for first, second in zip(spans, spans[1:]):
        if not _clock_on_its_day(first, second):
            _clock_on_its_day(second, first)


def _clock_on_its_day(clock: Span, day: Span) -> bool:
    """A clock time beside a date is on that date, not on the publication day: "at 4 a.m. on
    Nov. 27", "Nov. 27 at 4 a.m." (the two stay separate expressions). True when it moved
    the clock."""
    time, other = clock._.sitrep_time, day._.sitrep_time
    if time["type"] != "TIME" or time["reason"] != _CLOCK_RULE or not time["value"] or "T" not in time["value"]:
        return False
    if other["type"] != "DATE" or other["precision"] != "day" or not other["first_day"]:
        return False
    first, last = sorted((clock, day), key=lambda span: span.start)
    if any(token.lower_ not in _CLOCK_DATE_GLUE for token in first.doc[first.end : last.start]):
        return False
    clock._.sitrep_time = {**time, "value": f"{other['first_day']}T{time['value'].split('T')[1]}",
                           "first_day": other["first_day"], "last_day": other["first_day"]}
    return True


def _uncovered_runs(start: int, end: int, taken: set[int]) -> Iterator[tuple[int, int]]:
    """The stretches of [start, end) that no pattern match covers ("2010" in "2009-2010")."""
    run_start = None
    for i in range(start, end + 1):
        free = i < end and i not in taken
        if free and run_start is None:
            run_start = i
        elif not free and run_start is not None:
            yield run_start, i
            run_start = None


def _inside_name(span: Span, names: list[Span]) -> bool:
    """Whether a span without digits sits inside a name ("Sunday" in "The Sunday Times")."""
    if any(char.isdigit() for char in span.text):
        return False
    return any(ent.start <= span.start and span.end <= ent.end for ent in names)


class _PatternRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    pattern: list[dict]


def read_patterns(path: Path) -> list[dict]:
    """Read a JSONL pattern file, checking each line has an id and a token pattern.

    Raises:
        DataFileError: E201 for a malformed line, E202 for a duplicate id.
    """
    return [row.model_dump() for row in datafiles.load(path, _PatternRow)]


def guess_tense(span: Span, lexicon: Lexicon | None = None) -> str | None:
    """"future" when the verb governing the span points ahead, else None.

    Future: the verb has the auxiliary "will"/"'ll"/"shall"; or a word between the span and
    its verb, or a word controlling that verb through "to" ("due to be published", "plans to
    meet", "going to leave"), is a future cue from the lexicon or is "going".
    """
    lexicon = lexicon or load_lexicon()
    cues = lexicon.words.get("future_cue", {})
    auxiliaries = lexicon.words.get("future_aux", {})
    path = list(_path_to_verb(span.root))
    if any(token.lemma_.lower() in cues for token in path):
        return "future"
    if not path or path[-1].pos_ not in ("VERB", "AUX"):
        return None
    verb = path[-1]
    if any(child.dep_ in ("aux", "auxpass") and child.lower_ in auxiliaries for child in verb.children):
        return "future"
    for controller in _infinitive_controllers(verb):
        if controller.lemma_.lower() in cues or (controller.lemma_ == "go" and controller.tag_ == "VBG"):
            return "future"
        if any(child.dep_ == "aux" and child.lower_ in auxiliaries for child in controller.children):
            return "future"
    return None


def _path_to_verb(token: Token) -> Iterator[Token]:
    """The heads from `token` up to its verb (or the sentence root), the verb included."""
    while token.head.i != token.i:
        token = token.head
        yield token
        if token.pos_ in ("VERB", "AUX"):
            return


def _infinitive_controllers(verb: Token) -> Iterator[Token]:
    """The words a "to"-infinitive hangs from: "due" in "due to be published"."""
    while verb.head.i != verb.i and any(child.dep_ == "aux" and child.tag_ == "TO" for child in verb.children):
        verb = verb.head
        yield verb


def published_date(doc: Doc) -> date | None:
    """The document's publication date, None when unknown or unreadable."""
    value = doc._.sitrep_published
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
