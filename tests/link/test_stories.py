from __future__ import annotations

import math
from pathlib import Path

import pytest

from sitrep.errors import DataFileError
from sitrep.link import stories
from sitrep.link.words import words

from .conftest import actor, article, event

TROOPS = "North Korea sent thousands of troops to Russia; the troops are training near the border."
SHELLING = "Artillery shelled Kharkiv overnight, destroying a market and apartment blocks in the north."


def _profile(actors: tuple[str, ...] = ("PRK", "RUS"), text: str = TROOPS, published: str | None = "2024-10-23",
             dyads: tuple[str, ...] = (), places: tuple[str, ...] = ()) -> stories.Profile:
    return stories.Profile(actors=actors, places=places, terms=stories.term_vector(text), dyads=dyads,
                           published=published)


def _story(*profiles: stories.Profile, sid: str = "s1") -> stories.Story:
    story = stories.Story(id=sid)
    for member in profiles:
        stories.extend(story, member)
    return story


def test_term_vector_drops_stopwords_and_has_unit_length() -> None:
    vector = stories.term_vector("The troops said on Monday that the troops were 2,000 strong.")
    assert set(vector) == {"troops", "strong"}
    assert vector["troops"] > vector["strong"]
    assert math.isclose(sum(w * w for w in vector.values()), 1.0)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, "PRK|RUS|072|"),
        ({"reciprocal": True}, "PRK|RUS|072|r"),
        ({"source": ()}, "|RUS|072|"),
        ({"source": ("a1", "a3"), "codes": {"a1": "PRK", "a3": "BLR", "a2": "RUS"}}, "BLR+PRK|RUS|072|"),
        ({"source": (), "target": ()}, None),
    ],
)
def test_dyad_key_names_parties_and_code(fields: dict, expected: str | None) -> None:
    assert stories.dyad_key(event(**fields)) == expected


def test_profile_reads_actors_places_and_dyads() -> None:
    analysis = article("h1", [event(), event("e2", cameo="111", source=("a2",), target=())],
                       [actor("a1", "PRK"), actor("a2", "RUS"), actor("a3", None)], text=TROOPS, title="Troops")
    found = stories.profile(analysis)
    assert (found.actors, found.dyads, found.published) == (("PRK", "RUS"), ("PRK|RUS|072|", "RUS||111|"), "2024-10-23")
    assert "troops" in found.terms and found.keys() == ["actor:PRK", "actor:RUS"]


@pytest.mark.parametrize(
    ("candidate", "joins"),
    [
        (_profile(), True),
        (_profile(actors=("USA",)), False),
        (_profile(actors=("USA",), places=("2017370",)), True),
        (_profile(text=SHELLING), False),
        (_profile(published="2024-11-05"), False),
        (_profile(published="2024-10-10"), False),
        (_profile(published="2024-10-29"), True),
        (_profile(published=None), True),
    ],
)
def test_score_gates_on_shared_keys_window_and_text(candidate: stories.Profile, joins: bool) -> None:
    story = _story(_profile(places=("2017370",)))
    assert (stories.score(candidate, story) is not None) is joins


def test_score_dyad_bonus_lets_a_weaker_text_join() -> None:
    terse = _profile(text="Pyongyang dispatched soldiers to Russia, according to Washington.",
                     dyads=("PRK|RUS|073|",))
    assert stories.score(terse, _story(_profile())) is None
    assert stories.score(terse, _story(_profile(dyads=("PRK|RUS|072|",)))) is not None


def test_best_prefers_the_higher_score_then_the_earlier_id() -> None:
    close, far = _story(_profile(), sid="s2"), _story(_profile(text=TROOPS + " " + SHELLING), sid="s1")
    assert stories.best(_profile(), [far, close])[0].id == "s2"
    twin = _story(_profile(), sid="s0")
    assert stories.best(_profile(), [close, twin])[0].id == "s0"
    assert stories.best(_profile(text=SHELLING), [close]) is None


def test_extend_counts_members_and_prunes_the_centroid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "CENTROID_TERMS", 3)
    story = _story(_profile(published="2024-10-24"), _profile(actors=("RUS", "UKR"), published="2024-10-22"))
    assert story.actors == {"PRK": 1, "RUS": 2, "UKR": 1}
    assert len(story.terms) == 3
    assert (story.first_seen, story.last_seen) == ("2024-10-22", "2024-10-24")


@pytest.mark.parametrize(
    ("dyads", "label"),
    [
        ({"PRK|RUS|072|": 3, "UKR||111|": 1}, "PRK → RUS: Provide military aid"),
        ({"RUS||194|": 1, "RUS||190|": 1, "UKR|RUS|112|": 1}, "RUS: Fight with artillery and tanks"),
        ({"UKR|RUS|112|": 1, "RUS||194|": 1}, "UKR → RUS: Accuse, not specified below"),
        ({"IRN|USA|036|r": 1}, "IRN ↔ USA: Express intent to meet or negotiate"),
        ({"|KOR|072|": 1}, "? → KOR: Provide military aid"),
    ],
)
def test_label_names_the_most_reported_dyad(dyads: dict[str, int], label: str) -> None:
    assert stories.Story(id="s", dyads=dyads).label == label


@pytest.mark.parametrize(
    ("actors", "terms", "label"),
    [
        ({"RUS": 2, "UKR": 1}, {"kharkiv": 1.5, "market": 0.5}, "RUS, UKR: kharkiv, market"),
        ({}, {"ceasefire": 1.0}, "ceasefire"),
        ({}, {}, "(no label)"),
    ],
)
def test_label_without_events_names_actors_and_words(actors: dict, terms: dict, label: str) -> None:
    assert stories.Story(id="s", actors=actors, terms=terms).label == label


def test_story_id_is_stable_and_distinct() -> None:
    assert stories.story_id("abc") == stories.story_id("abc") != stories.story_id("abd")


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ('{"id": "x", "use": "stopword", "why": "y", "words": "the"}\n', 1),
        ('\n{"id": "x", "use": "other", "why": "y", "words": []}\n', 2),
    ],
)
def test_words_malformed_file_raises_e201(tmp_path: Path, content: str, line: int) -> None:
    path = tmp_path / "words.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        words("stopword", path)
    assert info.value.code == "E201" and info.value.fields["line"] == line
