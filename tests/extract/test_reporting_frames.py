"""The reporting frames added in the second round on extraction generality (issue 5): each row is
a general way reporters phrase a fact (a nominalisation, a denied gerund, a contrary clause, a
coordinated count...) and the claims it must, or must not, yield. Places, groups and people are
invented or generic so that no row repeats a labelled corpus sentence.
"""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.extract.language.numbers import find_amounts
from monitor.records import Casualties, EntityRef, FactValue, Leadership, TerritorialControl

ENTITIES = (
    EntityRef("Ostrava Front", "group", ("OSF", "Front fighters")),
    EntityRef("Marl Army", "group", ("Marlan army", "Marl army")),
    EntityRef("Harbour Police", "group", ("HP",)),
    EntityRef("Ilse Varga", "person", ("Varga",)),
    EntityRef("Tomas Brenn", "person", ("Brenn",)),
    EntityRef("Kelso", "place", ()),
    EntityRef("Dunmore", "place", ("Dunmoor",)),
)
FRONT, ARMY, POLICE = "Ostrava Front", "Marl Army", "Harbour Police"
YEAR = 2025


def _values(text: str) -> list[FactValue]:
    return [c.value for c in extract_claims(text, ENTITIES, year=YEAR)]


def _tc(place: str, controller: str | None, status: str) -> TerritorialControl:
    return TerritorialControl(place, controller, status)  # type: ignore[arg-type]


CONTROL: list[tuple[str, list[FactValue]]] = [
    # nominalisations
    (
        "The fall of Kelso to the Ostrava Front on Friday stunned the capital.",
        [_tc("Kelso", FRONT, "captured")],
    ),
    (
        "The Ostrava Front's capture of Kelso was confirmed by residents.",
        [_tc("Kelso", FRONT, "captured")],
    ),
    (
        "Kelso's capture by the Marlan army ended a month of fighting.",
        [_tc("Kelso", ARMY, "captured")],
    ),
    (
        "Control of Kelso passed to the Ostrava Front overnight, residents said.",
        [_tc("Kelso", FRONT, "captured")],
    ),
    # background and bare nominals stay background
    ("Since the fall of Kelso to the Ostrava Front, bread prices have tripled.", []),
    ("After the Ostrava Front's capture of Kelso, thousands fled south.", []),
    ("The fall of Kelso shocked the capital.", []),
    # a denied loss: the gerund is the object of the denial
    (
        "Marl Army commanders denied losing Kelso, saying their units still held the old town.",
        [_tc("Kelso", ARMY, "denies_captured")],
    ),
    # the loser's own report of a loss is no capture claim of its own
    (
        "The Marl Army said it had lost Kelso to the Ostrava Front.",
        [_tc("Kelso", FRONT, "captured")],
    ),
    # an unnamed actor: the speaker reports, it does not claim
    (
        "Gangs seized the town of Kelso on Monday, the Harbour Police said.",
        [_tc("Kelso", None, "captured")],
    ),
    # a place with its kind of area that modifies another noun is a part of it
    ("The Marl Army recaptured Kelso district villages from the Ostrava Front.", []),
    # raising verbs before the copula, holders named by a common noun, "still controlled"
    (
        "Residents said Kelso appeared to be under Ostrava Front control by Sunday.",
        [_tc("Kelso", FRONT, "holds")],
    ),
    ("Dunmore has been in government hands since March.", [_tc("Dunmore", None, "holds")]),
    ("A Front spokesman said OSF units still controlled Kelso.", [_tc("Kelso", FRONT, "holds")]),
    # a negated denial is none; an opening adverbial dates the whole sentence
    ("The Ostrava Front said its fighters had pulled back; it did not deny losing Kelso.", []),
    ("Before the war, Kelso had been held by the Ostrava Front since 1998.", []),
]


@pytest.mark.parametrize(("text", "expected"), CONTROL, ids=range(len(CONTROL)))
def test_control_frames(text: str, expected: list[FactValue]) -> None:
    assert [v for v in _values(text) if isinstance(v, TerritorialControl)] == expected


