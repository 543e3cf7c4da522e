"""The rule lemmatizer's answers remembered for every word, the same lemmas cheaper.

spaCy's rule lemmatizer remembers a lemma per form, part of speech and morphology only when it
worked one out by its rules; the forms it answers early (a singular noun, a verb in its base
form, a proper noun: about two tokens in three of news prose) go through its checks again at
every token (3.2 ms of an article of 1,000 words, 1.3 ms remembered: benchmarks/README.md).
Its answer depends on nothing but those three, so every answer is remembered here
(tests/extract/test_lemmas.py compares the lemmas with spaCy's own on every corpus text).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Token

# Words remembered before the memory starts again: a daemon reads new words for ever.
_REMEMBERED = 20_000


def remember_lemmas(lemmatizer: Lemmatizer) -> None:
    """Make a rule lemmatizer remember every answer (in place); other modes are left alone."""
    if lemmatizer.mode == "rule":
        lemmatizer.lemmatize = _Remembered(lemmatizer.rule_lemmatize)


class _Remembered:
    def __init__(self, lemmatize: Callable[[Token], list[str]]) -> None:
        self.lemmatize = lemmatize
        self.answers: dict[tuple[int, int, int], list[str]] = {}

    def __call__(self, token: Token) -> list[str]:
        if not token.pos:  # spaCy warns of a missing part of speech: let it, every time
            return self.lemmatize(token)
        key = (token.orth, token.pos, hash(token.morph))  # its hash is its key
        answer = self.answers.get(key)
        if answer is None:
            if len(self.answers) >= _REMEMBERED:
                self.answers.clear()
            answer = self.answers[key] = self.lemmatize(token)
        return answer
