"""Which words name a configured group in a control sentence: an acronym alias ("IS") names the
group only when written in capitals, never the verb "is"."""

from __future__ import annotations

from monitor.extract.control import extract_control
from monitor.records import EntityRef, TerritorialControl

ENTITIES = (
    EntityRef("Islamic State", "group", ("IS", "ISIS")),
    EntityRef("Kastrel", "place", ()),
)


def _values(sentence: str) -> list[tuple[str, str | None, str]]:
    return [
        (c.value.place, c.value.controller, c.value.status)
        for c in extract_control(sentence, ENTITIES, year=2024)
        if isinstance(c.value, TerritorialControl)
    ]


def test_the_verb_is_names_no_group() -> None:
    said = "Kastrel, a crossroads on the coastal road, is now under rebel control."
    assert _values(said) == [("Kastrel", None, "holds")]


def test_an_acronym_in_capitals_names_its_group() -> None:
    assert _values("IS fighters seized Kastrel on Monday.") == [
        ("Kastrel", "Islamic State", "captured")
    ]
