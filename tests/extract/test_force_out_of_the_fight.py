"""Men held, trapped, in flight or set free are no fighting strength (language/counts.py,
`not_a_force`): a count of them is no force size, while the same count that holds, fields or
attacks is one. Every sentence was written for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Claim, EntityRef, ForceSize

ENTITIES = (
    EntityRef("Northern Liberation Army", "group", ("NLA",)),
    EntityRef("Federal Army", "group", ("the army",)),
    EntityRef("Varno", "place"),
    EntityRef("Osk", "place"),
)


def _sizes(text: str) -> list[int | None]:
    claims: list[Claim] = extract_claims(text, ENTITIES, ["force_size"], year=2025)
    return [c.value.max for c in claims if isinstance(c.value, ForceSize)]


@pytest.mark.parametrize(
    "text",
    [
        "About 62 NLA fighters sought refuge in Osk after the battle.",
        "The 120 trapped NLA fighters waited three days for help.",
        "Some 3,000 NLA fighters fled to Osk on Sunday.",
        "The army freed 200 NLA fighters at the border.",
        "The NLA holds 300 Federal Army soldiers hostage in Varno.",
        "Some 45 NLA fighters were taken captive near Varno.",
    ],
)
def test_men_out_of_the_fight_are_no_force(text: str) -> None:
    assert _sizes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Some 3,000 NLA fighters attacked Varno at dawn.",
        "The NLA has 3,000 fighters in Varno.",
        "About 3,000 NLA fighters are holding Varno.",
    ],
)
def test_men_who_fight_or_hold_are_a_force(text: str) -> None:
    assert _sizes(text) == [3000]
