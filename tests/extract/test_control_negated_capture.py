"""A capture told negated by a side other than the taker is that side's denial
(monitor/extract/control/telling.py, `denied_by_teller`): "X did not fall to Y, the army said".
Told by nobody, by the taker itself, as a forecast, or as a liberation not yet done, it is no
fact. Every sentence was written for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, TerritorialControl

ENTITIES = (
    EntityRef("Northern Liberation Army", "group", ("NLA",)),
    EntityRef("Federal Army", "group", ("the army",)),
    EntityRef("Varno", "place"),
    EntityRef("Osk", "place"),
)


def _control(text: str) -> list[tuple[str, str | None, str, str | None]]:
    claims = extract_claims(text, ENTITIES, ["territorial_control"], year=2025)
    return [
        (c.value.place, c.value.controller, c.value.status, c.claimed_by)
        for c in claims
        if isinstance(c.value, TerritorialControl)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Varno did not fall to the NLA, the army said.",
        'The town of Varno "did not completely fall" to NLA rebels, the army said on Monday.',
        "The NLA has not captured Varno, the army insisted in a statement.",
    ],
)
def test_a_capture_the_defender_tells_negated_is_its_denial(text: str) -> None:
    [(place, controller, status, _)] = _control(text)
    assert (place, controller, status) == ("Varno", "Federal Army", "denies_captured")


@pytest.mark.parametrize(
    "text",
    [
        "The NLA did not capture Varno.",  # told by nobody: no fact either way
        "The town of Varno would never fall, the army said.",  # a forecast
        "The army said it had not yet liberated Osk.",  # the liberators' own "not yet"
    ],
)
def test_no_denial_without_another_side_telling_a_past_capture(text: str) -> None:
    assert [c for c in _control(text) if c[1] == "Federal Army"] == []
