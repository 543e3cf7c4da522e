"""Where a fact happened, read off the parse: a fate's place ("fled to Chad", "is in the
valley") and a casualty count's incident (where, and whether it is a running total).

A place is given as the configured place's name when the phrase names one, else as written
("Chad", "the valley"): a user can compare and show it either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from monitor.extract.language.grammar import is_time, phrase
from monitor.extract.language.mentions import find_mentions
from monitor.extract.language.numbers import number_value
from monitor.records import CasualtyScope, EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# The prepositions that say where, per fate: "fled to/into/across", "is in/at/inside".
_FATE_PREPOSITIONS = {
    "fled": frozenset("to into across toward towards for".split()),
    "located": frozenset("in at inside near within".split()),
}
# Nouns that name a place by the name they introduce: "the town of Bara", "Bara city".
PLACE_NOUNS = frozenset(
    """town city village district province region state capital valley area county
    municipality governorate township settlement port oblast""".split()
)
# Nouns that say where somebody is without a name: "inside the country", "in the mountains".
PLACE_WORDS = PLACE_NOUNS | frozenset("country mountains headquarters border".split())
# "surrendered into Rwanda": where the people went is where they were lost.
_INCIDENT_PREPOSITIONS = frozenset("in into at near around outside inside".split())
# Words that make a count a running total rather than one incident.
_TOTAL_PREPOSITIONS = frozenset({"since", "throughout"})
_TOTAL_WORDS = frozenset("toll total overall cumulative altogether".split())
_TOTAL_PHRASES = ("so far", "to date", "in total", "in all", "since the start", "since the war")


# Who is with somebody in a place is no part of the place: "in the valley with his people".
_COMPANY = frozenset({"with"})


def place_phrase(token: Token) -> str:
    """The place a noun phrase names, as written, without the company kept there."""
    return phrase(token, _COMPANY)


def _place_name(token: Token, entities: Sequence[EntityRef]) -> str:
    text = place_phrase(token)
    places = [m.entity.name for m in find_mentions(text, entities) if m.entity.kind == "place"]
    return places[0] if places else text


def _prepositional_places(verb: Token, prepositions: frozenset[str]) -> list[Token]:
    """The objects of the verb's prepositions of place, nearest first, skipping time words.
    Prepositions joined on one object ("in and around Bara") give it to each."""
    found = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in prepositions:
            continue
        joined = [c for c in prep.children if c.dep_ == "conj" and c.lower_ in prepositions]
        for obj in (o for p in (prep, *joined) for o in p.children):
            if obj.dep_ == "pobj" and _a_noun(obj) and not is_time(obj):
                found.append(obj)
    return found


def _a_noun(token: Token) -> bool:
    """A noun or name, not a hyphen the tagger takes for one ("in mid - May")."""
    return token.pos_ in ("PROPN", "NOUN") and any(c.isalpha() for c in token.text)


# Nouns that name a body of people, not a place: "a clerk in the Army", "a figure in the Party".
BODY_NOUNS = frozenset(
    """army navy party government cabinet parliament assembly council ministry police forces
    force militia movement front brigade brigades regiment battalion division corps guard
    administration regime junta command""".split()
)


def is_place_like(token: Token, entities: Sequence[EntityRef]) -> bool:
    """A configured place, a proper name, or a noun of places ("the valley", "the country"):
    "is in Nyala" tells where; "is in talks" or "in his 30s" does not. A body of people is no
    place, even named after one (`names_a_body`)."""
    if names_a_body(token, entities):
        return False
    return is_place_itself(token) or _configured_place(token, entities)


def is_place_itself(token: Token) -> bool:
    """A place by its own words, a name or a noun of places, not by a place its phrase holds
    ("exile" of "in exile in Dorvik" is none)."""
    return is_proper(token) or token.lemma_ in PLACE_WORDS


def names_a_place(token: Token, entities: Sequence[EntityRef]) -> bool:
    """A proper name, or a phrase naming a configured place: a place a fact can be told at."""
    return is_proper(token) or _configured_place(token, entities)


def _configured_place(token: Token, entities: Sequence[EntityRef]) -> bool:
    return any(m.entity.kind == "place" for m in find_mentions(phrase(token), entities))


def is_proper(token: Token) -> bool:
    """A proper noun: so tagged, or a noun written with a capital inside its sentence, which
    prose gives names alone (the tagger reads an unfamiliar name, "in Edea", as a common noun;
    a headline is read in sentence case, so its capitals are names too)."""
    if token.pos_ == "PROPN":
        return True
    return token.pos_ == "NOUN" and token.text[:1].isupper() and not token.is_sent_start


def names_a_body(token: Token, entities: Sequence[EntityRef]) -> bool:
    """ "served in the Varno Army", "a figure in the Front", "a clerk in the party": a noun
    phrase whose head is a body of people, by its noun or as a configured group's name, tells
    membership, not whereabouts."""
    if token.lower_ in BODY_NOUNS:
        return True
    name = _name_ending_at(token)
    return any(
        m.entity.kind == "group" and m.end == len(name.text)
        for m in find_mentions(name.text, entities)
    )


def _name_ending_at(token: Token) -> Span:
    """The words of a name that `token` ends: it and the compounds and modifiers right before
    it ("Northern Liberation Army")."""
    first = token.i
    doc = token.doc
    while first - 1 >= token.sent.start and doc[first - 1].head.i in range(first, token.i + 1):
        if doc[first - 1].dep_ not in ("compound", "amod", "nmod", "det"):
            break
        first -= 1
    return doc[first : token.i + 1]


def not_a_whereabouts(verbs: Sequence[Token], entities: Sequence[EntityRef]) -> bool:
    """A "located" reading whose verb says "in" something that is no place."""
    told = [p for v in verbs for p in _prepositional_places(v, _FATE_PREPOSITIONS["located"])]
    if not told:
        told = [
            p
            for v in verbs
            for prep in v.children
            if prep.dep_ == "prep" and prep.lower_ in _FATE_PREPOSITIONS["located"]
            for p in prep.children
            if p.dep_ == "pobj"
        ]
    inside = [t for p in told if not names_a_body(p, entities) for t in p.subtree]
    return bool(told) and not any(is_place_like(t, entities) for t in inside)


def fate_location(verbs: Sequence[Token], status: str, entities: Sequence[EntityRef]) -> str | None:
    """Where a person fled to or is, from the fate's verb."""
    prepositions = _FATE_PREPOSITIONS.get(status)
    if prepositions is None:
        return None
    places = [
        place
        for verb in verbs
        for told in _prepositional_places(verb, prepositions)
        if (place := _a_place_in(told, prepositions, entities)) is not None
    ]
    # A place named before one only described: "escaped across the border into Chad" is Chad.
    named = [p for p in places if names_a_place(p, entities)]
    return _place_name((named or places)[0], entities) if places else None


