"""Phrases around a place that the control words read: a possessive owner before the place
("Varland's Kastrel town"), a village after it ("Kastrel village"), and a holding quoted
without its verb ('"Firmly in control of Kastrel," X said'), held by the side that speaks."""

from __future__ import annotations

import pytest
from control_facts import Holding, read_by_control

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Coast Militia", "group", ("CM", "coastal rebels")),
    EntityRef("Northern Army", "group", ("Northern troops",)),
    EntityRef("Dren Vasko", "person", ("Vasko",), affiliation="Coast Militia"),
    EntityRef("Kastrel", "place", ()),
)
CM, NORTH = "Coast Militia", "Northern Army"


def _values(sentence: str) -> list[Holding]:
    return read_by_control(sentence, ENTITIES)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Northern troops have taken full control of Varland's Kastrel town.",
            [("Kastrel", NORTH, "captured")],
        ),
        ("Northern troops captured Kastrel village on Friday.", [("Kastrel", NORTH, "captured")]),
        (
            '"Firmly in control of #Kastrel," CM spokesman Dren Vasko tweeted on Sunday.',
            [("Kastrel", CM, "holds")],
        ),
        ("Coastal rebels say 'in control' of Varland's Kastrel", [("Kastrel", CM, "holds")]),
        (
            "Northern troops shelled the old fortress of Kastrel, which had fallen to CM fighters"
            " in August.",
            [("Kastrel", CM, "captured")],
        ),
    ],
)
def test_phrases(sentence: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert _values(sentence) == expected


def test_a_verbless_holding_without_a_speaker_has_no_holder() -> None:
    assert _values('"In control of Kastrel" was the headline.') == []
