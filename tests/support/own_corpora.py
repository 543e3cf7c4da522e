"""The texts of the three labelled corpora we wrote (tests/labelled), for tests that check a
speed-up of the pipeline gives the same annotations on every one of them."""

from __future__ import annotations

from monitor.evaluation.corpus import DEFAULT_CORPUS, load_corpus

CORPORA = [DEFAULT_CORPUS, DEFAULT_CORPUS / "heldout", DEFAULT_CORPUS / "heldout2"]


def corpus_texts() -> list[str]:
    return [d.text for root in CORPORA for d in load_corpus(root).documents]
