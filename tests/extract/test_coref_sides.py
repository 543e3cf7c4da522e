"""Which side a configured group is (monitor/extract/coref_sides.py), and what the descriptions
"the rebels", "the militia" then refer to."""

from __future__ import annotations

import pytest

from monitor.extract import split_sentences
from monitor.extract.coref import resolve_references
from monitor.extract.coref.sides import irregular, outsider, sides, state_force
from monitor.records import EntityRef

VARLAND_ARMY = EntityRef("Varland Armed Forces", "group", ("Varland army", "government forces"))
KASTREL_REBELS = EntityRef(
    "Kastrel Liberation Front",
    "group",
    ("KLF", "Kastrel separatists", "forces loyal to Ostrov", "Kastrel forces"),
)
SOUTHERN_OPPOSITION = EntityRef(
    "Southern Movement-in-Opposition", "group", ("SMO", "opposition forces")
)
MISSION = EntityRef("UNMIV", "group", ("UN peacekeepers", "UN mission in Varland", "UN force"))
DORVIK_FRONT = EntityRef("Dorvik Front", "group", ())
HIRED = EntityRef("Vask Group", "group", ("Vask", "Vask mercenaries", "Vask fighters"))
ENTITIES = (
    VARLAND_ARMY,
    KASTREL_REBELS,
    MISSION,
    EntityRef("Ostrov", "person", affiliation="Kastrel Liberation Front"),
    EntityRef("Tarsa", "place", ()),
)


@pytest.mark.parametrize(
    ("group", "state", "rebel", "outside"),
    [
        (VARLAND_ARMY, True, False, False),
        # A name that calls it rebels outweighs the state head word of another name.
        (KASTREL_REBELS, False, True, False),
        (SOUTHERN_OPPOSITION, False, True, False),
        (MISSION, False, False, True),
        (HIRED, False, False, True),
        # A bare name: an irregular side, as before (not named one, not a state).
        (DORVIK_FRONT, False, False, False),
    ],
)
def test_side_of_a_group(group: EntityRef, state: bool, rebel: bool, outside: bool) -> None:
    assert state_force(group) is state
    assert irregular(group) is rebel
    assert outsider(group) is outside


def test_sides_leave_outsiders_out() -> None:
    state, irregulars = sides([VARLAND_ARMY, KASTREL_REBELS, MISSION, HIRED, DORVIK_FRONT])
    assert state == {"Varland Armed Forces"}
    assert irregulars == {"Kastrel Liberation Front", "Dorvik Front"}


def resolved(text: str) -> list[str]:
    return [r.text for r in resolve_references(split_sentences(text), ENTITIES)]


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        # A group with "forces" names is still the rebels when a name says so.
        (
            "Kastrel forces shelled Tarsa overnight. The rebels say they hold the market.",
            "The Kastrel Liberation Front say they hold the market.",
        ),
        (
            "Forces loyal to Ostrov entered Tarsa. By noon the rebels had taken the market.",
            "By noon the Kastrel Liberation Front had taken the market.",
        ),
    ],
)
def test_rebels_refer_to_a_side_named_as_rebels(text: str, sentence: str) -> None:
    assert resolved(text)[-1] == sentence


@pytest.mark.parametrize(
    "text",
    [
        # Peacekeepers are never "the rebels" or "the militia".
        "UN peacekeepers patrolled Tarsa. The rebels attacked a convoy at dawn.",
        "The UN mission in Varland sent a patrol. The militia shelled its base.",
        # A state's army is not "the rebels" either.
        "The Varland army moved north. The rebels withdrew from Tarsa.",
    ],
)
def test_rebels_never_refer_to_peacekeepers_or_an_army(text: str) -> None:
    assert resolved(text)[-1] == split_sentences(text)[-1]


HIRED_IN_VIEW = (VARLAND_ARMY, HIRED, DORVIK_FRONT, EntityRef("Tarsa", "place", ()))


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        # Hired fighters in view are not the rebels a count names ...
        (
            "Vask mercenaries guarded a convoy near Tarsa. The army said it had killed 20 rebels.",
            "The army said it had killed 20 rebels.",
        ),
        # ... the one irregular side in view is.
        (
            "The Dorvik Front and Vask mercenaries clashed near Tarsa. Officials said 20 rebels "
            "died.",
            "Officials said 20 Dorvik Front rebels died.",
        ),
    ],
)
def test_counted_rebels_are_never_hired_fighters(text: str, sentence: str) -> None:
    got = [r.text for r in resolve_references(split_sentences(text), HIRED_IN_VIEW)]
    assert got[-1] == sentence
