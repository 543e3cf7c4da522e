"""The attribute ruler's matches found by lookup, the same matches faster.

An English pipeline's `attribute_ruler` gives each token its coarse part of speech and its
morphology from its fine-grained tag, then corrects particular words ("'s" as a verb, "ai" in
"ain't", "gon na"): 179 patterns of one or two tokens, each token tested for an exact tag,
lower-cased form or dependency label, a list of them, a regular expression or whether it is
space. spaCy's `Matcher` tries every pattern at every token, which cost as much as the
dependency parser (about 23 ms for 1,000 words). Here each pattern is filed under a value its
first token must have, the tokens' attributes are read once as an array, and a token is
tried only against the patterns filed under its own values (a pattern whose first token is
tested by a regular expression alone is remembered per word that passes it; one whose first
token asks no value at all is tried at every token). A pattern of another shape (an operator,
another attribute) still goes through a `Matcher`, so any pipeline's ruler works.

The matches come back in the ruler's own order, and the ruler's annotations are set token by
token without a `Span` per match: every token ends up with the same annotations
(tests/extract/test_attribute_rules.py checks it on every corpus text).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# A match as `AttributeRuler.match` gives it: (rule index, match key, start, end).
Match = tuple[int, int, int, int]
# The attributes a compiled pattern may test, in the order of the array read from a doc; a
# first token is filed under the first of them it requires (the fewest rules share a
# lower-cased form, the most a tag).
_COLUMNS = ("LOWER", "DEP", "TAG", "IS_SPACE")
_LOWER = 0
_WORDS_REMEMBERED = 20_000


@dataclass(frozen=True, slots=True)
class _Check:
    """One condition on one token's attribute: a value among `values` (hashes, or 0 and 1 for
    IS_SPACE), not among them when `negated`, or matching `regex` when it is set."""

    column: int
    values: frozenset[int]
    negated: bool = False
    regex: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class _Pattern:
    """One pattern of a rule; `settled` when finding it filed under its first token's value
    is all it asks."""

    rule: int
    key: int
    tokens: tuple[tuple[_Check, ...], ...]
    settled: bool = False

    @property
    def length(self) -> int:
        return len(self.tokens)


def index_matches(ruler: AttributeRuler) -> None:
    """Make `ruler` find its matches by lookup and set them token by token (in place)."""
    ruler.match = _IndexedMatch(ruler)  # type: ignore[method-assign]
    ruler.set_annotations = _TokenAnnotations(ruler)  # type: ignore[method-assign]


def _check(vocab: Vocab, attribute: str, spec: object) -> _Check | None:
    """A pattern's condition on one attribute, when the lookup can test it."""
    if attribute not in _COLUMNS:
        return None
    column = _COLUMNS.index(attribute)

    def hashed(value: object) -> int:
        return int(value) if isinstance(value, bool) else int(vocab.strings.add(str(value)))

    if isinstance(spec, str | bool):
        return _Check(column, frozenset([hashed(spec)]))
    if not isinstance(spec, dict) or len(spec) != 1:
        return None
    ((predicate, argument),) = spec.items()
    if predicate in ("IN", "NOT_IN") and isinstance(argument, list):
        return _Check(column, frozenset(map(hashed, argument)), predicate == "NOT_IN")
    if predicate == "REGEX" and isinstance(argument, str) and attribute == "LOWER":
        return _Check(column, frozenset(), regex=re.compile(argument))
    return None


def _compiled(vocab: Vocab, pattern: list[dict[str, Any]]) -> tuple[tuple[_Check, ...], ...] | None:
    tokens = []
    for spec in pattern:
        checks = [_check(vocab, attribute, value) for attribute, value in spec.items()]
        if not spec or None in checks:
            return None
        tokens.append(tuple(c for c in checks if c is not None))
    return tuple(tokens)


def _filing(checks: tuple[_Check, ...]) -> _Check | None:
    """The condition of a first token a pattern is filed under: a value it must have."""
    listed = [c for c in checks if not c.negated and c.regex is None]
    return min(listed, key=lambda c: c.column) if listed else None


