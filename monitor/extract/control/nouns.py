"""Control told by a noun: "the capture of Shusha", "the RSF's seizure of Bara", "the fall of
Aleppo to the rebels", "the loss of X to Y", "the recapture / recovery of X", "the RSF siege of
El Fasher", and a holding a possessive presupposes ("the RSF's control of Darfur"). The noun's
taker is its possessor or modifier, or the object of "by" ("to" for a fall or a loss, whose
possessor is the loser). A noun in the setting of the news ("since the fall of X"), on the way
to an event ("a step towards the fall of X") or the object of a verb that averts it tells
nothing new; a retaking's source side still tells who held the place (`taken_from`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from monitor.extract.control.places import armed_noun, places
from monitor.extract.control.taken_from import retaken_from
from monitor.extract.control.telling import DISPUTING, control_claim
from monitor.extract.language.frame_base import Parsed, child, happened, prep_object, side_of
from monitor.extract.language.grammar import SPEECH_LEMMAS, is_negated, noun_head, subject
from monitor.records import Claim, ControlStatus, EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Token

_NOUNS: dict[str, ControlStatus] = {
    # "the loss of X to Y": the taker is the object of "to", never the possessor (the loser)
    **dict.fromkeys("capture seizure takeover fall conquest loss".split(), "captured"),
    **dict.fromkeys("recapture recovery".split(), "retaken"),
    **dict.fromkeys("siege encirclement".split(), "surrounded"),
}
_BACKGROUND = frozenset("since after before following until during".split())
# Verbs whose object is an event that did not happen: "prevented the fall of X".
_AVERTING = frozenset("prevent avert stop halt block resist deny fear thwart repel".split())

# Nouns of a place changing hands whose taker follows "to" ("the fall of X to Y").
_TO_THE_TAKER = frozenset({"fall", "loss"})


def _noun_taker(s: Parsed, noun: Token) -> tuple[EntityRef | None, bool]:
    """ "the RSF's seizure", "the RSF siege", "the capture of X by Y", "the fall of X to Y"."""
    for c in noun.children if noun.lemma_ not in _TO_THE_TAKER else ():
        if c.dep_ in ("poss", "compound", "amod", "nmod"):
            found = s.entity(noun_head(c), "group")
            if found is not None:
                return found, True
    agent = _noun_agent(noun)
    if agent is None:
        return None, False
    return s.entity(noun_head(agent), "group"), True


def _noun_agent(noun: Token) -> Token | None:
    """ "the capture of X by Y", "the fall of X to Y"; the parser may hang the "to" or "by" on
    the verb whose object the noun is ("acknowledged the fall of X to insurgents"), or on the
    place before it ("the capture of [X by Y]": a place is not done by anyone)."""
    word = "to" if noun.lemma_ in _TO_THE_TAKER else "by"
    agent = prep_object(noun, word)
    if agent is None and noun.dep_ == "dobj":
        agent = prep_object(noun.head, word)
    if agent is None and (place := prep_object(noun, "of")) is not None:
        agent = prep_object(place, word)
    return agent


def _held_by_possessor(s: Parsed, noun: Token) -> Iterator[tuple[Claim, Token]]:
    """ "the RSF's control of Darfur", "the Houthis' hold over Bayhan": a possessive presupposes
    the holding, whatever the clause goes on to say about it ("could have consequences");
    not "a battle for the RSF's control of" (a fight) nor "seeks its control of" (an aim)."""
    owner = child(noun, "poss", "compound")  # "the RSF's control", "announced RSF control"
    taker = s.entity(noun_head(owner), "group") if owner is not None else None
    if taker is None or (noun.head.dep_ == "prep" and noun.head.lower_ == "for"):
        return
    if noun.head.lemma_ in DISPUTING and noun.dep_ == "dobj":
        yield from _control_denied(s, noun, taker)
        return
    if noun.head.lemma_ in _AIMS_AT:
        return
    for place in places(s, prep_object(noun, "of", "over")):
        yield control_claim(s, noun, place, taker, "holds"), noun


def _control_denied(s: Parsed, noun: Token, holder: EntityRef) -> Iterator[tuple[Claim, Token]]:
    """ "X denied Y control over Z": X's denial that Y holds Z (nothing when X is Y or nobody
    we follow: a holding nobody configured disputes is no fact either way)."""
    verb = noun.head
    denier = side_of(s, subject(verb))
    if denier is None or denier == holder or is_negated(verb):
        return
    for place in places(s, prep_object(noun, "of", "over")):
        yield control_claim(s, verb, place, denier, "denies_captured"), verb


# Verbs whose object is wanted, ended or denied, not held: "seek control of", "lost its hold
# over", "denied X control over".
_AIMS_AT = frozenset(
    "seek want demand regain restore lose end cede surrender deny reject dispute refute".split()
)


_DOERS_OF_THE_NOUN = SPEECH_LEMMAS | frozenset("complete finish finalize achieve".split())


_HELD = frozenset(("control", "hold"))  # "the RSF's control of X"
_NOUN_WORDS = _HELD | _NOUNS.keys()


def noun_frames(s: Parsed) -> Iterator[tuple[Claim, Token]]:
    for noun in s.with_lemma(_NOUN_WORDS):
        if noun.pos_ == "NOUN" and noun.lemma_ in _HELD:
            yield from _held_by_possessor(s, noun)
            continue
        status = _NOUNS.get(noun.lemma_) if noun.pos_ == "NOUN" else None
        if status is None:
            continue
        if noun.head.dep_ == "prep" and noun.head.lower_ in _BACKGROUND:
            continue  # "since the fall of Kabul": the setting of the news, not the news
        verb = noun.head if noun.head.pos_ in ("VERB", "AUX") else None
        done = not _prospect(noun) and (verb is None or _noun_event_happened(verb))
        place_phrase = prep_object(noun, "of")
        presupposed = retaken_from(s, noun, place_phrase, status, [], done)
        yield from ((c, verb if verb is not None else noun) for c in presupposed)
        if not done:
            continue
        taker, _ = _noun_taker(s, noun)
        if taker is None and verb is not None and verb.lemma_ in _DOERS_OF_THE_NOUN:
            # "Wagner chief claims capture of Bakhmut", "Russian forces completed the
            # encirclement of Pokrovsk": the subject does or tells what the noun names
            taker = side_of(s, subject(verb))
        if taker is None and not armed_noun(_noun_agent(noun)):
            continue  # "the fall of X" with nobody's name to it tells nothing new
        told = verb if verb is not None else noun
        for place in places(s, place_phrase):
            yield control_claim(s, told, place, taker, status), told


def _noun_event_happened(verb: Token) -> bool:
    """Whether the verb whose object is a noun of capture tells it happened ("announced the
    capture of X"), not that it was averted or might be ("prevented the fall of X")."""
    return happened(verb) and verb.lemma_ not in _AVERTING


# Nouns of a way towards an event: "opened the way to the conquest of X" is not the conquest.
_WAYS = frozenset("way path road door prelude step".split())


def _prospect(noun: Token) -> bool:
    """ "the way to the RSF's capture of X", "a step towards the fall of X"."""
    to = noun.head
    return to.lower_ in ("to", "toward", "towards") and to.head.lemma_ in _WAYS
