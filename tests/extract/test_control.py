"""Territorial control extraction: tables of sentences and the claims they must (or must not) yield.

Sentences are written in the style of wire reporting about several conflicts (Afghanistan, Sudan,
eastern Congo and an invented Sahel war), with datelines, quotes, hedges and spelling variants
that come from the configured aliases. Each row lists every claim, in order, with its claimant
and hedge; rows in NOTHING must yield no claim at all: precision first.
"""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.extract.control import extract_control
from monitor.records import EntityRef, TerritorialControl

ENTITIES = (
    EntityRef("Taliban", "group", ("Taleban", "Islamic Emirate")),
    EntityRef(
        "National Resistance Front", "group", ("NRF", "resistance fighters", "resistance forces")
    ),
    EntityRef("Rapid Support Forces", "group", ("RSF",)),
    EntityRef("M23", "group", ("March 23 Movement",)),
    EntityRef("Sahel Liberation Movement", "group", ("SLM",)),
    EntityRef("Ahmad Massoud", "person", ("Massoud",)),
    EntityRef("Panjshir", "place", ("Panjsher", "Panjshir valley", "Panjsher valley")),
    EntityRef("Andarab", "place", ("Andarab district",)),
    EntityRef("El Fasher", "place", ("El-Fasher", "al-Fashir")),
    EntityRef("Goma", "place", ()),
    EntityRef("Kabul", "place", ()),
    EntityRef("Kaleb", "place", ("Kalib",)),
)
TAL, NRF, RSF, M23, SLM = (e.name for e in ENTITIES[:5])
YEAR = 2024

# (place, controller, status, claimed_by, hedged)
Expected = tuple[str, str | None, str, str | None, bool]
Row = tuple[str, list[Expected]]

