"""A claimant no actor covers becomes an uncoded actor, so the figures it gives carry its id."""

from __future__ import annotations

import pytest

from sitrep.actors.claimants import EVIDENCE
from sitrep.nlp.extensions import ACTORS


def unnamed(doc) -> dict[str, dict]:
    return {s.text: s._.sitrep_actor for s in doc.spans[ACTORS] if s._.sitrep_actor["evidence"] == EVIDENCE}


@pytest.mark.parametrize(
    ("text", "mention", "kind", "sector"),
    [
        ("At least 14 soldiers died, according to a military source.", "a military source", "person", "MIL"),
        ("A clinic in nearby Mweso said it had treated 60 wounded people.", "A clinic", "organization", None),
        ("Nine villagers were shot dead, a local medical group said on Monday.", "a local medical group", "organization", None),
    ],
)
def test_an_unnamed_claimant_is_an_uncoded_actor(annotate, text, mention, kind, sector) -> None:
    found = unnamed(annotate(text))
    assert mention in found
    assert (found[mention]["code"], found[mention]["kind"], found[mention]["sector"]) == (None, kind, sector)


@pytest.mark.parametrize("text", [
    "Ukraine's army said 14 soldiers were wounded.",  # a known actor
    "He said 14 soldiers were wounded.",  # a pronoun
    "Nine villagers were shot dead, a local rights group said.",  # a sector noun the actors component tags
])
def test_known_claimants_and_pronouns_stay_as_they_are(annotate, text) -> None:
    assert unnamed(annotate(text)) == {}
