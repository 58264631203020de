"""Every sitrep spaCy component, registered in one place.

Each factory is tiny: it builds the component class from its stage's package. They are also
listed under the `spacy_factories` entry points, so `nlp.add_pipe("sitrep_actors")` works in
any spaCy pipeline once sitrep is installed. Component modules are imported inside each
factory so that loading spaCy (which imports this module) stays cheap.
Docs: docs/pipeline.md
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

import sitrep.nlp.extensions  # noqa: F401  (registers the extension attributes)


@Language.factory("sitrep_line_breaks", assigns=["token.is_sent_start"])
def make_line_breaks(nlp: Language, name: str) -> Any:
    from sitrep.nlp.lines import LineBreaks

    return LineBreaks(nlp, name)


@Language.factory("sitrep_past_lemmas", requires=["token.tag", "token.lemma"], assigns=["token.lemma"])
def make_past_lemmas(nlp: Language, name: str) -> Any:
    from sitrep.nlp.lemmas import PastLemmas

    return PastLemmas(nlp, name)


@Language.factory(
    "sitrep_actors",
    requires=["doc.ents", "token.dep", "token.lemma"],
    assigns=["doc.spans"],
    default_config={"data_dir": None},
)
def make_actors(nlp: Language, name: str, data_dir: str | None) -> Any:
    from sitrep.actors.tagger import ActorTagger

    return ActorTagger(nlp, name, data_dir=data_dir)


@Language.factory(
    "sitrep_times",
    requires=["doc.ents", "token.dep"],
    assigns=["doc.spans"],
    default_config={"patterns": None},
)
def make_times(nlp: Language, name: str, patterns: str | None) -> Any:
    from sitrep.timex.tagger import TimeTagger

    return TimeTagger(nlp, name, patterns=patterns)


@Language.factory("sitrep_places", requires=["doc.ents", "token.dep"], assigns=["doc.spans"])
def make_places(nlp: Language, name: str) -> Any:
    from sitrep.geo.tagger import PlaceTagger

    return PlaceTagger(nlp, name)


@Language.factory(
    "sitrep_quantities",
    requires=["token.dep", "token.lemma"],
    assigns=["doc.spans"],
    default_config={"units": None},
)
def make_quantities(nlp: Language, name: str, units: str | None) -> Any:
    from sitrep.quantities.tagger import QuantityTagger

    return QuantityTagger(nlp, name, units=units)


@Language.factory(
    "sitrep_quotes",
    requires=["token.dep", "token.lemma"],
    assigns=["doc.spans", "doc._.sitrep_claims"],
    default_config={"cues": None},
)
def make_quotes(nlp: Language, name: str, cues: str | None) -> Any:
    from sitrep.attribution.tagger import QuoteTagger

    return QuoteTagger(nlp, name, cues=cues)


@Language.factory(
    "sitrep_unnamed_claimants",
    requires=["doc.spans", "doc._.sitrep_claims"],
    assigns=["doc.spans"],
)
def make_unnamed_claimants(nlp: Language, name: str) -> Any:
    from sitrep.actors.claimants import UnnamedClaimants

    return UnnamedClaimants(nlp, name)


@Language.factory(
    "sitrep_first_person",
    requires=["doc.spans"],
    assigns=["doc.spans"],
    default_config={"data_dir": None},
)
def make_first_person(nlp: Language, name: str, data_dir: str | None) -> Any:
    from sitrep.actors.first_person import FirstPerson

    return FirstPerson(nlp, name, data_dir=data_dir)


@Language.factory(
    "sitrep_events",
    requires=["doc.spans", "token.dep", "token.lemma"],
    assigns=["doc._.sitrep_events"],
    default_config={"triggers": None},
)
def make_events(nlp: Language, name: str, triggers: str | None) -> Any:
    from sitrep.events.coder import EventCoder

    return EventCoder(nlp, name, triggers=triggers)
