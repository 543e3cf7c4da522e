"""Who claims a fact is a noun phrase that speaks: never a time phrase ("since April", "on
Thursday") nor the words of a relative clause ("includes the M23", "took the town"), which the
words before a verb of speech can be. Sentences written for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Ilse Sato", "person", affiliation="Kelso Defence Front"),
    EntityRef("Dorn", "place"),
    EntityRef("Mirel", "place"),
)


def claimants(text: str) -> set[str | None]:
    return {c.claimed_by for c in extract_claims(text, ENTITIES, year=2025)}


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "The KDF, which took Dorn last week, said it now holds Mirel.",
            "the KDF",
        ),
        (
            "A senior officer, speaking on condition of anonymity, said the KDF had about "
            "6,000 fighters.",
            "a senior officer",
        ),
    ],
)
def test_the_speaker_is_the_noun_phrase_before_the_aside(text: str, claimant: str) -> None:
    assert claimants(text) - {None} == {claimant}


@pytest.mark.parametrize(
    "text",
    [
        "Aides to Ilse Sato, the KDF's leader, on Thursday denied reports that she had fled.",
        "Ilse Sato, who has led the front since April, told delegates that the KDF now had "
        "more than 6,000 fighters.",
    ],
)
def test_a_time_phrase_is_never_the_claimant(text: str) -> None:
    found = claimants(text)
    assert found and not found & {"on Thursday", "Thursday", "since April", "April"}


def test_a_clause_before_or_after_the_speech_verb_is_not_who_spoke() -> None:
    spoken = "Thirty KDF fighters were killed, said a Northern Army spokesman."
    assert claimants(spoken) - {None} == {"a Northern Army spokesman"}
    told = "The KDF, whose fighters took Dorn on Monday, said the town was calm."
    assert claimants(told) == {None}
