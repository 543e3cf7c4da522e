"""A group's force told by a verb of having, sending or numbering, read from the parse: "the KDF
fields around 9,000 fighters", "he commands several thousand men" (a leader's forces are the
group the configuration ties him to), "they number in the hundreds".

The count is the unit noun's own number ("around 9,000 fighters"), never a year, a gallery's
count or an increment ("3,000 more"; fresh troops are troops: "sent 2,000 fresh troops"); a
joint count ("X and Y together field 9,000") is neither group's, a size the clause says has
since grown is superseded, losses that number a figure ("X casualties numbered 20") are no
force, and a verb of another era is history. See `language.frame_base` for what every frame
shares.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from monitor.extract.force.strength import GROWING
from monitor.extract.language.attribution import is_hedged
from monitor.extract.language.fact_verbs import FACT_LEMMAS
from monitor.extract.language.frame_base import (
    Amount,
    Parsed,
    child,
    era_text,
    happened,
    number_of,
    passive,
    side_of,
)
from monitor.extract.language.grammar import claimant_of, is_doubted, subject
from monitor.extract.language.history import FORCE_ERA, FORCE_YEAR, is_past
from monitor.extract.language.numbers import find_amounts
from monitor.extract.language.units import PLURALS, UNITS
from monitor.records import Claim, ForceSize

if TYPE_CHECKING:
    from spacy.tokens import Token

_FORCE_VERBS = frozenset(
    """have field command number deploy send assemble muster gather mobilize mobilise lead
    boast amass station count""".split()
)
# Subjects of "number" that count losses: "X casualties numbered 20 dead and 55 wounded".
_LOSSES = frozenset("casualty loss death dead toll fatality".split())
_INCREMENTS = frozenset("more additional extra further reinforcement".split())


def _counted(noun: Token) -> Amount | None:
    """A unit noun's own number ("around 9,000 fighters"), never an increment ("3,000 more")."""
    if any(c.lower_ in _INCREMENTS for c in noun.children):
        return None
    return number_of(noun)


def _lost(noun: Token) -> bool:
    """Men the clause tells were lost: "had 12 fighters killed", "has had 40 soldiers
    wounded" (a participle of losses on the counted noun) are casualties, not a force."""
    return any(
        c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in FACT_LEMMAS["casualties"]
        for c in noun.children
    )


def _is_unit(noun: Token) -> bool:
    return noun.lower_ in PLURALS or noun.lower_ in UNITS


def _numbering(verb: Token) -> Amount | None:
    """ "number in the hundreds", "number about 9,000", "total at least 5,000"."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            target = child(c, "pobj")
        elif c.dep_ in ("dobj", "npadvmod", "attr"):
            target = c
        else:
            continue
        if target is None or not any(_is_amount_word(t) for t in target.subtree):
            continue
        first = min(t.i for t in target.subtree)
        last = max(t.i for t in target.subtree)
        amounts = find_amounts(target.doc[first : last + 1].text)
        if amounts:
            return amounts[0].min, amounts[0].max, amounts[0].qualifier
    return None


_VAGUE_COUNTS = ("hundreds", "thousands", "dozens")


def _is_amount_word(token: Token) -> bool:
    return token.like_num or token.lower_ in _VAGUE_COUNTS


def force_frames(s: Parsed) -> list[Claim]:
    claims = []
    for verb in s.with_lemma(_FORCE_VERBS):
        if not happened(verb) or passive(verb):
            continue
        if s.year is not None and is_past(era_text(verb), s.year, FORCE_ERA, FORCE_YEAR):
            continue
        if any(c.dep_ == "conj" and c.lemma_ in GROWING for c in verb.children):
            continue  # "had 5,000 ... and has since grown to 12,000": superseded
        noun = child(verb, "dobj")
        counted = _counted(noun) if noun is not None and _is_unit(noun) else None
        if counted is None and verb.lemma_ in ("number", "total", "count"):
            counted, noun = _numbering(verb), verb  # "they number in the hundreds"
        if counted is None or noun is None or _lost(noun):
            continue
        owner_token = subject(verb)
        if owner_token is not None and owner_token.lemma_.lower() in _LOSSES:
            continue  # "X losses numbered 35 dead": losses, not a force
        if owner_token is not None and any(c.dep_ == "conj" for c in owner_token.children):
            continue  # "X and Y together field 9,000": a joint count is neither one's size
        owner = side_of(s, owner_token)
        if owner is None:
            continue
        lo, hi, qualifier = counted
        unit = noun.lower_ if _is_unit(noun) else "fighters"
        value = ForceSize(owner.name, lo, hi, qualifier, unit)
        hedged = is_hedged(s.text) or is_doubted(verb)
        claims.append(Claim(value, s.text, claimant_of(verb), hedged))
    return claims
