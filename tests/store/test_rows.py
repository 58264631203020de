from __future__ import annotations

import pytest

from sitrep.model import Analysis, EventDate
from sitrep.store import rows


@pytest.mark.parametrize(
    ("values", "joined"),
    [(["RUS", "PRK"], "RUS;PRK"), (["RUS", None, "RUS", "UKR"], "RUS;UKR"), ([None, ""], None), ([], None)],
)
def test_rows_join_codes_keeps_distinct_in_order(values: list[str | None], joined: str | None) -> None:
    assert rows.join_codes(values) == joined
    assert rows.split_codes(joined) == list(dict.fromkeys(v for v in values if v))


@pytest.mark.parametrize(
    ("date", "published", "expected"),
    [
        (EventDate(start="2024-10-14", end="2024-10-20", precision="week"), "2024-10-24", ("2024-10-14", "2024-10-20")),
        (EventDate(start="2024-10-14", precision="day"), "2024-10-24", ("2024-10-14", "2024-10-14")),
        (EventDate(end="2024-10-20", precision="unknown"), None, ("2024-10-20", "2024-10-20")),
        (EventDate(value="P4M", precision="unknown"), "2024-10-24", ("2024-10-24", "2024-10-24")),
        (None, "2024-10-24", ("2024-10-24", "2024-10-24")),
        (None, None, (None, None)),
    ],
)
def test_rows_day_range_falls_back_to_published(
    analyses: list[Analysis], date: EventDate | None, published: str | None, expected: tuple
) -> None:
    event = analyses[0].events[0].model_copy(update={"date": date})
    assert rows.day_range(event, published) == expected


@pytest.mark.parametrize(("index", "expected"), [(1, "Kyiv condemned the deployment."), (2, None), (-1, None)])
def test_rows_sentence_text_cuts_by_offsets(analyses: list[Analysis], index: int, expected: str | None) -> None:
    assert rows.sentence_text(analyses[0], index) == expected


def test_rows_event_rows_flatten_nested_fields(analyses: list[Analysis]) -> None:
    first, second = rows.event_rows(analyses[0])
    flat = (first["root"], first["plover_type"], first["n_claims"], first["location_country"])
    assert flat == ("07", "AID", 1, "RUS")
    assert (second["day_first"], second["date_value"], second["plover_type"]) == ("2024-10-24", None, None)
