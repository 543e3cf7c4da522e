"""A text hard-wrapped at a width (plain-text feeds, e-mailed releases) is read in the
sentences it was written in: every line that fills the width is joined to the next, even
before a name or a number, while the lines of an ordinary text keep their shape
(`extract.language.layout`)."""

from __future__ import annotations

import textwrap

import pytest
from control_facts import NLA, SOUTH, VARNO_WAR

from monitor.extract import extract_claims
from monitor.extract.language.layout import blocks
from monitor.records import FactValue

PARAGRAPHS = [
    "Fighting for Varno went on through the night. The army said on Tuesday that about"
    " 2,000 NLA fighters had crossed the river, and that Southern Army units under General"
    " Brel had been ordered to hold the bridge at all costs.",
    "By Wednesday the Northern Liberation Army had taken Varno, according to residents and a"
    " spokesman for the group, who said its men now held the town hall. Southern Army troops"
    " retreated towards Kastrel, which the army said it still controls.",
]


def hard_wrapped(width: int) -> str:
    return "\n\n".join(textwrap.fill(p, width) for p in PARAGRAPHS)


def values(text: str) -> list[FactValue]:
    return [c.value for c in extract_claims(text, VARNO_WAR, year=2024)]


@pytest.mark.parametrize("width", [45, 56, 72, 85])
def test_a_hard_wrapped_text_is_cut_into_its_paragraphs(width: int) -> None:
    wrapped = hard_wrapped(width)
    assert any(line[:1].isupper() or line[:1].isdigit() for line in wrapped.splitlines()[1:])
    assert blocks(wrapped) == PARAGRAPHS


@pytest.mark.parametrize("width", [45, 72, 85])
def test_a_hard_wrapped_text_yields_the_facts_of_the_text(width: int) -> None:
    expected = values("\n\n".join(PARAGRAPHS))
    assert {(getattr(v, "controller", None), getattr(v, "place", None)) for v in expected} >= {
        (NLA, "Varno"),
        (SOUTH, "Kastrel"),
    }
    assert values(hard_wrapped(width)) == expected


def test_the_lines_of_a_headline_a_byline_and_a_list_stay_apart() -> None:
    text = (
        "NLA fighters take Varno after a night of fighting\n"
        "By a staff reporter in Kastrel\n"
        "Fighting for Varno went on through the night, and by Wednesday the\n"
        "rebels had taken the town, residents and officials said on the\n"
        "telephone from Kastrel, where the army still holds the bridge.\n"
        "- Southern Army units fell back towards Kastrel overnight\n"
        "- General Brel was said to have left the town on Tuesday"
    )
    assert blocks(text) == [
        "NLA fighters take Varno after a night of fighting",
        "By a staff reporter in Kastrel",
        "Fighting for Varno went on through the night, and by Wednesday the rebels had taken"
        " the town, residents and officials said on the telephone from Kastrel, where the army"
        " still holds the bridge.",
        "Southern Army units fell back towards Kastrel overnight",
        "General Brel was said to have left the town on Tuesday",
    ]


def test_a_text_of_long_lines_keeps_each_line() -> None:
    lines = [*PARAGRAPHS, "Varno", "Kastrel", "Northern Liberation Army spokesman"]
    assert blocks("\n".join(lines)) == lines
