"""Force size extraction: tables of sentences and the claims they must (or must not) yield."""

from __future__ import annotations

import pytest

from monitor.extract.force import extract_force_sizes
from monitor.records import EntityRef, ForceSize

ENTITIES = (
    EntityRef("Taliban", "group", ("Taleban",)),
    EntityRef("National Resistance Front", "group", ("resistance", "NRF")),
    EntityRef("Lakeside Defence Brigades", "group", ("the brigades", "LDB")),
    EntityRef("Sahel Liberation Movement", "group", ("SLM",)),
    EntityRef("Kara Dune", "person", ("Dune",)),
    EntityRef("Panjshir", "place", ("Panjsher",)),
)

TALIBAN, NRF, LDB, SLM = (e.name for e in ENTITIES[:4])

Row = tuple[str, str | None, int | None, int | None, str, str]

POSITIVE: list[Row] = [
    (
        "The Taliban sent 5,000 fighters against the resistance.",
        TALIBAN,
        5000,
        5000,
        "exact",
        "fighters",
    ),
    ("The resistance has about 9,000 fighters.", NRF, 9000, 9000, "approx", "fighters"),
    ("The SLM fields roughly 1200 fighters in the north.", SLM, 1200, 1200, "approx", "fighters"),
    ("The brigades can call on some 2,500 men.", LDB, 2500, 2500, "approx", "men"),
    ("An estimated 800 militiamen have joined the SLM.", SLM, 800, 800, "approx", "militiamen"),
    (
        "The Taliban have massed more than 10,000 troops near the pass.",
        TALIBAN,
        10000,
        None,
        "at_least",
        "troops",
    ),
    ("The SLM now has at least 4,000 combatants.", SLM, 4000, None, "at_least", "combatants"),
    ("The resistance has upwards of 3,000 volunteers.", NRF, 3000, None, "at_least", "volunteers"),
    ("The brigades have up to 600 commandos.", LDB, None, 600, "at_most", "commandos"),
    ("The NRF has fewer than 2,000 guerrillas.", NRF, None, 2000, "at_most", "guerrillas"),
    ("The SLM has nearly 5,000 recruits.", SLM, None, 5000, "at_most", "recruits"),
    (
        "The Taliban deployed between 6,000 and 7,000 soldiers.",
        TALIBAN,
        6000,
        7000,
        "range",
        "soldiers",
    ),
    ("The brigades have 2,000-3,000 fighters.", LDB, 2000, 3000, "range", "fighters"),
    ("The SLM has five to six thousand fighters.", SLM, 5000, 6000, "range", "fighters"),
    ("The resistance has six thousand fighters.", NRF, 6000, 6000, "exact", "fighters"),
    ("The resistance has two and a half thousand fighters.", NRF, 2500, 2500, "exact", "fighters"),
    ("The brigades have a few hundred fighters left.", LDB, 200, 499, "range", "fighters"),
    (
        "The Taliban have sent thousands of fighters to the valley.",
        TALIBAN,
        2000,
        9999,
        "range",
        "fighters",
    ),
    (
        "The Taliban have sent tens of thousands of fighters north.",
        TALIBAN,
        20000,
        99999,
        "range",
        "fighters",
    ),
    (
        "The SLM is believed to have several thousand fighters.",
        SLM,
        3000,
        9999,
        "range",
        "fighters",
    ),
    ("Dozens of SLM fighters crossed the river.", SLM, 24, 99, "range", "fighters"),
    (
        "Hundreds of Taliban fighters gathered at the checkpoint.",
        TALIBAN,
        200,
        999,
        "range",
        "fighters",
    ),
    (
        "Some 2,000 Taliban were massing at the mouth of the valley.",
        TALIBAN,
        2000,
        2000,
        "approx",
        "fighters",
    ),
    ("The resistance's 2,500 fighters are dug in.", NRF, 2500, 2500, "exact", "fighters"),
    (
        "The SLM, which now numbers around 600 fighters, holds three villages.",
        SLM,
        600,
        600,
        "approx",
        "fighters",
    ),
    ("Fighters loyal to the SLM number about 3,000.", SLM, 3000, 3000, "approx", "fighters"),
    ("A 400-strong SLM militia entered the town.", SLM, 400, 400, "exact", "fighters"),
    (
        "Upwards of two and a half thousand recruits have joined the resistance.",
        NRF,
        2500,
        None,
        "at_least",
        "recruits",
    ),
    (
        "The number of ex-army and special forces fighters said to be gathering with the resistance"
        " does not exceed 2,500.",
        NRF,
        None,
        2500,
        "at_most",
        "fighters",
    ),
    (
        "Resistance commanders say their force does not yet exceed 3,000 men.",
        NRF,
        None,
        3000,
        "at_most",
        "men",
    ),
    ("The SLM has 5,000 or more fighters in the region.", SLM, 5000, None, "at_least", "fighters"),
    ("The Taleban moved 9000 troops into the province.", TALIBAN, 9000, 9000, "exact", "troops"),
]

