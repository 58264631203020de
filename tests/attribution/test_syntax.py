"""Claimant and content rules on hand-built parses, so they hold whatever the model does."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from sitrep.attribution.cues import Cue, load_cues
from sitrep.attribution.syntax import claimants, content, noun_phrase

VOCAB = English().vocab


def _doc(rows: list[tuple[str, int, str, str]], tags: dict[int, str] | None = None) -> Doc:
    """Rows of (word, head index, dep, POS)."""
    words, heads, deps, pos = (list(column) for column in zip(*rows, strict=True))
    tag_list = [(tags or {}).get(i, "") for i in range(len(words))]
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tag_list)


def _cue(name: str) -> Cue:
    return next(cue for cue in load_cues() if cue.lemma == name and cue.pos == "VERB" or cue.phrase == name)


def _text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text


PASSIVE = [("the", 1, "det", "DET"), ("reports", 3, "nsubjpass", "NOUN"), ("were", 3, "auxpass", "AUX"),
           ("confirmed", 3, "ROOT", "VERB"), ("by", 3, "agent", "ADP"), ("Kyiv", 4, "pobj", "PROPN"),
           ("and", 4, "cc", "CCONJ"), ("by", 4, "conj", "ADP"), ("South", 9, "amod", "ADJ"),
           ("Korea", 7, "pobj", "PROPN")]
RELATIVE = [("intelligence", 0, "ROOT", "NOUN"), (",", 0, "punct", "PUNCT"), ("which", 3, "nsubj", "PRON"),
            ("said", 0, "relcl", "VERB"), ("troops", 5, "nsubj", "NOUN"), ("left", 3, "ccomp", "VERB")]
ACCORDING = [("Troops", 1, "nsubj", "NOUN"), ("left", 1, "ROOT", "VERB"), (",", 1, "punct", "PUNCT"),
             ("according", 1, "prep", "VERB"), ("to", 3, "prep", "ADP"), ("officials", 4, "pobj", "NOUN"),
             (".", 1, "punct", "PUNCT")]
APPOSITION = [("A", 1, "det", "DET"), ("spokeswoman", 6, "nsubj", "NOUN"), (",", 1, "punct", "PUNCT"),
              ("Anna", 4, "compound", "PROPN"), ("Kovalenko", 1, "appos", "PROPN"), (",", 1, "punct", "PUNCT"),
              ("said", 6, "ROOT", "VERB"), ("nothing", 6, "dobj", "PRON")]
TOLD = [("He", 1, "nsubj", "PRON"), ("told", 1, "ROOT", "VERB"), ("reporters", 1, "dobj", "NOUN"),
        ("that", 5, "mark", "SCONJ"), ("it", 5, "nsubj", "PRON"), ("ended", 1, "ccomp", "VERB")]
ADVCL = [("Petrov", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB"), ("he", 4, "nsubj", "PRON"),
         ("would", 4, "aux", "AUX"), ("go", 1, "advcl", "VERB")]
CALLED = [("He", 1, "nsubj", "PRON"), ("called", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
          ("test", 1, "dobj", "NOUN"), ("a", 5, "det", "DET"), ("violation", 1, "oprd", "NOUN")]


def test_claimants_passive_lists_each_conjoined_agent() -> None:
    doc = _doc(PASSIVE)
    found = claimants(doc[3], _cue("confirm"))
    assert [_text(doc, m.start, m.end) for m in found] == ["Kyiv", "South Korea"]
    assert {m.rule for m in found} == {"claimant.agent"}


def test_content_passive_is_the_passive_subject() -> None:
    doc = _doc(PASSIVE)
    found = content(doc[3], _cue("confirm"))
    assert found is not None and _text(doc, found.start, found.end) == "the reports"


def test_claimants_relative_clause_is_the_modified_noun() -> None:
    doc = _doc(RELATIVE, tags={2: "WDT"})
    (mention,) = claimants(doc[3], _cue("say"))
    assert _text(doc, mention.start, mention.end) == "intelligence"
    assert mention.local == (2, 3) and mention.rule == "claimant.relcl"


def test_claimants_according_to_is_the_object() -> None:
    doc = _doc(ACCORDING)
    (mention,) = claimants(doc[3], _cue("according to"))
    assert _text(doc, mention.start, mention.end) == "officials"


def test_content_according_to_is_the_host_clause_without_the_phrase() -> None:
    doc = _doc(ACCORDING)
    found = content(doc[3], _cue("according to"))
    assert found is not None and _text(doc, found.start, found.end) == "Troops left"


def test_claimants_role_noun_with_named_apposition_gives_the_name() -> None:
    doc = _doc(APPOSITION)
    (mention,) = claimants(doc[6], _cue("say"))
    assert _text(doc, mention.start, mention.end) == "Anna Kovalenko"


@pytest.mark.parametrize(
    ("rows", "verb", "cue", "expected", "rule"),
    [
        (TOLD, 1, "tell", "that it ended", "content.ccomp"),
        (ADVCL, 1, "say", "he would go", "content.advcl"),
        (CALLED, 1, "call", "the test a violation", "content.oprd"),
        (APPOSITION, 6, "say", "nothing", "content.dobj"),
    ],
)
def test_content_picks_the_relation_the_cue_allows(rows: list, verb: int, cue: str, expected: str, rule: str) -> None:
    doc = _doc(rows)
    found = content(doc[verb], _cue(cue))
    assert found is not None and (_text(doc, found.start, found.end), found.rule) == (expected, rule)


def test_content_tell_never_takes_the_addressee() -> None:
    doc = _doc(TOLD[:3])
    assert content(doc[1], _cue("tell")) is None


@pytest.mark.parametrize(
    ("rows", "head", "expected"),
    [
        (APPOSITION, 4, "Anna Kovalenko"),
        (PASSIVE, 9, "South Korea"),
        (ACCORDING, 5, "officials"),
    ],
)
def test_noun_phrase_stops_before_punctuation_and_apposition(rows: list, head: int, expected: str) -> None:
    doc = _doc(rows)
    assert _text(doc, *noun_phrase(doc[head])) == expected
