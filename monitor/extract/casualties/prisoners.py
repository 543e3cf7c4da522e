"""Prisoners a side takes are the other side's captured: "the KDF has captured dozens of
prisoners to be traded with the Legion", "the KDF took 40 prisoners in its raid on Legion
positions". "Prisoners" names no side of its own; the sentence names it when it names the
capturing side (the verb's subject) and exactly one other configured group, which is then the
side that lost them. One group, or three, name no loser (precision first).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from monitor.extract.language.frame_base import Amount, Parsed, child, happened, number_of, passive
from monitor.extract.language.numbers import find_amounts
from monitor.records import EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Token

Side = Callable[[Parsed, "Token"], EntityRef | None]

_TAKES = frozenset("capture take seize".split())
_PRISONERS = frozenset("prisoners captives".split())


def _prisoners(noun: Token | None) -> Amount | None:
    """The count of "40 prisoners", "dozens of prisoners"."""
    if noun is not None and noun.lower_ in _PRISONERS:
        return number_of(noun)
    of = next((c for c in noun.children if c.lower_ == "of"), None) if noun is not None else None
    held = child(of, "pobj") if of is not None else None
    if noun is None or held is None or held.lower_ not in _PRISONERS:
        return None
    amounts = find_amounts(noun.doc[noun.left_edge.i : noun.i + 1].text)
    return (amounts[-1].min, amounts[-1].max, amounts[-1].qualifier) if amounts else None


def prisoners_taken(s: Parsed, subject_side: Side) -> Iterator[tuple[EntityRef, Token, Amount]]:
    """(the side that lost them, verb, count) for "<side> captured/took N prisoners"."""
    for verb in s.with_lemma(_TAKES):
        if verb.pos_ != "VERB" or passive(verb):
            continue
        counted = _prisoners(child(verb, "dobj"))
        captor = subject_side(s, verb) if counted is not None else None
        if counted is None or captor is None or not happened(verb):
            continue
        named = {e.name: e for e in s.heads.values() if e.kind == "group"}
        others = [e for name, e in named.items() if name != captor.name and name in s.written]
        if len(named) == 2 and len(others) == 1:
            yield others[0], verb, counted
