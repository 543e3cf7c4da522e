"""The spaCy model costs nothing until an entry matches a watch, and is loaded once per process
however many entries match. Each check replays the Panjshir story (`monitor replay`) in a fresh
interpreter, since this test process has long imported spaCy, and reports what that
interpreter imported and loaded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
STORY = REPO / "seeds" / "panjshir"
# Run in the fresh interpreter: the replay, then what it imported and how many pipelines it
# loaded (`nlp.load` caches one per name; a miss is a load). The facts the replay read are
# printed by `--facts-json`, one line each, before the report.
PROBE = """
import json, sys
from monitor.cli import main
try:
    main(["--config", sys.argv[1], "replay", "--facts-json", sys.argv[2]])
except SystemExit:
    pass
report = {"spacy": "spacy" in sys.modules, "loads": 0}
if "monitor.extract.language.nlp" in sys.modules:
    report["loads"] = sys.modules["monitor.extract.language.nlp"]._load.cache_info().misses
print(json.dumps(report))
"""
# A watch on a story the Panjshir timeline never tells.
UNMATCHED_WATCH = '[[watches]]\nname = "elsewhere"\nterms = ["Zaporizhzhia"]\n'


def replay_story(tmp_path: Path, watches: str | None) -> tuple[dict[str, Any], list[str]]:
    """Replay the story's timeline with its watchlist (or its entities and `watches` instead
    of its own watch) into a fresh SQLite file: the probe's report and the facts read."""
    watchlist = (STORY / "watchlist.toml").read_text(encoding="utf-8")
    if watches is not None:
        watchlist = watchlist.split("[[watches]]")[0] + watches
    config = tmp_path / "monitor.toml"
    config.write_text(
        f'[storage]\nurl = "sqlite:///{tmp_path / "monitor.sqlite3"}"\n\n{watchlist}',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(config), str(STORY / "timeline")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    *facts, report = done.stdout.strip().splitlines()
    return json.loads(report), facts


def test_entries_that_match_no_watch_never_import_spacy(tmp_path: Path) -> None:
    report, facts = replay_story(tmp_path, UNMATCHED_WATCH)
    assert facts == []
    assert report == {"spacy": False, "loads": 0}


def test_the_model_is_loaded_once_for_every_matched_entry(tmp_path: Path) -> None:
    report, facts = replay_story(tmp_path, None)
    sources = {json.loads(line)["article_url"] for line in facts}
    assert len(sources) > 1  # several matched articles were read ...
    assert report == {"spacy": True, "loads": 1}  # ... on one load of the model
