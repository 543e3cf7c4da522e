"""A holding made firmer is held: "consolidated its hold on X", "tightened its grip on X".
Sentences written for this test."""

from __future__ import annotations

import pytest
from control_facts import Holding, read_in_text
from kelso_war import KELSO_WAR


def holdings(text: str) -> list[Holding]:
    return read_in_text(text, KELSO_WAR, year=2025)


@pytest.mark.parametrize(
    "text",
    [
        "The KDF consolidated its hold on Dorn.",
        "The KDF tightened its grip on Dorn last week.",
        "The KDF has strengthened its hold over Dorn.",
    ],
)
def test_a_holding_made_firmer_is_held(text: str) -> None:
    assert holdings(text) == [("Dorn", "Kelso Defence Front", "holds")]


@pytest.mark.parametrize(
    "text",
    [
        "The KDF loosened its grip on Dorn.",
        "The KDF failed to consolidate its hold on Dorn.",
        "The KDF tightened security in Dorn.",
        "The Northern Army has tightened its grip on the road to Dorn.",
    ],
)
def test_no_holding_that_is_not_made_firmer(text: str) -> None:
    assert holdings(text) == []
