"""References to entities named in earlier sentences of an article (monitor/extract/coref/),
and the claims `extract_claims` reads through them: quoted and attributed as written."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims, split_sentences
from monitor.extract.coref import resolve_references
from monitor.records import (
    Casualties,
    EntityRef,
    ForceSize,
    Leadership,
    TerritorialControl,
)

ENTITIES = (
    EntityRef("National Resistance Front", "group", ("NRF",)),
    EntityRef("Taliban", "group", ("Taleban",)),
    EntityRef("Northern Coast Brigades", "group", ("NCB", "Coast Brigades")),
    EntityRef("Sudanese Armed Forces", "group", ("SAF", "Sudanese army")),
    EntityRef("Congolese army", "group", ("FARDC",)),
    EntityRef("Rapid Support Forces", "group", ("RSF",)),
    EntityRef("Amrullah Saleh", "person", ("Saleh",)),
    EntityRef("Teodor Vasko", "person", ("Vasko",)),
    EntityRef("Panjshir", "place", ("Panjshir valley",)),
    EntityRef("Andarab", "place", ()),
    EntityRef("Dravik", "place", ()),
)


def resolved(text: str) -> list[str]:
    return [r.text for r in resolve_references(split_sentences(text), ENTITIES)]


def values(text: str, year: int = 2021) -> set[object]:
    return {c.value for c in extract_claims(text, ENTITIES, year=year)}


# --- what a reference resolves to ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        # A group description: the group named in the sentence before.
        (
            "The NRF met in the valley on Monday. The group says it has 9,000 fighters.",
            "The National Resistance Front says it has 9,000 fighters.",
        ),
        # A name cut to its last word, as configured ("Coast Brigades").
        (
            "The Northern Coast Brigades took the port. The Brigades lost ten men.",
            "The Northern Coast Brigades lost ten men.",
        ),
        # The possessive stays.
        (
            "Teodor Vasko spoke for the NCB. The movement's commander then left.",
            "The Northern Coast Brigades's commander then left.",
        ),
        # A person pronoun: the person named before.
        (
            "Amrullah Saleh is in the valley. He declared himself acting president.",
            "Amrullah Saleh declared himself acting president.",
        ),
        # A place description: the place named before.
        (
            "Fighting spread to Panjshir. The NRF denied that the province had fallen.",
            "The NRF denied that Panjshir had fallen.",
        ),
    ],
)
def test_reference_resolves(text: str, sentence: str) -> None:
    assert resolved(text)[-1] == sentence


@pytest.mark.parametrize(
    "text",
    [
        # Two groups before: "the group" could be either.
        "The Taliban and the NRF met in Kabul. The group says it has 9,000 fighters.",
        # Another speaker spoke since: "he" is more likely that speaker.
        "Amrullah Saleh is in the valley. “We will fight,” a commander said. He left.",
        # Too far back: more than three sentences.
        "The NRF met. It rained. Roads closed. Shops shut. The group says it has 900 men.",
        # "the rebels" never means a state's army ("Sudanese army" is a common-noun alias).
        "The Sudanese army shelled the town. The rebels said they lost ten men.",
        # "the valley" only for a place whose name says it is one.
        "Fighting spread to Andarab. Residents fled the valley.",
        # An unconfigured name before the pronoun may be whom it means.
        "Amrullah Saleh spoke on Monday. Lawyers said the article Karimi cited was void when he"
        " served.",
        # A description that is part of a configured name is that name, not a reference.
        "The Taliban took Kabul. The Coast Brigades regrouped.",
        # "the front line" is a place on a map, not the Front.
        "The National Resistance Front held out. Shelling hit the front line.",
        # The modifier of an office whose body an of-phrase names: the NRF's chief, not the
        # Brigades'.
        "The Northern Coast Brigades took the port. The Brigades chief of the NRF objected.",
    ],
)
def test_reference_stays(text: str) -> None:
    sentences = split_sentences(text)
    assert resolved(text) == sentences


def test_only_within_one_text() -> None:
    """Each call is one article: nothing carries over from the text before."""
    assert resolved("The NRF met in the valley on Monday.")
    assert resolved("The group says it has 9,000 fighters.") == [
        "The group says it has 9,000 fighters."
    ]


# --- in the same sentence: a person by office -----------------------------------------------


def test_office_description_in_a_reported_clause_is_the_person() -> None:
    text = "An aide to Saleh dismissed rumours that the resistance leader had left the country."
    assert Leadership("Amrullah Saleh", None, None, "denied") in values(text)


@pytest.mark.parametrize(
    "text",
    [
        # About somebody else: not the subject of a clause.
        "Amrullah Saleh was named interim leader after the death of its founder.",
        # In apposition or a predicate, the office describes the name beside it.
        "Amrullah Saleh, the resistance leader, spoke on Monday.",
        "Amrullah Saleh was named the leader of the front.",
    ],
)
def test_office_description_that_is_no_reference(text: str) -> None:
    assert "Amrullah Saleh" in text
    assert all(r.text == r.original for r in resolve_references([text], ENTITIES))


# --- counts of soldiers: the state's force of the story --------------------------------------


def test_soldiers_belong_to_the_state_force_in_view() -> None:
    text = (
        "The Sudanese army lost the garrison at Singa on Monday. "
        "The RSF said it had captured 200 soldiers and seized dozens of vehicles."
    )
    assert Casualties("Sudanese Armed Forces", captured_min=200, captured_max=200) in values(
        text, 2023
    )


@pytest.mark.parametrize("noun", ["marines", "servicemen", "paratroopers"])
def test_other_service_members_belong_to_the_state_force_too(noun: str) -> None:
    text = (
        "The Sudanese army lost the garrison at Singa on Monday. "
        f"The RSF said it had killed 40 {noun} in the attack."
    )
    assert Casualties("Sudanese Armed Forces", killed_min=40, killed_max=40) in values(text, 2023)


def test_a_demonym_names_the_state_force() -> None:
    text = "M23 rebels killed 11 Congolese soldiers in an ambush, a local official said."
    assert Casualties("Congolese army", killed_min=11, killed_max=11) in values(text, 2024)


def test_foreign_troops_are_not_the_state_force() -> None:
    text = (
        "The Sudanese army held the bridge. Some 300 Egyptian troops were killed nearby, a"
        " diplomat said."
    )
    assert not any(isinstance(v, Casualties) for v in values(text, 2023))


# --- claims read through a reference ---------------------------------------------------------


def test_claims_are_quoted_and_attributed_as_written() -> None:
    text = (
        "The National Resistance Front met in the valley on Monday.\n\n"
        "The group says it now has about 9,000 fighters, a figure that could not be verified."
    )
    claims = [c for c in extract_claims(text, ENTITIES, year=2021) if c.value.kind == "force_size"]
    assert [c.value for c in claims] == [
        ForceSize("National Resistance Front", 9000, 9000, "approx", "fighters")
    ]
    assert claims[0].quote == (
        "The group says it now has about 9,000 fighters, a figure that could not be verified."
    )
    assert claims[0].claimed_by == "the group"
    assert claims[0].hedged


def test_a_pronoun_claimant_is_the_person() -> None:
    text = "Amrullah Saleh is in the valley. He said the NRF had 9,000 fighters."
    claims = [c for c in extract_claims(text, ENTITIES, year=2021) if c.value.kind == "force_size"]
    assert [(c.value, c.claimed_by) for c in claims] == [
        (ForceSize("National Resistance Front", 9000, 9000, "exact", "fighters"), "Amrullah Saleh")
    ]


def test_article_facts_through_references() -> None:
    text = (
        "Saleh in Panjshir as Taliban close in\n\n"
        "Amrullah Saleh, the former vice-president, is in the Panjshir valley. He declared"
        " himself caretaker president last week.\n\n"
        "The Taliban said on Monday they had surrounded the valley."
    )
    found = values(text)
    assert Leadership("Amrullah Saleh", "caretaker president", None, "declared") in found
    assert TerritorialControl("Panjshir", "Taliban", "surrounded") in found
