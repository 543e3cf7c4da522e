"""Control verbs whose place or taker is not where a capture verb has them.

- "lose ... to": the subject is the side that lost the place, the object of "to" the side that
  took it ("the army lost Kastrel to the militia", "Kastrel was lost to the militia", "the town
  they lost to the militia"). Without "to" the taker is unnamed and the verb is the kind
  extractor's ("lost Kastrel").
- "liberate", "free": a word only the taker's own side uses of its capture ("Kastrel was
  fully liberated, the ministry said", "declared Kastrel liberated"). When the sentence names
  no liberator, the side of the one who tells it is the taker, and telling its own capture it
  claims it.
- "sweep into", "sweep through": an armed side moving through a place takes it ("troops swept
  into Kastrel"); its place is the object of the preposition. The taker must be an armed side
  (a storm or fighting sweeping through a town takes nothing: `frame_control` wants a taker).
- a participle without its auxiliary: "Kastrel recaptured in first clash" (a headline), "says
  Kastrel liberated", "Kastrel, seized by the militia in May, ..." are passives; the place is the
  participle's subject or the noun it modifies (`bare_participle`).
- "cede ... to", "yield", "hand over", "abandon", "relinquish": the side that gives a place up
  is the subject, the object of "to" takes it ("the army ceded Kastrel to the militia",
  "Kastrel was handed over to the militia").
- "surrender ... to": a place that surrenders, or whose defenders surrender there, is taken by
  the side they surrender to ("Kastrel surrendered to the militia", "the garrison of Kastrel
  surrendered to the militia", "the troops surrendered to the militia in Kastrel", "the army
  surrendered Kastrel to the militia"). A counted band of men giving up ("fifty soldiers
  surrendered") or a person is no town handed over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from monitor.extract.control.telling import LIBERATING, speaker_side, told_by
from monitor.extract.language.frame_base import Parsed, child, passive, prep_object
from monitor.records import ControlStatus, EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs that declare their object to be in a state: "declared Kastrel liberated".
_DECLARING = frozenset("declare proclaim pronounce announce".split())

Parts = tuple["Token | None", "Token | None", ControlStatus]


def lost_to(verb: Token) -> Parts | None:
    """ "lost X to Y", "X was lost to Y", "the town they lost to Y": the place and Y."""
    if verb.lemma_ != "lose":
        return None
    taker = prep_object(verb, "to")
    if taker is None:
        return None
    if passive(verb):
        return child(verb, "nsubjpass"), taker, "captured"
    place = child(verb, "dobj")
    if place is None and verb.dep_ == "relcl":
        place = verb.head  # "the town they lost to Y": the noun the clause tells of
    return place, taker, "captured"


# Verbs of giving a place up to the side named after "to".
_GIVING_UP = frozenset("cede yield hand abandon relinquish concede".split())


def handed_over(verb: Token) -> Parts | None:
    """ "ceded X to Y", "X was handed over to Y": the place and Y."""
    if verb.lemma_ not in _GIVING_UP:
        return None
    taker = prep_object(verb, "to")
    if taker is None:
        return None
    place = child(verb, "nsubjpass") if passive(verb) else child(verb, "dobj")
    return place, taker, "captured"


def bare_participle(verb: Token) -> Token | None:
    """The place phrase of a passive told without its auxiliary: the subject of a headline's
    or a reported clause's verb with no object ("X recaptured", "says X liberated"), or the
    noun a past participle modifies ("X, seized by Y in May,")."""
    if child(verb, "aux", "auxpass", "dobj") is not None:
        return None
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    if verb.dep_ in ("ROOT", "ccomp") and verb.tag_ in ("VBD", "VBN"):
        return child(verb, "nsubj")
    return None


def liberated(verb: Token) -> Parts | None:
    """ "Y liberated X", "X was liberated by Y", "declared X liberated": the place and Y."""
    if verb.lemma_ not in LIBERATING:
        return None
    if passive(verb):
        return child(verb, "nsubjpass"), prep_object(verb, "by"), "captured"
    if (place := bare_participle(verb)) is not None:
        return place, prep_object(verb, "by"), "captured"
    if child(verb, "dobj") is None and verb.dep_ == "ccomp" and verb.head.lemma_ in _DECLARING:
        return child(verb, "nsubj"), None, "captured"  # "declared the city liberated"
    return child(verb, "dobj"), child(verb, "nsubj"), "captured"


def liberator(s: Parsed, verb: Token) -> list[EntityRef]:
    """The side of the one who tells of a liberation that names no liberator."""
    if verb.lemma_ not in LIBERATING:
        return []
    side = speaker_side(s, told_by(verb)[1])
    return [side] if side is not None else []


def swept_into(verb: Token) -> Parts | None:
    """ "troops swept into X", "swept through the entire city": the place and the subject."""
    if verb.lemma_ != "sweep" or passive(verb):
        return None
    place, taker = prep_object(verb, "into", "through"), child(verb, "nsubj")
    return (place, taker, "captured") if place is not None and taker is not None else None


# The nouns of a side's fighting body whose surrender where it stands gives the place up.
_DEFENDERS = frozenset(
    "troop soldier force fighter unit garrison defender army militia rebel brigade".split()
)


def surrendered(verb: Token) -> Parts | None:
    """ "X surrendered to Y", "the garrison of X surrendered to Y", "the troops surrendered to
    Y in X", "surrendered X to Y": the place and Y."""
    if verb.lemma_ != "surrender" or passive(verb):
        return None
    taker = prep_object(verb, "to")
    if taker is None:
        return None
    handed = child(verb, "dobj")
    if handed is not None:
        return handed, taker, "captured"  # what is handed over: a place, or nothing we read
    yielder = child(verb, "nsubj")
    if yielder is None or yielder.pos_ == "PRON" or child(yielder, "nummod") is not None:
        return None
    if yielder.lemma_.lower() not in _DEFENDERS:
        return yielder, taker, "captured"  # the place itself surrenders
    where = (
        prep_object(verb, "in", "at")
        or prep_object(taker, "in", "at")
        or prep_object(yielder, "of", "in", "at")
    )
    return where, taker, "captured"


# The lemmas the readers above start from (`lost_to`, `handed_over`, `liberated`, `swept_into`,
# `surrendered`): a verb with another lemma yields no place.
YIELDING_LEMMAS = frozenset({"lose", "sweep", "surrender"}) | _GIVING_UP | LIBERATING
