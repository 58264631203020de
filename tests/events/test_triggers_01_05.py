"""Trigger patterns for CAMEO roots 01-05 (statements, appeals, intent to cooperate, consult,
diplomatic cooperation): paraphrases coded end to end; the data files' shape is checked in
test_trigger_files.py."""

from __future__ import annotations

import pytest

from sitrep.testing.events import first_event, participant_codes

ROOTS = ("01", "02", "03", "04", "05")


# (sentence, expected code or prefix, sources named, targets named)
STATEMENTS = [
    ("Kuwait expressed its solidarity with Lebanon.", "018", {"KWT"}, {"LBN"}),
    ("The Kremlin declined to comment on reports of a prisoner swap.", "011", {"RUS"}, set()),
    ("Japanese officials refused to comment on the missile launch.", "011", {"JPN"}, set()),
    ("France voiced concern over the escalation in Lebanon.", "012", {"FRA"}, set()),
    ("Germany expressed optimism about the prospects for a truce in Gaza.", "013", {"DEU"}, set()),
    ("The Australian government is considering sending warships to the Red Sea.", "014", {"AUS"}, set()),
    ("Britain is weighing new options against the junta.", "014", {"GBR"}, set()),
    ("Hezbollah claimed responsibility for the drone attack on Israel.", "015", set(), set()),
    ("Moscow denied the allegations of chemical weapons use.", "016", {"RUS"}, set()),
    ("Iran rejected accusations made by the United States.", "016", {"IRN"}, set()),
    ("The Polish president laid a wreath at the memorial in Kyiv.", "017", {"POL"}, set()),
    ("Turkey sent condolences to Iran after the helicopter crash.", "018", {"TUR"}, {"IRN"}),
    ("India agreed with Japan on the need for a free Indo-Pacific.", "019", {"IND"}, {"JPN"}),
    ("Qatar shares the concerns of Egypt about the crisis.", "019", {"QAT"}, set()),
]

APPEALS = [
    ("The European Union urged Russia to withdraw its forces from Ukraine.", "0256", {"EUR"}, {"RUS"}),
    ("Ukraine asked the United States for more air defense systems.", "0232", {"UKR"}, {"USA"}),
    ("Germany called on Israel to allow humanitarian aid into Gaza.", "0255", {"DEU"}, {"ISR"}),
    ("China has called for the lifting of sanctions on Iran.", "025", {"CHN"}, set()),
    ("Lebanon appealed for international assistance after the explosion.", "023", {"LBN"}, set()),
    ("France called on Iran to free the detained journalists.", "0253", {"FRA"}, {"IRN"}),
    ("Sudan asked Egypt to extradite the former minister.", "0213", {"SDN"}, {"EGY"}),
    ("Pakistan urged India to resume the dialogue.", "026", {"PAK"}, {"IND"}),
    ("Israel asked Qatar to mediate.", "028", {"ISR"}, {"QAT"}),
    ("Mali requested the deployment of peacekeepers.", "0234", {"MLI"}, set()),
    ("The Yemeni government appealed for food and medicine.", "0233", {"YEM"}, set()),
    ("Zelensky renewed his call for more Western weapons.", "0232", {"UKR"}, set()),
    ("Argentina urged Britain to negotiate over the Falklands.", "026", {"ARG"}, {"GBR"}),
    ("Brazil called for a peaceful settlement of the dispute.", "027", {"BRA"}, set()),
    ("Washington is urging Kyiv to hold elections.", "02", {"USA"}, {"UKR"}),
    ("A ceasefire was requested by the Lebanese government.", "0256", {"LBN"}, set()),
    ("Iraq called for closer cooperation with Turkey on water.", "021", {"IRQ"}, {"TUR"}),
    ("The United Nations urged the lifting of the curfew in the capital.", "0251", set(), set()),
    ("Iran sought sanctions relief in the talks.", "0254", {"IRN"}, set()),
]

