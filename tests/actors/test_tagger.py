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
        ("Bosnian Serbs rejected the peace plan.", "Bosnian Serbs", "BIH", "CVL", "group"),
        ("Croats voted in the referendum.", "Croats", "HRV", "CVL", "group"),
        # the small model calls these PERSON; a known organization's name is the organization
        ("Since November the Houthis have attacked more than 100 ships.", "Houthis", "HOUTHI", "REB", "organization"),
        # a named organization inside a country's group is the organization
        ("Yemen's Houthi rebels fired two missiles at a tanker.", "Houthi rebels", "HOUTHI", "REB", "organization"),
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


def test_an_organization_before_a_title_gives_code_sector_and_affiliation(annotate) -> None:
    person = actors(annotate("Houthi military spokesman Yahya Saree claimed responsibility."))[
        "Houthi military spokesman Yahya Saree"]
    assert (person["code"], person["sector"], person["affiliation"]) == ("HOUTHI", "REB", "Houthi")


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


@pytest.mark.parametrize(
    ("text", "anaphor", "code"),
    [
        ("Syria says it is willing to withdraw its troops.", "it", "SYR"),
        ("Afghan rebel leaders said they would meet the mediator.", "they", "AFG"),
        ("Chile recalled its ambassador. The government said the move was final.", "government", "CHL"),
        ("Hamas fired rockets overnight. The group later claimed the attack.", "group", "HAMAS"),
    ],
)
def test_anaphors_take_the_code_of_what_they_refer_to(annotate, text, anaphor, code) -> None:
    found = actors(annotate(text))
    assert found[anaphor]["code"] == code
    assert found[anaphor]["evidence"].startswith("actor.anaphor.")


@pytest.mark.parametrize(
    ("text", "anaphor", "code"),
    [
        ("Britain, which keeps two warships near Cyprus, said on Monday it would send aid.", "it", "GBR"),
        ("Turkey's foreign ministry said its envoy had left Beirut for Cyprus. It urged restraint.", "It", "TUR"),
        ("Kenya said it had paid 40 Somali traders for the goods they lost.", "they", "SOM"),
    ],
)
def test_a_subject_pronoun_prefers_a_subject_that_agrees_with_it(annotate, text, anaphor, code) -> None:
    assert actors(annotate(text))[anaphor]["code"] == code


def test_a_definite_sector_noun_reaches_past_the_window_to_its_sector(annotate) -> None:
    doc = annotate("M23 rebels seized Rubaya on Tuesday. Aid groups counted the displaced. Prices of coltan rose. "
                   "Traders left the area. The rebels first took the town last year.")
    assert actors(doc)["rebels"]["code"] == "M23"


def test_a_states_institution_does_not_reach_past_the_window(annotate) -> None:
    doc = annotate("Sudan's army shelled Omdurman on Tuesday. Aid groups counted the displaced. Prices of bread rose. "
                   "Traders left the city. The army later denied the attack.")
    assert actors(doc)["army"]["code"] != "SDN"


def test_the_country_does_not_point_back_to_a_demonym_describing_a_thing(annotate) -> None:
    doc = annotate("Crowds waved Russian flags in the square. Troops are stationed across the country.")
    assert actors(doc).get("country", {}).get("code") != "RUS"


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("The RSF stormed the camp. The war has forced more than 10 million from their homes.", True),
        ("Soldiers evacuated hundreds of villagers from their houses in Kharkiv.", True),
        ("Russian officials said their forces had taken the town.", False),
    ],
)
def test_their_after_its_verbs_plural_object_refers_to_that_object(annotate, text, bound) -> None:
    resolved = [mention for mention in actors(annotate(text)) if mention.split()[0] == "their"]
    assert (not resolved) is bound


def test_expletive_it_is_no_actor(annotate) -> None:
    doc = annotate("Iran held talks on Monday. It is likely that the talks resume.")
    assert "It" not in {s.text for s in doc.spans[ACTORS]}


def test_sector_word_modifier_sets_the_sector(annotate) -> None:
    found = actors(annotate("Afghan rebel leaders met on Friday."))
    assert found["Afghan rebel leaders"]["sector"] == "REB"


def test_person_of_country(annotate) -> None:
    found = actors(annotate("King Hassan of Morocco was quoted today."))
    assert found["King Hassan"]["code"] == "MAR"


