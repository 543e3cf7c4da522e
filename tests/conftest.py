from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from feed_server import FeedServer, feed_server
from smtp_server import smtp_server

from monitor.logs import forget_urls

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "feeds"


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    """A real HTTP server on 127.0.0.1 serving the feeds a test sets."""
    with feed_server() as server:
        yield server


@pytest.fixture
def smtp() -> Iterator[tuple[str, int, list]]:  # type: ignore[type-arg]
    """A real SMTP server on 127.0.0.1: (host, port, received messages)."""
    with smtp_server() as server:
        yield server


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the shared feed corpus is missing: expected it at {CORPUS}")
    return CORPUS


@pytest.fixture(autouse=True)
def _forget_logged_secrets() -> Iterator[None]:
    """Each test starts with no remembered URL secrets: a channel user name from one test's
    config ("monitor") must not mask words in another test's log lines."""
    yield
    forget_urls()