INTENT = [
    ("Egypt offered to mediate between Israel and Hamas.", "039", {"EGY"}, set()),
    ("Japan pledged $500 million in aid to Ukraine.", "0331", {"JPN"}, {"UKR"}),
    ("Germany promised more air defense systems to Ukraine.", "0332", {"DEU"}, {"UKR"}),
    ("Israel and Hamas agreed to a ceasefire.", "0356", {"ISR"}, set()),
    ("Armenia expressed readiness to sign a peace treaty with Azerbaijan.", "030", {"ARM"}, set()),
    ("Moldova accepted an invitation to attend the summit in Brussels.", "036", {"MDA"}, set()),
    ("Hamas agreed to release ten hostages.", "0353", set(), set()),
    ("Ukraine and Russia have agreed to exchange prisoners.", "0353", {"UKR", "RUS"}, set()),
    ("Turkey offered its good offices to end the conflict.", "039", {"TUR"}, set()),
    ("Russia and China agreed to hold joint naval exercises next year.", "03", {"RUS", "CHN"}, set()),
    ("Iran promised to allow inspectors into its nuclear sites.", "0355", {"IRN"}, set()),
    ("Washington pledged to send more humanitarian aid to Gaza.", "033", {"USA"}, set()),
    ("Pakistan and India agreed to resume talks.", "036", {"PAK", "IND"}, set()),
    ("South Korea and Japan have agreed to share military intelligence.", "0314", {"KOR", "JPN"}, set()),
    ("Vietnam and the Philippines pledged to settle their maritime disputes peacefully.", "037", {"VNM", "PHL"}, set()),
    ("The Houthis offered to release the crew of the seized ship.", "0353", set(), set()),
]

CONSULT = [
    ("The Turkish foreign minister met his Iranian counterpart in Ankara.", "040", {"TUR"}, {"IRN"}),
    ("Biden spoke by phone with Netanyahu on Sunday.", "041", {"USA"}, {"ISR"}),
    ("Netanyahu received a phone call from Biden.", "041", {"ISR"}, set()),
    ("Blinken visited Kyiv on Wednesday.", "042", {"USA"}, {"UKR"}),
    ("The Chinese premier paid a visit to Moscow.", "042", {"CHN"}, {"RUS"}),
    ("Indian Prime Minister Modi travelled to Warsaw.", "042", {"IND"}, {"POL"}),
    ("Qatar hosted talks between the United States and the Taliban.", "043", {"QAT"}, set()),
    ("The Saudi crown prince welcomed the Ukrainian president in Jeddah.", "043", {"SAU"}, {"UKR"}),
    ("Macron met Scholz on the sidelines of the NATO summit.", "044", {"FRA"}, {"DEU"}),
    ("Qatar brokered a deal between Israel and Hamas.", "045", {"QAT"}, {"ISR"}),
    ("Iran and the United States held indirect talks in Oman.", "046", {"IRN", "USA"}, set()),
    ("Ukraine negotiated with Russia over grain exports.", "046", {"UKR"}, {"RUS"}),
    ("Putin and Xi met in Beijing on Thursday.", "040", {"RUS", "CHN"}, set()),
    ("The visit by the Chinese foreign minister to Pakistan was his first since 2021.", "042", {"CHN"}, {"PAK"}),
    ("Erdogan hosted Putin in Ankara.", "043", {"TUR"}, {"RUS"}),
    ("The German chancellor telephoned the Chinese president on Friday.", "041", {"DEU"}, {"CHN"}),
    ("Qatar's mediation between Israel and Hamas secured the release of hostages.", "045", {"QAT"}, {"ISR", "HAMAS"}),
    ("Macron held talks with Xi in Paris.", "046", {"FRA"}, {"CHN"}),
    ("Russia and Iran discussed the situation in Syria.", "046", {"RUS", "IRN"}, set()),
]

