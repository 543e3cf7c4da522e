"""An age set off by commas after a name ("Tomas Brel, 58, said ...") and a day between a
subject and its verb ("General Brel on Monday fled") are left out of what the extractors read
(`extract.language.asides`), and a hyphenated "re-" is joined to its word: the speaker stays
the speaker, the fact is read; the quote and the claimant are given as written."""

from __future__ import annotations

import pytest
from control_facts import NLA, SOUTH, VARNO_WAR

from monitor.extract import extract_claims
from monitor.extract.language.asides import without_asides
from monitor.records import Casualties, EntityRef, Leadership, TerritorialControl


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("Tomas Brel, 58, said on Monday.", "Tomas Brel      said on Monday."),
        ("He met Brel, 58, and Asko, 61, in Varno.", "He met Brel      and Asko      in Varno."),
        ("Émile, 45, said so.", "Émile      said so."),  # names with accents
    ],
)
def test_an_age_after_a_name_is_blanked_the_same_length(line: str, read: str) -> None:
    assert without_asides(line) == read and len(read) == len(line)


@pytest.mark.parametrize(
    "line",
    [
        "In Varno, 30 were killed.",  # a count, not an age
        "Tomas Brel, 58, the face of the army, spoke.",  # the comma opens another apposition
        "The NLA lost 12, 14, and 20 fighters.",  # numbers after numbers
    ],
)
def test_what_is_no_age_after_a_name_stays(line: str) -> None:
    assert without_asides(line) == line


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Southern Army commander Tomas Brel, 58, said on Monday that southern forces had"
            " taken Varno.",
            "Southern Army commander Tomas Brel",
        ),
        ("Tomas Brel, 58, said southern troops had retaken Kastrel.", "Tomas Brel"),
    ],
)
def test_the_speaker_after_an_age_is_the_claimant(text: str, claimant: str) -> None:
    claims = [c for c in extract_claims(text, VARNO_WAR, year=2024) if c.value.kind != "leadership"]
    assert [(c.claimed_by, c.quote) for c in claims] == [(claimant, text)]
    assert isinstance(claims[0].value, TerritorialControl) and claims[0].value.controller == SOUTH


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Rebels on Sunday seized Varno.", " on Sunday"),
        ("Brel early on Friday was killed.", " early on Friday"),
        ("Brel overnight fled to Albania.", " overnight"),
        ("Brel on Monday would remain in Varno.", " on Monday"),  # a modal
    ],
)
def test_a_day_between_a_subject_and_its_verb_is_blanked(line: str, day: str) -> None:
    assert without_asides(line) == line.replace(day, " " * len(day))


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("General Brel Wednesday said Varno was calm.", " Wednesday"),
        ("NLA fighters who seized Varno Sunday, residents said, looted it.", " Sunday"),
        ("The NLA had taken Varno Sunday.", " Sunday"),
        ("Varno fell Friday and the army left.", " Friday"),
        ("General Brel Monday would not say.", " Monday"),  # a modal
        ("Brel, whose men Monday fought in Varno, spoke.", " Monday"),  # an irregular past
    ],
)
def test_a_day_without_on_as_wire_copy_writes_it_is_blanked(line: str, day: str) -> None:
    assert without_asides(line) == line.replace(day, " " * len(day), 1)


@pytest.mark.parametrize(
    "line",
    [
        "The NLA left Varno last Sunday.",  # a date of its own
        "Since Bloody Sunday the town has been quiet.",  # part of a name
        "The NLA took Varno Sunday morning.",  # a phrase of time the day opens
        "Brel met Monday Okoro in Varno.",  # a name that a day's name opens
        "NLA fighters, advancing fast, on Saturday seized Varno.",  # "on" after a comma
        "On Monday, NLA fighters seized Varno.",  # "on" with its capital, opening a sentence
        "By Friday, the NLA held Varno.",
        "Saturday was calm, but Sunday was not.",  # the subject of its clause
    ],
)
def test_a_day_that_dates_or_names_something_stays(line: str) -> None:
    assert without_asides(line) == line


def test_a_capture_told_with_a_day_without_on_is_read() -> None:
    (claim,) = extract_claims("NLA fighters had taken Varno Sunday.", VARNO_WAR, year=2024)
    assert claim.value == TerritorialControl("Varno", NLA, "captured")


@pytest.mark.parametrize(
    "line",
    [
        "The army said on Monday that it held Varno.",  # after the verb: left where it is
        "Brel last year fled to Albania.",  # a time that dates the fact stays
        "He arrived on Monday and left.",
    ],
)
def test_a_day_elsewhere_stays(line: str) -> None:
    assert without_asides(line) == line


