"""What a sentence asks ("unclear whether X was killed") is no fact, and a denial in a clause
set against a claim ("..., but the KDF said he was alive") is that clause's speaker's.
Sentences written for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import EntityRef, Leadership

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Northern Army", "group"),
    EntityRef("Ilse Sato", "person", affiliation="Kelso Defence Front"),
    EntityRef("Dorn", "place"),
)


@pytest.mark.parametrize(
    "text",
    [
        "The strike targeted Ilse Sato, but it was not clear whether she was killed.",
        "It was unclear whether Ilse Sato had been killed in the strike.",
        "It is not known whether 40 KDF fighters were killed.",
        "Officials would not say whether the KDF had captured Dorn.",
    ],
)
def test_what_is_asked_is_no_fact(text: str) -> None:
    assert extract_claims(text, ENTITIES, year=2025) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Northern Army claimed to have killed Ilse Sato, but the KDF said she was alive.",
            "the KDF",
        ),
        (
            "The Northern Army said Ilse Sato was killed, but a KDF spokesman insisted she was "
            "alive and well.",
            "a KDF spokesman",
        ),
    ],
)
def test_a_denial_set_against_a_claim_is_its_own_speakers(text: str, speaker: str) -> None:
    claims = extract_claims(text, ENTITIES, year=2025)
    told = {(v.status, c.claimed_by) for c in claims if isinstance(v := c.value, Leadership)}
    assert ("denied", speaker) in told
    assert ("killed", "the Northern Army") in told
