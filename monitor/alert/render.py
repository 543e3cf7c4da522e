"""Render an `Alert` for a channel: pure functions, no I/O.

Every string in an alert comes from feeds, and feed content is hostile input. Each format
neutralises it its own way: HTML escapes every value and only turns http(s) URLs into links,
Markdown backslash-escapes the characters that would start markup, and every format drops
control characters (an ANSI escape sequence in a headline must not repaint the terminal).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from monitor.records import Alert, Quote

Format = Literal["html", "text", "markdown"]

TITLE_CHARS = 150
CONSOLE_QUOTES = 3
CONSOLE_QUOTE_CHARS = 200

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~#])")
_MD_LINE_START = re.compile(r"^([ \t]*\d*)([-+=.)])", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Rendered:
    """An alert ready for one channel: `title` is plain text (an email subject), `body` is in
    `body_format`."""

    title: str
    body: str
    body_format: Format


def render(alert: Alert, fmt: Format) -> Rendered:
    """The alert as a short title and a body in `fmt` ("html", "text" or "markdown")."""
    renderers = {"html": _html, "text": _text, "markdown": _markdown}
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}; expected html, text or markdown")
    return Rendered(title(alert), renderers[fmt](alert), fmt)


def title(alert: Alert) -> str:
    """One short line: `[watch] what changed`, clipped to TITLE_CHARS."""
    return _clip(f"[{_line(alert.watch)}] {_line(alert.title)}", TITLE_CHARS)


def render_console(alert: Alert) -> str:
    """A compact plain-text block for the terminal. Deterministic: the same alert always
    prints the same lines (no clock), so replay output can be compared with polling output."""
    lines = [f"ALERT [{alert.kind}] {_line(alert.watch)}: {_line(alert.title)}"]
    if alert.before is not None:
        lines.append(f"  before: {_line(alert.before)}")
    if alert.after is not None:
        lines.append(f"  now:    {_line(alert.after)}")
    for quote in alert.evidence[:CONSOLE_QUOTES]:
        text = _clip(_line(quote.text), CONSOLE_QUOTE_CHARS)
        lines.append(f"  {_text_quote(Quote(text, quote.url, quote.outlet))}")
    if len(alert.evidence) > CONSOLE_QUOTES:
        lines.append(f"  (+{len(alert.evidence) - CONSOLE_QUOTES} more)")
    return "\n".join(lines)


def _footer(alert: Alert) -> str:
    return (
        f'Sent because watch "{_line(alert.watch)}" fired ({alert.kind}). '
        "To change what it alerts on, edit its [[watches]] entry in the config file."
    )


# -- text ------------------------------------------------------------------------------------


def _text(alert: Alert) -> str:
    parts = [_block(alert.body)]
    changes = [
        f"{label}: {_line(value)}"
        for label, value in (("Before", alert.before), ("Now", alert.after))
        if value is not None
    ]
    if changes:
        parts.append("\n".join(changes))
    if alert.evidence:
        parts.append("\n".join(_text_quote(q) for q in alert.evidence))
    parts.append(f"-- \n{_footer(alert)}")
    return "\n\n".join(p for p in parts if p)


def _text_quote(quote: Quote) -> str:
    url = _line(quote.url)
    return f'"{_line(quote.text)}" — {_line(quote.outlet)}' + (f" <{url}>" if url else "")


# -- html ------------------------------------------------------------------------------------

_P = '<p style="margin:0 0 12px 0">'
_QUOTE = '<blockquote style="margin:0 0 12px 0;padding:0 0 0 10px;border-left:3px solid #ccc">'
_SOURCE = '<span style="color:#555">'
_FOOTER = '<p style="margin:16px 0 0 0;color:#777;font-size:12px">'


def _html(alert: Alert) -> str:
    esc = _html_text
    parts = ['<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4">']
    body = esc(_block(alert.body)).replace("\n", "<br>")
    if body:
        parts.append(f"{_P}{body}</p>")
    changes = [
        f"<strong>{label}:</strong> {esc(_line(value))}"
        for label, value in (("Before", alert.before), ("Now", alert.after))
        if value is not None
    ]
    if changes:
        parts.append(f"{_P}{'<br>'.join(changes)}</p>")
    for quote in alert.evidence:
        source = esc(_line(quote.outlet))
        url = _line(quote.url)
        if _linkable(url):
            href = html.escape(url, quote=True)
            source += f' · <a href="{href}">{esc(url)}</a>'
        elif url:
            source += f" · {esc(url)}"
        parts.append(
            f"{_QUOTE}“{esc(_line(quote.text))}”<br>{_SOURCE}— {source}</span></blockquote>"
        )
    parts.append(f"{_FOOTER}{esc(_footer(alert))}</p>")
    parts.append("</div>")
    return "\n".join(parts)


def _html_text(value: str) -> str:
    return html.escape(value, quote=True)


def _linkable(url: str) -> bool:
    """Only absolute http(s) URLs become links: never javascript:, data: or relative ones."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc) and " " not in url


# -- markdown --------------------------------------------------------------------------------


def _markdown(alert: Alert) -> str:
    parts = [_md_text(_block(alert.body)).replace("\n", "  \n")]
    changes = [
        f"**{label}:** {_md_text(_line(value))}"
        for label, value in (("Before", alert.before), ("Now", alert.after))
        if value is not None
    ]
    if changes:
        parts.append("  \n".join(changes))
    for quote in alert.evidence:
        url = _line(quote.url)
        outlet = _md_text(_line(quote.outlet)) or "source"
        if _linkable(url):
            source = f"[{outlet}]({_md_url(url)})"
        else:
            source = f"{outlet} {_md_text(url)}".rstrip()
        parts.append(f"> “{_md_text(_line(quote.text))}”  \n> — {source}")
    footer = _md_text(_footer(alert)).replace(r"\[\[watches\]\]", "`[[watches]]`")
    parts.append(f"_{footer}_")
    return "\n\n".join(p for p in parts if p)


def _md_text(value: str) -> str:
    """Feed text that Markdown shows as text: no emphasis, links, HTML, headings or lists."""
    escaped = _MD_INLINE.sub(r"\\\1", value)
    return _MD_LINE_START.sub(r"\1\\\2", escaped)


def _md_url(url: str) -> str:
    """A URL that cannot end the `(...)` of a Markdown link early."""
    return url.replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


# -- helpers ---------------------------------------------------------------------------------


def _line(value: str) -> str:
    """One line of text: control characters dropped, whitespace runs collapsed."""
    return " ".join(_CONTROL.sub(" ", value).split())


def _block(value: str) -> str:
    """Text that keeps its line breaks (at most one blank line in a row)."""
    lines = [" ".join(line.split()) for line in _CONTROL.sub(" ", value).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2 :] else cut) + "…"
