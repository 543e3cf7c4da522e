"""Give apprise's email plugin our own text/plain part.

Given an HTML body, apprise's email plugin (mailto://, mailtos://) builds a
multipart/alternative message whose text part is apprise's own conversion of the HTML
(`convert_between(HTML, TEXT, body)` in `apprise.plugins.email.base`). That conversion drops
link targets and runs block quotes together, and apprise has no parameter for supplying the
text part instead. So, while `own_text_part(text)` is active, the email plugin's conversion
returns `text`.

The hook is installed once, wraps only the name the email plugin calls, and consults a
context variable: apprise copies the caller's context into the threads it sends from, so
concurrent sends each see their own text, and every other caller (other plugins, other
threads, calls outside `own_text_part`) gets apprise's conversion unchanged. If a future apprise
drops that name, nothing is wrapped and email falls back to apprise's own text part
(tests/alert/test_channels_email.py notices).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from apprise import NotifyFormat
from apprise.plugins.email import base as email_base

_TEXT_PART: ContextVar[str | None] = ContextVar("monitor_email_text_part", default=None)
_INSTALL = threading.Lock()
_MARK = "_monitor_own_text_part"


@contextmanager
def own_text_part(text: str | None) -> Iterator[None]:
    """Within this block, an HTML email sent through apprise carries `text` as its text/plain
    part (None: apprise's own conversion)."""
    _install()
    token = _TEXT_PART.set(text)
    try:
        yield
    finally:
        _TEXT_PART.reset(token)


def _install() -> None:
    with _INSTALL:
        original = getattr(email_base, "convert_between", None)
        if original is None or getattr(original, _MARK, False):
            return
        email_base.convert_between = _wrap(original)  # type: ignore[attr-defined]


def _wrap(original: Callable[..., Any]) -> Callable[..., Any]:
    def convert_between(from_format: Any, to_format: Any, content: Any = None) -> Any:
        text = _TEXT_PART.get()
        if text is not None and from_format == NotifyFormat.HTML and to_format == NotifyFormat.TEXT:
            return text
        return original(from_format, to_format, content)

    setattr(convert_between, _MARK, True)
    return convert_between
