"""Actor mentions: countries, capitals as governments, groups, people with titles and affiliations."""

from __future__ import annotations

import pytest

from sitrep.nlp.extensions import ACTORS

pytestmark = pytest.mark.slow


def actors(doc) -> dict[str, dict]:
    return {span.text: span._.sitrep_actor for span in doc.spans[ACTORS]}


@pytest.mark.parametrize(
    ("text", "mention", "code", "sector", "kind"),
    [
        ("Ethiopian soldiers crossed the border at dawn.", "Ethiopian soldiers", "ETH", "MIL", "group"),
        ("Egypt's army closed the crossing.", "Egypt's army", "EGY", "MIL", "group"),
        ("Pakistani police arrested the organizers.", "Pakistani police", "PAK", "COP", "group"),
        ("Sudanese rebels shelled the town overnight.", "Sudanese rebels", "SDN", "REB", "group"),
        ("Ankara summoned the ambassador on Monday.", "Ankara", "TUR", "GOV", "country"),
        ("Tehran rejected the proposal.", "Tehran", "IRN", "GOV", "country"),
        ("The talks in Oman involved Iran and the United States.", "United States", "USA", None, "country"),
        ("Norwegian intelligence warned of sabotage.", "Norwegian intelligence", "NOR", "SPY", "group"),
    ],
)
def test_actor_code_and_sector(annotate, text, mention, code, sector, kind) -> None:
    found = actors(annotate(text))
    assert mention in found, list(found)
    assert (found[mention]["code"], found[mention]["sector"], found[mention]["kind"]) == (code, sector, kind)


@pytest.mark.parametrize(
    ("text", "mention", "code", "title"),
    [
        ("Polish Foreign Minister Adam Nowak met his counterpart.", "Polish Foreign Minister Adam Nowak", "POL",
         "Foreign Minister"),
        ("Kenyan President Samuel Otieno flew to Addis Ababa.", "Kenyan President Samuel Otieno", "KEN", "President"),
        ("Gen. Marcus Hale said the brigade was ready.", "Gen. Marcus Hale", None, "Gen."),
    ],
)
def test_person_keeps_title_and_country(annotate, text, mention, code, title) -> None:
    found = actors(annotate(text))
    assert mention in found, list(found)
    assert found[mention]["kind"] == "person"
    assert (found[mention]["code"], found[mention]["title"]) == (code, title)


def test_apposition_gives_title_and_affiliation(annotate) -> None:
    doc = annotate("“The corridor is closed,” said Lena Brandt, a researcher at the Stockholm Peace Institute.")
    person = actors(doc)["Lena Brandt"]
    assert person["title"] == "researcher"
    assert person["affiliation"] == "Stockholm Peace Institute"
    assert person["sector"] == "EDU"


def test_title_words_never_become_organizations(annotate) -> None:
    doc = annotate("U.S. Defense Secretary Paul Grant visited Warsaw.")
    kinds = {span.text: span._.sitrep_actor["kind"] for span in doc.spans[ACTORS]}
    assert kinds.get("U.S. Defense Secretary Paul Grant") == "person"
    assert "Defense" not in kinds


def test_later_surname_mention_inherits_the_first(annotate) -> None:
    doc = annotate("Chilean Foreign Minister Rosa Vidal arrived on Monday. Vidal said the talks went well.")
    mentions = [s._.sitrep_actor for s in doc.spans[ACTORS] if s.text == "Vidal"]
    assert mentions and mentions[0]["code"] == "CHL" and mentions[0]["sector"] == "GOV"
