"""Trigger patterns for CAMEO roots 06-09: material cooperation, aid, yielding and investigation.

Each case names the code prefix the sentence must produce (the root, or the 3-digit code where
the codebook leaves no doubt) and the actor codes that must fill source and target.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def coded(doc, prefix: str) -> list[dict]:
    return [e for e in doc._.sitrep_events if e["cameo"].startswith(prefix)]


def codes(event: dict, role: str) -> set:
    return {p["code"] for p in event[role]}


def check(annotate, text: str, prefix: str, source: set, target: set) -> None:
    doc = annotate(text)
    found = coded(doc, prefix)
    assert found, [(e["cameo"], e["trigger_text"], e["evidence"]) for e in doc._.sitrep_events]
    assert codes(found[0], "source") >= source, found[0]["evidence"]
    assert codes(found[0], "target") >= target, found[0]["evidence"]


@pytest.mark.parametrize(
    ("text", "prefix", "source", "target"),
    [
        ("India and France held joint naval drills in the Arabian Sea.", "062", {"IND", "FRA"}, set()),
        ("Egypt and Greece conducted joint air force exercises last week.", "062", {"EGY", "GRC"}, set()),
        ("Russia held military exercises with Belarus last month.", "062", {"RUS"}, {"BLR"}),
        ("Turkey extradited two suspects to Germany on Monday.", "063", {"TUR"}, {"DEU"}),
        ("Kenya handed over the fugitive to Rwanda.", "063", {"KEN"}, {"RWA"}),
        ("Britain has shared intelligence with Poland on the sabotage plot.", "064", {"GBR"}, {"POL"}),
        ("Intelligence sharing between Israel and Jordan has grown.", "064", {"ISR", "JOR"}, set()),
        ("India bought record volumes of Russian oil in June.", "061", {"IND"}, set()),
        ("Serbia cooperated with the tribunal in The Hague.", "063", {"SRB"}, set()),
        ("Kazakhstan exported more grain to China this year.", "061", {"KAZ"}, {"CHN"}),
        ("Turkey and Iraq resumed oil exports through the pipeline.", "061", {"TUR", "IRQ"}, set()),
    ],
)
def test_material_cooperation_code_and_dyad(annotate, text, prefix, source, target) -> None:
    check(annotate, text, prefix, source, target)


@pytest.mark.parametrize(
    ("text", "prefix", "source", "target"),
    [
        ("Germany sent 5,000 helmets to Ukraine.", "072", {"DEU"}, {"UKR"}),
        ("Norway delivered two air defense systems to Ukraine in March.", "072", {"NOR"}, {"UKR"}),
        ("Iran has been supplying drones to Russia for two years.", "072", {"IRN"}, {"RUS"}),
        ("North Korea dispatched thousands of troops to Russia.", "072", {"PRK"}, {"RUS"}),
        ("Britain trained 30,000 Ukrainian soldiers.", "072", {"GBR"}, {"UKR"}),
        ("The European Union disbursed a 4.2 billion euro loan to Ukraine.", "071", {"EUR"}, {"UKR"}),
        ("The IMF approved a $3 billion bailout for Egypt.", "071", {"IMF"}, {"EGY"}),
        ("The World Bank lent Ukraine $1.5 billion last week.", "071", {"WBK"}, {"UKR"}),
        ("Jordan airdropped food and medicine into Gaza.", "073", {"JOR"}, {"PSE"}),
        ("Qatar evacuated 200 foreign nationals from Afghanistan.", "073", {"QAT"}, set()),
        ("Moldova has taken in thousands of Ukrainian refugees.", "073", {"MDA"}, {"UKR"}),
        ("Brazil sent peacekeepers to Haiti.", "074", {"BRA"}, {"HTI"}),
        ("Russia granted asylum to the former Syrian president.", "075", {"RUS"}, {"SYR"}),
        ("China helped Pakistan after the floods.", "070", {"CHN"}, {"PAK"}),
        ("Saudi Arabia deposited $3 billion in Pakistan's central bank.", "071", {"SAU"}, {"PAK"}),
        ("Military aid to Ukraine from Germany rose sharply.", "072", set(), {"UKR"}),
    ],
)
def test_aid_code_and_dyad(annotate, text, prefix, source, target) -> None:
    check(annotate, text, prefix, source, target)


@pytest.mark.parametrize(
    ("text", "prefix", "source", "target"),
    [
        ("Israeli troops withdrew from southern Lebanon.", "0874", {"ISR"}, {"LBN"}),
        ("Russia pulled its forces out of Kherson in November.", "0874", {"RUS"}, set()),
        ("The withdrawal of French troops from Niger was completed in December.", "0874", {"FRA"}, {"NER"}),
        ("Armenia ceded four villages to Azerbaijan.", "0874", {"ARM"}, {"AZE"}),
        ("Hamas freed two American hostages.", "0841", {"HAMAS"}, {"USA"}),
        ("Ukraine and Russia exchanged 200 prisoners of war on Thursday.", "0841", {"UKR", "RUS"}, set()),
        ("Iran released the British-flagged tanker.", "0842", {"IRN"}, set()),
        ("Two hundred prisoners were released by the Sudanese government on Sunday.", "0841", {"SDN"}, set()),
        ("The rebels handed back the town to government forces.", "0874", set(), set()),
        ("The government of Pakistan lifted the curfew in Karachi.", "0813", {"PAK"}, set()),
        ("Thailand ended the state of emergency in Bangkok.", "0814", {"THA"}, set()),
        ("The United States eased sanctions on Venezuela.", "085", {"USA"}, {"VEN"}),
        ("Washington lifted its arms embargo on Vietnam.", "085", {"USA"}, {"VNM"}),
        ("Azerbaijan declared a unilateral ceasefire in Karabakh.", "0871", {"AZE"}, set()),
        ("Houthi rebels suspended attacks on shipping.", "087", {"HOUTHI"}, set()),
        ("Israel allowed aid trucks into northern Gaza.", "0863", {"ISR"}, {"PSE"}),
        ("Iran admitted IAEA inspectors to the Fordow site.", "0862", {"IRN"}, set()),
        ("The prime minister of Bangladesh resigned on Monday.", "0831", {"BGD"}, set()),
        ("FARC guerrillas handed over their arms to the United Nations.", "0873", set(), {"UNO"}),
        ("The Peruvian president relinquished power after the vote.", "0831", {"PER"}, set()),
        ("The Malian junta handed power to a civilian government.", "0831", {"MLI"}, set()),
    ],
)
def test_yield_code_and_dyad(annotate, text, prefix, source, target) -> None:
    check(annotate, text, prefix, source, target)


@pytest.mark.parametrize(
    ("text", "prefix", "source", "target"),
    [
        ("The ICC is investigating alleged war crimes in Ukraine.", "094", {"ICC"}, set()),
        ("Ukrainian prosecutors are investigating Russian war crimes.", "094", {"UKR"}, {"RUS"}),
        ("Ukrainian prosecutors opened an investigation into Russian war crimes.", "09", {"UKR"}, {"RUS"}),
        ("The UN launched an inquiry into torture in Syrian prisons.", "092", {"UNO"}, set()),
        ("Kenyan police are investigating the murder of a journalist.", "091", {"KEN"}, set()),
        ("Germany is looking into the sabotage of the pipeline.", "091", {"DEU"}, set()),
        ("South Africa opened a corruption investigation into the former president.", "091", {"ZAF"}, set()),
        ("An investigation by the United Nations into the attack was launched.", "093", {"UNO"}, set()),
        ("Israel began a probe into the strike on the aid convoy.", "09", {"ISR"}, set()),
        ("The killing of the aid workers is being investigated by Britain.", "09", {"GBR"}, set()),
    ],
)
def test_investigate_code_and_dyad(annotate, text, prefix, source, target) -> None:
    check(annotate, text, prefix, source, target)


@pytest.mark.parametrize(
    ("text", "pattern", "prefix", "source", "target"),
    [
        ("Russia has been sharing military technology with Iran.", "trigger.060.share_expertise", "060", {"RUS"}, {"IRN"}),
        ("Japan donated 20 ambulances to Ukraine.", "trigger.070.donate", "070", {"JPN"}, {"UKR"}),
        ("Hezbollah returned the weapons it had seized from the Lebanese army.", "trigger.0842.return_weapons", "0842", {"HEZ"}, set()),
        ("The militia handed back the seized rifles to the Libyan army.", "trigger.0842.hand_back_weapons", "0842", set(), {"LBY"}),
        ("Israel evacuated all settlements in the Gaza Strip in 2005.", "trigger.0874.evacuate_settlements", "0874", {"ISR"}, {"PSE"}),
        ("Israel withdrew from four settlements in the northern West Bank.", "trigger.0874.withdraw_from_settlements", "0874", {"ISR"}, set()),
        ("The Zimbabwean government allowed the opposition to contest the elections.", "trigger.0812.allow_to_contest", "0812", {"ZWE"}, set()),
        ("The Ugandan opposition was allowed to participate in the elections.", "trigger.0812.allow_opposition", "0812", set(), {"UGA"}),
        ("Georgian opposition parties were allowed to hold a rally in Tbilisi.", "trigger.0811.allow_to_hold_protest", "0811", set(), {"GEO"}),
        ("Iranian students were permitted to protest outside the university.", "trigger.0811.allow_to_protest", "0811", set(), {"IRN"}),
        ("Serbian police allowed the students to protest outside parliament.", "trigger.0811.allow_to_protest_clause", "0811", {"SRB"}, set()),
        ("The Uzbek government has taken steps to expand political freedoms.", "trigger.0811.expand_freedoms", "0811", {"UZB"}, set()),
        ("The Serbian government conceded to the students' demands.", "trigger.083.accede_demands", "083", {"SRB"}, set()),
        ("Poland opened its border to asylum seekers from Belarus.", "trigger.073.open_border_to_refugees", "073", {"POL"}, set()),
        ("The kidnappers freed the Nigerian deputy minister after two weeks.", "trigger.0841.release", "0841", set(), {"NGA"}),
        ("Norway sent 40 military observers to Sudan.", "trigger.074.deploy_peacekeepers", "074", {"NOR"}, {"SDN"}),
    ],
)
def test_triggers_06_09_new_patterns_fire(annotate, text, pattern, prefix, source, target) -> None:
    check(annotate, text, prefix, source, target)
    assert pattern in coded(annotate(text), prefix)[0]["evidence"].split()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Egypt shared information about the attackers with Israel.", "064"),
        ("Russia has been sharing its combat experience with Belarus.", "060"),
    ],
)
def test_triggers_06_09_skills_shared_are_cooperation_not_intelligence(annotate, text, code) -> None:
    found = [e["cameo"] for e in annotate(text)._.sitrep_events]
    assert found[:1] == [code], found


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("The Russian minister gave a speech in Kyiv.", "08"),
        ("The army released a statement on Tuesday.", "08"),
        ("Ukraine halted the Russian advance near Pokrovsk.", "08"),
        ("France sent a letter to the Security Council.", "07"),
        ("Germany helped to draft the resolution.", "07"),
        ("Poland moved its embassy to a new building.", "07"),
        ("Russia took part in the summit.", "06"),
        ("The ministry studied the proposal for months.", "09"),
        ("Israel returned fire after the attack.", "08"),
        ("The army released the government's figures on Monday.", "08"),
    ],
)
def test_triggers_06_09_common_verbs_without_their_object_code_nothing(annotate, text, root) -> None:
    assert not coded(annotate(text), root)
