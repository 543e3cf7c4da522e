"""Who the casualties were: "The casualties included 30 X fighters, 9 members of local militias
and 41 Y soldiers", "Among the casualties were 12 X fighters and 20 Y soldiers"; and who the
dead were ("The dead included ...", "Among the dead were ..."): each item its side's dead.

"The casualties" with its article refers back to the losses the sentence before told. When
that sentence told deaths and nothing else ("the fighting cost the lives of 40 people",
"ninety people died in the raid"), the casualties are those dead, and each
counted item of the list that names one side is that side's dead. When it told wounds too, or
no losses, "casualties" may be dead or wounded: no count is read (precision first).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from monitor.extract.casualties.phrases import count_of
from monitor.extract.language.frame_base import Amount, Parsed, child, happened
from monitor.records import EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Side = Callable[[Parsed, "Token"], EntityRef | None]

_DEATHS = frozenset("kill die death dead slay perish".split())
_LIVES = frozenset("claim cost take lose".split())  # "claimed the lives of"
_WOUNDS = frozenset("wound injure injury hurt casualty".split())
_LISTING = frozenset("include be".split())


def _told_deaths_only(sentence: Span) -> bool:
    """A sentence of deaths, with no word of wounds: "cost the lives of 40 people"."""
    lemmas = {t.lemma_.lower() for t in sentence}
    lives = any(t.lower_ == "lives" and t.head.lemma_ in _LIVES for t in sentence)
    return bool(lemmas & _DEATHS or lives) and not lemmas & _WOUNDS


def _after_deaths_only(s: Parsed) -> bool:
    return s.before is not None and _told_deaths_only(s.before)


def _listed(verb: Token, casualties: Token) -> Token | None:
    """The first item the list of casualties names: the object of "included", or the subject
    of "Among the casualties were"."""
    if casualties.dep_ == "nsubj" and verb.lemma_ == "include":
        return child(verb, "dobj")
    if casualties.dep_ == "pobj" and casualties.head.lower_ == "among" and verb.lemma_ == "be":
        return child(verb, "attr", "nsubj")
    return None


def _items(first: Token) -> Iterator[Token]:
    """The items of a list: the first and what stands beside it ("30 X fighters, 9 members of
    ..., and 41 Y soldiers": the parser hangs them as conjuncts or appositions)."""
    yield first
    for c in first.children:
        if c.dep_ in ("conj", "appos"):
            yield from _items(c)


def _one_side(s: Parsed, people: Token, side: Side) -> EntityRef | None:
    """The side an item names, unless its "of" names two ("members of X and Y")."""
    for prep in people.children:
        owner = child(prep, "pobj") if prep.dep_ == "prep" else None
        if owner is not None and any(c.dep_ == "conj" for c in owner.children):
            return None
    return side(s, people)


def included_losses(s: Parsed, side: Side) -> Iterator[tuple[EntityRef, Token, Amount, Token]]:
    """(side, verb, count, people noun) for each counted item of a list of the dead told as
    casualties."""
    for casualties in s.with_lower(("casualties", "dead")):
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in casualties.children):
            continue
        verb = casualties.head if casualties.dep_ == "nsubj" else casualties.head.head
        first = _listed(verb, casualties) if verb.lemma_ in _LISTING else None
        if first is None or not (casualties.lower_ == "dead" or _after_deaths_only(s)):
            continue
        if not happened(verb):
            continue
        for people in _items(first):
            counted = count_of(people)
            found = _one_side(s, people, side) if counted is not None else None
            if counted is not None and found is not None:
                yield found, verb, counted, people
