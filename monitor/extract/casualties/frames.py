"""Losses read from the parse: how many of a side's people a verb or noun of losses takes.

"Army troops killed more than 120 RSF fighters", "23 Laotian Arab Army soldiers were
killed", "the militia had killed 40 federal soldiers, wounded 25, and captured 12 troops":
the count is the number of the people the verb takes (`phrases`), and the side is
the configured group their phrase names ("RSF fighters", "soldiers of the RSF"), a kin of its
name ("federal soldiers"), a state body's own army ("its servicemen", `sides`), the
side a raid attacked ("attacked X positions, killing 12 fighters"), the subject of "lose", or
for a bare count in a list of losses the side of the item before it. The side that inflicts
the losses is never their side. Nouns tell losses too (`nouns`: "400 deaths among
the rebels", "the death toll rose to 410").

Counts of one side in one sentence make one fact, each under its own field; a running total
is a fact of its own beside the losses that raise it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from monitor.extract.casualties.bodies import ranks_owner, verb_owner
from monitor.extract.casualties.counts import kind_of_people
from monitor.extract.casualties.filters import current_war
from monitor.extract.casualties.included import included_losses
from monitor.extract.casualties.nouns import noun_losses
from monitor.extract.casualties.phrases import (
    INJURING,
    bare_count,
    count_of,
    injured,
    is_bare,
    lost_by_haver,
    opened,
    partitive,
    victims,
)
from monitor.extract.casualties.prisoners import prisoners_taken
from monitor.extract.casualties.sides import (
    kin_group,
    modifiers,
    read_from_words,
    speakers_own,
    subject_side,
)
from monitor.extract.language.attribution import is_hedged
from monitor.extract.language.frame_base import (
    Amount,
    Parsed,
    child,
    era_text,
    group_of,
    happened,
    leader_of,
    leaders_side,
    passive,
    prep_object,
    with_conjuncts,
)
from monitor.extract.language.grammar import claimant_of, is_doubted
from monitor.extract.language.history import CASUALTY_ERA, DATED_YEAR, is_past
from monitor.records import Casualties, Claim, EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Token

_FIELDS = {
    **dict.fromkeys("kill slay execute eliminate neutralize neutralise die lose".split(), "killed"),
    **dict.fromkeys("wound injure".split(), "wounded"),
    **dict.fromkeys("capture detain".split(), "captured"),
}


def _active(verb: Token) -> bool:
    """A verb whose subject did the killing, wounding or capturing (not "died", not passive)."""
    return verb.lemma_ not in ("die", "lose") and not passive(verb)


def _present_perfect(verb: Token) -> bool:
    """ "have been killed", "has lost": not "had been killed"."""
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in verb.children)


_OWNER_PREPOSITIONS = frozenset("of from".split())


def _side(s: Parsed, noun: Token) -> EntityRef | None:
    """The configured group a people noun belongs to: named in its phrase ("RSF fighters"), or
    in the phrase its "of" or "from" takes, modifiers included ("fighters of the paramilitary
    RSF", "mercenaries from Russia's Wagner group"), by a kin of its name ("federal
    soldiers" for "federal forces"), or as the speaker's own ("its servicemen"): see
    `sides`."""
    side = s.entity(noun, "group") or leaders_side(s, noun)
    if side is not None:
        return side
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in _OWNER_PREPOSITIONS:
            for owner in prep.children:
                if owner.dep_ == "pobj" and (side := s.entity(owner, "group")) is not None:
                    return side
    return ranks_owner(s, noun) or kin_group(noun, s.entities) or speakers_own(s, noun)


def _leaders_as_written(s: Parsed, people: Token, side: EntityRef) -> bool:
    """ "Brel's 40 fighters": the side is the group of a person the sentence names as written."""
    person = leader_of(s, people)
    return person is not None and person.name in s.written and group_of(s, person) == side


# Verbs of attack whose object is the side hit: "attacked X positions, killing 12 soldiers".
_ATTACKS = frozenset(
    """attack strike hit shell bomb ambush raid target storm assault overrun bombard pound
    engage inflict""".split()
)


def _attacked(s: Parsed, verb: Token, noun: Token) -> EntityRef | None:
    """The side whose people a result clause counts: "X shelled Y positions and
    depots, killing about 30 militants": the people of a clause of killing that hangs
    on a verb of attack, named by no side of their own, are of the side attacked."""
    head = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or head.lemma_ not in _ATTACKS:
        return None
    if passive(head) or modifiers(noun) is not None or kind_of_people(noun.lower_) == "civilian":
        return None  # "killing 12 civilians" are nobody's fighters
    target = child(head, "dobj")
    if head.lemma_ == "inflict":
        target = prep_object(head, "on") or (prep_object(target, "on") if target else None)
    if target is None:
        return None  # "inflicted heavy losses on the X, killing 100 soldiers": the X's
    sides = {side.name: side for t in with_conjuncts(target) if (side := s.entity(t, "group"))}
    return next(iter(sides.values())) if len(sides) == 1 else None


def _more_of_the_same(s: Parsed, noun: Token, other: Token) -> bool:
    """A counted conjunct that names no side and counts the same kind of people as `noun`
    (fighters, soldiers, civilians) may be more of `noun`'s side: the counts would have to
    be added up ("two RSF commanders and 15 fighters"); another kind of people is another
    side's ("62 RSF fighters and 40 civilians")."""
    return _side(s, other) is None and kind_of_people(other.lower_) == kind_of_people(noun.lower_)


def _either_fate(verb: Token) -> bool:
    """ "killed or wounded 50", "killed, wounded or captured 7,800", "100 troops surrendered or
    fled", "killed and wounded 50": one count of those who met any of the fates, no count of
    either (the word patterns bound the dead by it)."""
    head = verb
    while head.dep_ == "conj" and head.head.pos_ == "VERB":
        head = head.head
    chain = [head]
    for node in chain:
        chain += [c for c in node.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        chain += [c for c in node.children if _listed_fate(c)]
    joiners = {c.lower_ for node in chain for c in node.children if c.dep_ == "cc"}
    if len({_fate(t) for t in chain}) < 2:
        return False  # "captured or surrendered": one fate, told twice
    if "or" in joiners:
        return True
    # "killed and wounded 50": fates that share one count; "12 died and 30 were wounded" do not
    shared = sum(1 for t in chain if victims(t)) == 1
    return shared and all(t.lemma_ in _FIELDS for t in chain)


def _fate(verb: Token) -> str:
    return _FIELDS.get(verb.lemma_) or ("captured" if verb.lemma_ == "surrender" else verb.lemma_)


def _listed_fate(token: Token) -> bool:
    """A participle of losses the parser hangs as a clause, in a list of fates: "were killed,
    wounded or captured"."""
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBN"
        and token.lemma_ in _FIELDS
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children)
    )


