"""Whereabouts given without a place name: "inside the country" is the country the article named
last, and "outside the country" or "abroad" is gone from it (fled, to somewhere untold).
A relative clause that denies a claimed fate ("..., which his aides deny") is a denial."""

from __future__ import annotations

from monitor.extract import extract_claims
from monitor.extract.leadership.countries import is_country
from monitor.records import EntityRef, FactKind, Leadership

ENTITIES = (
    EntityRef("Teo Marrak", "person", ("Marrak",)),
    EntityRef("Ilse Varga", "person", ()),
    EntityRef("Coast Brigades", "group", ()),
    EntityRef("Dorvik", "place", ()),
)
LEADERSHIP: tuple[FactKind, ...] = ("leadership",)


def fates(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (v.subject, v.status, v.location, c.claimed_by)
        for c in extract_claims(text, ENTITIES, LEADERSHIP, year=2024)
        if isinstance(v := c.value, Leadership) and v.aspect == "fate"
    ]


def test_inside_the_country_is_the_country_named_last() -> None:
    text = (
        "Officials in Dorvik said fighting had spread from Moldova into Romania. "
        "An aide said on Monday that Teo Marrak was safe and inside the country."
    )
    assert fates(text) == [("Teo Marrak", "located", "Romania", "an aide")]


def test_inside_the_country_stays_as_written_when_no_country_was_named() -> None:
    text = "Teo Marrak remains inside the country, the Coast Brigades said."
    assert fates(text) == [("Teo Marrak", "located", "the country", "the Coast Brigades")]


def test_outside_the_country_or_abroad_is_a_flight_to_somewhere_untold() -> None:
    said = "Rivals said Teo Marrak was believed to be outside the country."
    assert fates(said) == [("Teo Marrak", "fled", None, "Rivals")]
    assert fates("Ilse Varga is abroad, according to two officials.")[0][:3] == (
        "Ilse Varga",
        "fled",
        None,
    )
    assert fates("Ilse Varga was outside Georgia when the talks collapsed.")[0][1] == "fled"


def test_outside_a_town_is_near_it_not_abroad() -> None:
    assert fates("Teo Marrak was outside Dorvik on Sunday, aides said.") == []


def test_a_relative_clause_that_denies_a_fate_is_a_denial_by_its_subject() -> None:
    text = "The Coast Brigades say Ilse Varga has fled abroad, which her aides deny."
    assert fates(text) == [
        ("Ilse Varga", "fled", None, "the Coast Brigades"),
        ("Ilse Varga", "denied", None, "her aides"),
    ]


def test_a_city_named_after_a_country_is_no_country() -> None:
    text = (
        "Officials flew from Port Sudan on Monday. An aide said Teo Marrak was inside the country."
    )
    assert fates(text) == [("Teo Marrak", "located", "the country", "an aide")]


def test_countries_are_cldr_names_not_cities() -> None:
    assert is_country("Myanmar") and is_country("Burma") and is_country("Burkina Faso")
    assert is_country("the Central African Republic")
    assert not is_country("Kabul") and not is_country("Europe")
