"""A side named by a common noun (monitor/extract/coref_rebels.py): "rebels loyal to <person>",
and "rebels" or "peacekeepers" in an article that names one such side."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims, split_sentences
from monitor.extract.coref import resolve_references
from monitor.records import Casualties, EntityRef, TerritorialControl

FRONT = EntityRef("Kastrel Liberation Front", "group", ("KLF", "Kastrel separatists"))
ARMY = EntityRef("Varland Armed Forces", "group", ("Varland army", "government troops"))
MISSION = EntityRef("UNMIV", "group", ("UN peacekeepers", "UN mission in Varland"))
ENTITIES = (
    FRONT,
    ARMY,
    MISSION,
    EntityRef("Dorvik Brigade", "group", ("Dorvik militia",)),
    EntityRef("Ostrov", "person", ("Ivo Ostrov",), affiliation="Kastrel Liberation Front"),
    EntityRef("Pella Varn", "person", ("Varn",)),
    EntityRef("Tarsa", "place", ()),
    EntityRef("Melk", "place", ()),
)


def last_resolved(text: str, entities: tuple[EntityRef, ...] = ENTITIES) -> str:
    return [r.text for r in resolve_references(split_sentences(text), entities)][-1]


def values(text: str, entities: tuple[EntityRef, ...] = ENTITIES) -> set[object]:
    return {c.value for c in extract_claims(text, entities, year=2024)}


# --- "loyal to <person>" -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rebels loyal to Ostrov seized Tarsa on Monday.",
        "Varlandian rebels loyal to former vice president Ivo Ostrov have seized control of Tarsa.",
        "Fighters still loyal to Ostrov captured Tarsa overnight, residents said.",
    ],
)
def test_fighters_loyal_to_a_person_are_his_side(text: str) -> None:
    assert TerritorialControl("Tarsa", "Kastrel Liberation Front", "captured") in values(text)


@pytest.mark.parametrize(
    "text",
    [
        # A person of no configured side.
        "Rebels loyal to Pella Varn seized Tarsa on Monday.",
        # Loyal to somebody else, named after the configured person's sentence.
        "Ostrov spoke in Melk. Rebels loyal to a local chief seized Tarsa on Monday.",
    ],
)
def test_loyal_to_nobody_configured_names_no_side(text: str) -> None:
    assert TerritorialControl("Tarsa", None, "captured") in values(text)


def test_the_person_a_side_is_loyal_to_outweighs_the_article_one_side() -> None:
    """The article names one irregular side, the Dorvik militia; "rebels loyal to Ostrov" are
    still Ostrov's."""
    text = "The Dorvik militia shelled Melk. Rebels loyal to Ostrov seized Tarsa on Monday."
    assert last_resolved(text).startswith("Kastrel Liberation Front rebels loyal to Ostrov")


def test_loyal_keeps_the_noun_in_lower_case() -> None:
    assert last_resolved("Fighters loyal to Ostrov took Tarsa.") == (
        "Kastrel Liberation Front fighters loyal to Ostrov took Tarsa."
    )


# --- one side in the whole article ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # The headline says "rebels"; the article names the side later.
        "Rebels seize Tarsa. The KLF launched its offensive last week.",
        "Varlandian rebels seize Tarsa. The KLF launched its offensive last week.",
        # A country, or its initials, before the noun.
        "Chad rebels seize Tarsa. The KLF launched its offensive last week.",
        "CAR rebels seize Tarsa. The KLF launched its offensive last week.",
        "Rebels in Varland seized Tarsa on Sunday. The Kastrel Liberation Front had warned of it.",
        "Jets bombed Tarsa to expel the rebels who had seized the town. KLF units are dug in.",
    ],
)
def test_rebels_are_the_one_irregular_side_the_article_names(text: str) -> None:
    assert TerritorialControl("Tarsa", "Kastrel Liberation Front", "captured") in values(text)


def test_peacekeepers_are_the_one_mission_the_article_names() -> None:
    text = "Peacekeepers regain control of Tarsa. The UN mission in Varland said it was calm."
    assert TerritorialControl("Tarsa", "UNMIV", "retaken") in values(text)


@pytest.mark.parametrize(
    "text",
    [
        # Two irregular sides named: ambiguous.
        "Rebels seize Tarsa. The KLF and the Dorvik militia both claim the town.",
        # No irregular side named (an army and a person of a side are not enough).
        "Rebels seize Tarsa. The Varland army withdrew. Ostrov was not reached.",
        # Another side's rebels: a capitalised name, "rival".
        "Tuareg rebels seize Tarsa. The KLF launched its offensive last week.",
        "Rival rebels seize Tarsa. The KLF launched its offensive last week.",
    ],
)
def test_rebels_left_unnamed(text: str) -> None:
    assert TerritorialControl("Tarsa", None, "captured") in values(text)


def test_a_count_of_rebels_is_left_to_the_sentences_in_view() -> None:
    text = (
        "The KLF attacked Melk in March. Officials spoke of calm. Roads were shut. "
        "Trade resumed. The army said 20 rebels were killed near Tarsa."
    )
    assert not any(isinstance(v, Casualties) and v.subject == FRONT.name for v in values(text))
