"""Counts of a side's members told by a common noun: guerrillas and gunmen are irregulars (the
one irregular group in view), a police force is nobody's soldiers or troops, and soldiers a group
has are its own. Sentences written for this test, invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef, ForceSize

ENTITIES = (
    EntityRef("Marsh Front", "group", ("MF", "Marsh Front rebels")),
    EntityRef("Dorvan army", "group", ("the army",)),
    EntityRef("Dorvan National Police", "group", ("police officers", "Dorvan police")),
    EntityRef("Kestrel", "place", ()),
)


def forces(text: str) -> set[tuple[str, int | None]]:
    found = extract_claims(text, ENTITIES, ["force_size"], year=2024)
    return {(c.value.subject, c.value.max) for c in found if isinstance(c.value, ForceSize)}


@pytest.mark.parametrize("noun", ["guerrillas", "gunmen"])
def test_a_count_of_guerrillas_or_gunmen_is_the_irregular_group_in_view(noun: str) -> None:
    text = f"The Marsh Front attacked Kestrel on Sunday. As many as 1,400 {noun} took part."
    assert ("Marsh Front", 1400) in forces(text)


def test_soldiers_are_not_the_police_in_view() -> None:
    text = (
        "Twelve police officers were held in Kestrel overnight. "
        "About 500 soldiers then fought their way into the town."
    )
    assert ("Dorvan National Police", 500) not in forces(text)


def test_soldiers_a_group_has_are_its_own_not_the_state_forces_in_view() -> None:
    text = (
        "The Dorvan army withdrew from Kestrel on Monday. "
        "The Marsh Front is believed to field 18,000 soldiers near Kestrel."
    )
    assert forces(text) == {("Marsh Front", 18000)}


def test_soldiers_a_group_killed_are_still_the_state_forces() -> None:
    text = "The Dorvan army held Kestrel. The Marsh Front said it had killed 200 soldiers there."
    found = extract_claims(text, ENTITIES, ["casualties"], year=2024)
    assert [c.value.subject for c in found if isinstance(c.value, Casualties)] == ["Dorvan army"]
