"""Time expressions: finding them (`tagger.TimeTagger`) and normalizing them against the
publication date (`normalize.normalize`, no spaCy needed).

Docs: docs/time.md
"""

from sitrep.timex.normalize import normalize

__all__ = ["normalize"]
