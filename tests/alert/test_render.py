"""Rendering without sending: which style a channel gets, what chat and webhook messages look
like, and that hostile feed text stays text in every format."""

from __future__ import annotations

import dataclasses
import html.parser
import json

import pytest

from monitor.alert.render import (
    RenderContext,
    Rendered,
    alert_json,
    render,
    render_console,
    render_for,
)
from monitor.alert.render_style import ChannelStyle, channel_style
from monitor.alert.render_text import clip, gsm7
from monitor.config import ChannelConfig
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
            "https://tolonews.example/afghanistan-190001?utm=a&b=c",
            "Tolo News",
        ),
        Quote("The group has no more than 2,500 men.", "https://bbc.example/news/x", "BBC"),
    ),
    before="National Resistance Front: at most 2,500 fighters — BBC",
    after="National Resistance Front: about 9,000 fighters — Ali Nazary via Tolo News",
    story_id=4,
    severity="high",
    fact_kind="force_size",
    entities=("National Resistance Front",),
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


@pytest.mark.parametrize(
    ("url", "style", "fmt", "expected"),
    [
        ("mailto://h:25?to=a@example.org", "auto", None, ChannelStyle("email", "html")),
        ("mailtos://u:p@h", "auto", "text", ChannelStyle("email", "text")),
        ("sendgrid://key:a@example.org/b@example.org", "auto", None, ChannelStyle("email", "html")),
        ("slack://A/B/C", "auto", None, ChannelStyle("slack", "markdown")),
        ("slack://A/B/C", "auto", "html", ChannelStyle("slack", "markdown")),
        ("twilio://AC1:t@1555/1666", "auto", None, ChannelStyle("sms", "text")),
        ("vonage://k:s@1555/1666", "auto", None, ChannelStyle("sms", "text")),
        ("nexmo://k:s@1555/1666", "auto", None, ChannelStyle("sms", "text")),
        ("sns://A/S/us-east-1/+1555", "auto", None, ChannelStyle("sms", "text")),
        ("clicksend://u:p@1555", "auto", None, ChannelStyle("sms", "text")),
        ("plivo://A/T/1555/1666", "auto", None, ChannelStyle("sms", "text", 140)),
        ("json://127.0.0.1:8080/hook", "auto", "html", ChannelStyle("webhook", "text")),
        ("form://127.0.0.1/hook", "auto", None, ChannelStyle("chat", "text")),
        ("xml://127.0.0.1/hook", "auto", None, ChannelStyle("chat", "text")),
        ("tgram://123:abc/456", "auto", None, ChannelStyle("chat", "html")),
        ("ntfy://topic", "auto", "markdown", ChannelStyle("chat", "markdown")),
        ("json://127.0.0.1/hook", "chat", "markdown", ChannelStyle("chat", "markdown")),
        ("ntfy://topic", "sms", None, ChannelStyle("sms", "text")),
        ("mailto://h", "slack", "html", ChannelStyle("slack", "markdown")),
    ],
)
def test_style_comes_from_the_url_unless_configured(
    url: str, style: str, fmt: str | None, expected: ChannelStyle
) -> None:
    assert channel_style(url, style, fmt) == expected  # type: ignore[arg-type]


def test_webhook_gets_the_alert_contract_as_json() -> None:
    channel = ChannelConfig(name="hook", url="json://127.0.0.1:9/hook")
    rendered = render_for(HOSTILE, channel, None, RenderContext(41, ("Tolo News", "AP")))
    assert rendered.title == f"[panjshir] {HOSTILE.title}"
    assert rendered.body_format == "text" and "\n" not in rendered.body
    assert json.loads(rendered.body) == {
        "id": 41,
        "kind": "changed",
        "watch": "panjshir",
        "title": HOSTILE.title,
        "body": HOSTILE.body,
        "change": None,  # a hand-made alert names no facts: see tests/cli/test_alert_json.py
        "key": None,
        "before": None,
        "after": None,
        "before_text": HOSTILE.before,
        "after_text": HOSTILE.after,
        "evidence": [{"quote": q.text, "url": q.url, "outlet": q.outlet} for q in HOSTILE.evidence],
        "channels": ["email"],
        "severity": "high",
        "fact_kind": "force_size",
        "entities": ["National Resistance Front"],
        "story_id": 4,
        "outlets": ["Tolo News", "AP"],
    }
    assert alert_json(HOSTILE) == json.dumps(json.loads(alert_json(HOSTILE)), ensure_ascii=False)


def test_chat_text_has_body_before_after_quotes_and_footer() -> None:
    body = render(ALERT, "text").body
    assert body.startswith(ALERT.body)
    assert "Before: National Resistance Front: at most 2,500 fighters — BBC" in body
    assert "Now: National Resistance Front: about 9,000 fighters — Ali Nazary via Tolo News" in body
    assert (
        '"The NRF now has about 9,000 fighters, its spokesman said." — Tolo News '
        "<https://tolonews.example/afghanistan-190001?utm=a&b=c>"
    ) in body
    footer = body.rsplit("\n", 1)[-1]
    assert 'watch "panjshir" fired (changed, severity high)' in footer and "[[watches]]" in footer
    assert body.index("Before:") < body.index("Now:") < body.index("Tolo News <")