COOPERATION = [
    ("Zelensky thanked Germany for its support.", "051", {"UKR"}, {"DEU"}),
    ("The United States praised Saudi Arabia for its role in the talks.", "051", {"USA"}, {"SAU"}),
    ("Hungary finally backed Sweden's bid to join NATO.", "051", {"HUN"}, {"SWE"}),
    ("Germany expressed support for Moldova's accession to the EU.", "051", {"DEU"}, set()),
    ("Beijing defended its decision to hold military drills.", "052", {"CHN"}, set()),
    ("France rallied support for Ukraine among African states.", "053", {"FRA"}, {"UKR"}),
    ("Saudi Arabia and Iran restored diplomatic relations.", "050", {"SAU", "IRN"}, set()),
    ("Kosovo and Montenegro established diplomatic relations.", "054", set(), set()),
    ("Japan apologized to South Korea for its wartime actions.", "055", {"JPN"}, {"KOR"}),
    ("Israel and the United Arab Emirates signed a peace treaty.", "057", {"ISR", "ARE"}, set()),
    ("Rwanda and Congo signed a peace agreement in Washington.", "057", {"RWA"}, set()),
    ("Turkey ratified Sweden's membership in NATO.", "05", {"TUR"}, set()),
    ("Kenya has been praised by the United States for leading the mission in Haiti.", "051", {"USA"}, {"KEN"}),
    ("An apology was issued by the Dutch government to Indonesia.", "055", {"NLD"}, {"IDN"}),
    ("The agreement was signed by Ethiopia and Eritrea in Jeddah.", "057", {"ETH", "ERI"}, set()),
]


