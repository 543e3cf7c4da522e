"""A force's size in the fact box of its own page ("Active personnel | 9,000 (est. 2023)",
"| size = 1200"). Texts written for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, ForceSize

FORCE: tuple[FactKind, ...] = ("force_size",)
KDF = "Kelso Defence Front"
ENTITIES = (
    EntityRef(KDF, "group", ("KDF",)),
    EntityRef("Varland Armed Forces", "group", ("Varland army",)),
    EntityRef("Dorn", "place"),
)


def _sizes(text: str) -> set[tuple[str, int | None, int | None, str]]:
    return {
        (c.value.subject, c.value.min, c.value.max, c.value.qualifier)
        for c in extract_claims(text, ENTITIES, FORCE, year=2025)
        if isinstance(c.value, ForceSize)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kelso Defence Front KDF | |\nFounded | 3 May 2019 |\nHeadquarters | Dorn |\n"
            "Active personnel | 9,000 (est. 2023) |\nAllies | none |",
            (KDF, 9000, 9000, "approx"),
        ),
        (
            "Open main menu\n\nThe front is an armed group in Varland.\n\nKelso Defence Front\n"
            "Founded2019\nActive personnel12,500, with reserves of 3,000\n",
            (KDF, 12500, 12500, "exact"),
        ),
        (
            "Kelso Defence Front {{Infobox military unit\n| unit_name = Kelso Defence Front\n"
            "| image_size = 220px\n| size = 1200\n| garrison = Dorn\n}}",
            (KDF, 1200, 1200, "exact"),
        ),
        (
            "Kelso Defence Front\n| Size | 4,000–6,000 |\n| Leader | none |",
            (KDF, 4000, 6000, "range"),
        ),
    ],
)
def test_a_fact_box_gives_its_pages_group_a_size(
    text: str, expected: tuple[str, int | None, int | None, str]
) -> None:
    assert expected in _sizes(text)


@pytest.mark.parametrize(
    "text",
    [
        # a battle's box: its strength row has a column per side
        "Battle of Dorn\nBelligerents | Kelso Defence Front | Varland army |\n"
        "Strength | 9,000 | 12,000 |",
        # the page is not the group's: its title names no configured group
        "Dorn\nCountry | Varland |\nPopulation | 40,000 |\nActive personnel | 9,000 |",
        # an image's size, and a size told in prose after a space
        "Kelso Defence Front\n| image_size = 220px\n| logo_size = 80\n",
        "KDF fighters entered Dorn on Monday.\nThe front doubled in size 2 years ago.",
        # the reserve is not the active force
        "Kelso Defence Front\nReserve personnel40,000\n",
    ],
)
def test_no_size_from_other_rows_or_pages(text: str) -> None:
    assert _sizes(text) == set()
