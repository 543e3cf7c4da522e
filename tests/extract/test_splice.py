"""A resolved sentence takes the written sentence's parse with the names spliced in: the name's
last word stands where the replaced words stood, its other words are compounds of it, and every
other word keeps its annotations. Sentences written for this test, with invented names."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span

from monitor.extract import extract_claims
from monitor.extract.language.nlp import DEFAULT_MODEL, load
from monitor.extract.language.splice import spliced
from monitor.records import EntityRef, Leadership


@pytest.fixture(scope="module")
def model() -> Language:
    return load(DEFAULT_MODEL)


def parse(model: Language, text: str) -> Span:
    return next(iter(model(text).sents))


def arcs(span: Span) -> list[tuple[str, str, str]]:
    return [(t.text, t.dep_, t.head.text) for t in span]


def test_a_pronoun_becomes_a_name_in_its_place(model: Language) -> None:
    written = parse(model, "He fled to Dorn on Monday.")
    resolved = spliced(model, written, "Omar Kessel fled to Dorn on Monday.")
    assert resolved.text == "Omar Kessel fled to Dorn on Monday."
    assert arcs(resolved)[:3] == [
        ("Omar", "compound", "Kessel"),
        ("Kessel", "nsubj", "fled"),
        ("fled", "ROOT", "fled"),
    ]
    assert [t.pos_ for t in resolved][:2] == ["PROPN", "PROPN"]
    assert arcs(resolved)[2:] == arcs(written)[1:]  # the rest as parsed
    assert [t.lemma_ for t in resolved][2:] == [t.lemma_ for t in written][1:]


def test_a_description_and_what_hangs_on_it_go_to_the_name(model: Language) -> None:
    written = parse(model, "Rebels shelled the city, which lies on the river.")
    resolved = spliced(model, written, "Rebels shelled Port Dorn, which lies on the river.")
    found = {t.text: (t.dep_, t.head.text) for t in resolved}
    assert found["Port"] == ("compound", "Dorn")
    assert found["Dorn"] == ("dobj", "shelled")
    assert found["lies"] == ("relcl", "Dorn")  # hung on "city"


def test_words_put_before_a_kept_noun_are_its_compounds(model: Language) -> None:
    written = parse(model, "The rebels took the town.")
    resolved = spliced(model, written, "The Marsh Front rebels took the town.")
    found = {t.text: (t.dep_, t.head.text) for t in resolved}
    assert found["Marsh"] == ("compound", "rebels")
    assert found["Front"] == ("compound", "rebels")
    assert found["rebels"] == ("nsubj", "took")
    assert len(list(resolved.doc.sents)) == 1


def test_a_fate_told_by_a_pronoun_is_the_named_persons() -> None:
    entities = (EntityRef("Omar Kessel", "person", ("Kessel",)), EntityRef("Dorn", "place"))
    text = "Omar Kessel led the revolt for ten years. He fled to Dorn on Monday, aides said."
    fates = [
        (c.value.subject, c.value.status, c.value.location)
        for c in extract_claims(text, entities, ["leadership"], year=2025)
        if isinstance(c.value, Leadership) and c.value.status == "fled"
    ]
    assert fates == [("Omar Kessel", "fled", "Dorn")]
