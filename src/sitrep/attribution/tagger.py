"""The quotes-and-claims component: who says what, with which cue and stance.

`QuoteTagger` finds reporting cues (data/cues.jsonl), reads their claimant and content off
the parse, pairs quotation marks, and ties each quotation to the cue that introduces it.
It writes `doc.spans["sitrep_quotes"]` (with `span._.sitrep_quote`) and
`doc._.sitrep_claims`, all plain data. The factory `sitrep_quotes` lives in
`sitrep.nlp.factories`. Docs: docs/attribution.md
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from sitrep.attribution.cues import Cue, dump_cues, load_cues
from sitrep.attribution.layouts import Credit, dash_credit, speaker_label
from sitrep.attribution.nouns import person_nouns
from sitrep.attribution.quotemarks import paragraphs, quote_pairs
from sitrep.attribution.syntax import (
    Content,
    Mention,
    adjacent_name,
    claimants,
    content,
    is_passive,
    is_quote_mark,
    names_its_noun,
    speaker_in_content,
    trailing_report,
)
from sitrep.geo.rules import dateline_end
from sitrep.nlp.extensions import QUOTES  # importing it registers the sitrep_* extensions
from sitrep.nlp.sentences import sentence_numbers

CUES_FILE = "cues.jsonl"
PRONOUNS = frozenset({"he", "she", "him", "her"})
# Pronouns for speakers that are no person, with the tags their antecedent's head may have.
_NON_PERSON_PRONOUNS = {"it": frozenset({"NN", "NNP"}), "they": frozenset({"NNS", "NNPS"})}
_PRONOUN_SENTENCES = 2  # how many sentences before its own "it" or "they" may look back
_CLAUSE_RULES = frozenset({"content.ccomp", "content.advcl", "content.parataxis"})
_TRAILING_PUNCT = frozenset({",", ";", ":", "—", "–", "-"})
# A quote with no verb needs this many words to count as speech rather than a title or
# scare quote; a complement may have this many words outside a quote and still be "covered".
_SUBSTANTIAL_WORDS = 6
_COVER_SLACK = 2
_NOT_SPEAKERS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY"})


@dataclass
class _Hit:
    """A reporting cue found in the doc, with what the parse says about it."""

    cue: Cue
    token: Token
    end: int
    claimants: list[Mention]
    content: Content | None
    in_quote: bool
    mixed: bool = False
    covered: bool = False
    via: _Hit | None = None


@dataclass
class _Quote:
    """The words between a pair of quotation marks, as a token range [start, end)."""

    doc: Doc
    start: int
    end: int
    paragraph: int
    hit: _Hit | None = None
    rule: str | None = None
    consumed: bool = False

    def overlaps(self, span: Content) -> bool:
        return self.start < span.end and span.start < self.end

    def inside(self, span: Content) -> bool:
        """True when the quote is only part of `span`: words of `span` lie outside it."""
        return span.start <= self.start and self.end <= span.end and self.words_outside(span) > 0

    def words_outside(self, span: Content) -> int:
        return sum(1 for i in range(span.start, span.end) if not self.start <= i < self.end and _is_word(self.doc[i]))

    def substantial(self) -> bool:
        """Speech has a verb or some length; titles and scare quotes do not."""
        tokens = self.doc[self.start : self.end]
        return any(t.pos_ in ("VERB", "AUX") for t in tokens) or sum(map(_is_word, tokens)) >= _SUBSTANTIAL_WORDS

    def attached_to(self, hit: _Hit) -> bool:
        return any(token.head.i == hit.token.i for token in self.doc[self.start : self.end])

    def opens_line(self) -> bool:
        """True when only blanks and the opening mark precede the quote on its line."""
        for token in reversed(self.doc[: self.start]):
            if "\n" in token.text:
                return True
            if token.text.strip(" \t“\""):
                return False
        return True


@dataclass
class _Layout:
    """Sentence and paragraph index of every token, and which tokens sit inside quote marks."""

    sentence: list[int]
    paragraph: list[int]
    quoted: list[bool]
    bounds: list[tuple[int, int]]


class QuoteTagger:
    """spaCy component writing quotes (`doc.spans["sitrep_quotes"]`) and claims (`doc._.sitrep_claims`).

    Args:
        nlp: The pipeline, for its vocab.
        name: The component's name in the pipeline.
        cues: Path of a cue JSONL file; None uses the packaged `data/cues.jsonl`.

    Raises:
        DataFileError: when the cue file is malformed (E201) or repeats an id (E202).

    Docs: docs/attribution.md
    """

    def __init__(self, nlp: Language, name: str = "sitrep_quotes", cues: str | None = None) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.set_cues(load_cues(cues))

    def set_cues(self, cues: Iterable[Cue]) -> None:
        """Replace the cue table and rebuild the matchers from it."""
        self.cues = list(cues)
        self._by_lemma = {(cue.lemma.lower(), cue.pos): cue for cue in self.cues if cue.lemma}
        self._by_phrase = {cue.id: cue for cue in self.cues if cue.phrase}
        self._phrases = PhraseMatcher(self.vocab, attr="LOWER")
        for cue in self._by_phrase.values():
            self._phrases.add(cue.id, [Doc(self.vocab, words=cue.words)])

    def __call__(self, doc: Doc) -> Doc:
        """Annotate quotes and claims; odd or unbalanced punctuation never raises."""
        layout = _layout(doc)
        quotes = _quotes(doc, layout)
        hits = _without_echoes(self._hits(doc, layout) + self._layout_hits(doc, quotes, layout))
        _resolve_pronouns(doc, hits, layout.sentence)
        _link_by_parse(hits, quotes)
        _link_by_window(doc, hits, quotes, layout)
        _link_colon_blocks(doc, hits, quotes, layout)
        _link_continuations(quotes)
        _mark_reported(doc, hits, quotes)
        doc.spans[QUOTES] = _quote_spans(doc, hits, quotes)
        doc._.sitrep_claims = [_claim(doc, hit, quotes, layout) for hit in hits if _vouches(hit, quotes)]
        return doc

    def _hits(self, doc: Doc, layout: _Layout) -> list[_Hit]:
        found: list[tuple[Token, int, Cue]] = []
        for token in doc:
            cue = self._by_lemma.get((token.lemma_.lower(), token.pos_))
            if cue and _may_cue(token, cue):
                found.append((token, token.i + 1, cue))
        for match_id, start, end in self._phrases(doc):
            found.append((doc[start], end, self._by_phrase[self.vocab.strings[match_id]]))
        return [_hit(token, end, cue, layout) for token, end, cue in found]

    def _layout_hits(self, doc: Doc, quotes: list[_Quote], layout: _Layout) -> list[_Hit]:
        """Speaker labels and dash credits, each tied to the quote they attribute."""
        hits: list[_Hit] = []
        lines = _line_ranges(doc, layout)
        for cue in (cue for cue in self.cues if cue.layout == "label"):
            for start, end in lines:
                if (credit := speaker_label(doc, start, end)) is not None and not layout.quoted[credit.name_start]:
                    quote = _label_quote(doc, quotes, credit.cue_end, end, layout)
                    hits.append(_credited(doc, cue, credit, quote, "quote.direct.speaker_label"))
        for cue in (cue for cue in self.cues if cue.layout == "credit"):
            for quote in quotes:
                if quote.hit is None and (credit := dash_credit(doc, quote.end, lines[quote.paragraph][1])):
                    hits.append(_credited(doc, cue, credit, quote, "quote.direct.dash_credit"))
        return hits

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the cue table beside the pipeline so a saved pipeline keeps its rules."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / CUES_FILE).write_text(dump_cues(self.cues), encoding="utf8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuoteTagger:
        """Read the cue table written by `to_disk`."""
        self.set_cues(load_cues(Path(path) / CUES_FILE))
        return self


def _without_echoes(hits: list[_Hit]) -> list[_Hit]:
    """Drop a noun cue whose content a verb cue already reports ("said in a statement that X")."""
    verb_content = {(hit.content.start, hit.content.end) for hit in hits if hit.content and hit.cue.pos == "VERB"}
    kept = [
        hit for hit in hits
        if not (hit.cue.pos == "NOUN" and hit.content and (hit.content.start, hit.content.end) in verb_content)
    ]
    return sorted(kept, key=lambda hit: hit.token.i)


def _may_cue(token: Token, cue: Cue) -> bool:
    """Not a modifier ("the alleged attack"), not a participle naming its noun with nobody
    doing the naming ("a program called EB-5"; "a deal called a betrayal by Kyiv" still is)."""
    if token.dep_ in ("amod", "compound") and not token.is_sent_start and cue.pos != "NOUN":
        return False
    return not names_its_noun(token) or is_passive(token)


def _hit(token: Token, end: int, cue: Cue, layout: _Layout) -> _Hit:
    found = _past_dateline(token.doc, content(token, cue))
    if cue.lemma and cue.pos == "VERB" and "ccomp" in cue.relations:
        split = trailing_report(token) if found is None else speaker_in_content(token, found)
        if split is not None and not layout.quoted[split[0][0].head]:
            return _Hit(cue, token, end, split[0], _past_dateline(token.doc, split[1]), layout.quoted[token.i])
    return _Hit(cue, token, end, _claimants(token, end, cue, layout), found, layout.quoted[token.i])


def _past_dateline(doc: Doc, found: Content | None) -> Content | None:
    """A fronted report vouches for what happened, not for where it was filed: "MANILA,
    Philippines - Chinese vessels fired water cannon ..., the military said" starts at Chinese."""
    if found is None:
        return None
    start = dateline_end(doc, found.start)
    return found if start == found.start or start >= found.end else replace(found, start=start)