CLAIMS: list[Row] = [
    # --- captured: reporting voice -------------------------------------------------------------
    (
        "Taliban fighters captured Andarab district on Monday.",
        [("Andarab", TAL, "captured", None, False)],
    ),
    (
        "M23 rebels seized Goma on Tuesday, according to UN officials.",
        [("Goma", M23, "captured", "UN officials", False)],
    ),
    (
        "Goma fell to the M23 on Tuesday after a two-day assault.",
        [("Goma", M23, "captured", None, False)],
    ),
    (
        "Goma has fallen, a Congolese army spokesman said.",
        [("Goma", None, "captured", "a Congolese army spokesman", False)],
    ),
    (
        "BAMAKO (AFP) - SLM fighters overran the garrison town of Kalib on Thursday after a"
        " three-day assault, security sources said.",
        [("Kaleb", SLM, "captured", "security sources", False)],
    ),
    (
        "Islamic Emirate forces took control of Panjsher province on Monday.",
        [("Panjshir", TAL, "captured", None, False)],
    ),
    (
        "Kalib was seized by the SLM on Sunday, according to residents.",
        [("Kaleb", SLM, "captured", "residents", False)],
    ),
    (
        "Goma was captured by M23 rebels, who are backed by Rwanda, on Monday.",
        [("Goma", M23, "captured", None, False)],
    ),
    (
        "M23 fighters, backed by Rwandan troops, captured Goma on Monday.",
        [("Goma", M23, "captured", None, False)],
    ),
    (
        "Taliban fighters backed by drones, who arrived overnight, captured Andarab.",
        [("Andarab", TAL, "captured", None, False)],
    ),
    (
        "Goma, which fell to the M23 on Monday, was quiet.",
        [("Goma", M23, "captured", None, False)],
    ),
    (
        "The RSF, which captured El Fasher last month, is now advancing on Kaleb.",
        [("El Fasher", RSF, "captured", None, False)],
    ),
    ("Rebels took Goma on Tuesday.", [("Goma", None, "captured", None, False)]),
    (
        "Panjshir's governor said the Taliban had captured the Panjshir valley.",
        [("Panjshir", TAL, "captured", "Panjshir's governor", False)],
    ),
    (
        "Mr Nazary acknowledged that the Taliban had captured Panjshir.",
        [("Panjshir", TAL, "captured", "Mr Nazary", False)],
    ),
    (
        "The SLM lost control of Kaleb on Sunday.",  # the loser is not the controller
        [("Kaleb", None, "captured", None, False)],
    ),
    (
        "Kaleb fell to the SLM in 2023.",  # one year before the article: still news
        [("Kaleb", SLM, "captured", None, False)],
    ),
    # --- hedged captures stay captures, marked hedged -----------------------------------------
    (
        "Taliban fighters reportedly captured Kaleb on Sunday.",
        [("Kaleb", TAL, "captured", None, True)],
    ),
    (
        "The Taliban are said to have captured Kaleb.",
        [("Kaleb", TAL, "captured", None, True)],
    ),
    (
        "The Sahel Liberation Movement reportedly seized Kaleb late on Wednesday, though the"
        " claim could not be verified.",
        [("Kaleb", SLM, "captured", None, True)],
    ),
    # --- claims_captured: the capturing side says so -------------------------------------------
    (
        "KABUL: The Taliban said on Monday they had captured the Panjshir valley, the last"
        " province holding out against them since the fall of Kabul three weeks ago.",
        [("Panjshir", TAL, "claims_captured", "the Taliban", False)],
    ),
    (
        "Taliban spokesman Zabihullah Mujahid said in a statement that Panjshir had been captured"
        " and was now under the control of the Islamic Emirate.",
        [("Panjshir", TAL, "claims_captured", "Taliban spokesman Zabihullah Mujahid", False)],
    ),
    (
        "The Taliban claimed to have captured Kaleb.",
        [("Kaleb", TAL, "claims_captured", "the Taliban", False)],
    ),
    (
        "The SLM claimed control of Kaleb on Sunday.",
        [("Kaleb", SLM, "claims_captured", "the SLM", False)],
    ),
    (
        '"We have captured Kaleb," an SLM commander told Reuters by phone.',
        [("Kaleb", SLM, "claims_captured", "an SLM commander", False)],
    ),
    (
        "An SLM commander said his fighters had taken Kaleb, a claim that could not be"
        " independently verified.",
        [("Kaleb", SLM, "claims_captured", "an SLM commander", True)],
    ),
    (
        "Panjsher has fallen, Taliban officials said.",
        [("Panjshir", TAL, "claims_captured", "Taliban officials", False)],
    ),
    (
        "GOMA, Congo (AP) — M23 rebels said Tuesday they had taken control of Goma, the largest"
        " city in eastern Congo.",
        [("Goma", M23, "claims_captured", "M23 rebels", False)],
    ),
    # --- claim and denial in one sentence ------------------------------------------------------
    (
        "The Taliban said they had captured Panjshir, but the NRF denied it.",
        [
            ("Panjshir", TAL, "claims_captured", "the Taliban", False),
            ("Panjshir", NRF, "denies_captured", "the NRF", False),
        ],
    ),
    (
        "The Taliban said they had captured Panjshir, but resistance fighters said fighting was"
        " continuing.",
        [
            ("Panjshir", TAL, "claims_captured", "the Taliban", False),
            ("Panjshir", NRF, "denies_captured", "resistance fighters", False),
        ],
    ),
    (
        "KHARTOUM, June 3 (Reuters) - The Rapid Support Forces said on Saturday they had taken"
        " full control of al-Fashir, a claim the army rejected.",
        [
            ("El Fasher", RSF, "claims_captured", "the Rapid Support Forces", False),
            ("El Fasher", None, "denies_captured", "the army", False),
        ],
    ),
    # --- denies_captured: controller is the side that says it still holds the place ------------
    (
        "The National Resistance Front rejected the statement, saying the claim that Panjshir had"
        " been captured was false and that its forces still held strategic positions across the"
        " valley.",
        [("Panjshir", NRF, "denies_captured", "the National Resistance Front", False)],
    ),
    (
        "The NRF denied that the Panjshir valley had fallen.",
        [("Panjshir", NRF, "denies_captured", "the NRF", False)],
    ),
    (
        "The NRF dismissed Taliban claims that Panjshir had fallen, saying fighting continues.",
        [("Panjshir", NRF, "denies_captured", "the NRF", False)],
    ),
    (
        "The NRF said Taliban claims that Panjshir had fallen were lies and that fighting was"
        " continuing.",
        [("Panjshir", NRF, "denies_captured", "the NRF", False)],
    ),
    (
        "Despite Taliban claims of victory, resistance fighters still hold the Panjshir valley,"
        " a spokesman said.",
        [("Panjshir", NRF, "denies_captured", "a spokesman", False)],
    ),
    (
        "Panjshir has not fallen, NRF spokesman Ali Nazary said.",
        [("Panjshir", NRF, "denies_captured", "NRF spokesman Ali Nazary", False)],
    ),
    (
        "Resistance forces said they had not lost control of the Panjshir valley.",
        [("Panjshir", NRF, "denies_captured", "Resistance forces", False)],
    ),
    (
        "The army dismissed as propaganda SLM claims that Kaleb had fallen.",
        [("Kaleb", None, "denies_captured", "the army", False)],
    ),
    (
        "SLM claims that Kaleb has fallen are false, an army spokesman said.",
        [("Kaleb", None, "denies_captured", "an army spokesman", False)],
    ),
    (
        "The M23 denied reports that it had captured Goma.",  # the taker denies: nobody holds
        [("Goma", None, "denies_captured", "the M23", False)],
    ),
    (
        "The Taliban have not yet captured Andarab, a district police chief said.",
        [("Andarab", None, "denies_captured", "a district police chief", False)],
    ),
    # --- retaken ---------------------------------------------------------------------------------
    (
        "Resistance fighters retook Andarab on Friday, a local elder said.",
        [("Andarab", NRF, "retaken", "a local elder", False)],
    ),
    (
        "Andarab was recaptured by resistance fighters overnight.",
        [("Andarab", NRF, "retaken", None, False)],
    ),
    (
        "Andarab district has been retaken by the Taliban, according to local officials.",
        [("Andarab", TAL, "retaken", "local officials", False)],
    ),
    (
        "Government troops recaptured Kaleb from the SLM on Thursday, the army said.",
        [("Kaleb", None, "retaken", "the army", False)],
    ),
    ("The SLM says it has retaken Kaleb.", [("Kaleb", SLM, "retaken", "the SLM", False)]),
    ("Kaleb was retaken on Friday.", [("Kaleb", None, "retaken", None, False)]),
    # --- surrounded ------------------------------------------------------------------------------
    (
        "Taliban fighters have surrounded the Panjshir valley on three sides, a Taliban commander"
        " in Parwan province said, adding that the group would not wait forever for an answer.",
        [("Panjshir", TAL, "surrounded", "a Taliban commander in Parwan province", False)],
    ),
    (
        "An estimated 250,000 residents remain trapped in El Fasher, which RSF fighters have"
        " besieged for months.",
        [("El Fasher", RSF, "surrounded", None, False)],
    ),
    (
        "RSF fighters have encircled El-Fasher and cut off supply routes, the UN said.",
        [("El Fasher", RSF, "surrounded", "the UN", False)],
    ),
    ("The RSF is besieging El Fasher.", [("El Fasher", RSF, "surrounded", None, False)]),
    ("M23 fighters have besieged Goma for weeks.", [("Goma", M23, "surrounded", None, False)]),
    # --- holds -----------------------------------------------------------------------------------
    ("The RSF says it controls El Fasher.", [("El Fasher", RSF, "holds", "the RSF", False)]),
    ("The Taliban remain in control of Kaleb.", [("Kaleb", TAL, "holds", None, False)]),
    ("Panjshir remains under Taliban control.", [("Panjshir", TAL, "holds", None, False)]),
    (
        "Kaleb is now under the control of the SLM, residents told AFP by phone.",
        [("Kaleb", SLM, "holds", "residents", False)],
    ),
    (
        '"Panjshir is under our control," Taliban spokesman Zabihullah Mujahid told reporters.',
        [("Panjshir", TAL, "holds", "Taliban spokesman Zabihullah Mujahid", False)],
    ),
    (
        "The Taliban-held town of Kaleb was quiet on Monday.",
        [("Kaleb", TAL, "holds", None, False)],
    ),
    ("The Taliban has controlled Andarab since 2019.", [("Andarab", TAL, "holds", None, False)]),
    # --- contested -------------------------------------------------------------------------------
    ("Control of Kaleb is disputed.", [("Kaleb", None, "contested", None, False)]),
    ("The Panjshir valley is contested.", [("Panjshir", None, "contested", None, False)]),
    (
        "Goma remains contested, with both the army and M23 claiming gains.",
        [("Goma", None, "contested", None, False)],
    ),
    ("Both sides claim control of Kaleb.", [("Kaleb", None, "contested", "Both sides", False)]),
    (
        "The Taliban and the NRF both claim to control the Panjshir valley.",
        [("Panjshir", None, "contested", "the Taliban and the NRF both", False)],
    ),
    ("It is unclear who controls Kaleb.", [("Kaleb", None, "contested", None, True)]),
    (
        "Clashes raged overnight for control of Kaleb, residents said.",
        [("Kaleb", None, "contested", "residents", False)],
    ),
    # --- more shapes: a place noun after the name, a self-reference, predicates joined by "but"
    (
        "Andarab district fell to resistance fighters before dawn, a local official said.",
        [("Andarab", NRF, "captured", "a local official", False)],
    ),
    (
        "The SLM had controlled the market town of Kaleb since March, a UN panel found.",
        [("Kaleb", SLM, "holds", None, False)],
    ),
    (
        "The RSF seized Kaleb on Friday, the group said in a statement.",
        [("Kaleb", RSF, "claims_captured", "the group", False)],
    ),
    (
        "An SLM commander said his fighters had captured Kaleb.",
        [("Kaleb", SLM, "claims_captured", "an SLM commander", False)],
    ),
    (
        '"We have liberated Kaleb," an SLM spokesman said.',
        [("Kaleb", SLM, "claims_captured", "an SLM spokesman", False)],
    ),
    (
        "The Taliban said their fighters had taken Panjshir.",
        [("Panjshir", TAL, "claims_captured", "the Taliban", False)],
    ),
    (
        "Kaleb is still held by the SLM but is now almost entirely surrounded by the army.",
        [("Kaleb", SLM, "holds", None, False), ("Kaleb", None, "surrounded", None, False)],
    ),
    (
        "The junta denied that Kaleb had been lost.",
        [("Kaleb", None, "denies_captured", "the junta", False)],
    ),
    # --- lists of places, nominal captures, hedged falls, "the rebels" ----------------------
    (
        "RSF fighters overran Kaleb and El Fasher on Sunday, residents said.",
        [
            ("Kaleb", RSF, "captured", "residents", False),
            ("El Fasher", RSF, "captured", "residents", False),
        ],
    ),
    (
        "The Taliban seized the towns of Kabul, Kaleb and Goma within a week.",
        [
            ("Kabul", TAL, "captured", None, False),
            ("Kaleb", TAL, "captured", None, False),
            ("Goma", TAL, "captured", None, False),
        ],
    ),
    (
        "SLM fighters recaptured four villages near the border, including Kalib, late on Monday.",
        [("Kaleb", SLM, "retaken", None, False)],
    ),
    (
        "The M23 announced the capture of Goma in a video posted on Wednesday.",
        [("Goma", M23, "claims_captured", "the M23", False)],
    ),
    (
        "UN officials confirmed the fall of Kaleb to the SLM.",
        [("Kaleb", SLM, "captured", "UN officials", False)],
    ),
    (
        "El Fasher may have fallen to the RSF, aid workers said.",
        [("El Fasher", RSF, "captured", "aid workers", True)],
    ),
    (
        "Clashes spread from the SLM stronghold towards Kaleb, which the rebels have besieged"
        " since March.",
        [("Kaleb", SLM, "surrounded", None, False)],
    ),
    (  # two candidates for "the rebels": nobody
        "The SLM and the RSF clashed near Kaleb, which the rebels have besieged since March.",
        [("Kaleb", None, "surrounded", None, False)],
    ),
    # --- "most of", passive holds by an unconfigured actor, asides -----------------------------
    (
        "The RSF captured most of El Fasher last week.",
        [("El Fasher", RSF, "captured", None, False)],
    ),
    (
        "RSF fighters seized most of Kaleb overnight, residents said.",
        [("Kaleb", RSF, "captured", "residents", False)],
    ),
    (
        "Kaleb, the district capital, remains held by government troops but is now encircled by"
        " SLM fighters.",
        [("Kaleb", None, "holds", None, False), ("Kaleb", SLM, "surrounded", None, False)],
    ),
    (
        "Andarab, the only district in the north still controlled by the NRF, was shelled on"
        " Friday.",
        [("Andarab", NRF, "holds", None, False)],
    ),
    (
        "Goma, the largest city in the region, has changed hands three times since January.",
        [("Goma", None, "contested", None, False)],
    ),
    (
        "The SLM said it had routed the garrison and that Kaleb was “completely liberated”.",
        [("Kaleb", SLM, "claims_captured", "the SLM", False)],
    ),
    (
        "“All of Kaleb district is under our control,” an SLM commander said by phone.",
        [("Kaleb", SLM, "holds", "an SLM commander", False)],
    ),
    # --- "the town", "it": the one place named earlier in the sentence --------------------------
    (
        "M23 rebels stormed a police station in Goma on Friday and now control the city, aid"
        " workers said.",
        [("Goma", M23, "captured", "aid workers", False)],
    ),
    (
        "SLM fighters overran a checkpoint in Kaleb and now hold the town, though the government"
        " said it had repulsed the assault.",
        [
            ("Kaleb", SLM, "captured", None, False),
            ("Kaleb", None, "denies_captured", "the government", False),
        ],
    ),
    (
        "Shopkeepers in Kaleb said the town had been under SLM control for a month.",
        [("Kaleb", SLM, "holds", "Shopkeepers in Kaleb", False)],
    ),
    (
        "RSF units reached the outskirts of El Fasher, but they do not hold it, a Sudanese army"
        " officer said.",
        [],
    ),
    (
        "Taliban fighters entered Andarab on Tuesday but they do not control it, an NRF spokesman"
        " said.",
        [("Andarab", NRF, "denies_captured", "an NRF spokesman", False)],
    ),
    (
        "Goma, a lakeside city of two million, has changed hands twice in the past month, UN"
        " officials said.",
        [("Goma", None, "contested", "UN officials", False)],
    ),
    (
        "Gunmen from the SLM stormed a prison in Kaleb overnight and now control the town.",
        [("Kaleb", SLM, "captured", None, False)],
    ),
    (
        "Aid convoys left Kaleb on Monday as SLM fighters recaptured the town.",
        [("Kaleb", SLM, "retaken", None, False)],
    ),
    # --- the side an "anti-" fighter belongs to is the speaker ------------------------------------
    (
        "Anti-RSF fighters have recaptured Kaleb and two nearby villages, a spokesman for the SLM"
        " said on Sunday.",
        [("Kaleb", SLM, "retaken", "a spokesman for the SLM", False)],
    ),
]

