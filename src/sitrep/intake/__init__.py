"""Intake: input bytes in, clean `sitrep.model.Article`s out (no NLP here).

Docs: docs/intake.md
"""

from sitrep.intake.core import iter_inputs, iter_jsonl, read_article

__all__ = ["iter_inputs", "iter_jsonl", "read_article"]
