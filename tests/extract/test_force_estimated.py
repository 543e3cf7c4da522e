"""A figure the text calls an estimate ("with an estimated 20,000 fighters") is approximate,
wherever the parser hangs the word that says so. Sentences written for this test."""

from __future__ import annotations

import pytest
from kelso_war import KELSO_WAR

from monitor.extract import extract_claims
from monitor.records import ForceSize


def sizes(text: str) -> list[tuple[int | None, str]]:
    claims = extract_claims(text, KELSO_WAR, ["force_size"], year=2025)
    return [(v.min, v.qualifier) for c in claims if isinstance(v := c.value, ForceSize)]


@pytest.mark.parametrize(
    "text",
    [
        "With an estimated 20,000 fighters, the KDF is the largest armed group in the region.",
        "The KDF, which has an estimated 20,000 fighters, rejected the offer.",
        "The KDF has roughly 20,000 fighters.",
    ],
)
def test_an_estimate_is_approximate(text: str) -> None:
    assert sizes(text) == [(20000, "approx")]


def test_a_figure_told_as_such_stays_exact() -> None:
    assert sizes("With 20,000 fighters, the KDF is the largest armed group in the region.") == [
        (20000, "exact")
    ]
