"""What apprise does not let a caller see or set, reached through context variables.

- **The HTTP answers of a send.** apprise's webhook plugins call `requests` and keep the
  response to themselves, so a 429 with `Retry-After` would look like any other failure. Every
  `requests.Session` is created with our response hook; the hook records (status, Retry-After)
  only while `capture()` is active in the current context. apprise runs each plugin in a copy of
  the caller's context, so the answers of one send never mix with another's, whatever thread
  they arrive on.
- **The email Message-ID.** apprise makes a random one per message; a resend after a crash
  must carry the same one, so the receiving side (or a person) can tell it is a repeat. While
  `capture(key)` is active the email plugin's Message-ID is `<KEY@smtp-host>`.

Outside `capture()` both hooks do exactly what the libraries did before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import apprise.plugins.email.base as email_plugin
import requests.sessions


@dataclass(frozen=True, slots=True)
class HttpAnswer:
    """One HTTP response a plugin received while sending."""

    status: int
    retry_after: str | None


_answers: ContextVar[list[HttpAnswer] | None] = ContextVar("monitor_http_answers", default=None)
_message_key: ContextVar[str | None] = ContextVar("monitor_message_key", default=None)
_installed: list[bool] = []


def _observe(response: requests.Response, *_args: Any, **_kwargs: Any) -> requests.Response:
    answers = _answers.get()
    if answers is not None:
        answers.append(HttpAnswer(response.status_code, response.headers.get("Retry-After")))
    return response


def _with_observer(original: Callable[[], dict[str, list[Any]]]) -> Callable[[], Any]:
    def default_hooks() -> dict[str, list[Any]]:
        hooks = original()
        hooks.setdefault("response", []).append(_observe)
        return hooks

    return default_hooks


def _with_fixed_id(original: Callable[..., str]) -> Callable[..., str]:
    def make_msgid(idstring: str | None = None, domain: str | None = None) -> str:
        key = _message_key.get()
        if key is None:
            return original(idstring=idstring, domain=domain)
        return f"<{key}@{domain or 'monitor.invalid'}>"

    return make_msgid


def install() -> None:
    """Put both hooks in place (once per process)."""
    if _installed:
        return
    sessions: Any = requests.sessions  # the stubs do not list the names it imports
    sessions.default_hooks = _with_observer(sessions.default_hooks)
    plugin: Any = email_plugin
    plugin.make_msgid = _with_fixed_id(plugin.make_msgid)
    _installed.append(True)


@contextmanager
def capture(message_key: str | None = None) -> Iterator[list[HttpAnswer]]:
    """Collect the HTTP answers of what runs inside the block, and give emails sent inside it
    the Message-ID made from `message_key`."""
    install()
    answers: list[HttpAnswer] = []
    answers_token = _answers.set(answers)
    key_token = _message_key.set(message_key)
    try:
        yield answers
    finally:
        _message_key.reset(key_token)
        _answers.reset(answers_token)