# Readiness ("ready/willing/prepared to ..."), intents named by what is to be given or held,
# and visits, welcomes, mediation and verbal defence; each names the pattern that must fire.
# (sentence, pattern id, expected code, sources named, targets named)
READINESS = [
    ("Vietnam is ready to trade with the European Union.", "trigger.0311.ready_trade", "0311", {"VNM"}, {"EUR"}),
    ("Montenegro is prepared to extradite the businessman to South Korea.", "trigger.0313.ready_extradite", "0313", {"MNE"}, {"KOR"}),
    ("Britain is ready to train Ukrainian pilots.", "trigger.0312.ready_military_cooperation", "0312", {"GBR"}, {"UKR"}),
    ("Turkey is willing to share intelligence with Sweden.", "trigger.0314.ready_share_intelligence", "0314", {"TUR"}, set()),
    ("Egypt is ready to support Sudan's transitional government.", "trigger.032.ready_support", "032", {"EGY"}, {"SDN"}),
    ("Saudi Arabia is willing to finance the new dam in Ethiopia.", "trigger.0331.ready_fund", "0331", {"SAU"}, set()),
    ("Washington is ready to arm the Kurdish fighters.", "trigger.0332.ready_arm", "0332", {"USA"}, set()),
    ("Jordan is prepared to shelter more Syrian refugees.", "trigger.0333.ready_relief", "0333", {"JOR"}, set()),
    ("China is ready to help Pakistan after the floods.", "trigger.033.ready_aid", "033", {"CHN"}, {"PAK"}),
    ("Georgia's prime minister is ready to resign.", "trigger.0341.ready_resign", "0341", {"GEO"}, set()),
    ("Hungary is willing to reconsider its position on Ukraine.", "trigger.0342.ready_change_policy", "0342", {"HUN"}, set()),
    ("The Malian junta is ready to amend the constitution.", "trigger.0344.ready_change_institutions", "0344", {"MLI"}, set()),
    ("Tunisia is ready to reform its security services.", "trigger.034.ready_reform", "034", {"TUN"}, set()),
    ("Washington is ready to unfreeze Iranian assets held in South Korea.", "trigger.0354.ready_unfreeze", "0354", {"USA"}, set()),
    ("Serbian protesters said they were ready to disperse.", "trigger.0352.ready_disperse", "0352", {"SRB"}, set()),
    ("Hamas is ready to release the remaining hostages.", "trigger.0353.ready_release", "0353", {"HAMAS"}, set()),
    ("Iran is prepared to allow IAEA inspectors into Fordow.", "trigger.0355.ready_allow_access", "0355", {"IRN"}, set()),
    ("Azerbaijan is willing to withdraw its troops from the border.", "trigger.0356.ready_deescalate", "0356", {"AZE"}, set()),
    ("The Ethiopian government is prepared to lift the state of emergency.", "trigger.035.ready_yield", "035", {"ETH"}, set()),
    ("Zelensky is ready to meet Putin.", "trigger.036.ready_meet", "036", {"UKR"}, {"RUS"}),
    ("Greece is ready to settle its dispute with Turkey.", "trigger.037.ready_settle", "037", {"GRC"}, set()),
    ("Turkey is willing to mediate between Russia and Ukraine.", "trigger.039.ready_mediate", "039", {"TUR"}, set()),
    ("Armenia is ready to sign the peace treaty with Azerbaijan.", "trigger.030.ready_sign", "030", {"ARM"}, {"AZE"}),
    ("Ukraine is ready to resume talks with Russia.", "trigger.036.ready_hold_talks", "036", {"UKR"}, {"RUS"}),
    ("Kosovo and Serbia agreed to resume talks in Brussels.", "trigger.036.intent_hold_talks", "036", {"XKX", "SRB"}, set()),
    ("Hamas is ready for talks with Israel.", "trigger.036.ready_for_talks", "036", {"HAMAS"}, {"ISR"}),
    ("Canada pledged to increase military assistance to Ukraine.", "trigger.0332.intent_military_aid", "0332", {"CAN"}, {"UKR"}),
    ("Poland is willing to send more tanks to Ukraine.", "trigger.0332.ready_military_aid", "0332", {"POL"}, {"UKR"}),
    ("Japan pledged to provide loans to Sri Lanka.", "trigger.0331.intent_economic_aid", "0331", {"JPN"}, {"LKA"}),
    ("The IMF is ready to extend a new loan to Pakistan.", "trigger.0331.ready_economic_aid", "0331", {"IMF"}, {"PAK"}),
    ("Turkey promised to send food and medicine to Gaza.", "trigger.0333.intent_humanitarian_aid", "0333", {"TUR"}, {"PSE"}),
    ("Egypt is ready to deliver humanitarian aid to Sudan.", "trigger.0333.ready_humanitarian_aid", "0333", {"EGY"}, {"SDN"}),
    ("Bangladesh offered to send peacekeepers to Haiti.", "trigger.0334.intent_peacekeepers", "0334", {"BGD"}, {"HTI"}),
    ("Spain is ready to contribute 500 soldiers to the UN mission in Lebanon.", "trigger.0334.ready_peacekeepers", "0334", {"ESP"}, set()),
    ("Greece and Egypt agreed to stage joint naval drills in October.", "trigger.0312.intent_exercises", "0312", {"GRC", "EGY"}, set()),
    ("Belarus is ready to hold military exercises with Russia.", "trigger.0312.ready_exercises", "0312", {"BLR"}, {"RUS"}),
    ("Syria offered to hand over the suspects to Lebanon.", "trigger.0313.intent_hand_over_suspects", "0313", {"SYR"}, {"LBN"}),
    ("Kosovo is willing to hand over the fugitive to Serbia.", "trigger.0313.ready_hand_over_suspects", "0313", {"XKX"}, {"SRB"}),
    ("Opposition leaders agreed to postpone the rally in Caracas.", "trigger.0352.intent_call_off_protest", "0352", set(), set()),
    ("The Georgian opposition is ready to suspend its protests.", "trigger.0352.ready_call_off_protest", "0352", {"GEO"}, set()),
    ("Chile and China agreed on a new trade pact.", "trigger.0311.agree_to_trade", "0311", {"CHL", "CHN"}, set()),
    ("Serbian officials were skeptical about the EU proposal.", "trigger.012.pessimistic", "012", {"SRB"}, set()),
    ("Germany is optimistic about a deal with Turkey.", "trigger.013.optimistic", "013", {"DEU"}, set()),
    ("Opposition parties in Jordan submitted a reform petition to the king.", "trigger.024.submit_reform_petition", "024", {"JOR"}, set()),
    ("Palestinian families submitted a petition to the Israeli Supreme Court.", "trigger.020.submit_petition", "020", {"PSE"}, set()),
]

