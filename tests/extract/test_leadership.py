"""Leadership extraction: tables of sentences and the claims they must (or must not) yield."""

from __future__ import annotations

import pytest

from monitor.extract.leadership import extract_leadership
from monitor.records import EntityRef, Leadership

ENTITIES = (
    EntityRef("Taliban", "group", ("Taleban",)),
    EntityRef("National Resistance Front", "group", ("resistance", "NRF")),
    EntityRef("Lakeside Defence Brigades", "group", ("the brigades", "LDB")),
    EntityRef("Ahmad Massoud", "person", ("Massoud",)),
    EntityRef("Amrullah Saleh", "person", ("Saleh",)),
    EntityRef("Kara Dune", "person", ("Dune",)),
    EntityRef("Panjshir", "place", ()),
)
NRF, LDB = "National Resistance Front", "Lakeside Defence Brigades"
MASSOUD, SALEH, DUNE = "Ahmad Massoud", "Amrullah Saleh", "Kara Dune"

Row = tuple[str, str, str | None, str | None, str]

POSITIVE: list[Row] = [
    ("Kara Dune took over as commander of the LDB in May.", DUNE, "commander", LDB, "claimed"),
    ("Kara Dune succeeded her brother as the LDB's chief.", DUNE, "chief", LDB, "claimed"),
    (
        "Amrullah Saleh declared himself caretaker president of Afghanistan.",
        SALEH,
        "caretaker president",
        "Afghanistan",
        "declared",
    ),
    (
        "Saleh has proclaimed himself the acting president.",
        SALEH,
        "acting president",
        None,
        "declared",
    ),
    (
        "Ahmad Massoud is the leader of the National Resistance Front.",
        MASSOUD,
        "leader",
        NRF,
        "claimed",
    ),
    ("Massoud leads the resistance from the valley.", MASSOUD, "leader", NRF, "claimed"),
    ("Dune commands the brigades in the east.", DUNE, "commander", LDB, "claimed"),
    ("Resistance leader Ahmad Massoud spoke to the crowd.", MASSOUD, "leader", NRF, "claimed"),
    (
        "The leader of the resistance, Ahmad Massoud, spoke to the crowd.",
        MASSOUD,
        "leader",
        NRF,
        "claimed",
    ),
    ("Kara Dune, the brigades' commander, spoke to the crowd.", DUNE, "commander", LDB, "claimed"),
    (
        "Kara Dune was appointed commander of the Lakeside Defence Brigades on Sunday.",
        DUNE,
        "commander",
        LDB,
        "appointed",
    ),
    (
        "The council appointed Dune as interim governor.",
        DUNE,
        "interim governor",
        None,
        "appointed",
    ),
    ("Dune was confirmed as head of the brigades.", DUNE, "head", LDB, "confirmed"),
    ("Kara Dune was killed in an airstrike on Friday.", DUNE, None, None, "killed"),
    ("An airstrike killed Kara Dune on Friday.", DUNE, None, None, "killed"),
    ("Saleh has fled to Tajikistan.", SALEH, None, None, "fled"),
    ("Massoud is in Panjshir.", MASSOUD, None, None, "located"),
    ("Massoud was seen in Dushanbe last week.", MASSOUD, None, None, "located"),
    (
        "A resistance spokesman denied reports that Massoud had fled to Tajikistan.",
        MASSOUD,
        None,
        None,
        "denied",
    ),
    ("Massoud denied reports that he had fled the country.", MASSOUD, None, None, "denied"),
    ("Saleh has not fled, a spokesman said.", SALEH, None, None, "denied"),
]

NEGATIVE: list[str] = [
    "His father, the late commander Massoud, was killed in 2001.",
    "Ahmad Shah Massoud was killed two days before the attacks.",
    "Massoud Khalili, a veteran diplomat, has fled.",
    "Fighters loyal to Massoud were killed in the clashes.",
    "Massoud's father was killed by bombers posing as journalists.",
    "Former brigades commander Dune spoke to the crowd.",
    "Massoud said the fighters would never surrender.",
    "The Taliban leader spoke to the crowd.",
    "Kara Dune killed three intruders, the brigades said.",
]


def _values(sentence: str) -> list[Leadership]:
    return [c.value for c in extract_leadership(sentence, ENTITIES)]  # type: ignore[misc]


@pytest.mark.parametrize(("sentence", "subject", "role", "organization", "status"), POSITIVE)
def test_leadership(
    sentence: str, subject: str, role: str | None, organization: str | None, status: str
) -> None:
    assert Leadership(subject, role, organization, status) in _values(sentence)  # type: ignore[arg-type]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_not_a_leadership_claim(sentence: str) -> None:
    assert _values(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "claimed_by", "hedged"),
    [
        (
            "Saleh has fled to Tajikistan, according to Taliban officials.",
            "Taliban officials",
            False,
        ),
        ("Massoud is reportedly in Panjshir.", None, True),
        ("Massoud was seen in Dushanbe, officials said.", "officials", False),
        ('"He has fled," said Zabihullah Mujahid, a Taliban spokesman, of Saleh.', None, False),
        (
            "Zabihullah Mujahid, a Taliban spokesman, said Saleh had fled.",
            "Zabihullah Mujahid",
            False,
        ),
        ("Dune is rumoured to have been killed.", None, True),
    ],
)
def test_attribution_and_hedges(sentence: str, claimed_by: str | None, hedged: bool) -> None:
    claims = extract_leadership(sentence, ENTITIES)
    assert {(c.claimed_by, c.hedged) for c in claims} <= {(claimed_by, hedged)}


