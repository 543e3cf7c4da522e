"""A place told of by two joined verbs, the second a passive or "fell to", is the subject of
both: "X was shelled for weeks and was captured by Y"; and a holding the sentence tells was
over ("held X until May") is none. Sentences written for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, TerritorialControl

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Northern Army", "group"),
    EntityRef("Dorn", "place"),
    EntityRef("Mirel", "place"),
)
CONTROL: tuple[FactKind, ...] = ("territorial_control",)
Holding = tuple[str, str | None, str]


def holdings(text: str) -> list[Holding]:
    return [
        (v.place, v.controller, v.status)
        for c in extract_claims(text, ENTITIES, CONTROL, year=2025)
        if isinstance(v := c.value, TerritorialControl)
    ]


@pytest.mark.parametrize(
    ("text", "holding"),
    [
        (
            "Dorn was shelled for three weeks and was finally captured by the KDF on Friday.",
            ("Dorn", "Kelso Defence Front", "captured"),
        ),
        (
            "The town of Dorn was besieged for a month and then overrun by the KDF.",
            ("Dorn", "Kelso Defence Front", "captured"),
        ),
        (
            "Dorn held out for a month and fell to the KDF on Friday.",
            ("Dorn", "Kelso Defence Front", "captured"),
        ),
        (
            "Dorn changed hands twice in March and is now held by the Northern Army.",
            ("Dorn", "Northern Army", "holds"),
        ),
    ],
)
def test_the_shared_subject_is_the_place_taken_or_held(text: str, holding: Holding) -> None:
    assert holding in holdings(text)


@pytest.mark.parametrize(
    "text",
    [
        # the shared subject is no place
        "The convoy left Dorn on Monday and was captured by the KDF near Mirel.",
        # the second verb has a subject of its own
        "Dorn was shelled on Monday and Mirel was captured by the KDF.",
        # a passive denied
        "Dorn was besieged for a month but never overrun by the KDF.",
    ],
)
def test_no_capture_of_the_first_verbs_place(text: str) -> None:
    assert [h for h in holdings(text) if h[0] == "Dorn" and h[1] is not None] == []


@pytest.mark.parametrize(
    "text",
    [
        "The KDF held Dorn until May.",
        "After holding Dorn for two years, the KDF withdrew in May.",
    ],
)
def test_a_holding_told_as_over_is_none(text: str) -> None:
    assert holdings(text) == []


def test_a_holding_until_now_lasts() -> None:
    assert holdings("The KDF has controlled Dorn until now.") == [
        ("Dorn", "Kelso Defence Front", "holds")
    ]
