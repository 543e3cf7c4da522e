"""Lists in a control frame, read on the parse: several places taken at once ("most of the
region, including Kidal, Tessalit and Anefis") and several takers ("the Rwandan army and the
M23", "Malian and Wagner troops"). One fact per place and per taker.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from monitor.extract.language.frame_base import Parsed, child, prep_object, side_of, with_conjuncts
from monitor.extract.language.grammar import noun_head
from monitor.extract.language.mentions import find_mentions
from monitor.records import EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Token

# "the Nagorno-Karabakh town of Shusha": a settlement is named by its "of".
SETTLEMENTS = frozenset(
    "town city village port capital settlement township hub enclave stronghold".split()
)
# "including Kidal", "such as Kidal", "among them Kidal": the examples of an object.
_EXAMPLES = frozenset({"including", "like"})
# Clauses of their own inside a noun phrase: their places are theirs.
_CLAUSES = frozenset("relcl acl advcl ccomp".split())


def _phrase(token: Token) -> Iterator[Token]:
    """The tokens of a noun phrase without the clauses inside it."""
    yield token
    for c in token.children:
        if c.dep_ not in _CLAUSES:
            yield from _phrase(c)


def included_places(s: Parsed, item: Token, *, own: bool = False) -> Iterator[EntityRef]:
    """The places a noun phrase gives as examples of what it names: "most of the region,
    including Kidal and Tessalit"; with `own`, only the examples hung on `item` itself (a verb:
    "retaking most of the north by May, among them the provincial capital Dorvik")."""
    for t in item.children if own else _phrase(item):
        if t.dep_ != "prep" or t.lower_ not in _EXAMPLES:
            continue
        for obj in (g for g in t.children if g.dep_ == "pobj"):
            for example in with_conjuncts(obj):
                named = prep_object(example, "of")  # "the stronghold of X", "the towns of X and Y"
                if example.lemma_.lower() in SETTLEMENTS and named is not None:
                    yield from (p for n in with_conjuncts(named) if (p := s.entity(n, "place")))
                elif (place := s.entity(example, "place")) is not None:
                    yield place  # not its noun head: that is the first item


def takers(s: Parsed, token: Token) -> list[EntityRef]:
    """The configured groups a coordinated subject names, each once: "the Rwandan army and
    the M23" (two noun phrases), "Malian and Wagner troops" (two modifiers sharing one noun,
    each read with it: "Malian troops", "Wagner troops")."""
    found: list[EntityRef] = []
    for n, item in enumerate(with_conjuncts(token)):
        head = noun_head(item) if n == 0 else item  # a later item's head is the first item
        found += [g for g in [side_of(s, head) or _commanded_by(s, head)] if g is not None]
        found += _shared_noun(s, head)
    return list(dict.fromkeys(found))


_FORCE_NOUNS = frozenset("force troop fighter soldier unit army militia brigade".split())
_SIDING = frozenset("ally align loyal answer affiliate belong".split())
_COMMAND = frozenset("command control leadership banner".split())


def _commanded_by(s: Parsed, head: Token) -> EntityRef | None:
    """ "forces allied to the GNA", "troops loyal to X", "the army units under the command of
    X": a force that a phrase ties to a configured group is that group's."""
    if head.lemma_.lower() not in _FORCE_NOUNS:
        return None
    for mod in head.children:
        if mod.dep_ in ("acl", "amod") and mod.lemma_.lower() in _SIDING:
            side = prep_object(mod, "to", "with")
        elif mod.dep_ == "prep" and mod.lower_ == "under":
            ruled = child(mod, "pobj")
            side = prep_object(ruled, "of") if ruled is not None else None
            side = side if ruled is not None and ruled.lemma_.lower() in _COMMAND else None
        else:
            continue
        found = side_of(s, noun_head(side)) if side is not None else None
        if found is not None:
            return found
    return None


def _shared_noun(s: Parsed, head: Token) -> list[EntityRef]:
    """ "Malian and Wagner troops": each coordinated modifier with the noun they share."""
    out: list[EntityRef] = []
    for mod in head.children:
        if mod.dep_ not in ("amod", "compound") or not any(c.dep_ == "conj" for c in mod.children):
            continue
        for each in with_conjuncts(mod):
            words = f"{each.text} {head.text}"
            named = [m.entity for m in find_mentions(words, s.entities)]
            if not named:
                named = [m.entity for m in find_mentions(each.text, s.entities)]
            out += [e for e in named if e.kind == "group"]
    return out
