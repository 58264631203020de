"""Trigger patterns for CAMEO roots 15-20 (force posture, reduced relations, coercion, assault,
fighting, mass violence): paraphrases coded end to end; the data files' shape is checked in
test_trigger_files.py."""

from __future__ import annotations

import pytest

from sitrep.testing.events import first_event, participant_codes

ROOTS = ("15", "16", "17", "18", "19", "20")


# (sentence, expected code or prefix, sources named, targets named)
FORCE_POSTURE = [
    ("Japan said North Korea test-fired an intercontinental ballistic missile on Friday.", "150", {"PRK"}, set()),
    ("China staged large-scale naval drills around Taiwan this week.", "150", {"CHN"}, {"TWN"}),
    ("The Chinese navy conducted live-fire exercises near the Philippines.", "150", {"CHN"}, {"PHL"}),
    ("Iran unveiled a new hypersonic missile at a military parade in Tehran.", "150", {"IRN"}, set()),
    ("Chinese military drills around Taiwan began on Monday.", "150", {"CHN"}, {"TWN"}),
    ("Russia has placed its nuclear forces on high alert.", "152", {"RUS"}, set()),
    ("The Indian army was put on high alert along the border with China.", "152", {"IND"}, set()),
    ("Israel raised the alert level of its air defenses.", "152", {"ISR"}, set()),
    ("Bangladesh deployed riot police across the capital.", "153", {"BGD"}, set()),
    ("Serbia mobilised thousands of troops near the Kosovo border.", "154", {"SRB"}, set()),
    ("Armenia called up reservists after the Azerbaijani offensive.", "154", {"ARM"}, set()),
    ("Venezuela massed soldiers near Guyana.", "154", {"VEN"}, set()),
    ("The Kremlin ordered a partial mobilisation of reservists.", "154", {"RUS"}, set()),
    ("The Russian military buildup near Ukraine alarmed NATO.", "154", {"RUS"}, {"UKR"}),
    # troops sent to no other party build up one's own force (sent to another state: 072)
    ("The Moldovan army began deploying additional soldiers to the east.", "154", {"MDA"}, set()),
    ("Pakistan stationed two brigades along the frontier.", "154", {"PAK"}, set()),
]

REDUCED_RELATIONS = [
    ("Russia withdrew from the Conventional Armed Forces in Europe treaty.", "160", {"RUS"}, set()),
    ("Nicaragua broke off diplomatic relations with Taiwan.", "161", {"NIC"}, {"TWN"}),
    ("Germany expelled two Iranian diplomats on Wednesday.", "161", {"DEU"}, {"IRN"}),
    ("Poland's expulsion of Russian diplomats angered Moscow.", "161", {"POL"}, {"RUS"}),
    ("Mali ordered the Swedish envoy to leave within 72 hours.", "161", {"MLI"}, {"SWE"}),
    ("Jordan recalled its ambassador from Israel over the war in Gaza.", "161", {"JOR"}, {"ISR"}),
    ("Canada shut its embassy in Tehran.", "161", {"CAN"}, {"IRN"}),
    ("The Pentagon froze military assistance to Ukraine.", "1622", {"USA"}, {"UKR"}),
    ("The US suspension of military aid to Pakistan angered Islamabad.", "1622", {"USA"}, {"PAK"}),
    ("Britain cut humanitarian aid to Yemen.", "1623", {"GBR"}, {"YEM"}),
    ("The European Union imposed fresh sanctions against Russia.", "163", {"EUR"}, {"RUS"}),
    ("Sanctions on Iran were tightened by the European Union.", "163", {"EUR"}, {"IRN"}),
    ("Washington slapped tariffs on Chinese steel.", "163", {"USA"}, {"CHN"}),
    ("Colombia suspended coal exports to Israel.", "163", {"COL"}, {"ISR"}),
    ("Israel called off negotiations with Hamas.", "164", {"ISR"}, {"HAMAS"}),
    ("Egypt suspended its mediation efforts in Sudan.", "165", {"EGY"}, set()),
    ("The junta in Mali expelled the UN peacekeepers.", "1661", set(), {"UNO"}),
]

COERCION = [
    ("Belarusian police arrested dozens of protesters in Minsk.", "173", {"BLR"}, set()),
    ("Russian authorities detained an American journalist.", "173", {"RUS"}, {"USA"}),
    ("The arrest of the journalist by Russian authorities sparked outrage.", "173", {"RUS"}, set()),
    ("Three activists were detained by Egyptian police in Cairo.", "173", {"EGY"}, set()),
    ("The freed men included Georgian soldiers captured by separatists in 2008.", "173", set(), {"GEO"}),
    ("Iran deported two French citizens.", "174", {"IRN"}, {"FRA"}),
    ("Georgian riot police used water cannon against demonstrators in Tbilisi.", "175", {"GEO"}, set()),
    ("Serbian police cracked down on students in Belgrade.", "175", {"SRB"}, set()),
    ("Israeli bulldozers demolished Palestinian houses in East Jerusalem.", "1712", {"ISR"}, {"PSE"}),
    ("Iran's navy seized a foreign oil tanker in the Strait of Hormuz.", "1711", {"IRN"}, set()),
    ("Iran's seizure of the tanker drew condemnation from Britain.", "1711", {"IRN"}, set()),
    ("Israeli settlers attacked Palestinian property near Nablus.", "171", {"ISR"}, {"PSE"}),
    ("Niger's junta imposed a nighttime curfew in Niamey.", "1723", {"NER"}, set()),
    ("Sri Lanka declared a state of emergency.", "1724", {"LKA"}, set()),
    ("The military government in Myanmar banned the opposition party.", "1722", {"MMR"}, set()),
    ("Ethiopia shut down the internet in Tigray.", "1721", {"ETH"}, set()),
    ("Chinese hackers hacked into the networks of the US Treasury.", "176", {"CHN"}, set()),
]

