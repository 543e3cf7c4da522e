"""Headlines in title case or in capitals are read as the sentence they stand for
(`extract.language.casing`): the same facts as the sentence in sentence case, quoted and named
as the headline writes them. Prose, short labels and lines with lower-case words are left as
they are."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from control_facts import NLA, SOUTH, VARNO_WAR

from monitor.extract import extract_claims
from monitor.extract.language.casing import (
    as_written,
    headline_cased,
    names_in_prose,
    sentence_cased,
)
from monitor.records import EntityRef, FactValue, Leadership, TerritorialControl

WAR = VARNO_WAR


def values(text: str) -> list[FactValue]:
    return [c.value for c in extract_claims(text, WAR, year=2024)]


@pytest.mark.parametrize(
    ("headline", "cased"),
    [
        (
            "NLA Fighters Overrun Varno As General Brel Flees To Albania",
            "NLA fighters overrun Varno as General Brel flees to Albania",
        ),
        (
            "NLA FIGHTERS OVERRUN VARNO AS GENERAL BREL FLEES TO ALBANIA",
            "NLA fighters overrun Varno as General Brel flees to Albania",
        ),
        (
            "Southern Army Says Iraqi Advisers Left Kastrel Before The U.S. Strike",
            "Southern Army says Iraqi advisers left Kastrel before the U.S. strike",
        ),
        (
            "HTS Commander Says Forces Will Push On: Varno Is Next",
            "HTS commander says forces will push on: Varno is next",
        ),
        # ranks and honorifics in short keep their capital, as prose writes them
        (
            "Army Spokesman Brig. Gen. Tomas Brel Says Varno Held",
            "Army spokesman Brig. Gen. Tomas Brel says Varno held",
        ),
        ("MR TOMAS BREL SAYS VARNO IS HELD", "Mr Tomas Brel says Varno is held"),
        # days and months keep their capital; "May" and "March" are verbs as well
        (
            "NLA Took Varno On Monday, Army Says Troops May March In June",
            "NLA took Varno on Monday, army says troops may march in June",
        ),
        # a code name keeps its case; a hyphenated rank is no acronym
        (
            "M23 Fighters Enter Varno, Says Major-General Tomas Brel",
            "M23 fighters enter Varno, says major-general Tomas Brel",
        ),
        # a verb that starts like a country's name is no nationality ("Indi-cated")
        ("Brel Indicated Iraqi Advisers Left Varno", "Brel indicated Iraqi advisers left Varno"),
    ],
)
def test_a_headline_is_set_in_sentence_case_keeping_names(headline: str, cased: str) -> None:
    assert headline_cased(headline)
    assert sentence_cased(headline, WAR) == cased


@pytest.mark.parametrize(
    "line",
    [
        "Southern forces took Varno on Monday, the army said.",
        "The NLA said General Brel had fled to Albania.",
        "Battle Of Varno",  # too short to tell a headline from a name
        "Southern Army retakes Kastrel After Long Siege",  # a word in lower case: not title case
    ],
)
def test_prose_and_short_or_mixed_lines_are_left_alone(line: str) -> None:
    assert sentence_cased(line, WAR) == line


def test_only_the_case_of_letters_changes() -> None:
    headline = "İstanbul Talks Fail As NLA Fighters Shell Varno"
    cased = sentence_cased(headline, WAR)
    assert len(cased) == len(headline)
    assert all(a.lower() == b.lower() for a, b in zip(cased, headline, strict=True))
    assert cased.startswith("İstanbul talks fail as NLA fighters")


@pytest.mark.parametrize(
    "sentence",
    [
        "NLA fighters overrun Varno as General Brel flees to Albania",
        "Southern army commander Tomas Brel killed in ambush near Kastrel",
        "Army spokesman says southern forces have retaken Kastrel",
    ],
)
@pytest.mark.parametrize("style", [str.title, str.upper])
def test_a_headline_yields_what_its_sentence_yields(
    sentence: str, style: Callable[[str], str]
) -> None:
    expected = values(sentence)
    assert expected
    assert values(style(sentence)) == expected


def test_the_claim_quotes_the_headline_as_written() -> None:
    headline = "General Brel Flees To Albania As NLA Takes Varno"
    claims = extract_claims(headline, WAR, year=2024)
    assert {c.quote for c in claims} == {headline}
    assert (NLA, "captured") in {
        (getattr(c.value, "controller", None), getattr(c.value, "status", None)) for c in claims
    }


def test_a_phrase_taken_from_the_headline_keeps_the_headlines_capitals() -> None:
    assert as_written("fled to kessel", "Brel fled to kessel", "Brel Fled To Kessel") == (
        "Fled To Kessel"
    )
    assert as_written("the army", "Brel fled", "Brel Fled") == "the army"  # not in the line
    assert as_written("congo", "Brel fled to congo", "BREL FLED TO CONGO") == "congo"


def test_a_fates_office_read_from_a_headline_is_the_sentences() -> None:
    found = values("Southern Army Commander Tomas Brel Killed In Ambush Near Kastrel")
    fates = [v for v in found if isinstance(v, Leadership) and v.status == "killed"]
    assert [(v.role, v.organization) for v in fates] == [("commander", SOUTH)]


IS_WAR = (*WAR, EntityRef("Islamic State", "group", ("IS", "ISIS")))


def test_an_acronym_that_spells_a_word_is_the_word_in_capitals() -> None:
    """ "IS" in a line of capitals is the verb, unless it opens the line (a verb opens no
    headline of news), where it is the group."""
    assert sentence_cased("VARNO IS NOW UNDER REBEL CONTROL, WITNESSES SAY", IS_WAR) == (
        "Varno is now under rebel control, witnesses say"
    )
    holdings = [c.value for c in extract_claims("VARNO IS NOW UNDER NLA CONTROL", IS_WAR)]
    assert holdings == [TerritorialControl("Varno", NLA, "holds")]
    seized = [c.value for c in extract_claims("IS FIGHTERS SEIZE VARNO", IS_WAR)]
    assert seized == [TerritorialControl("Varno", "Islamic State", "captured")]


STORY = (
    "Southern army commander Tomas Brel has fled to Kessel, officials in Lorn said on Monday. "
    "“Kessel will not hand him over,” a minister said. The NLA said it now holds the town."
)


def test_a_headline_keeps_the_names_its_story_writes_with_a_capital() -> None:
    """A word the story writes with a capital inside a sentence and never in lower case is a
    name in its headline too: a reader takes them from the story under it."""
    names = names_in_prose(["General Brel Flees To Kessel As NLA Closes In", STORY])
    assert {"kessel", "lorn", "brel"} <= names.keys()
    assert sentence_cased("General Brel Flees To Kessel As NLA Closes In", WAR, names) == (
        "General Brel flees to Kessel as NLA closes in"
    )
    assert sentence_cased("GENERAL BREL FLEES TO KESSEL", WAR, names) == (
        "General Brel flees to Kessel"
    )


def test_a_headline_in_capitals_keeps_the_acronyms_its_story_writes() -> None:
    story = "The chairman of the DLF, Ilse Marant, told reporters in Kessel that her forces held."
    names = names_in_prose([story])
    assert names["dlf"] == "acronym" and names["kessel"] == "capitalised"
    assert sentence_cased("DLF CHAIRMAN SAYS FORCES HOLD KESSEL", WAR, names) == (
        "DLF chairman says forces hold Kessel"
    )
    assert sentence_cased("DLF CHAIRMAN SAYS FORCES HOLD KESSEL", WAR) == (
        "Dlf chairman says forces hold kessel"
    )


@pytest.mark.parametrize(
    ("prose", "word"),
    [
        ("Officials said the town had fled. The Town Council met in Lorn.", "town"),  # lower too
        ("Fled civilians reached Lorn on Monday.", "fled"),  # only where a sentence opens
        ("A minister said: “Fled soldiers will be tried,” in Lorn.", "fled"),  # after a quote
        ("He said (Fled units aside) that Lorn held.", "fled"),  # after a bracket
        ("Brel Flees To Kessel As NLA Closes In", "kessel"),  # a headline tells nothing
    ],
)
def test_a_word_is_no_name_of_the_story_unless_its_prose_says_so(prose: str, word: str) -> None:
    assert word not in names_in_prose([prose])


def test_a_fate_in_a_headline_keeps_the_place_its_story_names() -> None:
    headline = "Southern Army Commander Tomas Brel Flees To Kessel"
    alone = [v for v in values(headline) if isinstance(v, Leadership)]
    story = [v for v in values(f"{headline}\n\n{STORY}") if isinstance(v, Leadership)]
    assert ("fled", None) in {(v.status, v.location) for v in alone}
    assert ("fled", "Kessel") in {(v.status, v.location) for v in story}
    quoted = extract_claims(f"{headline}\n\n{STORY}", WAR, year=2024)
    assert any(c.quote == headline and getattr(c.value, "location", None) for c in quoted)
