"""Offices written as titles and asides in the shapes news reports use: a compound title the
parser hangs on a word inside the name, a possessive pronoun before an office, a bare
spokesman's title. Sentences written for this test, with invented names."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from monitor.extract import extract_claims
from monitor.extract.nlp import DEFAULT_MODEL, load
from monitor.extract.titles import trim_titles
from monitor.records import Claim, EntityRef, FactKind, Leadership

LEADERSHIP: tuple[FactKind, ...] = ("leadership",)

ENTITIES = (
    EntityRef("Nadir al-Obeidi", "person", ("al-Obeidi", "Obeidi")),
    EntityRef("Ilse Marant", "person", ("Marant",)),
    EntityRef("Dorn Liberation Front", "group", ("DLF",)),
)


def _offices(text: str) -> set[tuple[str, str | None, str | None]]:
    found = extract_claims(text, ENTITIES, LEADERSHIP, year=2025)
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
