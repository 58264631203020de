"""Trigger patterns for CAMEO roots 10-14 (demand, disapprove, reject, threaten, protest):
paraphrases coded end to end; the data files' shape is checked in test_trigger_files.py."""

from __future__ import annotations

import pytest

from sitrep.testing.events import first_event, participant_codes

ROOTS = ("10", "11", "12", "13", "14")


# (sentence, expected code or prefix, sources named, targets named)
DEMANDS = [
    ("Ukraine demanded the withdrawal of Russian troops from Zaporizhzhia.", "1056", {"UKR"}, set()),
    ("Turkey has demanded an immediate ceasefire in Gaza.", "1056", {"TUR"}, set()),
    ("Israel demanded the release of the hostages held in Gaza.", "1053", {"ISR"}, set()),
    ("Serbian opposition parties demanded the resignation of the government.", "1041", {"SRB"}, set()),
    ("China demanded talks with the Philippines over the shoal.", "106", {"CHN"}, {"PHL"}),
    ("The International Court of Justice ordered Israel to halt its offensive in Rafah.", "1056", set(), {"ISR"}),
    ("Britain pressed Iran to release the detained British nationals.", "1053", {"GBR"}, {"IRN"}),
    ("South Korea demanded an apology from Japan.", "105", {"KOR"}, {"JPN"}),
    ("Germany is demanding the extradition of the suspects from Turkey.", "1013", {"DEU"}, set()),
    ("Kyiv insisted on a full withdrawal of Russian forces.", "1056", {"UKR"}, set()),
    ("Poland has demanded more weapons from Germany.", "1032", {"POL"}, {"DEU"}),
    ("Russia is demanding security guarantees from NATO.", "1034", {"RUS"}, {"NATO"}),
    ("The United Nations demanded access to the nuclear plant.", "1055", set(), set()),
    ("Georgian police ordered the protesters to disperse.", "1052", {"GEO"}, set()),
    ("Washington declared that Beijing must lift its curbs on chip exports.", "100", {"USA"}, {"CHN"}),
    ("The French foreign minister reiterated that Syria must hand over the suspects.", "100", {"FRA"}, {"SYR"}),
]

DISAPPROVALS = [
    ("Germany strongly criticized Hungary over its veto.", "111", {"DEU"}, {"HUN"}),
    ("China slammed the United States over arms sales to Taiwan.", "111", {"CHN"}, {"USA"}),
    ("The European Union hit out at Belarus over the migrant crisis.", "111", set(), {"BLR"}),
    ("Iran's condemnation of Israel was swift.", "111", {"IRN"}, {"ISR"}),
    ("Moscow blamed Kyiv for the shelling of the power plant.", "1123", {"RUS"}, {"UKR"}),
    ("Iran accused Israel of aggression against Syria.", "1123", {"IRN"}, {"ISR"}),
    ("South Africa accused Israel of genocide.", "1124", {"ZAF"}, {"ISR"}),
    ("China has accused Britain of espionage.", "1125", {"CHN"}, {"GBR"}),
    ("Russia was accused by Ukraine of deliberately targeting civilians.", "112", {"UKR"}, {"RUS"}),
    ("Iran summoned the British ambassador on Sunday.", "114", {"IRN"}, {"GBR"}),
    ("Egypt lodged a formal protest with Israel.", "114", {"EGY"}, {"ISR"}),
    ("Ukraine sued Russia at the International Court of Justice.", "115", {"UKR"}, {"RUS"}),
    ("Poland urged the European Union to sanction Belarus.", "113", {"POL"}, set()),
    ("Turkey objected to Sweden's membership bid.", "110", {"TUR"}, {"SWE"}),
]

REJECTIONS = [
    ("Hamas rejected the ceasefire proposal.", "1246", set(), set()),
    ("Kyiv ruled out talks with Moscow.", "125", {"UKR"}, {"RUS"}),
    ("Ukraine rejected the Chinese peace plan.", "127", {"UKR"}, {"CHN"}),
    ("Israel refused to withdraw from the corridor.", "1246", {"ISR"}, set()),
    ("Israel barred UN officials from entering Gaza.", "1245", {"ISR"}, set()),
    ("Russia vetoed a Security Council resolution on Ukraine.", "129", {"RUS"}, set()),
    ("The resolution was vetoed by the United States.", "129", {"USA"}, set()),
    ("North Korea defied UN sanctions with another missile test.", "128", {"PRK"}, set()),
    ("Venezuela rebuffed Guyana's offer of talks.", "125", {"VEN"}, {"GUY"}),
    ("Azerbaijan boycotted the talks in Washington.", "125", {"AZE"}, set()),
    ("Serbia refused to back down.", "124", {"SRB"}, set()),
    ("Hamas refused to free the remaining hostages.", "1243", set(), set()),
    ("Ethiopia rejected mediation by Kenya.", "126", {"ETH"}, set()),
    ("The demands of Armenia were ignored by Azerbaijan.", "128", {"AZE"}, {"ARM"}),
]

