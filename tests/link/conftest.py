"""Small hand-built analyses for the linking tests (no NLP pipeline)."""

from __future__ import annotations

from sitrep.model import Actor, Analysis, ArticleMeta, Claim, Event, EventDate, Location, Participant, Quantity, Span


def actor(aid: str, code: str | None, *, text: str | None = None, name: str | None = None,
          sector: str | None = None, kind: str = "country") -> Actor:
    return Actor(id=aid, text=text or code or "someone", start=0, end=1, code=code, sector=sector,
                 name=name, kind=kind)


def event(eid: str = "e1", cameo: str = "072", source: tuple[str, ...] = ("a1",), target: tuple[str, ...] = ("a2",),
          codes: dict[str, str] | None = None, **fields: object) -> Event:
    """An event whose participants are actor ids; `codes` maps them to codes (default PRK, RUS)."""
    codes = codes or {"a1": "PRK", "a2": "RUS"}
    return Event(id=eid, sentence=0, trigger=Span(text="sent", start=0, end=4), cameo=cameo,
                 goldstein=1.0, quad_class=2, source=[Participant(actor=a, code=codes.get(a)) for a in source],
                 target=[Participant(actor=a, code=codes.get(a)) for a in target],
                 evidence="test", confidence=0.5, **fields)


def article(hash_: str, events: list[Event], actors: list[Actor] | None = None, *, publisher: str | None = "Wire",
            published: str | None = "2024-10-23", text: str = "North Korea sent troops to Russia.",
            title: str | None = None) -> Analysis:
    actors = actors if actors is not None else [actor("a1", "PRK"), actor("a2", "RUS")]
    return Analysis(id=hash_, hash=hash_, article=ArticleMeta(publisher=publisher, published=published, title=title),
                    text=text, actors=actors, events=events)


def claim(claimant: str | None, text: str, code: str | None = None, sector: str | None = None) -> Claim:
    return Claim(claimant=claimant, claimant_text=text, code=code, sector=sector, cue="said", stance="claim")


def figure(value: float | None, claimant: str | None = None, unit: str = "troops", approx: bool = False) -> Quantity:
    text = f"{value:,.0f}" if value is not None else "boatloads"
    return Quantity(value=value, unit=unit, kind="size", approx=approx, text=text, claimant=claimant)


def day(start: str, end: str | None = None, precision: str = "day") -> EventDate:
    return EventDate(value=start, start=start, end=end or start, precision=precision)


def place(name: str, country: str, precision: str = "city", geonameid: int | None = None,
          point: tuple[float, float] | None = None) -> Location:
    lat, lon = point or (None, None)
    return Location(name=name, country=country, precision=precision, geonameid=geonameid, lat=lat, lon=lon)
