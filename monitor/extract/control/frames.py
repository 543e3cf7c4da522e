"""Who captured, holds or surrounds which place, read from the parse.

Verbs: the active ("the RSF seized Bara"), the passive with its agent ("Sennar has been occupied by
the RSF"), "fell to", a capture in a clause of its own ("after the RSF captured Bara, ..."), and the
noun that carries the verb ("took full control of", "is in control of", "under the control of").
Nouns ("the capture of Shusha", "the fall of Aleppo to the rebels") are read by `nouns`. A list of
places gives one fact per place ("seized Bara, Um Sumeima and Khuwei", "the Assilan, Bayhan and Ain
districts").

Also: driving an enemy out ("ousted government forces from Hama"), a force encircled in a place
("surrounded Ukrainian troops in Pokrovsk"), control regained ("regained control over X"), the side
a place is taken back from (`taken_from`), and strongholds (`strongholds`). Places are read by
`places`, coordinated takers and "including" lists by `lists`.

The side that says its own capture claims it (`claims_captured`); a pronoun taker ("the TDF said
they had captured") is the speaker's side, else the one group named before it; an armed actor nobody
configured ("Syrian rebels") takes with the taker unnamed; any other taker we do not follow gives
nothing; bare "troops" are the teller's own. A present infinitive ("would enable them to besiege")
is no event, a holding in the narrator's past perfect is over, and a "when" clause takes its
clause's date.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from monitor.extract.control.infinitives import infinitive_subject, open_infinitive
from monitor.extract.control.lists import included_places, takers
from monitor.extract.control.nouns import noun_frames
from monitor.extract.control.places import antecedent, armed_noun, own_forces, places, relativized
from monitor.extract.control.rejected import rejected_claims
from monitor.extract.control.strongholds import stronghold_frames
from monitor.extract.control.taken_from import retaken_from
from monitor.extract.control.telling import (
    control_claim,
    denied_by_teller,
    speaker_side,
    told_by,
)
from monitor.extract.control.under import (
    UNDER_LEMMAS,
    came_under,
    under_control,
    verbless_frames,
)
from monitor.extract.control.withdrawn import withdrawal_denials
from monitor.extract.control.yielded import (
    YIELDING_LEMMAS,
    bare_participle,
    handed_over,
    liberated,
    liberator,
    lost_to,
    surrendered,
    swept_into,
)
from monitor.extract.language.frame_base import (
    Parsed,
    child,
    clause_of,
    era_text,
    happened,
    passive,
    predicative,
    prep_object,
    speaker_of,
)
from monitor.extract.language.grammar import (
    is_time,
    subject,
)
from monitor.extract.language.history import CONTROL_ERA, CONTROL_YEAR, is_past
from monitor.records import Claim, ControlStatus, EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Token

_VERBS: dict[str, ControlStatus] = {
    **dict.fromkeys("capture seize take overrun occupy storm fall conquer".split(), "captured"),
    # "retook": the small pipeline's lemmatiser leaves this past tense as it is
    **dict.fromkeys("retake retook recapture regain recover reclaim".split(), "retaken"),
    **dict.fromkeys("surround encircle besiege".split(), "surrounded"),
    **dict.fromkeys("control hold".split(), "holds"),
}
# The verbs whose participle alone is a passive: not "fall" (no passive), "hold", "control".
_PARTICIPLES = frozenset(v for v, status in _VERBS.items() if status != "holds") - {"fall"}
# "took control of X" / "has control of X": the noun "control" carries the frame.
_CONTROL_NOUN_VERBS: dict[str, ControlStatus] = {
    # "re-established control": the hyphenated prefix makes it a retaking (`_verb_parts`)
    **dict.fromkeys("take seize gain assume wrest win establish".split(), "captured"),
    **dict.fromkeys("have maintain retain keep".split(), "holds"),
    **dict.fromkeys("regain restore reassert reestablish re-establish".split(), "retaken"),
}


# "consolidated its hold on X", "tightened its grip on X": a holding made firmer is held.
_FIRMING = frozenset("consolidate tighten cement strengthen solidify reinforce".split())
_HOLD_NOUNS = frozenset("hold grip control".split())


def _firmed_hold(verb: Token) -> Token | None:
    """The place of "consolidated its hold on X", "tightened its grip over X"."""
    noun = child(verb, "dobj")
    if verb.lemma_ not in _FIRMING or noun is None or noun.lemma_ not in _HOLD_NOUNS:
        return None
    return prep_object(noun, "on", "over", "of") or prep_object(verb, "on", "over")


# Verbs of driving an enemy out of a place: "ousted government forces from Hama". Not "push"
# or "drive back": an attack pushed back from a town leaves it with its defenders.
_EXPEL = frozenset("oust expel evict dislodge drive chase rout flush kick".split())
# Verbs that expel only with "out of": "pushed the rebels out of X", "forced them out of X".
_PUSH_OUT = frozenset("push force throw squeeze".split())


def _expelled_from(verb: Token) -> Token | None:
    """The place an enemy is driven from: "from Y" on the verb or on its object ("ousted
    forces from Y"), or "out of Y"."""
    found = prep_object(verb, "from")
    obj = child(verb, "dobj")
    if found is None and obj is not None:
        found = prep_object(obj, "from")
    for out in (c for c in verb.children if c.lower_ == "out" and c.dep_ in ("prep", "prt")):
        found = found or prep_object(out, "of") or prep_object(verb, "of")
    return found


_ENCIRCLE = frozenset("surround encircle besiege trap".split())
_GARRISON = frozenset("troop soldier force fighter unit garrison defender".split())


def _trapped_in(verb: Token) -> Token | None:
    """ "surrounded Ukrainian troops in Pokrovsk": a force encircled in a place is the place
    encircled (the active voice only: the encircler is the subject)."""
    obj = child(verb, "dobj")
    if obj is None or passive(verb):
        return None
    counted = prep_object(obj, "of")  # "thousands of Ukrainian soldiers"
    if obj.lemma_ not in _GARRISON and (counted is None or counted.lemma_ not in _GARRISON):
        return None
    return prep_object(verb, "in", "inside") or prep_object(obj, "in", "inside")


# Every lemma `_plain_verb_parts` reads a control verb from: a verb with another lemma tells
# no control, so the frames start from the sentence's words with one of these.
_VERB_LEMMAS = (
    YIELDING_LEMMAS
    | UNDER_LEMMAS
    | _EXPEL
    | _PUSH_OUT
    | _ENCIRCLE
    | _CONTROL_NOUN_VERBS.keys()
    | _FIRMING
    | {"be", "remain", "stay"}
    | _PARTICIPLES
    | _VERBS.keys()
)


def _back(verb: Token) -> bool:
    """The verb takes "back": a verb of expelling then repels an attack ("drove them back":
    the place stays with its defenders), and a verb of taking returns the place to the taker
    ("took back X", "won back control of X": a retaking)."""
    return any(c.lower_ == "back" for c in verb.children)


def _expelling(verb: Token) -> bool:
    if verb.lemma_ in _PUSH_OUT:
        return any(c.lower_ == "out" and c.dep_ in ("prep", "prt") for c in verb.children)
    return verb.lemma_ in _EXPEL and not _back(verb)


def _verb_parts(verb: Token) -> tuple[Token | None, Token | None, ControlStatus] | None:
    """The place phrase, the taker and the status a control verb states."""
    parts = _plain_verb_parts(verb)
    if parts is not None and parts[2] == "captured" and (_ends_occupation(verb) or _back(verb)):
        return parts[0], parts[1], "retaken"
    if parts is not None and verb.lemma_ in _STATE_OR_EVENT and _lasting(verb):
        return parts[0], parts[1], "holds"
    return parts


# "occupied X" is a taking or a holding; told with how long it has lasted ("has been occupied
# since 2023", "has occupied X for two years") it is the holding.
_STATE_OR_EVENT = frozenset({"occupy"})
_SPANS = frozenset({"for", "since"})


def _lasting(verb: Token) -> bool:
    return any(
        prep.dep_ == "prep" and prep.lower_ in _SPANS and any(is_time(o) for o in prep.children)
        for prep in verb.children
    )


def _ends_occupation(verb: Token) -> bool:
    """ "drove them out of X, ending a five-month occupation": the place was the taker's
    before the enemy occupied it, so taking it is a retaking."""
    return any(
        c.dep_ == "advcl"
        and c.lemma_ == "end"
        and (o := child(c, "dobj")) is not None
        and o.lemma_ == "occupation"
        for c in verb.children
    )


def _plain_verb_parts(verb: Token) -> tuple[Token | None, Token | None, ControlStatus] | None:
    lemma = verb.lemma_
    yielded = (
        lost_to(verb)
        or handed_over(verb)
        or liberated(verb)
        or swept_into(verb)
        or surrendered(verb)
    )
    if yielded is not None:
        return yielded
    if _expelling(verb) and (place := _expelled_from(verb)) is not None:
        # the taker is the one who expels: the subject, or the agent of the passive
        taker = prep_object(verb, "by") if passive(verb) else child(verb, "nsubj")
        return place, taker, "captured"
    if lemma in _ENCIRCLE and (trapped := _trapped_in(verb)) is not None:
        return trapped, child(verb, "nsubj"), "surrounded"
    if lemma in _CONTROL_NOUN_VERBS:
        noun = child(verb, "dobj")
        if noun is not None and noun.lower_ == "control":
            # "over X" may hang on the verb: "established control over X"
            place = prep_object(noun, "of", "over") or prep_object(verb, "over")
            return place, child(verb, "nsubj"), _CONTROL_NOUN_VERBS[lemma]
    if (firmed := _firmed_hold(verb)) is not None:
        return firmed, child(verb, "nsubj"), "holds"
    if lemma in ("be", "remain", "stay") and (held := _in_control(verb)) is not None:
        return held, child(verb, "nsubj"), "holds"
    if (under := under_control(verb) or came_under(verb)) is not None:
        return under
    if lemma in _PARTICIPLES and (taken := bare_participle(verb)) is not None:
        return taken, prep_object(verb, "by"), _VERBS[lemma]  # "X recaptured", "X, seized by Y,"
    if lemma not in _VERBS or (lemma == "take" and child(verb, "dobj") is None):
        return None
    if predicative(verb):
        return None  # "holds Goma responsible"
    if lemma == "fall":  # "fell to Y", "fell back to Y" (the parser hangs "to" on "back")
        back = next((c for c in verb.children if c.lower_ == "back"), None)
        taker = prep_object(verb, "to") or (prep_object(back, "to") if back is not None else None)
        return _undergoer(verb, "nsubj"), taker, _VERBS[lemma]
    if passive(verb) or _joined_passive(verb):
        return _undergoer(verb, "nsubjpass"), prep_object(verb, "by"), _VERBS[lemma]
    return child(verb, "dobj") or relativized(verb), child(verb, "nsubj"), _VERBS[lemma]


def _joined_passive(verb: Token) -> bool:
    """A participle joined to a passive that shares its auxiliary: "was besieged for a month
    and then overrun by Y" (the parser gives the second verb no passive mark of its own)."""
    return (
        verb.dep_ == "conj"
        and passive(verb.head)
        and child(verb, "nsubj", "nsubjpass", "dobj") is None
        and any(c.dep_ == "agent" for c in verb.children)
    )


def _undergoer(verb: Token, dep: str) -> Token | None:
    """The place a passive or "fall" is told of: its own subject, the one an infinitive relative
    tells of ("X is the fifth town to fall to Y"), or the one it shares with the verb it is
    joined to ("X was shelled for weeks and was captured by Y", "X changed hands twice and is
    now held by Y")."""
    own = child(verb, dep) or infinitive_subject(verb)
    if own is not None or verb.dep_ != "conj" or child(verb, "nsubj", "nsubjpass") is not None:
        return own
    return subject(verb)


def _in_control(verb: Token) -> Token | None:
    """ "X is (firmly) in control of Y": Y."""
    control = prep_object(verb, "in")
    if control is None or control.lower_ != "control":
        return None
    return prep_object(control, "of")


# The pronouns that stand for the one group named before them: "it took X", "under its control".
_THIRD = frozenset("it they its their".split())


def _taker(s: Parsed, verb: Token, given: Token | None) -> tuple[list[EntityRef], bool]:
    """The configured groups that take or hold (one per item of a coordinated subject), and
    whether anyone is named at all."""
    clause = clause_of(verb)
    if given is None and passive(verb) and _expelling(verb):
        return [], False  # "its forces were pushed out of X": the subject is the side expelled
    token = given if given is not None else subject(clause)
    if token is not None:
        token = antecedent(token)  # "the NLA, which took Varno": the noun the clause tells of
    if token is not None and token.pos_ == "PRON":
        pronoun = token
        token = speaker_of(clause)  # "the TDF said they had captured": the speaker's side
        if token is None:
            # "the army's largest advance since it took Dorvik": the one group named before
            earlier = {e.name: e for i, e in s.heads.items() if e.kind == "group" and i < pronoun.i}
            # not in a "when" clause: "counted 800 men when it seized Dorvik" sets a time
            when = any(c.lower_ == "when" for c in verb.children)
            named = pronoun.lower_ in _THIRD and len(earlier) == 1 and not when
            return ([*earlier.values()] if named else []), True
    if token is None:
        return [], False
    found = takers(s, token)
    if not found and own_forces(token):
        side = speaker_side(s, told_by(verb)[1])  # "Troops retook X, the army said"
        found = [side] if side is not None else []
    return found, True


_TAKEN = frozenset({"captured", "retaken"})


def _ended(verb: Token) -> bool:
    """ "had held Manbij since 2016", told by the narrator: a holding over before the story
    (reported speech shifts tenses back, so not in a clause somebody is said to tell)."""
    had = any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)
    return had and speaker_of(verb) is None


