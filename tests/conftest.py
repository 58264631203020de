"""Shared fixtures: one full sitrep pipeline per test session (loading it is the slow part)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from sitrep.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def annotate(nlp):
    """Run the pipeline on a text with a publication date, like intake would."""

    def run(text: str, published: str | None = "2024-10-24"):
        doc = nlp.make_doc(text)
        doc._.sitrep_published = published
        return nlp(doc)

    return run
