"""The side a people noun stands for when the text names the side by a kin of its configured
name: an army is called by its members as often as by itself, so "federal soldiers", "federal
troops" and "federal forces" are one side, and "pro-government militants" are the side
configured as "pro-government forces".

A noun of members ("soldiers", "troops", "militants") whose modifiers are exactly the words
before the member noun of a configured group name or alias ("federal" of "federal forces")
stands for that group, when exactly one group has such a name. The modifiers must be the whole
prefix: "Russian-trained soldiers" are not "Russian forces". A plural without modifiers is the
kin of its singular before a member noun: "loyalists" are the "loyalist forces".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from monitor.extract.casualties.counts import PEOPLE
from monitor.extract.language.frame_base import Parsed, side_of
from monitor.extract.language.grammar import reporting_verb, subject, who_speaks
from monitor.extract.language.kin import (
    MEMBERS,
    folded,
    members_of,
    one_group_of_members,
    state_army,
    state_body_side,
)
from monitor.records import EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Token

# What may stand between a count and its noun without being part of the side's name.
_NOT_NAME = frozenset("det nummod quantmod predet advmod prep punct cc case".split())


def modifiers(noun: Token) -> str | None:
    """The words before `noun` that modify it ("pro-government" of "1,250 pro-government
    militants"), without the count and determiner; None when there are none."""
    start = noun.i
    while start - 1 >= noun.sent.start:
        before = noun.doc[start - 1]
        hyphen = before.text in ("-", "‐")
        if before.like_num or (before.dep_ in _NOT_NAME and not hyphen):
            break
        joined = noun.doc[before.i - 1].text in ("-", "‐") if before.i > 0 else False
        if before.tag_ in ("VBN", "VBD") and not joined:
            break  # "killed X soldiers": what befell them, not their name ("Tarsa-based" is)
        if noun not in before.ancestors:
            break
        start -= 1
    if start == noun.i:
        return None
    return folded(noun.doc[start : noun.i].text)


def _prefix(noun: Token) -> str | None:
    """What must stand before a member noun in a configured name for `noun` to be its kin:
    the modifiers of a member noun ("federal" of "federal soldiers"), or, for a plural noun
    without modifiers, its singular ("loyalists" are the "loyalist forces", "separatists" the
    "separatist forces")."""
    if noun.lower_ in MEMBERS:
        return modifiers(noun)
    word = noun.lower_
    people = word in PEOPLE or word.endswith("ists")  # not "nationals" for "national army"
    if noun.tag_ == "NNS" and people and word.endswith("s") and not word.endswith("ss"):
        return word[:-1] if modifiers(noun) is None else None
    return None


def kin_group(noun: Token, entities: Sequence[EntityRef]) -> EntityRef | None:
    """The one configured group whose name is the noun's modifiers followed by a member noun
    ("federal forces" for "federal soldiers"), or the noun's singular followed by one
    ("loyalist forces" for "loyalists")."""
    prefix = _prefix(noun)
    return None if prefix is None else one_group_of_members(entities, {prefix})


_OWN = frozenset("its their our his her".split())
_HIS_PEOPLE = MEMBERS | frozenset("men loyalists followers bodyguards guards".split())


def _own_speaker(s: Parsed, noun: Token) -> Token | None:
    """The speaker "its", "their" or "our" on `noun` stands for (see `speakers_own`)."""
    pronoun = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in _OWN), None)
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    said = reporting_verb(verb) if pronoun is not None and verb is not None else None
    speaker = who_speaks(said) if said is not None else None
    if pronoun is None or said is None or speaker is None:
        return None
    inside = {t.i for t in speaker.subtree}
    told = next((a for a in (noun, *noun.ancestors) if a.head.i == said.i), noun)  # what is said
    clause = {t.i for t in told.subtree}
    named = [i for i, e in s.heads.items() if e.kind == "group" and i < pronoun.i]
    return None if any(i not in inside and i in clause for i in named) else speaker


def _state_speaker(s: Parsed, speaker: Token) -> EntityRef | None:
    """The army of the one place a state's body names ("the defence ministry of X"), or of the
    nationality before it ("the Varnian defence ministry")."""
    places = {e.name: e for t in speaker.subtree if (e := s.heads.get(t.i)) and e.kind == "place"}
    if len(places) == 1:
        return state_army(next(iter(places.values())), s.entities)
    return state_body_side(speaker, s.entities)


