"""The loaded pipeline multiplies its models' matrices with numpy rather than blis
(`nlp.use_blis`), for less CPU and the same parse: every token of the labelled corpora keeps
its tag, head, dependency, lemma and sentence start. And numpy's BLAS runs on one thread, so
no idle worker spins on another core."""

from __future__ import annotations

import pytest
from own_corpora import corpus_texts
from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

from monitor.extract.language import nlp

Annotation = tuple[str, int, str, str, bool]


@pytest.fixture(scope="module")
def model() -> Language:
    return nlp.load()


def parse_of(model: Language, texts: list[str]) -> list[list[Annotation]]:
    return [
        [(t.tag_, t.head.i, t.dep_, t.lemma_, bool(t.is_sent_start)) for t in doc]
        for text in texts
        for doc in model.pipe(nlp.blocks(text))
    ]


def layer_ops(model: Language) -> list[NumpyOps]:
    models = [getattr(component, "model", None) for _, component in model.pipeline]
    return [
        layer.ops
        for m in models
        if m is not None
        for layer in m.walk()
        if isinstance(layer.ops, NumpyOps)
    ]


def test_every_model_of_the_loaded_pipeline_multiplies_with_numpy(model: Language) -> None:
    ops = layer_ops(model)
    assert ops and not any(o.use_blis for o in ops)
    with nlp.blis_products(model):
        assert all(o.use_blis for o in layer_ops(model))
    assert not any(o.use_blis for o in layer_ops(model))


def test_numpy_products_give_the_parse_blis_gives(model: Language) -> None:
    texts = corpus_texts()
    ours = parse_of(model, texts)
    with nlp.blis_products(model):
        blis = parse_of(model, texts)
    assert sum(map(len, ours)) > 10_000
    assert ours == blis


def test_the_blas_under_the_parse_runs_on_one_thread(model: Language) -> None:
    blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert blas and all(lib["num_threads"] == 1 for lib in blas)
