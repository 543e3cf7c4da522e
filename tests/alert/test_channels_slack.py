"""Slack: the exact request apprise would send to Slack's webhook, caught at requests'
transport adapter (Slack itself cannot run here)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from http_capture import HttpCapture, intercept, json_body

from monitor.alert.deliver import send
from monitor.alert.render import NO_CONTEXT, RenderContext, render_for
from monitor.alert.samples import CHANGED, SAMPLES
from monitor.config import ChannelConfig
from monitor.records import Alert, Quote

TOKENS = "T1JJ3T3L2/B1BRTD4JD/TIiajkdnlazkcOXrIdevi7FQ"
CHANNEL = ChannelConfig(name="slack", url=f"slack://{TOKENS}/#newsdesk")


@pytest.fixture
def http_capture(monkeypatch: pytest.MonkeyPatch) -> HttpCapture:
    return intercept(monkeypatch)


def _post(capture: HttpCapture, alert: Alert, context: RenderContext = NO_CONTEXT) -> Any:
    capture.body = b"ok"  # what Slack's webhook answers
    capture.headers = {"Content-Type": "text/plain"}
    result = send(CHANNEL.url, render_for(alert, CHANNEL, None, context), timeout=5)
    assert result.ok, result.error
    [request] = capture.requests
    assert request.method == "POST"
    assert request.url == f"https://hooks.slack.com/services/{TOKENS}"
    assert str(request.headers["Content-Type"]).startswith("application/json")
    return json_body(request)


def test_changed_fact_is_compact_mrkdwn_with_clickable_links(http_capture: HttpCapture) -> None:
    payload = _post(http_capture, CHANGED, RenderContext(3, ("Kabul Wire", "Wire B")))

    assert payload["mrkdwn"] is True
    assert payload["channel"] == "#newsdesk"
    [attachment] = payload["attachments"]
    assert attachment["title"] == (
        "[panjshir] Force size changed: National Resistance Front ~9,000 fighters (was ≤2,500)"
    )
    assert attachment["text"].split("\n") == [
        "National Resistance Front: about 9,000 fighters, according to an NRF spokesman via "
        "Kabul Wire.",
        "*Before:* National Resistance Front: at most 2,500 fighters — Hindu Kush Herald",
        "*Now:* National Resistance Front: about 9,000 fighters — NRF spokesman via Kabul Wire",
        "> “A spokesman for the front told reporters that close to 9,000 fighters had now "
        "gathered in the valley.” — <https://news.example.org/asia/panjshir-nrf-strength|Kabul "
        "Wire>",
        "> “Local elders put the number of armed men at no more than 2,500.” — "
        "<https://herald.example.net/2021/09/valley-defenders|Hindu Kush Herald>",
        "Also reported by: Wire B",
        '_watch "panjshir" · changed, severity high · change it in [[watches]] name = '
        '"panjshir" in the config file_',
    ]


@pytest.mark.parametrize(
    ("feed_text", "arrives_as"),
    [
        ("Tom & Jerry <b>bold</b>", "Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt;"),
        ("<!channel> wake up <@U024BE7LH>", "&lt;!channel&gt; wake up &lt;@U024BE7LH&gt;"),
        ("<https://evil.example|Reuters>", "&lt;https://evil.example|Reuters&gt;"),
        ("[Reuters](https://evil.example)", "[Reuters](https://evil.example)"),
        ("*bold* and _italic_", "\\*bold\\* and \\_italic\\_"),
        ("Ex_Outlet ~9,000", "Ex_Outlet ~9,000"),  # a lone mark styles nothing: left alone
    ],
)
def test_feed_text_cannot_ping_link_or_restyle(
    http_capture: HttpCapture, feed_text: str, arrives_as: str
) -> None:
    alert = dataclasses.replace(CHANGED, evidence=(Quote(feed_text, "https://ex.example/a", "Ex"),))
    text = _post(http_capture, alert)["attachments"][0]["text"]
    assert f"> “{arrives_as}” — <https://ex.example/a|Ex>" in text
    assert text.count("<") == 1  # the one link Slack should show; nothing from the feed


def test_a_non_http_url_is_shown_not_linked(http_capture: HttpCapture) -> None:
    alert = dataclasses.replace(CHANGED, evidence=(Quote("q", "javascript:alert(1)", "Ex"),))
    text = _post(http_capture, alert)["attachments"][0]["text"]
    assert "> “q” — Ex\n" in text and "javascript" not in text


def test_every_sample_kind_posts_one_message(http_capture: HttpCapture) -> None:
    for alert in SAMPLES:
        http_capture.requests.clear()
        text = _post(http_capture, alert)["attachments"][0]["text"]
        assert text.strip() and "\x1b" not in text
    digest = text.split("\n")
    assert digest[:2] == [
        "*3 alerts for email, up to 2021-09-06 07:00 UTC.*",
        "*1 more alert over the rate limit (3 per hour) included below.*",
    ]
    assert (
        "• Control contested: Bazarak captured (Taliban) (against holds) — "
        "<https://news.example.org/asia/bazarak-claim|Kabul Wire>"
    ) in digest
