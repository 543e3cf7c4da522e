"""Count phrases of losses in the parse: which people a verb of losses takes, and how many.

- The victims of a verb: its object, its subject in the passive or of "died" (or the subject
  a verb of saying or seeming lends it: "were said to be wounded"), a bare number as
  the subject of a participle whose auxiliary is gapped ("..., 25 wounded"), the antecedent of
  a relative pronoun ("52 soldiers who were killed"), never people released after capture.
- The count of a people noun: its own number, or a number the parser hangs on the side's name
  inside the phrase ("23 Laotian Arab Army soldiers"); a bare count ("wounded 25"); a part of
  a side's people ("40 of its soldiers").
- A qualifier that opens a list applies to every count in it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from monitor.extract.casualties.counts import PEOPLE
from monitor.extract.language.frame_base import Amount, child, number_of, passive, with_conjuncts
from monitor.extract.language.numbers import find_amounts
from monitor.extract.language.units import PLURALS, UNITS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns of a side's people whose losses are counted: the units of force sizes, and the words
# reports use for the other side's dead ("terrorists", "operatives", "mercenaries").
_PEOPLE = (PLURALS | frozenset(UNITS) | PEOPLE) - frozenset({"casualties", "bodies"})


def victims(verb: Token) -> list[Token]:
    """The nouns a verb of losses takes: "killed N fighters", "N fighters were killed",
    "N soldiers died", and a bare number as the subject of a participle that has no object
    ("..., 25 wounded and 12 captured": the passive with its auxiliary gapped)."""
    if verb.lemma_ == "die" or injured(verb):
        found = _own_or_raised(verb, "nsubj")
    elif passive(verb):
        found = _own_or_raised(verb, "nsubjpass")
    elif lost_by_haver(verb) is not None:
        found = verb.head  # "the X had 12 fighters killed"
    else:
        found = child(verb, "dobj")
        if found is None and verb.tag_ in ("VBN", "VBD"):
            found = child(verb, "nsubj")
            found = found if found is not None and is_bare(found) else None
    if found is not None and found.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        found = antecedent(verb.head)
        if found is not None and found.head.lemma_ in _RELEASES:
            return []  # "released 12 soldiers who had been captured": no new loss
    if found is None:
        return []
    gapped = _gapped_victims(verb) if verb.lemma_ == "die" or passive(verb) else []
    return with_conjuncts(found) + gapped


# "sustained injuries", "suffered serious wounds": the subject is wounded.
INJURING = frozenset("sustain suffer receive".split())
_INJURIES = frozenset("injury wound".split())


def injured(verb: Token) -> bool:
    """A verb whose subject took the injuries its object names: "125 more sustained injuries"."""
    wounds = child(verb, "dobj")
    return verb.lemma_ in INJURING and wounds is not None and wounds.lemma_ in _INJURIES


# Verbs that lend their subject to an open complement without one: "52 fighters were said to
# be wounded", "are believed to have died", "appear to have been killed".
_RAISING = frozenset(
    "say report believe think fear understand know confirm presume assume suspect".split()
)
_SEEMING = frozenset("seem appear".split())


def _own_or_raised(verb: Token, dep: str) -> Token | None:
    """The verb's own subject, or the subject a verb of saying, believing or seeming lends it:
    the passive subject of "were said" or "are believed", the subject of "seem"."""
    own = child(verb, dep)
    head = verb.head
    if own is not None or verb.dep_ != "xcomp" or head.i == verb.i:
        return own
    if head.lemma_ in _RAISING and passive(head):
        return child(head, "nsubjpass")
    return child(head, "nsubj") if head.lemma_ in _SEEMING else None


def lost_by_haver(verb: Token) -> Token | None:
    """The "have" whose subject suffered the losses a participle tells of its object: "the X
    had 12 fighters killed", "has had 40 soldiers wounded"."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or noun.dep_ != "dobj":
        return None
    return noun.head if noun.head.lemma_ == "have" else None


