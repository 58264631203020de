from __future__ import annotations

import pytest
from rich.console import Console

from sitrep.link.render import figure_text, figures_text, merged_table, stories_table


@pytest.mark.parametrize(
    ("figure", "text"),
    [
        ({"value": 10000, "approx": True, "unit": "troops", "claimant": "Pentagon", "text": "about 10,000"},
         "~10,000 troops (Pentagon)"),
        ({"value": 12000, "approx": False, "unit": "troops", "claimant": None, "text": "12,000"}, "12,000 troops"),
        ({"value": None, "unit": None, "claimant": None, "text": "dozens"}, "dozens"),
    ],
)
def test_figure_text_reads_like_a_report(figure: dict, text: str) -> None:
    assert figure_text(figure) == text


def test_figures_text_lists_each_distinct_figure_once() -> None:
    same = {"value": 10000, "approx": True, "unit": "troops", "claimant": "Pentagon", "text": "x"}
    other = {**same, "value": 12000, "claimant": "Ukraine"}
    assert figures_text([same, other, same]) == "~10,000 troops (Pentagon); ~12,000 troops (Ukraine)"


def _render(table) -> str:
    console = Console(width=250, record=True)
    console.print(table)
    return console.export_text()


def test_merged_table_shows_counts_and_figures() -> None:
    row = {"id": "m1", "date": None, "first_reported": "2024-10-23", "cameo": "072", "cameo_name": "Provide military aid",
           "source": [{"code": "PRK"}], "target": [{"code": "RUS", "sector": "MIL"}], "n_articles": 5,
           "n_publishers": 4, "n_claimants": 3,
           "figures": [{"value": 12000, "unit": "troops", "claimant": "Ukraine", "text": "12,000"}]}
    text = _render(merged_table([row], title="1 event(s)"))
    assert "(2024-10-23)" in text and "RUS/MIL" in text and "12,000 troops (Ukraine)" in text
    assert "│        5 │       4 │         3 │" in text


def test_stories_table_shows_label_and_counts() -> None:
    row = {"id": "s1", "label": "PRK → RUS: Provide military aid", "first_seen": "2024-10-23",
           "last_seen": "2024-10-25", "n_articles": 5, "n_publishers": 5, "actors": ["PRK", "RUS"]}
    text = _render(stories_table([row]))
    assert "PRK → RUS: Provide military aid" in text and "PRK, RUS" in text and "2024-10-25" in text