NEGATIVE: list[str] = [
    "A 32-year-old resistance fighter was wounded 70 miles north of the capital.",
    "The Taliban seized 150km of highway and $2bn in assets.",
    "The resistance controls 60% of the valley, a commander said.",
    "The Taliban moved 300 vehicles carrying fighters toward the resistance.",
    "The resistance drew on tens of thousands of Soviet troops in the 1980s.",
    "In 1996 the Taliban had 45,000 troops.",
    "The Taliban lost 300 fighters in the attack, the resistance said.",
    "At least 40 SLM fighters were killed in the clashes.",
    "About 5,000 men, women and children fled the resistance stronghold.",
    "The brigades released 120 pictures of the fighting.",
    "Some 2,000 fighters have gathered in the hills.",  # no group named
    "The SLM held 3 meetings with 2,000 civilians.",
    "Hundreds of American troops were flown out while the Taliban watched.",
    "The Taliban said it had 400 prisoners.",
    "Dune, 54, has led the brigades since 2019.",
    "The SLM was founded in 2012 by 30 students.",
    "About 10,000 people marched in support of the resistance.",
]


def _values(sentence: str, year: int | None = None) -> list[ForceSize]:
    claims = extract_force_sizes(sentence, ENTITIES, year=year)
    return [c.value for c in claims]  # type: ignore[misc]


@pytest.mark.parametrize(("sentence", "subject", "low", "high", "qualifier", "unit"), POSITIVE)
def test_force_size(
    sentence: str, subject: str, low: int | None, high: int | None, qualifier: str, unit: str
) -> None:
    assert _values(sentence) == [ForceSize(subject, low, high, qualifier, unit)]  # type: ignore[arg-type]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_not_a_force_size(sentence: str) -> None:
    assert _values(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "claimed_by", "hedged"),
    [
        (
            "The resistance has about 9,000 fighters, according to a spokesman for the resistance.",
            "a spokesman for the resistance",
            False,
        ),
        (
            "Taliban officials said the resistance had no more than 1,000 fighters.",
            "Taliban officials",
            False,
        ),
        (
            '"We have 9,000 fighters," a resistance spokesman told reporters.',
            "a resistance spokesman",
            False,
        ),
        ("The SLM reportedly has 2,000 fighters.", None, True),
        (
            "The SLM has 2,000 fighters, a claim that could not be independently verified.",
            None,
            True,
        ),
        ("The brigades may have as many as 700 fighters, officials suggested.", "officials", True),
    ],
)
def test_attribution_and_hedges(sentence: str, claimed_by: str | None, hedged: bool) -> None:
    claims = extract_force_sizes(sentence, ENTITIES)
    assert [(c.claimed_by, c.hedged) for c in claims] == [(claimed_by, hedged)]


def test_subject_from_speaker_when_speaking_of_itself() -> None:
    claims = extract_force_sizes(
        "A resistance spokesman said it had 7,000 fighters ready.", ENTITIES
    )
    assert [c.value for c in claims] == [ForceSize(NRF, 7000, 7000, "exact", "fighters")]


def test_two_counts_two_claims() -> None:
    sentence = "The Taliban have 20,000 fighters in the province while the SLM has 1,500 fighters."
    assert _values(sentence) == [
        ForceSize(TALIBAN, 20000, 20000, "exact", "fighters"),
        ForceSize(SLM, 1500, 1500, "exact", "fighters"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2001 the Taliban had 45,000 troops.",
        "During the civil war the SLM had some 8,000 fighters.",
        "At its peak the resistance had tens of thousands of fighters.",
    ],
)
def test_other_eras_are_not_force_sizes(sentence: str) -> None:
    assert _values(sentence) == []