def _gapped_victims(verb: Token) -> list[Token]:
    """ "18 soldiers were killed and over 60 X fighters": a counted people noun that
    the parser joins to the verb of losses itself, with no verb or subject of its own, is one
    more subject of that verb, its own verb gapped."""
    return [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ in ("NOUN", "PROPN")
        and c.lower_ in _PEOPLE
        and number_of(c) is not None
        and not any(g.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for g in c.children)
    ]


_RELEASES = frozenset("release free exchange swap repatriate return".split())


def antecedent(head: Token) -> Token | None:
    """The people a relative clause of losses tells of: "52 soldiers who were killed", also
    where the parser hangs the clause on the noun above them ("the names of 52 soldiers who
    were killed") or on their side's name ("52 fighters of the X who were killed")."""
    owner = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    if count_of(head) is None and owner is not None and count_of(owner) is not None:
        return owner
    node: Token | None = head
    for _ in range(3):
        if node is None or count_of(node) is not None:
            return node
        of = next((c for c in node.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        node = child(of, "pobj") if of is not None else None
    return None


def partitive(token: Token) -> Token | None:
    """The people a number counts part of: "40 of its soldiers", "30 of the X fighters", and
    "12 of them" when "them" stands for the people named just before (`_them`)."""
    if not token.like_num:
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    people = child(of, "pobj") if of is not None else None
    if people is not None and people.lower_ == "them":
        return _them(people)
    return people if people is not None and people.lower_ in _PEOPLE else None


# Bodies of men a pronoun may stand for besides people nouns: "ambushed a patrol and killed
# 12 of them".
_UNITS_OF_MEN = frozenset("patrol convoy unit garrison column platoon squad company".split())


def _them(pronoun: Token) -> Token | None:
    """The people "them" stands for: the nearest noun before it in its sentence, if that noun
    names people or a body of men ("whose 300 fighters ... said 12 of them"); not when
    another noun stands nearer ("attacked X positions and killed 12 of them")."""
    for token in reversed(pronoun.sent[: pronoun.i - pronoun.sent.start]):
        if token.pos_ == "NOUN":
            known = token.lower_ in _PEOPLE or token.lemma_.lower() in _UNITS_OF_MEN
            return token if known else None
    return None


# Words that stand for more of the people a list counted before: "killing four soldiers and
# wounding five others".
_MORE_OF_THEM = frozenset("others more".split())


def is_bare(token: Token) -> bool:
    """A count standing alone for its people ("wounded 25", "25 wounded", "five others")."""
    if token.lower_ in _MORE_OF_THEM:
        return any(c.dep_ == "nummod" for c in token.children)
    return token.like_num and not any(c.dep_ in ("prep", "compound") for c in token.children)


def bare_count(token: Token) -> Amount | None:
    text = token.doc[token.left_edge.i : token.i + 1].text
    amounts = find_amounts(text)
    return (amounts[-1].min, amounts[-1].max, amounts[-1].qualifier) if amounts else None


def count_of(noun: Token) -> Amount | None:
    """The number a people noun carries ("at least 62 Wolf fighters"), also where the parser
    hangs it on the side's name inside the phrase ("23 Laotian Arab Army soldiers": 23 is the
    name's): a number that opens the whole noun phrase counts its head."""
    if noun.lower_ not in _PEOPLE:
        return None
    found = number_of(noun)
    if found is not None:
        return found
    opening = noun.left_edge.i
    for mod in noun.children:
        if mod.dep_ in _NAME_LINKS and mod.i < noun.i:
            numbers = [c for c in mod.children if c.dep_ == "nummod" or c.like_num]
            if numbers and numbers[0].left_edge.i == opening:
                return number_of(mod)
    return None


_NAME_LINKS = frozenset("compound nmod amod".split())


def opened(opener: Amount, counted: Amount) -> Amount:
    """A qualifier that opens a list applies to every count in it ("at least 62 X fighters and
    19 Y soldiers": both at least); a count with its own qualifier keeps it."""
    lo, hi, qualifier = counted
    if qualifier != "exact" or opener[2] == "exact":
        return counted
    if opener[2] == "at_least":
        return lo, None, "at_least"
    if opener[2] == "at_most":
        return None, hi, "at_most"
    return (lo, hi, "approx") if opener[2] == "approx" else counted  # not a vague "dozens"
