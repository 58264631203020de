"""Hand-built analyses (no NLP pipeline) and stores for the store tests, on SQLite and PostgreSQL.

Every store fixture runs once per backend: a fresh SQLite file, and a freshly emptied database on a
throwaway PostgreSQL server (started once per session, see pg_server.py). The PostgreSQL cases are
marked `postgres` (`pytest -m postgres` runs only them) and skip when the server cannot start here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from sitrep.model import (
    Acled,
    Actor,
    Analysis,
    ArticleMeta,
    Claim,
    Event,
    EventDate,
    Location,
    Participant,
    Place,
    Plover,
    Quantity,
    Quote,
    Span,
    TimeExpr,
    TriggerMention,
)
from sitrep.store import Store

from .pg_server import missing_reason, throwaway_server

DEPLOYMENT_ID = "7c1f0a9e55d2b3c4"
SHELLING_ID = "7c1f0a2b8e9d1f00"  # shares its first six characters with DEPLOYMENT_ID
TALKS_ID = "e04b6d3a9c7f2e11"


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.\s][^.]*\.", text)]


def _offsets(text: str, mention: str) -> tuple[int, int]:
    start = text.index(mention)
    return start, start + len(mention)


def _actor(text: str, aid: str, mention: str, **fields: object) -> Actor:
    start, end = _offsets(text, mention)
    return Actor(id=aid, text=mention, start=start, end=end, **fields)


def _trigger(text: str, mention: str) -> Span:
    start, end = _offsets(text, mention)
    return Span(text=mention, start=start, end=end)


def _deployment() -> Analysis:
    text = (
        "North Korea has sent about 10,000 troops to Russia, the Pentagon said on Wednesday. "
        "Kyiv condemned the deployment."
    )
    figure_start, figure_end = _offsets(text, "about 10,000")
    return Analysis(
        id=DEPLOYMENT_ID,
        hash=DEPLOYMENT_ID,
        input_id="deployment.txt",
        article=ArticleMeta(
            title="Pyongyang sends troops", publisher="Example Wire", published="2024-10-24",
            authors=["A. Writer"], truncated=True, cleanup=["removed 1 repeated paragraph"],
        ),
        text=text,
        actors=[
            _actor(text, "a1", "North Korea", code="PRK", sector="MIL", name="North Korea", kind="country"),
            _actor(text, "a2", "Russia", code="RUS", name="Russia", kind="country"),
            _actor(text, "a3", "the Pentagon", code="USA", sector="MIL", name="Pentagon", kind="organization"),
            _actor(text, "a4", "Kyiv", code="UKR", sector="GOV", name="Ukraine", kind="country"),
        ],
        events=[
            Event(
                id="e1", sentence=0, trigger=_trigger(text, "sent"), cameo="072",
                cameo_name="Provide military aid", goldstein=8.3, quad_class=2,
                plover=Plover(type="AID", mode="military", context=["military"]),
                acled=Acled(event_type="Strategic developments", sub_event_type="Other"),
                source=[Participant(actor="a1", code="PRK", sector="MIL", evidence="nsubj")],
                target=[Participant(actor="a2", code="RUS", evidence="pobj:to")],
                hedged=True,
                quantities=[Quantity(value=10000, approx=True, unit="troops", kind="size", text="about 10,000")],
                location=Location(name="Russia", geonameid=2017370, lat=60.0, lon=100.0, country="RUS",
                                  precision="country"),
                date=EventDate(text="on Wednesday", value="2024-W42", start="2024-10-14", end="2024-10-20",
                               precision="week", reason="timex.weekday"),
                claims=[Claim(claimant="a3", claimant_text="the Pentagon", code="USA", sector="MIL", cue="said",
                              stance="claim", sentence=0)],
                evidence="trigger.072.send_troops", confidence=0.8,
                also=[TriggerMention(text="deployment", start=text.index("deployment"),
                                     end=text.index("deployment") + 10, sentence=1,
                                     evidence="trigger.072.deployment")],
            ),
            Event(
                id="e2", sentence=1, trigger=_trigger(text, "condemned"), cameo="111",
                cameo_name="Criticize or denounce", goldstein=-2.0, quad_class=3,
                source=[Participant(actor="a4", code="UKR", sector="GOV")],
                target=[Participant(actor="a1", code="PRK", sector="MIL")],
                evidence="trigger.111.condemn", confidence=0.7,
            ),
        ],
        quotes=[Quote(text="North Korea has sent about 10,000 troops to Russia", start=0,
                      end=text.index(","), speaker="a3", speaker_text="the Pentagon", cue="said",
                      kind="indirect", sentence=0)],
        places=[Place(text="Russia", start=text.index("Russia"), end=text.index("Russia") + 6,
                      geonameid=2017370, name="Russia", lat=60.0, lon=100.0, country="RUS", feature="country")],
        times=[TimeExpr(text="on Wednesday", start=text.index("on Wednesday"), end=text.index(". Kyiv"),
                        value="2024-10-23", first_day="2024-10-23", last_day="2024-10-23", precision="day")],
        quantities=[Quantity(value=10000, approx=True, unit="troops", kind="size", text="about 10,000",
                             start=figure_start, end=figure_end)],
        sentences=_sentences(text),
    )


def _shelling() -> Analysis:
    text = (
        "Russian forces shelled Kharkiv overnight, killing three civilians. "
        "Ukraine accused Moscow of targeting homes."
    )
    return Analysis(
        id=SHELLING_ID,
        hash=SHELLING_ID,
        article=ArticleMeta(title="Kharkiv shelled", publisher="Daily Example", published="2024-11-02"),
        text=text,
        actors=[
            _actor(text, "a1", "Russian forces", code="RUS", sector="MIL", name="Russia", kind="group"),
            _actor(text, "a2", "three civilians", code="UKR", sector="CVL", kind="group"),
            _actor(text, "a3", "Ukraine", code="UKR", sector="GOV", name="Ukraine", kind="country"),
            _actor(text, "a4", "Moscow", code="RUS", sector="GOV", name="Russia", kind="country"),
        ],
        events=[
            Event(
                id="e1", sentence=0, trigger=_trigger(text, "shelled"), cameo="194",
                cameo_name="Fight with artillery and tanks", goldstein=-10.0, quad_class=4,
                source=[Participant(actor="a1", code="RUS", sector="MIL")],
                target=[Participant(actor="a2", code="UKR", sector="CVL")],
                date=EventDate(text="overnight", value="2024-11-01", start="2024-11-01", end="2024-11-01",
                               precision="day"),
                evidence="trigger.194.shell", confidence=0.9,
            ),
            Event(
                id="e2", sentence=1, trigger=_trigger(text, "accused"), cameo="112",
                cameo_name="Accuse", goldstein=-2.0, quad_class=3, modality="reported",
                source=[Participant(actor="a3", code="UKR", sector="GOV")],
                target=[Participant(actor="a4", code="RUS", sector="GOV")],
                evidence="trigger.112.accuse", confidence=0.6,
            ),
        ],
        sentences=_sentences(text),
    )


def _talks() -> Analysis:
    text = (
        "Washington and Tehran agreed to hold talks in Geneva next month. "
        "Earlier, a drone strike hit a convoy near the border."
    )
    return Analysis(
        id=TALKS_ID,
        hash=TALKS_ID,
        article=ArticleMeta(title="Talks agreed"),
        text=text,
        actors=[
            _actor(text, "a1", "Washington", code="USA", sector="GOV", name="United States", kind="country"),
            _actor(text, "a2", "Tehran", code="IRN", sector="GOV", name="Iran", kind="country"),
        ],
        events=[
            Event(
                id="e1", sentence=0, trigger=_trigger(text, "agreed to hold talks"), cameo="036",
                goldstein=4.0, quad_class=1, reciprocal=True, modality="intended",
                source=[Participant(actor="a1", code="USA", sector="GOV"),
                        Participant(actor="a2", code="IRN", sector="GOV")],
                target=[Participant(actor="a2", code="IRN", sector="GOV"),
                        Participant(actor="a1", code="USA", sector="GOV")],
                date=EventDate(text="next month", value="2024-12", start="2024-12-01", end="2024-12-31",
                               precision="month"),
                evidence="trigger.036.agree_talks", confidence=0.5,
            ),
            Event(
                id="e2", sentence=1, trigger=_trigger(text, "drone strike"), cameo="195",
                goldstein=-10.0, quad_class=4, evidence="trigger.195.drone_strike", confidence=0.4,
            ),
        ],
        sentences=_sentences(text),
    )


@pytest.fixture
def analyses() -> list[Analysis]:
    """Three small articles: a troop deployment, a shelling, and planned talks with no date."""
    return [_deployment(), _shelling(), _talks()]


BACKENDS = [pytest.param("sqlite", id="sqlite"),
            pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """The URL of an empty database on a throwaway loopback server, shared by the session."""
    reason = missing_reason()
    if reason is not None:
        pytest.skip(reason)
    with throwaway_server() as url:
        yield url


def _emptied(url: str) -> str:
    """Drop every table (and Alembic's version row) so the next test starts from a bare database."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """Where the test's store lives: an SQLite file in tmp_path, or an emptied PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "sitrep.db")
    return _emptied(request.getfixturevalue("postgres_url"))