def _killed(
    subject: str, lo: int | None, hi: int | None, qualifier: str, at: str | None = None
) -> Casualties:
    return Casualties(subject, lo, hi, qualifier=qualifier, location=at)  # type: ignore[arg-type]


CASUALTIES: list[tuple[str, list[FactValue]]] = [
    (
        "The Ostrava Front said it had lost no more than a dozen men.",
        [_killed(FRONT, None, 12, "at_most")],
    ),
    (
        "The Ostrava Front said its fighters had withdrawn from "
        "Kelso and that it had lost only 12 men.",
        [_killed(FRONT, 12, 12, "exact")],
    ),
    # a second count of another kind of people does not take the first one's subject away
    (
        "Some 300 OSF fighters and 45 soldiers died in the battle for Kelso.",
        [_killed(FRONT, 300, 300, "approx", at="Kelso")],
    ),
    # ... but more of the same kind would have to be added up: nothing
    ("Two OSF commanders and 15 fighters were killed in an ambush.", []),
    (
        "The Marl Army said it had retaken Kelso, killing what it "
        "described as hundreds of OSF fighters.",
        [_killed(FRONT, 200, 999, "range")],
    ),
    # a count of generic irregulars is the one irregular group in view ...
    (
        "Marlan army units drove the Ostrava Front out of three villages, the "
        "ministry said, adding that 40 militants had died.",
        [_killed(FRONT, 40, 40, "exact")],
    ),
    # a pronoun subject in a relative clause, and a second count after "had"
    (
        "The Ostrava Front retook Kelso after three days of fighting "
        "in which they lost 30 men and had 61 wounded.",
        [Casualties(FRONT, 30, 30, 61, 61)],
    ),
    # ... unless that group did the killing
    ("The Ostrava Front said it had killed 40 militants in a raid on a rival camp.", []),
    # the place the parser hangs on the victims is where they were killed
    (
        "The Marl Army said it killed 25 OSF fighters in Dunmore on Sunday.",
        [_killed(FRONT, 25, 25, "exact", at="Dunmore")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASUALTIES, ids=range(len(CASUALTIES)))
def test_casualty_frames(text: str, expected: list[FactValue]) -> None:
    assert [v for v in _values(text) if isinstance(v, Casualties)] == expected


def test_a_dozen_is_twelve_and_dozens_stay_vague() -> None:
    assert [(a.min, a.max, a.qualifier) for a in find_amounts("no more than a dozen men")] == [
        (None, 12, "at_most")
    ]
    assert [(a.min, a.max, a.qualifier) for a in find_amounts("one dozen or so men")] == [
        (12, 12, "approx")
    ]
    assert [(a.min, a.max) for a in find_amounts("dozens of men")] == [(24, 99)]


def _lead(
    subject: str,
    status: str,
    role: str | None = None,
    org: str | None = None,
    at: str | None = None,
) -> Leadership:
    return Leadership(subject, role, org, status, at)  # type: ignore[arg-type]


LEADERSHIP: list[tuple[str, list[FactValue]]] = [
    # a possessor makes an office of a bare title, even when it names no configured group
    (
        "The militia's leader, Ilse Varga, was reported to have been "
        "killed, but a spokesman said she was alive and well.",
        [
            _lead("Ilse Varga", "killed", "leader"),
            _lead("Ilse Varga", "claimed", "leader"),
            _lead("Ilse Varga", "denied"),
        ],
    ),
    # a contrary clause denies the rumoured fate
    (
        "Brenn is rumoured to have fled abroad, though his aides insist he remains in Dunmore.",
        [
            _lead("Tomas Brenn", "fled"),
            _lead("Tomas Brenn", "located", at="Dunmore"),
            _lead("Tomas Brenn", "denied"),
        ],
    ),
    (
        "Brenn is believed to have fled, although his aides deny that he has left the country.",
        [_lead("Tomas Brenn", "fled"), _lead("Tomas Brenn", "denied")],
    ),
    # a past whereabouts is no denial
    (
        "Brenn is believed to have fled, but he was in Dunmore last week, a diplomat said.",
        [_lead("Tomas Brenn", "fled"), _lead("Tomas Brenn", "located", at="Dunmore")],
    ),
    # a modal perfect is the fact, hedged
    ("The Marl Army has said Tomas Brenn may have been killed.", [_lead("Tomas Brenn", "killed")]),
    # a present office inside an aside about a past one
    (
        "Ilse Varga, a former police officer who heads the "
        "Ostrava Front, said her men would fight on.",
        [_lead("Ilse Varga", "claimed", "head", FRONT)],
    ),
    (
        "Tomas Brenn, the former governor, is also in the valley.",
        [_lead("Tomas Brenn", "located", at="the valley")],
    ),
    # "whose" is no part of an office: it names the group before it
    (
        "The Ostrava Front, whose leader Ilse Varga studied in "
        "Dunmore in the 1990s, said it would fight.",
        [_lead("Ilse Varga", "claimed", "leader", FRONT)],
    ),
    # a nationality adjective names the state whose office it is
    (
        "Marlian President Tomas Brenn said talks would resume.",
        [_lead("Tomas Brenn", "claimed", "president")],
    ),
    # the forces a person commands are the group's
    (
        "Tomas Brenn commands the northern forces of the Ostrava Front.",
        [_lead("Tomas Brenn", "claimed", "commander", FRONT)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LEADERSHIP, ids=range(len(LEADERSHIP)))
def test_leadership_frames(text: str, expected: list[FactValue]) -> None:
    assert [v for v in _values(text) if isinstance(v, Leadership)] == expected


def test_hedges_and_claimants_of_the_contrary_clause() -> None:
    text = (
        "Brenn is rumoured to have fled abroad, though the "
        "Ostrava Front insists he remains in Dunmore."
    )
    claims = {c.value.status: c for c in extract_claims(text, ENTITIES, year=YEAR)}  # type: ignore[union-attr]
    assert claims["fled"].hedged and not claims["denied"].hedged
    assert claims["denied"].claimed_by == "the Ostrava Front"


# --- articles -----------------------------------------------------------------------------------


def test_a_fact_told_twice_counts_once_with_its_actor_named() -> None:
    text = (
        "Army retakes Kelso as rebels pull back\n\n"
        "The Marlan army recaptured the town of Kelso on Saturday, residents said."
    )
    assert [v for v in _values(text) if isinstance(v, TerritorialControl)] == [
        _tc("Kelso", ARMY, "retaken")
    ]


def test_an_office_opening_a_sentence_belongs_to_the_group_before() -> None:
    text = (
        "The Ostrava Front said on Monday that it would not negotiate.\n\n"
        "Its leader, Ilse Varga, is thought to be hiding in Dunmore, officials said."
    )
    claims = [
        c for c in extract_claims(text, ENTITIES, year=YEAR) if isinstance(c.value, Leadership)
    ]
    assert _lead("Ilse Varga", "claimed", "leader", FRONT) in [c.value for c in claims]
    office = next(c for c in claims if c.value.status == "claimed")  # type: ignore[union-attr]
    assert office.quote.startswith("Its leader, Ilse Varga")  # quoted as written


def test_a_unit_named_by_its_kind_is_the_one_irregular_group_in_view() -> None:
    text = (
        "The Ostrava Front has moved artillery north of Dunmore.\n\n"
        "Army officers said on Monday that militia units had encircled Kelso."
    )
    assert [v for v in _values(text) if isinstance(v, TerritorialControl)] == [
        _tc("Kelso", FRONT, "surrounded")
    ]


@pytest.mark.parametrize("verb", ["countered", "replied", "responded", "retorted", "argued"])
def test_a_verb_of_answering_names_its_speaker(verb: str) -> None:
    """Answers are reported speech: their subject, not the narrator, makes the claim."""
    text = f"The Marl Army {verb} that its troops had retaken Kelso on Monday."
    [claim] = [
        c
        for c in extract_claims(text, ENTITIES, year=YEAR)
        if c.value.kind == "territorial_control"
    ]
    assert claim.claimed_by == "the Marl Army"
