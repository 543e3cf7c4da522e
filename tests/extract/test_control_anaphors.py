"""On the parse, "the town", "the capital" as the object of a control verb is the one
configured place the sentence names before it; never when the sentence names two, nor when a
name of its own follows ("the city of X")."""

from __future__ import annotations

from control_facts import Holding, read_in_text

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Coast Militia", "group", ("CM",)),
    EntityRef("Northern Army", "group", ()),
    EntityRef("Kastrel", "place", ()),
    EntityRef("Varo", "place", ()),
)
CM = "Coast Militia"


def _values(sentence: str) -> list[Holding]:
    return read_in_text(sentence, ENTITIES)


def test_the_capital_is_the_place_named_before() -> None:
    said = "The governor fled Kastrel on Sunday as rebel forces stormed the capital."
    assert _values(said) == [("Kastrel", None, "captured")]


def test_the_town_is_nobody_when_two_places_are_named() -> None:
    said = "The governor fled Kastrel for Varo as CM fighters stormed the town."
    assert _values(said) == []


def test_the_town_is_nobody_when_the_place_only_locates_another_noun() -> None:
    said = "CM fighters overran a checkpoint in Kastrel and now hold the town."
    assert ("Kastrel", CM, "holds") not in _values(said)


def test_the_fall_to_an_armed_actor_nobody_configured() -> None:
    said = "On Friday the government acknowledged the fall of Kastrel to insurgents."
    assert _values(said) == [("Kastrel", None, "captured")]


def test_the_city_after_a_place_left_is_that_place() -> None:
    said = "After a withdrawal from Kastrel on Friday, rebel fighters captured the city."
    assert _values(said) == [("Kastrel", None, "captured")]


def test_a_pronoun_taker_is_the_one_group_named_before_it() -> None:
    said = "The fall of Varo is the Coast Militia's biggest gain since it captured Kastrel in May."
    assert ("Kastrel", CM, "captured") in _values(said)


def test_a_pronoun_taker_is_nobody_when_two_groups_are_named() -> None:
    said = "The CM accused the Northern Army of shelling civilians after it captured Kastrel."
    assert [v for v in _values(said) if v[0] == "Kastrel"] == []


def test_a_pronoun_taker_in_a_when_clause_sets_a_time() -> None:
    said = "The Coast Militia had some 5,000 fighters when it took Kastrel."
    assert _values(said) == []


def test_a_relative_pronoun_is_the_noun_it_modifies() -> None:
    said = "Kastrel is a market town that has been held by the Coast Militia since March."
    assert _values(said) == [("Kastrel", CM, "holds")]


def test_a_relative_clause_on_another_noun_is_not_about_the_place() -> None:
    said = "Kastrel lies near a ridge that has been held by the Coast Militia since March."
    assert _values(said) == []
