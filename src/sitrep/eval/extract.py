"""Measure HTML intake on news pages with gold title, authors, date and body.

The folder holds `html/<id>.html.gz` pages and `articles.json`, keyed by the same ids, with
each page's gold `title`, `authors` (one comma-separated string), `date` (YYYY-MM-DD),
`articleBody` and `url`. Each page goes through `read_article(..., fmt="html", url=...)`
exactly as a fetched page would (the URL is what a crawler knows). Scores:

- body: bag-of-words precision, recall and F1 of `Article.text` against the gold body,
  averaged over pages (a page intake rejects scores 0);
- title: exact match after whitespace normalization;
- date: exact YYYY-MM-DD match;
- author: any gold author among ours (case-insensitive, whitespace-normalized).

Each figure counts only the pages whose gold gives that field.

Run: `python -m sitrep.eval.extract PATH/extract`
Docs: docs/feeds.md
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

from sitrep.errors import InputError
from sitrep.intake.core import read_article
from sitrep.model import Article

_WORD = re.compile(r"\w+")
WORST_SHOWN = 10
"""How many of the lowest-scoring pages the report lists, to look at by hand."""


def words(text: str) -> Counter[str]:
    """The bag of lower-cased words of a text."""
    return Counter(_WORD.findall(text.casefold()))


def bag_scores(predicted: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-words precision, recall and F1 of one text against another."""
    ours, theirs = words(predicted), words(gold)
    common = sum((ours & theirs).values())
    precision = common / sum(ours.values()) if ours else 0.0
    recall = common / sum(theirs.values()) if theirs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


def gold_authors(value: object) -> list[str]:
    """Gold authors as a list: the set gives one comma-separated string (or a list)."""
    names = value if isinstance(value, list) else str(value or "").split(",")
    return [_squash(name) for name in names if _squash(name)]


def author_found(ours: list[str], gold: list[str]) -> bool:
    """True when any gold author is one of ours or appears within one of our bylines."""
    mine = [_squash(name).casefold() for name in ours]
    return any(name.casefold() == own or name.casefold() in own for name in gold for own in mine)


def _read_page(path: Path, gold: dict) -> Article | InputError:
    try:
        return read_article(gzip.decompress(path.read_bytes()), name=path.name, fmt="html", url=gold.get("url"))
    except InputError as error:
        return error


def score_page(article: Article | InputError, gold: dict) -> dict[str, object]:
    """One page's figures; None where the gold lacks the field."""
    failed = isinstance(article, InputError)
    text = "" if failed else article.text
    precision, recall, f1 = bag_scores(text, gold.get("articleBody") or "")
    authors = gold_authors(gold.get("authors"))
    return {
        "precision": precision, "recall": recall, "f1": f1, "failed": failed,
        "title": None if not gold.get("title") else (not failed and _squash(article.title) == _squash(gold["title"])),
        "date": None if not gold.get("date") else (not failed and article.published == gold["date"]),
        "author": None if not authors else (not failed and author_found(article.authors, authors)),
    }


def _share(scores: list[dict], key: str) -> float:
    judged = [s[key] for s in scores if s[key] is not None]
    return sum(judged) / len(judged) if judged else 0.0


def _mean(scores: list[dict], key: str) -> float:
    return sum(s[key] for s in scores) / len(scores) if scores else 0.0


def evaluate_extract(folder: Path) -> dict:
    """Score HTML intake on a folder of gold pages (see the module docstring for the layout).

    Args:
        folder: Holds `articles.json` and `html/<id>.html.gz`.

    Returns:
        `pages`, `failed`, `body` (precision/recall/f1 means), `title_exact`, `date_exact`,
        `author_match` and `worst` (the lowest body F1 pages with their ids).

    Docs: docs/feeds.md
    """
    golds = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    scores = {}
    for page_id, gold in sorted(golds.items()):
        path = folder / "html" / f"{page_id}.html.gz"
        scores[page_id] = score_page(_read_page(path, gold), gold)
    rows = list(scores.values())
    worst = sorted(scores.items(), key=lambda item: item[1]["f1"])[:WORST_SHOWN]
    return {
        "pages": len(rows),
        "failed": sum(s["failed"] for s in rows),
        "body": {key: _mean(rows, key) for key in ("precision", "recall", "f1")},
        "title_exact": _share(rows, "title"),
        "date_exact": _share(rows, "date"),
        "author_match": _share(rows, "author"),
        "worst": [{"id": page_id, "f1": round(s["f1"], 3)} for page_id, s in worst],
    }


def main(argv: list[str]) -> int:
    """Print the figures as JSON for the folder named on the command line."""
    if len(argv) != 1:
        print("usage: python -m sitrep.eval.extract FOLDER", file=sys.stderr)
        return 2
    print(json.dumps(evaluate_extract(Path(argv[0])), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
