"""The local batch runner: many inputs through one pipeline, in order, errors kept in place.

A failed input never stops the batch: its error travels in the stream where its Analysis
would have been. Batches go through `nlp.pipe`; if a batch fails inside the pipeline, its
articles are retried one by one so that only the faulty one is reported.
Docs: docs/python-api.md
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import NamedTuple

from spacy.language import Language

from sitrep.errors import SitrepError
from sitrep.model import Analysis, Article
from sitrep.nlp.serialize import to_analysis

Outcome = Analysis | Exception


class Result(NamedTuple):
    """One input's fate: its name, its Article (None if intake failed) and its Analysis or error."""

    name: str
    article: Article | None
    outcome: Outcome


def _make_doc(nlp: Language, article: Article):
    if len(article.text) > nlp.max_length:
        raise SitrepError("E302", name=article.id or "input", size=len(article.text), limit=nlp.max_length)
    doc = nlp.make_doc(article.text)
    doc._.sitrep_published = article.published
    return doc


def _run_batch(nlp: Language, batch: list[tuple[str, Article | Exception]],
               batch_size: int) -> Iterator[Result]:
    ready: list[tuple[int, object]] = []
    outcomes: list[Outcome | None] = []
    for k, (_, item) in enumerate(batch):
        if isinstance(item, Exception):
            outcomes.append(item)
            continue
        try:
            ready.append((k, _make_doc(nlp, item)))
            outcomes.append(None)
        except SitrepError as exc:
            outcomes.append(exc)
    try:
        for (k, _), doc in zip(ready, nlp.pipe((d for _, d in ready), batch_size=batch_size)):
            outcomes[k] = to_analysis(doc, batch[k][1])
    except Exception:  # noqa: BLE001  (a crash on one document must not lose the others)
        for k, _ in ready:
            outcomes[k] = _one(nlp, batch[k][1])
    for (name, item), outcome in zip(batch, outcomes):
        yield Result(name, item if isinstance(item, Article) else None, outcome)


def _one(nlp: Language, article: Article) -> Outcome:
    try:
        return to_analysis(nlp(_make_doc(nlp, article)), article)
    except Exception as exc:  # noqa: BLE001
        return SitrepError("E303", name=article.id or "input", reason=f"{type(exc).__name__}: {exc}")


def run(nlp: Language, items: Iterable[tuple[str, Article | Exception]],
        batch_size: int = 16) -> Iterator[Result]:
    """Analyze (name, Article-or-error) pairs lazily, yielding one Result per input, in input order."""
    iterator = iter(items)
    while batch := list(islice(iterator, batch_size)):
        yield from _run_batch(nlp, batch, batch_size)
