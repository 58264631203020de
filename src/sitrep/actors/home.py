"""The dateline's country for institutions the text does not place.

A wire story filed from "TBILISI, Georgia -" writes "the Interior Ministry said" and "Police
detained eight" for Georgia's ministry and police: a reporter names the country only of
foreign institutions. A state institution, a security force or the opposition with no country
of its own therefore takes the dateline's country, with `actor.home.dateline` in its evidence.
Which nouns name such bodies is data: the `home` words of `data/sectors.jsonl` ("police",
"ministry"; not "drone" or "spokesman", which stand for whoever fired or employs them).
Without a dateline nothing is guessed.
Docs: docs/actors.md
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from sitrep.geo import rules as place_rules
from sitrep.geo.gazetteer import Gazetteer

EVIDENCE = "actor.home.dateline"


def dateline_country(doc: Doc, gazetteer: Gazetteer) -> str | None:
    """The country of the place the text is filed from ("KYIV, Ukraine (Reuters) -"), if any:
    a country named in the dateline, else the best-known place of the dateline's town name."""
    if len(doc) == 0:
        return None
    end = place_rules.dateline_end(doc, 0)
    if end == 0:
        return None
    parts = _parts(doc[0:end])
    for part in reversed(parts):
        entries = gazetteer.lookup(part)
        if entries and entries[0].feature == "country":
            return entries[0].country
    entries = gazetteer.lookup(parts[0]) if parts else []
    return entries[0].country if entries else None


def _parts(dateline: Span) -> list[str]:
    """The comma-separated words of a dateline before its agency and dash: ["TBILISI", "Georgia"]."""
    parts, words = [], []
    for token in dateline:
        if token.is_alpha:
            words.append(token.text)
            continue
        if words:
            parts.append(" ".join(words))
        words = []
        if token.text == "(":
            break
    return parts


def at_home(actor: dict, home: str) -> dict:
    """The actor placed in the home country when nothing else places it; the caller has
    checked that its noun names a home institution."""
    unplaced = actor["code"] is None and actor["country"] is None and actor["kind"] in ("group", "organization")
    if not unplaced:
        return actor
    return {**actor, "code": home, "country": home, "evidence": f"{actor['evidence']}+{EVIDENCE}"}