THREATS = [
    ("Iran threatened to attack Israel.", "1384", {"IRN"}, {"ISR"}),
    ("Iran vowed to retaliate against Israel.", "138", {"IRN"}, {"ISR"}),
    ("Washington warned Tehran against any attack.", "130", {"USA"}, {"IRN"}),
    ("Russia issued an ultimatum to Ukraine.", "139", {"RUS"}, {"UKR"}),
    ("The United States threatened China with sanctions.", "1312", {"USA"}, {"CHN"}),
    ("China threatened to seize Taiwan by force.", "1382", {"CHN"}, {"TWN"}),
    ("The European Union threatened new sanctions against Russia.", "1312", set(), {"RUS"}),
    ("North Korea threatened war with South Korea.", "138", {"PRK"}, {"KOR"}),
    ("Iran threatened to close the Strait of Hormuz.", "1381", {"IRN"}, set()),
    ("Russia's nuclear threats alarmed Poland.", "1385", {"RUS"}, set()),
    ("NATO gave Serbia a final warning.", "139", {"NATO"}, {"SRB"}),
]

PROTESTS = [
    ("Students staged a protest outside the Russian embassy in Tbilisi.", "141", set(), {"RUS"}),
    ("Palestinian protesters clashed with Israeli police in Jerusalem.", "145", {"PSE"}, set()),
    ("French farmers blocked highways near Paris.", "144", {"FRA"}, set()),
    ("Protesters stormed the French embassy in Niamey.", "145", set(), {"FRA"}),
    ("Kenyan doctors went on strike.", "143", {"KEN"}, set()),
    ("The Saudi activist began a hunger strike.", "142", {"SAU"}, set()),
    ("Georgian protesters rallied against the foreign agents law.", "1412", {"GEO"}, set()),
    ("Serbian opposition parties boycotted the election.", "143", {"SRB"}, set()),
    ("Pakistani protesters burned Indian flags.", "141", {"PAK"}, {"IND"}),
    ("Kenyan protesters took to the streets against the finance bill.", "141", {"KEN"}, set()),
    ("Iranians demonstrated outside the British embassy.", "141", {"IRN"}, {"GBR"}),
    ("Kenyan protesters threw stones at police.", "145", {"KEN"}, set()),
]


# what is demanded, named by the verb of a "that" clause or the object of an infinitive
DEMAND_CLAUSES = [
    ("Turkey demanded that Sweden extradite the Kurdish activists.", "1013", {"TUR"}, {"SWE"}),
    ("The United States demanded that China explain the balloon incident.", "1014", {"USA"}, {"CHN"}),
    ("Serbian opposition parties demanded that the government resign.", "1041", {"SRB"}, set()),
    ("The European Union demanded that Hungary reverse its decision.", "1042", set(), {"HUN"}),
    ("Ukraine demanded that Russia release the prisoners of war.", "1053", {"UKR"}, {"RUS"}),
    ("Armenia demanded that Azerbaijan allow aid convoys into Karabakh.", "1055", {"ARM"}, {"AZE"}),
    ("Turkey demanded that Greece withdraw its troops from the islands.", "1056", {"TUR"}, {"GRC"}),
    ("China demanded that Japan apologize for the incident.", "105", {"CHN"}, {"JPN"}),
    ("Russia demanded that Kyiv negotiate with Moscow.", "106", {"RUS"}, {"UKR"}),
    ("Georgian police demanded that the protesters disperse.", "1052", {"GEO"}, set()),
    ("Turkey pressured Swedish unions to call off their strike.", "1052", {"TUR"}, set()),
    ("Belarus ordered the striking workers to end the walkout.", "1052", {"BLR"}, set()),
    ("France issued a reminder to Mali that it must hold elections.", "100", {"FRA"}, {"MLI"}),
]

