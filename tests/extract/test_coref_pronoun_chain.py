"""An opening "It"/"They" after a sentence that itself opens with one (monitor/extract/coref/
pronouns.py): the group that sentence names is not its subject."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, TerritorialControl

ENTITIES = (
    EntityRef("Kastrel Liberation Front", "group", ("KLF",)),
    EntityRef("Varland army", "group", ("Varland troops",)),
    EntityRef("Tarsa", "place", ()),
    EntityRef("Melk", "place", ()),
)


def controllers(text: str) -> set[str | None]:
    return {
        c.value.controller
        for c in extract_claims(text, ENTITIES, year=2024)
        if isinstance(c.value, TerritorialControl) and c.value.place == "Tarsa"
    }


@pytest.mark.parametrize(
    "text",
    [
        "The KLF and the Varland army clashed in Melk. It now holds most of the north after "
        "pushing Varland troops back. It has captured Tarsa as well.",
        "The KLF and the Varland army clashed in Melk. They drove Varland troops out of the "
        "hills. They seized Tarsa on Monday.",
    ],
)
def test_a_pronoun_chain_does_not_jump_to_an_object(text: str) -> None:
    assert "Varland army" not in controllers(text)


def test_a_pronoun_after_a_named_subject_still_resolves() -> None:
    text = "The KLF regrouped near Melk on Monday. It captured Tarsa."
    assert controllers(text) == {"Kastrel Liberation Front"}
