"""What did not happen or is not so: a capture that almost happened ("nearly captured",
"came close to capturing"), a report a verdict calls false ("reports that ... proved false"),
and the fighters a task would need. Sentences written for this test."""

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
