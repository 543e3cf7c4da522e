"""A place description refers back to the nearest place it can describe: "the city" or "the
town" never to a country, "the valley" only to a place whose name says it is one, skipping
nearer places that do not fit; and "the town" is not a place named as where people came from.
Sentences written for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, TerritorialControl

ENTITIES = (
    EntityRef("Orsk Legion", "group", ("the Legion",)),
    EntityRef("Home Guard", "group", ()),
    EntityRef("Tamber", "place", ()),
    EntityRef("Kelvar Valley", "place", ()),
    EntityRef("Georgia", "place", ()),
)


def control(text: str) -> list[tuple[str, str | None, str]]:
    return [
        (v.place, v.controller, v.status)
        for c in extract_claims(text, ENTITIES, ["territorial_control"], year=2025)
        if isinstance(v := c.value, TerritorialControl)
    ]


@pytest.mark.parametrize("noun", ["city", "town"])
def test_a_settlement_noun_skips_a_country_named_since(noun: str) -> None:
    text = (
        "The Orsk Legion entered Tamber at dawn. Fighting was reported across Georgia."
        f" Officials said the {noun} has been under the Legion's control since noon."
    )
    assert control(text) == [("Tamber", "Orsk Legion", "holds")]


def test_the_valley_skips_a_nearer_place_that_is_no_valley() -> None:
    text = (
        "Shelling hit the Kelvar Valley overnight. Traders fled to Tamber."
        " The Orsk Legion said the valley was under its control."
    )
    assert ("Kelvar Valley", "Orsk Legion", "holds") in control(text)


def test_the_town_is_not_where_the_fighters_came_from() -> None:
    text = "Witnesses said Legion fighters marched in from Tamber and seized the town."
    assert control(text) == []


def test_the_city_is_the_place_a_side_withdrew_from() -> None:
    text = (
        "The Legion announced its withdrawal from Tamber on Friday, conceding the loss of the"
        " city to the Home Guard."
    )
    assert [place for place, _, _ in control(text)] == ["Tamber"]


def test_the_town_is_not_a_landmark_named_the_sentence_before() -> None:
    text = (
        "Legion fighters stormed the market town of Kelvar Valley at dawn. The town, which lies"
        " some 90 kilometres south of Tamber, fell by noon. Local radio said the group took"
        " control of the town from the Home Guard."
    )
    assert {place for place, _, _ in control(text)} == {"Kelvar Valley"}


@pytest.mark.parametrize(
    "text",
    [
        "Earlier reports from Tamber said the Legion had captured the town with little fighting.",
        "Legion fighters overran a town 30 miles west of Tamber and now hold the town.",
    ],
)
def test_the_town_is_not_where_news_came_from_nor_a_landmark(text: str) -> None:
    assert control(text) == []