NOTHING: list[str] = [
    # nominal captures as background or plans
    "Since the fall of Kabul, thousands have fled the country.",
    "After the capture of Goma, aid agencies suspended work.",
    "The Taliban plan the capture of Panjshir before winter.",
    # negation without anyone asserting it
    "The Taliban did not capture Panjshir.",
    "Panjshir has not fallen.",
    "Panjshir is not under Taliban control.",
    # history
    "Panjshir never fell to the Soviets in the 1980s.",
    "Kaleb was captured in 1996.",
    "The Taliban captured Kabul in 1996 and held it until 2001.",
    "The Taliban captured Kabul in August 2021.",
    "Kaleb fell to the SLM in 2019.",
    "Kaleb fell to the SLM last year.",
    "The Taliban, who controlled Panjshir until 2001, are back.",
    "The NRF lost Panjshir decades ago.",
    "The Taliban took Kabul in 1996 and Panjshir never fell.",
    "Kaleb was briefly held by the SLM in 2012 before French troops drove the group out.",
    "Panjshir was never captured during the Soviet occupation.",
    "Goma fell to rebels a decade ago.",
    "The fighters who captured Kaleb in 2012 returned on Monday.",
    # metaphors and other senses
    "The offensive captured the imagination of Panjshir residents.",
    "Officials seized on the remarks about Goma.",
    "The Taliban took control of the conversation about Kabul.",
    "The film captured Panjshir's beauty.",
    "Her photographs captured Goma at its most vulnerable.",
    "The M23 seized on Goma's collapse to expand.",
    "The M23 took Goma by surprise.",
    "The M23 holds Goma responsible for the attack.",
    "Goma fell silent on Tuesday.",
    "Goma has fallen quiet after days of shelling.",
    "The price of bread in Kabul has fallen sharply.",
    "Taliban officials held talks in Kabul on Monday.",
    "The Taliban held a rally in Panjshir.",
    # intentions and conditions
    "The Taliban vowed to capture Panjshir.",
    "If Goma falls, the region will be destabilised.",
    "The Taliban were poised to take Goma.",
    "Kaleb could fall within days, analysts warned.",
    "The SLM has threatened to seize Kaleb.",
    "The offensive to retake Kaleb stalled on Monday.",
    "Troops are preparing to recapture Kaleb.",
    "Efforts to encircle Goma have failed.",
    # background clauses
    "Ahmad Massoud leads the NRF, who gathered in the Panjshir valley after Kabul fell on 15"
    " August.",
    "The Taliban said on Sunday they had dispatched hundreds of their fighters to the Panjshir"
    " valley, setting up the first major test for the group since it seized Kabul a week ago.",
    # part of a place, or something in it, is not the place
    "The Taliban captured Goma airport.",
    "Goma's airport was seized by M23 fighters on Monday.",
    "The M23 took control of the border crossing near Goma.",
    "RSF fighters captured a military base in El Fasher.",
    "The SLM captured three villages outside Kaleb.",
    "SLM fighters captured several villages around Kaleb.",
    "The SLM said it had overrun an army base near Kaleb.",
    "A Taliban commander said his men had taken the Andarab district centre.",
    "Villages surrounding Goma were emptied.",
    "The road towards Kabul was still held by the Taliban.",
    "Goma has been cut off since the bridge was destroyed.",
    "Resistance forces still control parts of the Panjshir valley, Massoud said.",
    # no control predicate at all
    "Taliban fighters entered Panjshir on Monday.",
    "Fighting continues in Panjshir, the NRF said.",
    "Goma's mayor fled as M23 fighters advanced on the city.",
    "The fall of Goma sent shockwaves through the region.",
    "Panjshir, home to about 170,000 people, is the only one of Afghanistan's 34 provinces not"
    " under Taliban control.",
    "For the second time in a generation, the Panjshir valley is the last corner of Afghanistan"
    " outside Taliban control.",
    "The National Resistance Front said its fighters had repelled attacks at the mouth of the"
    " valley and near the Khawak pass, killing about 350 Taliban fighters and capturing more"
    " than 40.",
    "Taliban fighters captured the district on Monday, officials said.",  # no configured place
    "The M23 entered Goma on Monday.",  # entering is not taking
    "A Taliban commander in Kabul said the pass was surrounded.",  # Kabul is no pass
    "As Goma fell, residents fled across the border.",
    "Kaleb, near a base held by the SLM, was quiet on Monday.",  # the base is held
    "Goma, the city where the M23 was founded, fell silent after the ceasefire.",
    "The RSF seized a fuel depot near El Fasher and then held the depot for a week.",
    # A denied encirclement: no status says "not surrounded".
    "A spokesman for the RSF denied that El Fasher had been encircled, saying roads were open.",
]