@pytest.fixture
def empty_store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as store:
        yield store


@pytest.fixture
def store(empty_store: Store, analyses: list[Analysis]) -> Store:
    for analysis in analyses:
        empty_store.add(analysis)
    return empty_store


# A linked corpus: one event reported by several outlets (a wire story and two syndicated
# copies, an independent report, a report with another figure), plus unrelated stories.

WIRE_TEXT = (
    "North Korea has sent {figure} troops to Russia, {claimant} said on Wednesday. "
    "The soldiers are training at bases in the Russian Far East and could join the fighting within weeks, "
    "a spokesman told reporters. Moscow and Pyongyang signed a mutual defence pact in June. "
    "Ukraine condemned the move and urged its allies to respond.{tail}"
)


def _troops(hash_: str, text: str, *, publisher: str, published: str, figure: str, value: float,
            claimant: str, code: str, sector: str, name: str, title: str = "Troops sent") -> Analysis:
    """An article reporting North Korean troops sent to Russia (e1) and Ukraine's condemnation (e2)."""
    sender = text.split(" has ")[0]
    actors = [_actor(text, "a1", sender, code="PRK", name="North Korea", kind="country"),
              _actor(text, "a2", "Russia", code="RUS", name="Russia", kind="country"),
              _actor(text, "a3", claimant, code=code, sector=sector, name=name, kind="organization")]
    events = [Event(id="e1", sentence=0, trigger=_trigger(text, text.split()[3]), cameo="072",
                    cameo_name="Provide military aid", goldstein=8.3, quad_class=2,
                    source=[Participant(actor="a1", code="PRK")], target=[Participant(actor="a2", code="RUS")],
                    quantities=[Quantity(value=value, approx=figure.startswith("about"), unit="troops", kind="size",
                                         text=figure, claimant="a3")],
                    claims=[Claim(claimant="a3", claimant_text=claimant, code=code, sector=sector, cue="said",
                                  stance="claim", sentence=0)],
                    evidence="trigger.072.send_troops", confidence=0.8)]
    if "Ukraine condemned" in text:
        actors.append(_actor(text, "a4", "Ukraine", code="UKR", sector="GOV", name="Ukraine", kind="country"))
        events.append(Event(id="e2", sentence=3, trigger=_trigger(text, "condemned"), cameo="111",
                            cameo_name="Criticize or denounce", goldstein=-2.0, quad_class=3,
                            source=[Participant(actor="a4", code="UKR", sector="GOV")],
                            evidence="trigger.111.condemn", confidence=0.7))
    return Analysis(id=hash_, hash=hash_, article=ArticleMeta(title=title, publisher=publisher, published=published),
                    text=text, actors=actors, events=events, sentences=_sentences(text))


