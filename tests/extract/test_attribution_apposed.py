"""A speaker named before an apposition that gives his office without an article ("X,
spokesman for the front, said"), and names with a lowercase particle ("Ali al-Varen")."""

from __future__ import annotations

import pytest

from monitor.extract.language.attribution import find_speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            '"The port is ours," Ilir al-Doda, spokesman for the units loyal to the Coast'
            " Militia (CM), told reporters on Monday.",
            "Ilir al-Doda",
        ),
        (
            "The town has fallen, Jan de Varen, commander of the push along the northern coast,"
            " said by telephone.",
            "Jan de Varen",
        ),
        ("The town has fallen, Dren Vasko, a militia spokesman, said.", "Dren Vasko"),
    ],
)
def test_the_name_before_an_apposed_office_speaks(sentence: str, speaker: str) -> None:
    found = find_speaker(sentence)
    assert found is not None and found.text == speaker


def test_an_apposition_after_a_common_noun_is_not_a_name() -> None:
    """Near miss: before the office stands no name, so the office itself speaks."""
    found = find_speaker("The town has fallen, local elders, spokesman for the council, said.")
    assert found is not None and found.text == "spokesman for the council"
