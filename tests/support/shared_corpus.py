"""The shared corpus of real feeds (`../shared/corpus/feeds` beside the repository).

A clone without `../shared` skips the tests that read it, with one reason; CI (CI=true) has the
corpus, so there the same reason fails them instead of letting them pass by skipping.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "feeds"
MANIFEST = CORPUS / "MANIFEST.tsv"
MISSING = (
    "the shared feed corpus is missing: no ../shared/corpus/feeds/MANIFEST.tsv beside the "
    "repository (it comes with the project's shared/ folder)"
)


def corpus_present() -> bool:
    return MANIFEST.is_file()


def require_corpus(*, whole_module: bool = False) -> Path:
    """The corpus folder; without it, skip (or fail when CI is set) with `MISSING`.

    `whole_module` is for a module that builds its parameters from the corpus at import time:
    it skips the module at collection, so no test is left to assert on an empty list."""
    if corpus_present():
        return CORPUS
    if os.environ.get("CI"):
        pytest.fail(f"{MISSING}; CI must have it", pytrace=False)
    pytest.skip(MISSING, allow_module_level=whole_module)
