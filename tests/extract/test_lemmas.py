"""The lemmatizer that remembers every answer (`extract.lemmas`) gives every token the lemma
spaCy's own rule lemmatizer gives it, on every text of the three labelled corpora and on
sentences whose words take each of its paths (a base form, a rule, an exception, a proper
noun, a word read twice with two parts of speech)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from own_corpora import corpus_texts
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Token

from monitor.extract.language import nlp
from monitor.extract.language.lemmas import _Remembered

PATHS = [
    "The fighters were fighting; a fighter fought and fights, as the better armies ran.",
    "Massoud's men left; they leave, having left the leaves of the valley's trees behind.",
    "Taliban forces said the forces had forced their way in, and the Taliban's force grew.",
    "Geese, mice and children were seen; he sees, she saw, they have been seeing them.",
]


@pytest.fixture(scope="module")
def model() -> Language:
    return nlp.load()


def lemmatizer_of(model: Language) -> Lemmatizer:
    lemmatizer = model.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    return lemmatizer


@contextmanager
def spacys_lemmatizer(lemmatizer: Lemmatizer) -> Iterator[None]:
    """The lemmatizer as spaCy ships it for the time being, its own cache emptied."""
    remembered = lemmatizer.lemmatize
    lemmatizer.lemmatize = lemmatizer.rule_lemmatize
    lemmatizer.cache.clear()
    try:
        yield
    finally:
        lemmatizer.lemmatize = remembered


def lemmas(model: Language, texts: list[str]) -> list[tuple[str, str, str]]:
    docs = [doc for text in texts for doc in model.pipe(nlp.blocks(text))]
    return [(t.text, t.pos_, t.lemma_) for doc in docs for t in doc]


def test_the_loaded_pipeline_remembers_every_lemma(model: Language) -> None:
    assert isinstance(lemmatizer_of(model).lemmatize, _Remembered)


@pytest.mark.parametrize("source", ["corpora", "paths"])
def test_every_token_gets_the_lemma_spacy_gives_it(model: Language, source: str) -> None:
    texts = corpus_texts()
    texts = texts if source == "corpora" else PATHS * 2  # twice: the second time remembered
    remembered = lemmas(model, texts)
    with spacys_lemmatizer(lemmatizer_of(model)):
        original = lemmas(model, texts)
    changed = sum(text.casefold() != lemma for text, _, lemma in original)
    assert changed > len(original) // 10  # inflected words, not only base forms
    assert remembered == original


def test_a_word_read_again_is_answered_from_memory(model: Language) -> None:
    lemmatizer = lemmatizer_of(model)
    assert isinstance(lemmatizer.lemmatize, _Remembered)
    asked: list[str] = []
    answer = lemmatizer.lemmatize.lemmatize

    def asking(token: Token) -> list[str]:
        asked.append(token.text)
        return answer(token)

    lemmatizer.lemmatize.lemmatize = asking
    try:
        lemmas(
            model,
            ["Zorblaxian fighters zorblaxed the town.", "Zorblaxian fighters zorblaxed the town."],
        )
    finally:
        lemmatizer.lemmatize.lemmatize = answer
    assert asked.count("zorblaxed") == 1
    assert asked.count("fighters") <= 1
