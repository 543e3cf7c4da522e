"""A configured group's alias may run into the office after it ("Varland military chief Kel
Tamo", the alias being "Varland military"): the office is the group's, wherever the sentence
puts it. At the start of a sentence the office's words start at the capital and hold the
alias; inside a sentence they start after the name's capitalised first word, which the alias
still covers. Every sentence was written for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, Leadership

ENTITIES = (
    EntityRef("Varland Armed Forces", "group", ("Varland military", "Varland army")),
    EntityRef("Kel Tamo", "person"),
    EntityRef("Osk", "place"),
)


@pytest.mark.parametrize(
    "text",
    [
        "Varland military chief Kel Tamo visited wounded soldiers in Osk.",
        "However, Varland military chief Kel Tamo visited wounded soldiers in Osk.",
        "Officials said Varland army chief Kel Tamo visited wounded soldiers in Osk.",
        "On Monday, Varland military chief Kel Tamo visited wounded soldiers in Osk.",
    ],
)
def test_an_office_an_alias_runs_into_is_the_groups(text: str) -> None:
    found = [c.value for c in extract_claims(text, ENTITIES, ["leadership"], year=2025)]
    offices = [v for v in found if isinstance(v, Leadership) and v.status == "claimed"]
    assert offices == [Leadership("Kel Tamo", "chief", "Varland Armed Forces", "claimed")]
