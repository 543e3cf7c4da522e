"""How long a response stays fresh, and when to come back: the headers the scheduler adapts
its interval to (RFC 9111 Cache-Control, Expires, Age; RFC 9110 Retry-After)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from monitor.httpdate import http_date, parse_retry_after

__all__ = ["parse_cache_lifetime", "parse_retry_after"]


def parse_cache_lifetime(headers: Mapping[str, str], now: datetime) -> float | None:
    """Seconds the response stays fresh for a private cache (RFC 9111), or None when the
    headers say nothing (or forbid caching: no-cache, no-store). max-age wins over s-maxage
    (which is for shared caches; used when it is all there is), which wins over Expires
    (counted from the response's Date when it has one); Age is subtracted."""
    fields = {name.lower(): value for name, value in headers.items()}
    directives = _directives(fields.get("cache-control", ""))
    if "no-store" in directives or "no-cache" in directives:
        return None
    lifetime = _seconds(directives.get("max-age"))
    if lifetime is None:
        lifetime = _seconds(directives.get("s-maxage"))
    if lifetime is None and "expires" in fields:
        expires = http_date(fields["expires"])
        date = http_date(fields.get("date", "")) or now
        lifetime = 0.0 if expires is None else (expires - date).total_seconds()
    if lifetime is None:
        return None
    return max(0.0, lifetime - (_seconds(fields.get("age")) or 0.0))


def _directives(cache_control: str) -> dict[str, str]:
    directives = {}
    for item in cache_control.split(","):
        name, _, value = item.partition("=")
        if name.strip():
            directives[name.strip().lower()] = value.strip().strip('"')
    return directives


def _seconds(value: str | None) -> float | None:
    value = (value or "").strip()
    return float(value) if value.isdigit() else None
