"""Attributions made by punctuation rather than a verb: transcripts and pull-quote credits.

"WELLER: We are moving north." opens a line with the speaker's name and a colon; a pull
quote ends with "― Maria Gomez". Both are common in interviews, debates and vox pops, and neither
has a reporting verb for the parse to find. Docs: docs/attribution.md
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitrep.attribution.syntax import is_quote_mark

CREDIT_DASHES = frozenset("―—–")
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_MAX_NAME_TOKENS = 5
_MAX_LABEL_TOKENS = 3
_MIN_CONTENT_WORDS = 2


@dataclass(frozen=True)
class Credit:
    """Token ranges [start, end) of the speaker's name and of the punctuation cue."""

    name_start: int
    name_end: int
    cue_start: int
    cue_end: int


def speaker_label(doc: Doc, start: int, end: int) -> Credit | None:
    """'NAME: words' on the line doc[start:end]: a short name, then a colon, then speech."""
    words = [i for i in range(start, end) if not (doc[i].is_space or is_quote_mark(doc[i]))]
    if not words:
        return None
    first = words[0]
    colon = next((i for i in words[1 : _MAX_LABEL_TOKENS + 1] if doc[i].text == ":"), None)
    if colon is None or sum(1 for i in range(colon + 1, end) if doc[i].is_alpha) < _MIN_CONTENT_WORDS:
        return None
    name = doc[first:colon]
    if not all(_is_name_word(token) for token in name) or not _is_speaker_name(name):
        return None
    return Credit(first, colon, colon, colon + 1)


def _is_speaker_name(name: Span) -> bool:
    """A named entity throughout, or a label naming a person the article mentions: a shouted
    transcript label ("BERG") or a headline's "Pence: ..." that NER missed."""
    if all(token.ent_type_ in _NAME_LABELS for token in name):
        return True
    label = name.text.lower()
    return any(ent.label_ == "PERSON" and label in ent.text.lower() and ent.start != name.start for ent in name.doc.ents)


def dash_credit(doc: Doc, after_quote: int, end: int) -> Credit | None:
    """'“...” ― NAME' closing the line: a dash after the quote, then only a name."""
    i = after_quote
    while i < end and (doc[i].is_space or is_quote_mark(doc[i])):
        i += 1
    if i >= end or not doc[i].text.strip("”\"") or set(doc[i].text.strip("”\"")) - CREDIT_DASHES:
        return None
    dash = name_start = i
    while name_start + 1 < end and doc[name_start + 1].is_space:  # "― Name" with a no-break space
        name_start += 1
    name_end = end
    while name_end > name_start + 1 and (doc[name_end - 1].is_space or doc[name_end - 1].is_punct):
        name_end -= 1
    name = doc[name_start + 1 : name_end]
    if not 0 < len(name) <= _MAX_NAME_TOKENS or not all(_is_name_word(token) for token in name):
        return None
    return Credit(name_start + 1, name_end, dash, dash + 1)


def _is_name_word(token: Token) -> bool:
    """Capitalized words and initials ("Edwin G. Monroy", "U.S."), nothing else."""
    if token.pos_ == "PROPN":
        return True
    text = token.text.replace(".", "")
    return bool(text) and text[0].isupper() and token.pos_ in ("NOUN", "ADJ")
