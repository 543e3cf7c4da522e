"""Words of praise before an office ("a leading commander", "a prominent commander") are no
part of it, as "veteran" and "powerful" are not (leadership.roles)."""

from __future__ import annotations

import pytest
from control_facts import VARNO_WAR

from monitor.extract import extract_claims
from monitor.records import Leadership


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brel, a leading southern commander, said Varno was calm.",
        "A prominent southern commander, Tomas Brel, said Varno was calm.",
        "Tomas Brel, a high-ranking southern commander, said Varno was calm.",
    ],
)
def test_a_word_of_praise_is_no_part_of_the_office(text: str) -> None:
    offices = [c.value for c in extract_claims(text, VARNO_WAR, year=2024)]
    assert [o.role for o in offices if isinstance(o, Leadership)] == ["southern commander"]