ASSAULTS = [
    ("A suicide bomber killed nine Iraqi policemen in Baghdad.", "1831", set(), {"IRQ"}),
    ("A roadside bomb wounded four Afghan soldiers near Kandahar.", "1833", set(), {"AFG"}),
    ("Gunmen kidnapped 30 schoolchildren in Kaduna.", "181", set(), {"NGA"}),
    ("Hamas militants took 240 Israelis hostage.", "181", {"HAMAS"}, {"ISR"}),
    ("The kidnapping of 20 Chinese miners by rebels in Congo shocked Beijing.", "181", set(), {"CHN"}),
    ("Houthi fighters hijacked a commercial ship in the Red Sea.", "181", {"HOUTHI"}, set()),
    ("A suicide bomber attacked a market in Baghdad.", "1831", set(), {"IRQ"}),
    ("Hamas's suicide bombing in Jerusalem killed 15 Israelis.", "1831", {"HAMAS"}, {"ISR"}),
    ("A roadside bomb killed three soldiers in Pakistan.", "1833", set(), {"PAK"}),
    ("Russian soldiers tortured Ukrainian prisoners.", "1822", {"RUS"}, {"UKR"}),
    ("Pakistani police beat an opposition activist in Lahore.", "182", {"PAK"}, set()),
    ("Militants in Syria beheaded an American journalist.", "1823", set(), {"USA"}),
    ("Hamas uses civilians in Gaza as human shields.", "184", {"HAMAS"}, set()),
    ("Israel killed a senior Hezbollah commander in Beirut.", "186", {"ISR"}, {"HEZ"}),
]

FIGHTS = [
    ("Israeli jets carried out airstrikes on Beirut overnight.", "195", {"ISR"}, {"LBN"}),
    ("India's airstrikes on Pakistan escalated the crisis.", "195", {"IND"}, {"PAK"}),
    ("Sudanese warplanes struck RSF positions east of the city.", "195", {"SDN"}, {"RSF"}),
    ("Ukrainian drones destroyed two Russian tanks near Bakhmut.", "1952", {"UKR"}, {"RUS"}),
    ("Russian artillery shelled Kherson on Sunday.", "194", {"RUS"}, set()),
    ("The Israeli bombardment of Gaza continued for a third day.", "194", {"ISR"}, {"PSE"}),
    ("Kyiv was hit by Russian missiles on Monday.", "194", {"RUS"}, {"UKR"}),
    ("Hezbollah fired rockets at northern Israel.", "194", {"HEZ"}, {"ISR"}),
    ("Ukraine launched dozens of drones at Moscow.", "1952", {"UKR"}, {"RUS"}),
    ("Hezbollah launched a drone attack on an Israeli army base.", "1952", {"HEZ"}, {"ISR"}),
    ("Syrian troops opened fire on Turkish soldiers.", "193", {"SYR"}, {"TUR"}),
    ("Three Palestinians were shot dead by Israeli troops in Nablus.", "193", {"ISR"}, {"PSE"}),
    ("Russian forces seized the town of Bakhmut.", "192", {"RUS"}, set()),
    ("RSF fighters stormed the Zamzam refugee camp.", "190", {"RSF"}, set()),
    ("Rebels stormed the town of Goma on Sunday.", "192", set(), set()),
    ("Israeli forces invaded southern Lebanon.", "192", {"ISR"}, {"LBN"}),
    ("Israel imposed a complete siege on Gaza.", "191", {"ISR"}, {"PSE"}),
    ("Saudi Arabia's blockade of Qatar lasted three years.", "191", {"SAU"}, {"QAT"}),
    ("Russian troops attacked Ukrainian positions near Bakhmut.", "190", {"RUS"}, {"UKR"}),
    ("Two Russian missiles slammed into a shopping centre in Kharkiv.", "190", {"RUS"}, {"UKR"}),
    ("Iranian drones smashed into an Israeli air base.", "1952", {"IRN"}, {"ISR"}),
    ("Ukrainian forces shot down 30 Russian drones overnight.", "190", {"UKR"}, {"RUS"}),
    ("Myanmar's army targeted civilians in Sagaing.", "190", {"MMR"}, set()),
    ("Houthi fighters targeted villagers near Taiz.", "190", {"HOUTHI"}, set()),
    ("Israel resumed strikes on Gaza after the ceasefire collapsed.", "196", {"ISR"}, {"PSE"}),
]