class _IndexedMatch:
    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.matcher import Matcher

        self.strings = ruler.vocab.strings
        self.filed: list[dict[int, list[_Pattern]]] = [defaultdict(list) for _ in _COLUMNS]
        self.everywhere: list[_Pattern] = []
        self.of_word: list[_Pattern] = []
        self.by_word: dict[int, tuple[_Pattern, ...]] = {}
        self.others = Matcher(ruler.vocab)
        for rule in range(len(ruler.attrs)):
            name = str(rule)
            patterns = ruler.matcher.get(name)[1]
            compiled = [_compiled(ruler.vocab, p) for p in patterns]
            if not all(compiled):
                self.others.add(name, patterns)
                continue
            for tokens in compiled:
                assert tokens is not None
                self._file(_Pattern(rule, self.strings[name], tokens))
        self.filed = [dict(table) for table in self.filed]

    def _file(self, pattern: _Pattern) -> None:
        first = _filing(pattern.tokens[0])
        if first is None and all(c.column == _LOWER for c in pattern.tokens[0]):
            self.of_word.append(pattern)
            return
        if first is None:
            self.everywhere.append(pattern)
            return
        settled = pattern.tokens == ((first,),)
        for value in first.values:
            self.filed[first.column][value].append(replace(pattern, settled=settled))

    def __call__(self, doc: Doc) -> list[Match]:
        found = self.others(doc, allow_missing=True, as_spans=False) if len(self.others) else []
        matches = [(int(self.strings[key]), key, start, end) for key, start, end in found]
        rows: list[list[int]] = doc.to_array(list(_COLUMNS)).tolist()
        verify = _Verifier(rows, self.strings)
        by_lower, by_dep, by_tag, by_space = self.filed
        everywhere, add = self.everywhere, matches.append
        for start, (lower, dep, tag, space) in enumerate(rows):
            by_word = self.by_word.get(lower)
            if by_word is None:
                by_word = self._by_word(lower)
            for filed in (
                by_lower.get(lower),
                by_dep.get(dep),
                by_tag.get(tag),
                by_space.get(space),
            ):
                for pattern in filed or ():
                    if pattern.settled or verify(pattern, start):
                        add((pattern.rule, pattern.key, start, start + pattern.length))
            if by_word or everywhere:
                for pattern in (*by_word, *everywhere):
                    if verify(pattern, start):
                        add((pattern.rule, pattern.key, start, start + pattern.length))
        return sorted(set(matches))

    def _by_word(self, lower: int) -> tuple[_Pattern, ...]:
        """The patterns tested on a first token's form alone (a regular expression) that the
        form passes, remembered per word, as spaCy's vocabulary remembers the word itself."""
        if len(self.by_word) > _WORDS_REMEMBERED:
            self.by_word.clear()
        word = self.strings[lower]
        passing = tuple(
            p for p in self.of_word if all(_passes(c, lower, word) for c in p.tokens[0])
        )
        self.by_word[lower] = passing
        return passing


class _Verifier:
    """Whether a pattern holds at a token of one doc; a regular expression is tried once per
    word."""

    def __init__(self, rows: list[list[int]], strings: Any) -> None:
        self.rows = rows
        self.strings = strings
        self.regex_hits: dict[tuple[re.Pattern[str], int], bool] = {}

    def __call__(self, pattern: _Pattern, start: int) -> bool:
        if start + pattern.length > len(self.rows):
            return False
        for offset, checks in enumerate(pattern.tokens):
            row = self.rows[start + offset]
            if not all(self._holds(check, row[check.column]) for check in checks):
                return False
        return True

    def _holds(self, check: _Check, value: int) -> bool:
        if check.regex is None:
            return (value in check.values) != check.negated
        hit = self.regex_hits.get((check.regex, value))
        if hit is None:
            hit = self.regex_hits[check.regex, value] = _passes(check, value, self.strings[value])
        return hit


def _passes(check: _Check, value: int, text: str) -> bool:
    """Whether an attribute's value (its hash; for a regular expression its text) passes."""
    if check.regex is not None:
        return bool(check.regex.search(text))
    return (value in check.values) != check.negated


class _TokenAnnotations:
    """`AttributeRuler.set_annotations` without a `Span` per match: the token a rule sets is
    found from its index in the match directly."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.fallback = type(ruler).set_annotations

    def __call__(self, doc: Doc, matches: list[Match]) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        ruler = self.ruler
        for match in matches:
            rule, _, start, end = match
            index = ruler.indices[rule]
            at = (start if index >= 0 else end) + index
            if not start <= at < end:
                # spaCy's own method raises its own error for an index out of the match
                self.fallback(ruler, doc, [match])  # type: ignore[no-untyped-call]
                continue
            set_token_attrs(doc[at], ruler.attrs[rule])
