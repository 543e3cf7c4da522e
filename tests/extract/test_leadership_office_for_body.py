"""An office before the name it is in apposition with, of or for a configured body and with
no rank between: "the spokesman for the Front, X, said". The parse hangs the name on the
office; the body after "for" (or "of") is whose office it is. Every sentence was written for
this test, with invented names."""

from __future__ import annotations

import pytest
from leadership_facts import leadership_read

from monitor.records import EntityRef, Leadership

KDF = "Kelso Defence Front"
ENTITIES = (
    EntityRef(KDF, "group", ("KDF", "Kelso army")),
    EntityRef("Lina Vard", "person", ("Vard",)),
    EntityRef("Omar Kessel", "person", ("Kessel",)),
    EntityRef("Dorn", "place"),
)


def _offices(text: str) -> set[Leadership]:
    return leadership_read(text, ENTITIES)


@pytest.mark.parametrize(
    "text",
    [
        "The spokesman for the KDF, Lina Vard, said the road to Dorn was open.",
        "The spokesman for the Kelso army (KDF), Lina Vard, denied the report on Monday.",
        "A spokesman for the Kelso Defence Front, Lina Vard, told reporters Dorn was calm.",
        "Troops left Dorn, the spokesman of the KDF, Lina Vard, said on Friday.",
        # the parser may hang the name on a place after the body
        "The spokesman for the KDF in Dorn, Lina Vard, said the bridge was quiet.",
    ],
)
def test_an_office_for_a_body_before_the_name(text: str) -> None:
    assert Leadership("Lina Vard", "spokesman", KDF, "claimed") in _offices(text)


def test_an_office_of_a_body_in_a_place_before_a_rank() -> None:
    text = "The commander of the Kelso army in Dorn, Col. Lina Vard, ordered a retreat."
    assert Leadership("Lina Vard", "commander", KDF, "claimed") in _offices(text)


@pytest.mark.parametrize(
    "text",
    [
        # the name is not in apposition with the office
        "Reporters asked the spokesman for the KDF, but Lina Vard said nothing about Dorn.",
        "After meeting the spokesman for the KDF, Lina Vard drove back to Dorn.",
        # no office before the body
        "A convoy for the KDF in Dorn, Lina Vard said, was attacked at dawn.",
        "Supplies for the KDF, Lina Vard told reporters, had run out in Dorn.",
        # a part of the body is not the body
        "The spokesman for the KDF's brigade in Dorn, Lina Vard, said nothing.",
        # a past office
        "The former spokesman for the KDF, Lina Vard, now lives in Dorn.",
    ],
)
def test_no_office_where_the_name_is_not_the_office_holder(text: str) -> None:
    assert not any(v.subject == "Lina Vard" and v.organization == KDF for v in _offices(text))


@pytest.mark.parametrize(
    "text",
    [
        "Omar Kessel, Lakes Union special envoy for the Dorn region, said talks would resume.",
        "Omar Kessel, the Lakes Union's special envoy, said talks would resume.",
    ],
)
def test_a_body_named_in_capitals_before_an_appositive_office_is_its_organization(
    text: str,
) -> None:
    """A body nobody configured, named before the office words, is the office's organization,
    whatever the office's "for" says after it (a remit); it is no part of the office."""
    assert _offices(text) == {Leadership("Omar Kessel", "special envoy", "Lakes Union", "claimed")}