def test_a_title_refers_back_to_the_person_who_holds_it(annotate) -> None:
    doc = annotate("Kenyan Foreign Minister Musalia Mudavadi arrived on Monday. The minister said talks would resume.")
    minister = actors(doc)["minister"]
    assert (minister["kind"], minister["name"], minister["code"]) == ("person", "Musalia Mudavadi", "KEN")
    assert minister["evidence"].startswith("actor.anaphor.title")


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Hungarian and Romanian officials met in Vienna.", {"Hungarian": "HUN", "Romanian officials": "ROU"}),
        ("US and British forces entered the port.", {"US": "USA", "British forces": "GBR"}),
        ("Malian, Nigerien and Chadian troops patrolled the border.",
         {"Malian": "MLI", "Nigerien": "NER", "Chadian troops": "TCD"}),
    ],
)
def test_coordinated_demonyms_keep_one_mention_per_state(annotate, text, mentions) -> None:
    found = actors(annotate(text))
    assert {m: found[m]["code"] for m in mentions if m in found} == mentions, list(found)


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("President Bush warned Russia on Monday.", "President Bush", "USA"),
        ("Prime Minister Bhutto flew to Beijing.", "Prime Minister Bhutto", "PAK"),
        ("Bush met reporters on Monday.", "Bush", None),
    ],
)
def test_a_family_name_shared_by_known_leaders_codes_only_after_a_title(annotate, text, mention, code) -> None:
    found = actors(annotate(text))
    assert found[mention]["code"] == code


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Ethnic Albanians in south Serbia demanded a UN presence.", "Ethnic Albanians"),
        ("Up to 1,000 ethnic Turks began a hunger strike.", "ethnic Turks"),
        ("Ethnic Russian separatists seized the airport.", "Ethnic Russian separatists"),
    ],
)
def test_an_ethnicity_is_not_coded_as_its_namesake_state(annotate, text, mention) -> None:
    found = actors(annotate(text))
    assert found[mention]["code"] is None and found[mention]["evidence"].startswith("actor.ethnic")


def test_ethnic_people_take_the_state_they_live_in_from_the_phrase(annotate) -> None:
    (event,) = [e for e in annotate("Ethnic Albanians in south Serbia are demanding a UN presence.")._.sitrep_events]
    assert {p["code"] for p in event["source"]} == {"SRB"}


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("The Saudi-led coalition struck Sanaa.", "Saudi-led coalition", "SAU"),
        ("Vietnamese-led forces shelled the camps.", "Vietnamese-led forces", "VNM"),
        ("The Hamas-run health ministry gave the toll.", "Hamas-run health ministry", "HAMAS"),
    ],
)
def test_a_group_led_by_an_actor_is_that_actors(annotate, text, mention, code) -> None:
    assert actors(annotate(text))[mention]["code"] == code


def test_a_group_backed_by_a_state_is_not_that_state(annotate) -> None:
    found = actors(annotate("Iranian-backed militias attacked the base."))
    assert all(m["code"] is None for text, m in found.items() if "militias" in text)


@pytest.mark.parametrize(
    ("text", "mention", "code", "sector"),
    [
        ("The government accused Darfur rebels of breaking the truce.", "Darfur rebels", "SDN", "REB"),
        ("Gaza residents fled south.", "Gaza residents", "PSE", "CVL"),
    ],
)
def test_a_place_that_modifies_a_sector_noun_owns_the_group(annotate, text, mention, code, sector) -> None:
    found = actors(annotate(text))[mention]
    assert (found["code"], found["sector"]) == (code, sector)


@pytest.mark.parametrize(("text", "town", "code"), [
    ("Russian troops shelled Kherson on Tuesday.", "Kherson", "UKR"),
    ("Russian forces captured Avdiivka in February.", "Avdiivka", "UKR"),
    ("Israeli jets bombed Khan Younis.", "Khan Younis", "PSE"),
])
def test_a_town_ner_calls_a_person_stands_for_its_country(annotate, text, town, code) -> None:
    # the small model labels these towns PERSON
    found = actors(annotate(text))[town]
    assert (found["kind"], found["code"]) == ("place", code)


@pytest.mark.parametrize(("text", "town"), [
    ("Russia hit Kharkiv overnight.", "Kharkiv"),
    ("Russian forces struck Odesa overnight.", "Odesa"),
])
def test_a_town_ner_missed_where_it_is_struck_stands_for_its_country(annotate, text, town) -> None:
    # the small model gives these towns no entity label at all
    found = actors(annotate(text))[town]
    assert (found["kind"], found["code"], found["evidence"]) == ("place", "UKR", "actor.place.city")


def test_a_name_ner_missed_in_a_place_slot_stays_out_when_no_town_bears_it(annotate) -> None:
    assert "Zorblax" not in actors(annotate("Russia hit Zorblax overnight."))


@pytest.mark.parametrize(("text", "capital", "code"), [
    ("Azerbaijan and Armenia signed a peace agreement in Washington.", "Washington", "USA"),
    ("Police arrested 40 protesters in Tbilisi on Thursday night.", "Tbilisi", "GEO"),
])
def test_a_capital_where_something_happens_is_the_city_not_its_government(annotate, text, capital, code) -> None:
    found = actors(annotate(text))[capital]
    assert (found["kind"], found["code"], found["sector"]) == ("place", code, None)


