"""The cost of extraction on a parse, one matched article of 1,000 words on one core:

    .venv/bin/python -m benchmarks.bench_extract [--articles 30] [--repeats 3] [--json]
                                                 [--previous REV] [--options] [--profile 15]

Articles are generated: the paragraphs of the labelled corpus (tests/labelled/articles), which
we wrote ourselves, shuffled and drawn until the text reaches `--words` words (cut there and
closed with a full stop), under a title; the entities are the corpus's (tests/labelled/
entities.json), so every article is one that matched a watch and every extractor has work.

Two paths run on every article, alternately, in the same process pinned to one core; each
figure is the median CPU time (`time.process_time`) over articles and repeats:

- **regex extractors alone**, the extractor before the parse: the sentence splitter
  (`extract.language.text.split_sentences`), the references resolved (`extract.coref`) and
  the four kind extractors on every sentence: what `extract_claims` ran before it read a parse;
- **parse + extraction**: `extract_claims` as the pipeline calls it (spaCy splits and parses
  the text, the kind extractors run, the parse reviews their claims and adds its own frames).

Loading the model happens once per process and is excluded: it is measured on its own first
(`import spacy` and `spacy.load`). The spaCy share is the CPU spent inside the pipeline's
`pipe` (tokenizer and every component) during `extract_claims`; the rest is our code. Each
component's cost is measured apart on the same texts. The target (issue 13) is 100 ms.
`--options` measures ways to cut the cost (benchmarks/extract_options.py). `extract_claims` as it
was before the parse is timed too, on the same articles in a child interpreter
(benchmarks/extract_previous.py; `--previous REV` names another revision).
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import io
import json
import os
import pstats
import random
import statistics
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from benchmarks import extract_options, extract_previous
from monitor.evaluation.corpus import load_entities
from monitor.extract import EXTRACTORS, extract_claims
from monitor.extract.coref import resolve_references
from monitor.extract.language import nlp
from monitor.extract.language.text import split_sentences
from monitor.records import Claim, EntityRef

if TYPE_CHECKING:
    from spacy.language import Language

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "labelled"
TARGET_MS = 100.0
YEAR = 2023


def corpus_paragraphs(corpus: Path = CORPUS) -> list[str]:
    paragraphs: list[str] = []
    for path in sorted((corpus / "articles").glob("*.json")):
        paragraphs += json.loads(path.read_text(encoding="utf-8"))["paragraphs"]
    return paragraphs


def make_article(paragraphs: Sequence[str], words: int, rng: random.Random) -> str:
    """A title and shuffled corpus paragraphs (each at most once until all are used) up to
    `words` words, the last paragraph cut at that count."""
    pool: list[str] = []
    body: list[str] = []
    count = 0
    while count < words:
        if not pool:
            pool = list(paragraphs)
            rng.shuffle(pool)
        paragraph = pool.pop().split()[: words - count]
        count += len(paragraph)
        body.append(" ".join(paragraph))
    if body[-1][-1] not in '.!?"”':
        body[-1] += "."
    title = " ".join(body[0].split()[:8]).rstrip(",.;:")
    return "\n\n".join([title, *body])


def regex_only(text: str, entities: Sequence[EntityRef]) -> list[Claim]:
    """The extractor before the parse: split, resolve references, run the four kinds."""
    claims: list[Claim] = []
    for sentence in resolve_references(split_sentences(text), entities):
        for extract in EXTRACTORS.values():
            claims += extract(sentence.text, entities, year=YEAR)
    return claims


def parsed(text: str, entities: Sequence[EntityRef]) -> list[Claim]:
    return extract_claims(text, entities, year=YEAR)


class PipeClock:
    """CPU time spent inside a pipeline's `pipe` while installed, however the caller consumes
    it, and the texts it parsed (`extract_claims` parses a text's blocks in one call)."""

    def __init__(self, model: Language) -> None:
        self.model = model
        self.seconds = 0.0
        self.texts = 0

    @contextmanager
    def installed(self) -> Iterator[PipeClock]:
        original = self.model.pipe

        def timed(texts: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
            texts = list(texts)
            self.texts += len(texts)
            docs = iter(original(texts, *args, **kwargs))
            while True:
                start = time.process_time()
                doc = next(docs, None)
                self.seconds += time.process_time() - start
                if doc is None:
                    return
                yield doc

        self.model.pipe = timed  # type: ignore[method-assign]
        try:
            yield self
        finally:
            del self.model.pipe


def load_model(model: str) -> dict[str, float]:
    """`import spacy` and the pipeline's load, each timed (CPU and wall), in milliseconds."""
    figures: dict[str, float] = {"spacy_imported_before": float("spacy" in sys.modules)}
    wall, cpu = time.perf_counter(), time.process_time()
    importlib.import_module("spacy")
    figures["import_cpu_ms"] = (time.process_time() - cpu) * 1000
    figures["import_wall_ms"] = (time.perf_counter() - wall) * 1000
    wall, cpu = time.perf_counter(), time.process_time()
    nlp.load(model)
    figures["load_cpu_ms"] = (time.process_time() - cpu) * 1000
    figures["load_wall_ms"] = (time.perf_counter() - wall) * 1000
    return figures


def component_ms(model: Language, texts: Sequence[str]) -> dict[str, float]:
    """CPU per article of the tokenizer and of each component, run one after the other on the
    blocks of the same texts (as `nlp.sentences` feeds them)."""
    totals = dict.fromkeys(["tokenizer", *model.pipe_names], 0.0)
    for text in texts:
        blocks = nlp.blocks(text)
        start = time.process_time()
        docs = [model.make_doc(b) for b in blocks]
        totals["tokenizer"] += time.process_time() - start
        for name, component in model.pipeline:
            start = time.process_time()
            docs = list(cast(Any, component).pipe(docs))
            totals[name] += time.process_time() - start
    return {name: seconds * 1000 / len(texts) for name, seconds in totals.items()}


def pin_to_one_core() -> int | None:
    """Run on one core (the first allowed), as the target is stated; None where unsupported."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return core


def run(args: argparse.Namespace) -> dict[str, Any]:
    core = pin_to_one_core()
    entities = load_entities(CORPUS / "entities.json")
    rng = random.Random(args.seed)
    paragraphs = corpus_paragraphs()
    articles = [make_article(paragraphs, args.words, rng) for _ in range(args.articles + 1)]
    load = load_model(args.model)
    model = nlp.load(args.model)
    warm_up, articles = articles[0], articles[1:]
    regex_only(warm_up, entities)
    parsed(warm_up, entities)
    paths = {"regex": regex_only, "parse": parsed}
    times: dict[str, list[float]] = {name: [] for name in paths}
    claims = dict.fromkeys(paths, 0)
    clock = PipeClock(model)
    for _ in range(args.repeats):
        for text in articles:
            for name, path in paths.items():
                with clock.installed() if name == "parse" else nullcontext():
                    start = time.process_time()
                    claims[name] += len(path(text, entities))
                    times[name].append((time.process_time() - start) * 1000)
    regex_times, parse_times = times["regex"], times["parse"]
    runs = args.repeats * len(articles)
    spacy_ms = clock.seconds * 1000 / runs
    report: dict[str, Any] = {
        "articles": len(articles),
        "repeats": args.repeats,
        "words": args.words,
        "tokens": statistics.mean(len(model.make_doc(t)) for t in articles),
        "sentences": statistics.mean(len(split_sentences(t)) for t in articles),
        "entities": len(entities),
        "core": core,
        "model": args.model,
        "pipe_names": model.pipe_names,
        "load": load,
        "regex_ms": statistics.median(regex_times),
        "parse_ms": statistics.median(parse_times),
        "parse_mean_ms": statistics.mean(parse_times),
        "spacy_ms": spacy_ms,
        "ours_ms": statistics.mean(parse_times) - spacy_ms,
        "parsed_per_article": clock.texts / runs,
        "claims_per_article": {k: v / runs for k, v in claims.items()},
        "components_ms": component_ms(model, articles),
        "target_ms": TARGET_MS,
    }
    if args.previous:
        report["previous"] = extract_previous.measure(
            ROOT,
            args.previous,
            [warm_up, *articles],
            CORPUS / "entities.json",
            core=core,
            repeats=args.repeats,
            year=YEAR,
        )
    if args.options:
        report["options"] = extract_options.measure(articles, entities, model, PipeClock, YEAR)
    if args.profile:
        report["profile"] = profile(articles, entities, args.profile)
    return report


def profile(articles: Sequence[str], entities: Sequence[EntityRef], top: int) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for text in articles:
        parsed(text, entities)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def render(report: dict[str, Any]) -> Iterator[str]:
    load = report["load"]
    regex, parse = report["regex_ms"], report["parse_ms"]
    spacy, ours = report["spacy_ms"], report["ours_ms"]
    mean = report["parse_mean_ms"]
    where = f"core {report['core']}" if report["core"] is not None else "unpinned"
    yield (
        f"Extraction of a matched article: {report['articles']} generated articles of "
        f"{report['words']:,} words (~{report['tokens']:.0f} tokens, ~{report['sentences']:.0f} "
        f"sentences), {report['entities']} entities; one core ({where}); median CPU of "
        f"{report['articles'] * report['repeats']} runs"
    )
    yield (
        f"  model load, once per process, excluded: import spacy {load['import_cpu_ms']:.0f} ms "
        f"CPU ({load['import_wall_ms']:.0f} ms wall), {report['model']} "
        f"{load['load_cpu_ms']:.0f} ms CPU ({load['load_wall_ms']:.0f} ms wall)"
    )
    yield f"  regex extractors alone (the extractor before the parse): {regex:7.1f} ms"
    yield f"  parse + extraction (extract_claims):                      {parse:7.1f} ms"
    yield f"  ratio parse + extraction / regex alone: {parse / regex:.1f}x"
    yield from _render_previous(report.get("previous"), parse)
    yield (
        f"  of the mean {mean:.1f} ms: spaCy pipeline {spacy:.1f} ms ({spacy / mean:.0%}), "
        f"our code {ours:.1f} ms ({ours / mean:.0%})"
    )
    yield f"  spaCy parses per article: {report['parsed_per_article']:.0f} blocks"
    parts = report["components_ms"]
    total = sum(parts.values())
    yield (
        "  spaCy alone, per article: "
        + ", ".join(f"{name} {ms:.1f}" for name, ms in parts.items())
        + f" (total {total:.1f} ms)"
    )
    claims = report["claims_per_article"]
    yield f"  claims per article: regex alone {claims['regex']:.1f}, parse {claims['parse']:.1f}"
    verdict = "met" if parse <= report["target_ms"] else "missed"
    yield f"  target <= {report['target_ms']:.0f} ms per article on one core: {verdict}"
    if "options" in report:
        yield from extract_options.render(report["options"], report["articles"])
    if "profile" in report:
        yield report["profile"]


def _render_previous(previous: dict[str, Any] | None, parse: float) -> Iterator[str]:
    if previous is None:
        return
    revision = previous["revision"][:10]
    if "error" in previous:
        yield f"  extract_claims at {revision}: not measured ({previous['error']})"
        return
    before_the_parse = extract_previous.BEFORE_THE_PARSE.startswith(previous["revision"])
    which = "the extractor before the parse, " if before_the_parse else ""
    yield (
        f"  extract_claims at {revision} ({which}same articles, in a "
        f"child): {previous['ms']:.1f} ms, {previous['claims_per_article']:.1f} claims per "
        f"article; parse + extraction / it: {parse / previous['ms']:.1f}x"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=30, help="generated articles (30)")
    parser.add_argument("--repeats", type=int, default=3, help="passes over them (3)")
    parser.add_argument("--words", type=int, default=1000, help="words per article (1000)")
    parser.add_argument("--model", default=nlp.DEFAULT_MODEL, help="spaCy pipeline")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--previous",
        default=extract_previous.BEFORE_THE_PARSE,
        metavar="REV",
        help="also time extract_claims of this git revision ('' to skip; default: the last "
        "before the parse)",
    )
    parser.add_argument(
        "--options", action="store_true", help="measure ways to cut the cost (extract_options)"
    )
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile, top N")
    args = parser.parse_args(argv)
    report = run(args)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for line in render(report):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
