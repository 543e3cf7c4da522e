"""Which words name a configured entity: an acronym of two or three capitals only in capitals."""

from __future__ import annotations

from monitor.extract.language.mentions import find_mentions
from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Islamic State", "group", ("IS", "Isis")),
    EntityRef("Ostrava Front", "group", ("OSF",)),
    EntityRef("National Army", "group", ("Nato",)),
)


def names(sentence: str) -> list[str]:
    return [m.entity.name for m in find_mentions(sentence, ENTITIES)]


def test_a_short_acronym_is_not_the_word_it_spells() -> None:
    assert names("The town is now under rebel control.") == []
    assert names("IS fighters entered the town.") == ["Islamic State"]
    assert names("Osf fighters entered the town.") == []


def test_a_longer_acronym_or_a_name_matches_in_any_case() -> None:
    assert names("ISIS and Isis are one group.") == ["Islamic State"] * 2
    assert names("NATO troops, or Nato troops.") == ["National Army"] * 2
    assert names("the ostrava front said") == ["Ostrava Front"]
