"""SMS: the exact requests apprise would send to Twilio, Vonage and AWS SNS, caught at requests'
transport adapter. Every message must be one line that says what changed, in at most 160
GSM-7 characters, so that it travels as one segment (checked with an independent GSM 03.38
codec)."""

from __future__ import annotations

import dataclasses

import gsm0338  # type: ignore[import-untyped]  # noqa: F401  (registers "gsm03.38")
import pytest
from http_capture import HttpCapture, form_body, intercept

from monitor.alert.deliver import send
from monitor.alert.render import render_for
from monitor.alert.samples import CHANGED, SAMPLES
from monitor.config import ChannelConfig
from monitor.records import Alert, Quote

SID = "AC0123456789abcdef0123456789abcdef"
TWILIO = ChannelConfig(name="phone", url=f"twilio://{SID}:authtoken123@15551234567/15557654321")
VONAGE = ChannelConfig(name="phone", url="vonage://key123:secret456@15551234567/15557654321")
SNS = ChannelConfig(
    name="phone",
    url="sns://AKIAIOSFODNN7EXAMPLE/wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY/us-east-1/+15557654321",
)

LONG = dataclasses.replace(
    CHANGED,
    title="Force size changed: " + "The Very Long Name Of A Coalition Of Valley Fronts " * 5,
    after="x — " + "A spokesman whose name and titles go on and on " * 4 + "via Kabul Wire",
)
PERSIAN = dataclasses.replace(
    CHANGED,
    title="Leadership: احمد مسعود declared leader of جبهه مقاومت ملی",
    after="احمد مسعود: declared leader — علی میثم نظری via افغانستان اینترنشنال",
    evidence=(Quote("گفت که", "https://fa.example.org/1", "افغانستان اینترنشنال"),),
)
ARABIC = dataclasses.replace(
    CHANGED,
    title="Control: وادي بنجشير captured (طالبان) — “≤ ≥ … ~ ” [x] {y} | ^ \\ `z`",
    after="وادي بنجشير: captured — المتحدث باسم طالبان via الجزيرة",
)
EDGE_CASES = (LONG, PERSIAN, ARABIC)


@pytest.fixture
def http_capture(monkeypatch: pytest.MonkeyPatch) -> HttpCapture:
    return intercept(monkeypatch)


def _sms(capture: HttpCapture, channel: ChannelConfig, alert: Alert, field: str) -> str:
    capture.requests.clear()
    assert send(channel.url, render_for(alert, channel), timeout=5).ok
    [request] = capture.requests  # one message: apprise never had to split it
    assert request.method == "POST"
    return form_body(request)[field]


def _one_segment(text: str) -> None:
    assert "\n" not in text and text == text.strip()
    septets = text.encode("gsm03.38")  # raises on any character outside GSM-7
    assert len(septets) == len(text) <= 160  # no escape-table characters: one septet each


def test_twilio_gets_one_line_that_says_what_changed(http_capture: HttpCapture) -> None:
    body = _sms(http_capture, TWILIO, CHANGED, "Body")
    request = http_capture.requests[0]
    assert request.url == f"https://api.twilio.com/2010-04-01/Accounts/{SID}/Messages.json"
    assert form_body(request) == {
        "Body": "Force size changed: National Resistance Front about 9,000 fighters "
        "(was <=2,500) - NRF spokesman via Kabul Wire",
        "From": "+15551234567",
        "To": "+15557654321",
    }
    _one_segment(body)


def test_vonage_and_sns_get_the_same_line(http_capture: HttpCapture) -> None:
    line = _sms(http_capture, TWILIO, CHANGED, "Body")
    assert _sms(http_capture, VONAGE, CHANGED, "text") == line
    assert http_capture.requests[0].url == "https://rest.nexmo.com/sms/json"
    assert _sms(http_capture, SNS, CHANGED, "Message") == line
    sns = form_body(http_capture.requests[0])
    assert http_capture.requests[0].url == "https://sns.us-east-1.amazonaws.com/"
    assert (sns["Action"], sns["PhoneNumber"]) == ("Publish", "+15557654321")


@pytest.mark.parametrize("alert", SAMPLES + EDGE_CASES, ids=lambda a: a.kind + a.title[:12])
def test_every_alert_fits_one_gsm7_segment(http_capture: HttpCapture, alert: Alert) -> None:
    _one_segment(_sms(http_capture, TWILIO, alert, "Body"))


def test_long_titles_are_clipped_but_keep_who_said_it(http_capture: HttpCapture) -> None:
    body = _sms(http_capture, TWILIO, LONG, "Body")
    head, source = body.rsplit(" - ", 1)
    assert head.startswith("Force size changed: The Very Long Name") and head.endswith("...")
    assert source.startswith("A spokesman whose") and source.endswith("...")
    assert len(source) <= 48 and len(body) <= 160


def test_other_scripts_are_transliterated_not_dropped(http_capture: HttpCapture) -> None:
    persian = _sms(http_capture, TWILIO, PERSIAN, "Body")
    assert persian.startswith("Leadership: ") and " declared leader of " in persian
    assert persian.count(" ") >= 8 and not any(c in persian for c in "?()")  # words kept
    arabic = _sms(http_capture, TWILIO, ARABIC, "Body")
    assert "- \"<= >= ... about \" (x) (y) / / 'z'" in arabic


def test_a_service_with_a_shorter_limit_gets_a_shorter_line() -> None:
    plivo = ChannelConfig(
        name="p", url="plivo://MAAAAAAAAAAAAAAAAAAA/token/15551234567/15557654321"
    )
    rendered = render_for(LONG, plivo)
    assert rendered.title == "" and 130 <= len(rendered.body) <= 140
    _one_segment(rendered.body)
