"""What a reader of an alert sees in each format, including hostile feed text."""

from __future__ import annotations

import dataclasses
import html.parser

import pytest

from monitor.alert.render import Rendered, render, render_console
from monitor.records import Alert, Quote

ALERT = Alert(
    kind="changed",
    watch="panjshir",
    title="Force size changed: National Resistance Front ~9,000 (was ≤2,500)",
    body="National Resistance Front: about 9,000 fighters, according to Ali Nazary via Tolo News.",
    channels=("email",),
    evidence=(
        Quote(
            "The NRF now has about 9,000 fighters, its spokesman said.",
            "https://tolonews.com/afghanistan-190001?utm=a&b=c",
            "Tolo News",
        ),
        Quote("The group has no more than 2,500 men.", "https://www.bbc.com/news/x", "BBC"),
    ),
    before="National Resistance Front: at most 2,500 fighters — BBC",
    after="National Resistance Front: about 9,000 fighters — Ali Nazary via Tolo News",
)

HOSTILE = dataclasses.replace(
    ALERT,
    title="<script>alert('t')</script> *big* [x](javascript:alert(1))",
    body="Body <img src=x onerror=alert(1)> & more\n# not a heading\n- not a list",
    evidence=(
        Quote("He said <script>steal()</script> **now**", "javascript:alert(1)", "<b>Evil</b>"),
        Quote('Quote with "quotes"', 'https://ex.com/a?q=1&r="><script>x</script>', "Ex_Outlet"),
    ),
)


