from __future__ import annotations

import random

import pytest

from sitrep.errors import StoreError
from sitrep.link import dedup

WORDS = ("troops artillery border ministry convoy drone village river bridge airport port ceasefire talks "
         "sanctions missile brigade governor envoy embassy refugees shelter harbour railway depot minister").split()


def _text(seed: int, length: int = 120) -> str:
    """A deterministic pseudo-article of `length` words drawn from WORDS."""
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(length))


BASE = _text(3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One two three four five six", {b"one two three four five", b"two three four five six"}),
        ("North-Korea SENT troops", {b"north korea sent troops"}),
        ("", set()),
        ("  ...  ", set()),
    ],
)
def test_shingles_are_lowercased_word_windows(text: str, expected: set[bytes]) -> None:
    assert dedup.shingles(text) == expected


def test_signature_bytes_round_trip() -> None:
    signature = dedup.signature(BASE)
    data = dedup.to_bytes(signature)
    assert len(data) == dedup.NUM_PERM * 4
    restored = dedup.from_bytes(data, "x")
    assert restored.jaccard(signature) == 1.0
    assert dedup.to_bytes(restored) == data


@pytest.mark.parametrize("size", [0, 12, dedup.NUM_PERM * 8])
def test_from_bytes_of_other_settings_raises_e406(size: int) -> None:
    with pytest.raises(StoreError) as info:
        dedup.from_bytes(b"\x01" * size, "abc")
    assert info.value.code == "E406" and info.value.fields["size"] == size


def _index(*texts: str) -> dedup.DedupIndex:
    index = dedup.DedupIndex()
    for seq, text in enumerate(texts, start=1):
        found = index.find(dedup.signature(text))
        index.add(f"t{seq}", seq, dedup.signature(text), found.canonical if found else None)
    return index


@pytest.mark.parametrize(
    ("variant", "is_copy"),
    [
        (BASE, True),
        (BASE + " Reporting by the wire desk, editing by the night editor.", True),
        ("Updated headline. " + BASE.replace("ceasefire", "truce"), True),
        (" ".join(BASE.split()[:70]), True),
        (" ".join(BASE.split()[:50]), False),
        (_text(5), False),
        ("", False),
    ],
)
def test_index_finds_lightly_edited_copies_only(variant: str, is_copy: bool) -> None:
    found = _index(BASE, _text(8)).find(dedup.signature(variant))
    assert (found is not None) is is_copy
    if found is not None:
        assert found.canonical == "t1" and found.similarity >= dedup.THRESHOLD - 0.1


def test_index_copy_of_a_copy_links_to_the_first_stored() -> None:
    words = BASE.split()
    drifted = " ".join(words[30:] + _text(9, 20).split())
    index = _index(BASE, " ".join(words[15:] + _text(9, 10).split()))
    assert index.canonical["t2"] == "t1"
    assert index.find(dedup.signature(drifted)).canonical == "t1"


def test_index_add_tracks_the_last_seq_even_for_empty_texts() -> None:
    index = _index(BASE, "")
    assert index.last_seq == 2 and "t2" not in index.signatures