def _claimants(token: Token, end: int, cue: Cue, layout: _Layout) -> list[Mention]:
    """Claimants outside quote marks (unless the cue is quoted too), else a name beside the cue."""
    found = claimants(token, cue, lambda head: layout.quoted[head.i] == layout.quoted[token.i] and _can_speak(head))
    if not found and cue.lemma and cue.pos == "VERB" and not is_passive(token):
        name = adjacent_name(token, end)
        if name is not None and not layout.quoted[name.head]:
            found = [name]
    return found


def _can_speak(head: Token) -> bool:
    """Dates, times and figures do not vouch for anything ("5:45 p.m. says" is a misparse)."""
    return head.ent_type_ not in _NOT_SPEAKERS


def _line_ranges(doc: Doc, layout: _Layout) -> list[tuple[int, int]]:
    """Token range of each paragraph (line), indexed like `layout.paragraph`."""
    ranges: list[tuple[int, int]] = []
    for token in doc:
        number = layout.paragraph[token.i]
        while len(ranges) <= number:
            ranges.append((token.i, token.i))
        ranges[number] = (ranges[number][0], token.i + 1)
    return ranges


def _credited(doc: Doc, cue: Cue, credit: Credit, quote: _Quote | None, rule: str) -> _Hit:
    """A hit for a punctuation cue: the named speaker, linked to the quote it credits."""
    name = doc[credit.name_start : credit.name_end]
    speaker = Mention(credit.name_start, credit.name_end, name.root.i, "claimant.layout")
    hit = _Hit(cue, doc[credit.cue_start], credit.cue_end, [speaker], None, False)
    if quote is not None:
        _link(quote, hit, rule)
    return hit


