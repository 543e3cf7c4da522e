"""Losses whose side a sentence names only by a kin of its configured name ("pro-government
militants" for "pro-government forces", "federal soldiers" for "federal forces"), with no
configured name in the sentence at all, are read too. Sentences written for this test."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import Casualties, EntityRef

ENTITIES = (
    EntityRef("Varosian army", "group", ("federal forces",)),
    EntityRef("Coast government forces", "group", ("pro-government forces",)),
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
)


def losses(text: str) -> list[tuple[str, int | None]]:
    found = extract_claims(text, ENTITIES, ["casualties"], year=2025)
    return [(v.subject, v.killed_min) for c in found if isinstance(v := c.value, Casualties)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "About 600 pro-government militants were killed over the same months.",
            [("Coast government forces", 600)],
        ),
        ("Some 40 federal soldiers died in the clashes, officials said.", [("Varosian army", 40)]),
    ],
)
def test_a_kin_name_alone_names_the_side(text: str, expected: list[tuple[str, int]]) -> None:
    assert losses(text) == expected


def test_another_modifier_names_no_side() -> None:
    assert losses("Some 40 foreign-trained soldiers died in the clashes, officials said.") == []
