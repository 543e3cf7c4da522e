"""A body's office told before the office's name, and a title dropped for the post a person is
named to: "the Southern Pact Secretary-General, Mr X" is the Pact's officer, configured or
not; "named deputy commander X as its new leader" tells the new office, not the old title.
Every sentence was written for this test, with invented names."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, FactKind, Leadership

LEADERSHIP: tuple[FactKind, ...] = ("leadership",)

NLA = "Northern Liberation Army"
ENTITIES = (
    EntityRef(NLA, "group", ("NLA",)),
    EntityRef("Karel Dussin", "person", ("Dussin",)),
    EntityRef("Ostra", "place"),
)


def _offices(text: str) -> set[tuple[str | None, str | None, str]]:
    claims = extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
    return {
        (c.value.role, c.value.organization, c.value.status)
        for c in claims
        if isinstance(c.value, Leadership)
    }


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "In Ostra the Southern Pact Secretary-General (Mr Karel Dussin) said he was hopeful.",
            "Southern Pact",
        ),
        ("Talks with SPO Secretary-General Karel Dussin were held in Ostra.", "SPO"),
        ("Talks with the SPO Secretary-General, Mr Karel Dussin, were held in Ostra.", "SPO"),
    ],
)
def test_the_name_before_a_secretary_general_is_the_body(text: str, body: str) -> None:
    assert _offices(text) == {("secretary-general", body, "claimed")}


@pytest.mark.parametrize(
    "text",
    [
        "The Secretary-General, Mr Karel Dussin, said he was hopeful.",
        "In May Secretary-General Karel Dussin said he was hopeful.",
        "The talks with the Secretary-General, Mr Karel Dussin, ended.",
    ],
)
def test_no_body_from_a_determiner_or_a_date(text: str) -> None:
    assert _offices(text) == {("secretary-general", None, "claimed")}


@pytest.mark.parametrize(
    "text",
    [
        "The NLA on Tuesday named Deputy Secretary-General Karel Dussin as its new leader.",
        "The NLA named deputy commander Karel Dussin as its new leader.",
        "The NLA named Karel Dussin as its new leader.",
    ],
)
def test_named_to_a_new_post_across_an_old_title(text: str) -> None:
    assert _offices(text) == {("leader", NLA, "appointed")}


def test_a_title_without_a_new_post_is_still_the_office() -> None:
    assert _offices("The NLA named commander Karel Dussin in a statement.") == {
        ("commander", NLA, "claimed")
    }