def _label_quote(doc: Doc, quotes: list[_Quote], start: int, end: int, layout: _Layout) -> _Quote | None:
    """The speech after a speaker label: the quotation there, or the rest of the line as one."""
    words = [i for i in range(start, end) if _is_word(doc[i])]
    if not words:
        return None
    for quote in quotes:
        if quote.start <= words[0] and words[-1] < quote.end + _COVER_SLACK:
            return quote
    last = max(i for i in range(words[-1], end) if not doc[i].is_space and not is_quote_mark(doc[i]))
    quote = _Quote(doc, words[0], last + 1, layout.paragraph[words[0]])
    quotes.append(quote)
    quotes.sort(key=lambda item: item.start)
    return quote


def _is_word(token: Token) -> bool:
    return not (token.is_punct or token.is_space or is_quote_mark(token))


def _layout(doc: Doc) -> _Layout:
    sentence = sentence_numbers(doc)
    bounds = [(sent.start, sent.end) for sent in doc.sents]
    starts = [start for start, _ in paragraphs(doc.text)] or [0]
    paragraph = [max(bisect.bisect_right(starts, token.idx) - 1, 0) for token in doc]
    return _Layout(sentence, paragraph, [False] * len(doc), bounds)


def _quotes(doc: Doc, layout: _Layout) -> list[_Quote]:
    """Token ranges inside balanced quote marks, trailing commas and dashes dropped."""
    quotes: list[_Quote] = []
    for opening, closing in quote_pairs(doc.text):
        inner = doc.char_span(opening, closing, alignment_mode="contract")
        if inner is None or not len(inner):
            continue
        layout.quoted[inner.start : inner.end] = [True] * len(inner)
        start, end = inner.start, inner.end
        while end > start and (doc[end - 1].text in _TRAILING_PUNCT or doc[end - 1].is_space):
            end -= 1
        while start < end and doc[start].is_space:
            start += 1
        if start < end:
            quotes.append(_Quote(doc, start, end, layout.paragraph[start]))
    return quotes