def test_growth_since_a_year_is_current() -> None:
    assert _values("The SLM has grown to 5,000 fighters since 2019.") == [
        ForceSize(SLM, 5000, 5000, "exact", "fighters")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Taliban said 600 of its fighters had entered the valley, but the resistance"
            " said it had killed 350 of them.",
            [ForceSize(TALIBAN, 600, 600, "exact", "fighters")],
        ),
        (
            'Taliban officials said they had sent "thousands" of fighters.',
            [ForceSize(TALIBAN, 2000, 9999, "range", "fighters")],
        ),
        (
            "The SLM says about 800 fighters have joined the resistance.",
            [ForceSize(NRF, 800, 800, "approx", "fighters")],
        ),
        (
            "The Taliban, who have encircled the valley with 10,000 fighters, say the"
            " resistance is finished.",
            [],
        ),
    ],
)
def test_whose_number(sentence: str, expected: list[ForceSize]) -> None:
    assert _values(sentence) == expected


def test_history_is_judged_against_the_article_year_not_the_clock() -> None:
    sentence = "In 2021 the resistance had about 9,000 fighters, its spokesman said."
    [claim] = extract_force_sizes(sentence, ENTITIES, year=2021)
    assert claim.value == ForceSize(NRF, 9000, 9000, "approx", "fighters")
    assert extract_force_sizes(sentence, ENTITIES, year=2026) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The antecedent of a relative clause owns the count in it.
        (
            "The Lakeside Defence Brigades, which boast some 4,000 fighters, shelled the port.",
            [ForceSize(LDB, 4000, 4000, "approx", "fighters")],
        ),
        (
            "The SLM, which diplomats believe numbers roughly 2,500, denies any foreign support.",
            [ForceSize(SLM, 2500, 2500, "approx", "fighters")],
        ),
        (
            "The resistance, which its commanders say has more than 7,000 men, held the ridge.",
            [ForceSize(NRF, 7000, None, "at_least", "men")],
        ),
        # A list that leaves out the verb: the second group shares the first count's unit.
        (
            "The SLM fields about 3,000 fighters and the brigades roughly 1,500, a UN panel said.",
            [
                ForceSize(SLM, 3000, 3000, "approx", "fighters"),
                ForceSize(LDB, 1500, 1500, "approx", "fighters"),
            ],
        ),
        (
            "The Taliban have 60,000 troops, the NRF 5,000.",
            [
                ForceSize(TALIBAN, 60000, 60000, "exact", "troops"),
                ForceSize(NRF, 5000, 5000, "exact", "troops"),
            ],
        ),
        # A group that speaks of itself after a clause about its enemy.
        (
            "Since the Taliban entered the capital, the SLM says it now has 2,000 fighters.",
            [ForceSize(SLM, 2000, 2000, "exact", "fighters")],
        ),
        (
            "When the Taliban closed the road, the brigades claimed they still had 900 men.",
            [ForceSize(LDB, 900, 900, "exact", "men")],
        ),
    ],
)
def test_relative_clauses_lists_and_self_reports(sentence: str, expected: list[ForceSize]) -> None:
    assert _values(sentence, year=2021) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # Past strength told in an appositive or a "when" clause after a past year.
        "The SLM was formed in 1998 by veterans of the old army, a column of 1,800 men.",
        "The brigades were created in 2009, when roughly 400 soldiers deserted their garrison.",
        # Losses counted past an aside.
        "The SLM admitted that 25 of its fighters, among them a senior officer, had died.",
        "About 60 Taliban fighters, including two commanders, were captured near the pass.",
        # Men who are not fighters.
        "The Taliban's council of 20 clerics includes no women and three men under sanctions.",
        # Another country's troops alongside a group.
        "Pakistan has about 2,000 troops fighting alongside the Taliban, a report said.",
        "The NRF, backed by 1,000 Tajik soldiers fighting alongside it, held the pass.",
        # Fighters who left with a leader, deserters.
        "Dune fled to the border with about 300 fighters as the SLM advanced.",
        "The SLM claimed that 70 Taliban troops had deserted.",
    ],
)
def test_past_losses_and_foreign_troops_are_not_force_sizes(sentence: str) -> None:
    assert extract_force_sizes(sentence, ENTITIES, year=2021) == []
