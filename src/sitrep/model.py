"""The Analysis contract (schema v1): what CLI, store, API and exports all speak.

Offsets are character offsets into `Analysis.text`. Fields may be added; none may change
meaning. Docs: docs/contract.md
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

# Both precision scales run from the most exact value to the least, an order code relies on.
Precision = Literal["day", "week", "month", "quarter", "year", "decade", "unknown"]
PlacePrecision = Literal["point", "city", "admin2", "admin1", "country", "region"]
# Precisions exact enough that two different points are two places (a town and a country
# in which it lies are not).
EXACT_PLACES = frozenset({"point", "city"})
Modality = Literal["asserted", "reported", "intended", "threatened", "hypothetical", "denied", "future"]
Stance = Literal["confirm", "claim", "deny", "dispute"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Article(_Model):
    """An input document after intake: clean text plus what we know about it."""

    id: str | None = Field(None, description="Caller's id (JSONL `id`) or the file name; the Analysis id is a content hash.")
    title: str | None = Field(None, description="Headline, from metadata or the scrape's first line.")
    subtitle: str | None = Field(None, description="Standfirst line under the headline, when the scrape has one.")
    publisher: str | None = Field(None, description="Outlet name (site name, footer or caller-given).")
    url: str | None = Field(None, description="Where the article came from, when known.")
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD.")
    authors: list[str] = Field(default_factory=list, description="Bylines.")
    language: str = Field("en", description="ISO 639-1 language of the text.")
    truncated: bool = Field(False, description="True when the text ends in a truncation marker or is visibly cut.")
    cleanup: list[str] = Field(default_factory=list, description="What intake repaired or removed, one note per step.")
    format: str | None = Field(None, description="Input format intake detected (text, html, jsonl).")
    text: str = Field("", description="Clean text; offsets in the Analysis refer to it.")


class Actor(_Model):
    """One mention of an actor in the text, resolved to a code and sector."""

    id: str = Field(description="Id within this Analysis (a1, a2...).")
    text: str = Field(description="The mention as written.")
    start: int = Field(description="Character offset of the mention's start.")
    end: int = Field(description="Character offset just past the mention.")
    code: str | None = Field(None, description="ISO 3166-1 alpha-3 for states; upper-case codes for IGOs and others; None when unknown.")
    sector: str | None = Field(None, description="CAMEO/PLOVER sector (GOV, MIL, SPY, REB, ...).")
    name: str | None = Field(None, description="Canonical name of the actor.")
    kind: Literal["country", "person", "organization", "group", "place"] = Field(
        description="What sort of actor this is; `place`: a town or region standing for its country (\"shelled Gaza\").")
    country: str | None = Field(None, description="ISO alpha-3 of the actor's country: the state itself, an armed group's home country, a person's state; None for IGOs.")
    title: str | None = Field(None, description="A person's title as the text gives it.")
    affiliation: str | None = Field(None, description="A person's organization as the text gives it.")
    evidence: str | None = Field(None, description="Pattern or rule id that resolved this actor.")


class TimeExpr(_Model):
    """A time expression normalized against the publication date."""

    text: str = Field(description="The expression as written.")
    start: int | None = Field(None, description="Character offset (absent for derived dates).")
    end: int | None = Field(None, description="Character offset just past the expression.")
    type: Literal["DATE", "TIME", "DURATION", "SET"] = Field("DATE", description="TIMEX3 type.")
    value: str | None = Field(None, description="TIMEX3-style value: 2024-10-23, 2024-W42, 2024-06, P4M.")
    first_day: str | None = Field(None, description="First day the value covers (YYYY-MM-DD).")
    last_day: str | None = Field(None, description="Last day the value covers (YYYY-MM-DD).")
    precision: Precision = Field("unknown", description="Granularity of the value.")
    anchor: str | None = Field(None, description="For ages ('four-month-old') and offsets from a date ('a day after' a dated clause): the date it points to.")
    reason: str | None = Field(None, description="How the value was derived (rule id).")


class EventDate(_Model):
    """The date of an event, with the expression it came from and why."""

    text: str | None = Field(None, description="The time expression behind the date, if any.")
    value: str | None = Field(None, description="TIMEX3-style value; a period running to publication ('since Thursday') is an ISO 8601 interval, '2024-10-24/2024-10-27'.")
    start: str | None = Field(None, description="First day the date may be.")
    end: str | None = Field(None, description="Last day the date may be.")
    precision: Precision = Field("unknown", description="Granularity of the date.")
    reason: str | None = Field(None, description="Why this date: the rule that attached it.")


class Span(_Model):
    """A stretch of the clean text."""

    text: str = Field(description="Text of the span.")
    start: int = Field(description="Character offset of the start.")
    end: int = Field(description="Character offset just past the end.")


class Participant(_Model):
    """An actor in an event role (source or target)."""

    actor: str = Field(description="Actor id in this Analysis.")
    code: str | None = Field(None, description="The actor's code.")
    sector: str | None = Field(None, description="The actor's sector.")
    country: str | None = Field(None, description="The actor's country (ISO alpha-3), see Actor.country.")
    evidence: str | None = Field(None, description="Parse relation that made this actor a participant.")


class Plover(_Model):
    """The PLOVER 2.0 view of an event."""

    type: str = Field(description="PLOVER 2.0 event type (AID, ASSAULT, ...).")
    mode: str | None = Field(None, description="PLOVER mode.")
    context: list[str] = Field(default_factory=list, description="PLOVER contexts.")


class Acled(_Model):
    """The ACLED view of an event, for the kinds of event ACLED records."""

    event_type: str = Field(description="ACLED event type.")
    sub_event_type: str = Field(description="ACLED sub-event type.")


class Quantity(_Model):
    """A figure in the text: how many of what, and how exact."""

    value: float | None = Field(description="The number, or None for vague amounts ('boatloads').")
    approx: bool = Field(False, description="True for hedged figures ('about', 'or so', 'dozens').")
    unit: str | None = Field(None, description="What is counted (troops, brigades, shells...).")
    kind: str | None = Field(None, description="size, dead, injured, arrested, displaced, missing, weapons.")
    text: str = Field(description="The figure as written.")
    start: int | None = Field(None, description="Character offset.")
    end: int | None = Field(None, description="Character offset just past the figure.")
    low: float | None = Field(None, description="Lower bound for ranges and 'at least'.")
    high: float | None = Field(None, description="Upper bound for ranges and 'up to'.")
    claimant: str | None = Field(None, description="Actor id of who gives the figure, when it sits in what someone said.")
    reason: str | None = Field(None, description="Why an event's figure from a sentence of its own belongs to the event.")


class Claim(_Model):
    """Who vouches for an event, how, and when they said it."""

    claimant: str | None = Field(None, description="Actor id of who vouches for the event.")
    claimant_text: str | None = Field(None, description="The claimant as written.")
    code: str | None = Field(None, description="The claimant's actor code.")
    sector: str | None = Field(None, description="The claimant's sector.")
    cue: str = Field(description="The reporting word (confirmed, said, according to...).")
    stance: Stance = Field(description="confirm, claim, deny or dispute.")
    date: EventDate | None = Field(None, description="When the claim was made, where the text says.")
    sentence: int | None = Field(None, description="Sentence index of the claim.")
    via: str | None = Field(None, description="Actor id of who reports the claim, when it is told second-hand "
                                              "(\"The Times wrote that Trump claimed ...\").")
    via_text: str | None = Field(None, description="Who reports the claim, as written.")


class Location(_Model):
    """Where an event happened, with how exact that is."""

    name: str = Field(description="Place name.")
    geonameid: int | None = Field(None, description="GeoNames id.")
    lat: float | None = Field(None, description="Latitude.")
    lon: float | None = Field(None, description="Longitude.")
    country: str | None = Field(None, description="ISO alpha-3 country.")
    precision: PlacePrecision = Field(description="How exact the place is.")
    reason: str | None = Field(None, description="Why this place was chosen.")


class TriggerMention(_Model):
    """A further mention of an event already coded from an earlier sentence."""

    text: str = Field(description="Trigger text of a further mention of the same event.")
    start: int = Field(description="Character offset.")
    end: int = Field(description="Character offset just past the trigger.")
    sentence: int = Field(description="Sentence index.")
    evidence: str = Field(description="Pattern that fired on this mention.")


class Event(_Model):
    """A coded political event: who did what to whom, when, where, how many, and who says so."""

    id: str = Field(description="Id within this Analysis (e1, e2...).")
    sentence: int = Field(description="Index of the sentence of the first mention.")
    trigger: Span = Field(description="The word or phrase that signals the event.")
    cameo: str = Field(description="CAMEO code, 2-4 digits.")
    cameo_name: str | None = Field(None, description="Name of the CAMEO code.")
    goldstein: float = Field(description="Goldstein score of the CAMEO code.")
    quad_class: int = Field(ge=1, le=4, description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.")
    plover: Plover | None = Field(None, description="PLOVER 2.0 view.")
    acled: Acled | None = Field(None, description="ACLED view, for events ACLED covers.")
    source: list[Participant] = Field(default_factory=list, description="Who acts.")
    target: list[Participant] = Field(default_factory=list, description="Who is acted upon.")
    reciprocal: bool = Field(False, description="True when the parties act on each other (a pact, talks).")
    negated: bool = Field(False, description="True when the text says it did not happen.")
    modality: Modality = Field("asserted", description="How the text presents the event.")
    hedged: bool = Field(False, description="True when hedged (reportedly, about, or so).")
    quantities: list[Quantity] = Field(default_factory=list, description="Every figure attached to the event, each with who gives it.")
    summary: list[Quantity] = Field(default_factory=list, description="One figure per kind and unit: the conservative (lowest) one when sources disagree.")
    weapons: list[str] = Field(default_factory=list, description="Weapons or materiel named with the event.")
    location: Location | None = Field(None, description="Where it happened, when the text says.")
    date: EventDate | None = Field(None, description="When it happened.")
    claims: list[Claim] = Field(default_factory=list, description="Who vouches for it.")
    evidence: str = Field(description="Pattern id and parse relations that produced the event.")
    confidence: float = Field(ge=0, le=1, description="How much of the expected structure matched.")
    also: list[TriggerMention] = Field(default_factory=list, description="Further mentions of this event in the same article.")


class Quote(_Model):
    """Something a speaker said, quoted directly or reported."""

    text: str = Field(description="The quoted or reported content.")
    start: int = Field(description="Character offset of the content.")
    end: int = Field(description="Character offset just past the content.")
    speaker: str | None = Field(None, description="Actor id of the speaker.")
    speaker_text: str | None = Field(None, description="The speaker as written.")
    cue: str | None = Field(None, description="Reporting verb or phrase.")
    kind: Literal["direct", "indirect", "mixed"] = Field(description="Direct (in quote marks), indirect or mixed.")
    sentence: int | None = Field(None, description="Sentence index of the cue.")
    via: str | None = Field(None, description="Actor id of who reports these words, when they are told second-hand.")
    via_text: str | None = Field(None, description="Who reports these words, as written.")


class Place(_Model):
    """A toponym used literally (a place where something is or happens), resolved; or "the
    city" standing for a town named just before it (reason `place.anaphor.*`)."""

    text: str = Field(description="The toponym as written.")
    start: int = Field(description="Character offset.")
    end: int = Field(description="Character offset just past the toponym.")
    geonameid: int | None = Field(None, description="GeoNames id.")
    name: str = Field(description="Canonical name.")
    lat: float | None = Field(None, description="Latitude.")
    lon: float | None = Field(None, description="Longitude.")
    country: str | None = Field(None, description="ISO alpha-3 country, None for regions.")
    feature: Literal["country", "admin1", "admin2", "city", "region", "continent", "point"] = Field(description="Feature class.")
    reason: str | None = Field(None, description="Why the toponym was read as a place; for one the gazetteer lacks, "
                               "also whose coordinates it has ('; in Khan Younis', '; near Kupiansk').")


