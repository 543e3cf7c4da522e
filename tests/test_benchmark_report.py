"""`bench_extract --previous REV` names the extractor before the parse only for that revision:
another one (the start of a session's work) is named by its hash alone."""

from __future__ import annotations

from benchmarks.bench_extract import _render_previous
from benchmarks.extract_previous import BEFORE_THE_PARSE


def _line(revision: str) -> str:
    measured = {"revision": revision, "ms": 100.0, "claims_per_article": 24.9}
    (line,) = _render_previous(measured, 104.0)
    return line


def test_the_revision_before_the_parse_is_named_as_such() -> None:
    assert "(the extractor before the parse, same articles" in _line(BEFORE_THE_PARSE[:7])


def test_another_revision_is_named_by_its_hash() -> None:
    line = _line("ea540f1")
    assert "before the parse" not in line
    assert line.startswith("  extract_claims at ea540f1 (same articles, in a child): 100.0 ms")
