"""The parse settles what word windows could not: negation, modality, the speaker of reported
speech, whole claimants, and text that keeps its shape (issue 13, "What the parse must settle").

Every sentence here was written for this test, in the shapes real reporting uses.
"""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.extract.language.nlp import ModelError, blocks, load, sentences
from monitor.records import Casualties, Claim, EntityRef, Leadership, TerritorialControl

ENTITIES = (
    EntityRef("Rapid Support Forces", "group", ("RSF",)),
    EntityRef("Sudanese Armed Forces", "group", ("army", "SAF")),
    EntityRef("Sennar", "place"),
    EntityRef("Bara", "place"),
    EntityRef("El Fasher", "place"),
    EntityRef("Mohamed Hamdan Dagalo", "person", ("Hemedti",)),
    EntityRef("Abdel Fattah al-Burhan", "person", ("Burhan",)),
)


def claims(text: str) -> list[Claim]:
    return extract_claims(text, ENTITIES, year=2025)


def control(text: str) -> list[TerritorialControl]:
    return [c.value for c in claims(text) if isinstance(c.value, TerritorialControl)]


@pytest.mark.parametrize(
    "text",
    [
        "The RSF now patrols the outskirts of Sennar, which the army does not control.",
        "The RSF no longer holds Sennar, residents said.",
        "The army failed to capture Bara after a week of fighting.",
        "The RSF vowed to capture El Fasher within days.",
        "An RSF spokesman said the paramilitaries would capture El Fasher.",
    ],
)
def test_negated_failed_or_intended_control_is_no_fact(text: str) -> None:
    assert control(text) == []


def test_a_plain_capture_still_counts() -> None:
    assert control("The army captured Bara on Sunday, residents said.") == [
        TerritorialControl("Bara", "Sudanese Armed Forces", "captured")
    ]


def test_a_pronoun_in_the_speakers_own_report_is_somebody_else() -> None:
    """'Burhan said he had been killed' does not report Burhan's death."""
    found = claims("Burhan said he had been killed in an air strike on Bara.")
    assert not [c for c in found if isinstance(c.value, Leadership) and c.value.status == "killed"]


def test_a_person_named_in_the_report_keeps_the_fate() -> None:
    found = claims("An army spokesman said Hemedti had been killed in an air strike.")
    fates = [(c.value.subject, c.value.status) for c in found if isinstance(c.value, Leadership)]
    assert fates == [("Mohamed Hamdan Dagalo", "killed")]


def test_a_doubting_modal_hedges_a_past_fate() -> None:
    found = claims("The army has said Hemedti may have been killed.")
    assert [(c.value.status, c.hedged) for c in found if isinstance(c.value, Leadership)] == [
        ("killed", True)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Hemedti would have been killed had he stayed in the convoy, an aide said.",
        "Without the air strikes, the RSF would have captured Bara by Friday.",
    ],
)
def test_what_would_have_happened_did_not(text: str) -> None:
    assert [c.value for c in claims(text) if not isinstance(c.value, Casualties)] == []


@pytest.mark.parametrize(
    "text",
    [
        "The RSF could have taken Bara if the army had not sent reinforcements.",
        "The army might have recaptured Sennar in a week if its commanders had wanted to.",
    ],
)
def test_a_modal_perfect_with_a_condition_against_the_facts_did_not_happen(text: str) -> None:
    assert control(text) == []


def test_a_modal_perfect_with_an_open_condition_stays_a_hedged_report() -> None:
    found = claims("Hemedti may have fled to Chad if the accounts of his aides are right.")
    assert [(c.value.status, c.hedged) for c in found if isinstance(c.value, Leadership)] == [
        ("fled", True)
    ]


def test_the_claimant_is_the_whole_noun_phrase() -> None:
    """A dotted abbreviation inside the speaker's phrase does not cut it ('a senior U')."""
    found = claims("Hemedti fled to Chad, a senior U.S. official said.")
    assert [c.claimed_by for c in found] == ["a senior U.S. official"]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Army officials have repeatedly said that Hemedti fled to Chad.", "Army officials"),
        ("Diplomats have long maintained that Hemedti fled to Chad.", "Diplomats"),
        ("A spokesman had separately told reporters Hemedti fled to Chad.", "a spokesman"),
        ("Officials in the north said Hemedti fled to Chad.", "Officials in the north"),
        ("Officials not named said Hemedti fled to Chad.", "Officials not named"),
    ],
)
def test_the_claimant_ends_where_its_verb_group_starts(text: str, claimant: str) -> None:
    """The speaker is the noun phrase before the verb of speech, without the auxiliary and the
    adverbs of the verb ("have repeatedly said"); words of the phrase itself stay."""
    assert [c.claimed_by for c in claims(text)] == [claimant]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("The capture of Sennar by the RSF was confirmed on Sunday.", None),
        ("It was announced that the RSF had captured Sennar.", None),
        ("The capture of Sennar by the RSF was confirmed by the army.", "the army"),
    ],
)
def test_a_passive_verb_of_speech_speaks_by_its_agent_not_its_subject(
    text: str, claimant: str | None
) -> None:
    """The subject of "was confirmed" is what was said: the agent said it, or nobody named."""
    found = [
        (c.value.status, c.claimed_by)
        for c in claims(text)
        if isinstance(c.value, TerritorialControl)
    ]
    assert found == [("captured", claimant)]


