"""Offices of international bodies and of a state's portfolios: "Secretary-General", "Secretary
of State", "head of state", a portfolio before "Minister" or "Secretary" ("Information
Minister"), a form of address between the office and the name ("the Defence Secretary, Mr X"),
and a title before a name the mention holds only the end of. Every sentence was written for
this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, Leadership

LEADERSHIP: tuple[FactKind, ...] = ("leadership",)

NLA = "Northern Liberation Army"
UN = "United Nations"
ENTITIES = (
    EntityRef(NLA, "group", ("NLA",)),
    EntityRef(UN, "group", ("UN",)),
    EntityRef("Tomas Reyk", "person", ("Reyk",), affiliation=NLA),
    EntityRef("Anna Belmor", "person", ("Belmor",)),
    EntityRef("Karel Dussin", "person", ("Dussin",)),
    EntityRef("Varno", "place"),
    EntityRef("Ostra", "place"),
)


def _offices(text: str) -> set[tuple[str, str | None, str | None]]:
    claims = extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
    return {
        (c.value.subject, c.value.role, c.value.organization)
        for c in claims
        if isinstance(c.value, Leadership)
    }


@pytest.mark.parametrize(
    "text",
    [
        "UN Secretary-General Karel Dussin called the attack a grave step.",
        "The attack was condemned by UN Secretary-General Karel Dussin.",
        "The UN Secretary-General, Mr Karel Dussin, said he was hopeful.",
        "In Ostra the UN Secretary-General (Mr Karel Dussin) said he was hopeful.",
        "Karel Dussin, the UN Secretary-General, said he was hopeful.",
    ],
)
def test_a_secretary_general_written_with_a_hyphen(text: str) -> None:
    assert _offices(text) == {("Karel Dussin", "secretary-general", UN)}


def test_a_secretary_general_written_apart_keeps_general() -> None:
    found = _offices("UN Secretary General Karel Dussin called the attack a grave step.")
    assert found == {("Karel Dussin", "secretary general", UN)}


@pytest.mark.parametrize(
    "text",
    [
        "Secretary of State Anna Belmor warned the rebels.",
        "The rebels were warned by Secretary of State Anna Belmor.",
        "Anna Belmor, the Secretary of State, warned the rebels.",
    ],
)
def test_secretary_of_state_is_one_office(text: str) -> None:
    assert _offices(text) == {("Anna Belmor", "secretary of state", None)}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("On Monday Tomas Reyk declared himself head of state.", "head of state"),
        ("Tomas Reyk was named head of government on Monday.", "head of government"),
        ("Tomas Reyk became head of state after the vote.", "head of state"),
        ("Tomas Reyk, head of state since May, spoke on the radio.", "head of state"),
        ("Tomas Reyk, the head of state, spoke on the radio.", "head of state"),
    ],
)
def test_head_of_state_or_government_is_one_office(text: str, role: str) -> None:
    assert {r for _, r, _ in _offices(text)} == {role}


def test_head_of_a_named_body_is_still_its_head() -> None:
    assert _offices("Tomas Reyk, head of the NLA, spoke on the radio.") == {
        ("Tomas Reyk", "head", NLA)
    }
    spoke = _offices("Tomas Reyk, spokesman for state television in Varno, spoke on the radio.")
    assert {r for _, r, _ in spoke} == {"spokesman"}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The Defence Secretary, Mr Karel Dussin, announced the landing.", "defence secretary"),
        ("The Defence Secretary Mr Karel Dussin announced the landing.", "defence secretary"),
        (
            "The landing was announced by the Foreign Secretary, Dr Anna Belmor.",
            "foreign secretary",
        ),
        ("The Home Secretary, Mrs Anna Belmor, said she was hopeful.", "home secretary"),
        ("The NLA leader, Mr Tomas Reyk, said he was hopeful.", "leader"),
    ],
)
def test_a_form_of_address_between_office_and_name(text: str, role: str) -> None:
    assert role in {r for _, r, _ in _offices(text)}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Information Minister Anna Belmor dismissed the reports.", "information minister"),
        ("Varnese Information Minister Anna Belmor dismissed the reports.", "information minister"),
        ("The reports were dismissed by Information Minister Anna Belmor.", "information minister"),
        ("The offer was rejected by Oil Minister Karel Dussin on Monday.", "oil minister"),
        (
            "The offer was rejected by Deputy Information Minister Karel Dussin.",
            "deputy information minister",
        ),
        (
            "The offer was rejected by Foreign Affairs Minister Karel Dussin.",
            "foreign affairs minister",
        ),
    ],
)
def test_a_portfolio_before_minister_is_part_of_the_office(text: str, role: str) -> None:
    assert {r for _, r, _ in _offices(text)} == {role}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # a nationality or a configured place before the office says whose, not which
        ("The offer was rejected by Varnese Prime Minister Karel Dussin.", "prime minister"),
        ("The landing was announced by Varno Minister Anna Belmor.", "minister"),
    ],
)
def test_no_portfolio_from_a_nationality_or_a_place(text: str, role: str) -> None:
    assert {r for _, r, _ in _offices(text)} == {role}


@pytest.mark.parametrize(
    "text",
    [
        "He met Mr Karel Dussin on Monday.",
        "General Karel Dussin said the rebels had left Ostra.",
        "The commander, NLA, Lieutenant-General Sir Tomas Reyk said the bridge was lost.",
    ],
)
def test_an_honorific_or_a_rank_alone_is_no_office(text: str) -> None:
    assert not {r for _, r, _ in _offices(text) if r}


def test_a_title_before_a_name_written_longer_than_its_mention() -> None:
    entities = (EntityRef("Anna Tejan Marrow", "person", ("Marrow", "Anna Tejan Marrow")),)
    claims = extract_claims(
        "The rebels say that president Anna Marrow has fled the country.", entities, LEADERSHIP
    )
    fates = {(c.value.role, c.value.status) for c in claims if isinstance(c.value, Leadership)}
    assert ("president", "fled") in fates
