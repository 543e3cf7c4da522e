"""Folding keeps a way back to the original text, even where it changes lengths."""

from __future__ import annotations

import random

import pytest

from monitor.match.text import FieldText, fold, term_key

PIECES = (
    "a", "B", "ß", "\ufb01", "e\u0301", "\u200c", "\u0130", "\u0640", "ي", "ك", "پ",
    " ", "  ", "-", "—", "’", ",", "_", "\n", "\u00a0", "ǅ", "Ⅻ", "①", "x\u0308\u0301",
)  # fmt: skip


@pytest.mark.parametrize("seed", range(300))
def test_every_word_maps_back_to_the_original_text(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 30)))
    field = FieldText("content", text)
    words = field.form.split()
    position = 0
    for index, word in enumerate(words):
        found = field.locate(position, f" {word} ")
        assert (found.first, found.last) == (index, index)
        assert term_key(text[found.start : found.end]) == word, (text, word)
        assert len(term_key(text[: found.start]).split()) == index
        position += len(word) + 1


def test_a_character_that_folds_to_several_words_maps_to_itself() -> None:
    field = FieldText("title", "x \ufdfa y")  # one character, four words
    assert field.form == " x صلی الله علیه وسلم y "
    found = field.locate(field.form.index(" الله"), " الله ")
    assert (found.first, found.start, found.end) == (2, 2, 3)


def test_fold_unifies_case_accents_forms_and_separators() -> None:
    assert (
        fold("Stra\u00dfe \ufb01nance  PANJSHÍR\tsnake_case")
        == "strasse finance panjshir snake case"
    )
    assert term_key("Panjshir, valley — “north”") == "panjshir valley north"
