"""Infinitives of a control verb: which tell an event and which an aim, and the place an
infinitive relative clause tells of.

A present infinitive ("would enable them to besiege Marib", "ordered troops to take Bara") is a
possibility or an order; a perfect one ("claimed to have taken") and the complement of
"managed to" report an event. So does the infinitive relative of a noun ranked among things
that happened: "X is the fifth town to fall to Y", "the latest town to be captured by Y" (not
"the next town to fall", which is still to come).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from monitor.extract.control.places import predicated
from monitor.extract.language.frame_base import child
from monitor.extract.language.grammar import is_perfect

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs whose infinitive complement happened: "managed to take Bara".
_IMPLICATIVE = frozenset("manage succeed".split())


def open_infinitive(verb: Token) -> bool:
    """ "would enable them to besiege Marib", "ordered troops to take Bara": a present
    infinitive is a possibility or an order, not an event; a perfect one ("claimed to have
    taken") reports one, and so does the complement of "managed to". The purpose of a noun ("an
    operation to retake X", parsed as a relative clause) is an aim, and a verb joined to an
    infinitive ("to encircle and retake X") shares its "to"."""
    verb = _infinitive_joined_to(verb) or verb
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    if verb.dep_ not in ("xcomp", "ccomp", "advcl", "acl", "relcl") or is_perfect(verb):
        return False
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return False
    return verb.head.lemma_ not in _IMPLICATIVE and not _ranked_relative(verb)


def _infinitive_joined_to(verb: Token) -> Token | None:
    """ "joined raids to cut off and later recapture X": the parser may hang the bare verb on
    the clause's verb ("joined") rather than on the infinitive before it, whose "to" it
    shares. That infinitive, when the verb is bare and a "to" infinitive of the same head
    stands before it."""
    if verb.dep_ != "conj" or verb.tag_ != "VB" or verb.head.tag_ == "VB":
        return None
    before = [c for c in verb.head.children if c.i < verb.i and c.tag_ == "VB"]
    return next((c for c in reversed(before) if _has_to(c)), None)


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


# Ranks among events that happened: "the fifth town to fall", "the latest to be captured".
_RANKS = frozenset("first second third fourth fifth latest last".split())


def _ranked_relative(verb: Token) -> bool:
    """An infinitive relative of a noun ranked among past events: "the fifth town to fall"."""
    if verb.dep_ not in ("relcl", "acl") or not _has_to(verb):
        return False
    return any(
        c.dep_ == "amod" and (c.lower_ in _RANKS or c.ent_type_ == "ORDINAL") and c.lower_ != "next"
        for c in verb.head.children
    )


def infinitive_subject(verb: Token) -> Token | None:
    """The place a ranked infinitive relative without a subject tells of: the noun it modifies,
    or the subject that noun is said of ("X is the fifth town to fall to Y": X)."""
    if not _ranked_relative(verb) or child(verb, "nsubj", "nsubjpass") is not None:
        return None
    return predicated(verb.head)
