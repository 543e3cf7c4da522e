"""A parsed sentence files its words once, and the frames start from its index of them: it must
give the very tokens a walk over the sentence finds, in the same order, on every sentence of
the corpora we wrote."""

from __future__ import annotations

import pytest
from own_corpora import corpus_texts

from monitor.extract.control import frames as control_frames
from monitor.extract.language.frame_base import Parsed, parsed
from monitor.extract.language.nlp import sentences

# lemmas some frames start from, a word that is its own lemma, and one no sentence has
LEMMAS = [
    frozenset("kill die capture take seize".split()),
    frozenset(("be",)),
    frozenset("force army unit".split()),
    frozenset(("zzz",)),
]
LOWERS = [frozenset(("where",)), frozenset("dead killed".split()), frozenset(("the", ","))]


@pytest.fixture(scope="module")
def parses() -> list[Parsed]:
    texts = corpus_texts()
    return [parsed(s.parse, (), None) for text in texts for s in sentences(text)]


def test_the_index_finds_what_a_walk_finds(parses: list[Parsed]) -> None:
    assert len(parses) > 500
    for s in parses:
        for lemmas in LEMMAS:
            assert s.with_lemma(lemmas) == [t for t in s.span if t.lemma_ in lemmas]
            folded = [t for t in s.span if t.lemma_.lower() in lemmas]
            assert s.with_lemma(lemmas, folded=True) == folded
        for words in LOWERS:
            assert s.with_lower(words) == [t for t in s.span if t.lower_ in words]


def test_a_capitalised_lemma_is_found_only_when_folded(parses: list[Parsed]) -> None:
    capitalised = [(s, t) for s in parses for t in s.span if t.lemma_.istitle()]
    assert capitalised
    s, token = capitalised[0]
    lowered = frozenset((token.lemma_.lower(),))
    assert token in s.with_lemma(lowered, folded=True)
    assert token not in s.with_lemma(lowered)


def test_no_control_verb_is_read_from_a_word_outside_the_frames_lemmas(
    parses: list[Parsed],
) -> None:
    read = [t for s in parses for t in s.span if control_frames._plain_verb_parts(t) is not None]
    assert read  # the corpora tell captures
    assert all(t.lemma_ in control_frames._VERB_LEMMAS for t in read)
    skipped = [t for s in parses for t in s.span if t.lemma_ not in control_frames._VERB_LEMMAS]
    assert all(control_frames._plain_verb_parts(t) is None for t in skipped)
