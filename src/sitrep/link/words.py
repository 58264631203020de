"""The word lists linking uses (stopwords, claimant prefixes), read from data/words.jsonl.

Docs: docs/linking.md
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from sitrep.datafiles import load

WORDS_FILE = Path(__file__).with_name("data") / "words.jsonl"


class WordList(BaseModel):
    """One list of words with its id, what it is for, and why."""

    model_config = ConfigDict(extra="forbid")

    id: str
    use: Literal["stopword", "claimant_prefix"]
    why: str
    words: list[str]


@lru_cache(maxsize=4)
def words(use: str, path: Path = WORDS_FILE) -> frozenset[str]:
    """Every word listed for `use` in the word file, lower-cased."""
    return frozenset(word.casefold() for row in load(path, WordList) if row.use == use for word in row.words)
