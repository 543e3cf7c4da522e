"""The noun phrase a speaker or a side is named by, as the parse gives it back."""

from __future__ import annotations

import pytest

from monitor.extract.language.grammar import phrase
from monitor.extract.language.nlp import parse_texts


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Upper-Varna defence ministry said 35 soldiers were killed.",
            "The Upper-Varna defence ministry",
        ),
        (
            "A pro-government militia commander said the town was calm.",
            "A pro-government militia commander",
        ),
        ("The council, which met on Monday, said the town was calm.", "The council"),
    ],
)
def test_a_subject_keeps_its_hyphenated_words_and_loses_its_asides(
    sentence: str, expected: str
) -> None:
    [parsed] = parse_texts([sentence])
    [subject] = [t for t in parsed if t.dep_ == "nsubj" and t.head.lemma_ == "say"]
    assert phrase(subject) == expected
