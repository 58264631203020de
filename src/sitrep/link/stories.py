"""Stories: articles about the same happening, grouped online as they arrive.

An article joins the best-scoring story that (1) was seen within WINDOW_DAYS of the
article's publication, (2) shares at least one actor code or place with it, and (3) scores at
least MIN_SCORE, where the score adds the content-word cosine with the story's centroid, a
bonus when the article reports an event dyad the story already has (same parties, same CAMEO
root), and the overlap of actor codes and of places. Otherwise it starts a new story. A story keeps running counts of its actors, places and event dyads, and the sum of its
articles' term vectors (its centroid, pruned to CENTROID_TERMS terms); its label is its most
reported dyad and event type ("PRK → RUS: Provide military aid"). Near-duplicate copies join
their canonical article's story without adding to these counts.
Docs: docs/linking.md
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sitrep.events import ontology
from sitrep.link.words import words
from sitrep.model import Analysis, Event

WINDOW_DAYS = 7  # an article joins a story last seen at most this many days before or after it
# The score and its weights move together; docs/linking.md shows the pairs that set them.
MIN_SCORE = 0.45  # score needed to join a story
MIN_COSINE = 0.1  # below this cosine the texts are about different things, whatever else they share
DYAD_BONUS = 0.25  # added when the article reports a dyad (parties and CAMEO root) the story has
ACTOR_WEIGHT = 0.15  # weight of the Jaccard overlap of actor codes
PLACE_WEIGHT = 0.1  # weight of the Jaccard overlap of places
CENTROID_TERMS = 200  # terms kept in a story's centroid
LABEL_PARTS = 3  # actors and terms named in the label of a story without coded events
_TERM = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class Profile:
    """What stories compare about one article."""

    actors: tuple[str, ...]
    places: tuple[str, ...]
    terms: dict[str, float]
    dyads: tuple[str, ...]
    published: str | None

    def keys(self) -> list[str]:
        """Index keys that find candidate stories: `actor:CODE` and `place:ID`."""
        return [f"actor:{code}" for code in self.actors] + [f"place:{place}" for place in self.places]


@dataclass
class Story:
    """A story's running state, as stored in the `stories` table."""

    id: str
    first_seen: str | None = None
    last_seen: str | None = None
    actors: dict[str, int] = field(default_factory=dict)
    places: dict[str, int] = field(default_factory=dict)
    terms: dict[str, float] = field(default_factory=dict)
    dyads: dict[str, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """The story's most reported dyad and event type, else its main actors and words."""
        return _dyad_label(self.dyads) or _fallback_label(self)


def term_vector(text: str) -> dict[str, float]:
    """Content words with sublinear weights (1 + log tf), scaled to unit length."""
    stop = words("stopword")
    counts = Counter(term for term in _TERM.findall(text.casefold()) if term not in stop)
    weights = {term: 1.0 + math.log(n) for term, n in sorted(counts.items())}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {term: w / norm for term, w in weights.items()}


def dyad_key(event: Event) -> str | None:
    """`SRC|TGT|CAMEO|r?` for an event with at least one coded party; r marks reciprocal events."""
    sources = sorted({p.code for p in event.source if p.code})
    targets = sorted({p.code for p in event.target if p.code})
    if not sources and not targets:
        return None
    if event.reciprocal:
        parties = sorted(set(sources) | set(targets))
        return f"{parties[0]}|{parties[-1]}|{event.cameo}|r"
    return f"{'+'.join(sources)}|{'+'.join(targets)}|{event.cameo}|"


def profile(analysis: Analysis) -> Profile:
    """The article's actor codes, places, term vector and distinct event dyads."""
    title = analysis.article.title or ""
    return Profile(
        actors=tuple(sorted({a.code for a in analysis.actors if a.code})),
        places=tuple(sorted({str(p.geonameid) if p.geonameid else p.name.casefold() for p in analysis.places})),
        terms=term_vector(f"{title}\n{analysis.text}"),
        dyads=tuple(sorted({key for e in analysis.events if (key := dyad_key(e))})),
        published=analysis.article.published,
    )


def story_id(article_id: str) -> str:
    """A story's id: 's' and a hash of the article that started it (stable across runs)."""
    return "s" + hashlib.sha256(article_id.encode()).hexdigest()[:15]


def in_window(story: Story, published: str | None) -> bool:
    """True when the article falls within WINDOW_DAYS of the story (or either is undated)."""
    if published is None or story.first_seen is None or story.last_seen is None:
        return True
    day = date.fromisoformat(published)
    return (date.fromisoformat(story.first_seen) - day).days <= WINDOW_DAYS and \
        (day - date.fromisoformat(story.last_seen)).days <= WINDOW_DAYS


def cosine(terms: dict[str, float], centroid: dict[str, float]) -> float:
    """Cosine between a unit term vector and a story centroid."""
    norm = math.sqrt(sum(w * w for w in centroid.values()))
    if not norm:
        return 0.0
    return sum(w * centroid.get(term, 0.0) for term, w in terms.items()) / norm


def _overlap(ours: tuple[str, ...], theirs: dict[str, int]) -> float:
    union = set(ours) | set(theirs)
    return len(set(ours) & set(theirs)) / len(union) if union else 0.0


def _roots(dyads: tuple[str, ...] | dict[str, int]) -> set[str]:
    """Dyad keys with the CAMEO code cut to its root: 'PRK|RUS|072|' -> 'PRK|RUS|07|'."""
    roots = set()
    for key in dyads:
        source, target, code, reciprocal = key.split("|")
        roots.add(f"{source}|{target}|{code[:2]}|{reciprocal}")
    return roots


def score(article: Profile, story: Story) -> float | None:
    """How well the article fits the story, or None when it may not join it."""
    shares = set(article.actors) & set(story.actors) or set(article.places) & set(story.places)
    if not shares or not in_window(story, article.published):
        return None
    text = cosine(article.terms, story.terms)
    if text < MIN_COSINE:
        return None
    value = (text + DYAD_BONUS * bool(_roots(article.dyads) & _roots(story.dyads))
             + ACTOR_WEIGHT * _overlap(article.actors, story.actors)
             + PLACE_WEIGHT * _overlap(article.places, story.places))
    return value if value >= MIN_SCORE else None


def best(article: Profile, stories: list[Story]) -> tuple[Story, float] | None:
    """The best story for the article (ties go to the earlier id), or None to start a new one."""
    scored = [(s, value) for s in stories if (value := score(article, s)) is not None]
    if not scored:
        return None
    return min(scored, key=lambda pair: (-pair[1], pair[0].id))


def extend(story: Story, article: Profile) -> None:
    """Add a (non-copy) article's actors, places, dyads and terms to the story."""
    for counts, items in ((story.actors, article.actors), (story.places, article.places), (story.dyads, article.dyads)):
        for item in items:
            counts[item] = counts.get(item, 0) + 1
    summed = Counter(story.terms)
    summed.update(article.terms)
    kept = sorted(summed.items(), key=lambda pair: (-pair[1], pair[0]))[:CENTROID_TERMS]
    story.terms = dict(sorted(kept))
    seen(story, article.published)


def seen(story: Story, published: str | None) -> None:
    """Widen the story's first and last seen dates to include `published`."""
    if published is None:
        return
    story.first_seen = min(filter(None, (story.first_seen, published)))
    story.last_seen = max(filter(None, (story.last_seen, published)))


def _dyad_label(dyads: dict[str, int]) -> str | None:
    """Label from the dyad and CAMEO root reported by most articles, named by its most frequent
    code (ties go to the dyad with both parties, then to the earlier reported)."""
    if not dyads:
        return None
    groups: dict[str, list[tuple[str, int]]] = {}
    for key, count in dyads.items():
        source, target, code, reciprocal = key.split("|")
        groups.setdefault(f"{source}|{target}|{code[:2]}|{reciprocal}", []).append((key, count))
    order = list(groups)
    root = min(order, key=lambda g: (-sum(n for _, n in groups[g]), not all(g.split("|")[:2]), order.index(g)))
    key, _ = min(groups[root], key=lambda item: -item[1])
    source, target, code, reciprocal = key.split("|")
    name = ontology.cameo(code).name if ontology.is_cameo(code) else code
    if reciprocal:
        return f"{source} ↔ {target}: {name}"
    if not target:
        return f"{source}: {name}"
    return f"{source or '?'} → {target}: {name}"


def _fallback_label(story: Story) -> str:
    actors = [code for code, _ in sorted(story.actors.items(), key=lambda p: (-p[1], p[0]))[:LABEL_PARTS]]
    terms = [term for term, _ in sorted(story.terms.items(), key=lambda p: (-p[1], p[0]))[:LABEL_PARTS]]
    return ": ".join(part for part in (", ".join(actors), ", ".join(terms)) if part) or "(no label)"