THREAT_FORMS = [
    ("Kenyan teachers threatened to stage a nationwide strike.", "133", {"KEN"}, set()),
    ("Kenyan doctors said they will go on strike next week.", "133", {"KEN"}, set()),
    ("Hamas threatened to resume suicide bombings in Israel.", "1383", {"HAMAS"}, set()),
    ("Hezbollah threatened to launch attacks on northern Israel.", "1384", {"HEZ"}, {"ISR"}),
    ("Iran threatened to suspend talks with the European Union.", "134", {"IRN"}, set()),
    ("Egypt threatened to suspend its mediation between Israel and Hamas.", "135", {"EGY"}, set()),
    ("Mali threatened to expel the UN peacekeepers.", "136", {"MLI"}, set()),
    ("Venezuela threatened to cut aid to Cuba.", "1311", {"VEN"}, {"CUB"}),
    ("Niger threatened to impose a curfew in Niamey.", "1323", {"NER"}, set()),
    ("Israel said it is ready to strike Iran.", "1384", {"ISR"}, {"IRN"}),
    ("Russia said it is prepared to invade Ukraine.", "1382", {"RUS"}, {"UKR"}),
    ("North Korea said it was ready to use nuclear weapons against South Korea.", "138", {"PRK"}, {"KOR"}),
    ("Pakistan said it was prepared to impose martial law in the capital.", "1324", {"PAK"}, set()),
]

PROTEST_FORMS = [
    ("Serbian miners downed tools over unpaid wages.", "143", {"SRB"}, set()),
    ("Serbian workers stopped work to protest the new labour law.", "143", {"SRB"}, set()),
    ("Greek dockworkers walked off the job in Piraeus.", "143", {"GRC"}, set()),
    ("Russian activists began collecting signatures against the war.", "140", {"RUS"}, set()),
    ("Belarusian students staged a vigil outside the Lithuanian embassy.", "141", {"BLR"}, {"LTU"}),
    ("Farmers blocked transport into Brussels with their tractors.", "144", set(), {"BEL"}),
    ("Rioters set fire to police cars in Paris.", "145", set(), set()),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, code, sources, targets",
                         DEMANDS + DISAPPROVALS + REJECTIONS + THREATS + PROTESTS + DEMAND_CLAUSES + THREAT_FORMS + PROTEST_FORMS)
def test_triggers_10_14_code_paraphrases(annotate, text, code, sources, targets):
    event = first_event(annotate(text), code)
    assert event is not None, text
    assert event["cameo"].startswith(code), (event["cameo"], event["evidence"])
    assert sources <= participant_codes(event, "source"), event["evidence"]
    assert targets <= participant_codes(event, "target"), event["evidence"]


@pytest.mark.slow
@pytest.mark.parametrize("text, root", [
    ("Iran refused to release the prisoners.", "12"),
    ("Iran vowed to retaliate against Israel.", "13"),
    ("Turkey threatened to impose sanctions on Sweden.", "13"),
    ("Ukraine demanded that Russia withdraw its troops.", "10"),
    ("France issued a reminder to Mali that it must hold elections.", "10"),
    ("Hezbollah threatened to launch attacks on northern Israel.", "13"),
])
def test_triggers_10_14_verbal_act_is_the_only_event(annotate, text, root):
    assert [e["cameo"][:2] for e in annotate(text)._.sitrep_events] == [root]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Russian troops marched into the village at dawn.",
    "Israeli jets carried out strikes on southern Lebanon.",
    "Putin ordered troops to withdraw from Kherson.",
    "Hungary rallied behind its prime minister.",
    "Ukraine launched a drone strike on a Russian refinery.",
    "Germany pledged to defend Lithuania.",
    "The president held a rally in Ohio.",
    "The bombing served as a reminder of the war.",
    "Germany is ready to use its influence with Beijing.",
    "The minister said the country must remain calm.",
    "Kenya said it must wait for the final count.",
    "Iranian engineers stopped work on the reactor after the blast.",
    "Russian drones slammed into a power station near Odesa.",
    "Protesters slammed into the police cordon outside the parliament.",
])
def test_triggers_10_14_leave_other_sentences_alone(annotate, text):
    assert not [e["cameo"] for e in annotate(text)._.sitrep_events if e["cameo"][:2] in ROOTS]


@pytest.mark.slow
@pytest.mark.parametrize("text, code", [
    ("Israel pressed Hezbollah to halt its rocket strikes.", "1056"),
    ("Iran threatened to launch strikes on Israel.", "1384"),
    ("Settlers set fire to Palestinian homes in the village.", "1712"),
])
def test_triggers_10_14_near_misses_keep_their_own_code(annotate, text, code):
    assert [e["cameo"] for e in annotate(text)._.sitrep_events][:1] == [code]
