"""An age set off by commas after a name ("Tomas Brel, 58, said ...") is left out of what the
parser reads (`extract.language.asides`), so the speaker stays the speaker; the quote and the
claimant are given as written."""

from __future__ import annotations

import pytest
from control_facts import SOUTH, VARNO_WAR

from monitor.extract import extract_claims
from monitor.extract.language.asides import without_ages
from monitor.records import TerritorialControl


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("Tomas Brel, 58, said on Monday.", "Tomas Brel      said on Monday."),
        ("He met Brel, 58, and Asko, 61, in Varno.", "He met Brel      and Asko      in Varno."),
    ],
)
def test_an_age_after_a_name_is_blanked_the_same_length(line: str, read: str) -> None:
    assert without_ages(line) == read and len(read) == len(line)


@pytest.mark.parametrize(
    "line",
    [
        "In Varno, 30 were killed.",  # a count, not an age
        "Tomas Brel, 58, the face of the army, spoke.",  # the comma opens another apposition
        "The NLA lost 12, 14, and 20 fighters.",  # numbers after numbers
    ],
)
def test_what_is_no_age_after_a_name_stays(line: str) -> None:
    assert without_ages(line) == line


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Southern Army commander Tomas Brel, 58, said on Monday that southern forces had"
            " taken Varno.",
            "Southern Army commander Tomas Brel",
        ),
        ("Tomas Brel, 58, said southern troops had retaken Kastrel.", "Tomas Brel"),
    ],
)
def test_the_speaker_after_an_age_is_the_claimant(text: str, claimant: str) -> None:
    claims = [c for c in extract_claims(text, VARNO_WAR, year=2024) if c.value.kind != "leadership"]
    assert [(c.claimed_by, c.quote) for c in claims] == [(claimant, text)]
    assert isinstance(claims[0].value, TerritorialControl) and claims[0].value.controller == SOUTH
