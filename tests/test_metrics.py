"""The labels a feed check is counted under: a small fixed set, whatever the error text says.
The error messages here are those that monitor.fetch and monitor.parse produce."""

from __future__ import annotations

import pytest

from monitor.metrics import fetch_labels

CASES = [
    # (what processing reported, HTTP status, fetch error, final error) -> labels
    (("new", 200, None, None), ("ok", "")),
    (("unchanged", 200, None, None), ("unchanged", "")),
    (("not_modified", 304, None, None), ("not_modified", "")),
    (("error", 503, "HTTP 503 Service Unavailable", None), ("error", "http_5xx")),
    (("error", 404, "HTTP 404 Not Found", None), ("error", "http_4xx")),
    (
        ("error", 301, "HTTP 301 Moved Permanently without a Location header", None),
        ("error", "http_other"),
    ),
    (("error", None, "timed out after 40s", None), ("error", "timeout")),
    (("error", None, "the server stopped answering (read timeout)", None), ("error", "timeout")),
    (("error", None, "could not connect in time", None), ("error", "timeout")),
    (("error", 200, "body too large: more than 1024 bytes", None), ("error", "too_large")),
    (
        (
            "error",
            None,
            "host 'feeds.example' resolves to non-public address 10.0.0.5 (private); "
            "set allow_private = true for this feed to poll it",
            None,
        ),
        ("error", "refused"),
    ),
    (
        ("error", None, "redirect to ftp://x/ refused: scheme 'ftp' is not allowed", None),
        ("error", "refused"),
    ),
    (("error", None, "too many redirects (more than 5)", None), ("error", "refused")),
    (
        (
            "error",
            None,
            "ConnectError: cannot resolve host 'nowhere.example': Name or service not known",
            None,
        ),
        ("error", "dns"),
    ),
    (("error", None, "ConnectError: [Errno 111] Connection refused", None), ("error", "connect")),
    (("error", None, "ConnectError: [Errno 113] No route to host", None), ("error", "connect")),
    (
        ("error", 200, "corrupt gzip body: Error -3 while decompressing", None),
        ("error", "bad_body"),
    ),
    (
        (
            "error",
            None,
            "ConnectError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed",
            None,
        ),
        ("error", "tls"),
    ),
    (("error", None, "unexpected RuntimeError: boom", None), ("error", "other")),
    # the fetch went fine, what came after did not
    (("error", 200, None, "not a feed: an HTML page"), ("error", "parse")),
    (
        ("error", 200, None, "internal error: OperationalError('database is locked')"),
        ("error", "internal"),
    ),
]


@pytest.mark.parametrize(("check", "labels"), CASES)
def test_fetch_labels(
    check: tuple[str, int | None, str | None, str | None], labels: tuple[str, str]
) -> None:
    assert fetch_labels(*check) == labels
