"""The Python API: text or Article in, Analysis out.

Docs: docs/python-api.md
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from sitrep.batch.local import run
from sitrep.intake.core import read_article
from sitrep.model import Analysis, Article
from sitrep.nlp.pipeline import load_pipeline


def analyze(text: str | Article, *, published: str | None = None, nlp: Language | None = None) -> Analysis:
    """Analyze one article.

    Args:
        text: plain text or HTML (read through intake), or an `Article` from `read_article`.
        published: publication date (YYYY-MM-DD) that relative times are resolved against;
            overrides the article's own date when given.
        nlp: a pipeline from `load_pipeline()`; loaded once and cached when omitted.

    Returns:
        The Analysis (schema v1).

    Raises:
        SitrepError: the input is unusable (empty, binary, too long).

    Docs: docs/contract.md
    """
    article = text if isinstance(text, Article) else read_article(text, name="text", published=published)
    if published:
        article = article.model_copy(update={"published": published})
    (result,) = run(nlp or load_pipeline(), [(article.id or "text", article)])
    outcome = result.outcome
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def analyze_articles(articles: Iterable[Article], *, nlp: Language | None = None,
                     batch_size: int = 16) -> Iterator[Analysis | Exception]:
    """Analyze many articles lazily and in order; a failed one yields its error in its place."""
    items = ((article.id or f"#{n}", article) for n, article in enumerate(articles))
    for result in run(nlp or load_pipeline(), items, batch_size=batch_size):
        yield result.outcome
