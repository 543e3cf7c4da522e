"""Place descriptions (monitor/extract/coref/groups.py, `place_edits`): "the country" (also "the
entire country") is the country named just before, when the configured place is a country;
"this town" is the town named before, as "the town" is. Every sentence was written for this
test; the groups and towns are invented, the countries real."""

from __future__ import annotations

import pytest

from monitor.extract import split_sentences
from monitor.extract.coref import resolve_references
from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Northern Liberation Army", "group", ("NLA",)),
    EntityRef("Kuwait", "place", ()),
    EntityRef("Varno", "place", ()),
)


def _last(text: str) -> str:
    return [r.text for r in resolve_references(split_sentences(text), ENTITIES)][-1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "NLA columns crossed into Kuwait on Thursday. By nightfall the NLA controlled the"
            " country.",
            "By nightfall the NLA controlled Kuwait.",
        ),
        (
            "NLA columns crossed into Kuwait on Thursday. Officials said the entire country had"
            " fallen.",
            "Officials said Kuwait had fallen.",
        ),
        (
            "Fighting reached Varno on Thursday. The NLA fought for this town all week.",
            "The NLA fought for Varno all week.",
        ),
    ],
)
def test_a_place_description_is_the_place_named_before(text: str, expected: str) -> None:
    assert _last(text) == expected


def test_the_country_is_never_a_town() -> None:
    text = "Fighting reached Varno on Thursday. The NLA took control of the country."
    assert _last(text) == "The NLA took control of the country."
