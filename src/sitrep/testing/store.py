"""Synthetic analyses and stores for API, analytics and export tests and benchmarks (no NLP).

`synthetic_analyses` makes deterministic hand-built Analysis objects, one coded event per
sentence, over a fixed set of country pairs, places, publishers and days; `build_store` stores
them through `Store.add`, so merged events, stories and duplicates are made the normal way.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

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
    Plover,
    Quantity,
    Span,
)
from sitrep.store import Store


class Kind(NamedTuple):
    """One kind of synthetic event: its CAMEO coding and the verb that reports it."""

    cameo: str
    name: str
    goldstein: float
    quad_class: int
    plover: str
    acled: tuple[str, str] | None
    verb: str


KINDS = (
    Kind("036", "Express intent to meet or negotiate", 4.0, 1, "CONSULT", None, "offered talks to"),
    Kind("072", "Provide military aid", 8.3, 2, "AID", ("Strategic developments", "Other"), "sent weapons to"),
    Kind("112", "Accuse", -2.0, 3, "ACCUSE", None, "accused"),
    Kind("138", "Threaten with military force", -7.0, 3, "THREATEN", None, "threatened"),
    Kind("190", "Use conventional military force", -10.0, 4, "ASSAULT", ("Battles", "Armed clash"), "attacked"),
    Kind("195", "Employ aerial weapons", -10.0, 4, "ASSAULT",
         ("Explosions/Remote violence", "Air/drone strike"), "bombed"),
)
COUNTRIES = {"RUS": "Russia", "UKR": "Ukraine", "USA": "United States", "IRN": "Iran", "ISR": "Israel",
             "PRK": "North Korea", "KOR": "South Korea", "CHN": "China"}
PAIRS = (("RUS", "UKR"), ("ISR", "IRN"), ("PRK", "KOR"), ("USA", "CHN"), ("USA", "IRN"))
PLACES = (
    Location(name="Kharkiv", geonameid=706483, lat=49.98, lon=36.25, country="UKR", precision="city"),
    Location(name="Kyiv", geonameid=703448, lat=50.45, lon=30.52, country="UKR", precision="city"),
    Location(name="Tehran", geonameid=112931, lat=35.69, lon=51.42, country="IRN", precision="city"),
    Location(name="Seoul", geonameid=1835848, lat=37.57, lon=126.98, country="KOR", precision="city"),
    Location(name="Russia", geonameid=2017370, lat=60.0, lon=100.0, country="RUS", precision="country"),
)
PUBLISHERS = ("Example Wire", "Daily Example", "The Sample Post", "Fixture Times")
START = date(2024, 1, 1)


def synthetic_analyses(n_articles: int, events_per_article: int = 5, *, days: int = 120,
                       seed: int = 7) -> Iterator[Analysis]:
    """Deterministic analyses: each event a random kind, pair, direction, place and day."""
    rng = random.Random(seed)
    for number in range(n_articles):
        yield _article(rng, number, events_per_article, days)


def build_store(path: str | Path, analyses: Iterable[Analysis]) -> Store:
    """Open a store at `path` and add every analysis to it."""
    store = Store.open(path)
    for analysis in analyses:
        store.add(analysis)
    return store


def _article(rng: random.Random, number: int, n_events: int, days: int) -> Analysis:
    published = START + timedelta(days=rng.randrange(days))
    sentences, actors, events = [], [], []
    text = ""
    for index in range(n_events):
        kind = rng.choice(KINDS)
        source, target = rng.choice(PAIRS)
        if rng.random() < 0.5:
            source, target = target, source
        place = rng.choice(PLACES) if rng.random() < 0.8 else None
        day = published - timedelta(days=rng.randrange(3))
        sentence = f"Article {number}: {COUNTRIES[source]} {kind.verb} {COUNTRIES[target]} (report {index})."
        offset = len(text) + (1 if text else 0)
        text = f"{text} {sentence}" if text else sentence
        sentences.append((offset, offset + len(sentence)))
        src_id, tgt_id = f"a{2 * index + 1}", f"a{2 * index + 2}"
        actors += [_actor(src_id, source, text, offset), _actor(tgt_id, target, text, offset)]
        events.append(_event(index, kind, (src_id, source), (tgt_id, target), place, day, text, offset, rng))
    digest = hashlib.sha256(f"synthetic:{number}:{text}".encode()).hexdigest()[:16]
    return Analysis(id=digest, hash=digest, input_id=f"synthetic-{number}",
                    article=ArticleMeta(title=f"Synthetic report {number}", publisher=PUBLISHERS[number % len(PUBLISHERS)],
                                        published=published.isoformat()),
                    text=text, actors=actors, events=events, sentences=sentences)


def _actor(aid: str, code: str, text: str, offset: int) -> Actor:
    start = text.index(COUNTRIES[code], offset)
    return Actor(id=aid, text=COUNTRIES[code], start=start, end=start + len(COUNTRIES[code]), code=code,
                 sector="GOV", name=COUNTRIES[code], kind="country", country=code)


def _event(index: int, kind: Kind, source: tuple[str, str], target: tuple[str, str], place: Location | None,
           day: date, text: str, offset: int, rng: random.Random) -> Event:
    start = text.index(kind.verb, offset)
    dead = rng.randrange(1, 40) if kind.quad_class == 4 else None
    return Event(
        id=f"e{index + 1}", sentence=index, trigger=Span(text=kind.verb, start=start, end=start + len(kind.verb)),
        cameo=kind.cameo, cameo_name=kind.name, goldstein=kind.goldstein, quad_class=kind.quad_class,
        plover=Plover(type=kind.plover), acled=Acled(event_type=kind.acled[0], sub_event_type=kind.acled[1])
        if kind.acled else None,
        source=[Participant(actor=source[0], code=source[1], sector="GOV", country=source[1])],
        target=[Participant(actor=target[0], code=target[1], sector="GOV", country=target[1])],
        quantities=[Quantity(value=dead, unit="people", kind="dead", text=str(dead))] if dead else [],
        location=place, date=EventDate(value=day.isoformat(), start=day.isoformat(), end=day.isoformat(),
                                       precision="day"),
        claims=[Claim(claimant=source[0], code=source[1], cue="said", stance="claim", sentence=index)],
        evidence=f"synthetic.{kind.cameo}", confidence=0.8,
    )