def _resolve_pronouns(doc: Doc, hits: list[_Hit], sentence: list[int]) -> None:
    """Point "he said" at the most recent person who spoke or vouched before it, named
    ("Ko Thura said") or not ("a resident who asked not to be named said"); "it said" at the
    latest institution that did ("The U.S. Central Command denied ... It said"), and "they
    said" at the latest plural speaker, each within the last few sentences."""
    named: list[Mention] = []
    others: list[Mention] = []
    for hit in hits:
        resolved: list[Mention] = []
        for mention in hit.claimants:
            word = doc[mention.head].lower_ if mention.end - mention.start == 1 else ""
            if word in PRONOUNS:
                mention = _antecedent(doc, mention, named) or mention
            elif word in _NON_PERSON_PRONOUNS:
                mention = _nearby_speaker(doc, mention, others, _NON_PERSON_PRONOUNS[word], sentence) or mention
            elif _is_person(doc, mention):
                named.append(mention)
            else:
                others.append(mention)
            resolved.append(mention)
        hit.claimants = resolved


def _nearby_speaker(doc: Doc, pronoun: Mention, speakers: list[Mention], tags: frozenset[str],
                    sentence: list[int]) -> Mention | None:
    """The latest earlier speaker whose head has one of `tags`, at most a few sentences back;
    none for an expletive ("it is necessary to show", "find it difficult")."""
    word = doc[pronoun.head]
    if word.dep_ != "nsubj" or word.head.pos_ != "VERB" or word.head.lemma_ == "be":
        return None
    first = sentence[word.i] - _PRONOUN_SENTENCES
    for found in reversed(speakers):
        if found.end <= pronoun.start and sentence[found.start] >= first and doc[found.head].tag_ in tags:
            return Mention(found.start, found.end, found.head, "quote.speaker.pronoun", (pronoun.start, pronoun.end))
    return None


def _is_person(doc: Doc, mention: Mention) -> bool:
    head = doc[mention.head]
    if head.tag_ == "NN" and not head.ent_type_ and head.lemma_.lower() in person_nouns():
        return True
    return any(token.ent_type_ == "PERSON" for token in doc[mention.start : mention.end])


def _antecedent(doc: Doc, pronoun: Mention, named: list[Mention]) -> Mention | None:
    """The latest speaker who is a person before the pronoun, else the latest named person who was a subject."""
    local = (pronoun.start, pronoun.end)
    earlier = [mention for mention in named if mention.end <= pronoun.start]
    if earlier:
        found = earlier[-1]
        return Mention(found.start, found.end, found.head, "quote.speaker.pronoun", local)
    subjects = [
        ent for ent in doc.ents
        if ent.label_ == "PERSON" and ent.end <= pronoun.start and ent.root.dep_ in ("nsubj", "nsubjpass")
    ]
    if subjects:
        ent = subjects[-1]
        return Mention(ent.start, ent.end, ent.root.i, "quote.speaker.pronoun", local)
    return None


def _link(quote: _Quote, hit: _Hit, rule: str) -> None:
    quote.hit, quote.rule = hit, rule


def _position_rule(hit: _Hit, quote: _Quote) -> str:
    """Name the layout: quote before the cue, after it, or after a colon."""
    if quote.end <= hit.token.i:
        return "quote.direct.before_cue"
    between = quote.doc[hit.end : quote.start]
    return "quote.direct.colon" if any(t.text == ":" for t in between) else "quote.direct.after_cue"


def _link_by_parse(hits: list[_Hit], quotes: list[_Quote]) -> None:
    """A quote filling a speech cue's complement clause is direct; a quote inside the content
    (or anywhere in an object: 'called it “a disgrace”') makes the content mixed."""
    for hit in hits:
        if not hit.cue.speech or hit.in_quote or hit.content is None:
            continue
        clause = hit.content.rule in _CLAUSE_RULES
        for quote in quotes:
            if quote.hit is not None or quote.consumed or not quote.overlaps(hit.content):
                continue
            if not clause or quote.inside(hit.content) and quote.words_outside(hit.content) > _COVER_SLACK:
                quote.consumed = True
                hit.mixed = True
            elif quote.words_outside(hit.content) <= _COVER_SLACK:
                _link(quote, hit, _position_rule(hit, quote))
                hit.covered = True


