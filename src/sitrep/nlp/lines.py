"""Sentence starts at line breaks and after datelines.

spaCy's parser decides sentence boundaries, and the small model often runs a headline into
the dateline paragraph, or a paragraph ending in a closing quote mark into the next one
("... to exercise restraint."\\n\\nOil prices rose ..."), so that the oil prices hang on the
appeal. A news line is a paragraph: `sitrep_line_breaks`, placed before the parser, starts a
sentence after every line break, and the parser keeps such preset starts. The quotes
component reads lines the same way (a quote never runs across a line break).

A dateline ("TBILISI, Georgia -", "KYIV (Reuters) —") is no part of the sentence after it:
parsed together, the model reads "TBILISI, Georgia - Georgian police used water cannon, the
ministry said" as a town with a relative clause, and the ministry's statement loses its
content. The sentence therefore starts again after the dateline's dash, and no lower-case word
of that line starts another (else "Georgian" would stand alone before "riot police used").
Docs: docs/pipeline.md
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.geo.rules import dateline_end


class LineBreaks:
    """Mark the token after each line break, and after a dateline opening a line, as a sentence start."""

    def __init__(self, nlp: Language, name: str = "sitrep_line_breaks") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for start in line_starts(doc):
            if start < len(doc):
                doc[start].is_sent_start = True
                after = dateline_end(doc, start)
                if start < after < len(doc):
                    _start_after_dateline(doc, after)
        return doc


def line_starts(doc: Doc) -> list[int]:
    """The index of the token opening each line, 0 first: a news line is a paragraph."""
    return [0] + [token.i + 1 for token in doc[:-1] if token.is_space and "\n" in token.text]


def _start_after_dateline(doc: Doc, start: int) -> None:
    doc[start].is_sent_start = True
    for token in doc[start + 1 :]:
        if "\n" in token.text:
            return
        if token.is_lower:
            token.is_sent_start = False
