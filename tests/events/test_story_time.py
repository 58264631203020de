"""Events told "hours later" or "the next day" are dated from the story's own time."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

PUBLISHED = "2024-12-06"


def dates(doc) -> dict[str, dict | None]:
    return {event["trigger_text"]: event["date"] for event in doc._.sitrep_events}


def test_hours_later_is_the_same_day_as_the_event_before(annotate) -> None:
    text = ("Rebels shelled an army post near the border on Monday evening.\n\n"
            "The army said the rounds caused no damage. Hours later, government jets bombed rebel positions.")
    bombing = dates(annotate(text, published=PUBLISHED))["bombed"]
    assert (bombing["start"], bombing["end"], bombing["precision"]) == ("2024-12-02", "2024-12-02", "day")
    assert "the same day as the shelled event of 2024-12-02" in bombing["reason"]


def test_a_claim_and_a_quote_may_stand_between_the_event_and_hours_later(annotate) -> None:
    text = ("Rebels shelled an army post near the border on Monday evening.\n\n"
            "A rebel spokesman claimed the attack, saying the post had fired first.\n\n"
            "The army said its jets had bombed rebel positions hours later.")
    bombing = dates(annotate(text, published=PUBLISHED))["bombed"]
    assert bombing["start"] == "2024-12-02"


@pytest.mark.parametrize(("told", "day"), [("Two days later", "2024-12-04"), ("48 hours later", "2024-12-04"), ("The next day", "2024-12-03"),
                                           ("The previous day", "2024-12-01")])
def test_days_later_or_the_next_day_count_from_the_event_before(annotate, told, day) -> None:
    text = f"Russian missiles struck Kharkiv on Monday. {told}, Russian drones hit a power plant in Odesa."
    assert dates(annotate(text, published=PUBLISHED))["hit"]["start"] == day


def test_weeks_earlier_give_the_week(annotate) -> None:
    text = "Russian missiles struck Kharkiv on Monday. Three weeks earlier, Ukrainian drones had attacked Belgorod."
    attack = dates(annotate(text, published=PUBLISHED))["attacked"]
    assert (attack["value"], attack["precision"]) == ("2024-W46", "week")


@pytest.mark.parametrize("text", [
    # nothing dated before it
    "Hours later, government jets bombed rebel positions.",
    # the dated event is three paragraphs back
    "Rebels shelled an army post on Monday.\n\nThe army denied losses.\n\nIt gave no figures.\n\n"
    "Hours later, government jets bombed the rebels.",
    # the count would pass the publication date
    "Rebels shelled an army post on Thursday. Two days later, government jets bombed the rebels.",
])
def test_no_story_time_to_count_from_leaves_the_event_undated(annotate, text) -> None:
    assert dates(annotate(text, published=PUBLISHED))["bombed"] is None
