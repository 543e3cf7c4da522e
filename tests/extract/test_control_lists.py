"""Lists in a control sentence, on the parse: one fact per place given as an example
("including X and Y") and one per taker of a coordinated subject ("the A army and the B",
"A and B troops")."""

from __future__ import annotations

import pytest
from control_facts import Holding, read_in_text

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Northern Army", "group", ("Northern troops", "Northern forces")),
    EntityRef("Lake Brigade", "group", ("Lake",)),
    EntityRef("Coast Militia", "group", ("CM",)),
    EntityRef("Kastrel", "place", ()),
    EntityRef("Varo", "place", ()),
    EntityRef("Dunmor", "place", ()),
)
NORTH, LAKE, CM = "Northern Army", "Lake Brigade", "Coast Militia"


def _values(sentence: str) -> set[Holding]:
    return set(read_in_text(sentence, ENTITIES))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Coast Militia fighters seized most of the eastern province, including Varo and"
            " Dunmor, from the army.",
            {("Varo", CM, "captured"), ("Dunmor", CM, "captured")},
        ),
        (
            "Dunmor was finally occupied by the Lake Brigade and the Coast Militia on Sunday.",
            {("Dunmor", LAKE, "captured"), ("Dunmor", CM, "captured")},
        ),
        (
            "Northern and Lake troops retook the hills to the south, including Varo, last week.",
            {("Varo", NORTH, "retaken"), ("Varo", LAKE, "retaken")},
        ),
    ],
)
def test_one_fact_per_place_and_per_taker(
    sentence: str, expected: set[tuple[str, str | None, str]]
) -> None:
    assert _values(sentence) == expected


def test_lists_of_place_names_before_their_kind() -> None:
    said = (
        "Coast Militia fighters now control the Kastrel, Varo and Dunmor districts, local"
        " officials said."
    )
    assert _values(said) == {(p, CM, "holds") for p in ("Kastrel", "Varo", "Dunmor")}


def test_places_of_another_clause_are_not_examples() -> None:
    said = (
        "Coast Militia fighters seized Kastrel, a town which lies near several villages,"
        " including Varo."
    )
    assert _values(said) == {("Kastrel", CM, "captured")}


def test_the_rebels_refer_back_and_name_nobody_new() -> None:
    said = "Yet the rebels struck back, recapturing Dunmor by June."
    assert _values(said) == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Northern troops recaptured the towns of Kastrel, a key rebel base, and Varo.",
            {("Kastrel", NORTH, "retaken"), ("Varo", NORTH, "retaken")},
        ),
        (
            "Northern troops have captured the hill town of Kastrel, a rebel stronghold in the"
            " region, and the port of Varo.",
            {("Kastrel", NORTH, "captured"), ("Varo", NORTH, "captured")},
        ),
        (
            "The Coast Militia seized Kastrel, the largest town in the region, and Dunmor.",
            {("Kastrel", CM, "captured"), ("Dunmor", CM, "captured")},
        ),
    ],
)
def test_an_apposition_inside_a_list_keeps_the_places_after_it(
    sentence: str, expected: set[Holding]
) -> None:
    """The parser hangs the item after an apposition on the apposition, or on the verb."""
    assert _values(sentence) == expected