def test_claims_carry_the_sentence() -> None:
    (claim,) = extract_leadership("Saleh has fled to Tajikistan.", ENTITIES)
    assert claim.quote == "Saleh has fled to Tajikistan."


def _facts(sentence: str, year: int = 2021) -> set[Leadership]:
    return {c.value for c in extract_leadership(sentence, ENTITIES, year=year)}  # type: ignore[misc]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Ages and other descriptions of the person are not part of the office.
        (
            "Kara Dune, the 45-year-old commander of the brigades, signed the truce.",
            {Leadership(DUNE, "commander", LDB, "claimed")},
        ),
        # "led by X": the group before it is led by X, titles aside.
        (
            "Fighters of the resistance, led by Commander Ahmad Massoud, held the ridge.",
            {Leadership(MASSOUD, "leader", NRF, "claimed")},
        ),
        (
            "The brigades led by Dune have refused the ceasefire.",
            {Leadership(DUNE, "leader", LDB, "claimed")},
        ),
        # Offices with "of" inside them.
        (
            "Dune was named chief of the defence staff of the brigades on Friday.",
            {Leadership(DUNE, "chief of the defence staff", LDB, "appointed")},
        ),
        # Two roles joined by "and" share the organization after the second.
        (
            "Massoud, the co-founder and commander of the NRF, spoke on radio.",
            {
                Leadership(MASSOUD, "co-founder", NRF, "claimed"),
                Leadership(MASSOUD, "commander", NRF, "claimed"),
            },
        ),
        # A negated departure is a denial; where the person remained is a whereabouts.
        (
            "Aides said Saleh had never left Panjshir and remained at a safe house in Bazarak.",
            {Leadership(SALEH, None, None, "denied"), Leadership(SALEH, None, None, "located")},
        ),
        (
            "Massoud insisted he had not left the valley.",
            {Leadership(MASSOUD, None, None, "denied")},
        ),
        # Whereabouts from what a person did somewhere.
        (
            "Dune told journalists in Bazarak that the brigades would not disarm.",
            {Leadership(DUNE, None, None, "located")},
        ),
        (
            "Massoud visited the front line near Rukha on Monday.",
            {Leadership(MASSOUD, None, None, "located")},
        ),
        (
            "Saleh was spotted at a hotel in Dushanbe last week.",
            {Leadership(SALEH, None, None, "located")},
        ),
        (
            "Dune addressed fighters at a mosque in Bazarak, the brigades said.",
            {Leadership(DUNE, None, None, "located")},
        ),
        # An office kept for the future is still held.
        (
            "The NRF said Massoud would remain its political leader.",
            {Leadership(MASSOUD, "political leader", NRF, "claimed")},
        ),
        # A later clause that denies the rumour by referring back to it.
        (
            "Rumours that Massoud had been killed spread on Monday, but the NRF denied them.",
            {Leadership(MASSOUD, None, None, "killed"), Leadership(MASSOUD, None, None, "denied")},
        ),
        # A premodifier with a kind of organization before the office: the office alone; a
        # bare title is no office, and neither is a former one.
        (
            "Rebel leader Kara Dune spoke to the crowd.",
            {Leadership(DUNE, "leader", None, "claimed")},
        ),
        ("General Kara Dune spoke to the crowd.", set()),
        # ... and so are "government" and words that describe the person, not the office.
        (
            "Government spokesman Kara Dune spoke to the crowd.",
            {Leadership(DUNE, "spokesman", None, "claimed")},
        ),
        (
            "Kara Dune, the entrenched leader of the LDB, spoke to the crowd.",
            {Leadership(DUNE, "leader", LDB, "claimed")},
        ),
        # An acronym before the office names its body.
        (
            "Kara Dune, the LDF chairman, spoke to the crowd.",
            {Leadership(DUNE, "chairman", "LDF", "claimed")},
        ),
        # ... but not across a verb of speech: the speaker's body is not the office's.
        (
            "A UN spokesman said President Kara Dune had left the capital.",
            {Leadership(DUNE, "president", None, "claimed")},
        ),
        # A fate dated years back is history, not news.
        ("Dune was killed in an ambush on 9 September 2001.", set()),
        # Appointments of another era, or to a post since left, are not current.
        ("Dune was appointed deputy commander of the brigades in 2015.", set()),
        ("Saleh was made first vice president in 2020, a role he kept until the collapse.", set()),
    ],
)
def test_more_leadership_patterns(sentence: str, expected: set[Leadership]) -> None:
    assert _facts(sentence) == expected
