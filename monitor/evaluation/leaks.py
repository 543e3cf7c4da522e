"""Article text that reached the repository: runs of words a tracked file shares with the texts
of the real-text set. The set commits labels and locators of at most six words, never text
(tests/realtext/README.md); `make eval-real` runs this check on every file git tracks, since
only then are the texts at hand to compare with."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

RUN = 8  # words in a row; a locator has at most six, and stock phrases rarely reach eight
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
# What may be committed of an article: its address, and the search that finds it again.
_ALLOWED = re.compile(r"https?://\S+|\"query\": \"(?:[^\"\\\\]|\\\\.)*\"")
_SUFFIXES = frozenset({".py", ".md", ".json", ".toml", ".txt", ".xml", ".html", ".cfg", ".ini"})


@dataclass(frozen=True, slots=True)
class Leak:
    path: str
    article: str
    words: str  # the run's first words, enough to find it

    def __str__(self) -> str:
        return f"{self.path}: {self.words}… (from {self.article})"


def _tokens(text: str) -> list[str]:
    """Words as a locator counts them: runs between spaces ("3,000-4,000" is one), without the
    punctuation around them."""
    words = (_EDGES.sub("", w) for w in text.replace("’", "'").split())
    return [w for w in words if w]


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _tokens(text)]


def _mostly_names(tokens: list[str]) -> bool:
    """A run that is half capitalised words is names and titles ("the RSF, led by General ..."):
    facts anyone may write, not prose copied."""
    return 2 * sum(w[:1].isupper() for w in tokens) >= len(tokens)


def runs_of(texts: dict[str, str]) -> dict[tuple[str, ...], str]:
    """Every run of RUN words in the texts, with the article it comes from."""
    runs: dict[tuple[str, ...], str] = {}
    for article, text in texts.items():
        words = _words(text)
        for i in range(len(words) - RUN + 1):
            runs.setdefault(tuple(words[i : i + RUN]), article)
    return runs


def leaks_in(path: str, text: str, runs: dict[tuple[str, ...], str]) -> list[Leak]:
    """The runs of `text` found in an article, one per stretch of shared words; addresses and
    search queries do not count."""
    tokens = _tokens(_ALLOWED.sub(" | ", text))
    words, found, i = [w.casefold() for w in tokens], [], 0
    while i <= len(words) - RUN:
        article = runs.get(tuple(words[i : i + RUN]))
        if article is None or _mostly_names(tokens[i : i + RUN]):
            i += 1
            continue
        found.append(Leak(path, article, " ".join(words[i : i + 5])))
        while tuple(words[i + 1 : i + 1 + RUN]) in runs:  # the rest of the same stretch
            i += 1
        i += RUN
    return found


def tracked_files(repo: Path, skip: str = "tests/realtext/") -> list[Path]:
    """The files git tracks in `repo` that hold text worth checking, less the labelled set
    itself (`skip`: its labels quote claimants and names, and its own checks bound locators)."""
    listed = subprocess.run(
        ["git", "-C", str(repo), "ls-files", "-z"], capture_output=True, check=True
    ).stdout.decode("utf-8", "surrogateescape")
    names = (n for n in listed.split("\0") if n and not n.startswith(skip))
    return [repo / name for name in names if Path(name).suffix in _SUFFIXES]


def find_leaks(files: Iterable[Path], texts: dict[str, str], repo: Path) -> list[Leak]:
    runs = runs_of(texts)
    leaks: list[Leak] = []
    for path in files:
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            leaks += leaks_in(str(path.relative_to(repo)), text, runs)
    return leaks
