"""Who states a fact, read from the parse: the subject of the verb that reports it, or the
source of an "according to"; and the claimant the word patterns found, mended where the parse
knows better ("a senior U" is "a senior U.S. official"; "officials have repeatedly" is
"officials"; "took Tarsa", cut out of a relative clause, is nobody).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from monitor.extract.language.grammar import (
    SPEECH_LEMMAS,
    according_to,
    article_lowered,
    claimant_of,
    phrase,
    tokens_at,
    who_speaks,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def claimant(span: Span, verbs: Sequence[Token]) -> str | None:
    """Who states the fact: the subject of the verb that reports it, or an "according to"."""
    for verb in verbs:
        stated = claimant_of(verb)
        if stated is not None:
            return stated
    roots = [t for t in span if t.dep_ == "ROOT" and t.lemma_ in SPEECH_LEMMAS]
    for root in roots:
        who = who_speaks(root)
        if who is not None and who.pos_ != "PRON":
            return article_lowered(phrase(who))
    return according_to(span)


def _has_noun(span: Span, words: str) -> bool:
    """Whether `words` read as a noun phrase: a noun in them, and no verb opening them ("took
    Tarsa", cut out of "X, which took Tarsa last week, said")."""
    start = span.text.find(words)
    if start < 0:
        return True  # not in this sentence as written: leave it to the extractor
    tokens = tokens_at(span, start, start + len(words))
    opens_with_verb = bool(tokens) and tokens[0].pos_ in ("VERB", "AUX")
    return not opens_with_verb and any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in tokens)


def better_claimant(span: Span, found: str | None, parsed: str | None) -> str | None:
    """The claimant the word patterns found, mended by the one the parse gives: the whole
    phrase for a fragment of it, the phrase without its verb's words, or the parse's for words
    that are no noun phrase."""
    if found is None:
        return None
    if parsed and found != parsed and found in parsed:
        return parsed  # a fragment of the phrase the parse gives: "a senior U"
    cut = len(parsed or "")
    if parsed and found.casefold().startswith(parsed.casefold()) and _verb_words(span, found, cut):
        return found[:cut]  # the phrase and its verb's own words: "officials have repeatedly"
    return found if _has_noun(span, found) else parsed


def _verb_words(span: Span, found: str, cut: int) -> bool:
    """Whether what `found` holds after its first `cut` characters is words of a verb group
    alone: auxiliaries, adverbs and particles ("have long", "had repeatedly")."""
    where = re.search(re.escape(found), span.text, re.I)  # "a spokesman" of "A spokesman said"
    if where is None or not found[cut:].strip():
        return False
    tokens = tokens_at(span, where.start() + cut, where.end())
    return bool(tokens) and all(t.pos_ in ("AUX", "ADV", "PART") for t in tokens)
