"""Losses whose side is named after the counted people rather than in their own phrase:
the body of fighters they serve in ("30 fighters in X's unit died", "in the ranks of the X"),
or the "from" of a passive verb of losses that takes the side's very name ("40 men were
killed from the X ministry"). A civilian is nobody's; a "from" that opens a longer phrase ("from
X shelling") tells who inflicted the losses, not whose they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from monitor.extract.casualties.counts import kind_of_people
from monitor.extract.language.frame_base import Parsed, child, passive, side_of
from monitor.records import EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns of a body of fighters that people serve in: "fighters in X's unit", "in the ranks of X".
_RANKS = frozenset("unit units rank ranks battalion brigade company column detachment".split())


def ranks_owner(s: Parsed, noun: Token) -> EntityRef | None:
    """The side of the body the people serve in: "30 fighters in Kaleb's unit" (a leader's
    unit is his group's), "soldiers in the ranks of the X"."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "among"):
            body = child(prep, "pobj")
            if body is not None and body.lemma_.lower() in _RANKS:
                return _as_written(s, body)
    return None


def _as_written(s: Parsed, body: Token) -> EntityRef | None:
    """The side a body of fighters names as written, itself or by its leader ("Kaleb's
    unit"), not by a name a reference was resolved to."""
    named = s.entity(body, "group") or s.entity(body, "person")
    return side_of(s, body) if named is not None and named.name in s.written else None


def verb_owner(s: Parsed, verb: Token, people: Token) -> EntityRef | None:
    """ "40 men were killed from the X": a passive verb of losses whose "from" takes a
    configured group's very name, as a whole phrase, counts that group's people; not "from X
    shelling" (the name ends no phrase there), nor civilians, who are nobody's."""
    civilians = kind_of_people(people.lower_) == "civilian" and people.lower_ != "people"
    if not passive(verb) or civilians:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            source = child(prep, "pobj")
            found = s.heads.get(source.i) if source is not None else None
            if source is not None and found is not None and found.kind == "group":
                return found if _ends_phrase(source) else None
    return None


def _ends_phrase(name: Token) -> bool:
    """Nothing but punctuation, a conjunction, a preposition or a clause's end follows."""
    after = name.right_edge.i + 1
    return after >= len(name.doc) or name.doc[after].pos_ in ("PUNCT", "CCONJ", "ADP", "SCONJ")
