"""The shortcuts that make extraction fast answer exactly what the regexes they stand in for do.

Prefilters test lower-cased substrings before a case-insensitive regex runs, and mentions are
looked for only where a name's first word stands; each is checked here against the plain regex
on the labelled corpus, the extractor test tables and text with the characters where lower-casing
and re.I part ways. Per-sentence caches stay small, so that repeated passes over a corpus do not
measure the cache.
"""

from __future__ import annotations

import re
import sys

import pytest

from monitor.evaluation.corpus import DEFAULT_CORPUS, load_corpus
from monitor.extract import split_sentences
from monitor.extract.casualties import patterns as casualties
from monitor.extract.language import attribution, mentions, numbers
from monitor.extract.language.text import lowered_for_words

_CORPUS = load_corpus(DEFAULT_CORPUS)
_TRICKY = [
    "The Iſlamic State ſaid it KILLED 40 and wounded İki fighters, reportedly.",
    "TALİBAN fighters captured the town; the NRF ſays tens of thouſands fled.",
    "Ahmad Maſsoud’s men, accordıng to the NRF, loſt 12 men near Kabul.",
    "Some 3,000 Taliban and NRF fighters MAY have died, officials ſaid.",
    "The Kelvin sign \u212a: \u212aILLED \u212aabul; twenty-five hundred fighters",
    "Nobody said anything about the weather in Kabul.",
]
SENTENCES = sorted({s for d in _CORPUS.documents for s in split_sentences(d.text)} | set(_TRICKY))


def test_lowered_for_words_is_what_re_i_does_with_ascii_letters() -> None:
    letter = re.compile("[a-z]", re.I)
    for cp in range(0x80, sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        if lowered_for_words(c) is None:
            continue
        assert letter.fullmatch(c) is None, hex(cp)
        assert not any(ch.isascii() for ch in c.lower()), hex(cp)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_prefilters_agree_with_the_regexes(sentence: str) -> None:
    assert casualties._has_cue(sentence) is (casualties._CUE.search(sentence) is not None)
    hedged = attribution._HEDGES.search(attribution._DENIED_HEDGE.sub(" ", sentence))
    assert attribution.is_hedged.__wrapped__(sentence) is (hedged is not None)
    if attribution.find_speaker.__wrapped__(sentence) is None:
        return
    assert any(
        p.search(sentence)
        for p in (attribution._ACCORDING, attribution._VERB, attribution._INVERTED)
    )


@pytest.mark.parametrize("sentence", SENTENCES)
def test_number_prefilter_agrees_with_the_regex(sentence: str) -> None:
    expected = [m.span() for m in numbers._NUMBER.finditer(sentence)]
    found = [(a.start, a.end) for a in numbers._plain_numbers(sentence)]
    assert set(found) <= set(expected)
    if not expected:
        assert found == []
    else:  # the prefilter let the sentence through: the regex itself decided
        assert numbers._DIGIT.search(sentence) or any(
            w in sentence.lower() for w in numbers._NUMBER_WORDS
        )


@pytest.mark.parametrize("sentence", SENTENCES)
def test_mentions_are_searched_where_first_words_stand(sentence: str) -> None:
    configured = mentions._lookup(_CORPUS.entities)
    lowered = sentence.lower().replace("’", "'")
    if lowered_for_words(sentence) is None or len(lowered) != len(sentence):
        return  # the regex scans the whole sentence then
    for (_, _, pattern), first in zip(configured.names, configured.first, strict=True):
        if not first.isascii():
            continue
        expected = [m.span() for m in pattern.finditer(sentence)]
        fast = [m.span() for m in mentions._finditer(pattern, sentence, lowered, first)]
        assert fast == expected, (pattern.pattern, sentence)


def test_a_configuration_is_recognised_by_value_as_well_as_by_identity() -> None:
    entities = _CORPUS.entities
    as_list = list(entities)
    sentence = next(s for s in SENTENCES if mentions.find_mentions(s, entities))
    assert mentions.find_mentions(sentence, as_list) == mentions.find_mentions(sentence, entities)
    assert mentions.find_mentions(sentence, tuple(as_list)) == mentions.find_mentions(
        sentence, entities
    )


def test_per_sentence_caches_stay_small() -> None:
    for cached in (
        mentions._mentions,
        numbers._amounts,
        attribution.find_speaker,
        attribution.is_hedged,
    ):
        maxsize = cached.cache_info().maxsize
        assert maxsize is not None and maxsize <= 64