def _link_by_window(doc: Doc, hits: list[_Hit], quotes: list[_Quote], layout: _Layout) -> None:
    """Tie each remaining quote to the nearest speech cue in its sentence or the next one out."""
    for quote in quotes:
        if quote.hit is not None or quote.consumed:
            continue
        scored = [(score, n) for n, hit in enumerate(hits) if (score := _window_score(doc, hit, quote, layout))]
        if not scored:
            continue
        hit = hits[min(scored)[1]]
        if quote.substantial() or quote.attached_to(hit):
            _link(quote, hit, _position_rule(hit, quote))


def _window_score(doc: Doc, hit: _Hit, quote: _Quote, layout: _Layout) -> tuple[int, int, int] | None:
    """Rank a cue for a quote: same sentence first, then cues free of other content, then nearness."""
    if not hit.cue.speech or hit.in_quote or layout.paragraph[hit.token.i] != quote.paragraph:
        return None
    first, last = layout.sentence[quote.start], layout.sentence[quote.end - 1]
    sentence = layout.sentence[hit.token.i]
    if not first - 1 <= sentence <= last + 1:
        return None
    own_content = hit.content is not None and not quote.overlaps(hit.content)
    tier = 0 if first <= sentence <= last else 1
    if tier == 1 and own_content and not _sentence_ends_with_colon(doc, sentence, layout):
        return None
    distance = min(abs(hit.token.i - quote.start), abs(hit.token.i - quote.end))
    return tier, int(own_content), distance


def _sentence_ends_with_colon(doc: Doc, sentence: int, layout: _Layout) -> bool:
    start, end = layout.bounds[sentence]
    words = [token for token in doc[start:end] if not token.is_space]
    return any(token.text == ":" for token in words[-2:])


def _link_colon_blocks(doc: Doc, hits: list[_Hit], quotes: list[_Quote], layout: _Layout) -> None:
    """"He wrote:" ending a line introduces the next line: its quotation, or the whole line."""
    lines = _line_ranges(doc, layout)
    for hit in hits:
        number = layout.paragraph[hit.token.i]
        if not hit.cue.speech or hit.in_quote or number + 1 >= len(lines) or any(q.hit is hit for q in quotes):
            continue
        words = [i for i in range(hit.end, lines[number][1]) if not doc[i].is_space]
        if not words or doc[words[-1]].text != ":" or hit.content is not None and hit.content.end > words[-1]:
            continue
        quote = _label_quote(doc, quotes, *lines[number + 1], layout)
        if quote is not None and quote.hit is None:
            _link(quote, hit, "quote.direct.colon_block")


def _link_continuations(quotes: list[_Quote]) -> None:
    """A quote right after an attributed one, in its paragraph or opening the next, continues it."""
    previous: _Quote | None = None
    for quote in quotes:
        if quote.consumed:
            continue
        if quote.hit is None and previous is not None and previous.hit is not None and _continues(previous, quote):
            _link(quote, previous.hit, "quote.direct.continued")
        if quote.hit is not None:
            previous = quote


def _continues(previous: _Quote, quote: _Quote) -> bool:
    if not quote.substantial():
        return False
    if previous.paragraph == quote.paragraph:
        return True
    return quote.paragraph == previous.paragraph + 1 and quote.opens_line()


def _mark_reported(doc: Doc, hits: list[_Hit], quotes: list[_Quote]) -> None:
    """A cue inside what someone else says is reported second-hand: in "The Times wrote that
    Trump claimed a loss", Trump's claim comes to us via The Times. The narrowest such body wins;
    the same speaker going on ("Lynch said ... Lynch noted") is no reporting."""
    bodies = [(start, end, hit) for hit in hits if _vouches(hit, quotes) and hit.claimants
              for start, end in _bodies(hit, quotes)]
    for hit in hits:
        holders = [(end - start, outer) for start, end, outer in bodies
                   if outer is not hit and start <= hit.token.i < end and not _same_speaker(doc, hit, outer)]
        hit.via = min(holders, key=lambda holder: holder[0])[1] if holders and hit.claimants else None


def _bodies(hit: _Hit, quotes: list[_Quote]) -> list[tuple[int, int]]:
    """Token ranges of what a cue vouches for: its content and the quotes tied to it."""
    found = [(quote.start, quote.end) for quote in quotes if quote.hit is hit]
    if hit.content is not None:
        found.append((hit.content.start, hit.content.end))
    return found


def _same_speaker(doc: Doc, hit: _Hit, other: _Hit) -> bool:
    def heads(item: _Hit) -> set[str]:
        return {doc[mention.head].lower_ for mention in item.claimants}

    return bool(heads(hit) & heads(other))


