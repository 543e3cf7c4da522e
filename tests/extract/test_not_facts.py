"""What is no present fact though its words tell one: what a speaker or a believer held before
("had previously believed that", "initially reported that") or a figure a newer one replaced;
what almost happened ("nearly captured", "came close to capturing"); a report a verdict calls
false ("reports that ... proved false"); and the fighters a task would need. Sentences written
for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, ForceSize, TerritorialControl

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Ilse Sato", "person", affiliation="Kelso Defence Front"),
    EntityRef("Dorn", "place"),
)


def values(text: str) -> list[object]:
    return [c.value for c in extract_claims(text, ENTITIES, year=2025)]


@pytest.mark.parametrize(
    "text",
    [
        "Analysts had previously believed that the KDF had about 10,000 fighters.",
        "Officials initially reported that Ilse Sato had been killed in the strike.",
        "The KDF, which previously had 10,000 fighters, is now much smaller.",
        "The new figure is up from a previous estimate of at least 10,000 KDF fighters.",
    ],
)
def test_a_superseded_belief_or_figure_is_no_fact(text: str) -> None:
    assert values(text) == []


def test_the_present_belief_stands() -> None:
    found = values("Analysts believe that the KDF has about 12,000 fighters.")
    assert [getattr(v, "min", None) for v in found] == [12000]


def test_an_earlier_word_on_another_verb_leaves_the_present_report_alone() -> None:
    # the nearest reporting verb tells when the report was held; "previously" is another's
    text = "Aides who had previously met reporters said Ilse Sato had been killed."
    assert [getattr(v, "status", None) for v in values(text)] == ["killed"]


def test_the_present_report_beside_an_earlier_one_stands() -> None:
    text = "The army previously put the toll at 20 but now says 40 KDF fighters were killed."
    assert [getattr(v, "killed_min", None) for v in values(text)] == [40]


@pytest.mark.parametrize(
    "text",
    [
        "The KDF nearly captured Dorn last week.",
        "The KDF almost overran Dorn before the rains.",
        "The KDF came close to capturing Dorn in March.",
        "Reports that the KDF had captured Dorn proved false.",
        "Reports that the KDF had captured Dorn turned out to be untrue.",
        "Claims that Ilse Sato had been killed were baseless.",
        "The KDF would need 5,000 fighters to hold Dorn.",
        "Holding Dorn requires 3,000 KDF troops, analysts say.",
    ],
)
def test_nothing_that_did_not_happen_is_read(text: str) -> None:
    assert values(text) == []


def test_what_did_happen_beside_it_stands() -> None:
    found = values("The KDF came close to Dorn on Monday and captured it on Tuesday.")
    assert TerritorialControl("Dorn", "Kelso Defence Front", "captured") in found
    sizes = values("Nearly 5,000 KDF fighters hold Dorn.")
    assert [v.max for v in sizes if isinstance(v, ForceSize)] == [5000]


def test_the_present_size_beside_the_superseded_one_stands() -> None:
    text = "The KDF, which previously had 10,000 fighters, now numbers fewer than 2,000."
    found = [(v.min, v.max) for v in values(text) if isinstance(v, ForceSize)]
    assert found == [(None, 2000)]
