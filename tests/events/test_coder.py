"""The event coder: triggers, roles from the parse, modality, merging of repeated mentions."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def events(doc) -> list[dict]:
    return doc._.sitrep_events


def dyad(event: dict) -> tuple[set, set]:
    return ({p["code"] for p in event["source"]}, {p["code"] for p in event["target"]})


@pytest.mark.parametrize(
    ("text", "cameo", "source", "target"),
    [
        ("Belarus sent 2,000 troops to Russia last month.", "072", {"BLR"}, {"RUS"}),
        ("The deployment of Iranian troops to Syria alarmed its neighbours.", "072", {"IRN"}, {"SYR"}),
        ("Germany delivered air defense systems to Ukraine on Tuesday.", "072", {"DEU"}, {"UKR"}),
        ("Russia launched a massive missile attack on Ukraine overnight.", "19", {"RUS"}, {"UKR"}),
        ("Israeli jets struck Lebanon on Sunday.", "195", {"ISR"}, {"LBN"}),
        ("Japan imposed sanctions on North Korea.", "163", {"JPN"}, {"PRK"}),
        ("Ukraine was attacked by Russia again.", "190", {"RUS"}, {"UKR"}),
        ("France condemned the coup in Niger.", "111", {"FRA"}, set()),
        ("Kenya and Somalia signed a security agreement in Nairobi.", "062", {"KEN", "SOM"}, {"KEN", "SOM"}),
        ("India expelled two Pakistani diplomats.", "16", {"IND"}, {"PAK"}),
        ("Russian and Chinese troops attacked the border post.", "19", {"RUS", "CHN"}, set()),
        ("Kenyan and Ugandan officials signed a trade accord.", "0", {"KEN", "UGA"}, set()),
        ("Rebels detonated a car bomb in the capital Kabul.", "18", {None}, {"AFG"}),
        ("Israel mounted an invasion of Lebanon.", "19", {"ISR"}, {"LBN"}),
        ("Gunmen killed the deputy chief of Kenya's border police.", "18", {None}, {"KEN"}),
        ("Iran threatened to launch a new offensive unless Iraq accepted its terms.", "13", {"IRN"}, {"IRQ"}),
        ("Turkish workers began a hunger strike to protest Sweden's decision.", "14", {"TUR"}, {"SWE"}),
        ("Qatar offered to host talks between Hamas and Israel.", "03", {"QAT"}, {"HAMAS", "ISR"}),
        ("Putin said he was ready to meet the president of Armenia.", "03", {"RUS"}, {"ARM"}),
        ("Egyptian demonstrators rioted on Friday, calling for the removal of President Hosni Mubarak.", "14",
         {"EGY"}, {"EGY"}),
        ("Albania denounced as a crime Serbia's crackdown on students.", "11", {"ALB"}, {"SRB"}),
        ("Police in Guinea tortured scores of Sierra Leonean and Liberian refugees.", "18", {"GIN"}, {"SLE", "LBR"}),
    ],
)
def test_event_code_and_dyad(annotate, text, cameo, source, target) -> None:
    found = [e for e in events(annotate(text)) if e["cameo"].startswith(cameo)]
    assert found, [(e["cameo"], e["trigger_text"]) for e in events(annotate(text))]
    assert dyad(found[0])[0] == source
    assert dyad(found[0])[1] >= target


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Thousands of people blocked streets in Hong Kong on Sunday.", "HKG"),
        ("Crowds marched through the centre of Algiers demanding new elections.", "DZA"),
    ],
)
def test_unnamed_protesters_act_for_the_people_of_the_place(annotate, text, code) -> None:
    (event,) = [e for e in events(annotate(text)) if e["cameo"].startswith("14")]
    assert [(p["code"], p["sector"]) for p in event["source"] if p["code"]] == [(code, "CVL")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hundreds of students rallied outside the Turkish embassy in Stockholm on Friday.", "SWE"),
        ("Hundreds of students rallied outside the Turkish embassy on Friday.", None),
    ],
)
def test_protesters_outside_a_building_act_for_its_town_not_its_owner(annotate, text, code) -> None:
    (event,) = [e for e in events(annotate(text)) if e["cameo"].startswith("14")]
    placed = [p for p in event["source"] if p["code"]]
    assert [(p["code"], p["evidence"]) for p in placed] == ([(code, "place.outside")] if code else [])
    assert [p["code"] for p in event["target"]] == ["TUR"]


def test_an_unclaimed_bombing_is_an_unidentified_armed_force_of_the_place(annotate) -> None:
    text = "Three US servicemen were killed by an improvised explosive device outside the Iraqi city of Basra."
    (event,) = [e for e in events(annotate(text)) if e["cameo"].startswith("183")]
    assert [(p["code"], p["sector"]) for p in event["source"]] == [("IRQ", "UAF")]


def test_people_a_states_police_act_on_are_that_states(annotate) -> None:
    (event,) = [e for e in events(annotate("Egyptian police dispersed demonstrators on Friday.")) if e["cameo"].startswith("17")]
    (target,) = event["target"]
    assert (target["code"], target["country"]) == (None, "EGY") and target["evidence"].endswith("+domestic")


def test_an_armys_targets_get_no_nationality_by_default(annotate) -> None:
    (event,) = [e for e in events(annotate("Israeli troops shot demonstrators.")) if e["target"]]
    assert all(t["country"] is None for t in event["target"])


def test_named_protesters_keep_their_own_code(annotate) -> None:
    (event,) = [e for e in events(annotate("Kenyan students protested in Kampala.")) if e["cameo"].startswith("14")]
    assert {p["code"] for p in event["source"]} == {"KEN"}


def test_the_sources_own_troops_are_not_its_target(annotate) -> None:
    (event,) = [e for e in events(annotate("Syria said it was willing to withdraw its troops from Lebanon."))
                if e["cameo"].startswith("03")]
    assert dyad(event) == ({"SYR"}, {"LBN"})


def test_threat_is_coded_as_threat_not_attack(annotate) -> None:
    coded = events(annotate("Iran threatened to attack Israel if the strikes continued."))
    assert [e["cameo"][:2] for e in coded] == ["13"]


def test_negated_event_is_marked(annotate) -> None:
    (event,) = [e for e in events(annotate("China did not send troops to Myanmar.")) if e["cameo"] == "072"]
    assert event["negated"] is True


def test_future_event_has_future_modality(annotate) -> None:
    (event,) = events(annotate("Poland will send 300 soldiers to Lithuania."))
    assert event["modality"] == "future"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Farmers said they would blockade Paris next week.", "future"),
        ("Hamas announced it would release the hostages.", "future"),
        ("Iran said it would attack Israel if the strikes continued.", "hypothetical"),
        ("Israel would strike Iran, analysts believe.", "hypothetical"),
    ],
)
def test_would_after_a_reporting_verb_is_future_unless_conditional(annotate, text, modality) -> None:
    assert [e["modality"] for e in events(annotate(text))][:1] == [modality]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Under the deal, Serbian troops must withdraw from the northern villages.", "modality.hypothetical.obligation"),
        ("Russia has to withdraw its troops from the Kherson region.", "modality.hypothetical.have_to"),
        ("Under the truce, Israeli troops have 60 days to withdraw from southern Lebanon.", "modality.hypothetical.noun_infinitive"),
        ("Iran reserves the right to attack Israel.", "modality.hypothetical.noun_infinitive"),
    ],
)
def test_an_obligation_or_a_right_to_act_is_no_act(annotate, text, cue) -> None:
    [event] = events(annotate(text))
    assert event["modality"] == "hypothetical" and cue in event["evidence"]


@pytest.mark.parametrize(
    "text",
    [
        "Russia had to withdraw its troops from the Kherson region last year.",  # it withdrew
        "Students held a rally outside parliament to protest the new law.",  # a purpose, not a right
    ],
)
def test_a_past_obligation_or_a_purpose_stays_asserted(annotate, text) -> None:
    assert {e["modality"] for e in events(annotate(text))} == {"asserted"}


def test_repeated_mentions_fold_into_one_event(annotate) -> None:
    text = ("The dispatch of Chadian troops to Niger began in May. "
            "Officials said Chadian soldiers had been sent to Niger to guard the border.")
    coded = [e for e in events(annotate(text)) if e["cameo"] == "072"]
    assert len(coded) == 1
    assert len(coded[0]["also"]) == 1


def test_different_shipments_stay_apart(annotate) -> None:
    text = "Iran sent drones to Russia. Iran also sent troops to Russia."
    assert len([e for e in events(annotate(text)) if e["cameo"] == "072"]) == 2


@pytest.mark.parametrize(
    "text",
    ["Russian troops shelled Bakhmut on Monday. Russian troops had first shelled Bakhmut in May 2022.",
     "Israeli jets struck Gaza on Friday. Israeli jets also struck Gaza last year."],
)
def test_mentions_with_dates_that_do_not_meet_stay_apart(annotate, text) -> None:
    coded = [e for e in events(annotate(text, published="2024-10-24")) if e["cameo"].startswith("19")]
    assert len(coded) == 2 and coded[0]["date"]["value"] != coded[1]["date"]["value"]


def test_a_day_inside_a_mentions_week_is_the_same_happening(annotate) -> None:
    text = "Russian troops shelled Bakhmut on Monday. Russian troops shelled Bakhmut this week, officials said."
    assert len([e for e in events(annotate(text, published="2024-10-24")) if e["cameo"].startswith("19")]) == 1


def test_no_actor_no_event(annotate) -> None:
    assert events(annotate("Sending forces is different from sending ammunition.")) == []


def test_evidence_names_the_pattern_and_relations(annotate) -> None:
    (event,) = events(annotate("Belarus sent 2,000 troops to Russia."))
    assert event["evidence"].startswith("trigger.072.")
    assert "target:prep.to" in event["evidence"]
    assert 0 < event["confidence"] <= 1


def test_target_inside_a_complement_clause(annotate) -> None:
    (event,) = [e for e in events(annotate("China demanded that the US cancel the sale.")) if e["cameo"].startswith("10")]
    assert dyad(event) == ({"CHN"}, {"USA"})
    assert "complement.nsubj" in event["evidence"]


def test_content_of_a_verbal_act_is_not_an_event_of_its_own(annotate) -> None:
    coded = events(annotate("Egypt accused Israel of bombing the crossing."))
    assert [e["cameo"][:2] for e in coded] == ["11"]


def test_talks_with_someone_stay_directed(annotate) -> None:
    (event,) = events(annotate("Moroccan diplomats held talks with Kenya on Monday."))
    assert dyad(event) == ({"MAR"}, {"KEN"}) and event["reciprocal"] is False


def test_pronoun_subject_is_resolved(annotate) -> None:
    coded = events(annotate("Sudan said it would expel the Chadian ambassador."))
    assert any(dyad(e)[0] == {"SDN"} for e in coded)


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("Belarus reportedly sent troops to Russia.", True),
        ("Belarus sent about 2,000 troops to Russia.", True),
        ("Belarus sent 2,000 troops to Russia.", False),
    ],
)
def test_hedges_and_approximate_figures_mark_the_event(annotate, text, hedged) -> None:
    (event,) = [e for e in events(annotate(text)) if e["cameo"] == "072"]
    assert event["hedged"] is hedged


def test_denied_event_keeps_the_denial(annotate) -> None:
    coded = events(annotate("Rwanda denied that its troops had attacked Congo."))
    assert coded
    assert all(e["modality"] == "denied" or e["cameo"] == "016" for e in coded)


def test_a_claim_told_second_hand_names_who_reports_it(annotate) -> None:
    text = "Zelensky said South Korean intelligence had confirmed that North Korea sent 10,000 troops to Russia."
    (event,) = [e for e in events(annotate(text)) if e["cameo"] == "072"]
    claims = {c["claimant_text"]: c for c in event["claims"]}
    assert claims["Zelensky"]["via"] is None
    assert claims["South Korean intelligence"]["via_text"] == "Zelensky" and claims["South Korean intelligence"]["via"]


@pytest.mark.parametrize(
    ("text", "said_on"),
    [
        ("On Wednesday, Austin confirmed that Russian forces had shelled Kharkiv.", "2024-10-23"),
        ("Russian forces shelled Kharkiv on Tuesday, according to Ukrainian officials.", None),
        ("Russian forces shelled Kharkiv on Tuesday, Ukrainian officials said on Wednesday.", "2024-10-23"),
    ],
)
def test_a_claim_is_dated_by_its_reporting_clause_not_by_what_it_claims(annotate, text, said_on) -> None:
    [event] = events(annotate(text))
    [claim] = event["claims"]
    assert (claim["date"] or {}).get("value") == said_on


def test_an_act_joined_to_an_appeal_is_no_part_of_what_is_appealed_for(annotate) -> None:
    text = ("The United States and Saudi Arabia urged both parties on Saturday to return to negotiations, "
            "and Washington imposed sanctions on two RSF commanders last month.")
    coded = {e["cameo"]: e for e in events(annotate(text))}
    assert dyad(coded["163"]) == ({"USA"}, {"RSF"})


def test_the_second_half_of_a_demand_is_still_the_demand(annotate) -> None:
    coded = events(annotate("Iran demanded that the United States lift the sanctions and withdraw its troops from Iraq."))
    assert [e["trigger_text"] for e in coded] == ["demanded"]


@pytest.mark.parametrize(("text", "source", "dead"), [("Russian shelling in Kharkiv killed five.", "RUS", 5),
                                                      ("Israeli bombing in Rafah killed 12 people on Monday.", "ISR", 12)])
def test_the_nationality_of_a_gerund_attack_is_its_source(annotate, text, source, dead) -> None:
    [event] = events(annotate(text))
    assert dyad(event)[0] == {source} and [q["value"] for q in event["quantities"]] == [dead]


def test_a_noun_event_takes_the_time_in_a_phrase_of_its_verb(annotate) -> None:
    [event] = events(annotate("Talks between Sudan and the RSF in Jeddah collapsed in December.", published="2024-06-15"))
    assert event["cameo"] == "046" and event["date"]["value"] == "2023-12"


@pytest.mark.parametrize(
    "text",
    [
        # the end of a period, not when the suspension happens
        "The prime minister said the government would suspend talks with the European Union until 2027.",
        # a date describing the object, not the rejection
        "Moldova refused to recognise the October election results in Transnistria.",
        # a clause describing the subject
        "President Maia Sandu, whose term ends this month, rejected the demands of Russia.",
        # a clause on a noun inside the object
        "China rejected the award that judges in The Hague handed down in 2016.",
    ],
)
def test_a_time_describing_something_else_does_not_date_the_event(annotate, text) -> None:
    dated = [e for e in events(annotate(text, published="2024-12-03")) if e["date"]]
    assert dated == []


def test_a_place_in_a_clause_telling_of_another_thing_does_not_place_the_event(annotate) -> None:
    [rejection] = events(annotate("China rejected the award that judges in The Hague handed down in 2016."))
    assert rejection["location"] is None


def test_an_event_in_a_clause_on_a_noun_keeps_to_its_own_clause(annotate) -> None:
    text = "The truce took effect on Nov. 27 and was meant to end a year of fighting that killed 4,000 people in Lebanon."
    [killing] = [e for e in events(annotate(text, published="2024-12-03")) if e["trigger_text"] == "killed"]
    assert killing["date"] is None


def test_a_clause_on_the_attack_itself_dates_it(annotate) -> None:
    text = "Russian forces attacked Kharkiv. The attack, which came on Monday, killed five people."
    [attack] = events(annotate(text, published="2024-12-03"))
    assert attack["date"]["value"] == "2024-12-02"


def test_the_same_side_rejecting_twice_paragraphs_apart_is_two_acts(annotate) -> None:
    text = ("Beijing rejected the account. Manila summoned the ambassador. Washington condemned the actions. "
            "Taiwan reported more flights. A tribunal ruled in 2016 that the claim had no basis, "
            "a decision Beijing has refused to accept.")
    rejections = [e for e in events(annotate(text)) if e["cameo"].startswith("12")]
    assert [e["trigger_text"] for e in rejections] == ["rejected", "refused"]
    assert rejections[0]["date"] is None


def test_his_counterpart_of_another_nationality_is_of_that_nationality(annotate) -> None:
    text = "Secretary of State Antony Blinken spoke with his Philippine counterpart by phone on Wednesday."
    [event] = events(annotate(text))
    assert dyad(event) == ({"USA"}, {"PHL"})


def test_disagreeing_figures_keep_their_sources_and_the_lowest_is_the_summary(annotate) -> None:
    text = ("Chadian troops were sent to Niger on Monday. Niger's army said 1,200 Chadian soldiers had been sent to Niger, "
            "while Chad's defense ministry said 800 Chadian soldiers had been sent to Niger.")
    (event,) = [e for e in events(annotate(text)) if e["cameo"] == "072"]
    figures = {q["value"]: q["claimant"] for q in event["quantities"]}
    assert set(figures) == {1200, 800} and all(figures.values())
    assert figures[1200] != figures[800]
    assert [q["value"] for q in event["summary"]] == [800]


def casualties(event: dict) -> dict[float, dict]:
    return {q["value"]: q for q in event["quantities"] if q["kind"] in ("dead", "injured", "missing")}


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Russian drones hit Odesa overnight. At least 9 people were killed and 40 wounded, the governor said.", {9, 40}),
        ("Israeli jets struck Rafah on Friday. Four medics were among the dead. Three others are missing.", {4, 3}),
        ("Russian missiles hit Dnipro on Monday. The attack killed 12 people and wounded 40, the governor said.", {12, 40}),
    ],
)
def test_casualties_counted_after_the_attack_belong_to_it(annotate, text, values) -> None:
    [event] = [e for e in events(annotate(text)) if e["cameo"].startswith("19")]
    figures = casualties(event)
    assert set(figures) == values
    assert all("from the attack before it" in figures[v]["reason"] for v in values)


def test_disagreeing_tolls_each_keep_their_source_and_the_lower_is_the_summary(annotate) -> None:
    text = ("Russian missiles hit Dnipro on Monday, killing at least 12 people, Ukrainian officials said. "
            "Russian state media put the number of dead at seven.")
    [event] = [e for e in events(annotate(text)) if casualties(e)]
    claimants = {c["claimant"]: c["claimant_text"] for c in event["claims"]}
    figures = casualties(event)
    assert {v: claimants[q["claimant"]] for v, q in figures.items()} == {
        12: "Ukrainian officials", 7: "Russian state media"}
    assert [q["value"] for q in event["summary"]] == [7]


def test_a_later_sources_casualty_figure_is_its_own_and_joins_the_claimants(annotate) -> None:
    text = ("Russian missiles struck Dnipro on Monday, wounding dozens of people, Ukrainian officials said. "
            "Governor Serhiy Lysak said 43 people had been wounded.")
    [event] = [e for e in events(annotate(text)) if e["cameo"].startswith("19")]
    claimants = {c["claimant"]: c["claimant_text"] for c in event["claims"]}
    assert claimants[casualties(event)[43]["claimant"]] == "Governor Serhiy Lysak"
    assert [(q["kind"], q["text"]) for q in event["summary"]] == [("injured", "dozens")]


@pytest.mark.parametrize(
    "text",
    ["Russia shelled Kherson on Monday. Earlier this month, a second strike on the city killed five people.",
     "Russia shelled Kherson on Monday. In 2022, 300 people were killed in the city.",
     "Russia shelled Kherson on Monday. Talks resumed in Geneva. The delegates ate lunch. Five people were wounded."],
)
def test_casualties_of_another_attack_or_time_stay_off_the_attack(annotate, text) -> None:
    coded = events(annotate(text, published="2024-10-24"))
    assert not any(casualties(e) for e in coded)


@pytest.mark.parametrize("text", [
    "Rebels have attacked more than 100 merchant ships, according to the U.S. Maritime Administration.",
    "The crew was evacuated by a French warship, according to the European Union's naval mission.",
])
def test_the_source_named_by_according_to_is_no_target(annotate, text) -> None:
    coded = events(annotate(text))
    assert coded and not any(p["code"] in ("USA", "EUR") for e in coded for p in e["target"])


def test_a_later_mention_of_the_attack_gives_its_date_place_and_claimant(annotate) -> None:
    text = ("A Myanmar military air strike killed 30 people, residents said on Saturday. "
            "The strike hit a school in the town of Monywa early on Friday, said Ko Thura, a local spokesman.")
    [event] = [e for e in events(annotate(text, published="2024-06-15")) if e["cameo"].startswith("19")]
    assert (event["date"]["start"], event["location"]["name"]) == ("2024-06-14", "Monywa")
    assert "from a later mention (strike hit)" in event["date"]["reason"]
    assert all(m["evidence"].startswith("followup.definite_noun") for m in event["also"] if m["sentence"] == 1)
    assert {c["claimant_text"] for c in event["claims"]} == {"residents", "Ko Thura"}


def test_the_dead_of_a_later_sentence_fall_in_the_attack_the_definite_noun_names(annotate) -> None:
    text = ("Ethiopian jets bombed rebel positions near Gondar on Tuesday. "
            "A regional health official said four civilians were killed and 11 hurt in the raids.")
    found = events(annotate(text, published="2024-06-15"))
    [event] = [e for e in found if e["cameo"].startswith(("18", "19"))]
    assert event["trigger_text"] == "bombed" and event["date"]["start"] == "2024-06-11"
    assert {(q["kind"], q["value"]) for q in event["quantities"]} >= {("dead", 4), ("injured", 11)}
    assert [c["claimant_text"] for c in event["claims"]] == ["A regional health official"]


def test_each_figure_of_a_fight_keeps_the_claimant_who_gave_it(annotate) -> None:
    text = ("Rebels overran an army base near Bunia on Tuesday. Up to 25 soldiers were killed in the "
            "fighting, according to a military source, while the rebels said they had lost only three fighters.")
    [event] = [e for e in events(annotate(text, published="2024-06-15")) if e["cameo"].startswith(("18", "19"))]
    source = next(c["claimant"] for c in event["claims"] if c["claimant_text"] == "a military source")
    by = {q["text"]: q["claimant"] for q in event["quantities"]}
    assert event["trigger_text"] == "overran" and by["Up to 25"] == source
    assert by["three"] is not None and by["three"] != source


def test_dead_in_an_attack_with_its_own_attacker_stay_its_own(annotate) -> None:
    text = ("Ethiopian jets bombed rebel positions near Gondar on Tuesday. "
            "Rebel fighters killed four soldiers in the raid on a nearby base, a rebel spokesman said.")
    assert len([e for e in events(annotate(text, published="2024-06-15")) if e["cameo"].startswith(("18", "19"))]) == 2


@pytest.mark.parametrize(
    "text",
    ["Russia shelled Kherson on Monday. In 2022, the attack on the city was repelled.",
     "Russia shelled Kherson on Monday. A strike hit the port on Tuesday.",
     "Russia shelled Kherson on Monday. The attack was the third on the city this week."],
)
def test_an_attack_of_another_time_or_an_indefinite_one_is_no_later_mention(annotate, text) -> None:
    [event] = [e for e in events(annotate(text, published="2024-10-24")) if e["cameo"].startswith("19")]
    assert event["also"] == [] and event["date"]["start"] == "2024-10-21"


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Russia will hold military exercises with Belarus next month.", "0312"),
        ("Japan will send humanitarian aid to Myanmar.", "0333"),
        ("Iran will attack Israel if the strikes continue.", "138"),
    ],
)
def test_announced_acts_are_intents_or_threats(annotate, text, cameo) -> None:
    coded = [e for e in events(annotate(text)) if e["cameo"].startswith(cameo)]
    assert coded and "recode." in coded[0]["evidence"]


def test_stative_passive_subject_is_the_source(annotate) -> None:
    coded = events(annotate("Greece is opposed to the Turkish drilling plan."))
    assert any(dyad(e)[0] == {"GRC"} and e["cameo"].startswith("11") for e in coded)


def test_noun_clause_inherits_the_subject_of_its_verb(annotate) -> None:
    coded = events(annotate("Hezbollah issued a statement demanding that Israel withdraw from Lebanon."))
    assert any(dyad(e) == ({"HEZ"}, {"ISR"}) and "inherit.acl" in e["evidence"] for e in coded)


def test_the_object_of_accused_of_does_what_the_gerund_says(annotate) -> None:
    coded = events(annotate("Sudan accused Chad of sending mercenaries across the border to fight alongside the RSF."))
    attack = next(e for e in coded if e["trigger_text"] == "fight")
    assert dyad(attack)[0] == {"TCD"} and "inherit.object" in attack["evidence"]


def test_a_shelled_town_is_the_target_whatever_ner_calls_it(annotate) -> None:
    # the small model labels "Kharkiv" a facility here
    [event] = events(annotate("Russian forces shelled Kharkiv on Tuesday, Ukrainian officials said."))
    assert dyad(event) == ({"RUS"}, {"UKR"})


@pytest.mark.parametrize("text", ["The Pentagon said it was monitoring the strikes.",
                                  "Germany condemned the raid on the refugee camp."])
def test_who_watches_or_judges_an_act_is_not_its_source(annotate, text) -> None:
    assaults = [e for e in events(annotate(text)) if e["cameo"][:2] in {"18", "19"}]
    assert not [e for e in assaults if {"USA", "DEU"} & dyad(e)[0]]


def test_who_launches_an_act_named_by_a_noun_is_its_source(annotate) -> None:
    [event] = events(annotate("Russia launched strikes on Kyiv overnight."))
    assert dyad(event) == ({"RUS"}, {"UKR"})


def test_a_trigger_noun_as_agent_folds_into_the_verb(annotate) -> None:
    coded = events(annotate("Kyiv was hit by a barrage of Russian missiles."))
    assert len([e for e in coded if e["cameo"].startswith("19")]) == 1


@pytest.mark.parametrize(
    ("text", "name", "precision"),
    [
        ("Russian forces shelled villages in the Donetsk region of Ukraine on Monday.", "Donetsk", "admin1"),
        ("Israeli jets struck targets in the Syrian capital on Sunday.", "Damascus", "city"),
        ("Turkish troops shelled positions along the Syrian border.", "Syria", "country"),
        ("Israeli troops raided Al-Shifa Hospital in Gaza City on Wednesday.", "Al-Shifa Hospital", "point"),
        ("Kherson was shelled by Russian artillery on Wednesday.", "Kherson", "city"),
        ("The Kharkiv region was shelled by Russian forces overnight.", "Kharkiv", "admin1"),
    ],
)
def test_event_location_is_the_most_exact_place_under_the_trigger(annotate, text, name, precision) -> None:
    [event] = events(annotate(text))
    assert (event["location"]["name"], event["location"]["precision"]) == (name, precision)


def test_a_retaken_town_is_an_occupation_where_it_happened(annotate) -> None:
    # the small model tags "retook" as a present tense; the lemma still has to be "retake"
    [event] = [e for e in events(annotate("Ukrainian forces retook Kupiansk on Tuesday.")) if e["cameo"] == "192"]
    assert (event["location"]["name"], event["location"]["country"]) == ("Kupyansk", "UKR")


def test_a_town_attacked_by_drones_is_where_the_strike_happened(annotate) -> None:
    [event] = events(annotate("Russian drones attacked Odesa overnight, officials said."))
    assert event["cameo"] == "1952" and event["location"]["name"] == "Odesa"


def also(event: dict) -> set[str]:
    return {mention["text"] for mention in event["also"]}


@pytest.mark.parametrize(
    ("text", "attack", "killing", "dead"),
    [
        ("Russian troops shelled Kharkiv overnight, killing five civilians.", "shelled", "killing", 5),
        ("Russian missiles struck Dnipro on Monday, killing 12 people and wounding 40.", "struck", "killing", 12),
        ("The shelling of Kherson killed two civilians.", "shelling", "killed", 2),
        ("Israeli airstrikes killing 30 people hit Gaza on Monday.", "airstrikes", "hit", 30),
    ],
)
def test_a_killing_told_with_its_attack_is_part_of_it(annotate, text, attack, killing, dead) -> None:
    [event] = events(annotate(text))
    assert event["trigger_text"] == attack and killing in also(event)
    assert "consequence.of_attack" in event["also"][0]["evidence"]
    assert [q["value"] for q in event["quantities"] if q["kind"] == "dead"] == [dead]


def test_an_attack_keeps_its_own_code_when_a_killing_folds_into_it(annotate) -> None:
    [event] = events(annotate("Russian troops shelled Kharkiv overnight, killing five civilians."))
    assert event["cameo"] == "194" and event["location"]["name"] == "Kharkiv"


def test_the_victims_of_a_killing_join_the_targets_of_its_attack(annotate) -> None:
    [event] = events(annotate("Israeli forces raided the Jenin camp overnight, killing three Palestinians."))
    assert "killing" in also(event) and "PSE" in dyad(event)[1]


def test_a_killing_past_a_reporting_verb_is_the_reported_attacks(annotate) -> None:
    # the small model hangs "wounding" on "said"; its speakers did not wound anyone
    [event] = events(annotate("Ukrainian drones attacked a refinery in Ryazan, Russian officials said, wounding two workers."))
    assert dyad(event)[0] == {"UKR"} and "wounding" in also(event)
    assert [q["value"] for q in event["quantities"]] == [2]


@pytest.mark.parametrize("text", ["Belarusian riot police dispersed the protesters in Minsk on Sunday, detaining 40 people.",
                                  "Riot police in Minsk dispersed the protesters on Sunday, detaining 40 people."])
def test_an_arrest_told_with_a_crackdown_stays_its_own_event(annotate, text) -> None:
    # neither folded as a consequence nor merged as a mention: both coerce, but differently
    coded = {e["cameo"]: e for e in events(annotate(text))}
    assert set(coded) == {"175", "173"}
    assert [q["value"] for q in coded["173"]["quantities"]] == [40] and dyad(coded["173"])[0] == {"BLR"}


def test_a_figure_heading_a_phrase_stands_for_the_people_it_counts(annotate) -> None:
    # "dozens" is no actor; the protesters it counts are, even without a country
    [event] = events(annotate("Opposition leaders said dozens of protesters had been beaten in custody."))
    assert event["cameo"][:2] in ("17", "18") and [t["code"] for t in event["target"]] == [None]


def test_a_group_throughout_a_country_acts_for_it(annotate) -> None:
    [event] = events(annotate("Thousands of students across Serbia marched against the government on Sunday."))
    assert dyad(event)[0] == {"SRB"}


def test_a_protest_noun_takes_the_target_of_the_purpose_of_its_verb(annotate) -> None:
    # the protest told again as "to protest" folds in, and keeps the hunger strike's code:
    # 1412 refines 141, not 142
    text = "Dozens of Iranian prisoners began a hunger strike on Monday to protest against Iraq's decision to deport them."
    [event] = events(annotate(text))
    assert event["cameo"] == "142" and dyad(event) == ({"IRN"}, {"IRQ"})


def test_a_noun_naming_a_kind_of_another_is_no_event(annotate) -> None:
    coded = events(annotate("Belarusian riot police dispersed the protesters in Minsk on Sunday."))
    assert [e["trigger_text"] for e in coded] == ["dispersed"]


def test_a_second_attack_by_the_same_side_stays_its_own_event(annotate) -> None:
    coded = events(annotate("Russian forces shelled Kherson on Sunday. On Monday they struck Odesa, killing three."))
    assert [e["trigger_text"] for e in coded] == ["shelled", "struck"]


def test_an_attack_noun_takes_the_day_of_the_killing_it_carries(annotate) -> None:
    # the small model reads "killed" as a participle of "strikes", itself a subject of "said"
    text = "Israeli air strikes killed at least 25 Palestinians in Rafah on Thursday, health officials said."
    [event] = events(annotate(text, published="2024-06-07"))
    assert event["trigger_text"] == "air strikes" and also(event) == {"killed"}
    assert event["date"]["value"] == "2024-06-06"
    assert [c["claimant_text"] for c in event["claims"]] == ["health officials"]


@pytest.mark.parametrize("text", ["Russia hit Kharkiv overnight, killing five people, officials said.",
                                  "Russian forces struck Odesa overnight."])
def test_striking_a_town_ner_missed_is_an_attack_on_its_country(annotate, text) -> None:
    [event] = [e for e in events(annotate(text)) if e["trigger_text"] in ("hit", "struck")]
    assert (event["cameo"], *dyad(event)) == ("190", {"RUS"}, {"UKR"})


def test_the_victim_of_an_attack_noun_is_not_the_source_of_its_killing(annotate) -> None:
    [event] = events(annotate("The shelling of Kherson killed two civilians."))
    assert "UKR" not in dyad(event)[0] and "UKR" in dyad(event)[1]


def test_the_weapons_of_a_barrage_say_who_killed(annotate) -> None:
    [event] = events(annotate("A barrage of Russian missiles killed two civilians."))
    assert dyad(event)[0] == {"RUS"}


def test_a_participle_with_an_object_acts_for_the_noun_it_modifies(annotate) -> None:
    # the small model reads "killed" here as a participle modifying "airstrikes"
    [event] = events(annotate("Israeli airstrikes killed at least 30 people in Gaza on Saturday."))
    assert dyad(event) == ({"ISR"}, {"PSE"})


def test_the_town_where_a_pact_is_signed_is_no_party_to_it(annotate) -> None:
    [event] = events(annotate("Azerbaijan and Armenia signed a peace agreement in Washington."))
    assert event["reciprocal"] and dyad(event) == ({"AZE", "ARM"}, {"AZE", "ARM"})


def test_people_arrested_in_a_capital_are_not_its_government(annotate) -> None:
    [event] = events(annotate("Police arrested 40 protesters in Tbilisi on Thursday night."))
    assert all(p["sector"] != "GOV" for p in event["target"])


def test_an_attack_on_the_city_is_in_the_town_named_before(annotate) -> None:
    coded = events(annotate("Heavy fighting continued in Bakhmut. Russian artillery shelled the town on Monday."))
    [event] = [e for e in coded if e["trigger_text"] == "shelled"]
    assert event["location"]["name"] == "Bakhmut" and event["location"]["reason"].startswith("place.anaphor.town")


def test_a_protest_after_an_attack_does_not_take_its_place(annotate) -> None:
    coded = events(annotate("Russian troops shelled Kharkiv on Monday, prompting Kyiv to demand new sanctions."))
    assert all(e["location"] is None for e in coded if not e["cameo"].startswith("19"))


@pytest.mark.parametrize("text", ["The senator attacked Kyiv over the minerals deal.",
                                  "The prime minister attacked Moscow for its handling of the talks."])
def test_an_attack_over_a_deal_or_a_decision_is_criticism(annotate, text) -> None:
    assert [e["cameo"] for e in events(annotate(text))] == ["111"]


def test_an_event_takes_its_own_day_not_the_datelines(annotate) -> None:
    doc = annotate("KYIV, Oct 22 (Wire) - Russian missiles struck an apartment block in Dnipro late on Monday.",
                   published="2024-10-22")
    [event] = events(doc)
    assert event["date"]["value"] == "2024-10-21"


@pytest.mark.parametrize("dateline", ["KYIV, Oct 22 (Wire) - ", "KYIV (Wire) - ", "KYIV, Ukraine - "])
def test_a_dateline_is_where_the_report_was_filed_not_where_the_event_happened(annotate, dateline) -> None:
    doc = annotate(dateline + "Russian missiles struck an apartment block in the central city of Dnipro.")
    [event] = events(doc)
    assert event["location"]["name"] == "Dnipro"


def test_a_dateline_alone_places_no_event(annotate) -> None:
    [event] = events(annotate("KYIV (Wire) - Russian missiles struck Ukraine overnight."))
    assert event["location"] is None or event["location"]["name"] != "Kyiv"


def test_a_datelines_date_alone_does_not_date_the_event(annotate) -> None:
    doc = annotate("KYIV, Oct 22 (Wire) - Russian missiles struck an apartment block in Dnipro.", published="2024-10-24")
    [event] = events(doc)
    assert event["date"] is None or event["date"]["value"] != "2024-10-22"


def test_an_event_a_day_before_a_dated_one_is_dated_the_day_before(annotate) -> None:
    text = "Israel and Hezbollah traded accusations on Tuesday, a day after Israeli air strikes killed 11 people in Lebanon."
    [strikes] = [e for e in events(annotate(text, published="2024-12-03")) if e["cameo"].startswith("19")]
    assert (strikes["date"]["value"], strikes["date"]["precision"]) == ("2024-12-02", "day")
    assert 'P1D counted from "on Tuesday"' in strikes["date"]["reason"]


def test_a_smaller_count_later_on_the_same_word_is_another_happening(annotate) -> None:
    text = ("CHISINAU, Moldova - Police detained 40 protesters outside parliament on Sunday.\n\n"
            "Later, police detained six more protesters at a rally.")
    arrests = [e for e in events(annotate(text)) if e["cameo"] == "173"]
    assert [[q["value"] for q in e["quantities"]] for e in arrests] == [[40.0], [6.0]]


def test_a_place_under_a_trigger_that_codes_nothing_places_the_event_above(annotate) -> None:
    (event,) = events(annotate("Russian troops killed 20 villagers in a raid on farms north of Kharkiv."))
    assert event["location"]["name"] == "Kharkiv"


def test_an_attack_retold_without_its_attacker_in_the_same_sentence_is_one_event(annotate) -> None:
    (event,) = events(annotate("British jets killed four Iraqis in an attack on a depot in Basra."))
    assert dyad(event) == ({"GBR"}, {"IRQ"}) and event["location"]["name"].startswith("Basra")


def test_acts_on_victims_of_different_sectors_stay_apart(annotate) -> None:
    found = events(annotate("The RSF denied targeting civilians and said its forces had clashed only with army units."))
    assert [e["trigger_text"] for e in found] == ["targeting", "clashed"]
    assert [c["stance"] for c in found[0]["claims"]] == ["deny"]


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Tehran said it stood by its ally.", {"IRN"}, set()),
    ("China condemned the Philippines and its American backers.", {"CHN"}, {"PHL", "USA"}),
])
def test_a_possessive_on_a_noun_of_relation_names_the_other_party(annotate, text, source, target) -> None:
    event = events(annotate(text))[0]
    assert ({p["code"] for p in event["source"]}, {p["code"] for p in event["target"] if p["code"]}) == (source, target)


@pytest.mark.parametrize(("text", "start"), [
    ("Police have detained 293 people since Thursday.", "2024-10-24"),
    ("Manila and Beijing have clashed repeatedly over the shoal since China seized it in 2012.", "2012-01-01"),
])
def test_since_dates_an_event_as_a_period_running_to_publication(annotate, text, start) -> None:
    (event,) = events(annotate(text, published="2024-10-27"))
    assert (event["date"]["start"], event["date"]["end"]) == (start, "2024-10-27")
    assert event["date"]["value"].endswith("/2024-10-27") and event["date"]["reason"].endswith("(since)")


def test_the_period_of_a_count_does_not_date_the_event(annotate) -> None:
    found = events(annotate("The ministry summoned the French ambassador on Tuesday and lodged a formal protest, "
                            "the fifth this year."))
    assert [e["date"]["value"] for e in found] == ["2024-10-22", "2024-10-22"]
    assert "shared with the coordinated event (summoned)" in found[1]["date"]["reason"]


def test_a_coordinated_verb_in_another_tense_keeps_its_own_date(annotate) -> None:
    found = events(annotate("Russia attacked Kharkiv on Monday and is preparing a new offensive."))
    assert [e["date"] and e["date"]["value"] for e in found][0] == "2024-10-21"
    assert all(e["date"] is None for e in found[1:])


def test_a_condemnation_takes_no_target_from_a_clause_coordinated_with_it(annotate) -> None:
    found = events(annotate("Sudan's Foreign Ministry condemned the killings as a war crime and called on the "
                            "United Nations Security Council to designate the RSF a terrorist group."))
    condemned = next(e for e in found if e["trigger_text"] == "condemned")
    assert dyad(condemned) == ({"SDN"}, set())


def test_a_spoken_act_after_a_reporting_verb_is_the_speakers(annotate) -> None:
    found = events(annotate("Drones struck a fuel depot in Port Sudan on Saturday, the army's spokesman said, "
                            "blaming the RSF."))
    blaming = next(e for e in found if e["trigger_text"] == "blaming")
    assert blaming["cameo"].startswith("11") and {p["sector"] for p in blaming["source"]} == {"GOV"}


def test_the_parties_between_whom_a_war_runs_are_its_source(annotate) -> None:
    found = events(annotate("The war between Ethiopia and the TPLF has killed tens of thousands of people."))
    assert {p["code"] for p in found[0]["source"]} == {"ETH", "TPLF"}


def test_what_a_side_denies_in_the_sentence_that_tells_what_it_did_stays_apart(annotate) -> None:
    found = events(annotate('Russia\'s Defense Ministry said its forces had carried out a "massive strike" on '
                            "military-industrial targets and denied hitting civilian buildings."))
    assert [(e["trigger_text"], e["modality"]) for e in found] == [("carried", "reported"), ("hitting", "denied")]
