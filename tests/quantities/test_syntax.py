"""Parse walks from a number to its noun and predicate, on hand-built Docs (no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from sitrep.quantities.rules import packaged_rules
from sitrep.quantities.syntax import counted_noun, figure_root, find_predicate, is_agent, name_head

RULES = packaged_rules()
VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, like_num)

# Each token: (text, lemma, pos, tag, dep, head index).
TWELVE_KILLED = [("12", "12", "NUM", "CD", "nummod", 1), ("people", "people", "NOUN", "NNS", "nsubjpass", 3),
                 ("were", "be", "AUX", "VBD", "auxpass", 3), ("killed", "kill", "VERB", "VBN", "ROOT", 3)]
GUNMEN = [("12", "12", "NUM", "CD", "nummod", 1), ("gunmen", "gunman", "NOUN", "NNS", "nsubj", 2),
          ("killed", "kill", "VERB", "VBD", "ROOT", 2), ("3", "3", "NUM", "CD", "nummod", 4),
          ("people", "people", "NOUN", "NNS", "dobj", 2)]
TOLL = [("The", "the", "DET", "DT", "det", 2), ("death", "death", "NOUN", "NN", "compound", 2),
        ("toll", "toll", "NOUN", "NN", "nsubj", 3), ("rose", "rise", "VERB", "VBD", "ROOT", 3),
        ("to", "to", "ADP", "IN", "prep", 3), ("30", "30", "NUM", "CD", "pobj", 4)]
THOUSANDS = [("Thousands", "thousand", "NOUN", "NNS", "nsubj", 3), ("of", "of", "ADP", "IN", "prep", 0),
             ("troops", "troop", "NOUN", "NNS", "pobj", 1), ("massed", "mass", "VERB", "VBD", "ROOT", 3)]
BRIGADES = [("four", "four", "NUM", "CD", "nummod", 1), ("brigades", "brigade", "NOUN", "NNS", "ROOT", 1),
            ("of", "of", "ADP", "IN", "prep", 1), ("special", "special", "ADJ", "JJ", "amod", 4),
            ("forces", "force", "NOUN", "NNS", "pobj", 2)]
KOREAN_TROOPS = [("10,000", "10,000", "NUM", "CD", "nummod", 3), ("North", "north", "ADJ", "JJ", "amod", 2),
                 ("Korean", "korean", "ADJ", "JJ", "amod", 3), ("troops", "troop", "NOUN", "NNS", "ROOT", 3)]
LEFT_DEAD = [("Rebels", "rebel", "NOUN", "NNS", "nsubj", 1), ("left", "leave", "VERB", "VBD", "ROOT", 1),
             ("12", "12", "NUM", "CD", "dobj", 1), ("dead", "dead", "ADJ", "JJ", "oprd", 1)]
INJURED = [("30", "30", "NUM", "CD", "nsubj", 1), ("injured", "injure", "VERB", "VBN", "ROOT", 1)]
ARTICLE = [("Article", "article", "NOUN", "NN", "ROOT", 0), ("5", "5", "NUM", "CD", "nummod", 0)]
PERCENT = [("15", "15", "NUM", "CD", "nummod", 1), ("percent", "percent", "NOUN", "NN", "compound", 2),
           ("threshold", "threshold", "NOUN", "NN", "ROOT", 2)]


def _doc(rows: list[tuple[str, str, str, str, str, int]]) -> Doc:
    texts, lemmas, pos, tags, deps, heads = (list(column) for column in zip(*rows))
    return Doc(VOCAB, words=texts, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads)


@pytest.mark.parametrize(
    ("rows", "number", "noun"),
    [(TWELVE_KILLED, 0, "people"), (THOUSANDS, 0, "troops"), (BRIGADES, 0, "brigades"),
     (KOREAN_TROOPS, 0, "troops"), (PERCENT, 0, "percent"), (LEFT_DEAD, 2, None), (TOLL, 5, None)],
)
def test_counted_noun_follows_the_parse(rows: list, number: int, noun: str | None) -> None:
    doc = _doc(rows)
    found = counted_noun(doc[number], number + 1, RULES)
    assert (found.text if found is not None else None) == noun


@pytest.mark.parametrize(
    ("rows", "word", "kind"),
    [(TWELVE_KILLED, 1, "dead"), (GUNMEN, 4, "dead"), (GUNMEN, 1, None), (TOLL, 5, "dead"),
     (LEFT_DEAD, 2, "dead"), (INJURED, 0, "injured"), (KOREAN_TROOPS, 3, None)],
)
def test_find_predicate_reads_what_happened(rows: list, word: int, kind: str | None) -> None:
    found = find_predicate(_doc(rows)[word], RULES)
    assert (found.kind if found is not None else None) == kind


@pytest.mark.parametrize(("rows", "word", "verb", "agent"), [(GUNMEN, 1, 2, True), (INJURED, 0, 1, False),
                                                             (TWELVE_KILLED, 1, 3, False)])
def test_is_agent_tells_doer_from_undergoer(rows: list, word: int, verb: int, agent: bool) -> None:
    doc = _doc(rows)
    assert is_agent(doc[word], doc[verb]) is agent


@pytest.mark.parametrize(("rows", "number", "named"), [(ARTICLE, 1, True), (TWELVE_KILLED, 0, False)])
def test_name_head_spots_numbered_names(rows: list, number: int, named: bool) -> None:
    doc = _doc(rows)
    assert (name_head(doc[number], number) is not None) is named


def test_figure_root_is_the_token_hanging_outside() -> None:
    doc = _doc(THOUSANDS)
    assert figure_root(list(doc[0:3])).text == "Thousands"
