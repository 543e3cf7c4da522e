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

from collections.abc import Sequence
from typing import TYPE_CHECKING

from monitor.records import EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns that name an armed body or its members: one may stand for another in a side's name.
MEMBERS = frozenset(
    """forces troops soldiers army military fighters militants militiamen servicemen rebels
    personnel""".split()
)
# What may stand between a count and its noun without being part of the side's name.
_NOT_NAME = frozenset("det nummod quantmod predet advmod prep punct cc case".split())


def _folded(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


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
            break  # "killed X soldiers": what befell them, not their name ("Iran-backed" is)
        if noun not in before.ancestors:
            break
        start -= 1
    if start == noun.i:
        return None
    return _folded(noun.doc[start : noun.i].text)


def _prefix(noun: Token) -> str | None:
    """What must stand before a member noun in a configured name for `noun` to be its kin:
    the modifiers of a member noun ("federal" of "federal soldiers"), or, for a plural noun
    without modifiers, its singular ("loyalists" are the "loyalist forces", "separatists" the
    "separatist forces")."""
    if noun.lower_ in MEMBERS:
        return modifiers(noun)
    word = noun.lower_
    if noun.tag_ == "NNS" and word.endswith("s") and not word.endswith("ss"):
        return word[:-1] if modifiers(noun) is None else None
    return None


def kin_group(noun: Token, entities: Sequence[EntityRef]) -> EntityRef | None:
    """The one configured group whose name is the noun's modifiers followed by a member noun
    ("federal forces" for "federal soldiers"), or the noun's singular followed by one
    ("loyalist forces" for "loyalists")."""
    prefix = _prefix(noun)
    if prefix is None:
        return None
    found = {
        e.name: e
        for e in entities
        if e.kind == "group"
        for name in e.names
        if (words := _folded(name).rsplit(" ", 1))
        and len(words) == 2
        and words[1] in MEMBERS
        and words[0] == prefix
    }
    return next(iter(found.values())) if len(found) == 1 else None
