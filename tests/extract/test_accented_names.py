"""Names as the world writes them: a capital with an accent ("Émile", "Ürümqi", "Şahin") is a
capital, and a word written with a capital inside its sentence is a name even where the tagger
took an unfamiliar one for a common noun ("in Edea")."""

from __future__ import annotations

import re

import pytest
from control_facts import SOUTH, VARNO_WAR

from monitor.extract import extract_claims
from monitor.extract.language.text import CAPITAL, LOWER
from monitor.records import Casualties, Claim, Leadership


def claims(text: str) -> list[Claim]:
    return extract_claims(text, VARNO_WAR, year=2024)


def test_a_capital_is_any_latin_capital_and_only_a_capital() -> None:
    capital, lower = re.compile(CAPITAL), re.compile(LOWER)
    assert all(capital.fullmatch(c) for c in "AZÉÖŞŁÇÑŽ")
    assert not any(capital.fullmatch(c) for c in "aéöşłçñž1_-")
    assert all(lower.fullmatch(c) for c in "azéöşłçñžß")
    assert not any(lower.fullmatch(c) for c in "AÉ1")


def test_a_speaker_named_with_an_accent_before_an_apposition_is_the_claimant() -> None:
    found = claims("Émile Traoré, a militia spokesman, said the NLA had taken Varno.")
    assert [(c.value.kind, c.claimed_by) for c in found] == [
        ("territorial_control", "Émile Traoré")
    ]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("General Brel was last seen in Ürümqi.", "Ürümqi"),  # an accented capital
        ("General Brel is hiding in Edea, officials said.", "Edea"),  # tagged a common noun
    ],
)
def test_a_whereabouts_in_a_place_written_with_a_capital_is_read(text: str, place: str) -> None:
    fates = [c.value for c in claims(text) if isinstance(c.value, Leadership)]
    assert fates == [Leadership("Tomas Brel", None, None, "located", place)]


def test_losses_keep_a_place_written_with_a_capital() -> None:
    found = claims("NLA fighters killed 12 Southern Army soldiers in Edea on Monday.")
    losses = [c.value for c in found if isinstance(c.value, Casualties)]
    assert [(v.subject, v.killed_min, v.location) for v in losses] == [(SOUTH, 12, "Edea")]


@pytest.mark.parametrize(
    "text",
    [
        "General Brel is in hiding, officials said.",  # no capital: no place
        "General Brel is in talks with the NLA, officials said.",
    ],
)
def test_a_word_in_lower_case_after_in_is_no_whereabouts(text: str) -> None:
    assert not [c for c in claims(text) if getattr(c.value, "status", None) == "located"]