MASS_VIOLENCE = [
    ("The army massacred hundreds of civilians in Darfur.", "202", set(), set()),
    ("Serbian forces committed genocide in Srebrenica.", "202", {"SRB"}, set()),
    ("The massacre of civilians by Russian troops in Bucha horrified the world.", "202", {"RUS"}, set()),
    ("Syrian government forces used chlorine gas against rebels.", "2041", {"SYR"}, set()),
    ("The regime gassed its own citizens in Halabja.", "2041", set(), set()),
    ("Russia detonated a nuclear weapon over the Arctic.", "2042", {"RUS"}, set()),
    ("Russia forcibly deported thousands of Ukrainian children.", "201", {"RUS"}, set()),
    ("Militias drove tens of thousands of villagers out of Darfur.", "201", set(), set()),
    ("The militia carried out ethnic cleansing in West Darfur.", "203", set(), set()),
    ("Myanmar's generals ethnically cleansed the Rohingya.", "203", {"MMR"}, set()),
]

# Property, links and groups: sabotage, halted links and trade, groups forced out, sexual abuse.
PROPERTY_AND_LINKS = [
    ("Houthi rebels blew up a bridge in Yemen.", "1712", {"HOUTHI"}, {"YEM"}),
    ("Russian saboteurs sabotaged a gas pipeline in Germany.", "1712", {"RUS"}, set()),
    ("Settlers set fire to Palestinian homes in the village.", "1712", set(), {"PSE"}),
    ("Azerbaijan announced the severing of transport links with Armenia.", "160", set(), {"ARM"}),
    ("Algeria announced a suspension of flights to Morocco.", "163", set(), {"MAR"}),
    ("Chad kicked the UN refugee agency out of the country.", "166", {"TCD"}, {"UNO"}),
    ("Iraqi troops sexually assaulted detainees in Abu Ghraib.", "1821", {"IRQ"}, set()),
]

# Announced administrative and relational measures are threats of them (CAMEO 13x).
ANNOUNCED_MEASURES = [
    ("The Thai junta said it will ban the opposition party.", "1322", {"THA"}, set()),
    ("Egypt will halt its mediation between Israel and Hamas.", "135", {"EGY"}, set()),
    ("The president will impose a curfew in the capital of Niger.", "1323", set(), set()),
    ("Sudan will expel the UN peacekeepers.", "136", {"SDN"}, {"UNO"}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "code", "sources", "targets"),
                         FORCE_POSTURE + REDUCED_RELATIONS + COERCION + ASSAULTS + FIGHTS + MASS_VIOLENCE
                         + PROPERTY_AND_LINKS + ANNOUNCED_MEASURES)
def test_triggers_15_20_code_paraphrases(annotate, text, code, sources, targets):
    event = first_event(annotate(text), code)
    assert event is not None, text
    assert event["cameo"].startswith(code), (text, event["cameo"], event["evidence"])
    assert sources <= participant_codes(event, "source"), (text, event["evidence"])
    assert targets <= participant_codes(event, "target"), (text, event["evidence"])


# Common news verbs in their ordinary senses: no force-posture, sanction, coercion or attack event.
NOT_MATERIAL_CONFLICT = [
    "Oil prices hit a record high on Monday.",
    "The two leaders struck a deal on grain exports.",
    "The company launched a new product in Kyiv.",
    "He fought corruption for years as mayor of Kyiv.",
    "Ukraine received F-16 fighter jets from Denmark.",
    "Iran launched a satellite into orbit.",
    "The European Union lifted sanctions on Syria.",
    "The president fired his defense minister.",
    "Ukraine forced Russian troops out of Kherson.",
    "The suspension of the talks angered Ukraine.",
    "The new Russian law targets journalists and bloggers.",
]


@pytest.mark.slow
@pytest.mark.parametrize("text", NOT_MATERIAL_CONFLICT)
def test_triggers_15_20_leave_ordinary_senses_uncoded(annotate, text):
    codes = [e["cameo"] for e in annotate(text)._.sitrep_events]
    assert not [c for c in codes if c[:2] in ROOTS], (text, codes)


# A more specific construction decides the code over the bare verb.
SPECIFIC_OVER_GENERIC = [
    ("Russia attacked Kyiv with drones.", "1952"),
    ("Israel pounded Rafah with airstrikes on Sunday.", "195"),
    ("The United States struck Iran with new sanctions.", "163"),
    ("Police killed three protesters in Nairobi.", "175"),
    ("Thugs beat a journalist to death in Caracas.", "1823"),
    ("Mali expelled the French ambassador.", "161"),
    ("Burundi expelled a BBC correspondent.", "174"),
    ("The Houthi hijacking of a cargo ship worried Israel.", "181"),
    ("Israeli settlers attacked Palestinian property near Nablus.", "171"),
    ("The Ukrainian army blew up a captured Russian tank.", "190"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "code"), SPECIFIC_OVER_GENERIC)
def test_triggers_15_20_prefer_specific_constructions(annotate, text, code):
    event = first_event(annotate(text), code)
    assert event is not None and event["cameo"] == code, (text, event and event["evidence"])
