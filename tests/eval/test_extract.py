"""The HTML extraction scorer, on pages made here; and the figures on ../shared/bench/extract."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from sitrep.eval.extract import author_found, bag_scores, evaluate_extract, gold_authors

BENCH = Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "extract"

PAGE = """<html><head><title>{title}</title><meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T07:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>{title}</h1>{body}</article><footer>Contact us</footer></body></html>"""


def _folder(tmp_path: Path, pages: dict[str, dict], golds: dict[str, dict]) -> Path:
    (tmp_path / "html").mkdir()
    for page_id, fields in pages.items():
        markup = PAGE.format(**fields) if fields else "<html><body></body></html>"
        (tmp_path / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(markup.encode()))
    (tmp_path / "articles.json").write_text(json.dumps(golds), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("troops crossed the river", "troops crossed the river", (1.0, 1.0, 1.0)),
        ("Troops crossed.", "troops crossed the river", (1.0, 0.5, 2 / 3)),
        ("troops troops troops", "troops", (1 / 3, 1.0, 0.5)),
        ("", "troops", (0.0, 0.0, 0.0)),
        ("menu login", "troops", (0.0, 0.0, 0.0)),
    ],
)
def test_bag_scores_count_words_with_multiplicity(predicted, gold, expected):
    assert bag_scores(predicted, gold) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "names"),
    [("Ana Ruiz,  Tom Bell", ["Ana Ruiz", "Tom Bell"]), (["Ana Ruiz"], ["Ana Ruiz"]), ("", []), (None, [])],
)
def test_gold_authors_split_the_string(value, names):
    assert gold_authors(value) == names


@pytest.mark.parametrize(
    ("ours", "gold", "found"),
    [
        (["ana ruiz"], ["Ana Ruiz", "Tom Bell"], True),
        (["By Tom  Bell, staff writer"], ["Tom Bell"], True),
        (["Ana Ruiz"], ["Tom Bell"], False),
        ([], ["Tom Bell"], False),
    ],
)
def test_author_found_any_gold_author(ours, gold, found):
    assert author_found(ours, gold) is found


def test_evaluate_extract_scores_each_field(tmp_path):
    body = ("<p>Engineers repaired the dam at Corran Falls over the weekend, the water board said.</p>"
            "<p>Farmers downstream said the canals would carry water again by Thursday.</p>")
    gold_body = ("Engineers repaired the dam at Corran Falls over the weekend, the water board said. "
                 "Farmers downstream said the canals would carry water again by Thursday.")
    pages = {"good": {"title": "Dam repaired", "author": "Lena Fischer", "date": "2024-05-02", "body": body},
             "empty": {}}
    golds = {"good": {"title": "Dam  repaired", "authors": "Lena Fischer", "date": "2024-05-02", "articleBody": gold_body},
             "empty": {"title": "Lost page", "authors": "", "date": "2024-05-03", "articleBody": "Some text."}}
    result = evaluate_extract(_folder(tmp_path, pages, golds))
    assert (result["pages"], result["failed"]) == (2, 1)
    assert result["body"]["recall"] == pytest.approx(0.5)  # the good page found every word; the empty one none
    assert (result["title_exact"], result["date_exact"]) == (0.5, 0.5)
    assert result["author_match"] == 1.0  # only the page whose gold names an author counts
    assert result["worst"][0] == {"id": "empty", "f1": 0.0}


@pytest.mark.slow
@pytest.mark.skipif(not BENCH.exists(), reason="../shared/bench/extract is absent")
def test_evaluate_extract_meets_the_targets_on_the_bench():
    result = evaluate_extract(BENCH)
    assert result["body"]["f1"] >= 0.90
    assert result["date_exact"] >= 0.80
