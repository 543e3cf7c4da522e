"""`python -m monitor.evaluation.robustness`: real text reshaped by code as feeds shape it
(headline styles, hard wrapping), and the share of its claims extraction still reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from control_facts import VARNO_WAR
from realtext_set import CAPTURE, one_article, text_folder

from monitor.evaluation.prose_shapes import SHAPES as PROSE
from monitor.evaluation.robustness import (
    HEADLINE_WORDS,
    IN_ARTICLE,
    STYLES,
    after_a_time,
    as_item,
    cut_short,
    hard_wrapped,
    kept_in_other_shapes,
    main,
    title_cased,
    with_credit,
    with_slug,
    with_source,
)

pytestmark = pytest.mark.store_free


def test_title_case_capitalises_every_word_but_function_words_after_the_first() -> None:
    assert title_cased('the army said "rebels have taken the town of Varno"') == (
        'The Army Said "Rebels Have Taken the Town of Varno"'
    )


def test_a_headline_gets_a_source_tag_or_a_slug_and_an_article_its_line_width() -> None:
    assert with_source("Rebels took Varno.") == "Rebels took Varno - Reuters"
    assert with_slug("Rebels took Varno") == "UPDATE 2-Rebels took Varno"
    assert cut_short("Rebels took Varno.") == "Rebels took Varno…"
    assert with_credit("Rebels took Varno.") == "Rebels took Varno (AFP)"
    assert as_item("Rebels took Varno.") == "* Rebels took Varno."
    assert after_a_time("Rebels took Varno.") == "14:32 GMT - Rebels took Varno."
    text = "Title\n" + "word " * 40
    lines = hard_wrapped(text).split("\n")
    assert lines[0] == "Title" and len(lines) == 4 and max(map(len, lines)) <= 70
    assert " ".join(lines).split() == text.split()


def test_a_prose_sentence_is_read_again_in_each_shape_that_fits_it() -> None:
    text = (
        "General Brel said on Sunday that NLA fighters had overrun Varno in the night.\n\n"
        "The NLA said on Monday that it had taken Kastrel.\n\n"  # no room for an aside
        "General Brel fled to Albania."  # too short to count as prose
    )
    kept = kept_in_other_shapes([(text, VARNO_WAR, 2024)])
    opening, age, town = (
        'with "However, " before it',
        'with ", 54," after a person\'s name',
        'with ", a town in the region," after a place',
    )
    assert kept.prose[opening] == [2, 2]
    assert kept.prose[age] == [1, 1] and kept.prose[town] == [1, 1]
    assert set(kept.prose) == set(PROSE) and kept.share(opening) == 1.0


def test_every_claim_of_a_short_sentence_is_counted_once_per_style() -> None:
    long = "The NLA, " + "which " * HEADLINE_WORDS + "took Kastrel on Monday."
    text = f"NLA fighters overran Varno on Monday.\n\nGeneral Brel fled to Albania.\n\n{long}"
    kept = kept_in_other_shapes([(text, VARNO_WAR, 2024)])
    assert (kept.sentences, kept.claims) == (2, 2)  # the long sentence is no headline
    assert kept.kept == dict.fromkeys(STYLES, 2)
    assert kept.article_claims == 3 and kept.share("in capitals") == 1.0


def test_a_short_sentence_is_also_restyled_inside_its_article() -> None:
    """The claims its article reads from a sentence that is a line of its own, and how many it
    still reads with the line restyled in place: the story under a headline tells which words
    are names."""
    story = "Officials in Lorn said General Brel had fled to Kessel, a town near the border."
    text = f"General Brel fled to Kessel.\n\n{story}"
    kept = kept_in_other_shapes([(text, VARNO_WAR, 2024)])
    assert kept.article_sentence_claims == 2  # each sentence is the other's story
    assert kept.in_article == dict.fromkeys(IN_ARTICLE, 2)
    assert kept.kept["in title case"] == 0
    shared = kept_in_other_shapes([(text.replace("\n\n", " "), VARNO_WAR, 2024)])
    assert shared.article_sentence_claims == 0  # in a paragraph of prose it is no headline
    alone = kept_in_other_shapes([("General Brel fled to Kessel.", VARNO_WAR, 2024)])
    assert alone.kept["in title case"] == 0  # alone, "Kessel" reads as a word
    assert alone.in_article == dict.fromkeys(IN_ARTICLE, 0)  # and no story tells otherwise


def test_the_command_reports_each_style_for_the_texts_present(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = one_article(tmp_path, [CAPTURE])
    texts = text_folder(tmp_path, "The RSF captured the town of Bara on Saturday.")
    assert main(["--texts", str(texts), "--labels", str(root)]) == 0
    out = capsys.readouterr().out
    assert "dev: 1 of 1 articles with a text, 1 claims; 1 sentences" in out
    assert "a sentence in title case: 1 of its claims still read (100%)" in out
    assert "a sentence with a wire slug: 1 of its claims still read (100%)" in out
    assert "an article hard-wrapped at 70 columns: 1 of its claims still read (100%)" in out
    assert "a sentence in capitals, inside its article: 1 of its 1 claims still read (100%)" in out
    assert "sentences of 8 to 40 words with claims:" in out
    assert 'a sentence with "On Monday, " before it: 1 of its 1 claims still read (100%)' in out