class ArticleMeta(_Model):
    """What intake learnt about the article (the Article without its text)."""

    title: str | None = Field(None, description="Headline.")
    subtitle: str | None = Field(None, description="Standfirst line under the headline.")
    publisher: str | None = Field(None, description="Outlet name.")
    url: str | None = Field(None, description="Where the article came from.")
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD; relative times resolve against it.")
    authors: list[str] = Field(default_factory=list, description="Bylines.")
    language: str = Field("en", description="ISO 639-1 language.")
    truncated: bool = Field(False, description="True when the text is visibly cut (scrape truncation marker).")
    cleanup: list[str] = Field(default_factory=list, description="What intake repaired or removed.")


class Analysis(_Model):
    """Everything sitrep extracted from one article."""

    id: str = Field(description="The caller's id when the input carried one (JSONL `id`), else `hash`.")
    hash: str = Field(description="sha256 prefix of source + normalized text; the store's key.")
    schema_version: int = Field(SCHEMA_VERSION, description="Changes only on a breaking change.")
    input_id: str | None = Field(None, description="The caller's id (JSONL `id` or file name).")
    article: ArticleMeta = Field(description="Metadata of the article.")
    text: str = Field(description="Clean text; offsets refer to it.")
    actors: list[Actor] = Field(default_factory=list, description="Every actor mention, in text order.")
    events: list[Event] = Field(default_factory=list, description="Coded events, one per happening, in order of first mention.")
    quotes: list[Quote] = Field(default_factory=list, description="Direct, indirect and mixed quotes.")
    places: list[Place] = Field(default_factory=list, description="Toponyms used as places (not as actors).")
    times: list[TimeExpr] = Field(default_factory=list, description="Time expressions, normalized.")
    quantities: list[Quantity] = Field(default_factory=list, description="Every figure found, attached or not.")
    sentences: list[tuple[int, int]] = Field(default_factory=list, description="Character offsets of each sentence.")