def test_chat_text_without_before_after_or_evidence() -> None:
    bare = dataclasses.replace(ALERT, before=None, after=None, evidence=())
    body = render(bare, "text").body
    assert "Before:" not in body and "Now:" not in body and "<http" not in body
    assert body.startswith(ALERT.body) and "[[watches]]" in body


def test_chat_text_keeps_hostile_text_as_plain_text() -> None:
    body = render(HOSTILE, "text").body
    assert "<script>steal()</script>" in body
    assert "— <b>Evil</b> <javascript:alert(1)>" in body
    assert "&lt;" not in body


def test_html_escapes_every_feed_value_and_links_only_http() -> None:
    markup = render(HOSTILE, "html").body
    page = _Collect(markup)
    assert "script" not in page.tags and "img" not in page.tags and "b" not in page.tags
    assert "<script>steal()</script>" in page.text
    assert "<img src=x onerror=alert(1)> & more" in page.text
    assert "<b>Evil</b>" in page.text
    assert "&lt;script&gt;" in markup and "<script>" not in markup
    assert page.hrefs == ['https://ex.com/a?q=1&r="><script>x</script>']
    assert "javascript:alert(1)" in page.text


def test_chat_html_is_escaped_too() -> None:
    channel = ChannelConfig(name="tg", url="tgram://123:abc/456")
    rendered = render_for(HOSTILE, channel)
    page = _Collect(rendered.body)
    assert rendered.body_format == "html"
    assert set(page.tags) <= {"b", "i", "a", "br"}
    assert "<b>Evil</b>" in page.text and page.hrefs == [
        'https://ex.com/a?q=1&r="><script>x</script>'
    ]


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
    assert "\n\\# not a heading" in body.replace("  \n", "\n")
    assert "\n\\- not a list" in body.replace("  \n", "\n")


def test_markdown_has_clickable_links_and_the_same_content() -> None:
    body = render(ALERT, "markdown").body
    assert body.startswith(ALERT.body)
    assert "**Before:** National Resistance Front: at most 2,500 fighters — BBC" in body
    assert "— [Tolo News](https://tolonews.example/afghanistan-190001?utm=a&b=c)" in body
    assert "— [BBC](https://bbc.example/news/x)" in body
    assert r"\[\[watches\]\]" in body


def test_markdown_links_cannot_break_out_of_the_url() -> None:
    alert = dataclasses.replace(
        ALERT,
        evidence=(Quote("q", "https://ex.com/a_(b)?c=<d>", "Ex"), Quote("q", "ftp://x/", "F")),
    )
    body = render(alert, "markdown").body
    assert "[Ex](https://ex.com/a_%28b%29?c=%3Cd%3E)" in body
    assert "— F ftp://x/" in body


def test_titles_stay_one_short_line() -> None:
    long = dataclasses.replace(ALERT, title="Headline\r\nBcc: victim@example.com " + "word " * 80)
    for rendered in (render(long, "text"), render(long, "html")):
        assert "\n" not in rendered.title and "\r" not in rendered.title
        assert len(rendered.title) <= 150 and rendered.title.endswith("…")


def test_unknown_format_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown format 'sms'"):
        render(ALERT, "sms")  # type: ignore[arg-type]


def test_rendering_is_deterministic() -> None:
    channel = ChannelConfig(name="email", url="mailto://h?to=a@example.org")
    first = render_for(ALERT, channel)
    assert isinstance(first, Rendered) and first == render_for(dataclasses.replace(ALERT), channel)


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 10, "short"),
        ("one two three four", 12, "one two…"),
        ("abcdefghijklmnop", 8, "abcdefg…"),
        ("one two, three", 10, "one two…"),
    ],
)
def test_clip(text: str, limit: int, expected: str) -> None:
    assert clip(text, limit) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("≤2,500 ≥9 ~9,000", "<=2,500 >=9 about 9,000"),
        ("a — b – c … “d” ‘e’", "a - b - c ... \"d\" 'e'"),
        ("[x] {y} a|b c\\d ^e `f`", "(x) (y) a/b c/d e 'f'"),
        ("Café Zürich 10€", "Cafe Zurich 10EUR"),
        ("line\nbreak\x1b[31m", "line break (31m"),
    ],
)
def test_gsm7(text: str, expected: str) -> None:
    assert gsm7(text) == expected


def test_console_is_compact_and_deterministic() -> None:
    assert render_console(ALERT) == "\n".join(
        [
            "ALERT [changed] panjshir: Force size changed: National Resistance Front ~9,000 "
            "(was ≤2,500)",
            "  before: National Resistance Front: at most 2,500 fighters — BBC",
            "  now:    National Resistance Front: about 9,000 fighters — Ali Nazary via Tolo News",
            '  "The NRF now has about 9,000 fighters, its spokesman said." — Tolo News '
            "<https://tolonews.example/afghanistan-190001?utm=a&b=c>",
            '  "The group has no more than 2,500 men." — BBC <https://bbc.example/news/x>',
        ]
    )


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
