"""`python -m monitor.evaluation.headline_case`: real sentences set as headlines by code, and the
share of their claims extraction still reads, per style."""

from __future__ import annotations

from pathlib import Path

import pytest
from control_facts import VARNO_WAR
from realtext_set import CAPTURE, one_article, text_folder

from monitor.evaluation.headline_case import HEADLINE_WORDS, kept_as_headlines, main, title_cased

pytestmark = pytest.mark.store_free


def test_title_case_capitalises_every_word_but_function_words_after_the_first() -> None:
    assert title_cased('the army said "rebels have taken the town of Varno"') == (
        'The Army Said "Rebels Have Taken the Town of Varno"'
    )


def test_every_claim_of_a_short_sentence_is_counted_once_per_style() -> None:
    long = "The NLA, " + "which " * HEADLINE_WORDS + "took Kastrel on Monday."
    text = f"NLA fighters overran Varno on Monday.\n\nGeneral Brel fled to Albania.\n\n{long}"
    kept = kept_as_headlines([(text, VARNO_WAR, 2024)])
    assert (kept.sentences, kept.claims) == (2, 2)  # the long sentence is no headline
    assert kept.kept == {"title case": 2, "capitals": 2}
    assert kept.share("capitals") == 1.0


def test_the_command_reports_each_style_for_the_texts_present(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = one_article(tmp_path, [CAPTURE])
    texts = text_folder(tmp_path, "The RSF captured the town of Bara on Saturday.")
    assert main(["--texts", str(texts), "--labels", str(root)]) == 0
    out = capsys.readouterr().out
    assert "dev: 1 of 1 articles with a text; 1 sentences" in out
    assert "set in title case: 1 of the claims still read (100%)" in out
    assert "set in capitals: 1 of the claims still read (100%)" in out
