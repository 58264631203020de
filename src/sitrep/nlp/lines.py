"""Sentence starts at line breaks.

spaCy's parser decides sentence boundaries, and the small model often runs a headline into
the dateline paragraph, or a paragraph ending in a closing quote mark into the next one
("... to exercise restraint."\\n\\nOil prices rose ..."), so that the oil prices hang on the
appeal. A news line is a paragraph: `sitrep_line_breaks`, placed before the parser, starts a
sentence after every line break, and the parser keeps such preset starts. The quotes
component reads lines the same way (a quote never runs across a line break).
Docs: docs/pipeline.md
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class LineBreaks:
    """Mark the token after each line break as a sentence start."""

    def __init__(self, nlp: Language, name: str = "sitrep_line_breaks") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
        return doc
