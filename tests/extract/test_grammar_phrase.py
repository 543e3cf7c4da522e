"""The noun phrase a speaker or a side is named by, and the word a name stands by, as the
parse gives them back."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from monitor.extract import extract_claims
from monitor.extract.language.grammar import phrase, phrase_head
from monitor.extract.language.nlp import load
from monitor.records import EntityRef, TerritorialControl


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
    parsed = load()(sentence)
    [subject] = [t for t in parsed if t.dep_ == "nsubj" and t.head.lemma_ == "say"]
    assert phrase(subject) == expected


def test_a_name_the_parser_broke_stands_by_the_word_in_the_verbs_slot() -> None:
    """The parser may hang a name's words on different heads ("Nusrat" an adverbial of the
    verb, "Islam" its subject): the word in the verb's slot stands for the name."""
    words = ["Nusrat", "al", "-", "Islam", "has", "besieged", "Varno", "."]
    heads = [5, 3, 3, 5, 5, 5, 5, 5]
    deps = ["npadvmod", "compound", "punct", "nsubj", "aux", "ROOT", "dobj", "punct"]
    doc = Doc(
        Vocab(),
        words=words,
        spaces=[True, False, False, True, True, True, False, False],
        heads=heads,
        deps=deps,
    )
    head = phrase_head(list(doc[0:4]))
    assert head is not None and head.text == "Islam"
    whole = phrase_head(list(doc[6:7]))
    assert whole is not None and whole.text == "Varno"


def test_a_broken_name_still_does_what_its_sentence_says() -> None:
    entities = (EntityRef("Nusrat al-Islam", "group"), EntityRef("Varno", "place"))
    text = "Nusrat al-Islam, al-Qaeda's affiliate in the Sahel, has besieged Varno for a year."
    found = [c.value for c in extract_claims(text, entities, year=2024)]
    assert found == [TerritorialControl("Varno", "Nusrat al-Islam", "surrounded")]
