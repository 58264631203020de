"""Scoring events against the PLOVER GSR: how actor codes are made comparable."""

from __future__ import annotations

import pytest

from sitrep.eval.events import _actor_code, _both_roles


@pytest.mark.parametrize(
    ("code", "sector", "expected"),
    [
        ("JAP", None, "JPN"),
        ("UNO", None, "IGO"),
        ("NATO", "MIL", "IGO"),
        ("EUR", "GOV", "IGO"),
        ("ICRC", None, "NGO"),
        ("RUS", "MIL", "RUS"),
        ("HAMAS", "REB", "HAMAS"),
        (None, "GOV", None),
    ],
)
def test_actor_code_is_comparable_with_gsr_codes(code, sector, expected) -> None:
    assert _actor_code(code, sector) == expected


def test_both_roles_are_the_actors_the_markup_tags_src_tar() -> None:
    record = {
        "source": [{"actorText": "Kenya", "code": "KEN"}, {"actorText": "Uganda", "code": "UGA"},
                   {"actorText": "Chad", "code": "TCD"}],
        "textInfo": {"markup": "(SRC/TAR: Kenya) and (SRC/TAR: Uganda) met, (SRC: Chad) said."},
    }
    assert _both_roles(record) == {"KEN", "UGA"}
