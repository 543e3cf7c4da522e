"""The attribute ruler's matches found by lookup (`extract.attribute_rules`) are exactly those
spaCy's own matcher finds, so every token keeps the same part of speech, morphology and lemma.
Checked on every text of the three labelled corpora and on sentences that exercise the ruler's
special patterns (contractions, "gonna", "y'all", "there's", "let's", spaces)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import spacy
from own_corpora import corpus_texts
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from monitor.extract.language import nlp
from monitor.extract.language.attribute_rules import _IndexedMatch, index_matches

SPECIAL = [
    "Y'all ain't gonna believe it: there's nothin' left, let's go, c'mon.",
    "I gotta say it is what it is, and you got it; he gets it, doesn't he?",
    "But the commander, who had been wounded, said that if it fell they would leave.",
    "The  NRF\u00a0said   it\n\nholds  Bazarak .  Whether it does is unclear; it's n't.",
    "Do they? They did, as did we, though we have not and had never done so.",
]


@pytest.fixture(scope="module")
def model() -> Language:
    return nlp.load()


def ruler_of(model: Language) -> AttributeRuler:
    ruler = model.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return ruler


@contextmanager
def spacy_matching(ruler: AttributeRuler) -> Iterator[None]:
    """The ruler as spaCy ships it: its own `match` for the time being."""
    indexed = ruler.match
    del ruler.match
    try:
        yield
    finally:
        ruler.match = indexed  # type: ignore[method-assign]


def unruled(model: Language, texts: list[str]) -> list[Doc]:
    """The texts tagged and parsed as `nlp` parses them, before the attribute ruler runs."""
    skip = ["attribute_ruler", "lemmatizer"]
    return [doc for text in texts for doc in model.pipe(nlp.blocks(text), disable=skip)]


def test_the_loaded_pipeline_finds_the_rulers_matches_by_lookup(model: Language) -> None:
    ruler = ruler_of(model)
    assert "match" in vars(ruler)  # the instance's own, not AttributeRuler.match


@pytest.mark.parametrize("source", ["corpora", "special"])
def test_lookup_finds_exactly_the_matches_of_spacys_matcher(model: Language, source: str) -> None:
    ruler = ruler_of(model)
    docs = unruled(model, corpus_texts() if source == "corpora" else SPECIAL)
    indexed = [ruler.match(doc) for doc in docs]
    with spacy_matching(ruler):
        original = [ruler.match(doc) for doc in docs]
    assert sum(map(len, original)) > sum(len(doc) for doc in docs)  # every token, some twice
    assert indexed == original


def test_every_token_keeps_its_part_of_speech_morphology_and_lemma(model: Language) -> None:
    ruler = ruler_of(model)
    texts = corpus_texts()[:40] + SPECIAL

    def annotations() -> list[tuple[str, str, str, str]]:
        docs = [doc for text in texts for doc in model.pipe(nlp.blocks(text))]
        return [(t.text, t.pos_, str(t.morph), t.lemma_) for doc in docs for t in doc]

    indexed = annotations()
    with spacy_matching(ruler):
        original = annotations()
    assert {pos for _, pos, _, _ in original} >= {"AUX", "VERB", "PROPN", "NUM", "PART"}
    assert indexed == original


def test_every_pattern_of_the_english_ruler_is_looked_up(model: Language) -> None:
    indexed = ruler_of(model).match
    assert isinstance(indexed, _IndexedMatch)
    assert len(indexed.others) == 0  # none left to spaCy's matcher, which tries every token


def ruler_of_other_shapes() -> tuple[Language, AttributeRuler]:
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"LOWER": "the"}, {"IS_ALPHA": True, "OP": "+"}]], {"LEMMA": "phrase"})
    ruler.add([[{"LOWER": {"REGEX": "^re"}}, {"LOWER": {"NOT_IN": ["town"]}}]], {"LEMMA": "re"})
    ruler.add(
        [[{"LOWER": {"IN": ["took", "seized"]}}, {"LOWER": "the"}]], {"LEMMA": "take"}, index=-1
    )
    ruler.add([[{"IS_SPACE": True}]], {"LEMMA": "space"}, index=-1)
    return blank, ruler


def test_a_ruler_of_other_shapes_finds_what_spacys_finds() -> None:
    """A pipeline of another language or version may write patterns the lookup cannot file
    (an operator, another attribute): those still go through a `Matcher`, and the rest of
    the shapes (two tokens, a list, a negation, a regular expression, space) by lookup."""
    texts = ["Rebels retook the town  and seized the  airport, re-entering it.", ""]
    blank, ruler = ruler_of_other_shapes()
    original = [ruler.match(blank(text)) for text in texts]
    spacys = [[t.lemma_ for t in blank(text)] for text in texts]
    blank, ruler = ruler_of_other_shapes()
    index_matches(ruler)
    assert len(ruler.match.others) == 1  # type: ignore[attr-defined]
    assert [ruler.match(blank(text)) for text in texts] == original
    assert len(original[0]) >= 6
    assert [[t.lemma_ for t in blank(text)] for text in texts] == spacys
    assert {"re", "phrase", "take", "space"} <= set(spacys[0])
