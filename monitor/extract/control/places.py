"""The places and actors of a control frame, read on the parse: which configured places a noun
phrase names (one per item of a list, the place a settlement noun names, never a part of a
place, "the capital" for the one place named before it), and whether an actor nobody configured
is an armed one ("Syrian rebels", "rebel forces").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from monitor.extract.control.lists import SETTLEMENTS, included_places
from monitor.extract.language.frame_base import Parsed, child, prep_object, with_conjuncts
from monitor.extract.language.grammar import noun_head
from monitor.records import EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Token

# "the Bayhan district of Shabwa" is named by its modifier and lies in the "of" (a
# settlement noun, `SETTLEMENTS`, is named by its "of").
_PARTS = frozenset("area part outskirt outskirts suburb edge neighbourhood neighborhood".split())


_LOCATING = frozenset("in at near inside outside around".split())
# Verbs of coming somewhere: their "from" is where the comers were, not a place they took
# ("withdrew from X ... the fall of the city" is X).
ARRIVING = frozenset("come march arrive advance move travel head push sweep".split())
_BACK_NOUNS = frozenset("town city capital village valley province district port".split())


def _named_before(s: Parsed, noun: Token) -> EntityRef | None:
    """ "left Kastrel as the insurgents overran the capital": "the town", "the capital" is the
    one configured place the sentence names before it, when it names only one."""
    if noun.lemma_.lower() not in _BACK_NOUNS or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in noun.children
    ):
        return None
    if any(c.dep_ in ("prep", "compound", "appos", "amod") for c in noun.children if c.i > noun.i):
        return None  # "the city of X", "the capital Y": a name of its own follows
    own = {t.i for t in noun.subtree}  # "the Upper Nile state capital" is not Upper Nile
    before = [i for i, e in s.heads.items() if e.kind == "place" and i < noun.i and i not in own]
    places = {s.heads[i].name: s.heads[i] for i in before}
    if len(places) != 1:
        return None
    at = before[0]
    name = s.span.doc[at]
    if name.dep_ == "pobj" and name.head.lower_ in _LOCATING and name.head.head.pos_ == "NOUN":
        return None  # "overran an army post in Boni ... the town": the post, not Boni, was named
    if name.dep_ == "pobj" and _not_the_scene(name.head):
        return None
    return next(iter(places.values()))


# Nouns of news told from a place: "reports from X said ... the town" is not X.
_NEWS_FROM = frozenset("report dispatch news source official correspondent account".split())
# Words that place something else by a place: "200 km north of X", "13 miles from X".
_BEARINGS = frozenset(
    """north south east west northeast northwest southeast southwest north-east north-west
    south-east south-west kilometre kilometer km kms mile""".split()
)


def _not_the_scene(prep: Token) -> bool:
    """The "from" or "of" of a place that is not where the sentence's events are: where people
    came from ("marched in from Dorvik and seized the town"), where news came from ("reports
    from X said"), or a landmark ("a town 50 km west of X")."""
    word, owner = prep.lower_, prep.head
    if word == "from" and (owner.lemma_ in ARRIVING or owner.lemma_ in _NEWS_FROM):
        return True
    return word in ("of", "from") and owner.lemma_.lower() in _BEARINGS


def antecedent(token: Token) -> Token:
    """ "Goma, which fell", "a hub that has been held by": a relative pronoun stands for the noun
    its clause modifies, and a noun that is the predicate of "X is a hub" for X."""
    if token.tag_ not in ("WDT", "WP") or token.head.dep_ != "relcl":
        return token
    return predicated(token.head.head)


def relativized(verb: Token) -> Token | None:
    """The noun a relative clause without a pronoun takes as its object ("a town the RSF has
    held since May", "one of the towns the RSF holds"), or None."""
    if verb.dep_ != "relcl" or child(verb, "dobj", "nsubjpass") is not None:
        return None
    if child(verb, "nsubj") is None:
        return None  # "a town held by": the noun is the subject of a reduced clause
    return predicated(verb.head)


def predicated(noun: Token) -> Token:
    """The subject a noun is told of, when the noun is its predicate: "X is a hub", "X is one
    of the towns"; else the noun."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        noun = noun.head.head
    if noun.dep_ == "attr" and (holder := child(noun.head, "nsubj")) is not None:
        return holder
    return noun


def places(s: Parsed, token: Token | None) -> Iterator[EntityRef]:
    """The configured places a noun phrase names, one per item of a list."""
    if token is None:
        return
    token = antecedent(token)
    for n, item in enumerate(_list_items(token)):
        head = noun_head(item) if n == 0 else item  # a later item's noun head is the first
        # "the Nagorno-Karabakh town of Shusha": the place the noun is, not the one it is in
        if head.lemma_.lower() in _PARTS:
            # "rural areas of Kidal region": a part of the place is not the place; the places
            # it includes are ("the area, including the town of X")
            yield from included_places(s, head)
            continue
        place = _named(s, head) or _named_before(s, head)
        if place is not None:
            yield place
        yield from _listed_inside(s, head, settlements_only=place is None)
        yield from included_places(s, head)


def _list_items(token: Token) -> list[Token]:
    """The items of a list: the conjuncts, and the ones the parser hangs on an item's
    apposition ("Nasir, a key rebel base, and Bentiu": Bentiu joined to "base") or, after an
    apposition, on the verb whose object the list is ("captured the base of Nasir, a town in
    the region, and the oil hub of Bentiu": a noun joined to a verb is another object)."""
    items = []
    for item in with_conjuncts(token):
        items.append(item)
        for apposition in (c for c in item.children if c.dep_ == "appos"):
            items += with_conjuncts(apposition)[1:]
    if token.dep_ == "dobj" and any(c.dep_ == "appos" for c in token.subtree):
        verb = token.head
        items += [
            c for c in verb.children if c.dep_ == "conj" and c.pos_ in _NOUNS and c.i > token.i
        ]
    return items


_NOUNS = frozenset({"NOUN", "PROPN"})


def _named(s: Parsed, head: Token) -> EntityRef | None:
    """The place a noun names: its own name, or the "of" of a settlement noun ("the oil hub
    of Bentiu"); not the region a settlement lies in ("Chechnya's second city")."""
    settlement = head.pos_ == "NOUN" and head.lemma_.lower() in SETTLEMENTS
    named = s.entity(prep_object(head, "of"), "place") if settlement else None
    if named is None and settlement and _in_region(s, head):
        return None
    return named or s.entity(head, "place")


_REGIONS = frozenset("state province region district governorate county oblast".split())


def _in_region(s: Parsed, settlement: Token) -> bool:
    """ "Chechnya's second city", "the Upper Nile state capital": the possessor, or the name
    before a region noun, is where the settlement lies, not the settlement."""
    return any(
        (c.dep_ == "poss" and s.entity(c, "place") is not None)
        or (c.dep_ == "compound" and c.lemma_.lower() in _REGIONS)
        for c in settlement.children
    )


def _listed_inside(s: Parsed, head: Token, *, settlements_only: bool) -> Iterator[EntityRef]:
    """The further names of a list inside one noun phrase: "the towns of Dessie and
    Kombolcha", "the Assilan, Bayhan and Ain districts". After a noun that names no place
    ("the rebel base of Nasir and the oil hub of Bentiu") only a settlement noun's name."""
    for name in head.children:
        if name.dep_ in ("compound", "nmod", "pobj") or (
            name.dep_ == "prep" and name.lower_ == "of"
        ):
            targets = (
                [g for g in name.children if g.dep_ == "pobj"] if name.dep_ == "prep" else [name]
            )
            for target in targets:
                for other in _list_items(target)[1:]:
                    found = _named(s, other)
                    settlement = other.lemma_.lower() in SETTLEMENTS
                    if found is not None and (settlement or not settlements_only):
                        yield found


# Common nouns of armed actors: "Syrian rebels seized Hama" is a capture by a side nobody
# configured, told with its taker unnamed, not an event of somebody else's.
_ARMED = frozenset(
    """rebel insurgent fighter militant jihadist gunman guerrilla militia militiaman
    paramilitary""".split()
)


def armed_noun(token: Token | None) -> bool:
    """ "Syrian rebels", "gunmen", "rebel forces", "rebel hands"; not "the rebels", which refers
    back to a side named before."""
    if token is None or token.pos_ != "NOUN":
        return False
    head = noun_head(token)
    kinds = {head.lemma_} | {c.lemma_ for c in head.children if c.dep_ in ("compound", "amod")}
    if head.lemma_ in _HOLDINGS:  # "in rebel hands", "under militia control"
        return bool(kinds & _ARMED)
    if head.lemma_ not in _ARMED and not (head.lemma_ in _FORCES and kinds & _ARMED):
        return False
    return not any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in head.children)


_FORCES = frozenset("force troop unit".split())
# Nouns of a holding whose modifier names the holder: "rebel hands", "militia control".
_HOLDINGS = frozenset("hand control".split())


# Nouns a side uses of its own forces; the words for an enemy ("rebels", "militants") are not.
_OWN_FORCES = frozenset("troop soldier force unit serviceman marine paratrooper".split())
_BARE = frozenset("the our its their".split())


def own_forces(token: Token | None) -> bool:
    """ "troops", "our forces", "its soldiers": forces named by no side of their own, whom the
    side that tells of them calls its own ("Troops recaptured X, the army said"). A modifier
    ("rebel forces", "Rwandan troops") makes them somebody's."""
    if token is None or token.pos_ != "NOUN":
        return False
    head = noun_head(token)
    if head.lemma_ not in _OWN_FORCES:
        return False
    return all(
        c.lower_ in _BARE for c in head.children if c.dep_ in ("det", "poss", "amod", "compound")
    )