class _Collect(html.parser.HTMLParser):
    """The tags, links and visible text of an HTML fragment, as a browser would see them."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.text = ""
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]

    def handle_data(self, data: str) -> None:
        self.text += data


def test_title_names_the_watch_and_what_changed() -> None:
    for fmt in ("html", "text", "markdown"):
        rendered = render(ALERT, fmt)
        assert rendered == Rendered(
            "[panjshir] Force size changed: National Resistance Front ~9,000 (was ≤2,500)",
            rendered.body,
            fmt,
        )


def test_title_stays_one_short_line() -> None:
    long = dataclasses.replace(ALERT, title="Headline\r\nBcc: victim@example.com " + "word " * 80)
    title = render(long, "text").title
    assert "\n" not in title and "\r" not in title
    assert len(title) <= 150 and title.endswith("…")


def test_text_has_body_before_after_quotes_and_footer() -> None:
    body = render(ALERT, "text").body
    assert body.startswith(ALERT.body)
    assert "Before: National Resistance Front: at most 2,500 fighters — BBC" in body
    assert "Now: National Resistance Front: about 9,000 fighters — Ali Nazary via Tolo News" in body
    assert (
        '"The NRF now has about 9,000 fighters, its spokesman said." — Tolo News '
        "<https://tolonews.com/afghanistan-190001?utm=a&b=c>"
    ) in body
    assert '"The group has no more than 2,500 men." — BBC <https://www.bbc.com/news/x>' in body
    footer = body.rsplit("\n", 1)[-1]
    assert 'watch "panjshir"' in footer and "[[watches]]" in footer and "config file" in footer
    assert body.index("Before:") < body.index("Now:") < body.index("Tolo News <")


def test_text_without_before_after_or_evidence() -> None:
    bare = dataclasses.replace(ALERT, before=None, after=None, evidence=())
    body = render(bare, "text").body
    assert "Before:" not in body and "Now:" not in body and " — " not in body
    assert body.startswith(ALERT.body) and "[[watches]]" in body


def test_text_keeps_hostile_text_as_plain_text() -> None:
    body = render(HOSTILE, "text").body
    assert "<script>steal()</script>" in body
    assert "— <b>Evil</b> <javascript:alert(1)>" in body
    assert "&lt;" not in body


def test_html_shows_the_same_content_with_links() -> None:
    page = _Collect(render(ALERT, "html").body)
    assert ALERT.body in page.text
    assert "Before: National Resistance Front: at most 2,500 fighters — BBC" in page.text
    assert "“The NRF now has about 9,000 fighters, its spokesman said.”" in page.text
    assert page.hrefs == [
        "https://tolonews.com/afghanistan-190001?utm=a&b=c",
        "https://www.bbc.com/news/x",
    ]
    assert "panjshir" in page.text and "[[watches]]" in page.text
    assert "script" not in page.tags


def test_html_escapes_every_feed_value() -> None:
    markup = render(HOSTILE, "html").body
    page = _Collect(markup)
    assert set(page.tags) <= {"div", "p", "br", "strong", "blockquote", "span", "a", "code"}
    assert "<script>steal()</script>" in page.text  # arrives as text, not as a tag
    assert "<img src=x onerror=alert(1)> & more" in page.text
    assert "<b>Evil</b>" in page.text
    assert "&lt;script&gt;" in markup and "<script>" not in markup


def test_html_links_only_http_urls() -> None:
    page = _Collect(render(HOSTILE, "html").body)
    assert page.hrefs == ['https://ex.com/a?q=1&r="><script>x</script>']  # escaped in the attribute
    assert "javascript:alert(1)" in page.text  # shown, not clickable


@pytest.mark.parametrize(
    ("feed_text", "shown_as"),
    [
        ("*bold* _em_ `code`", r"\*bold\* \_em\_ \`code\`"),
        ("[x](javascript:alert(1))", r"\[x\](javascript:alert(1))"),
        ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
        ("a | b ~~c~~ #tag", r"a \| b \~\~c\~\~ \#tag"),
    ],
)
def test_markdown_neutralises_markup_in_feed_text(feed_text: str, shown_as: str) -> None:
    alert = dataclasses.replace(ALERT, evidence=(Quote(feed_text, "https://ex.com/", "Ex"),))
    assert f"> “{shown_as}”" in render(alert, "markdown").body


def test_markdown_neutralises_block_markup_at_line_starts() -> None:
    body = render(HOSTILE, "markdown").body
    assert "\n\\# not a heading\n" in body.replace("  \n", "\n")
    assert "\n\\- not a list" in body.replace("  \n", "\n")


def test_markdown_has_clickable_links_and_the_same_content() -> None:
    body = render(ALERT, "markdown").body
    assert body.startswith(ALERT.body)
    assert "**Before:** National Resistance Front: at most 2,500 fighters — BBC" in body
    assert "— [Tolo News](https://tolonews.com/afghanistan-190001?utm=a&b=c)" in body
    assert "— [BBC](https://www.bbc.com/news/x)" in body
    assert "`[[watches]]`" in body


def test_markdown_links_cannot_break_out_of_the_url() -> None:
    alert = dataclasses.replace(
        ALERT,
        evidence=(Quote("q", "https://ex.com/a_(b)?c=<d>", "Ex"), Quote("q", "ftp://x/", "F")),
    )
    body = render(alert, "markdown").body
    assert "[Ex](https://ex.com/a_%28b%29?c=%3Cd%3E)" in body
    assert "— F ftp://x/" in body


def test_console_is_compact_and_deterministic() -> None:
    assert render_console(ALERT) == "\n".join(
        [
            "ALERT [changed] panjshir: Force size changed: National Resistance Front ~9,000 "
            "(was ≤2,500)",
            "  before: National Resistance Front: at most 2,500 fighters — BBC",
            "  now:    National Resistance Front: about 9,000 fighters — Ali Nazary via Tolo News",
            '  "The NRF now has about 9,000 fighters, its spokesman said." — Tolo News '
            "<https://tolonews.com/afghanistan-190001?utm=a&b=c>",
            '  "The group has no more than 2,500 men." — BBC <https://www.bbc.com/news/x>',
        ]
    )
    assert render_console(ALERT) == render_console(dataclasses.replace(ALERT))


def test_console_limits_quotes_and_strips_terminal_escapes() -> None:
    quotes = tuple(
        Quote(f"q{i} \x1b[2J\x1b[31mred\nnext", f"https://e.com/{i}", "E") for i in range(5)
    )
    text = render_console(dataclasses.replace(ALERT, evidence=quotes, before=None))
    assert "\x1b" not in text
    lines = text.splitlines()
    assert lines[1].startswith("  now:")
    assert lines[2] == '  "q0 [2J [31mred next" — E <https://e.com/0>'
    assert lines[-1] == "  (+2 more)"
    assert len(lines) == 6


def test_unknown_format_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown format 'sms'"):
        render(ALERT, "sms")  # type: ignore[arg-type]
