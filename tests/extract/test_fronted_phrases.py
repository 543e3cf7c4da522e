"""A phrase set before the clause ("In Dorn, ...", "On Sunday, ...") is neither the speaker
nor, when it is a time ("in mid-May"), the place of the losses. Sentences written for this
test."""

from __future__ import annotations

import pytest
from kelso_war import losses_read


def told(text: str) -> list[tuple[str | None, str | None]]:
    return [(c.claimed_by, v.location) for v, c in losses_read(text)]


@pytest.mark.parametrize(
    "text",
    [
        "In Dorn, the KDF said it had killed 200 Northern Army soldiers.",
        "On Sunday, the KDF said it had killed 200 Northern Army soldiers.",
        "Meanwhile, the KDF said it had killed 200 Northern Army soldiers.",
    ],
)
def test_the_speaker_is_the_subject_not_the_phrase_before_it(text: str) -> None:
    assert [who for who, _ in told(text)] == ["the KDF"]


@pytest.mark.parametrize(
    "when",
    ["in mid-May", "in early June", "in late-March", "at the weekend", "in mid-2024"],
)
def test_a_time_is_no_place(when: str) -> None:
    assert told(f"The KDF said it killed 200 Northern Army soldiers {when}.") == [("the KDF", None)]


def test_a_name_before_an_office_still_speaks() -> None:
    text = "Jana Orlov, the KDF commander, said it had killed 200 Northern Army soldiers."
    assert [who for who, _ in told(text)] == ["Jana Orlov"]


@pytest.mark.parametrize(
    "text",
    [
        "The KDF said it had killed 200 Northern Army soldiers in Dorn.",
        "The KDF said its fighters had killed 200 Northern Army soldiers in Dorn.",
        "The KDF, in a statement, said it had killed 200 Northern Army soldiers in Dorn.",
    ],
)
def test_a_speaker_opening_the_sentence_is_written_as_anywhere_else(text: str) -> None:
    assert [who for who, _ in told(text)] == ["the KDF"]


def test_a_parenthetical_speaker_speaks_of_the_side_before_it() -> None:
    text = "The KDF, a military spokesman said, lost 40 of its fighters near Dorn."
    assert [who for who, _ in told(text)] == ["a military spokesman"]
