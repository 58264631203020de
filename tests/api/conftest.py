"""One synthetic store per test session and in-process API clients over it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.model import Analysis, Article, ArticleMeta
from sitrep.testing.store import build_store, synthetic_analyses

TOKEN = "s3cret-token"


def fake_analyzer(article: Article) -> Analysis:
    """An analyzer without NLP: the article's text and metadata, no annotations."""
    digest = f"{abs(hash(article.text)):016x}"[:16]
    return Analysis(id=digest, hash=digest, article=ArticleMeta(title=article.title, published=article.published),
                    text=article.text)


@pytest.fixture(scope="session")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "sitrep.db"
    build_store(path, synthetic_analyses(40, 4)).close()
    return path


@pytest.fixture(scope="session")
def client(db_path: Path) -> TestClient:
    return TestClient(create_app(str(db_path), token=TOKEN, analyzer=fake_analyzer), raise_server_exceptions=False)


@pytest.fixture
def write_client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(str(tmp_path / "w.db"), token=TOKEN, analyzer=fake_analyzer))
