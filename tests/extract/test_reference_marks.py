"""An encyclopedia page's reference marks are not prose: dropped before the parse, so a mark
glued after a full stop no longer hides the end of the sentence."""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.extract.language.nlp import blocks, sentences
from monitor.records import EntityRef, ForceSize

GUARD = EntityRef("Kastrel Guard", "group", ("the Guard",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Guard was founded in 1983.[3] It grew fast.", "The Guard was founded in 1983. It"),
        ("It fought in Dorvik[12] and Vell.[a]", "It fought in Dorvik and Vell."),
        ("Its size is unknown.[citation needed] Estimates vary.", "unknown. Estimates"),
        ("It had two wings.[3][4] Both were disbanded.", "two wings. Both"),
        ("It had two wings.[note 2] Both were disbanded.", "two wings. Both"),
    ],
)
def test_reference_marks_are_dropped(text: str, expected: str) -> None:
    assert expected in " ".join(blocks(text))
    assert "[" not in " ".join(blocks(text))


@pytest.mark.parametrize(
    "text",
    [
        "The list [1] was read aloud.",  # a bracket after a space is the writer's own
        "The statement [Reuters] was brief.",
        "He said the Guard [had] withdrawn.",  # an editor's insertion in a quote
    ],
)
def test_brackets_that_are_prose_stay(text: str) -> None:
    assert blocks(text) == [text]


def test_a_mark_after_a_full_stop_ends_the_sentence() -> None:
    text = "The Guard was founded in 1983.[3] As of 2024, it had about 12,000 soldiers."
    assert [s.text for s in sentences(text)] == [
        "The Guard was founded in 1983.",
        "As of 2024, it had about 12,000 soldiers.",
    ]


def test_the_quote_of_a_fact_carries_no_mark() -> None:
    text = (
        "As of 2024, the Kastrel Guard was estimated to have 12,000 soldiers.[4] As of 1990, "
        "it was a militia of farmers."
    )
    claims = extract_claims(text, [GUARD], year=2024)
    assert [(c.value, c.quote) for c in claims] == [
        (
            ForceSize("Kastrel Guard", 12000, 12000, "approx", "soldiers"),
            "As of 2024, the Kastrel Guard was estimated to have 12,000 soldiers.",
        )
    ]
