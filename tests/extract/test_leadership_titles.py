"""Offices written as titles and asides in the shapes news reports use: a compound title the
parser hangs on a word inside the name, a possessive pronoun before an office, a bare
spokesman's title. Sentences written for this test, with invented names."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from monitor.extract import extract_claims
from monitor.extract.language.nlp import DEFAULT_MODEL, load
from monitor.extract.leadership import trim_titles
from monitor.records import Claim, EntityRef, FactKind, Leadership

LEADERSHIP: tuple[FactKind, ...] = ("leadership",)

ENTITIES = (
    EntityRef("Nadir al-Obeidi", "person", ("al-Obeidi", "Obeidi")),
    EntityRef("Ilse Marant", "person", ("Marant",)),
    EntityRef("Dorn Liberation Front", "group", ("DLF",)),
)


def _offices(
    text: str, entities: tuple[EntityRef, ...] = ENTITIES
) -> set[tuple[str, str | None, str | None]]:
    """(person, role, organization) of every office the text gives."""
    found = extract_claims(text, entities, LEADERSHIP, year=2025)
    return {
        (c.value.subject, c.value.role, c.value.organization)
        for c in found
        if isinstance(c.value, Leadership) and c.value.status == "claimed"
    }


@pytest.mark.parametrize(
    "text",
    [
        "The plan was announced by Kelsani Prime Minister Nadir al-Obeidi early on Monday.",
        "A truce was backed by Varlandian Prime Minister Nadir al-Obeidi on Sunday.",
    ],
)
def test_compound_title_hung_inside_the_name(text: str) -> None:
    assert _offices(text) == {("Nadir al-Obeidi", "prime minister", None)}


def built(parse: str) -> Doc:
    """A parse written out as "word/dep>head ..." (heads by index), as the parser gives it; a
    hyphen is written without spaces around it."""
    words, deps, heads = [], [], []
    for item in parse.split():
        word, rest = item.rsplit("/", 1)
        dep, head = rest.split(">")
        words.append(word)
        deps.append(dep)
        heads.append(int(head))
    spaces = [w != "-" and nxt != "-" for w, nxt in zip(words, [*words[1:], ""], strict=True)]
    vocab = load(DEFAULT_MODEL).vocab
    return Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps)


@pytest.mark.parametrize(
    "parse",
    [
        # "Prime Minister" hung on the particle "al" of "al-Obeidi"
        "by/ROOT>0 Kelsani/amod>3 Prime/compound>3 Minister/compound>5 Nadir/compound>5"
        " al/compound>7 -/punct>7 Obeidi/pobj>0",
        # ... or on the first name
        "by/ROOT>0 Kelsani/amod>3 Prime/compound>3 Minister/compound>4 Nadir/compound>7"
        " al/compound>7 -/punct>7 Obeidi/pobj>0",
    ],
)
def test_title_hung_on_a_word_inside_the_name(parse: str) -> None:
    span = built(parse)[:]
    claim = Claim(Leadership("Nadir al-Obeidi", "minister", None, "claimed"), span.text)
    trimmed = trim_titles([claim], span, ENTITIES)
    assert [c.value.role for c in trimmed if isinstance(c.value, Leadership)] == ["prime minister"]


def test_rank_hung_inside_the_name_is_no_office() -> None:
    text = "It said the forces of army General Nadir al-Obeidi had repelled the attack."
    assert _offices(text) == set()


BODIES = (
    EntityRef("Ilse Marant", "person", ("Marant",)),
    EntityRef("Tomas Vell", "person", ("Vell",)),
    EntityRef("Dorn Liberation Front", "group", ("DLF", "Dorn Front")),
    EntityRef("Kenyan army", "group", ("Kenya", "Kenyan troops")),
    EntityRef("Turkish Armed Forces", "group", ("Turkey", "Turkish troops")),
    EntityRef("Council of Dorn Unity", "group", ("CDU",)),
    EntityRef("Faris al-Rawi", "person", ("al-Rawi",)),
)


def _bodies(text: str) -> set[tuple[str, str | None, str | None]]:
    return _offices(text, BODIES)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels said that Ilse Marant, leader of Kenya's rival group the Dorn Front, was alive.",
        "The town fell, said Ilse Marant, the leader of Kenya’s main armed group DLF, on Friday.",
    ],
)
def test_the_body_after_a_country_possessor(text: str) -> None:
    assert _bodies(text) == {("Ilse Marant", "leader", "Dorn Liberation Front")}


def test_a_country_possessor_alone_is_the_body() -> None:
    text = "Troops moved north, said Ilse Marant, the commander of Kenya's army, on Friday."
    assert _bodies(text) == {("Ilse Marant", "commander", "Kenyan army")}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Turkey’s President Tomas Vell gave a speech in the capital on Thursday.", "president"),
        (
            "Talks were hosted by Kenya's Defence Minister Tomas Vell in the capital.",
            "defence minister",
        ),
    ],
)
def test_a_state_office_of_a_country_is_no_armys(text: str, role: str) -> None:
    assert _bodies(text) == {("Tomas Vell", role, None)}


def test_a_countrys_army_office_keeps_the_army() -> None:
    text = "Kenya's army chief Tomas Vell said the town was retaken."
    assert _bodies(text) == {("Tomas Vell", "army chief", "Kenyan army")}


@pytest.mark.parametrize(
    ("text", "office"),
    [
        (
            "The retreat was explained by the command and his spokesman Tomas Vell on Friday.",
            ("Tomas Vell", "spokesman", None),
        ),
        (
            "Her spokeswoman Ilse Marant told reporters the talks had failed.",
            ("Ilse Marant", "spokeswoman", None),
        ),
        (
            "The town was taken from two sides, spokesman Tomas Vell said.",
            ("Tomas Vell", "spokesman", None),
        ),
        (
            "Fighters of the Dorn Front shelled the town, spokesman Tomas Vell said.",
            ("Tomas Vell", "spokesman", None),
        ),
    ],
)
def test_spokesman_titles_bare_or_after_a_possessive_pronoun(
    text: str, office: tuple[str, str, str | None]
) -> None:
    assert _bodies(text) == {office}


@pytest.mark.parametrize(
    "text",
    [
        "The forces of commander Tomas Vell had repelled the attack.",  # a bare title
        "The forces of his brother Tomas Vell had repelled the attack.",  # no office
    ],
)
def test_no_office_from_a_bare_commander_or_a_kinsman(text: str) -> None:
    assert _bodies(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The town fell to the army, where rival leader Ilse Marant kept her fighters.",
        "The talks failed, said rival leader Ilse Marant.",
    ],
)
def test_rival_describes_the_leader_not_the_office(text: str) -> None:
    assert _bodies(text) == {("Ilse Marant", "leader", None)}


@pytest.mark.parametrize(
    "text",
    [
        "The retreat was a lesson, the Interior Minister of the DLF Tomas Vell said on Friday.",
        "Talks were led by the chief negotiator of the Dorn Front Tomas Vell in the capital.",
    ],
)
def test_office_of_a_group_right_before_the_name(text: str) -> None:
    offices = _bodies(text)
    assert {(s, o) for s, _, o in offices} == {("Tomas Vell", "Dorn Liberation Front")}


def test_office_of_a_part_of_a_group_is_not_the_groups() -> None:
    text = "Talks were led by the commander of the DLF's northern brigade Tomas Vell on Friday."
    assert ("Tomas Vell", "commander", "Dorn Liberation Front") not in _bodies(text)


@pytest.mark.parametrize(
    "text",
    [
        "“The hill is ours,” Tomas Vell, spokesman for forces loyal to the Council of Dorn Unity"
        " (CDU), told reporters on Monday.",
        "Tomas Vell, a commander of fighters loyal to the Dorn Front, said the road was open.",
        "Faris al-Rawi, a spokesman for forces loyal to the Dorn Liberation Front, said the road"
        " was open.",
        "Tomas Vell, spokesman for the Dorn Liberation Front (DLF), said the road was open.",
    ],
)
def test_office_of_the_forces_loyal_to_a_group(text: str) -> None:
    offices = _bodies(text)
    assert len(offices) == 1
    assert {o for _, _, o in offices} <= {"Dorn Liberation Front", "Council of Dorn Unity"}


def test_forces_loyal_to_a_person_name_no_body() -> None:
    text = "Tomas Vell, spokesman for forces loyal to the old colonel, said the road was open."
    assert {o for _, _, o in _bodies(text)} <= {None}


@pytest.mark.parametrize(
    "text",
    [
        "The talks failed, said the Kenya Defence Minister, Tomas Vell, on Sunday.",
        "The Turkey Prime Minister Tomas Vell spoke in the capital on Sunday.",
    ],
)
def test_a_country_name_before_a_state_office_is_no_armys(text: str) -> None:
    assert {o for _, _, o in _bodies(text)} == {None}


@pytest.mark.parametrize(
    "text",
    [
        "Mercenaries fight beside the army against the Dorn Liberation Front (DLF), which is led"
        " by Field Marshal Tomas Vell.",
        "The strikes hit the Dorn Front, which is headed by Tomas Vell, near the border.",
    ],
)
def test_a_group_led_by_a_person_in_a_relative_clause(text: str) -> None:
    offices = _bodies(text)
    assert {(s, o) for s, _, o in offices} == {("Tomas Vell", "Dorn Liberation Front")}


def test_a_group_backed_by_a_person_is_not_led_by_him() -> None:
    text = "The Dorn Front, which is backed by Tomas Vell, took the town."
    assert _bodies(text) == set()


def _all(text: str) -> set[tuple[str, str | None, str | None, str]]:
    found = extract_claims(text, BODIES, LEADERSHIP, year=2025)
    return {
        (c.value.subject, c.value.role, c.value.organization, c.value.status)
        for c in found
        if isinstance(c.value, Leadership)
    }


@pytest.mark.parametrize(
    "text",
    [
        "The army said it killed Tomas Vell, the leader of the Dorn Front, in a raid on Friday.",
        "The governor confirmed the death of Tomas Vell, the leader of the armed group, known"
        " locally as “DLF”.",
        "Officials confirmed the death of Tomas Vell, the leader of the militant group, also"
        " known as the Dorn Front, last week.",
    ],
)
def test_the_office_an_aside_gives_the_person_killed(text: str) -> None:
    assert _all(text) == {
        ("Tomas Vell", "leader", "Dorn Liberation Front", "killed"),
        ("Tomas Vell", "leader", "Dorn Liberation Front", "claimed"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "The army said it killed Tomas Vell, the former leader of the Dorn Front, on Friday.",
        "The army said it killed Tomas Vell, the leader of the armed group, known for its raids.",
    ],
)
def test_no_body_from_a_past_office_or_a_description(text: str) -> None:
    assert {(r, o) for _, r, o, s in _all(text) if s == "claimed"} <= {("leader", None)}


@pytest.mark.parametrize(
    "text",
    [
        "The town faced an offensive by forces loyal to commander Gen. Tomas Vell.",
        "The hill was taken by troops loyal to commander Col. Tomas Vell on Friday.",
    ],
)
def test_a_post_in_lower_case_before_a_rank(text: str) -> None:
    assert _bodies(text) == {("Tomas Vell", "commander", None)}


def test_a_capitalised_title_before_a_rank_may_be_a_rank() -> None:
    text = "The town faced an offensive by forces loyal to Commander Gen. Tomas Vell."
    assert _bodies(text) == set()


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "The raids killed several commanders, including its 'minister of war' Tomas Vell.",
            "minister of war",
        ),
        ("The Dorn Front named its “emir” Tomas Vell in a statement on Friday.", "emir"),
    ],
)
def test_a_title_in_quotes_before_the_name(text: str, role: str) -> None:
    assert ("Tomas Vell", role) in {(s, r) for s, r, _, _ in _all(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Dorn Front says 'minister of war' Tomas Vell killed",
        "Rebel leader Tomas Vell killed in air strike",
    ],
)
def test_a_headline_fate_without_its_auxiliary(text: str) -> None:
    assert "killed" in {status for _, _, _, status in _all(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Rebel leader Tomas Vell killed twenty soldiers in the raid.",
        "The fighters Tomas Vell killed were buried on Friday.",
    ],
)
def test_a_name_before_an_active_killed_is_no_fate(text: str) -> None:
    assert "killed" not in {status for _, _, _, status in _all(text)}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The siege goes on, said Dorn provincial Governor Tomas Vell on Friday.", "governor"),
        ("The army led by army Chief General Tomas Vell held the city.", "chief"),
        ("The talks failed, said acting President Tomas Vell on Friday.", "acting president"),
        (
            "The talks failed, said deputy Defence Minister Tomas Vell on Friday.",
            "deputy defence minister",
        ),
        ("The talks failed, said army chief Tomas Vell on Friday.", "army chief"),
    ],
)
def test_a_title_opens_on_its_capitals(text: str, role: str) -> None:
    assert {r for _, r, _ in _bodies(text)} == {role}


def test_prose_with_a_full_stop_is_no_headline() -> None:
    text = "The men Tomas Vell killed in the raid were buried on Friday."
    assert "killed" not in {status for _, _, _, status in _all(text)}


def test_a_quote_that_ends_on_an_office_word_is_no_title() -> None:
    text = "“We trust our commander” Tomas Vell told the crowd on Friday."
    assert {r for _, r, _, _ in _all(text)} <= {None}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Chief of the general staff Marant, who led the operation, told reporters it was over.",
            "chief of the general staff",
        ),
        (
            "Later, chief of the defence staff Marant told reporters it was over.",
            "chief of the defence staff",
        ),
    ],
)
def test_an_office_of_the_staff_the_parser_hangs_on_the_name_is_read_whole(
    text: str, role: str
) -> None:
    """The parser may read "chief of [the general staff Marant]", the office's "of" phrase as
    the name's own words; the office is read whole all the same."""
    assert {r for who, r, _ in _offices(text) if who == "Ilse Marant"} == {role}