def test_blocks_keep_headlines_captions_and_bylines_apart() -> None:
    text = "Army retakes Sennar\nBy a staff reporter\nThe army said on Sunday\nthat it held it."
    assert blocks(text) == [
        "Army retakes Sennar",
        "By a staff reporter",
        "The army said on Sunday that it held it.",
    ]


def test_indented_hard_wrapped_copy_is_joined_into_its_sentences() -> None:
    """Wire copy kept with its indentation and line width: a wrapped line is joined whatever
    its indent, and a line that ends on "of" or "the" carries on even before a capital."""
    text = (
        "Army retakes Sennar\n\n"
        "        The army said on Sunday that its units had pushed\n"
        "        into the town, ending a siege of\n"
        "        Sennar that began in June.\n\n"
        "        A second paragraph."
    )
    assert blocks(text) == [
        "Army retakes Sennar",
        "The army said on Sunday that its units had pushed into the town, ending a siege of"
        " Sennar that began in June.",
        "A second paragraph.",
    ]


def test_a_blank_line_ends_a_block_before_a_lower_case_line() -> None:
    assert blocks("Sennar falls\n\nreports say the army left.") == [
        "Sennar falls",
        "reports say the army left.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sennar is surrounded by farmland on three sides.", []),
        ("Sennar, which is surrounded by desert, was calm on Monday.", []),
        ("To retake Sennar, which is surrounded by desert, the army sent 500 more troops.", []),
        (
            "Sennar was surrounded by RSF fighters on Monday.",
            [("Rapid Support Forces", "surrounded")],
        ),
    ],
)
def test_a_place_surrounded_by_land_is_not_besieged(
    text: str, expected: list[tuple[str | None, str]]
) -> None:
    assert [(v.controller, v.status) for v in control(text)] == expected


def test_a_headline_is_a_sentence_of_its_own() -> None:
    text = "RSF fighters enter Bara\n\n2,021 photos from the front line were shown."
    assert [s.text for s in sentences(text)] == [
        "RSF fighters enter Bara",
        "2,021 photos from the front line were shown.",
    ]


def test_the_pipeline_is_loaded_once_per_process() -> None:
    assert load() is load()


def test_an_unknown_pipeline_is_a_clear_error() -> None:
    with pytest.raises(ModelError, match=r"not installed.*spacy_model"):
        load("no_such_pipeline_installed")


def _fates(text: str) -> list[tuple[str, str | None]]:
    return [
        (c.value.status, c.value.location) for c in claims(text) if isinstance(c.value, Leadership)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hemedti fled to Chad, a senior U.S. official said.", [("fled", "Chad")]),
        ("Hemedti is in the valley with his fighters, an aide said.", [("located", "the valley")]),
        ("Hemedti was killed on Monday, the army said.", [("killed", None)]),
    ],
)
def test_a_fate_keeps_where(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _fates(text) == expected


def _casualties(text: str) -> list[tuple[str | None, str]]:
    return [
        (c.value.location, c.value.scope) for c in claims(text) if isinstance(c.value, Casualties)
    ]


def test_a_count_keeps_its_incident() -> None:
    found = _casualties("The army said 150 RSF fighters were killed in a clash in El Fasher.")
    assert found == [("El Fasher", "incident")]


def test_a_running_total_is_cumulative() -> None:
    found = _casualties("At least 400 RSF fighters have been killed since April, the army says.")
    assert found == [(None, "cumulative")]


def _scopes(text: str) -> list[tuple[int | None, str]]:
    return [
        (c.value.killed_min, c.value.scope) for c in claims(text) if isinstance(c.value, Casualties)
    ]


def test_a_total_that_rises_to_a_figure_is_cumulative_what_it_rose_by_is_an_incident() -> None:
    both = "The army said the count of RSF fighters killed rose by 35 to 1,020."
    assert sorted(_scopes(both)) == [(35, "incident"), (1020, "cumulative")]
    assert _scopes("Number of killed RSF fighters rises to 1221") == [(1221, "cumulative")]
    added = "The army said another 40 RSF fighters had been killed, taking the toll higher."
    assert _scopes(added) == [(40, "incident")]
    assert _scopes("The RSF said 20 of its fighters were killed in Bara.") == [(20, "incident")]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The talks began just hours after President Burhan flew to Port Sudan.", "president"),
        ("The army led by army chief General Burhan held the city.", "chief"),
    ],
)
def test_a_title_before_a_name_keeps_only_its_own_words(text: str, role: str) -> None:
    roles = [
        c.value.role
        for c in claims(text)
        if isinstance(c.value, Leadership) and c.value.status in ("claimed", "declared")
    ]
    assert role in roles and all(r == role for r in roles if r)


def test_an_ousted_president_holds_no_office() -> None:
    offices = [
        c.value
        for c in claims("Ousted Sudanese President Burhan fled.")
        if isinstance(c.value, Leadership) and c.value.status == "claimed"
    ]
    assert offices == []
