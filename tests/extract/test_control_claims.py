"""Who claims a capture: a participle of claiming ("fighters claiming to have taken X") is a
claim, and a speaker that is the taker's own spokesman or a definite description of it ("a
spokesman for the rebels", "the ethnic rebel group") makes the capture its claim."""

from __future__ import annotations

import pytest
from control_facts import Holding, read_by_control

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Coast Militia", "group", ("CM",)),
    EntityRef("Northern Army", "group", ("Northern troops",)),
    EntityRef("Kastrel", "place", ()),
)
CM = "Coast Militia"


def _values(sentence: str) -> list[Holding]:
    return read_by_control(sentence, ENTITIES)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Videos showed fighters claiming to have taken Kastrel from inside the town.",
            [("Kastrel", None, "claims_captured")],
        ),
        (
            "The Coast Militia has captured the port town of Kastrel, a spokesman for the rebels"
            " said on Sunday.",
            [("Kastrel", CM, "claims_captured")],
        ),
        (
            "CM fighters captured Kastrel, the ethnic rebel group said.",
            [("Kastrel", CM, "claims_captured")],
        ),
        (
            "CM fighters captured Kastrel town at the weekend, the ethnic army said.",
            [("Kastrel", CM, "claims_captured")],
        ),
        (
            "The Coast Militia has captured Kastrel, a spokesman for the army said.",
            [("Kastrel", CM, "captured")],
        ),
    ],
)
def test_claims_and_reports(sentence: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert _values(sentence) == expected


def test_a_gerund_of_capture_in_a_subordinate_clause_is_still_background() -> None:
    assert _values("After claiming to have taken Kastrel, the fighters moved on.") == []
