"""Shapes of prose for the robustness measure: an opening, a closing phrase of time, an aside
after a name; a shape that does not fit a sentence gives None."""

from __future__ import annotations

from control_facts import VARNO_WAR

from monitor.evaluation.prose_shapes import (
    Prose,
    aside_after,
    dated_at_its_end,
    day_before_the_verb,
    opened_with,
    prose,
)
from monitor.extract.language.mentions import find_mentions
from monitor.extract.language.nlp import sentences


def _prose(text: str) -> Prose:
    (sentence,) = sentences(text)
    return prose(sentence.written, sentence.parse, VARNO_WAR)


def test_an_opening_lowers_the_first_word_unless_it_is_a_name() -> None:
    however = opened_with("However, ")
    assert however(_prose("The NLA took Varno.")) == "However, the NLA took Varno."
    assert however(_prose("General Brel took Varno.")) == "However, General Brel took Varno."
    dated, bare = dated_at_its_end("on Monday"), dated_at_its_end("Monday")
    assert dated(_prose("The NLA took Varno.")) == "The NLA took Varno on Monday."
    assert bare(_prose("The NLA took Varno.")) == "The NLA took Varno Monday."


def test_an_aside_follows_the_first_name_of_its_kind_with_room_for_it() -> None:
    age, town = aside_after("person", ", 54,"), aside_after("place", ", a town in the region,")
    text = "General Brel said the NLA took Varno in the night."
    assert age(_prose(text)) == "General Brel, 54, said the NLA took Varno in the night."
    assert town(_prose(text)) == (
        "General Brel said the NLA took Varno, a town in the region, in the night."
    )
    ending = Prose("The NLA took Varno.", False, find_mentions("The NLA took Varno.", VARNO_WAR))
    assert town(ending) is None and age(ending) is None  # no room before the stop, no person
    owned = "The NLA said Varno's market was shelled by southern forces."
    assert town(_prose(owned)) is None  # a possessive is no place for an aside


def test_a_day_goes_between_a_name_and_its_verb() -> None:
    day = day_before_the_verb("group")
    assert day(_prose("NLA fighters overran Varno.")) == "NLA fighters on Monday overran Varno."
    assert day(_prose("Shelling hit the NLA fighters in Varno.")) is None  # no verb after it
    bare = day_before_the_verb("person", "Monday")
    assert bare(_prose("General Brel fled to Albania.")) == "General Brel Monday fled to Albania."
