"""What a headline wears that is no word of it is taken off before the parse: a wire slug
before it ("UPDATE 2-", "EXCLUSIVE-", "LIVE:") and the source named after it ("- Reuters",
"| Al Jazeera"), so that the source's name is not read into the headline's last word; and so
is the ellipsis that ends a summary cut short (`extract.language.layout`). Attributions, names
and quotations that belong to the line stay."""

from __future__ import annotations

import pytest
from control_facts import NLA, VARNO_WAR

from monitor.extract import extract_claims
from monitor.extract.language.layout import blocks
from monitor.records import Leadership, TerritorialControl


@pytest.mark.parametrize(
    "line",
    [
        "UPDATE 3-NLA fighters take Varno as army pulls back",
        "EXCLUSIVE-NLA fighters take Varno as army pulls back",
        "LIVE: NLA fighters take Varno as army pulls back",
        "BREAKING: NLA fighters take Varno as army pulls back",
        "NLA fighters take Varno as army pulls back - Reuters",
        "NLA fighters take Varno as army pulls back – BBC News",
        "NLA fighters take Varno as army pulls back | Al Jazeera",
        "NLA fighters take Varno as army pulls back | Varno war | The Daily Courier",
        "UPDATE 1-NLA fighters take Varno as army pulls back - The New York Times",
    ],
)
def test_a_headlines_slug_and_source_tags_are_taken_off(line: str) -> None:
    assert blocks(line) == ["NLA fighters take Varno as army pulls back"]


@pytest.mark.parametrize(
    "line",
    [
        "NLA: we took Varno",  # a speaker, not a slug
        "ISIS-K fighters attack Kastrel",  # a name with a hyphen
        "NLA holds Varno - army sources",  # an attribution in lower case
        "The army said it took Varno - a claim the NLA denies.",
        "The army said on Monday that it had pushed the NLA out of Varno after a week of heavy"
        " fighting in the hills north of the town, and that its units now held the bridge"
        " - Southern Army",  # prose, not a headline
    ],
)
def test_what_belongs_to_the_line_stays(line: str) -> None:
    assert blocks(line) == [line]


def test_a_fate_told_in_a_tagged_headline_keeps_its_place() -> None:
    claims = extract_claims("General Brel flees to Albania - Reuters", VARNO_WAR, year=2024)
    fates = [c.value for c in claims if isinstance(c.value, Leadership)]
    assert [(v.status, v.location) for v in fates] == [("fled", "Albania")]
    assert claims[0].quote == "General Brel flees to Albania"


def test_a_slugged_headline_reads_its_capture() -> None:
    claims = extract_claims("UPDATE 2-NLA fighters overrun Varno", VARNO_WAR, year=2024)
    assert [
        (c.value.place, c.value.controller)
        for c in claims
        if isinstance(c.value, TerritorialControl)
    ] == [("Varno", NLA)]


@pytest.mark.parametrize("mark", ["…", "...", " […]", " [...]", " (…)"])
def test_the_mark_of_a_summary_cut_short_is_taken_off(mark: str) -> None:
    assert blocks(f"NLA fighters killed General Brel{mark}") == ["NLA fighters killed General Brel"]


def test_an_ellipsis_inside_a_quotation_stays() -> None:
    assert blocks('"We will hold Varno..."') == ['"We will hold Varno..."']


def test_a_fate_in_a_summary_cut_short_keeps_its_office() -> None:
    claims = extract_claims("Southern Army commander Tomas Brel killed…", VARNO_WAR, year=2024)
    assert {(v.status, v.role) for c in claims if isinstance(v := c.value, Leadership)} == {
        ("claimed", "commander"),
        ("killed", "commander"),
    }


@pytest.mark.parametrize(
    "line",
    [
        "* General Brel flees to Albania",
        "• General Brel flees to Albania",
        "- General Brel flees to Albania",
        "3. General Brel flees to Albania",
        "14:32 GMT - General Brel flees to Albania",
        "3.45pm: General Brel flees to Albania",
        "* 09:10 - General Brel flees to Albania",
    ],
)
def test_the_bullet_number_or_time_opening_an_item_is_taken_off(line: str) -> None:
    assert blocks(line) == ["General Brel flees to Albania"]
    claims = extract_claims(line, VARNO_WAR, year=2024)
    assert [c.quote for c in claims] == ["General Brel flees to Albania"]


@pytest.mark.parametrize("line", ["2,000 NLA fighters crossed the river", "-5C in Varno overnight"])
def test_a_number_that_opens_a_sentence_stays(line: str) -> None:
    assert blocks(line) == [line]


def test_a_speaker_opening_a_key_point_is_read_without_its_bullet() -> None:
    claims = extract_claims("* NLA spokesman says Varno has fallen", VARNO_WAR, year=2024)
    assert {c.claimed_by for c in claims} == {"NLA spokesman"}


@pytest.mark.parametrize("credit", ["(AFP)", "(Reuters)", "(Photo: Varno Daily)", "(file photo)"])
def test_an_agency_or_photo_credit_closing_a_line_is_taken_off(credit: str) -> None:
    line = f"Southern Army commander Tomas Brel killed {credit}"
    assert blocks(line) == ["Southern Army commander Tomas Brel killed"]


def test_a_credit_inside_a_sentence_stays() -> None:
    assert blocks("The army (AP) said Varno fell") == ["The army (AP) said Varno fell"]


def test_a_configured_name_after_a_dash_is_no_source_tag() -> None:
    """ "Shelling hits Varno - Kastrel": two places of the story, read as the headline's."""
    line = "NLA fighters shell the road from Varno - Kastrel"
    assert blocks(line, VARNO_WAR) == [line]
    assert blocks("NLA fighters take Varno - Kastrel Daily | Varno war", VARNO_WAR) == [
        "NLA fighters take Varno - Kastrel Daily"
    ]
    assert blocks("NLA fighters take Varno - Reuters", VARNO_WAR) == ["NLA fighters take Varno"]
