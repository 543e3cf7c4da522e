"""Address guard: which IP addresses a feed may make the daemon connect to.

A feed URL must not become a way to probe the operator's own network. Every address a host
resolves to is checked (not the host name: `2130706433`, `0x7f000001`, `0177.0.0.1` and `127.1`
all reach 127.0.0.1 through the system resolver), and IPv6 forms that carry an IPv4 address
(`::ffff:127.0.0.1`, 6to4, Teredo, NAT64, IPv4-compatible) are judged by that address as well.

The permission travels with the request in a context variable (`address_policy`), because one
HTTP client is shared by all feeds while the permission belongs to each feed.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import anyio
import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[Sequence[str]]]
"""Resolves (host, port) to IP address strings; raises httpcore.ConnectError when it cannot."""

_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT (RFC 6598)
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_V4_COMPATIBLE = ipaddress.ip_network("::/96")
_METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)
# What `allow_private` opens: the operator's own networks. Never multicast, broadcast,
# unspecified, reserved, nor the cloud metadata services.
PRIVATE_KINDS = frozenset({"loopback", "private", "link-local", "shared address space (CGNAT)"})


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """`allow_private` opens PRIVATE_KINDS; `endpoints` allows exact (address, port) pairs."""

    allow_private: bool = False
    endpoints: frozenset[tuple[IPAddress, int]] = frozenset()

    @classmethod
    def of(cls, allow_private: bool, endpoints: Iterable[tuple[str, int]] = ()) -> AddressPolicy:
        pairs = frozenset((ipaddress.ip_address(host), port) for host, port in endpoints)
        return cls(allow_private, pairs)


STRICT = AddressPolicy()
_current: ContextVar[AddressPolicy] = ContextVar("monitor_address_policy", default=STRICT)


def current_policy() -> AddressPolicy:
    """The policy of the fetch running in this task (STRICT when none was set)."""
    return _current.get()


@contextmanager
def address_policy(policy: AddressPolicy) -> Iterator[None]:
    """Connections opened inside this block are checked against `policy`."""
    token = _current.set(policy)
    try:
        yield
    finally:
        _current.reset(token)


class BlockedAddress(Exception):
    """The feed's host resolves to an address the daemon must not reach."""


def classify(address: IPAddress) -> str | None:
    """Why an address is not public (e.g. "loopback"), or None for a public unicast address."""
    if address in _METADATA:
        return "cloud metadata service"
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        reason = classify(embedded)
        if reason is not None:
            return reason
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            return None  # the system connects to the IPv4 address itself
    return _own_kind(address)


def _own_kind(address: IPAddress) -> str | None:
    checks: tuple[tuple[bool, str], ...] = (
        (address.is_unspecified, "unspecified"),
        (address.is_loopback, "loopback"),
        (address.is_multicast, "multicast"),
        (address.is_link_local, "link-local"),
        (address in _SHARED, "shared address space (CGNAT)"),
        (address == ipaddress.IPv4Address("255.255.255.255"), "broadcast"),
        (address.is_reserved, "reserved"),
        (address.is_private, "private"),
        (not address.is_global, "non-global"),
    )
    return next((kind for hit, kind in checks if hit), None)


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if any(address in net for net in (*_NAT64, _V4_COMPATIBLE)) and not address.is_loopback:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def refusal(address: IPAddress, port: int, policy: AddressPolicy) -> str | None:
    """Why `policy` refuses a connection to address:port, or None when it allows it."""
    if (address, port) in policy.endpoints:
        return None
    kind = classify(address)
    if kind is None or (policy.allow_private and kind in PRIVATE_KINDS):
        return None
    return kind


async def system_resolver(host: str, port: int) -> Sequence[str]:
    """The operating system's resolver (getaddrinfo), as the connection itself would use."""
    try:
        infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise httpcore.ConnectError(f"cannot resolve host {host!r}: {reason}") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


async def checked_addresses(
    host: str, port: int, policy: AddressPolicy, resolve: Resolver = system_resolver
) -> list[IPAddress]:
    """Resolve `host` and return its addresses; refuse them all if any one is refused, so
    that the answer a connection uses is always an answer that was checked."""
    names = await resolve(host, port)
    if not names:
        raise httpcore.ConnectError(f"cannot resolve host {host!r}: no addresses")
    addresses = [ipaddress.ip_address(name) for name in names]
    for address in addresses:
        kind = refusal(address, port, policy)
        if kind is not None:
            hint = (
                "refused even when the feed allows private addresses"
                if policy.allow_private
                else "set allow_private = true for this feed to poll it"
            )
            raise BlockedAddress(
                f"host {host!r} resolves to non-public address {address} ({kind}); {hint}"
            )
    return addresses
