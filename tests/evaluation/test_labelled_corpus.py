"""The labelled corpus in tests/labelled/ is well formed, and the extractors stay above a floor
on it (`make eval` prints the full table; tests/labelled/README.md has the rules).

Floors are set a little below the scores measured when the corpus was written, so that a
change that loses two or three facts of a kind fails here and shows up in `make eval`. They
are floors, not targets (the targets are precision 0.9 and recall 0.85 per kind): raise them
as the extractors improve.
"""

from __future__ import annotations

from collections import Counter

import pytest

from monitor.evaluation.labelled import (
    DEFAULT_CORPUS,
    HELDOUT2_CORPUS,
    HELDOUT_CORPUS,
    Corpus,
    Report,
    evaluate,
    format_errors,
    format_table,
    load_corpus,
    main,
    same_claimant,
    same_identity,
    same_values,
    unknown_references,
)
from monitor.records import FACT_KINDS, Casualties, FactKind, Leadership, TerritorialControl

# (precision, recall) floors per kind, a fact or so below the scores measured on the corpus as
# committed (see tests/labelled/README.md, "Scores"). They are floors, not targets (the targets
# are precision 0.9 and recall 0.85 per kind): raise them as the extractors improve.
FLOORS: dict[FactKind, tuple[float, float] | None] = {
    "force_size": (0.96, 0.83),  # measured 0.981 / 0.850
    "leadership": (0.95, 0.87),  # measured 0.963 / 0.886
    "territorial_control": (0.95, 0.85),  # measured 0.970 / 0.865
    "casualties": (0.97, 0.87),  # measured 1.000 / 0.891
}
# The held-out corpus (tests/labelled/heldout/README.md) measures how the rules carry to text
# they were not developed on; its floors only guard against a change that loses ground there.
HELDOUT_FLOORS: dict[FactKind, tuple[float, float]] = {
    "force_size": (0.92, 0.89),  # measured 0.947 / 0.947
    "leadership": (0.93, 0.77),  # measured 0.962 / 0.806
    "territorial_control": (0.92, 0.74),  # measured 0.955 / 0.778
    "casualties": (0.95, 0.72),  # measured 1.000 / 0.778
}
# The second held-out corpus (tests/labelled/heldout2/README.md), written before the second
# round on generality and scored blind before and after it; looked at only at the end.
HELDOUT2_FLOORS: dict[FactKind, tuple[float, float]] = {
    "force_size": (0.90, 0.85),  # measured 0.929 / 0.929
    "leadership": (0.90, 0.57),  # measured 0.944 / 0.607
    "territorial_control": (0.84, 0.70),  # measured 0.870 / 0.741
    "casualties": (0.95, 0.55),  # measured 1.000 / 0.611
}
MIN_SENTENCES = 150
MIN_ARTICLES = 30
MIN_POSITIVE_SENTENCES_PER_KIND = 30
MIN_NEGATIVE_SENTENCES = 40


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(DEFAULT_CORPUS)


@pytest.fixture(scope="module")
def report(corpus: Corpus) -> Report:
    return evaluate(corpus, speed_seconds=0.01)


def test_corpus_size_and_spread(corpus: Corpus) -> None:
    sentences = corpus.of("sentence")
    assert len(sentences) >= MIN_SENTENCES
    assert len(corpus.of("article")) >= MIN_ARTICLES
    positive = Counter(k for d in sentences for k in {c.value.kind for c in d.labels})
    for kind in FACT_KINDS:
        assert positive[kind] >= MIN_POSITIVE_SENTENCES_PER_KIND, kind
    assert sum(1 for d in sentences if not d.labels) >= MIN_NEGATIVE_SENTENCES


def test_every_label_names_a_configured_entity(corpus: Corpus) -> None:
    assert unknown_references(corpus) == []


def test_entity_names_are_unambiguous(corpus: Corpus) -> None:
    names = Counter(n.casefold() for e in corpus.entities for n in e.names)
    assert [n for n, count in names.items() if count > 1] == []
    assert {e.kind for e in corpus.entities} == {"person", "group", "place"}


def test_claimants_are_read_from_the_text(corpus: Corpus) -> None:
    """A label's claimed_by is a phrase of its document, as written (modulo case)."""
    missing = [
        (d.id, c.claimed_by)
        for d in corpus.documents
        for c in d.labels
        if c.claimed_by is not None and _fold(c.claimed_by) not in _fold(d.text)
    ]
    assert missing == []


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


