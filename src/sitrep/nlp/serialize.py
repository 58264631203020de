"""From an annotated Doc to the public `Analysis`: the one place Doc internals meet the contract.

Components refer to actors by character offsets ("start:end"); here they get their ids.
Docs: docs/contract.md
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right

from spacy.tokens import Doc, Span

from sitrep.model import (
    Actor,
    Analysis,
    Article,
    ArticleMeta,
    Claim,
    Event,
    Place,
    Quantity,
    Quote,
    TimeExpr,
)
from sitrep.nlp.extensions import ACTORS, PLACES, QUANTITIES, QUOTES, TIMES, actor_key

_SPACES = re.compile(r"\s+")


def article_id(article: Article) -> str:
    """Content hash of source and whitespace-normalized text: re-ingesting the same article is a no-op."""
    source = article.url or article.publisher or ""
    normalized = _SPACES.sub(" ", article.text).strip()
    return hashlib.sha256(f"{source}\n{normalized}".encode()).hexdigest()[:16]


def _actors(doc: Doc) -> tuple[list[Actor], dict[str, str], dict[int, str]]:
    actors, by_key, by_token = [], {}, {}
    for n, span in enumerate(doc.spans.get(ACTORS, []), 1):
        data = span._.sitrep_actor or {}
        actor = Actor(id=f"a{n}", text=span.text, start=span.start_char, end=span.end_char,
                      **{k: data.get(k) for k in ("code", "sector", "name", "title", "affiliation", "evidence", "country")},
                      kind=data.get("kind", "group"))
        actors.append(actor)
        by_key[actor_key(span)] = actor.id
        by_token.update(dict.fromkeys(range(span.start, span.end), actor.id))
    return actors, by_key, by_token


def _times(doc: Doc) -> list[TimeExpr]:
    times = []
    for span in doc.spans.get(TIMES, []):
        data = span._.sitrep_time or {}
        times.append(TimeExpr(text=span.text, start=span.start_char, end=span.end_char,
                              type=data.get("type") or "DATE", value=data.get("value"),
                              first_day=data.get("first_day"), last_day=data.get("last_day"),
                              precision=data.get("precision") or "unknown", anchor=data.get("anchor"),
                              reason=data.get("reason")))
    return times


def _places(doc: Doc) -> list[Place]:
    places = []
    for span in doc.spans.get(PLACES, []):
        data = span._.sitrep_place or {}
        places.append(Place(text=span.text, start=span.start_char, end=span.end_char, name=data.get("name") or span.text,
                            **{k: data.get(k) for k in ("geonameid", "lat", "lon", "country", "reason")},
                            feature=data.get("feature") or "point"))
    return places


def _quantity(span: Span) -> Quantity:
    data = span._.sitrep_quantity or {}
    return Quantity(value=data.get("value"), approx=bool(data.get("approx")), unit=data.get("unit"),
                    kind=data.get("kind"), text=span.text, start=span.start_char, end=span.end_char,
                    low=data.get("low"), high=data.get("high"))


def _quotes(doc: Doc, by_token: dict[int, str], sentences: list[tuple[int, int]]) -> list[Quote]:
    starts = [start for start, _ in sentences]
    quotes, text = [], doc.text
    for span in doc.spans.get(QUOTES, []):
        data = span._.sitrep_quote or {}
        start, end = data.get("speaker_start"), data.get("speaker_end")
        speaker = by_token.get(data["speaker_head"]) if data.get("speaker_head") is not None else None
        via = data.get("via")
        quotes.append(Quote(text=span.text, start=span.start_char, end=span.end_char, speaker=speaker,
                            speaker_text=text[start:end] if start is not None else None,
                            cue=data.get("cue"), kind=data.get("kind", "direct"),
                            sentence=bisect_right(starts, data.get("cue_start") or span.start_char) - 1,
                            via=by_token.get(via["head"]) if via else None,
                            via_text=text[via["start"]:via["end"]] if via else None))
    return quotes


def _event(n: int, data: dict, by_key: dict[str, str]) -> Event:
    def participants(role: str) -> list[dict]:
        return [{**p, "actor": by_key[p["actor"]]} for p in data[role] if p["actor"] in by_key]

    claims = [Claim(**{**c, "claimant": by_key.get(c["claimant"] or ""), "via": by_key.get(c.get("via") or "")})
              for c in data["claims"]]

    def figures(field: str) -> list[dict]:
        return [{**q, "claimant": by_key.get(q.get("claimant") or "")} for q in data[field]]

    return Event(
        id=f"e{n}", sentence=data["sentence"],
        trigger={"text": data["trigger_text"], "start": data["trigger_start"], "end": data["trigger_end"]},
        **{k: data[k] for k in ("cameo", "cameo_name", "goldstein", "quad_class", "plover", "acled", "reciprocal",
                                "negated", "modality", "hedged", "weapons", "location", "date",
                                "evidence", "confidence", "also")},
        quantities=figures("quantities"), summary=figures("summary"),
        source=participants("source"), target=participants("target"), claims=claims,
    )


def to_analysis(doc: Doc, article: Article) -> Analysis:
    """Serialize a Doc annotated by the sitrep pipeline into the Analysis contract."""
    actors, by_key, by_token = _actors(doc)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    meta = ArticleMeta(**article.model_dump(include=set(ArticleMeta.model_fields)))
    content_hash = article_id(article)
    return Analysis(
        id=article.id if article.format == "jsonl" and article.id else content_hash, hash=content_hash,
        input_id=article.id, article=meta, text=doc.text, actors=actors,
        events=[_event(n, e, by_key) for n, e in enumerate(doc._.sitrep_events or [], 1)],
        quotes=_quotes(doc, by_token, sentences), places=_places(doc), times=_times(doc),
        quantities=[_quantity(s) for s in doc.spans.get(QUANTITIES, [])],
        sentences=sentences,
    )