VISITS = [
    ("The Iraqi prime minister arrived in Tehran on a two-day visit.", "trigger.042.arrive_on_visit", "042", {"IRQ"}, {"IRN"}),
    ("The Chinese foreign minister flew to Moscow for talks with Lavrov.", "trigger.040.arrive_for_talks", "040", {"CHN"}, set()),
    ("The Kenyan president gave a warm welcome to his Somali counterpart.", "trigger.043.give_welcome", "043", {"KEN"}, {"SOM"}),
    ("Oman launched a mediation effort between Iran and Saudi Arabia.", "trigger.045.undertake_mediation", "045", {"OMN"}, {"IRN", "SAU"}),
    ("The Turkish president defended Qatar against Saudi criticism.", "trigger.052.defend_against_criticism", "052", {"TUR"}, {"QAT"}),
]


@pytest.mark.slow
@pytest.mark.parametrize("text, pattern, code, sources, targets", READINESS + VISITS)
def test_triggers_01_05_new_patterns_fire(annotate, text, pattern, code, sources, targets):
    event = first_event(annotate(text), code)
    assert event is not None, text
    assert pattern in event["evidence"].split(), event["evidence"]
    assert event["cameo"] == code, (event["cameo"], event["evidence"])
    assert sources <= participant_codes(event, "source"), event["evidence"]
    assert targets <= participant_codes(event, "target"), event["evidence"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, code",
    [
        ("Hungary is willing to reconsider its position on Ukraine.", "0342"),
        ("The Georgian opposition is ready to suspend its protests.", "0352"),
    ],
)
def test_triggers_01_05_intent_not_aimed_at_oneself(annotate, text, code):
    event = first_event(annotate(text), code)
    assert event is not None, text
    assert not participant_codes(event, "source") & participant_codes(event, "target"), event["evidence"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, code",
    [
        ("Israel agreed to halt its air strikes on Gaza.", "0356"),
        ("Kyiv is willing to withdraw its troops from the bridgehead.", "0356"),
    ],
)
def test_triggers_01_05_military_halts_are_not_protests_called_off(annotate, text, code):
    event = first_event(annotate(text), code)
    assert event is not None and event["cameo"] == code, event and event["evidence"]


@pytest.mark.slow
@pytest.mark.parametrize("text, code, sources, targets", STATEMENTS + APPEALS + INTENT + CONSULT + COOPERATION)
def test_triggers_01_05_code_paraphrases(annotate, text, code, sources, targets):
    event = first_event(annotate(text), code)
    assert event is not None, text
    assert event["cameo"].startswith(code), (event["cameo"], event["evidence"])
    assert sources <= participant_codes(event, "source"), event["evidence"]
    assert targets <= participant_codes(event, "target"), event["evidence"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Hamas fighters committed atrocities in southern Israel.",
        "The ministry said in a statement that the strikes hit military targets.",
        "NATO is a defensive alliance of thirty-two states.",
        "Russia called the sanctions illegal.",
        "Ukrainian troops defended their positions near Pokrovsk.",
        "Russian forces met stiff resistance near Avdiivka.",
        "Putin called Zelensky a puppet of the West.",
        "The treaty was signed in 1994.",
        "Russian troops are ready to deploy to the border.",
        "The Chinese army is ready to engage the enemy.",
        "Hamas said it was ready to step up attacks.",
        "North Korean troops arrived in Russia on Monday.",
        "Ukrainian troops defended Kharkiv against Russian attacks.",
        "The central bank published an optimistic forecast.",
        "Hezbollah's attack on the base will be met with a severe response, the Israeli minister said.",
        "The Russian announcement was met with skepticism in Kyiv.",
        "The freed Ukrainian sailors were flown to Poland on Friday.",
    ],
)
def test_triggers_01_05_leave_other_sentences_alone(annotate, text):
    assert not [e["cameo"] for e in annotate(text)._.sitrep_events if e["cameo"][:2] in ROOTS]