def test_matching_rules() -> None:
    assert same_claimant("NRF spokesman Ali Nazar", "Ali Nazar")
    assert same_claimant("the Taliban", "Taliban")
    assert not same_claimant("the army", "the RSF")
    assert not same_claimant(None, "the army")
    assert same_claimant(None, None)
    declared = Leadership("X", "self-declared caretaker president", None, "declared")
    assert same_identity(Leadership("X", "Caretaker President", None, "declared"), declared)
    assert same_identity(Leadership("X", None, None, "declared"), declared)
    assert not same_identity(Leadership("X", "emir", None, "declared"), declared)
    held = TerritorialControl("P", "A", "holds")
    assert same_identity(held, TerritorialControl("P", "B", "holds"))
    assert not same_values(held, TerritorialControl("P", "B", "holds"))
    assert not same_identity(held, TerritorialControl("P", "A", "captured"))
    assert not same_values(Casualties("A", 3, 3), Casualties("A", 3, 3, qualifier="approx"))


def test_harness_scores_every_kind(report: Report) -> None:
    for kind in FACT_KINDS:
        score = report.scores[kind]
        assert score.tp + score.fn > 0, kind  # every kind has labels
        assert 0.0 <= score.precision <= 1.0 and 0.0 <= score.recall <= 1.0
    assert report.sentences >= MIN_SENTENCES
    assert report.sentences_per_second > 0
    table = format_table(report)
    assert all(kind in table for kind in FACT_KINDS)
    format_errors(report, limit=3)


@pytest.mark.parametrize("kind", [k for k in FACT_KINDS if FLOORS[k] is not None])
def test_scores_stay_above_the_floor(report: Report, kind: FactKind) -> None:
    floor = FLOORS[kind]
    assert floor is not None
    score = report.scores[kind]
    detail = format_errors(report, limit=10)
    assert score.precision >= floor[0], f"{kind} precision {score.precision:.3f}\n{detail}"
    assert score.recall >= floor[1], f"{kind} recall {score.recall:.3f}\n{detail}"


def test_command_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--speed-seconds", "0.01", "--verbose", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "precision" in out and "overall" in out and "sentences/s" in out
    assert "== corpus: labelled\n" in out and "== corpus: labelled/heldout\n" in out
    assert "== corpus: labelled/heldout2\n" in out


# --- the held-out corpus -----------------------------------------------------------------------


HELD_OUT = {"heldout": HELDOUT_CORPUS, "heldout2": HELDOUT2_CORPUS}


@pytest.fixture(scope="module", params=sorted(HELD_OUT))
def heldout(request: pytest.FixtureRequest) -> Corpus:
    return load_corpus(HELD_OUT[request.param])


def test_heldout_corpus_is_well_formed(heldout: Corpus) -> None:
    assert len(heldout.of("sentence")) >= 40 and len(heldout.of("article")) >= 8
    assert unknown_references(heldout) == []
    kinds = Counter(c.value.kind for d in heldout.documents for c in d.labels)
    assert all(kinds[k] >= 10 for k in FACT_KINDS), kinds
    assert sum(1 for d in heldout.of("sentence") if not d.labels) >= 5
    misquoted = [
        (d.id, c.claimed_by)
        for d in heldout.documents
        for c in d.labels
        if c.claimed_by is not None and _fold(c.claimed_by) not in _fold(d.text)
    ]
    assert misquoted == []
    others = [load_corpus(DEFAULT_CORPUS), *(load_corpus(root) for root in HELD_OUT.values())]
    other_ids = {d.id for c in others if c.documents != heldout.documents for d in c.documents}
    assert other_ids.isdisjoint(d.id for d in heldout.documents)


@pytest.mark.parametrize(
    ("root", "floors"), [(HELDOUT_CORPUS, HELDOUT_FLOORS), (HELDOUT2_CORPUS, HELDOUT2_FLOORS)]
)
def test_heldout_scores_stay_above_the_floor(
    root: object, floors: dict[FactKind, tuple[float, float]]
) -> None:
    assert isinstance(root, type(HELDOUT_CORPUS))
    scores = evaluate(load_corpus(root), speed_seconds=0.01).scores
    for kind in FACT_KINDS:
        precision, recall = floors[kind]
        score = scores[kind]
        assert score.precision >= precision and score.recall >= recall, (root.name, kind, score)
