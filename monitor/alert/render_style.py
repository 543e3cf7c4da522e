"""Which shape a channel's messages take, chosen from its apprise URL unless the config says.

email    mailto://, mailtos:// and the email APIs apprise knows: a subject, an HTML body and
         a text part of our own
slack    slack://: compact mrkdwn with clickable links
sms      twilio://, vonage:// (nexmo://), sns:// and every apprise plugin that sends at most
         160 characters without a title: one GSM-7 line that fits one segment
webhook  json://, jsons://: the alert's fields as JSON (the alert contract in DESIGN.md)
chat     everything else: a title and a body in the format the service prefers
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Literal

Format = Literal["html", "text", "markdown"]
Style = Literal["email", "slack", "sms", "webhook", "chat"]
StyleSetting = Literal["auto", "email", "slack", "sms", "webhook", "chat"]

SMS_CHARS = 160
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*)://")
_SMS_SCHEMES = frozenset({"twilio", "vonage", "nexmo", "sns"})
_WEBHOOK_SCHEMES = frozenset({"json", "jsons"})
_EMAIL_MODULES = frozenset(
    {"sendgrid", "mailgun", "ses", "smtp2go", "sparkpost", "resend", "brevo", "postmark"}
)
# What `_auto_style` answers for these schemes, known without loading apprise's plugin table
# (tests/alert/test_render_style_schemes.py checks that apprise agrees): reading a
# configuration whose channels are email, Slack or webhooks stays cheap for the CLI.
_KNOWN_STYLES: dict[str, Style] = {
    "mailto": "email",
    "mailtos": "email",
    "slack": "slack",
    "json": "webhook",
    "jsons": "webhook",
}
_FORMAT_NAMES: dict[str, Format] = {"html": "html", "text": "text", "markdown": "markdown"}
# The body formats each style can carry; the first is its default.
_STYLE_FORMATS: dict[Style, tuple[Format, ...]] = {
    "email": ("html", "text"),
    "slack": ("markdown",),
    "sms": ("text",),
    "webhook": ("text",),
    "chat": ("text", "markdown", "html"),
}


@dataclass(frozen=True, slots=True)
class ChannelStyle:
    """How to render for one channel: the style, the body format, and for SMS the length cap."""

    style: Style
    body_format: Format
    max_chars: int = SMS_CHARS


def channel_style(
    url: str, setting: StyleSetting = "auto", fmt: Format | None = None
) -> ChannelStyle:
    """The style for the channel at `url`: `setting` unless "auto"; `fmt` (the channel's
    `format`) picks the body format where the style has a choice (email: html or text; chat:
    text, markdown or html) and is otherwise ignored."""
    style = _style(url, setting)
    formats = _STYLE_FORMATS[style]
    if fmt in formats:
        body_format = fmt
    elif style == "chat":
        body_format = _preferred_format(_plugin(url))
    else:
        body_format = formats[0]
    max_chars = _sms_chars(_plugin(url)) if style == "sms" else SMS_CHARS
    return ChannelStyle(style, body_format, max_chars)


def format_problem(url: str, setting: StyleSetting, fmt: Format | None) -> str | None:
    """Why `format = fmt` cannot apply to this channel's style (a config error), else None."""
    if fmt is None:
        return None
    style = _style(url, setting)
    if style not in ("email", "chat") or fmt in _STYLE_FORMATS[style]:
        return None
    allowed = " or ".join(repr(f) for f in _STYLE_FORMATS[style])
    return f"format {fmt!r} does not apply to {style} messages; use {allowed}"


def _style(url: str, setting: StyleSetting) -> Style:
    if setting != "auto":
        return setting
    return _KNOWN_STYLES.get(_scheme(url)) or _auto_style(url, _plugin(url))


@functools.cache
def _plugins() -> Any:
    """apprise's plugin table, loaded when a channel's style or format needs it (it imports
    every plugin: a tenth of a second that a CLI reading its configuration does not pay)."""
    import apprise

    return apprise.NotificationManager()  # type: ignore[no-untyped-call]


def _plugin(url: str) -> Any:
    scheme = _scheme(url)
    if scheme not in _plugins():
        return None
    return _plugins()[scheme]


def _scheme(url: str) -> str:
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else ""


def _auto_style(url: str, plugin: Any) -> Style:
    from apprise.plugins.email import NotifyEmail

    scheme = _scheme(url)
    if plugin is None:
        return "chat"
    if issubclass(plugin, NotifyEmail) or plugin.__module__.rsplit(".", 1)[-1] in _EMAIL_MODULES:
        return "email"
    if scheme == "slack":
        return "slack"
    if scheme in _WEBHOOK_SCHEMES:
        return "webhook"
    if scheme in _SMS_SCHEMES or _short_untitled(plugin):
        return "sms"
    return "chat"


def _short_untitled(plugin: Any) -> bool:
    """An SMS-like service: a body of at most 160 characters and no title of its own."""
    body, title = getattr(plugin, "body_maxlen", None), getattr(plugin, "title_maxlen", None)
    return isinstance(body, int) and 0 < body <= SMS_CHARS and title == 0


def _sms_chars(plugin: Any) -> int:
    body = getattr(plugin, "body_maxlen", None)
    return min(SMS_CHARS, body) if isinstance(body, int) and body > 0 else SMS_CHARS


def _preferred_format(plugin: Any) -> Format:
    """The format the service renders best: the first one its apprise plugin lists."""
    preferred = getattr(plugin, "notify_format", "text")
    if isinstance(preferred, tuple | list):
        preferred = preferred[0] if preferred else "text"
    return _FORMAT_NAMES.get(str(getattr(preferred, "value", preferred)), "text")