@dataclass(frozen=True, slots=True)
class _Loss:
    side: EntityRef | None
    field: str
    verb: Token
    noun: Token
    counted: Amount
    people: str  # the noun that says what kind of people the count counts
    first: int  # the item's first and last token: where a list links it to the next
    last: int


def _items(s: Parsed) -> Iterator[_Loss]:
    """Every count a verb of losses takes, with the side its phrase names (None for a bare
    count or a bare people noun, which the list they stand in may give one)."""
    for verb in s.with_lemma(_FIELDS.keys() | INJURING):
        field = _FIELDS.get(verb.lemma_) if verb.pos_ == "VERB" else None
        field = "wounded" if injured(verb) else field
        if field is None or not happened(verb) or _either_fate(verb):
            continue
        era = current_war(era_text(verb), _present_perfect(verb))
        if s.year is not None and is_past(era, s.year, CASUALTY_ERA, DATED_YEAR):
            continue
        opener: Amount | None = None
        for noun in victims(verb):
            people = partitive(noun) or noun  # "40 of its soldiers": the soldiers
            if people is not noun:
                counted = bare_count(noun)
            else:
                counted = bare_count(noun) if is_bare(noun) else count_of(noun)
            if counted is None:
                continue
            counted = opened(opener, counted) if opener else counted
            opener = opener or counted
            loser = verb if verb.lemma_ == "lose" else lost_by_haver(verb)
            if loser is not None:
                side = None if is_bare(noun) else subject_side(s, loser)
            else:
                side = (
                    None
                    if is_bare(noun)
                    else _side(s, people)
                    or _attacked(s, verb, people)
                    or verb_owner(s, verb, people)
                )
                if side is not None and _active(verb) and subject_side(s, verb) == side:
                    continue  # "the X says it has killed 1,500 X soldiers": a misread side
            if (
                loser is None  # the loser is read as written
                and side is not None
                and side.name not in s.written
                and not read_from_words(s, people, side)
                and ranks_owner(s, people) != side
                and not _leaders_as_written(s, people, side)
            ):
                continue  # a side only a resolved reference names is a guess for losses
            if any(c.dep_ == "conj" and count_of(c) is None for c in noun.children):
                continue  # "50 Houthi rebels and government troops": one count of two sides
            if side and any(
                _more_of_the_same(s, noun, c) for c in noun.children if c.dep_ == "conj"
            ):
                continue  # "two RSF commanders and 15 fighters": 17 in all, or 2 and 15?
            ends = (verb.i, noun.left_edge.i, noun.right_edge.i)
            yield _Loss(side, field, verb, noun, counted, noun.lower_, min(ends), max(ends))