def _a_place_in(
    told: Token, prepositions: frozenset[str], entities: Sequence[EntityRef]
) -> Token | None:
    """The place an object of "in" names: itself, or the place it is in ("in exile in Dorvik",
    "in a safe house in Dorvik"); None for no place ("in poverty")."""
    if is_place_like(told, entities):
        return told
    inner = _prepositional_places(told, prepositions)
    return next((p for p in inner if is_place_like(p, entities)), None)


def incident_location(verbs: Sequence[Token], entities: Sequence[EntityRef]) -> str | None:
    """Where the losses a count tells happened ("killed in Omdurman", "on the outskirts of
    Omdurman"), where the victims were ("killed 40 fighters in Omdurman": the parser may hang
    the place on the victims), where the event that killed them was ("clashes in Omdurman
    killed 40"), or where the deed was that a participle of losses follows ("attacked
    Omdurman, killing 40")."""
    for verb in verbs:
        told = _prepositional_places(verb, _INCIDENT_PREPOSITIONS) + [
            p for p in _prepositional_places(verb, _PART_PREPOSITIONS) if _is_part(p)
        ]
        scene = _scene_of_deed(verb) or _scene_of_circumstance(verb)
        for place in told or _victims_at(verb) or _event_at(verb) or scene:
            place = _whole_of(place)
            if names_a_place(place, entities) and not names_a_body(place, entities):
                return _place_name(place, entities)  # not "killed in Northern Army strikes"
    return None


