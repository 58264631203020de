"""sitrep: sourced, coded records of political events from news about wars and crises.

Public API: `analyze`, `analyze_articles`, `read_article`, `load_pipeline`, and the contract
models in `sitrep.model`. Everything else is internal. Docs: docs/python-api.md
"""

from __future__ import annotations

import logging

from sitrep.analyze import analyze, analyze_articles
from sitrep.intake.core import read_article
from sitrep.model import SCHEMA_VERSION, Analysis, Article
from sitrep.nlp.pipeline import load_pipeline

__all__ = ["SCHEMA_VERSION", "Analysis", "Article", "analyze", "analyze_articles", "load_pipeline", "read_article"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
