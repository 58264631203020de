"""Sentence blocks and marked fragments of the article view."""

from __future__ import annotations

import pytest

from sitrep.web.markup import Mark, blocks, fragments

from .conftest import hostile_analysis, war_analysis


@pytest.mark.parametrize("analysis", [war_analysis(), hostile_analysis()])
def test_blocks_cover_the_text_exactly_once(analysis):
    joined = "".join(f["text"] for b in blocks(analysis) for f in b["fragments"])
    assert joined == analysis.text


def test_blocks_put_gaps_outside_sentences():
    found = blocks(war_analysis())
    assert [b["sentence"] for b in found] == [0, None, 1]
    assert found[1]["fragments"] == [{"text": "\n\n", "kinds": [], "label": "", "event": None}]


@pytest.mark.parametrize(("spans", "expected"), [
    ([], [("abcdef", [])]),
    ([Mark("actor", 1, 3)], [("a", []), ("bc", ["actor"]), ("def", [])]),
    ([Mark("quote", 0, 6), Mark("actor", 2, 4)], [("ab", ["quote"]), ("cd", ["quote", "actor"]), ("ef", ["quote"])]),
    ([Mark("trigger", 4, 9)], [("abcd", []), ("ef", ["trigger"])]),
])
def test_fragments_cut_at_mark_boundaries(spans, expected):
    assert [(f["text"], f["kinds"]) for f in fragments("abcdef", 0, 6, spans)] == expected


def test_fragments_carry_trigger_event_id():
    pieces = fragments("x shot y", 0, 8, [Mark("trigger", 2, 6, "190", "e3")])
    assert [(p["text"], p["event"], p["label"]) for p in pieces] == [("x ", None, ""), ("shot", "e3", "190"),
                                                                     (" y", None, "")]