def _got(sentence: str) -> list[Expected]:
    out: list[Expected] = []
    for claim in extract_control(sentence, ENTITIES, year=YEAR):
        value = claim.value
        assert isinstance(value, TerritorialControl)
        assert claim.quote == sentence
        out.append((value.place, value.controller, value.status, claim.claimed_by, claim.hedged))
    return out


@pytest.mark.parametrize(("sentence", "expected"), CLAIMS)
def test_control_claims(sentence: str, expected: list[Expected]) -> None:
    assert _got(sentence) == expected


@pytest.mark.parametrize("sentence", NOTHING)
def test_no_control_claim(sentence: str) -> None:
    assert _got(sentence) == []


def test_the_article_year_decides_what_is_history() -> None:
    sentence = "Kabul fell to the Taliban in 2021."
    got = extract_control(sentence, ENTITIES, year=2021)
    assert [c.value for c in got] == [TerritorialControl("Kabul", TAL, "captured")]
    assert extract_control(sentence, ENTITIES, year=2023) == []


def test_places_come_from_the_configuration() -> None:
    sentence = "Taliban fighters captured Khost on Monday."
    assert extract_control(sentence, ENTITIES, year=YEAR) == []
    khost = (*ENTITIES, EntityRef("Khost", "place", ("Khowst",)))
    got = extract_control("Taliban fighters captured Khowst on Monday.", khost, year=YEAR)
    assert [c.value for c in got] == [TerritorialControl("Khost", TAL, "captured")]


def test_a_dateline_is_not_a_claim_about_the_place() -> None:
    sentence = "GOMA, Congo (AP) — Aid workers said on Tuesday that food was running short."
    assert extract_control(sentence, ENTITIES, year=YEAR) == []


def test_extract_claims_runs_the_control_extractor() -> None:
    text = "Goma fell to the M23 on Tuesday. The M23 holds Goma responsible for the attack."
    claims = extract_claims(text, ENTITIES, {"territorial_control"}, year=YEAR)
    assert [c.value for c in claims] == [TerritorialControl("Goma", M23, "captured")]
