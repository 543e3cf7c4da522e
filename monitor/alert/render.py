"""Render an `Alert` for one channel, in the channel's style (see render_style): pure functions
of the alert, the channel's settings and the templates, no I/O.

Templates (see templates.py) shape email, Slack, SMS and chat messages; the webhook JSON is
the alert contract and is built here. A template that still fails at send time (it passed the
samples at start, so this takes an unusual alert) never loses the alert: it is logged and the
alert is rendered with the built-in templates instead.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from monitor.alert.render_style import ChannelStyle, Format, StyleSetting, channel_style
from monitor.alert.render_text import clip, gsm7, line
from monitor.alert.render_view import RenderContext, alert_view
from monitor.alert.samples import SAMPLES
from monitor.records import Alert, Quote, alert_facts_json

# The templates (Jinja2) are imported by the functions that render with them, so that printing
# an alert on the console (`render_console`: `monitor alerts`, `poll`) does not load Jinja2.
if TYPE_CHECKING:
    from monitor.alert.templates import TemplateSet

log = logging.getLogger("monitor.alert.render")


class ChannelSettings(Protocol):
    """What rendering needs of a channel's configuration (`monitor.config.ChannelConfig` has
    it): the alert stage reads no configuration of its own."""

    @property
    def url(self) -> str: ...
    @property
    def style(self) -> StyleSetting: ...
    @property
    def format(self) -> Format | None: ...


TITLE_CHARS = 150
CONSOLE_QUOTES = 3
CONSOLE_QUOTE_CHARS = 200
_CHAT_TEMPLATES: dict[Format, str] = {
    "text": "chat.txt",
    "markdown": "chat.md",
    "html": "chat.html",
}
NO_CONTEXT = RenderContext()


@dataclass(frozen=True, slots=True)
class Rendered:
    """An alert ready for one channel: `title` is plain text (an email subject, empty for SMS),
    `body` is in `body_format`, and `text` is an email's own text/plain part beside an HTML
    body (None: the channel makes its own, if any)."""

    title: str
    body: str
    body_format: Format
    text: str | None = None


def render_for(
    alert: Alert,
    channel: ChannelSettings,
    template_dir: Path | None = None,
    context: RenderContext = NO_CONTEXT,
) -> Rendered:
    """`alert` as the channel should receive it: in the channel's style (`channel.style`, or
    chosen from its URL), with the templates of `template_dir` over the built-in ones
    (`Config.template_dir(channel)`). Never raises for a template: see the module docstring."""
    from monitor.alert.templates import TemplateProblem, default_templates, load_templates

    style = channel_style(channel.url, channel.style, channel.format)
    try:
        templates = load_templates(template_dir)
    except TemplateProblem as problem:  # validated at start; gone or broken since
        log.warning("%s; alert sent with the built-in templates", problem)
        templates = default_templates()
    return render_style(alert, style, templates, context)


def render(alert: Alert, fmt: Format) -> Rendered:
    """`alert` in the body format `fmt`, with the built-in templates, for callers that know
    no channel: "html" is an email (HTML with its own text part), "text" and "markdown" a
    chat message."""
    from monitor.alert.templates import default_templates

    if fmt not in _CHAT_TEMPLATES:
        raise ValueError(f"unknown format {fmt!r}; expected html, text or markdown")
    style = ChannelStyle("email", "html") if fmt == "html" else ChannelStyle("chat", fmt)
    return render_style(alert, style, default_templates(), NO_CONTEXT)


def render_style(
    alert: Alert, style: ChannelStyle, templates: TemplateSet, context: RenderContext
) -> Rendered:
    """`alert` in `style`; falls back to the built-in templates if a user template fails."""
    try:
        return _render(alert, style, templates, context)
    except Exception as exc:  # a user template can raise anything; the alert must still go
        if templates.directory is None:
            raise
        log.warning(
            "template error in %s for alert kind=%s: %s; sent with the built-in templates",
            templates.directory,
            alert.kind,
            exc,
        )
        from monitor.alert.templates import default_templates

        return _render(alert, style, default_templates(), context)


def _render(
    alert: Alert, style: ChannelStyle, templates: TemplateSet, context: RenderContext
) -> Rendered:
    if style.style == "webhook":
        return Rendered(title(alert), alert_json(alert, context), "text")
    if style.style == "sms":
        view = alert_view(alert, context, sms=True)
        text = templates.render("sms.txt", a=view, limit=style.max_chars)
        return Rendered("", clip(gsm7(text), style.max_chars, "..."), "text")
    view = alert_view(alert, context)
    if style.style == "slack":
        return Rendered(title(alert), templates.render("slack.md", a=view).strip(), "markdown")
    if style.style == "chat":
        body = templates.render(_CHAT_TEMPLATES[style.body_format], a=view).strip()
        return Rendered(title(alert), body, style.body_format)
    subject = clip(line(templates.render("email_subject.txt", a=view)), TITLE_CHARS)
    text = templates.render("email.txt", a=view).strip() + "\n"
    if style.body_format == "text":
        return Rendered(subject, text, "text")
    return Rendered(subject, templates.render("email.html", a=view).strip(), "html", text)


def title(alert: Alert) -> str:
    """One short line: `[watch] what changed`, clipped to TITLE_CHARS."""
    return clip(f"[{line(alert.watch)}] {line(alert.title)}", TITLE_CHARS)


def alert_json(alert: Alert, context: RenderContext = NO_CONTEXT) -> str:
    """The alert contract of DESIGN.md as JSON (what a json:// webhook receives as its
    message): for a fact alert, the facts it compares (`records.alert_facts_json`). Values are
    the alert's own: JSON escaping makes any text safe to carry. The
    delivery `status` is not part of it: while a message is in flight it has none yet."""
    return json.dumps(
        {
            "id": context.alert_id,
            "kind": alert.kind,
            "watch": alert.watch,
            "title": alert.title,
            "body": alert.body,
            **alert_facts_json(alert),
            "evidence": [
                {"quote": q.text, "url": q.url, "outlet": q.outlet} for q in alert.evidence
            ],
            "channels": list(alert.channels),
            "severity": alert.severity,
            "fact_kind": alert.fact_kind,
            "entities": list(alert.entities),
            "story_id": alert.story_id,
            "outlets": list(context.outlets),
        },
        ensure_ascii=False,
    )


def template_problems(directory: Path | None) -> list[str]:
    """Everything wrong with the templates in `directory`: files that do not compile, and
    templates that fail on any sample alert in any style. Empty when they are fine."""
    from monitor.alert.templates import TemplateProblem, load_templates

    try:
        templates = load_templates(directory)
    except TemplateProblem as problem:
        return [str(problem)]
    problems: list[str] = []
    styles = [
        ChannelStyle("email", "html"),
        ChannelStyle("slack", "markdown"),
        ChannelStyle("sms", "text"),
        *(ChannelStyle("chat", fmt) for fmt in _CHAT_TEMPLATES),
    ]
    for style in styles:
        for sample in SAMPLES:
            try:
                _render(sample, style, templates, RenderContext(1, ("Kabul Wire", "Wire Two")))
            except Exception as exc:  # whatever a template raises is the user's to fix
                where = f"{templates.directory}: " if templates.directory else ""
                problems.append(
                    f"{where}{style.style} template fails on a {sample.kind} alert: {exc}"
                )
                break
    return problems


def render_console(alert: Alert) -> str:
    """A compact plain-text block for the terminal. Deterministic: the same alert always
    prints the same lines (no clock), so replay output can be compared with polling output."""
    lines = [f"ALERT [{alert.kind}] {line(alert.watch)}: {line(alert.title)}"]
    if alert.before is not None:
        lines.append(f"  before: {line(alert.before)}")
    if alert.after is not None:
        lines.append(f"  now:    {line(alert.after)}")
    for quote in alert.evidence[:CONSOLE_QUOTES]:
        text = clip(line(quote.text), CONSOLE_QUOTE_CHARS)
        lines.append(f"  {_console_quote(replace(quote, text=text))}")
    if len(alert.evidence) > CONSOLE_QUOTES:
        lines.append(f"  (+{len(alert.evidence) - CONSOLE_QUOTES} more)")
    return "\n".join(lines)


def _console_quote(quote: Quote) -> str:
    url = line(quote.url)
    return f'"{line(quote.text)}" — {line(quote.outlet)}' + (f" <{url}>" if url else "")


__all__ = [
    "RenderContext",
    "Rendered",
    "StyleSetting",
    "alert_json",
    "render",
    "render_console",
    "render_for",
    "render_style",
    "template_problems",
    "title",
]
