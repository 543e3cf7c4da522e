"""Casualty counts read from the parse (issue 13): the grammar of a count phrase and of the
clause around it. Every sentence was written for this test, with invented names."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from monitor.extract import extract_claims
from monitor.extract.casualties.frames import _side
from monitor.extract.casualties.phrases import antecedent, count_of
from monitor.extract.language.frame_base import parsed
from monitor.extract.language.nlp import DEFAULT_MODEL, load
from monitor.records import Casualties, EntityRef, FactKind

CASUALTIES: tuple[FactKind, ...] = ("casualties",)

RLF = "Red Lake Front"
NAV = "Northern Army"
WOLF = "Wolf Company"
ENTITIES = (
    EntityRef(RLF, "group", ("RLF", "Red Lake rebels")),
    EntityRef(NAV, "group", ("Laotian Arab Army", "LAA", "northern troops", "federal forces")),
    EntityRef(WOLF, "group", ("Wolf", "loyalist forces")),
    EntityRef("Tarsa", "place"),
)


def killed(text: str) -> list[tuple[str, int | None, int | None, str]]:
    """(side, killed_min, killed_max, qualifier) of every casualty claim of `text`."""
    return [
        (c.value.subject, c.value.killed_min, c.value.killed_max, c.value.qualifier)
        for c in extract_claims(text, ENTITIES, kinds=CASUALTIES, year=2025)
        if isinstance(c.value, Casualties)
    ]


def built(parse: str) -> Doc:
    """A parse written out as "word/dep>head ..." (heads by index), as the parser gave it to
    a sentence of real reporting, so that a rule is tested on the attachment it must read."""
    words, deps, heads = [], [], []
    for item in parse.split():
        word, rest = item.rsplit("/", 1)
        dep, head = rest.split(">")
        words.append(word)
        deps.append(dep)
        heads.append(int(head))
    return Doc(load(DEFAULT_MODEL).vocab, words=words, heads=heads, deps=deps)


def test_a_number_the_parser_hangs_on_the_name_counts_the_phrase() -> None:
    # "61" attached to the name "Army" rather than to "soldiers"
    doc = built("61/nummod>3 Laotian/amod>3 Arab/compound>3 Army/nmod>4 soldiers/ROOT>4")
    assert count_of(doc[4]) == (61, 61, "exact")
    text = (
        "Monitors said 80 insurgents and 23 Laotian Arab Army (LAA) soldiers were killed in "
        "the fighting."
    )
    assert killed(text) == [(NAV, 23, 23, "exact")]


def test_a_number_inside_the_phrase_counts_the_name_only() -> None:
    # "the army's 61 Laotian Arab Army soldiers": the number does not open the phrase
    doc = built("the/det>1 army/poss>6 's/case>1 61/nummod>5 Laotian/amod>5 Arab/nmod>6 x/ROOT>6")
    assert count_of(doc[6]) is None


def test_the_side_in_an_of_phrase_the_parser_split() -> None:
    # "of the paramilitary Red Lake Front (RLF)" with "paramilitary" taken for the object
    doc = built(
        "150/nummod>1 fighters/ROOT>1 of/prep>1 the/det>4 paramilitary/pobj>2 "
        "Red/compound>7 Lake/compound>7 Front/appos>4"
    )
    s = parsed(doc[:], ENTITIES, 2025)
    assert _side(s, doc[1]) == ENTITIES[0]


def test_the_side_in_a_from_phrase_with_a_possessive() -> None:
    text = "At least six mercenaries from Tomar's Wolf security company were killed near Tarsa."
    assert killed(text) == [(WOLF, 6, None, "at_least")]


def test_a_from_phrase_of_a_place_names_no_side() -> None:
    assert killed("At least six fighters from Tarsa were killed on Sunday.") == []


def test_a_side_named_by_a_kin_of_its_name() -> None:
    # configured as "federal forces": its soldiers, troops and fighters are the same side
    text = "The Red Lake Front said it had killed 60 federal soldiers near Tarsa."
    assert killed(text) == [(NAV, 60, 60, "exact")]


def test_a_kin_name_needs_the_whole_prefix_and_one_side() -> None:
    assert killed("The Red Lake Front said it had killed 60 federal-trained soldiers.") == []
    assert killed("The Red Lake Front said it had killed 60 federal officials.") == []
    twins = (*ENTITIES, EntityRef("Federal Police", "group", ("federal troops",)))
    found = extract_claims(
        "The Red Lake Front said it had killed 60 federal soldiers.", twins, year=2025
    )
    assert [c for c in found if isinstance(c.value, Casualties)] == []


def losses(text: str) -> list[tuple[str, int | None, int | None, int | None]]:
    """(side, killed_min, wounded_min, captured_min) of every casualty claim of `text`."""
    return [
        (c.value.subject, c.value.killed_min, c.value.wounded_min, c.value.captured_min)
        for c in extract_claims(text, ENTITIES, kinds=CASUALTIES, year=2025)
        if isinstance(c.value, Casualties)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "An RLF spokesman said the brigade had killed 40 federal soldiers, wounded 25, and "
        "captured 12 troops near Tarsa.",
        "An RLF spokesman claimed that 40 federal soldiers had been killed, 25 wounded, and 12 "
        "captured.",
    ],
)
def test_a_list_of_losses_shares_the_side_of_its_first_count(text: str) -> None:
    assert losses(text) == [(NAV, 40, 25, 12)]


def test_a_count_outside_the_list_or_of_other_people_keeps_no_side() -> None:
    text = "The RLF said it had killed 40 federal soldiers, while the army said 12 fighters died."
    assert losses(text) == [(NAV, 40, None, None)]
    text = "The RLF said it had killed 40 federal soldiers and captured 12 civilians."
    assert losses(text) == [(NAV, 40, None, None)]


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "The RLF said it had killed at least 62 Wolf fighters and 19 federal soldiers.",
            (NAV, 19, None, "at_least"),
        ),
        (
            "The RLF said it had killed about 62 Wolf fighters and 19 federal soldiers.",
            (NAV, 19, 19, "approx"),
        ),
        (
            "The RLF said it had killed at least 62 Wolf fighters and about 19 federal soldiers.",
            (NAV, 19, 19, "approx"),
        ),
    ],
)
def test_a_qualifier_that_opens_a_list_applies_to_every_count(
    text: str, second: tuple[str, int, int | None, str]
) -> None:
    assert killed(text)[1] == second


def test_a_plural_is_the_kin_of_its_singular_before_a_member_noun() -> None:
    # configured as "loyalist forces"
    text = "The RLF said 30 of its men died, while another source said 12 loyalists died."
    assert (WOLF, 12, 12, "exact") in killed(text)
    text = "The RLF said 30 of its men died, while another source said 12 royalists died."
    assert all(side != WOLF for side, *_ in killed(text))


def test_the_people_a_raid_kills_are_of_the_side_attacked() -> None:
    text = "The RLF shelled Wolf positions near Tarsa on Monday, killing 12 fighters."
    assert killed(text) == [(WOLF, 12, 12, "exact")]
    text = "Drones struck a Wolf convoy, killing at least 30 fighters, the RLF said."
    assert killed(text) == [(WOLF, 30, None, "at_least")]


@pytest.mark.parametrize(
    "text",
    [
        "The RLF stormed a base near Tarsa on Monday, killing 12 soldiers.",  # no side hit
        "The RLF shelled Wolf positions near Tarsa on Monday, killing 12 civilians.",
        "The RLF shelled Wolf positions near Tarsa, and 12 fighters were killed.",  # no result
    ],
)
def test_a_raid_gives_no_side_to_others_it_kills(text: str) -> None:
    assert killed(text) == []


def test_a_side_named_in_the_result_clause_stands() -> None:
    text = "The RLF shelled Wolf positions near Tarsa, killing 12 federal soldiers."
    assert killed(text) == [(NAV, 12, 12, "exact")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'An RLF statement gave the names of 52 fighters of the Wolf Company who "had been '
            'killed defending the town."',
            [(WOLF, 52, 52, "exact")],
        ),
        (
            'The RLF read out the names of 52 Wolf fighters who "died in battle."',
            [(WOLF, 52, 52, "exact")],
        ),
    ],
)
def test_the_people_a_relative_clause_of_losses_tells_of(
    text: str, expected: list[tuple[str, int, int, str]]
) -> None:
    assert killed(text) == expected


def test_people_released_after_their_capture_are_no_new_loss() -> None:
    found = extract_claims(
        "The RLF released 12 Wolf fighters who had been captured near Tarsa.",
        ENTITIES,
        kinds=CASUALTIES,
        year=2025,
    )
    assert found == []


def test_a_relative_clause_the_parser_hangs_on_the_noun_above_the_people() -> None:
    # "the names of 52 fighters who were killed", the clause hung on "names"
    doc = built(
        "names/ROOT>0 of/prep>0 52/nummod>3 fighters/pobj>1 who/nsubjpass>6 were/auxpass>6 "
        "killed/relcl>0"
    )
    assert antecedent(doc[0]) == doc[3]


LEADER = (*ENTITIES, EntityRef("Amon Kaleb", "person", ("Kaleb",), affiliation=RLF))


def lost(text: str) -> list[tuple[str, int | None, int | None]]:
    return [
        (c.value.subject, c.value.killed_min, c.value.killed_max)
        for c in extract_claims(text, LEADER, kinds=CASUALTIES, year=2025)
        if isinstance(c.value, Casualties)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kaleb said his forces had lost 40 men near Tarsa.", [(RLF, 40, 40)]),
        ("The army said Kaleb's forces had lost more than 300 fighters.", [(RLF, 300, None)]),
        ("Kaleb said the Wolf Company had lost 40 men near Tarsa.", [(WOLF, 40, 40)]),
    ],
)
def test_the_side_that_lost_people_is_the_subject_of_lose(
    text: str, expected: list[tuple[str, int, int | None]]
) -> None:
    assert lost(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kaleb said his forces had killed 40 men near Tarsa.",  # the dead are not his
        "Kaleb said his forces had lost 40 villages near Tarsa.",  # not people
        "The Wolf Company said Kaleb's rivals had lost 40 men.",  # nobody configured
    ],
)
def test_no_loser_without_people_lost_by_a_named_side(text: str) -> None:
    assert lost(text) == []


def test_the_killer_is_not_the_side_killed() -> None:
    assert killed("The RLF says it has killed 1,500 Red Lake Front soldiers since April.") == []


def test_a_plural_kin_is_a_word_for_people() -> None:
    entities = (*ENTITIES, EntityRef("Kestan Army", "group", ("national forces",)))
    text = "The RLF said its raids had caused 400 deaths among nationals in Tarsa."
    found = extract_claims(text, entities, year=2025)
    assert [c for c in found if isinstance(c.value, Casualties)] == []


def test_a_leader_speaks_of_his_own_people() -> None:
    assert lost("Kaleb said 40 of his fighters were killed near Tarsa.") == [(RLF, 40, 40)]
    assert lost("Kaleb said the Wolf Company had killed 40 of his fighters.") == []
