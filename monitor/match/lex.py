"""Tokens of the watch query language, and the error every query mistake becomes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

TokenKind = Literal["word", "phrase", "field", "(", ")", "AND", "OR", "NOT", "NEAR", "end"]
QUOTES = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb')
MAX_DISTANCE = 100
_FIELD = re.compile(r"([A-Za-z]+):")
_NEAR = re.compile(r"NEAR/([0-9]+)")
_OPERATORS: dict[str, TokenKind] = {"AND": "AND", "OR": "OR", "NOT": "NOT"}


class QueryError(ValueError):
    """A malformed query: `position` is the 0-based character offset, `reason` says what is
    wrong there. `str()` reads `position 14: expected ')' to close the '(' at position 3`,
    prefixed with `watch 'name': ` when the matcher knows which watch it is."""

    def __init__(self, position: int, reason: str, query: str = "", watch: str | None = None):
        where = f"watch {watch!r}: " if watch else ""
        super().__init__(f"{where}position {position}: {reason}")
        self.position = position
        self.reason = reason
        self.query = query
        self.watch = watch

    def pointer(self) -> str:
        """The query with a caret under the position, for a terminal."""
        return f"{self.query}\n{' ' * self.position}^ {self.reason}"


@dataclass(frozen=True, slots=True)
class Token:
    kind: TokenKind
    text: str
    pos: int
    distance: int = 0


def tokenize(query: str) -> list[Token]:
    """The tokens of a query, ending with an `end` token at `len(query)`."""
    tokens: list[Token] = []
    i = 0
    while i < len(query):
        char = query[i]
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(Token("(" if char == "(" else ")", char, i))
            i += 1
        elif char in QUOTES:
            i = _phrase(query, i, tokens)
        else:
            i = _bare(query, i, tokens)
    tokens.append(Token("end", "", len(query)))
    return tokens


def _phrase(query: str, start: int, tokens: list[Token]) -> int:
    end = next((j for j in range(start + 1, len(query)) if query[j] in QUOTES), -1)
    if end < 0:
        raise QueryError(len(query), f"no closing quote for the quote at position {start}", query)
    tokens.append(Token("phrase", query[start + 1 : end], start))
    return end + 1


def _bare(query: str, start: int, tokens: list[Token]) -> int:
    end = start
    while end < len(query) and not _separates(query[end]):
        end += 1
    text = query[start:end]
    field = _FIELD.match(text)
    if field:
        tokens.append(Token("field", field.group(1), start))
        return start + field.end()
    if text in _OPERATORS:
        tokens.append(Token(_OPERATORS[text], text, start))
    elif text == "NEAR" or text.startswith("NEAR/"):
        tokens.append(Token("NEAR", text, start, _distance(query, start, text)))
    else:
        tokens.append(Token("word", text, start))
    return end


def _separates(char: str) -> bool:
    return char.isspace() or char in "()" or char in QUOTES


def _distance(query: str, start: int, text: str) -> int:
    found = _NEAR.fullmatch(text)
    distance = int(found.group(1)) if found else 0
    if not 1 <= distance <= MAX_DISTANCE:
        where = start + 5 if found else start
        reason = f"bad NEAR distance: write NEAR/n with n a whole number from 1 to {MAX_DISTANCE}"
        raise QueryError(where, reason, query)
    return distance
