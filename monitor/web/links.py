"""Which URLs from feeds may become links on a page."""

from __future__ import annotations

from urllib.parse import urlsplit


def safe_link(url: str | None) -> str | None:
    """A URL fit for an href: http(s) only. Feed content is hostile, and a `javascript:` link
    would run in the page when clicked."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None