def _wire(hash_: str, publisher: str, tail: str = "") -> Analysis:
    text = WIRE_TEXT.format(figure="about 10,000", claimant="the Pentagon", tail=tail)
    return _troops(hash_, text, publisher=publisher, published="2024-10-23", figure="about 10,000", value=10000,
                   claimant="the Pentagon", code="USA", sector="MIL", name="Pentagon")


def _other_figure() -> Analysis:
    text = ("Pyongyang has deployed 12,000 troops to Russia, Ukraine's military intelligence said on Thursday. "
            "The agency said the soldiers received Russian uniforms near Vladivostok.")
    return _troops("c0ffee0000000004", text, publisher="Eastern Courier", published="2024-10-24", figure="12,000",
                   value=12000, claimant="Ukraine's military intelligence", code="UKR", sector="SPY", name="Ukraine")


def _same_claimant() -> Analysis:
    text = ("Pyongyang has dispatched about 10,000 soldiers to Russia according to the Pentagon. "
            "American officials expect the units at the front soon.")
    return _troops("c0ffee0000000005", text, publisher="Capital Ledger", published="2024-10-24",
                   figure="about 10,000", value=10000, claimant="the Pentagon", code="USA", sector="MIL",
                   name="Pentagon")


def linked_corpus() -> list[Analysis]:
    """Eight articles in ingest order: wire, two copies, two independent reports, three others."""
    return [
        _wire("c0ffee0000000001", "Harbor Wire"),
        _wire("c0ffee0000000002", "Lakeside Post", tail=" This report was supplied by Harbor Wire."),
        _shelling(),
        _wire("c0ffee0000000003", "Valley Times", tail=" Valley Times staff contributed."),
        _other_figure(),
        _same_claimant(),
        _deployment(),
        _talks(),
    ]


@pytest.fixture
def corpus() -> list[Analysis]:
    return linked_corpus()


@pytest.fixture
def linked_store(empty_store: Store, corpus: list[Analysis]) -> Store:
    for analysis in corpus:
        empty_store.add(analysis)
    return empty_store
