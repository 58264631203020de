"""The number-word grammar, on plain strings (no spaCy model)."""

from __future__ import annotations

import pytest

from sitrep.quantities.numbers import NumberParser, packaged_parser, parse_number, parse_vague
from sitrep.quantities.rules import NumberWord, VagueAmount


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("4", 4),
        ("10,000", 10_000),
        ("1,250,000", 1_250_000),
        ("2.5", 2.5),
        ("0.5", 0.5),
        ("2m", 2_000_000),
        ("1.5bn", 1_500_000_000),
        ("10k", 10_000),
        ("1.5 million", 1_500_000),
        ("1.2 million", 1_200_000),
        ("10 thousand", 10_000),
        ("four", 4),
        ("Twelve", 12),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("ten thousand", 10_000),
        ("a hundred", 100),
        ("an hundred", 100),
        ("a thousand", 1_000),
        ("a million", 1_000_000),
        ("a dozen", 12),
        ("two dozen", 24),
        ("3 dozen", 36),
        ("a score", 20),
        ("five hundred", 500),
        ("two hundred and fifty", 250),
        ("two hundred and fifty thousand", 250_000),
        ("one million two hundred thousand", 1_200_000),
        ("nineteen hundred", 1_900),
        ("zero", 0),
    ],
)
def test_parse_number_reads_digits_and_words(words: str, value: float) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize(
    "words",
    ["", "a", "and", "hundred", "thousand", "dozen", "four five", "twenty twelve", "thousand million",
     "a four", "two and", "5 and 6", "12 four", "3rd", "0143", "10,00", "2x", "F-16", "dozens", "several"],
)
def test_parse_number_rejects_what_is_not_one_number(words: str) -> None:
    assert parse_number(words) is None


def test_parse_number_accepts_a_list_of_words() -> None:
    assert parse_number(["ten", "thousand"]) == 10_000


@pytest.mark.parametrize(
    ("words", "value", "low", "high"),
    [
        ("dozens", None, 24, None),
        ("scores", None, 40, None),
        ("hundreds", None, 200, None),
        ("thousands", None, 2_000, None),
        ("Millions", None, 2_000_000, None),
        ("tens of thousands", None, 20_000, None),
        ("hundreds of thousands", None, 200_000, None),
        ("several", None, 3, None),
        ("several hundred", None, 300, None),
        ("a few thousand", None, 2_000, None),
        ("a couple of", 2, 2, None),
        ("a number of", None, None, None),
        ("boatloads of", None, None, None),
    ],
)
def test_parse_vague_gives_bounds(words: str, value: float | None, low: float | None, high: float | None) -> None:
    amount = parse_vague(words)
    assert amount is not None
    assert (amount.value, amount.low, amount.high) == (value, low, high)
    assert amount.rules


@pytest.mark.parametrize("words", ["four", "dozens of", "of thousands", "tens of four", "several several", "many"])
def test_parse_vague_rejects_other_words(words: str) -> None:
    assert parse_vague(words) is None


@pytest.mark.parametrize(("words", "needs"), [("several", True), ("a number of", True), ("dozens", False)])
def test_parse_vague_marks_amounts_needing_a_known_unit(words: str, needs: bool) -> None:
    amount = parse_vague(words)
    assert amount is not None and amount.needs_known_unit is needs


@pytest.mark.parametrize(("words", "weak"),
                         [(["one"], True), (["One"], True), (["two"], False), (["one", "hundred"], False)])
def test_read_marks_a_lone_one_as_weak(words: list[str], weak: bool) -> None:
    amount = packaged_parser().read(words)
    assert amount is not None and amount.weak is weak


@pytest.mark.parametrize(("words", "scale"),
                         [("3 million", 1e6), ("five hundred", 100), ("300", None), ("million", None)])
def test_trailing_scale_finds_the_last_scale_word(words: str, scale: float | None) -> None:
    assert packaged_parser().trailing_scale(words.split()) == scale


@pytest.mark.parametrize(("word", "starts"), [("10,000", True), ("Four", True), ("twenty-five", True), ("a", True),
                                               ("dozens", True), ("several", True), ("troops", False), ("F-16", False)])
def test_may_start_filters_words_cheaply(word: str, starts: bool) -> None:
    assert packaged_parser().may_start(word) is starts


def test_number_parser_uses_only_the_tables_it_is_given() -> None:
    parser = NumberParser(
        [NumberWord(id="t.two", word="two", value=2, role="unit"),
         NumberWord(id="t.gross", word="gross", value=144, role="multiplier", plural="grosses")],
        [VagueAmount(id="t.heaps", phrase="heaps of", low=5)],
    )
    assert parser.number(["two", "gross"]) == 288
    assert parser.number(["four"]) is None
    assert parser.vague(["grosses"]) is not None and parser.vague(["grosses"]).low == 288
    assert parser.vague(["heaps", "of"]).low == 5  # type: ignore[union-attr]
