"""The HTTP transport behind the fetch stage's shared client: the address guard at connect time.

`GuardedBackend` is an httpcore network backend that resolves each host itself, checks every
address against the current fetch's `AddressPolicy` and connects to a checked address; TLS still
verifies the host name (httpcore passes it to `start_tls` separately). Because the check and the
connection use the same DNS answer, a name that changes its answer between the two (DNS
rebinding) cannot slip through, and every redirect hop that opens a connection is checked.

`PolicyTransport` keeps one connection pool per policy, so that a connection opened for a feed
that may reach private addresses is never reused by a feed that may not.

Proxies: environment proxies (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY) are deliberately ignored
(`trust_env=False`): through a proxy the guard would see the proxy's address only, never the
feed's, so a proxy would quietly switch the guard off.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterable

import httpcore
import httpx
from httpcore import AsyncNetworkBackend, AsyncNetworkStream

from monitor.fetch.netguard import (
    AddressPolicy,
    BlockedAddress,
    Resolver,
    checked_addresses,
    current_policy,
    system_resolver,
)

SocketOptions = Iterable[httpcore.SOCKET_OPTION] | None
LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=5)


class GuardedBackend(AsyncNetworkBackend):
    """Connects only to addresses the current fetch's policy allows."""

    def __init__(
        self, resolver: Resolver | None = None, inner: AsyncNetworkBackend | None = None
    ) -> None:
        self.resolver = resolver or system_resolver
        self.inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: SocketOptions = None,
    ) -> AsyncNetworkStream:
        addresses = await checked_addresses(host, port, current_policy(), self.resolver)
        error: Exception | None = None
        for address in addresses:
            try:
                return await self.inner.connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None  # checked_addresses never returns an empty list
        raise error

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: SocketOptions = None
    ) -> AsyncNetworkStream:
        raise BlockedAddress("unix sockets are not allowed")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class PolicyTransport(httpx.AsyncBaseTransport):
    """Routes each request to the connection pool of its fetch's address policy."""

    def __init__(
        self, backend: GuardedBackend, *, verify: ssl.SSLContext | None = None, http2: bool = True
    ) -> None:
        self.backend = backend
        self.http2 = http2
        self._ssl_context = verify or httpx.create_ssl_context(trust_env=False)
        self._transports: dict[AddressPolicy, httpx.AsyncHTTPTransport] = {}

    def _transport(self, policy: AddressPolicy) -> httpx.AsyncHTTPTransport:
        transport = self._transports.get(policy)
        if transport is None:
            transport = httpx.AsyncHTTPTransport(
                verify=self._ssl_context, http2=self.http2, trust_env=False
            )
            # httpx has no parameter for the network backend; its pool is replaced by one built
            # with the same settings and the guarded backend.
            transport._pool = httpcore.AsyncConnectionPool(
                ssl_context=self._ssl_context,
                max_connections=LIMITS.max_connections,
                max_keepalive_connections=LIMITS.max_keepalive_connections,
                keepalive_expiry=LIMITS.keepalive_expiry,
                http1=True,
                http2=self.http2,
                network_backend=self.backend,
            )
            self._transports[policy] = transport
        return transport

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._transport(current_policy()).handle_async_request(request)

    async def aclose(self) -> None:
        transports, self._transports = list(self._transports.values()), {}
        for transport in transports:
            await transport.aclose()
