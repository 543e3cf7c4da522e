"""Email end to end: render for a mailto:// channel, send through apprise to a real SMTP server
on 127.0.0.1, and read what arrived as a mail client would."""

from __future__ import annotations

import dataclasses
import html.parser
import threading
from email.message import EmailMessage
from pathlib import Path

from click.testing import CliRunner
from helpers import write_config
from smtp_server import smtp_server

from monitor.alert.deliver import DeliveryResult, send
from monitor.alert.render import NO_CONTEXT, RenderContext, render_for
from monitor.alert.samples import CHANGED, SAMPLES
from monitor.cli import main
from monitor.config import ChannelConfig
from monitor.records import Quote

FROM_TO = "from=monitor@example.com&to=desk@example.org"


def _channel(host: str, port: int, **options: str) -> ChannelConfig:
    return ChannelConfig(name="email", url=f"mailto://{host}:{port}?{FROM_TO}", **options)


def _parts(message: EmailMessage) -> dict[str, str]:
    return {
        part.get_content_type(): str(part.get_content()).replace("\r\n", "\n")
        for part in message.walk()
        if not part.is_multipart()
    }


class _Page(html.parser.HTMLParser):
    """What a mail client shows of an HTML part: its text, tags and link targets."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.links: list[tuple[str, str]] = []  # (href, link text)
        self.text = ""
        self._href: str | None = None
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "a":
            self._href = dict(attrs).get("href") or ""
            self.links.append((self._href, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._href = None

    def handle_data(self, data: str) -> None:
        self.text += data
        if self._href is not None:
            href, text = self.links[-1]
            self.links[-1] = (href, text + data)


def _send_one(alert: object, context: RenderContext = NO_CONTEXT, **options: str) -> EmailMessage:
    with smtp_server() as (host, port, messages):
        channel = _channel(host, port, **options)
        rendered = render_for(alert, channel, None, context)  # type: ignore[arg-type]
        assert send(channel.url, rendered, timeout=10) == DeliveryResult(True)
    [message] = messages
    return message


def test_changed_fact_email_has_subject_both_parts_and_everything_a_reader_needs() -> None:
    message = _send_one(CHANGED, RenderContext(12, ("Kabul Wire", "Hindu Kush Herald", "Wire B")))

    assert message["Subject"] == (
        "HIGH: [panjshir] Force size changed: National Resistance Front ~9,000 fighters "
        "(was ≤2,500)"
    )
    assert message.get_content_type() == "multipart/alternative"
    parts = _parts(message)
    assert set(parts) == {"text/plain", "text/html"}

    text = parts["text/plain"]
    assert "Before: National Resistance Front: at most 2,500 fighters — Hindu Kush Herald" in text
    assert (
        "Now:    National Resistance Front: about 9,000 fighters — NRF spokesman via Kabul" in text
    )
    assert text.index("Before:") < text.index("Now:")
    assert (
        '  "Local elders put the number of armed men at no more than 2,500."\n'
        "  — Hindu Kush Herald <https://herald.example.net/2021/09/valley-defenders>"
    ) in text
    assert "<https://news.example.org/asia/panjshir-nrf-strength>" in text
    assert "Also reported by: Wire B" in text  # quoted outlets are not repeated
    footer = text.split("\n-- \n", 1)[1]
    assert (
        'watch "panjshir" fired' in footer and '[[watches]] entry with name = "panjshir"' in footer
    )

    page = _Page(parts["text/html"])
    assert (
        "Before" in page.text and "National Resistance Front: at most 2,500 fighters" in page.text
    )
    assert "Now" in page.text and "about 9,000 fighters — NRF spokesman via Kabul Wire" in page.text
    assert page.links == [
        ("https://news.example.org/asia/panjshir-nrf-strength", "Kabul Wire"),
        ("https://herald.example.net/2021/09/valley-defenders", "Hindu Kush Herald"),
    ]
    assert "“Local elders put the number of armed men at no more than 2,500.”" in page.text
    assert "Also reported by: Wire B" in page.text
    assert '[[watches]] entry with name = "panjshir"' in page.text


def test_the_text_part_is_ours_not_apprises_conversion_of_the_html() -> None:
    """apprise would derive the text part from the HTML and lose every link target."""
    message = _send_one(CHANGED)
    text = _parts(message)["text/plain"]
    assert text.startswith(
        "Force size changed: National Resistance Front ~9,000 fighters (was ≤2,500)\n====="
    )
    assert text.count("https://") == 2


def test_hostile_feed_content_is_neutralised_in_both_parts() -> None:
    hostile = dataclasses.replace(
        CHANGED,
        title="Valley \x1b[2J\x1b[31mred\x1b[0m <script>alert(1)</script> **loud**",
        body="Body <img src=x onerror=alert(1)> & [click](javascript:alert(2))\n# heading",
        evidence=(
            Quote(
                "He said <script>steal()</script> \x1b]0;pwned\x07 _now_",
                "javascript:x()",
                "<b>E</b>",
            ),
            Quote("q", 'https://ex.example/a?q=1&r="><script>x</script>', "Ex"),
        ),
    )
    message = _send_one(hostile)
    assert "\x1b" not in str(message["Subject"]) and "\n" not in str(message["Subject"])
    parts = _parts(message)
    for part in parts.values():
        assert "\x1b" not in part and "\x07" not in part

    markup = parts["text/html"]
    page = _Page(markup)
    assert "script" not in page.tags and "img" not in page.tags and "b" not in page.tags
    assert "<script>alert(1)</script> **loud**" in page.text  # shown as text, markdown inert
    assert "<img src=x onerror=alert(1)> & [click](javascript:alert(2))" in page.text
    assert [href for href, _ in page.links] == ['https://ex.example/a?q=1&r="><script>x</script>']
    assert "javascript:x()" in page.text  # shown, never a link

    text = parts["text/plain"]
    assert "He said <script>steal()</script> ]0;pwned _now_" in text  # literal, not markup
    assert "&lt;" not in text


def test_format_text_sends_a_plain_text_email() -> None:
    message = _send_one(CHANGED, format="text")
    assert message.get_content_type() == "text/plain"
    assert "<https://news.example.org/asia/panjshir-nrf-strength>" in message.get_content()


def test_every_sample_kind_arrives_readable() -> None:
    with smtp_server() as (host, port, messages):
        channel = _channel(host, port)
        for alert in SAMPLES:
            assert send(channel.url, render_for(alert, channel), timeout=10).ok
    subjects = [str(m["Subject"]) for m in messages]
    assert subjects == [
        "URGENT: [panjshir] Leadership: Amrullah Saleh declared caretaker president of Afghanistan",
        "HIGH: [panjshir] Force size changed: National Resistance Front ~9,000 fighters "
        "(was ≤2,500)",
        "HIGH: [panjshir] Control contested: Bazarak captured (Taliban) (against holds)",
        "[panjshir] New story: پنجشیر: گزارش درگیری\u200cهای تازه در دره",
        "[feed-health] Feed Kabul Wire (kabul-wire) is failing",
        "HIGH: [panjshir] Digest: 3 alerts about 2 stories (1 over the rate limit)",
    ]
    health = _parts(messages[4])["text/plain"]
    assert "Before: healthy\nNow:    failing" in health and "[health] section" in health
    digest = _parts(messages[5])
    assert (
        "\nStory: Fighting for the Panjshir valley — 2 alerts\n"
        "  National Resistance Front — 1 alert\n"
        "    - [changed] Force size changed: National Resistance Front ~9,000 fighters "
        "(was ≤2,500) — Kabul Wire <https://news.example.org/asia/panjshir-nrf-strength>\n"
    ) in digest["text/plain"]
    footer = " ".join(digest["text/plain"].split("\n-- \n")[1].split())
    assert 'edit the [[channels]] entry with name = "email"' in footer
    page = _Page(digest["text/html"])
    assert [text for _, text in page.links] == ["Kabul Wire", "Kabul Wire", "Kabul Wire (Dari)"]
    assert "• Control contested: Bazarak captured (Taliban) (against holds) — Kabul Wire" in (
        page.text
    )


def test_concurrent_sends_each_carry_their_own_text_part() -> None:
    """The text part travels in a context variable: threads sending at once never swap."""
    alerts = [dataclasses.replace(CHANGED, title=f"Alert number {i}") for i in range(6)]
    with smtp_server() as (host, port, messages):
        channel = _channel(host, port)

        def deliver(alert: object) -> None:
            assert send(channel.url, render_for(alert, channel), timeout=10).ok  # type: ignore[arg-type]

        threads = [threading.Thread(target=deliver, args=(a,)) for a in alerts]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(messages) == len(alerts)
    for message in messages:
        number = str(message["Subject"]).rsplit(" ", 1)[1]
        assert _parts(message)["text/plain"].startswith(f"Alert number {number}\n")


def test_notify_test_sends_the_chosen_sample_kinds_and_reports_each(tmp_path: Path) -> None:
    with smtp_server() as (host, port, messages):
        config = write_config(tmp_path, {}, channels={"email": f"mailto://{host}:{port}?{FROM_TO}"})
        args = ["--config", str(config), "notify-test", "email", "--kind", "digest"]
        result = CliRunner().invoke(main, [*args, "--kind", "contested"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "channel 'email': contested test alert accepted",
        "channel 'email': digest test alert accepted",
    ]
    assert [str(m["Subject"]) for m in messages] == [
        "HIGH: [panjshir] TEST Control contested: Bazarak captured (Taliban) (against holds)",
        "HIGH: [panjshir] TEST Digest: 3 alerts about 2 stories (1 over the rate limit)",
    ]


def test_notify_test_says_which_samples_were_refused(tmp_path: Path) -> None:
    with smtp_server() as (host, port, _messages):
        closed = f"mailto://{host}:{port}?{FROM_TO}"
    config = write_config(tmp_path, {}, channels={"email": closed})  # nothing listens there now
    result = CliRunner().invoke(main, ["--config", str(config), "notify-test", "email"])
    assert result.exit_code == 1
    assert "channel 'email': new_fact test alert failed: delivery failed" in result.output
    assert "channel 'email': 6 of 6 not accepted" in result.output
