"""A person located "in" a place only where a place's name follows (capitalised), or "exile in"
one: "was based in the provincial capital" names no place and locates nobody."""

from __future__ import annotations

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, Leadership

ENTITIES = (EntityRef("Teo Marrak", "person", ("Marrak",)), EntityRef("Dorvik", "place", ()))
LEADERSHIP: tuple[FactKind, ...] = ("leadership",)


def located(text: str) -> list[str | None]:
    return [
        v.location
        for c in extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
        if isinstance(v := c.value, Leadership) and v.status == "located"
    ]


def test_a_place_named_after_in_locates_the_person() -> None:
    assert located("Marrak is living in exile in Dorvik, aides said.") == ["Dorvik"]
    assert located("Marrak was hiding in Dorvik last week.") == ["Dorvik"]


def test_a_common_noun_after_in_locates_nobody() -> None:
    assert located("Marrak was based in the provincial capital until May.") == []
    assert located("Marrak has been living in poverty since the war.") == []


def test_a_person_who_moved_is_where_the_move_ended() -> None:
    assert located("Aides said Marrak had moved to Dorvik with his family.") == ["Dorvik"]
    assert located("Marrak relocated from the coast to Dorvik in March.") == ["Dorvik"]


def test_moving_others_or_a_plan_to_move_locates_nobody() -> None:
    assert located("Marrak moved his guards to Dorvik.") == []
    assert located("Marrak is expected to move to Dorvik.") == []


def test_a_detainee_is_where_he_is_kept() -> None:
    assert located("Marrak, now imprisoned in Dorvik, has asked for a new trial.") == ["Dorvik"]
    assert located("Marrak is being held in Dorvik, his lawyer said.") == ["Dorvik"]


def test_who_sought_refuge_somewhere_is_there() -> None:
    assert located("Marrak has sought refuge in Dorvik, an aide said.") == ["Dorvik"]
    assert located("Marrak took refuge in Dorvik after the coup.") == ["Dorvik"]


def test_holding_a_rally_somewhere_is_no_detention() -> None:
    assert located("Marrak held a rally in Dorvik on Sunday.") == []
