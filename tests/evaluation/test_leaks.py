"""Article text never reaches the repository: `make eval-real` names every tracked file that
shares a run of eight words with a text of the real-text set. Texts and files written here."""

from __future__ import annotations

import subprocess
from pathlib import Path

from monitor.evaluation.leaks import find_leaks, leaks_in, runs_of, tracked_files

TEXT = (
    "Rebel columns entered the northern market town at dawn on Tuesday, residents said, "
    "and the garrison withdrew towards the river crossing without a fight."
)


def test_a_run_of_eight_words_is_a_leak_and_a_locator_is_not() -> None:
    runs = runs_of({"art-1": TEXT})
    copied = "# as in: entered the northern market town at dawn on Tuesday, residents said"
    [leak] = leaks_in("rules.py", copied, runs)
    assert (leak.path, leak.article, leak.words) == (
        "rules.py",
        "art-1",
        "entered the northern market town",
    )
    assert (
        leaks_in("labels.json", '"locator": "the garrison withdrew towards the river"', runs) == []
    )
    assert leaks_in("x.py", "Columns entered the town at dawn; the garrison withdrew.", runs) == []


def test_numbers_count_as_one_word_and_addresses_do_not_count() -> None:
    runs = runs_of(
        {"art-2": "Some 3,000-4,000 soldiers fought alongside the rebels near the lake."}
    )
    assert leaks_in("a.md", "Some 3,000-4,000 soldiers fought alongside the rebels", runs) == []
    url = "https://news.example/some-3000-4000-soldiers-fought-alongside-the-rebels-near-the-lake"
    assert leaks_in("a.json", f'"url": "{url}"', runs) == []


def test_only_tracked_files_outside_the_labelled_set_are_read(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / "tests" / "realtext").mkdir(parents=True)
    (tmp_path / "tests" / "realtext" / "labels.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / "notes.md").write_text(f"Copied: {TEXT}", encoding="utf-8")
    (tmp_path / "untracked.md").write_text(TEXT, encoding="utf-8")
    git("add", "notes.md", "tests/realtext/labels.md")
    leaks = find_leaks(tracked_files(tmp_path), {"art-1": TEXT}, tmp_path)
    assert [leak.path for leak in leaks] == ["notes.md"]


def test_a_run_of_names_and_titles_is_no_leak() -> None:
    runs = runs_of(
        {"art-3": "The Northern Front, led by General Amani Kito Baraka, took the pass."}
    )
    assert (
        leaks_in("corpus.json", "The Northern Front, led by General Amani Kito Baraka", runs) == []
    )
