"""Shapes of a count of losses: a part of a whole an owner has ("43 of the base's 60
troops died": 43 died), more of the people counted before ("killing four soldiers and
seriously wounding five others": five of them wounded), and "the loss of N soldiers" a side
owns, and the side a death toll includes. Sentences written for this test."""

from __future__ import annotations

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef, FactKind, ForceSize

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Northern Army", "group"),
    EntityRef("Dorn", "place"),
)
KINDS: tuple[FactKind, ...] = ("casualties", "force_size")


def read(text: str) -> list[tuple[str, str, int | None, int | None]]:
    out = []
    for c in extract_claims(text, ENTITIES, KINDS, year=2025):
        if isinstance(v := c.value, Casualties):
            out.append(("losses", v.subject, v.killed_min, v.wounded_min))
        elif isinstance(v, ForceSize):
            out.append(("force", v.subject, v.min, v.max))
    return out


def test_the_part_of_an_owned_whole_is_what_was_lost() -> None:
    text = "Officers said 43 of the outpost's 60 Northern Army soldiers died in the raid."
    # 43 died; the outpost's 60 are a garrison, no force of the army's
    assert read(text) == [("losses", "Northern Army", 43, None)]


def test_others_after_a_count_of_losses_are_more_of_the_same_side() -> None:
    text = (
        "KDF fighters stormed a Northern Army post, killing four soldiers and seriously "
        "wounding five others, the army said."
    )
    assert read(text) == [("losses", "Northern Army", 4, 5)]


def test_others_that_no_count_of_losses_comes_before_are_nobodys() -> None:
    text = "The KDF said it had wounded five others near Dorn."
    assert read(text) == []


def test_the_loss_of_men_a_side_owns_is_its_dead() -> None:
    assert read("The Northern Army acknowledged the loss of 14 soldiers near Dorn.") == [
        ("losses", "Northern Army", 14, None)
    ]
    assert read("The loss of 14 Northern Army soldiers shocked the capital.") == [
        ("losses", "Northern Army", 14, None)
    ]
    # denied, or owned by nobody named: no losses
    assert read("The Northern Army denied the loss of 14 soldiers.") == []
    assert read("Officials acknowledged the loss of 14 soldiers near Dorn.") == []


def test_the_side_a_death_toll_includes_is_counted_as_the_toll_is() -> None:
    text = "The death toll from the raid on Dorn rose to 45, including 30 Northern Army soldiers."
    found = [
        (v.subject, v.killed_min, v.scope)
        for c in extract_claims(text, ENTITIES, KINDS, year=2025)
        if isinstance(v := c.value, Casualties)
    ]
    assert found == [("Northern Army", 30, "cumulative")]
    assert read("The number of wounded rose to 45, including 30 Northern Army soldiers.") == []