def test_a_capital_that_speaks_is_its_government(annotate) -> None:
    found = actors(annotate("Moscow said it would respond to the strike."))["Moscow"]
    assert (found["code"], found["sector"]) == ("RUS", "GOV")


@pytest.mark.parametrize(("text", "country"), [
    ("Iran seized an oil tanker in the Gulf of Oman.", "Oman"),
    ("Chinese ships sailed into the Sea of Japan.", "Japan"),
])
def test_a_country_in_the_name_of_a_sea_is_no_actor(annotate, text, country) -> None:
    assert country not in actors(annotate(text))


@pytest.mark.parametrize(("text", "name"), [
    ("Defense Secretary Lloyd Austin visited Kyiv. Austin met Zelensky on Monday.", "Austin"),
    ("Jackson attacked the police.", "Jackson"),
])
def test_a_person_named_like_a_town_stays_a_person(annotate, text, name) -> None:
    assert actors(annotate(text))[name]["kind"] == "person"


@pytest.mark.parametrize(("text", "filed_from"), [
    ("ADEN, Yemen - Houthi rebels fired two missiles at a tanker on Tuesday.", {"ADEN", "Yemen"}),
    ("MOSCOW (Wire) - Russia said it shot down 20 drones.", {"MOSCOW"}),
    ("GAZA CITY (Wire) - Israeli air strikes killed 25 Palestinians, officials said.", {"GAZA", "GAZA CITY"}),
])
def test_a_dateline_names_where_the_report_was_filed_not_an_actor(annotate, text, filed_from) -> None:
    found = actors(annotate(text))
    assert not filed_from & set(found), list(found)
    assert found  # the actors of the story remain


DATELINED = ("CHISINAU, Moldova - Police detained 12 people outside the government building on Sunday, "
             "the Interior Ministry said. Opposition leaders called the arrests illegal, while "
             "Russia's Foreign Ministry accused the government of repression.")


def test_unplaced_institutions_take_the_datelines_country(annotate) -> None:
    found = actors(annotate(DATELINED))
    for mention, sector in (("Police", "COP"), ("Interior Ministry", "GOV"), ("Opposition leaders", "OPP")):
        assert (found[mention]["code"], found[mention]["sector"]) == ("MDA", sector)
        assert found[mention]["evidence"].endswith("+actor.home.dateline")


def test_placed_institutions_keep_their_own_country(annotate) -> None:
    found = actors(annotate(DATELINED))
    ministry = next(actor for text, actor in found.items() if "Foreign Ministry" in text)
    assert ministry["code"] == "RUS" and "actor.home.dateline" not in ministry["evidence"]


def test_without_a_dateline_no_country_is_guessed(annotate) -> None:
    found = actors(annotate("Police detained 12 people outside the government building, the Interior Ministry said."))
    assert found["Police"]["code"] is None and found["Interior Ministry"]["code"] is None


@pytest.mark.parametrize(("text", "mention"), [
    ("KHARKIV, Ukraine - Police said drones struck a fuel depot overnight.", "drones"),
    ("MANILA - China's coast guard said it had expelled the vessel. A spokesman, Liu Dejun, blamed Manila.", "spokesman"),
])
def test_weapons_and_spokesmen_do_not_take_the_datelines_country(annotate, text, mention) -> None:
    found = actors(annotate(text))
    assert found[mention]["code"] is None and "actor.home.dateline" not in found[mention]["evidence"]
    assert found.get("Police", {"code": "UKR"})["code"] == "UKR"


@pytest.mark.parametrize(("text", "mention", "code", "sector"), [
    ("The Sudan Doctors Network said the attackers burned homes.", "Sudan Doctors Network", "SDN", None),
    ("The Nigerian Union of Teachers called off its strike.", "Nigerian Union of Teachers", "NGA", None),
])
def test_an_organization_named_for_its_state_is_a_body_of_that_state(annotate, text, mention, code, sector) -> None:
    found = actors(annotate(text))
    assert (found[mention]["code"], found[mention]["country"], found[mention]["sector"]) == (code, code, sector)
    assert found[mention]["kind"] == "organization" and "named_for_state" in found[mention]["evidence"]


def test_a_large_town_ner_calls_an_organization_is_the_town(annotate) -> None:
    doc = annotate("Paramilitary fighters killed 45 civilians in an assault on villages south of El Obeid.")
    town = next(span for span in doc.spans[ACTORS] if span.text == "El Obeid")
    assert town._.sitrep_actor["kind"] == "place" and town._.sitrep_actor["code"] == "SDN"
