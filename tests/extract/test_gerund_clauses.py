"""A gerund after a preposition has the subject of the verb it modifies ("the army retreated
after losing 14 soldiers": the army lost them); a deed a side denies doing, or is only bent on
doing, is none. Sentences written for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef, TerritorialControl

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Northern Army", "group"),
    EntityRef("Dorn", "place"),
    EntityRef("Mirel", "place"),
)


def told(text: str) -> list[tuple[str | None, ...]]:
    found: list[tuple[str | None, ...]] = []
    for claim in extract_claims(text, ENTITIES, year=2025):
        value = claim.value
        if isinstance(value, Casualties):
            found.append((value.subject, str(value.killed_min), str(value.captured_min)))
        elif isinstance(value, TerritorialControl):
            found.append((value.place, value.controller, value.status))
    return found


@pytest.mark.parametrize(
    ("text", "loss"),
    [
        ("The Northern Army retreated after losing 14 soldiers.", ("Northern Army", "14", "None")),
        (
            "The Northern Army withdrew from Dorn after losing 40 soldiers in two days.",
            ("Northern Army", "40", "None"),
        ),
        ("The KDF lost 14 comrades in a clash near Dorn.", ("Kelso Defence Front", "14", "None")),
        (
            "Twenty Northern Army soldiers surrendered after losing 14 of their comrades.",
            ("Northern Army", "14", "20"),
        ),
    ],
)
def test_the_gerund_loses_what_the_subject_of_its_verb_lost(
    text: str, loss: tuple[str, str, str]
) -> None:
    assert told(text) == [loss]


@pytest.mark.parametrize(
    "text",
    [
        "The KDF denied capturing Dorn.",
        "The KDF denied having captured Dorn.",
    ],
)
def test_a_capture_the_taker_denies_is_no_claim_of_it(text: str) -> None:
    assert told(text) == [("Dorn", None, "denies_captured")]


@pytest.mark.parametrize(
    "text",
    [
        "The KDF is intent on capturing Mirel.",
        "The KDF appears bent on seizing Mirel before winter.",
        "The KDF is poised to capture Mirel.",
        "The KDF seemed eager to take Mirel.",
    ],
)
def test_a_deed_a_side_is_bent_on_is_not_done(text: str) -> None:
    assert told(text) == []


def test_a_deed_done_before_the_main_verb_stays_done() -> None:
    assert told("The KDF captured Dorn, eager to reach the coast.") == [
        ("Dorn", "Kelso Defence Front", "captured")
    ]
