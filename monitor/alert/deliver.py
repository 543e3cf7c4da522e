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
query values wherever they occur; apprise's own log records (and urllib3's request lines) are
redacted the same way before any handler sees them.

Idempotency: `send(..., idempotency_key=KEY)` sends the same key every time the same (alert,
channel) is sent, so a resend after a crash can be recognised downstream:
  - email: the Message-ID is `<KEY@smtp-host>`;
  - apprise plugins that take extra HTTP headers (json://, xml://, form://, ...): an
    `Idempotency-Key: KEY` header;
  - any other channel: a last line `ref: KEY` in the body, unless the body is a single line
    (an SMS stays one short line).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from html import escape
from typing import Any

import apprise
from apprise.plugins.email import NotifyEmail

from monitor.alert.apprise_hooks import capture
from monitor.alert.render import Rendered
from monitor.alert.render_email import own_text_part
from monitor.alert.retry import judge_http
from monitor.redact.channels import SECRETS, guard_loggers, redact

ERROR_CHARS = 300

_FORMATS = {
    "html": apprise.NotifyFormat.HTML,
    "text": apprise.NotifyFormat.TEXT,
    "markdown": apprise.NotifyFormat.MARKDOWN,
}
# apprise's process-wide plugin table (a singleton; @notify-registered schemes appear in it too).
_PLUGINS: Any = apprise.NotificationManager()  # type: ignore[no-untyped-call]
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
IDEMPOTENCY_HEADER = "Idempotency-Key"


@dataclass(frozen=True, slots=True)
class DeliveryResult:
    """Whether the channel accepted the alert; `error` says why not, without secrets.
    `retry_after`: seconds the server asked us to wait (HTTP 429/503 with Retry-After);
    `permanent`: retrying cannot help until the configuration changes (see monitor.alert.retry).
    """

    ok: bool
    error: str | None = None
    retry_after: float | None = None
    permanent: bool = False


def check_url(url: str) -> str | None:
    """An error message when apprise cannot use `url`, else None (for `monitor check-config`)."""
    return _load(url)[1]


def _utcnow() -> datetime:
    return datetime.now(UTC)


def send(
    url: str,
    rendered: Rendered,
    *,
    timeout: float = 30,
    idempotency_key: str | None = None,
    clock: Callable[[], datetime] = _utcnow,
) -> DeliveryResult:
    """Deliver `rendered` to the channel at `url`, waiting at most `timeout` seconds, marked
    with `idempotency_key` where the channel allows (see the module docstring). `clock` reads
    an HTTP-date Retry-After.

    Thread-safe: every call works on its own apprise objects, and apprise collects the log
    lines of a call in context variables, so concurrent calls never see each other's errors.
    """
    if not timeout > 0:
        raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")
    guard_loggers()
    SECRETS.remember(url)
    notifier, problem = _load(url)
    if notifier is None:
        return DeliveryResult(False, problem, permanent=True)
    for service in notifier:
        # A socket wait longer than the whole call would only leave an abandoned thread behind.
        service.socket_connect_timeout = min(service.socket_connect_timeout, timeout)
        service.socket_read_timeout = min(service.socket_read_timeout, timeout)
        if idempotency_key is not None:
            rendered = _mark(service, rendered, idempotency_key)
    with capture(idempotency_key) as answers, own_text_part(rendered.text):
        try:
            result = notifier.notify(
                body=rendered.body,
                title=rendered.title,
                body_format=_FORMATS[rendered.body_format],
                timeout=timeout,
                log_level=logging.WARNING,
            )
        except Exception as exc:  # apprise reports failures as results; a plugin bug
            error = redact(f"apprise raised {type(exc).__name__}: {exc}", url)
            return DeliveryResult(False, _shorten(error))
    try:
        if _succeeded(result):
            return DeliveryResult(True)
        verdict = judge_http(answers, clock())
        return DeliveryResult(False, _reason(result, url), verdict.retry_after, verdict.permanent)
    finally:
        close = getattr(result, "close", None)
        if callable(close):
            close()  # AppriseResult may hold captured logs in a temporary file


def _mark(service: Any, rendered: Rendered, key: str) -> Rendered:
    """Carry `key` in what `service` sends: the email Message-ID (set while sending, by
    `capture`), an HTTP header, or else a footer line."""
    if isinstance(service, NotifyEmail):
        return rendered
    headers = getattr(service, "headers", None)
    if "headers" in service.template_kwargs and isinstance(headers, dict):
        headers[IDEMPOTENCY_HEADER] = key
        return rendered
    if "\n" not in rendered.body.strip():
        return rendered
    if rendered.body_format == "html":
        return replace(rendered, body=f"{rendered.body}\n<p>ref: {escape(key)}</p>")
    return replace(rendered, body=f"{rendered.body.rstrip()}\n\nref: {key}")


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


def _shorten(message: str) -> str:
    message = " ".join(message.split())
    return message if len(message) <= ERROR_CHARS else message[: ERROR_CHARS - 1] + "…"


__all__ = ["DeliveryResult", "check_url", "redact", "send"]
