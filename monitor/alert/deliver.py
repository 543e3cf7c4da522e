"""Send a rendered alert to one channel through apprise (the I/O edge of the alert stage).

A channel is an apprise URL. For email to an SMTP server without TLS (a relay on the same host
or LAN, or a test server on 127.0.0.1) the working shape is

    mailto://HOST:PORT?from=monitor@example.com&to=ops@example.org
    mailto://USER:PASSWORD@HOST:PORT?from=monitor@example.com&to=ops@example.org

`mailto://` speaks plain SMTP (port 25 by default), `mailtos://` uses STARTTLS (587) and
`mailtos://...?mode=ssl` implicit TLS (465). The user and password are optional: without them
apprise sends without logging in. Use `?smtp=HOST` when the SMTP server is not the host named in
the URL.

`send` builds a new `apprise.Apprise` for every call instead of caching one per URL:
  - thread safety: the caller runs `send` in worker threads, and a plugin object keeps state
    between calls (the throttle clock, delivery bookkeeping), so sharing one across threads
    would need locks;
  - apprise throttles every plugin object: the email plugin waits 5.5 s between two sends
    through the same object, so a cached object would stall a burst of alerts (and turn a short
    `timeout` into a failure); pacing belongs to the outbox, not to apprise;
  - a reloaded configuration can never reach a stale URL (or keep an old password in memory).
Parsing a URL costs microseconds; apprise loads its plugin table once per process.

Errors never contain the URL: it can carry passwords and tokens. Everything apprise says about
a failure is passed through `redact`, which masks the URL's user, password, path segments and
query values wherever they occur.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import apprise

from monitor.alert.render import Rendered

ERROR_CHARS = 300

_FORMATS = {
    "html": apprise.NotifyFormat.HTML,
    "text": apprise.NotifyFormat.TEXT,
    "markdown": apprise.NotifyFormat.MARKDOWN,
}
# apprise's process-wide plugin table (a singleton; @notify-registered schemes appear in it too).
_PLUGINS: Any = apprise.NotificationManager()  # type: ignore[no-untyped-call]
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_USERINFO = re.compile(r"(://)[^/@\s]+@")
_QUERY_VALUE = re.compile(r"([?&][^=&\s]+=)[^&\s]+")
# URL options that never hold a secret, so error messages may show them.
_PLAIN_OPTIONS = frozenset(
    {"mode", "format", "overflow", "verify", "cto", "rto", "retry", "wait", "optional", "smtp"}
)


@dataclass(frozen=True, slots=True)
class DeliveryResult:
    """Whether the channel accepted the alert; `error` says why not, without secrets."""

    ok: bool
    error: str | None = None


def check_url(url: str) -> str | None:
    """An error message when apprise cannot use `url`, else None (for `monitor check-config`)."""
    return _load(url)[1]


def send(url: str, rendered: Rendered, *, timeout: float = 30) -> DeliveryResult:
    """Deliver `rendered` to the channel at `url`, waiting at most `timeout` seconds.

    Thread-safe: every call works on its own apprise objects, and apprise collects the log
    lines of a call in context variables, so concurrent calls never see each other's errors.
    """
    if not timeout > 0:
        raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")
    notifier, problem = _load(url)
    if notifier is None:
        return DeliveryResult(False, problem)
    for service in notifier:
        # A socket wait longer than the whole call would only leave an abandoned thread behind.
        service.socket_connect_timeout = min(service.socket_connect_timeout, timeout)
        service.socket_read_timeout = min(service.socket_read_timeout, timeout)
    try:
        result = notifier.notify(
            body=rendered.body,
            title=rendered.title,
            body_format=_FORMATS[rendered.body_format],
            timeout=timeout,
            log_level=logging.WARNING,
        )
    except Exception as exc:  # apprise reports failures as results; this is a bug in a plugin
        return DeliveryResult(False, redact(f"apprise raised {type(exc).__name__}: {exc}", url))
    try:
        if _succeeded(result):
            return DeliveryResult(True)
        return DeliveryResult(False, _reason(result, url))
    finally:
        close = getattr(result, "close", None)
        if callable(close):
            close()  # AppriseResult may hold captured logs in a temporary file


def _succeeded(result: Any) -> bool:
    """apprise 1.x returns True, False or None (nothing sent); 2.x returns an AppriseResult
    that is truthy only when its status is SUCCESS. Only those two count as delivered."""
    if result is None or isinstance(result, bool):
        return result is True
    return isinstance(result, apprise.AppriseResult) and bool(result)


def _reason(result: Any, url: str) -> str:
    """What went wrong, from the WARNING and ERROR lines apprise logged during this call."""
    status = getattr(getattr(result, "status", None), "name", None)
    messages: list[str] = ["nothing was sent"] if status == "NOMATCH" else []
    logs = getattr(result, "logs", None)
    for entry in logs() if callable(logs) else ():
        message = redact(entry.message, url)
        if entry.level in ("WARNING", "ERROR", "CRITICAL") and message not in messages:
            messages.append(message)
    head = f"delivery failed ({status.lower()})" if status else "delivery failed"
    return _shorten(f"{head}: {'; '.join(messages) or 'apprise gave no reason'}")


def _load(url: str) -> tuple[Any, str | None]:
    """An `apprise.Apprise` holding the one service `url` names, or (None, why not)."""
    match = _SCHEME.match(url.strip())
    if match is None:
        return None, "not an apprise URL (expected scheme://...)"
    scheme = match.group(1).lower()
    if scheme not in _PLUGINS:
        return None, f"apprise cannot use this URL (unknown scheme {scheme!r})"
    plugin = _PLUGINS[scheme]
    if not plugin.enabled:
        return None, f"apprise cannot use this URL ({scheme}:// is disabled on this system)"
    try:
        service = apprise.Apprise.instantiate(url.strip(), suppress_exceptions=False)
    except Exception as exc:  # plugins raise what they like on a bad argument
        reason = redact(str(exc), url) or type(exc).__name__
        return None, _shorten(f"apprise cannot use this {plugin.service_name} URL: {reason}")
    if service is None:
        return None, f"apprise cannot parse this {plugin.service_name} URL ({scheme}://)"
    notifier = apprise.Apprise()
    if not notifier.add(service):
        return None, f"apprise cannot use this {plugin.service_name} URL ({scheme}://)"
    return notifier, None


def redact(message: str, url: str) -> str:
    """`message` with every secret-looking part of `url` masked as `***`."""
    message = _USERINFO.sub(r"\1***@", message)
    message = _QUERY_VALUE.sub(r"\1***", message)
    for secret in sorted(_secrets(url), key=len, reverse=True):
        if len(secret) >= 4:
            message = message.replace(secret, "***")
        else:
            message = re.sub(rf"(?<![\w.-]){re.escape(secret)}(?![\w.-])", "***", message)
    return message


def _secrets(url: str) -> set[str]:
    """Parts of an apprise URL that may be credentials: user, password, host-like tokens (as in
    tgram://TOKEN/CHAT), path segments and query values other than plain options."""
    url = url.strip()
    found = {url}
    try:
        parts = urlsplit(url)
        candidates = [parts.username, parts.password, *parts.path.split("/")]
    except ValueError:  # not even a URL: mask every word after the scheme
        return found | set(re.split(r"[:/@?&=#\s]+", url.split("://", 1)[-1])) - {""}
    for piece in re.split(r"[:@]", parts.netloc):
        if not ((piece.isdigit() and len(piece) <= 5) or piece == "localhost" or "." in piece):
            candidates.append(piece)  # a token where a host name (or port) would be
    candidates += [v for k, v in parse_qsl(parts.query) if k.lower() not in _PLAIN_OPTIONS]
    for value in candidates:
        if value:
            found.update({value, unquote(value)})
    return {s for s in found if s.strip()}


def _shorten(message: str) -> str:
    message = " ".join(message.split())
    return message if len(message) <= ERROR_CHARS else message[: ERROR_CHARS - 1] + "…"


__all__ = ["DeliveryResult", "check_url", "redact", "send"]
