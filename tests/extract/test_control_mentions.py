"""Which words name a configured group in a control sentence: an acronym alias ("IS") names the
group only when written in capitals, never the verb "is"."""

from __future__ import annotations

from control_facts import Holding, read_by_control

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Islamic State", "group", ("IS", "ISIS")),
    EntityRef("Kastrel", "place", ()),
)


def _values(sentence: str) -> list[Holding]:
    return read_by_control(sentence, ENTITIES)


def test_the_verb_is_names_no_group() -> None:
    said = "Kastrel, a crossroads on the coastal road, is now under rebel control."
    assert _values(said) == [("Kastrel", None, "holds")]


def test_an_acronym_in_capitals_names_its_group() -> None:
    assert _values("IS fighters seized Kastrel on Monday.") == [
        ("Kastrel", "Islamic State", "captured")
    ]
