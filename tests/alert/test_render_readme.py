"""The sample email, Slack message and SMS of docs/alerts.md are what the code produces today,
and its template override example works: documentation that cannot go stale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from http_capture import intercept, json_body

from monitor.alert.deliver import send
from monitor.alert.render import RenderContext, render_for
from monitor.alert.samples import CHANGED, CONTESTED, NEW_ARTICLE
from monitor.config import ChannelConfig

PAGE = Path(__file__).resolve().parents[2] / "docs" / "alerts.md"
OUTLETS = RenderContext(12, ("Kabul Wire", "Hindu Kush Herald", "Valley Dispatch"))


def _section() -> str:
    """From the page's "How alerts read on each channel" to its next section."""
    text = PAGE.read_text(encoding="utf-8")
    start = text.index("\n## How alerts read on each channel\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", _section(), re.DOTALL)


def test_readme_email_is_what_the_code_renders() -> None:
    channel = ChannelConfig(name="email", url="mailto://127.0.0.1?to=desk@example.org")
    rendered = render_for(CHANGED, channel, None, OUTLETS)
    assert _blocks("text")[0] == f"Subject: {rendered.title}\n\n{rendered.text}"


def test_readme_slack_message_is_what_slack_receives(monkeypatch: pytest.MonkeyPatch) -> None:
    capture = intercept(monkeypatch)
    capture.body = b"ok"
    channel = ChannelConfig(name="slack", url="slack://T1JJ3T3L2/B1BRTD4JD/TIiajkdnlazkcOXrIdevi7")
    assert send(channel.url, render_for(CHANGED, channel), timeout=5).ok
    attachment = json_body(capture.requests[0])["attachments"][0]
    assert _blocks("text")[1] == attachment["text"] + "\n"
    assert f"`{attachment['title']}`" in _section()


def test_readme_sms_lines_are_what_the_code_renders() -> None:
    channel = ChannelConfig(name="sms", url="twilio://AC0123456789abcdef0123456789abcdef:t@1/2")
    lines = [render_for(alert, channel).body for alert in (CHANGED, CONTESTED, NEW_ARTICLE)]
    assert _blocks("text")[2] == "\n".join(lines) + "\n"


def test_readme_template_override_example_works(tmp_path: Path) -> None:
    [example] = _blocks("jinja")
    name, template = example.split("\n", 1)
    assert name == "{# templates/email_subject.txt #}"
    (tmp_path / "email_subject.txt").write_text(template, encoding="utf-8")
    channel = ChannelConfig(name="email", url="mailto://127.0.0.1?to=desk@example.org")
    assert render_for(CHANGED, channel, tmp_path).title == (
        "[HIGH] Force size changed: National Resistance Front ~9,000 fighters (was ≤2,500) "
        "(panjshir)"
    )