# Nouns for a part of a place, told by the place they are of: "on the outskirts of Bara".
_PARTS = frozenset("outskirts outskirt edge suburbs suburb centre center heart streets".split())
# "on" says where only before such a part; "on Sunday" or "on orders" does not.
_PART_PREPOSITIONS = frozenset({"on"})
# Nouns of an event that kills, as the subject of the count's verb: "clashes in Bara killed".
_EVENTS = frozenset(
    """fighting fight clash battle attack assault offensive raid strike airstrike shelling
    bombing bombardment explosion blast ambush violence""".split()
)


def _is_part(token: Token) -> bool:
    return bool(_PARTS & {token.lower_, token.lemma_.lower()})


def _whole_of(place: Token) -> Token:
    """The place a part noun is of ("the outskirts of Bara": Bara), else the place itself."""
    if not _is_part(place):
        return place
    of = next((c for c in place.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    return whole if whole is not None else place


# "left 20 dead", "were taken prisoner": the verb whose complement is the state the victims
# were left or taken in.
_LEFT_IN = frozenset("dead wounded injured prisoner prisoners captive captives hostage".split())


def leaves_victims(token: Token) -> bool:
    """A verb that leaves its object dead or wounded, or takes it prisoner: "shelling left 20
    soldiers dead", "40 soldiers were taken prisoner"."""
    return token.pos_ == "VERB" and any(
        c.dep_ in ("oprd", "acomp", "xcomp", "dobj", "attr") and c.lower_ in _LEFT_IN
        for c in token.children
    )


def _victims_at(verb: Token) -> list[Token]:
    """The places hung on the verb's victims, or on the state it left them in: "killed 40
    fighters in Omdurman", "were taken prisoner near Omdurman"."""
    victims = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "oprd")]
    return [p for v in victims for p in _prepositional_places(v, _INCIDENT_PREPOSITIONS)]


def _subject_misread(event: Token) -> bool:
    """A gerund that opens the sentence with no subject of its own, which the parser may hang
    on the verb as a clause ("Fighting on the edge of Bara killed 40")."""
    return (
        event.dep_ == "advcl"
        and event.tag_ == "VBG"
        and event.i < event.head.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in event.children)
    )


def _is_event(token: Token) -> bool:
    return bool(_EVENTS & {token.lower_, token.lemma_.lower()})


def _event_at(verb: Token) -> list[Token]:
    """The places of the event that is the verb's subject: "clashes in Omdurman killed 40",
    "an airstrike on Omdurman killed 40" ("on" names the event's target there), "an attack on
    Omdurman that killed 40"."""
    events = [
        c
        for c in verb.children
        if _is_event(c) and (c.dep_ in ("nsubj", "csubj") or _subject_misread(c))
    ]
    if verb.dep_ == "relcl":  # "an attack on Omdurman that killed 40"
        told = verb.head
        if not _is_event(told) and told.dep_ == "pobj":
            told = told.head.head  # "the clashes in Omdurman, which killed 40": hung on the place
        events += [told] if _is_event(told) else []
    at = _INCIDENT_PREPOSITIONS | {"on"}
    return [p for e in events for p in _prepositional_places(e, at)]


# Verbs of a deed whose object is the place it struck or took: "stormed Bara, killing 12".
_STRIKES = frozenset(
    """attack strike shell bomb bombard storm raid hit target assault ambush overrun capture
    seize take""".split()
)


def _scene_of_deed(verb: Token) -> list[Token]:
    """Where the deed was that a participle of losses follows: the place it was done in ("fighting
    erupted in Bara, killing 12"), the place it struck ("stormed Bara, killing 12"), or the
    place of the event it names ("repelled an assault on the outskirts of Bara, killing 60").
    Each is followed by the places it is in: "ambushed a convoy near Bara" was near Bara."""
    deed = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i < deed.i:
        return []
    told = [c for c in deed.children if c.dep_ == "dobj" and deed.lemma_ in _STRIKES]
    told += _prepositional_places(deed, _INCIDENT_PREPOSITIONS) + [
        p for p in _prepositional_places(deed, _PART_PREPOSITIONS) if _is_part(p)
    ]
    told += [
        p
        for e in deed.children
        if e.dep_ in ("dobj", "nsubj", "nsubjpass") and _is_event(e)
        for p in _prepositional_places(e, _INCIDENT_PREPOSITIONS | {"on"})
    ]
    return _with_places_inside(told)


