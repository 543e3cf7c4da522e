"""A sentence opened by an adverb or a phrase of time ("However,", "On Monday,") reads as the
sentence without it. Two readings depended on the opening: an acronym before an office names
its body anywhere in the sentence ("..., UN spokesman X"), and a nominal capture keeps its
taker when the parser hangs "by" on the place ("the capture of [X by Y]")."""

from __future__ import annotations

import pytest
from control_facts import KASTREL_WAR, NORTH, read_in_text
from leadership_facts import offices_read

from monitor.records import EntityRef, Leadership

PEOPLE = (EntityRef("Ana Sirel", "person", ("Sirel",)), *KASTREL_WAR)
TOWNS = (*KASTREL_WAR, EntityRef("Gornji Varo", "place", ()))


@pytest.mark.parametrize("opening", ["", "However, ", "On Monday, "])
def test_an_acronym_before_an_office_names_its_body(opening: str) -> None:
    text = f"{opening}UN spokeswoman Ana Sirel told reporters the road to Kastrel was closed."
    assert offices_read(text, PEOPLE) == {Leadership("Ana Sirel", "spokeswoman", "UN", "claimed")}


def test_an_acronym_separated_from_the_office_is_no_body() -> None:
    text = "A report on the ABC cited Defence Minister Ana Sirel as saying so."
    assert offices_read(text, PEOPLE) == {
        Leadership("Ana Sirel", "defence minister", None, "claimed")
    }


@pytest.mark.parametrize("opening", ["", "However, ", "On Monday, "])
def test_a_nominal_capture_keeps_its_taker(opening: str) -> None:
    text = f"{opening}the capture of Gornji Varo by northern forces was seen as a turning point."
    text = text[0].upper() + text[1:]
    assert read_in_text(text, TOWNS) == [("Gornji Varo", NORTH, "captured")]
