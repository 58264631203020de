"""Sentence numbers of tokens, for components that compare how far apart two words are."""

from __future__ import annotations

from spacy.tokens import Doc


def sentence_numbers(doc: Doc) -> list[int]:
    """The index in `doc.sents` of every token's sentence, one list lookup per token later."""
    numbers = [0] * len(doc)
    for number, sent in enumerate(doc.sents):
        numbers[sent.start : sent.end] = [number] * len(sent)
    return numbers