def _with_places_inside(told: list[Token]) -> list[Token]:
    """Each thing told, followed by the places it is in: "a convoy near Bara" is near Bara."""
    return [p for t in told for p in (t, *_prepositional_places(t, _INCIDENT_PREPOSITIONS))]


# Conjunctions of a clause that tells the circumstance of the losses, at their time and place.
_CIRCUMSTANCE = frozenset("when as while".split())


def _scene_of_circumstance(verb: Token) -> list[Token]:
    """Where the circumstance was that a clause of "when" or "as" tells ("were killed when their
    convoy hit a mine near Bara", "killed as the RSF stormed Bara"), on the verb or on a verb
    joined to it ("were killed and eight wounded when ...")."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    clauses = [
        c
        for v in verbs
        for c in v.children
        if c.dep_ == "advcl"
        and any(m.dep_ in ("mark", "advmod") and m.lower_ in _CIRCUMSTANCE for m in c.children)
    ]
    told = [o for c in clauses if c.lemma_ in _STRIKES for o in c.children if o.dep_ == "dobj"]
    told += [p for c in clauses for p in _prepositional_places(c, _INCIDENT_PREPOSITIONS)]
    return _with_places_inside(told)


# "rose to 1,221", "pushing the toll to 673", "rose by 35 to 1,020": the figure after
# "to" is the running total; after "by", or as "another 40", it is what was added (an incident).
_RISING = frozenset(
    "rise climb increase grow jump mount swell soar push bring raise take reach surge".split()
)
_ADDED = frozenset("another more additional further".split())


def casualty_scope(
    span: Span, verbs: Sequence[Token], figures: Sequence[int] = ()
) -> CasualtyScope:
    """A running total ("since April 2023", "the toll so far", "rose to 1,221") or one incident
    ("another 40", "increased by 35"). `figures` are the count's numbers: a sentence that gives
    both what was added and the new total tells each figure's scope by its own words."""
    told = _scope_of_figure(span, figures)
    if told is not None:
        return told
    lowered = span.text.casefold()
    if any(p in lowered for p in _TOTAL_PHRASES):
        return "cumulative"
    if any(t.lower_ in _TOTAL_WORDS for t in span):
        return "cumulative"
    for verb in verbs:
        if any(c.dep_ == "prep" and c.lower_ in _TOTAL_PREPOSITIONS for c in verb.children):
            return "cumulative"
        if any(_since_clause(c) for c in verb.children):
            return "cumulative"  # "since the offensive began", "since fighting erupted"
    return "incident"


def _since_clause(clause: Token) -> bool:
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _TOTAL_PREPOSITIONS for c in clause.children
    )


def _scope_of_figure(span: Span, figures: Sequence[int]) -> CasualtyScope | None:
    for token in span:
        if not token.like_num or number_value(token.text) not in figures:
            continue
        before = span[max(token.i - span.start - 2, 0) : token.i - span.start]
        added = [t for t in (*token.children, *before) if t.lower_ in _ADDED]
        if any(t.i + 1 == len(t.doc) or t.nbor().lower_ != "than" for t in added):
            return "incident"  # "another 40", "40 more"; not "more than 300", a bound
        prep = next((a for a in _heads(token) if a.dep_ == "prep"), None)
        if prep is None:
            continue
        if prep.lower_ == "by" and prep.head.lemma_ in _RISING:
            return "incident"
        if prep.lower_ == "to" and prep.head.lemma_ in _RISING:
            return "cumulative"
    return None


def _heads(token: Token) -> list[Token]:
    """The token's heads up to its preposition: "to over 1,000" reaches "to" through "over"."""
    out: list[Token] = []
    node = token
    while node.head.i != node.i and len(out) < 3:
        node = node.head
        out.append(node)
        if node.dep_ == "prep":
            break
    return out