_LIST_LINK = re.compile(r"^[\s,]*(?:and\s*)?$")


def _losses(s: Parsed) -> Iterator[tuple[EntityRef, str, Token, Amount]]:
    """The counts with their side. An item of a list of losses that names no side takes the
    side of the item before it: a bare count ("killed 40 X soldiers, wounded 25, and
    captured 12 troops"), or a bare people noun of the same kind ("... captured 12 troops")."""
    before: _Loss | None = None
    for item in _items(s):
        side = item.side
        if side is None and before is not None and before.side is not None:
            between = s.span.doc[before.last + 1 : item.first]
            link = " ".join(t.text for t in between if t.pos_ != "ADV")  # "and seriously"
            bare = is_bare(item.noun)
            same_kind = bare or (
                modifiers(item.noun) is None
                and kind_of_people(item.people) == kind_of_people(before.people)
            )
            if _LIST_LINK.match(link) and same_kind:
                side = before.side
                item = replace(item, people=before.people) if bare else item
        if side is not None:
            yield side, item.field, item.verb, item.counted
        before = replace(item, side=side)


def _told_by_nouns(s: Parsed) -> Iterator[tuple[EntityRef, str, Token, Amount, bool]]:
    """ "400 deaths among the rebels", "the number of killed X soldiers rises to 1,340"."""
    for side, field, verb, counted, people, total in noun_losses(s, _side):
        era = current_war(era_text(verb), _present_perfect(verb))
        if s.year is not None and is_past(era, s.year, CASUALTY_ERA, DATED_YEAR):
            continue
        if side.name in s.written or read_from_words(s, people, side):
            yield side, field, verb, counted, total
    for side, verb, counted, people in included_losses(s, _side):  # "the casualties included"
        if side.name in s.written or read_from_words(s, people, side):
            yield side, "killed", verb, counted, False
    for side, verb, counted in prisoners_taken(s, subject_side):  # "X took 40 prisoners"
        yield side, "captured", verb, counted, False


# Stems of every word a frame of losses starts from (`_FIELDS`, `nouns`); "die" also
# stands in "soldier": a filter, not a reading.
_CUES = (
    *"kill sla slew execut eliminat neutrali die dying los wound injur captur detain".split(),
    *"death dead fatalit number toll tally total count casualt".split(),
)


def casualty_frames(s: Parsed) -> list[Claim]:
    """One claim per side of the counts of one incident, and one per side of a running total
    ("bringing the death toll to 410"): a total is another fact than the losses that raise it."""
    lowered = s.text.lower()
    if not any(stem in lowered for stem in _CUES):
        return []  # cheap: most sentences tell no losses
    by_side: dict[tuple[str, bool, str | None], dict[str, object]] = {}
    verbs: dict[tuple[str, bool, str | None], Token] = {}
    told = [(*loss, False) for loss in _losses(s)] + list(_told_by_nouns(s))
    for side, field, verb, (lo, hi, qualifier), total in told:
        # each speaker's count is its own: "the army said 40 X fighters were killed, while X
        # said 12 of its fighters died" tells two claims, which contest each other
        key = (side.name, total, claimant_of(verb))
        counts = by_side.setdefault(key, {"qualifier": qualifier})
        if f"{field}_min" in counts:
            continue  # two counts of one kind for one side would have to be added up
        counts[f"{field}_min"], counts[f"{field}_max"] = lo, hi
        verbs.setdefault(key, verb)
    claims = []
    for key, counts in by_side.items():
        name, _, claimant = key
        verb = verbs[key]
        value = Casualties(name, **counts)  # type: ignore[arg-type]
        hedged = is_hedged(s.text) or is_doubted(verb)
        claims.append(Claim(value, s.text, claimant, hedged))
    return claims
