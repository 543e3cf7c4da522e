"""Forces told without a name of their side: the side that tells of "troops" or "our forces"
calls them its own ("Troops recaptured X, the army said"); the words for an enemy ("rebels")
or a modifier that names another side are not the teller's. And a participle clause of a verb
of effort tells what the effort did ("pushed north, capturing X"), not an aim."""

from __future__ import annotations

import pytest
from control_facts import NLA, SOUTH, read_in_varno


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        ("Troops backed by aircraft recaptured Varno, the army said.", SOUTH),
        ("Soldiers recaptured Varno on Monday, General Brel said.", SOUTH),
        ("Our forces have retaken Varno, the NLA said in a statement.", NLA),
    ],
)
def test_forces_without_a_name_are_the_tellers_own(sentence: str, side: str) -> None:
    assert ("Varno", side, "retaken") in read_in_varno(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebel forces captured Varno, the army said.",  # the enemy's forces, in the army's words
        "Foreign troops captured Varno, the army said.",
        "Troops recaptured Varno on Monday.",  # nobody tells it: nobody's troops
    ],
)
def test_named_or_untold_forces_are_nobodys_we_follow(sentence: str) -> None:
    assert [r for r in read_in_varno(sentence) if r[1] is not None] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "NLA fighters pushed north, capturing Varno.",
        "NLA fighters drove south overnight, taking Varno by dawn.",
    ],
)
def test_a_participle_clause_of_a_push_is_what_the_push_took(sentence: str) -> None:
    assert read_in_varno(sentence) == [("Varno", NLA, "captured")]


@pytest.mark.parametrize(
    "sentence",
    [
        "NLA fighters pushed to capture Varno.",
        "The NLA's push to take Varno stalled in the hills.",
        "Southern troops blocked the road, preventing NLA fighters from taking Varno.",
    ],
)
def test_an_aim_or_an_averted_taking_is_no_capture(sentence: str) -> None:
    assert [r for r in read_in_varno(sentence) if r[2] == "captured"] == []
