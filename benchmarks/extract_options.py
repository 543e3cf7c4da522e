"""Ways to make parse + extraction cheaper, each measured on the articles of `bench_extract`
(`--options`): the CPU of `extract_claims` per article with the option in force, the share of
it spent in spaCy, and on how many articles the claims differ from those of the pipeline as
loaded. Only an option that changes no claim can be taken as it is.

- the attribute ruler as spaCy ships it (its `Matcher` over all its patterns, a `Span` per
  match): how the pipeline ran before `extract.attribute_rules` looked the patterns up;
- the lemmatizer as spaCy ships it (remembering only the lemmas its rules work out): how the
  pipeline ran before `extract.lemmas` remembered every answer;
- blis for the models' matrix products, thinc's default, which `nlp.use_blis` turns off;
- `nlp.pipe` batch sizes (the pipeline parses an article's blocks in one call);
- components left out: the lemmatizer; the attribute ruler with it (no coarse part of speech);
  the tagger with both (tokens get no tag);
- parsing only the blocks that name a configured entity (a name or an alias, any case).
"""

from __future__ import annotations

import functools
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING, Any

from monitor.extract import extract_claims
from monitor.extract.language import nlp
from monitor.records import Claim, EntityRef

if TYPE_CHECKING:
    from spacy.language import Language

Variant = Callable[[], AbstractContextManager[object]]


@contextmanager
def spacys_own(model: Language, component: str, *methods: str) -> Iterator[None]:
    """A component with the methods `nlp` replaced on the instance (its speed-ups) back to
    its class's own, for the time being."""
    pipe = model.get_pipe(component) if component in model.pipe_names else None
    own = vars(pipe) if pipe is not None else {}
    replaced = {name: own.pop(name) for name in methods if name in own}
    try:
        yield
    finally:
        for name, method in replaced.items():
            setattr(pipe, name, method)


@contextmanager
def spacys_lemmatizer(model: Language) -> Iterator[None]:
    """The rule lemmatizer remembering only what its rules work out, as spaCy ships it."""
    from spacy.pipeline import Lemmatizer

    lemmatizer = model.get_pipe("lemmatizer") if "lemmatizer" in model.pipe_names else None
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        yield
        return
    remembered = lemmatizer.lemmatize
    lemmatizer.lemmatize = lemmatizer.rule_lemmatize
    try:
        yield
    finally:
        lemmatizer.lemmatize = remembered


@contextmanager
def batch_size(model: Language, size: int) -> Iterator[None]:
    before = model.batch_size
    model.batch_size = size
    try:
        yield
    finally:
        model.batch_size = before


@contextmanager
def only_blocks_naming(entities: Sequence[EntityRef]) -> Iterator[None]:
    names = [n.lower() for e in entities for n in (e.name, *e.aliases)]
    every_block = nlp.blocks

    def naming(text: str, entities: Sequence[EntityRef] = ()) -> list[str]:
        return [b for b in every_block(text, entities) if any(n in b.lower() for n in names)]

    nlp.blocks = naming
    try:
        yield
    finally:
        nlp.blocks = every_block


def variants(model: Language, entities: Sequence[EntityRef]) -> dict[str, Variant]:
    def without(*names: str) -> Variant:
        present = [n for n in names if n in model.pipe_names]
        return lambda: model.select_pipes(disable=present)

    return {
        "as loaded": nullcontext,
        "spaCy's own attribute ruler": lambda: spacys_own(
            model, "attribute_ruler", "match", "set_annotations"
        ),
        "spaCy's own lemmatizer": lambda: spacys_lemmatizer(model),
        "blis matrix products (thinc's default)": lambda: nlp.blis_products(model),
        **{f"nlp.pipe batch_size {n}": functools.partial(batch_size, model, n) for n in (1, 8, 64)},
        "without lemmatizer": without("lemmatizer"),
        "without attribute_ruler, lemmatizer": without("attribute_ruler", "lemmatizer"),
        "without tagger, attribute_ruler, lemmatizer": without(
            "tagger", "attribute_ruler", "lemmatizer"
        ),
        "parse only blocks naming an entity": lambda: only_blocks_naming(entities),
    }


def measure(
    articles: Sequence[str],
    entities: Sequence[EntityRef],
    model: Language,
    clock_of: Callable[[Language], Any],
    year: int,
) -> list[dict[str, Any]]:
    """Each variant's median CPU per article (ms), its spaCy share and the articles whose
    claims differ from the pipeline's as loaded. `clock_of` gives a `PipeClock`."""
    reference: list[list[Claim]] = []
    rows = []
    for name, variant in variants(model, entities).items():
        with variant():
            extract_claims(articles[0], entities, year=year)  # warm: caches of the variant
            clock = clock_of(model)
            times, claims = [], []
            with clock.installed():
                for text in articles:
                    start = time.process_time()
                    claims.append(extract_claims(text, entities, year=year))
                    times.append((time.process_time() - start) * 1000)
        reference = reference or claims
        rows.append(
            {
                "option": name,
                "ms": statistics.median(times),
                "spacy_ms": clock.seconds * 1000 / len(articles),
                "differ": sum(a != b for a, b in zip(claims, reference, strict=True)),
            }
        )
    return rows


def render(rows: Sequence[dict[str, Any]], articles: int) -> Iterator[str]:
    base = rows[0]["ms"]
    yield f"  options, CPU per article of extract_claims (median of {articles}):"
    for row in rows:
        change = "same claims" if not row["differ"] else f"claims differ on {row['differ']}"
        yield (
            f"    {row['option']:<45} {row['ms']:6.1f} ms ({row['ms'] - base:+6.1f}), spaCy "
            f"{row['spacy_ms']:5.1f} ms; {change}"
        )
