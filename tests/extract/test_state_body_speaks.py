"""A state's body named by its nationality ("the Varnian defence ministry") speaks for the
side configured as that nationality's forces: a capture it tells by that side is the side's
claim, and "its servicemen" are the side's. Sentences written for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, ControlStatus, EntityRef, FactKind, TerritorialControl

VARNIA = "Varnian Armed Forces"
ENTITIES = (
    EntityRef(VARNIA, "group", ("Varnia", "Varnian forces", "Varnian troops")),
    EntityRef("Osmanian Armed Forces", "group", ("Osmania", "Osmanian forces")),
    EntityRef("Tamsk", "place"),
)
KINDS: tuple[FactKind, ...] = ("territorial_control", "casualties")


def values(text: str) -> list[object]:
    return [c.value for c in extract_claims(text, ENTITIES, KINDS, year=2025)]


@pytest.mark.parametrize(
    ("speaker", "status"),
    [
        ("the Varnian defence ministry", "claims_captured"),
        ("the Varnian general staff", "claims_captured"),
        ("the Osmanian defence ministry", "captured"),
    ],
)
def test_a_capture_told_by_the_takers_state_is_its_claim(
    speaker: str, status: ControlStatus
) -> None:
    text = f"Varnian forces have captured Tamsk, {speaker} said on Wednesday."
    assert values(text) == [TerritorialControl("Tamsk", VARNIA, status)]


def test_its_servicemen_are_the_speaking_states() -> None:
    text = "The Varnian defence ministry said 40 of its servicemen had been killed in Tamsk."
    assert [(v.subject, v.killed_min) for v in values(text) if isinstance(v, Casualties)] == [
        (VARNIA, 40)
    ]
