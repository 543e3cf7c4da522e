"""A user may configure a person with the title in an alias ("President Dor", "Prime Minister
Dor"): the office the text writes is read all the same, as it is when the alias is the bare
name, and a rank in an alias ("Senior General Kel Tamo") stays part of the name, leaving the
office before it ("the army chief, Senior General Kel Tamo") to be read. A title that opens the
configured name itself ("Prince Wolo") is part of the name. Every sentence was written for this
test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Claim, EntityRef, Leadership

ENTITIES = (
    EntityRef("Varland Army", "group", ("the army",)),
    EntityRef("Isak Dor", "person", ("Dor", "President Dor", "Prime Minister Isak Dor")),
    EntityRef("Kel Tamo", "person", ("Senior General Kel Tamo",), affiliation="Varland Army"),
    EntityRef("Osk", "place"),
    EntityRef("Prince Wolo", "person", ("Prince Tarku Wolo",)),
)


def _offices(text: str) -> list[tuple[str, str | None, str]]:
    claims: list[Claim] = extract_claims(text, ENTITIES, ["leadership"], year=2025)
    return [
        (c.value.subject, c.value.role, c.value.status)
        for c in claims
        if isinstance(c.value, Leadership)
    ]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("President Dor told parliament on Monday that the war was over.", "president"),
        ("The envoy later met Prime Minister Isak Dor in the capital.", "prime minister"),
        ("The foreign minister quoted Prime Minister Isak Dor as saying so.", "prime minister"),
    ],
)
def test_an_office_inside_a_configured_alias_is_read(text: str, role: str) -> None:
    assert ("Isak Dor", role, "claimed") in _offices(text)


def test_a_rank_inside_an_alias_leaves_the_office_before_it() -> None:
    found = _offices("The army chief, Senior General Kel Tamo, said the troops held Osk.")
    assert [(who, role) for who, role, _ in found] == [("Kel Tamo", "army chief")]


def test_a_fate_keeps_the_office_of_the_alias() -> None:
    found = _offices("Prime Minister Isak Dor fled to Osk on Sunday.")
    assert ("Isak Dor", "prime minister", "fled") in found


@pytest.mark.parametrize(
    ("text", "offices"),
    [
        ("Aid workers were held for a week by gunmen loyal to Prince Tarku Wolo near Osk.", []),
        ("Militia leader Prince Wolo said his men had left Osk.", [("Prince Wolo", "leader")]),
    ],
)
def test_a_title_that_opens_the_configured_name_is_no_office(
    text: str, offices: list[tuple[str, str]]
) -> None:
    assert [(who, role) for who, role, _ in _offices(text)] == offices