def _char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _speaker(doc: Doc, hit: _Hit | None) -> dict[str, Any]:
    """Speaker fields of a quote: the first claimant of its cue, if any."""
    if hit is None or not hit.claimants:
        return {"speaker_start": None, "speaker_end": None, "speaker_head": None, "speaker_evidence": None}
    mention = hit.claimants[0]
    start, end = _char_range(doc, mention.start, mention.end)
    fields: dict[str, Any] = {"speaker_start": start, "speaker_end": end, "speaker_head": mention.head,
                              "speaker_evidence": mention.rule}
    if mention.local is not None:
        fields["mention_start"], fields["mention_end"] = _char_range(doc, *mention.local)
    return fields


def _quote_facts(doc: Doc, hit: _Hit | None, kind: str, evidence: str) -> dict[str, Any]:
    cue_start, cue_end = _char_range(doc, hit.token.i, hit.end) if hit else (None, None)
    return {"kind": kind, "cue": doc[hit.token.i : hit.end].text if hit else None,
            "cue_start": cue_start, "cue_end": cue_end, **_speaker(doc, hit), "via": _via(doc, hit),
            "evidence": evidence}


def _quote_spans(doc: Doc, hits: list[_Hit], quotes: list[_Quote]) -> list[Span]:
    """Direct quotes (attributed or not), then indirect and mixed reported speech."""
    spans: list[Span] = []
    for quote in quotes:
        if quote.consumed or (quote.hit is None and not quote.substantial()):
            continue
        spans.append(_span(doc, quote.start, quote.end,
                           _quote_facts(doc, quote.hit, "direct", quote.rule or "quote.direct.unattributed")))
    for hit in hits:
        if not hit.cue.speech or hit.in_quote or hit.covered or hit.content is None:
            continue
        if hit.content.rule not in _CLAUSE_RULES and not hit.mixed:
            continue
        kind = "mixed" if hit.mixed else "indirect"
        evidence = f"quote.{kind}.{hit.content.rule.split('.')[-1]}"
        spans.append(_span(doc, hit.content.start, hit.content.end, _quote_facts(doc, hit, kind, evidence)))
    return sorted(spans, key=lambda span: (span.start, span.end))


def _span(doc: Doc, start: int, end: int, facts: dict[str, Any]) -> Span:
    """A QUOTE span whose id is the rule that made it, as for every sitrep pattern."""
    span = Span(doc, start, end, label="QUOTE", span_id=facts["evidence"])
    span._.sitrep_quote = facts
    return span


def _vouches(hit: _Hit, quotes: list[_Quote]) -> bool:
    return not hit.in_quote and (hit.content is not None or any(quote.hit is hit for quote in quotes))


def _claim(doc: Doc, hit: _Hit, quotes: list[_Quote], layout: _Layout) -> dict[str, Any]:
    """One claim: the cue, its stance, every claimant and what they vouch for."""
    linked = [quote for quote in quotes if quote.hit is hit]
    body = _quote_content(doc, linked[0]) if linked and (hit.covered or hit.content is None) else hit.content
    assert body is not None
    cue_start, cue_end = _char_range(doc, hit.token.i, hit.end)
    content_start, content_end = _char_range(doc, body.start, body.end)
    return {
        "id": hit.cue.id, "cue": doc[hit.token.i : hit.end].text, "cue_i": hit.token.i,
        "cue_start": cue_start, "cue_end": cue_end, "stance": hit.cue.stance,
        "claimants": [_claimant(doc, mention) for mention in hit.claimants], "via": _via(doc, hit),
        "content_start": content_start, "content_end": content_end, "content_head": body.head,
        "sentence": layout.sentence[hit.token.i],
        "negated": any(child.dep_ == "neg" for child in hit.token.children),
        "claimant_rule": hit.claimants[0].rule if hit.claimants else None, "content_rule": body.rule,
    }


def _quote_content(doc: Doc, quote: _Quote) -> Content:
    return Content(quote.start, quote.end, doc[quote.start : quote.end].root.i, "content.quote")


def _via(doc: Doc, hit: _Hit | None) -> dict[str, int] | None:
    """The first claimant of the claim this one is reported in, if it is reported."""
    if hit is None or hit.via is None:
        return None
    return _claimant(doc, hit.via.claimants[0])


def _claimant(doc: Doc, mention: Mention) -> dict[str, int]:
    start, end = _char_range(doc, mention.start, mention.end)
    fields = {"start": start, "end": end, "head": mention.head}
    if mention.local is not None:
        fields["mention_start"], fields["mention_end"] = _char_range(doc, *mention.local)
    return fields
