"""Where losses told by a participle happened: at the place of the deed the participle follows
("stormed Dorn, killing 12", "repelled an assault on the outskirts of Dorn, killing 60",
"ambushed a convoy near Dorn, killing 12"). Sentences written for this test."""

from __future__ import annotations

import pytest
from kelso_war import losses_read


def places(text: str) -> list[str | None]:
    return [v.location for v, _ in losses_read(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The KDF stormed Dorn on Sunday, killing 12 Northern Army soldiers.",
        "The army repelled an assault on the western outskirts of Dorn, killing 60 KDF fighters.",
        "The Northern Army repelled a KDF attack near Dorn, killing 60 KDF fighters.",
        "The army said it repelled an attack on its positions in Dorn, killing 60 KDF fighters.",
        "The KDF ambushed a convoy near Dorn, killing 12 Northern Army soldiers.",
        "Fighting erupted in Dorn on Sunday, killing 12 Northern Army soldiers.",
    ],
)
def test_the_losses_happened_where_the_deed_was(text: str) -> None:
    assert places(text) == ["Dorn"]


@pytest.mark.parametrize(
    "text",
    [
        # leaving a place is no deed there
        "The KDF withdrew from Dorn on Sunday, killing 12 Northern Army soldiers on the way.",
        # the participle comes first: it tells no deed it follows
        "Killing 12 Northern Army soldiers, the KDF went on to attack Dorn.",
        # the place is in a clause of its own
        "The KDF attacked the convoy after it left Dorn, killing 12 Northern Army soldiers.",
    ],
)
def test_a_place_the_deed_did_not_happen_at_is_not_the_scene(text: str) -> None:
    assert places(text) == [None]


@pytest.mark.parametrize(
    "headline",
    [
        "Dozens of KDF fighters killed as battle rages",
        "Army says 40 KDF fighters killed",
        "At least 30 KDF fighters die in clashes",
    ],
)
def test_a_headline_count_placed_nowhere_is_the_body_count_told_vaguer(headline: str) -> None:
    text = f"{headline}\n\nThe army stormed Dorn on Sunday, killing 40 KDF fighters."
    assert places(text) == ["Dorn"]


@pytest.mark.parametrize(
    "headline",
    [
        "Army says 12 KDF fighters killed",  # another figure: another incident
        "Dozens of KDF fighters wounded as battle rages",  # a fate the body does not count
        "Dozens of Northern Army soldiers killed as battle rages",  # another side
    ],
)
def test_a_count_the_body_does_not_hold_stays_its_own(headline: str) -> None:
    text = f"{headline}\n\nThe army stormed Dorn on Sunday, killing 40 KDF fighters."
    assert places(text) == [None, "Dorn"]


@pytest.mark.parametrize(
    "text",
    [
        "The KDF claimed an attack on Dorn that killed at least 30 Northern Army soldiers.",
        "The clashes in Dorn, which killed 12 KDF fighters, lasted a week.",
    ],
)
def test_losses_a_relative_clause_tells_were_where_its_event_was(text: str) -> None:
    assert places(text) == ["Dorn"]


def test_a_side_a_relative_clause_tells_of_is_no_event() -> None:
    assert places("The KDF, which killed 12 Northern Army soldiers, is based in Dorn.") == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Five Northern Army soldiers were killed and eight wounded when their convoy hit a mine "
        "near Dorn.",
        "Twelve KDF fighters were killed when the army shelled their positions in Dorn.",
        "12 Northern Army soldiers were killed as the KDF stormed Dorn.",
    ],
)
def test_losses_in_a_when_clause_were_where_its_circumstance_was(text: str) -> None:
    assert places(text) == ["Dorn"]


def test_a_side_is_no_place() -> None:
    assert places("KDF says 30 of its fighters killed in Northern Army strikes") == [None]


def test_losses_inflicted_on_a_side_are_its_losses() -> None:
    text = "The KDF said it had inflicted heavy losses on the Northern Army, killing 100 soldiers."
    assert [v.subject for v, _ in losses_read(text)] == ["Northern Army"]
