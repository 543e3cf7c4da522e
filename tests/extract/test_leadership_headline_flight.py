"""A flight told in a headline's present ("President X flees to Y as rebels advance"): the
headline drops the auxiliary and tells the past in the present; after the name, "flees" or
"escapes" is the fate where the clause opens the line, follows another headline clause, or is
what someone says. Prose, which ends with a full stop, is not read this way. Every sentence
was written for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, Leadership

LEADERSHIP: tuple[FactKind, ...] = ("leadership",)

ENTITIES = (
    EntityRef("Lina Vard", "person", ("Vard",)),
    EntityRef("Dorn", "place"),
    EntityRef("Kastrel", "place"),
)


def _fates(text: str) -> set[tuple[str, str | None]]:
    claims = extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
    return {
        (c.value.status, c.value.location)
        for c in claims
        if isinstance(c.value, Leadership) and c.value.status in ("fled", "killed")
    }


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Leader Lina Vard flees to Kastrel as rebels seize Dorn", "Kastrel"),
        ("President Vard flees to Kastrel as rebels seize Dorn", None),
        ("Rebels enter Dorn, President Lina Vard flees", None),
        ("Army says Vard escapes from Dorn after raid", None),
        ("Lina Vard flees Dorn", None),
    ],
)
def test_a_headline_flight(text: str, where: str | None) -> None:
    fates = _fates(text)
    assert {s for s, _ in fates} == {"fled"}
    if where is not None:
        assert ("fled", where) in fates


@pytest.mark.parametrize(
    "text",
    [
        # prose: a full stop ends it
        "President Vard flees to Kastrel every summer.",
        # the name is not the clause's subject
        "Thousands flee Dorn as Vard's troops advance",
        "Rebels chase Vard's guards, who flee to Kastrel",
    ],
)
def test_no_headline_flight(text: str) -> None:
    assert _fates(text) == set()
