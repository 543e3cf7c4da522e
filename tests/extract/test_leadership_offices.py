"""Offices read from the parse (issue 13): a title kept from the name by a rank, an office in
apposition that no comma closes or that follows "according to", a group "led by" a list of
people or by someone after a parenthesis, "under the leadership of". Every sentence was written
for this test, with invented names."""

from __future__ import annotations

import pytest
from leadership_facts import leadership_read

from monitor.records import Claim, EntityRef, Leadership

KDF = "Kelso Defence Front"
MLA = "Marsh Liberation Army"
ENTITIES = (
    EntityRef(KDF, "group", ("KDF",)),
    EntityRef(MLA, "group", ("MLA",)),
    EntityRef("Tarek Osei Bannor", "person", ("Bannor",), affiliation=KDF),
    EntityRef("Lina Vard", "person", ("Vard",), affiliation=MLA),
    EntityRef("Omar Kessel", "person", ("Kessel",), affiliation=MLA),
    EntityRef("Dorn", "place"),
)


def _offices(text: str, year: int = 2025) -> set[Leadership]:
    return leadership_read(text, ENTITIES, year)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # office, rank, then name parts the configuration does not list
            "KDF leader General Ali Tarek Osei Bannor said his troops had left Dorn.",
            Leadership("Tarek Osei Bannor", "leader", KDF, "claimed"),
        ),
        (
            "“We hold the bridge,” said MLA Spokesman Rear Adm. Lina Vard on Monday.",
            Leadership("Lina Vard", "spokesman", MLA, "claimed"),
        ),
        (  # an appositive that no second comma closes
            "Colonel Lina Vard, the MLA fighters’ military spokesperson on Monday issued a "
            "statement claiming the town.",
            Leadership("Lina Vard", "military spokesperson", MLA, "claimed"),
        ),
        (  # an appositive after "according to"
            "The bridge was taken by the MLA, according to Lina Vard, MLA political spokesperson.",
            Leadership("Lina Vard", "political spokesperson", MLA, "claimed"),
        ),
        (  # an appositive closed by a comma whose office has a phrase of its own after it
            "Omar Kessel, the feared MLA commander blamed for the ambush, was killed on Monday.",
            Leadership("Omar Kessel", "commander", MLA, "claimed"),
        ),
        (  # the body after "of"
            '"Omar Kessel, Secretary General of the MLA, has joined his comrades," it said.',
            Leadership("Omar Kessel", "secretary general", MLA, "claimed"),
        ),
    ],
)
def test_office_across_rank_or_in_apposition(text: str, expected: Leadership) -> None:
    assert expected in _offices(text)


def test_led_by_a_list_of_people() -> None:
    found = _offices("The war between MLA fighters led by Lina Vard and Omar Kessel began in May.")
    assert Leadership("Lina Vard", "leader", MLA, "claimed") in found
    assert Leadership("Omar Kessel", "leader", MLA, "claimed") in found


def test_led_by_after_a_parenthesis_and_under_the_leadership_of() -> None:
    led = _offices(
        "Fighting erupted between the army and the Kelso Defence Front (KDF) led by General "
        "Tarek Osei Bannor."
    )
    assert Leadership("Tarek Osei Bannor", "leader", KDF, "claimed") in led
    under = _offices(
        "The clashes began between the police and the Marsh Liberation Army (MLA) under the "
        "leadership of Colonel Omar Kessel, known as the Heron."
    )
    assert Leadership("Omar Kessel", "leader", MLA, "claimed") in under
    titled = _offices("It began between the MLA under the leadership of chief General Omar Kessel.")
    assert Leadership("Omar Kessel", "chief", MLA, "claimed") in titled  # his title, not "leader"


def test_passive_led_by_with_the_group_as_subject() -> None:
    found = _offices("The Marsh Liberation Army is led by Omar Kessel, a former teacher.")
    assert Leadership("Omar Kessel", "leader", MLA, "claimed") in found


@pytest.mark.parametrize(
    "text",
    [
        # a past office in apposition
        "Talks were held with Lina Vard, former chairman of the electoral commission.",
        # a bare rank before the name is no office
        "General Omar Kessel arrived in Dorn on Monday.",
        # an office told in a clause dated years before the article
        "In May 2019, MLA chief Major General Omar Kessel warned the governor.",
        # a description that names no office
        "The whereabouts of Omar Kessel, the country's strongest man, were unknown.",
    ],
)
def test_no_office(text: str) -> None:
    assert not [v for v in _offices(text) if v.status == "claimed"]


def test_office_named_before_the_name_across_a_rank() -> None:
    found = _offices("The MLA's chief of staff, General Omar Kessel, said the bridge held.")
    assert Leadership("Omar Kessel", "chief of staff", MLA, "claimed") in found
    spaced = _offices("The KDF’s commander in chief, Col. Gen. Tarek Osei Bannor, spoke on Monday.")
    assert Leadership("Tarek Osei Bannor", "commander in chief", KDF, "claimed") in spaced


def test_one_title_is_one_office() -> None:
    """A title read whole by one rule and in part by another is told once, whole."""
    from monitor.extract.leadership.titles import _told_longer

    longer = Leadership("Omar Kessel", "army chief", MLA, "claimed")
    part = Leadership("Omar Kessel", "chief", MLA, "claimed")
    other = Leadership("Lina Vard", "chief", MLA, "claimed")
    claims = [Claim(v, "s", None, False) for v in (longer, part, other)]
    assert _told_longer(part, claims)
    assert not _told_longer(longer, claims)
    assert not _told_longer(other, claims)  # another person's office


def test_a_closed_appositive_with_its_body_after_of() -> None:
    found = _offices(
        '"Omar Kessel, Secretary General of the MLA, has joined his comrades," it said.'
    )
    assert Leadership("Omar Kessel", "secretary general", MLA, "claimed") in found


def test_a_list_of_names_in_apposition_to_an_office_in_the_plural() -> None:
    found = _offices(
        "Strikes hit the town where the two senior military leaders of the MLA — Lina Vard and "
        "Omar Kessel — are said to be staying."
    )
    assert Leadership("Lina Vard", "senior military leader", MLA, "claimed") in found
    assert Leadership("Omar Kessel", "senior military leader", MLA, "claimed") in found


def test_a_list_in_apposition_to_a_plural_that_is_no_office() -> None:
    found = _offices("Two civilians of the town — Lina Vard and Omar Kessel — were hurt.")
    assert not [v for v in found if v.status == "claimed"]


def test_a_persons_name_before_an_office_says_whom_it_serves() -> None:
    """ "Bannor spokesman X": Bannor's spokesman, of the group Bannor is tied to; the name is
    no part of the office."""
    found = _offices("Bannor spokesman Lina Vard called the raid on Dorn a crime.")
    assert Leadership("Lina Vard", "spokesman", KDF, "claimed") in found
    assert not [v for v in found if v.role and "bannor" in v.role.lower()]
