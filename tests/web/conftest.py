"""Hand-built analyses in a real SQLite store, and an app serving the dashboard from it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from sitrep.model import Actor, Analysis, ArticleMeta, Event, Location, Participant, Span
from sitrep.store import Store
from sitrep.web import dashboard_router, mount_static

HOSTILE = '<script>alert(1)</script> Russia shelled <b onmouseover="x()">Kharkiv</b>.'


def _span(text: str, mention: str) -> tuple[int, int]:
    start = text.index(mention)
    return start, start + len(mention)


def _actor(text: str, aid: str, mention: str, code: str) -> Actor:
    start, end = _span(text, mention)
    return Actor(id=aid, text=mention, start=start, end=end, code=code, name=mention, kind="country")


def _event(text: str, eid: str, trigger: str, cameo: str, goldstein: float, quad: int, sentence: int,
           source: str, target: str, day: str | None = None, place: Location | None = None) -> Event:
    start, end = _span(text, trigger)
    date = {"value": day, "start": day, "end": day, "precision": "day"} if day else None
    return Event(id=eid, sentence=sentence, trigger=Span(text=trigger, start=start, end=end), cameo=cameo,
                 goldstein=goldstein, quad_class=quad, source=[Participant(actor=source[0], code=source[1])],
                 target=[Participant(actor=target[0], code=target[1])], date=date, location=place,
                 evidence="test", confidence=0.9)


def war_analysis() -> Analysis:
    """Two sentences: Russia shells Ukraine (in Kharkiv), then Ukraine appeals to the US."""
    text = "Russia shelled Ukraine on Monday.\n\nUkraine appealed to the United States for help."
    kharkiv = Location(name="Kharkiv", lat=49.99, lon=36.23, country="UKR", precision="city")
    return Analysis(
        id="a" * 16, hash="a" * 16, article=ArticleMeta(title="Strikes", publisher="Wire", published="2025-04-18"),
        text=text, sentences=[(0, 33), (35, len(text))],
        actors=[_actor(text, "a1", "Russia", "RUS"), _actor(text, "a2", "Ukraine", "UKR"),
                Actor(id="a3", text="Ukraine", start=35, end=42, code="UKR", name="Ukraine", kind="country"),
                _actor(text, "a4", "the United States", "USA")],
        events=[_event(text, "e1", "shelled", "195", -10.0, 4, 0, ("a1", "RUS"), ("a2", "UKR"), "2025-04-14",
                       kharkiv),
                _event(text, "e2", "appealed", "020", 3.0, 1, 1, ("a3", "UKR"), ("a4", "USA"))],
    )


def hostile_analysis() -> Analysis:
    """An article whose title and text carry markup and a script."""
    return Analysis(
        id="b" * 16, hash="b" * 16, text=HOSTILE, sentences=[(0, len(HOSTILE))],
        article=ArticleMeta(title="<img src=x onerror=alert(2)>", publisher="<i>Pub</i>", published="2025-04-20",
                            url="javascript:alert(3)"),
        actors=[_actor(HOSTILE, "a1", "Russia", "RUS"), _actor(HOSTILE, "a2", "Kharkiv", "UKR")],
        events=[_event(HOSTILE, "e1", "shelled", "195", -10.0, 4, 0, ("a1", "RUS"), ("a2", "UKR"))],
    )


def make_app(store: Store) -> FastAPI:
    """A bare app with only the dashboard, as the API app will include it."""
    app = FastAPI()
    app.include_router(dashboard_router(lambda: store))
    mount_static(app)
    return app


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with Store.open(tmp_path / "web.db") as opened:
        opened.add(war_analysis())
        opened.add(hostile_analysis())
        yield opened


@pytest.fixture
def client(store) -> TestClient:
    return TestClient(make_app(store))
