"""The extractor as it was at an earlier commit, timed on the same articles in the same run.

`bench_extract --previous REV` exports the `monitor` package of git revision REV
(`git archive`) into a temporary folder and runs its `extract_claims` in a child interpreter
that imports that package instead of the working tree's, pinned to the same core, on the same
articles and entities. The default revision is the last one before extraction read a parse:
the regex extractors as they were when the parse replaced them.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# The parent of "Extraction reads a dependency parse" (2140df0).
BEFORE_THE_PARSE = "26363db3839ea81e70b7b7752bab95b7dc95c653"

# Run in the child, from the exported package: the median CPU of that revision's
# extract_claims per article, the claims it read, and where `monitor` came from.
PROBE = """
import json, os, statistics, sys, time
from pathlib import Path
job = json.load(sys.stdin)
if job["core"] is not None:
    os.sched_setaffinity(0, {job["core"]})
import monitor
from monitor.evaluation.corpus import load_entities
from monitor.extract import extract_claims
entities = load_entities(Path(job["entities"]))
texts = job["articles"]
extract_claims(texts[0], entities, year=job["year"])
times, claims = [], 0
for _ in range(job["repeats"]):
    for text in texts[1:]:
        start = time.process_time()
        claims += len(extract_claims(text, entities, year=job["year"]))
        times.append((time.process_time() - start) * 1000)
print(json.dumps({
    "ms": statistics.median(times),
    "claims_per_article": claims / len(times),
    "package": monitor.__file__,
    "spacy_imported": "spacy" in sys.modules,
}))
"""


def export(root: Path, revision: str, into: Path) -> None:
    """The `monitor` package of `revision` in `into`; raises RuntimeError when git cannot."""
    done = subprocess.run(
        ["git", "-C", str(root), "archive", revision, "monitor"],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode(errors="replace").strip() or "git archive failed")
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as archive:
        archive.extractall(into, filter="data")


def measure(
    root: Path,
    revision: str,
    articles: Sequence[str],
    entities: Path,
    *,
    core: int | None,
    repeats: int,
    year: int,
) -> dict[str, Any]:
    """The revision's median CPU per article (`ms`) and claims per article; `error` instead
    when the revision cannot be exported or run (no git, a shallow clone)."""
    with tempfile.TemporaryDirectory(prefix="monitor-previous-") as tmp:
        try:
            export(root, revision, Path(tmp))
        except (OSError, RuntimeError) as exc:
            return {"revision": revision, "error": str(exc)}
        job = {"core": core, "entities": str(entities), "articles": list(articles)}
        job |= {"repeats": repeats, "year": year}
        child = subprocess.run(
            [sys.executable, "-c", PROBE],
            input=json.dumps(job),
            cwd=tmp,
            env={**os.environ, "PYTHONPATH": tmp},
            capture_output=True,
            text=True,
            check=False,
        )
        if child.returncode != 0:
            return {"revision": revision, "error": child.stderr.strip().splitlines()[-1]}
        result: dict[str, Any] = json.loads(child.stdout.strip().splitlines()[-1])
        if not result["package"].startswith(tmp):
            return {"revision": revision, "error": f"imported {result['package']}, not {tmp}"}
        del result["package"]
    return {"revision": revision, **result}
