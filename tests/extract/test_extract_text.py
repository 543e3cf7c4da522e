"""Shared text helpers of the extract stage: sentences, amounts, mentions, speakers, hedges."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.extract.language.attribution import find_speaker, is_hedged
from monitor.extract.language.mentions import find_mentions
from monitor.extract.language.numbers import find_amounts
from monitor.extract.language.text import split_sentences
from monitor.records import EntityRef, ForceSize, Leadership


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Doe arrived. He left.", ["Mr. Doe arrived.", "He left."]),
        (
            "U.S. forces left on Monday. Gen. Miller said so.",
            ["U.S. forces left on Monday.", "Gen. Miller said so."],
        ),
        (
            "J. R. Smith has 2.5 million followers. That is many.",
            ["J. R. Smith has 2.5 million followers.", "That is many."],
        ),
        ('"We will fight." The commander left.', ['"We will fight."', "The commander left."]),
        ('"Are you sure?" he asked. Yes.', ['"Are you sure?" he asked.', "Yes."]),
        ("Headline without stop\n\nBody text here.", ["Headline without stop", "Body text here."]),
        ("Fighting began at 10.30 a.m. on Sunday.", ["Fighting began at 10.30 a.m. on Sunday."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2,500 men", [(2500, 2500, "exact")]),
        ("about 9000", [(9000, 9000, "approx")]),
        ("six thousand", [(6000, 6000, "exact")]),
        ("two and a half thousand", [(2500, 2500, "exact")]),
        ("twenty-five hundred", [(2500, 2500, "exact")]),
        ("half a million", [(500000, 500000, "exact")]),
        ("a few hundred", [(200, 499, "range")]),
        ("dozens", [(24, 99, "range")]),
        ("hundreds", [(200, 999, "range")]),
        ("several thousand", [(3000, 9999, "range")]),
        ("thousands", [(2000, 9999, "range")]),
        ("tens of thousands", [(20000, 99999, "range")]),
        ("more than 400", [(400, None, "at_least")]),
        ("in excess of 400", [(400, None, "at_least")]),
        ("does not yet exceed 2,500", [(None, 2500, "at_most")]),
        ("no more than 300", [(None, 300, "at_most")]),
        ("almost 300", [(None, 300, "at_most")]),
        ("between 2,000 and 3,000", [(2000, 3000, "range")]),
        ("2,000 to 3,000", [(2000, 3000, "range")]),
        ("2,000-3,000", [(2000, 3000, "range")]),
        ("five to six thousand", [(5000, 6000, "range")]),
        ("1,500 or so", [(1500, 1500, "approx")]),
        ("in 1996 and 2001", [(1996, 1996, "exact"), (2001, 2001, "exact")]),
        ("60% and 150km and $2bn", []),
        ("at 10.30", []),
        # thousands grouped by a plain, no-break or thin space, as some outlets write them
        ("a 10 000-strong force", [(10000, 10000, "exact")]),
        ("over 30\u00a0000 people", [(30000, None, "at_least")]),
        ("1\u202f200\u202f000 displaced", [(1200000, 1200000, "exact")]),
        ("in 2014 300 fighters", [(2014, 2014, "exact"), (300, 300, "exact")]),
        ("between 12 and 300 fighters", [(12, 300, "range")]),
    ],
)
def test_find_amounts(text: str, expected: list[tuple[int | None, int | None, str]]) -> None:
    assert [(a.min, a.max, a.qualifier) for a in find_amounts(text)] == expected


PEOPLE = (
    EntityRef("Ahmad Massoud", "person", ("Massoud",)),
    EntityRef("Idris Tal", "person", ("Tal",)),
    EntityRef("Kivu Defence Force", "group", ("KDF", "the force")),
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ahmad Massoud spoke.", ["Ahmad Massoud"]),
        ("Massoud spoke.", ["Ahmad Massoud"]),
        ("Commander Massoud spoke.", ["Ahmad Massoud"]),
        ("Yesterday Massoud spoke.", ["Ahmad Massoud"]),
        ("Ahmad Shah Massoud spoke.", []),
        ("Massoud Khalili spoke.", []),
        ("the late Massoud spoke.", []),
        ("Tal and the KDF met.", ["Idris Tal", "Kivu Defence Force"]),
        ("Tala and Talk met.", []),
        ("Sheikh Yusuf Tal spoke.", []),
    ],
)
def test_find_mentions(sentence: str, expected: list[str]) -> None:
    assert [m.entity.name for m in find_mentions(sentence, PEOPLE)] == expected


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The force has 300 men, according to local officials.", "local officials"),
        ("Militia officials said the town had fallen.", "Militia officials"),
        (
            "The town fell, a spokeswoman for the militia told reporters.",
            "a spokeswoman for the militia",
        ),
        ('"We hold the town," said Idris Tal, the militia chief.', "Idris Tal"),
        ("Idris Tal, the militia chief, said the town had fallen.", "Idris Tal"),
        ("A commander, who asked not to be named, said the town fell.", "a commander"),
        ("The fighters are said to be tired.", None),
        ("The claim could not be verified.", None),
        ("The town fell on Monday.", None),
    ],
)
def test_find_speaker(sentence: str, speaker: str | None) -> None:
    found = find_speaker(sentence)
    assert (found.text if found else None) == speaker


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        ("He reportedly fled.", True),
        ("He is rumored to have fled.", True),
        ("He allegedly fled.", True),
        ("He is said to have fled.", True),
        ("He is believed to be alive.", True),
        ("The report is unconfirmed.", True),
        ("The claim could not be independently verified.", True),
        ("He may have fled.", True),
        ("Officials suggested he had fled.", True),
        ("He fled in May.", False),
        ("He fled on Monday, officials said.", False),
    ],
)
def test_is_hedged(sentence: str, hedged: bool) -> None:
    assert is_hedged(sentence) is hedged


ARTICLE = """Militia fighters clash near the lake

The Kivu Defence Force has about 1,200 fighters, according to a spokesman. Idris Tal, the KDF's
commander, was seen in Goma on Monday. The Gen. Ndala column of 300 vehicles left at 10.30 a.m.
"""


def test_extract_claims_runs_requested_kinds() -> None:
    entities = (*PEOPLE,)
    claims = extract_claims(ARTICLE, entities)
    assert [c.value for c in claims] == [
        ForceSize("Kivu Defence Force", 1200, 1200, "approx", "fighters"),
        Leadership("Idris Tal", "commander", "Kivu Defence Force", "claimed"),
        Leadership("Idris Tal", "commander", "Kivu Defence Force", "located", "Goma"),
    ]
    assert claims[0].claimed_by == "a spokesman"
    only_force = extract_claims(ARTICLE, entities, kinds=("force_size", "casualties"))
    assert [c.value.kind for c in only_force] == ["force_size"]
    assert extract_claims(ARTICLE, entities, kinds={"territorial_control"}) == []
    assert extract_claims(ARTICLE, ()) == []
