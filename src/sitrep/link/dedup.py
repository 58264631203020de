"""Near-duplicate articles: syndicated and lightly edited copies, found with MinHash LSH.

An article's text becomes the set of its overlapping 5-word shingles (lower-cased words);
a 128-permutation MinHash summarizes that set and an LSH index finds stored articles whose
sets are similar. A candidate is a copy when the MinHash estimate of the Jaccard similarity
is at least THRESHOLD. The first stored article of a group is its canonical article; later
copies link to it. Signatures are stored as bytes, so the in-memory index is rebuilt from the
database rather than saved. Docs: docs/linking.md
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from sitrep.errors import StoreError

SHINGLE_WORDS = 5  # words per shingle: long enough that two independent reports share few
NUM_PERM = 128  # permutations: the Jaccard estimate's standard error is about 0.044 at 0.5
THRESHOLD = 0.5  # a copy shares at least half its shingles; see docs/linking.md for the calibration
# LSH banding: 32 bands of 4 rows. A pair at Jaccard 0.5 becomes a candidate with probability
# 1 - (1 - 0.5**4)**32 = 0.87, at 0.6 with 0.99, at 0.3 with 0.23 (then rejected by THRESHOLD).
LSH_BANDS, LSH_ROWS = 32, 4
SEED = 1  # permutation seed; signatures made with another seed cannot be compared
SCHEME = "affine32"  # datasketch's permutation scheme: uint32 hash values, 4 bytes per permutation
_DTYPE = np.dtype("<u4")
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """The text's overlapping SHINGLE_WORDS-word shingles, lower-cased (all its words when shorter)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[k:k + SHINGLE_WORDS]).encode() for k in range(len(words) - SHINGLE_WORDS + 1)}


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """An empty MinHash whose permutations every signature shares (building them costs time)."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)


def signature(text: str) -> MinHash:
    """The MinHash of the text's shingles."""
    minhash = _template().copy()
    minhash.update_batch(list(shingles(text)))
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    """The signature as NUM_PERM little-endian uint32 values, for the database."""
    return minhash.hashvalues.astype(_DTYPE).tobytes()


def from_bytes(data: bytes, article_id: str) -> MinHash:
    """A signature back from its stored bytes.

    Raises:
        StoreError: E406 when the bytes were made with another number of permutations.
    """
    expected = NUM_PERM * _DTYPE.itemsize
    if len(data) != expected:
        raise StoreError("E406", aid=article_id, size=len(data), expected=expected)
    template = _template()
    return MinHash(seed=SEED, scheme=SCHEME, hashvalues=np.frombuffer(data, dtype=_DTYPE),
                   permutations=template.permutations)


@dataclass(frozen=True)
class Copy:
    """A new article's match: the canonical article it copies and how similar they are."""

    canonical: str
    similarity: float


@dataclass
class DedupIndex:
    """The LSH index over stored signatures, kept current by `add` in store order (`seq`)."""

    lsh: MinHashLSH = field(default_factory=lambda: MinHashLSH(num_perm=NUM_PERM, params=(LSH_BANDS, LSH_ROWS)))
    signatures: dict[str, MinHash] = field(default_factory=dict)
    canonical: dict[str, str] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)
    last_seq: int = 0

    def add(self, article_id: str, seq: int, minhash: MinHash, canonical: str | None) -> None:
        """Index a stored article; `canonical` is the article it copies (None for an original)."""
        self.last_seq = max(self.last_seq, seq)
        if minhash.is_empty():
            return
        self.lsh.insert(article_id, minhash, check_duplication=False)
        self.signatures[article_id] = minhash
        self.canonical[article_id] = canonical or article_id
        self.order[article_id] = seq

    def find(self, minhash: MinHash) -> Copy | None:
        """The canonical article a new signature copies, or None for an original text.

        Candidates from the LSH are checked against THRESHOLD; when they belong to several
        groups, the group whose canonical article was stored first wins. A text without
        words is never a copy.
        """
        if minhash.is_empty():
            return None
        matches = [key for key in self.lsh.query(minhash) if minhash.jaccard(self.signatures[key]) >= THRESHOLD]
        if not matches:
            return None
        canonical = min((self.canonical[key] for key in matches), key=self.order.__getitem__)
        return Copy(canonical, round(float(minhash.jaccard(self.signatures[canonical])), 4))
