"""A real-text set of one labelled article in a temporary folder, for the tests of the
scorer and the evaluation commands (the text, when a test needs one, is written by the test)."""

from __future__ import annotations

import json
from pathlib import Path


def one_article(tmp_path: Path, facts: list[dict[str, object]]) -> Path:
    """The folder of a set with one development article, sudan-01, and `facts` its labels."""
    root = tmp_path / "labels"
    (root / "entities").mkdir(parents=True)
    (root / "articles").mkdir()
    entities = [
        {"name": "Rapid Support Forces", "kind": "group", "aliases": ["RSF"]},
        {"name": "Bara", "kind": "place", "aliases": []},
        {"name": "Mohamed Hamdan Dagalo", "kind": "person", "aliases": ["Hemedti"]},
    ]
    (root / "entities" / "sudan.json").write_text(json.dumps(entities))
    article = {
        "id": "sudan-01",
        "conflict": "sudan",
        "url": "https://example.org/a",
        "outlet": "example.org",
        "published": "2025-10-25",
        "query": "RSF Bara",
        "form": "wire",
        "split": "dev",
        "story": None,
        "year": 2025,
        "facts": facts,
    }
    (root / "articles" / "sudan-01.json").write_text(json.dumps(article))
    return root


CAPTURE: dict[str, object] = {
    "kind": "territorial_control",
    "place": "Bara",
    "controller": "Rapid Support Forces",
    "status": "captured",
    "claimed_by": None,
    "hedged": False,
    "locator": "captured the town of Bara",
}


def text_folder(tmp_path: Path, text: str) -> Path:
    """A folder of texts holding `text` as the text of sudan-01."""
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "sudan-01.txt").write_text(text, encoding="utf-8")
    return texts
