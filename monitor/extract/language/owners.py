"""Whose or which a noun phrase is, by the words inside it: its modifiers ("RSF fighters",
"Syrian Arab Army soldiers"), the object of its "of" or, for fighters, "from" ("fighters of
the RSF", "fighters from a rebel group, the RSF"), a possessive "whose" (the noun its relative
clause belongs to), the name a participle gives it ("a town called Bara"), and for a place the
name a place noun introduces ("the town of Bara").
An aside on part of the people ("20 people, most of them X fighters") names none of them.
`frame_base.Parsed.entity` looks the configured entities up among these words.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from monitor.extract.language.units import PLURALS
from monitor.extract.language.where import PLACE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

_MODIFIERS = frozenset("compound poss nmod amod appos npadvmod".split())


def inner(token: Token, kind: str) -> Iterator[Token]:
    """The tokens of a noun phrase that may name whose or which it is: its modifiers, and their
    own modifiers ("Fano armed group fighters", "Syrian Arab Army soldiers"), and the object
    of its "of" ("fighters of the RSF"), or of "from" for fighters ("fighters from the RSF"),
    with the name in apposition to that object ("fighters from a rebel group, the RSF")."""
    if kind == "place" and token.lemma_.lower() not in PLACE_NOUNS:
        return
    owners = ("of", "from") if kind == "group" and token.lower_ in PLURALS else ("of",)
    for child in (*token.children, *_from_beside(token, owners)):
        if child.dep_ == "acl" and child.lemma_ in _CALLING:
            yield from _called(child)  # "a town called Bara", "the capital, also called Bara"
            continue
        if child.dep_ == "appos" and _of_some(child):
            continue  # "20 people, most of them X fighters": X's are only some of them
        if child.dep_ == "poss" and child.lower_ == "whose":
            yield from _whose(token)  # "the RSF, whose fighters ...": the RSF's fighters
        elif child.dep_ in _MODIFIERS:
            yield child
            if kind != "place":  # "Kelso district villages" are villages, not Kelso
                yield from (t for t in child.subtree if t is not child and t.dep_ in _MODIFIERS)
        elif child.dep_ == "prep" and child.lower_ in owners:
            for owner in (g for g in child.children if g.dep_ == "pobj"):
                yield owner  # and the name it stands beside: "from a rebel group, the RSF"
                yield from (a for a in owner.children if a.dep_ == "appos")


# "a town called Bara", "a militia known as the Front": the name a participle gives the noun.
_CALLING = frozenset("call name know dub".split())


def _called(participle: Token) -> Iterator[Token]:
    for c in participle.children:
        if c.dep_ in ("oprd", "attr", "dobj", "xcomp"):
            yield c
        elif c.dep_ == "prep" and c.lower_ == "as":
            yield from (g for g in c.children if g.dep_ == "pobj")


# Quantifiers of a part: "most of them", "many of whom", "half of them".
_PART_WORDS = frozenset("most many some half several few majority".split())


def _of_some(appositive: Token) -> bool:
    """An aside that tells what part of the people are ("most of them X fighters")."""
    return any(
        c.lower_ in _PART_WORDS and any(g.lower_ == "of" for g in c.children)
        for c in appositive.children
    )


def _whose(token: Token) -> list[Token]:
    """What "whose" stands for in the phrase of `token`: the noun the relative clause that
    holds the phrase belongs to."""
    node = token
    while node.dep_ != "relcl" and node.head.i != node.i:
        node = node.head
    return [node.head] if node.dep_ == "relcl" else []


def _from_beside(token: Token, owners: tuple[str, ...]) -> list[Token]:
    """ "fell to fighters from X": the parser may hang a "from" right after the fighters on
    the verb instead; standing right after them, it still says whose they are."""
    if "from" not in owners or token.i + 1 >= len(token.doc):
        return []
    after = token.doc[token.i + 1]
    beside = after.lower_ == "from" and after.dep_ == "prep" and after.head.i != token.i
    return [after] if beside and after.head.i == token.head.head.i else []