def _verb_frames(s: Parsed) -> Iterator[tuple[Claim, Token]]:
    for verb in s.with_lemma(_VERB_LEMMAS):
        parts = _verb_parts(verb) if verb.pos_ in ("VERB", "AUX") else None
        if parts is None:
            continue
        aim = open_infinitive(verb)
        done = happened(verb) and not aim
        found, named = _taker(s, verb, parts[1])
        presupposed = retaken_from(s, verb, parts[0], parts[2], found, done)
        yield from ((claim, verb) for claim in presupposed)
        if aim:
            continue
        if not done:
            denials = denied_by_teller(s, verb, parts[0], parts[2], found)
            yield from ((claim, verb) for claim in denials)
            continue
        yield from ((c, verb) for c in _taken_or_held(s, verb, parts, found, named))


def _taken_or_held(
    s: Parsed,
    verb: Token,
    parts: tuple[Token | None, Token | None, ControlStatus],
    found: list[EntityRef],
    named: bool,
) -> Iterator[Claim]:
    """The facts of a control verb that happened: one per place and taker."""
    place_phrase, given, status = parts
    if status == "holds" and _ended(verb):
        return
    found = found or liberator(s, verb)
    unfollowed = named and armed_noun(given if given is not None else subject(verb))
    if not found and ((named and not unfollowed) or status not in _TAKEN):
        return  # an actor we cannot name, or a hold or siege without its holder
    where = [*places(s, place_phrase), *included_places(s, verb, own=True)]
    each: list[EntityRef | None] = [*found] if found else [None]
    for place in dict.fromkeys(where):
        for taker in each:
            yield control_claim(s, verb, place, taker, status, found)


def control_frames(s: Parsed) -> list[Claim]:
    framed = (*_verb_frames(s), *noun_frames(s), *verbless_frames(s))
    found = [c for c, verb in framed if not _history(s, verb)]
    found += withdrawal_denials(s)
    found += stronghold_frames(s)
    return [*found, *rejected_claims(s, found)]


def _history(s: Parsed, verb: Token) -> bool:
    """Long before the article: the verb's own clause is dated so, or the clause a "when" or
    "as" clause sets it in ("the conflict started in 2011 when the rebels took Dorvik")."""
    if s.year is None:
        return False
    texts = [era_text(verb)]
    timed = any(c.dep_ in ("mark", "advmod") and c.lower_ in _AT_THE_TIME for c in verb.children)
    if timed and verb.dep_ in ("advcl", "relcl"):
        outer = verb.head
        while outer.pos_ not in ("VERB", "AUX") and outer.head.i != outer.i:
            outer = outer.head  # "in 2014 when ...": the clause of the date
        texts.append(era_text(outer))
    return any(is_past(t, s.year, CONTROL_ERA, CONTROL_YEAR) for t in texts)


# Clauses that happen at the time of the clause they modify.
_AT_THE_TIME = frozenset("when as while".split())
