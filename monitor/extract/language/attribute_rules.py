"""The attribute ruler's matches found by lookup, the same matches faster.

An English pipeline's `attribute_ruler` gives each token its coarse part of speech and its
morphology from its fine-grained tag, then corrects particular words ("'s" as a verb, "ai" in
"ain't"): 179 patterns, nearly all of one token with an exact tag, an exact lower-cased form
or a list of either. spaCy's `Matcher` tries every pattern at every token, which cost as much
as the dependency parser (about 23 ms for 1,000 words). Here the patterns of that simple shape
are looked up by the token's tag and lower-cased form, and only the others (a dependency label,
a regular expression, two tokens, a negation) go through a `Matcher`. The matches come back in
the ruler's own order and the ruler sets the attributes itself, so every token ends up with the
same annotations (tests/extract/test_attribute_rules.py checks it on every corpus text).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

# A match as `AttributeRuler.match` gives it: (rule index, match key, start, end).
Match = tuple[int, int, int, int]
# A condition on one token attribute: (attribute, the values it may take, True for NOT_IN).
Check = tuple[str, frozenset[object], bool]
# The attributes a looked-up rule may test, and those a rule is looked up by, in order of
# preference (the fewest rules share a lower-cased form, the most a tag).
_TESTED = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})
_ANCHORS = ("LOWER", "DEP", "TAG")


def index_matches(ruler: AttributeRuler) -> None:
    """Make `ruler` find its matches by lookup where a pattern allows it (in place)."""
    ruler.match = _IndexedMatch(ruler)  # type: ignore[method-assign]


def _check(attribute: str, spec: object) -> Check | None:
    """A pattern's condition on one attribute, when it is an exact value, IN or NOT_IN."""
    if isinstance(spec, str | bool):
        return attribute, frozenset([spec]), False
    if isinstance(spec, dict) and len(spec) == 1 and set(spec) <= {"IN", "NOT_IN"}:
        ((predicate, values),) = spec.items()
        return attribute, frozenset(values), predicate == "NOT_IN"
    return None


def _lookup_rule(patterns: list[list[dict[str, Any]]]) -> tuple[Check, list[Check]] | None:
    """The condition a rule is looked up by (a listed tag, form or dependency label) and the
    conditions checked after, for a rule of one pattern of one token; None for any other."""
    if len(patterns) != 1 or len(patterns[0]) != 1 or not set(patterns[0][0]) <= _TESTED:
        return None
    checks = [_check(attribute, spec) for attribute, spec in patterns[0][0].items()]
    if not all(checks):
        return None
    listed = [c for c in checks if c is not None and c[0] in _ANCHORS and not c[2]]
    if not listed:
        return None
    anchor = min(listed, key=lambda c: _ANCHORS.index(c[0]))
    return anchor, [c for c in checks if c is not None and c is not anchor]


class _IndexedMatch:
    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.matcher import Matcher

        self.strings = ruler.vocab.strings
        lookup: dict[tuple[str, object], list[tuple[int, int, list[Check]]]] = defaultdict(list)
        self.others = Matcher(ruler.vocab)
        for rule in range(len(ruler.attrs)):
            name = str(rule)
            patterns = ruler.matcher.get(name)[1]
            indexed = _lookup_rule(patterns)
            if indexed is None:
                self.others.add(name, patterns)
                continue
            (attribute, values, _), checks = indexed
            for value in values:
                lookup[attribute, value].append((rule, self.strings[name], checks))
        self.lookup = dict(lookup)

    def __call__(self, doc: Doc) -> list[Match]:
        found = self.others(doc, allow_missing=True, as_spans=False)
        matches = [(int(self.strings[key]), key, start, end) for key, start, end in found]
        lookup = self.lookup
        for i, token in enumerate(doc):
            values: dict[str, object] = {
                "LOWER": token.lower_,
                "DEP": token.dep_,
                "TAG": token.tag_,
            }
            for attribute in _ANCHORS:
                for rule, key, checks in lookup.get((attribute, values[attribute]), ()):
                    if checks and not _passes(token, values, checks):
                        continue
                    matches.append((rule, key, i, i + 1))
        matches.sort()
        return matches


def _passes(token: Any, values: dict[str, object], checks: list[Check]) -> bool:
    for attribute, accepted, negated in checks:
        value = token.is_space if attribute == "IS_SPACE" else values[attribute]
        if (value in accepted) == negated:
            return False
    return True