def speakers_own(s: Parsed, noun: Token) -> EntityRef | None:
    """The side "its", "their" or "our" stands for in a clause a speaker reports, when nothing
    else can own it: the speaker's side ("the RSF said 40 of its fighters"), or for a body of
    a place that speaks of its own people ("the defence ministry of the X region said ... its
    servicemen"), the place's army (a state speaking of its own losses stands for its army).
    Any configured group named before the pronoun in what the speaker says makes it ambiguous:
    nobody. One named outside it ("X said 40 were killed, while Y said 12 of its fighters
    died") does not."""
    speaker = _own_speaker(s, noun)
    if speaker is None:
        return None
    return side_of(s, speaker) or _state_speaker(s, speaker)


def read_from_words(s: Parsed, noun: Token, side: EntityRef) -> bool:
    """Whether `side` is read from the words of `noun`'s sentence rather than from a name (a
    name may be one a reference was resolved to): a kin of its name, a place's army, or the
    group of a person named as written ("Kaleb said 40 of his fighters")."""
    if kin_group(noun, s.entities) == side or _kin_as_written(s, noun, side):
        return True
    speaker = _own_speaker(s, noun)
    if speaker is None:
        return False
    if side_of(s, speaker) is None:
        return _state_speaker(s, speaker) == side
    return _written_side(s, speaker) == side


_PUNCTUATION = re.compile(r"[^\w\s'-]")


def _kin_as_written(s: Parsed, noun: Token, side: EntityRef) -> bool:
    """The sentence as written calls the people by a kin of the side's name ("49 Varnian
    soldiers" for the "Varnian army"), which reference resolution wrote over with the name."""
    written = " " + folded(_PUNCTUATION.sub(" ", s.as_written)) + " "
    prefixes = {p for name in side.names if (p := members_of(name)) is not None}
    return any(f" {p} {noun.lower_} " in written for p in prefixes)


def _written_side(s: Parsed, token: Token) -> EntityRef | None:
    """The side a noun phrase names as written: a group, or a person's group ("Hemedti's
    forces"); a name a reference was resolved to is not enough for losses."""
    group = s.entity(token, "group")
    if group is not None:
        return group if group.name in s.written else None
    person = s.entity(token, "person")
    if person is None or person.affiliation is None:
        return None
    if person.name not in s.written and not _spoke_as_pronoun(s, token):
        return None
    if s.heads.get(token.i) != person and token.lower_ not in _HIS_PEOPLE:
        return None  # "Hemedti's forces" are his side's; "Hemedti's rivals" are not
    return next((e for e in s.entities if e.name == person.affiliation), None)


def subject_side(s: Parsed, verb: Token) -> EntityRef | None:
    """The side the subject of `verb` is: a side it names as written ("the RSF lost 40
    fighters", "Hemedti's forces had lost 300"), or for a pronoun ("it", "they", "we", "his
    forces") the speaker that reports the clause ("Hemedti said his forces had lost 40 men"),
    when no other group is named before the pronoun. For "lose" it is the side that lost the
    people; for "kill" the side that killed them."""
    who = subject(verb)
    if who is None:
        return None
    named = _written_side(s, who)
    if named is not None or s.entity(who, "group") is not None:
        return named
    pronoun = who if who.pos_ == "PRON" else None
    pronoun = pronoun or next(
        (c for c in who.children if c.dep_ == "poss" and c.pos_ == "PRON"), None
    )
    said = reporting_verb(verb) if pronoun is not None else None
    speaker = who_speaks(said) if said is not None else None
    if pronoun is None or speaker is None:
        return None
    inside = {t.i for t in speaker.subtree}
    if any(e.kind == "group" and i < pronoun.i and i not in inside for i, e in s.heads.items()):
        return None
    return _written_side(s, speaker)


def _spoke_as_pronoun(s: Parsed, speaker: Token) -> bool:
    """ "She said four of her men died": a speaker opening the sentence, written
    as a reference resolved to the person the sentences before name; his troops are that
    person's side, as when he is named."""
    opening = speaker.left_edge.i == s.span.start
    return opening and s.heads.get(speaker.i) is not None