def test_an_office_told_with_a_modal_after_a_day_is_read() -> None:
    text = "The NLA said its deputy would go, while Tomas Brel on Monday would remain its chief."
    offices = [c.value for c in extract_claims(text, VARNO_WAR, year=2024)]
    assert Leadership("Tomas Brel", "chief", NLA, "claimed") in offices


def test_a_fate_and_losses_are_read_across_a_day() -> None:
    fled = extract_claims("General Brel on Monday fled to Albania.", VARNO_WAR, year=2024)
    assert [c.value for c in fled] == [Leadership("Tomas Brel", None, None, "fled", "Albania")]
    text = "Eight southern troops on Sunday were taken prisoner near Varno."
    (taken,) = extract_claims(text, VARNO_WAR, year=2024)
    assert taken.quote == text and isinstance(taken.value, Casualties)
    assert (taken.value.subject, taken.value.captured_min) == (SOUTH, 8)


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("They have re-established control.", "They have  reestablished control."),
        ("the re-capture of Varno", "the  recapture of Varno"),
    ],
)
def test_a_hyphenated_re_is_joined_to_its_word_the_same_length(line: str, read: str) -> None:
    assert without_asides(line) == read and len(read) == len(line)


@pytest.mark.parametrize("line", ["A pre-war market town.", "Re-Match Of The Day", "a re-"])
def test_what_is_no_prefix_re_stays(line: str) -> None:
    assert without_asides(line) == line


def test_a_verb_with_a_hyphenated_re_is_read_as_the_verb() -> None:
    text = "Officials said southern troops had re-established their control of Varno."
    claims = extract_claims(text, VARNO_WAR, year=2024)
    assert [(c.value, c.quote) for c in claims] == [
        (TerritorialControl("Varno", SOUTH, "retaken"), text)
    ]


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("Army spokesman Tomas Brel Jr. said so.", "Army spokesman Tomas Brel     said so."),
        ("Tomas Brel, Jr., said so.", "Tomas Brel       said so."),
        ("Tomas Brel Jr., the spokesman, said so.", "Tomas Brel,     the spokesman, said so."),
        ("Idris Touré Jr. said so.", "Idris Touré     said so."),
    ],
)
def test_a_generational_suffix_after_a_name_is_blanked(line: str, read: str) -> None:
    assert without_asides(line) == read and len(read) == len(line)


@pytest.mark.parametrize(
    "line", ["The Jr. League met.", "It was Tomas Brel Jr.", "Ask Brel Jr. The army did."]
)
def test_a_suffix_that_ends_a_sentence_or_follows_no_name_stays(line: str) -> None:
    assert without_asides(line) == line


def test_the_office_of_a_person_named_with_a_suffix_is_read() -> None:
    text = "Army spokesman Brig. Gen. Tomas Brel Jr. said southern troops had retaken Varno."
    offices = [c.value for c in extract_claims(text, VARNO_WAR, year=2024)]
    assert Leadership("Tomas Brel", "spokesman", SOUTH, "claimed") in offices


@pytest.mark.parametrize(
    ("line", "bracket"),
    [
        ("General Brel (54) fled to Albania.", " (54)"),
        ("General Brel (pictured) said so.", " (pictured)"),
        ("Tomas Brel (second left) and Asko spoke.", " (second left)"),
        ("Idris Koné (pictured) said so.", " (pictured)"),
        ("Ögmund (61) said so.", " (61)"),
    ],
)
def test_an_age_or_photo_pointer_in_brackets_after_a_name_is_blanked(
    line: str, bracket: str
) -> None:
    assert without_asides(line) == line.replace(bracket, " " * len(bracket))


@pytest.mark.parametrize(
    "line",
    [
        "The Northern Liberation Army (NLA) took Varno.",  # an acronym: a name of its own
        "Rebels killed 12 soldiers (54 in all) in Varno.",  # no name before it
        "General Brel (54 years in the army) spoke.",  # more than an age
    ],
)
def test_other_brackets_stay(line: str) -> None:
    assert without_asides(line) == line


def test_the_fate_of_a_person_with_an_accented_name_and_a_photo_pointer_is_read() -> None:
    war = (*VARNO_WAR, EntityRef("Idris Koné", "person", ("Koné",)))
    fled = extract_claims("Koné (pictured) is believed to have fled to Albania.", war, year=2024)
    assert [c.value for c in fled] == [Leadership("Idris Koné", None, None, "fled", "Albania")]


def test_the_fate_of_a_person_with_an_age_in_brackets_is_read() -> None:
    fled = extract_claims("General Brel (54) fled to Albania.", VARNO_WAR, year=2024)
    assert [c.value for c in fled] == [Leadership("Tomas Brel", None, None, "fled", "Albania")]
