"""What cross-article linking produces: merged events with their mentions, and ingest results.

A `MergedEvent` is one real-world event however many articles report it (DESIGN §3): every
`Event` field, taken from its reports, plus where it was reported and who vouches for it.
Actor ids inside it (participants, claims, figures' claimants) come from several articles, so
they are qualified with their article: `"<article id>:<actor id>"`.
Docs: docs/linking.md
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from sitrep.model import Event


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Model):
    """One article's report of a merged event."""

    article: str = Field(description="Id (content hash) of the reporting article.")
    event: str = Field(description="Id of the event within that article (e1, e2...).")
    sentence: int = Field(description="Sentence index of the event in that article.")
    trigger: str = Field(description="The trigger as written in that article.")
    publisher: str | None = Field(None, description="The article's outlet.")
    published: str | None = Field(None, description="The article's publication date, YYYY-MM-DD.")
    copy_of: str | None = Field(None, description="Canonical article id when this article is a near-duplicate copy.")


class Claimant(_Model):
    """An independent claimant: one actor vouching for the event, counted once across articles."""

    key: str = Field(description="Identity used for counting: code|sector|name, or person|name.")
    name: str = Field(description="Canonical name, or the claimant as written when unresolved.")
    code: str | None = Field(None, description="The claimant's actor code.")
    sector: str | None = Field(None, description="The claimant's sector.")
    articles: list[str] = Field(default_factory=list, description="Articles (not copies) in which this claimant vouches.")


class Figure(_Model):
    """A figure one article gives for the event; figures[i] describes quantities[i]."""

    kind: str | None = Field(None, description="size, dead, injured, arrested, displaced, missing, weapons.")
    value: float | None = Field(None, description="The number, or None for vague amounts.")
    unit: str | None = Field(None, description="What is counted.")
    approx: bool = Field(False, description="True for hedged figures.")
    low: float | None = Field(None, description="Lower bound for ranges and 'at least'.")
    high: float | None = Field(None, description="Upper bound for ranges and 'up to'.")
    text: str = Field(description="The figure as written.")
    claimant: str | None = Field(None, description="Name of who gives the figure, when the article says.")
    claimant_code: str | None = Field(None, description="Actor code of who gives the figure.")
    article: str = Field(description="Id of the article reporting the figure.")
    publisher: str | None = Field(None, description="That article's outlet.")


class MergedEvent(Event):
    """One event counted once: its reports, outlets, independent claimants and every figure given."""

    id: str = Field(description="Merged event id: 'm' and a hash of its first mention, stable across runs.")
    mentions: list[Mention] = Field(default_factory=list, description="Every article event merged here, in ingest order.")
    n_articles: int = Field(0, description="Distinct articles reporting it, near-duplicate copies included.")
    n_publishers: int = Field(0, description="Distinct outlets reporting it (articles without a publisher not counted).")
    n_claimants: int = Field(0, description="Independent claimants: distinct claimant identities; copies add none.")
    claimants: list[Claimant] = Field(default_factory=list, description="The independent claimants, in order of first report.")
    publishers: list[str] = Field(default_factory=list, description="Distinct outlets, in order of first report.")
    figures: list[Figure] = Field(default_factory=list, description="Every figure reported, disagreements included; a copy repeating its original's figure adds none.")
    first_reported: str | None = Field(None, description="Earliest publication date among the mentions.")
    last_reported: str | None = Field(None, description="Latest publication date among the mentions.")


class IngestResult(_Model):
    """What `Store.ingest` did with one article."""

    article_id: str = Field(description="The article's id (content hash).")
    stored: bool = Field(description="False when the article was already stored (nothing changed).")
    duplicate_of: str | None = Field(None, description="Canonical article when this one is a near-duplicate copy.")
    similarity: float | None = Field(None, description="Estimated Jaccard similarity with the canonical article.")
    story: str | None = Field(None, description="Id of the story the article joined.")
    new_story: bool = Field(False, description="True when the article started its story.")
    merged: list[str] = Field(default_factory=list, description="Merged event id of each of the article's events, in order.")
    new_merged: list[str] = Field(default_factory=list, description="The merged events this article created.")
