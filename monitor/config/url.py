"""A feed URL checked the whole way when the configuration is loaded: scheme, host syntax, port.

httpx parses a URL leniently (a space in the host is percent-encoded, port 99999 is kept) and
the mistake surfaces only at the first fetch, deep in the connection code. This check refuses
what can never be fetched, so `monitor check-config` names the key instead.

Host names are held to what DNS can carry: labels of letters, digits, hyphens (not at either
end) and underscores, at most 63 characters each, 253 in all; a non-ASCII name must encode
with IDNA 2008 exactly as httpx will encode it (the `idna` package, `idna.encode(host.lower())`),
and an `xn--` label must decode. IP addresses are taken as the `ipaddress` module reads them,
IPv6 in brackets.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import SplitResult, urlsplit

_LABEL = re.compile(r"(?!-)[A-Za-z0-9_-]{1,63}(?<!-)")
_IPV4_LIKE = re.compile(r"[0-9.]+")
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")


def http_url_problem(url: str) -> str | None:
    """Why `url` cannot be fetched over HTTP(S), or None when it can."""
    if _SPACE_OR_CONTROL.search(url):
        return "must not contain spaces or control characters (write a space as %20)"
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # an unbalanced [ in the host, for one
        return f"is not a valid URL ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        return "must be an http:// or https:// URL"
    if not parts.hostname:
        return "has no host (expected http://HOST/... or https://HOST/...)"
    return _port_problem(parts) or _host_problem(parts.hostname, bracketed="[" in parts.netloc)


def _port_problem(parts: SplitResult) -> str | None:
    try:
        port = parts.port
    except ValueError:
        return f"port {parts.netloc.rpartition(':')[2]!r} is not a number from 1 to 65535"
    if port == 0:
        return "port 0 is not a number from 1 to 65535"
    return None


def _host_problem(host: str, *, bracketed: bool) -> str | None:
    if bracketed:
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return f"host [{host}] is not an IPv6 address"
        return None
    if _IPV4_LIKE.fullmatch(host):
        try:
            ipaddress.IPv4Address(host)
        except ValueError:
            return f"host {host!r} is not an IPv4 address"
        return None
    return _name_problem(host)


def _name_problem(host: str) -> str | None:
    import idna  # the encoder httpx uses; loaded only when a configuration is read

    name = host.removesuffix(".")
    try:
        ascii_name = name if name.isascii() else idna.encode(name.lower()).decode("ascii")
        if any(label.lower().startswith("xn--") for label in ascii_name.split(".")):
            idna.decode(ascii_name)
    except idna.IDNAError as exc:
        return f"host {host!r} is not a valid internationalised domain name ({exc})"
    if len(ascii_name) > 253:
        return f"host {host!r} is longer than 253 characters"
    for label in ascii_name.split("."):
        if not _LABEL.fullmatch(label):
            return (
                f"host {host!r} is not a valid host name (each dot-separated part: 1 to 63"
                " letters, digits, '-' or '_', not starting or ending with '-')"
            )
    return None
