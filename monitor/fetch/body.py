"""Read a response body with a size cap counted after decompression, never holding more.

The raw bytes are decompressed here, in steps of at most BLOCK bytes of output, so that a
compression bomb (10 MB of zeros gzip to 10 kB) stops at the cap instead of expanding in memory.
gzip and deflate always; br only when the `brotli` package (1.2 or newer, which can bound its
output) is installed.
"""

from __future__ import annotations

import importlib
import zlib
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

import httpx

BLOCK = 64 * 1024
MAX_ENCODINGS = 3


class BodyError(Exception):
    """The body cannot be accepted: too large, corrupt, or in an unknown encoding."""


def _bounded_brotli() -> Any:
    try:
        module = importlib.import_module("brotli")
    except ImportError:
        return None
    return module if hasattr(module.Decompressor, "can_accept_more_data") else None


_BROTLI = _bounded_brotli()
ACCEPT_ENCODING = "gzip, deflate, br" if _BROTLI is not None else "gzip, deflate"


class Decoder(Protocol):
    def feed(self, data: bytes) -> Iterator[bytes]: ...


class ZlibDecoder:
    """gzip (wbits 31) or deflate (zlib-wrapped, falling back to raw deflate as servers vary)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._fallback = name == "deflate"
        self._zlib = zlib.decompressobj(zlib.MAX_WBITS if self._fallback else 16 + zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        while not self._zlib.eof:
            try:
                out = self._zlib.decompress(data, BLOCK)
            except zlib.error as exc:
                if not self._fallback:
                    raise BodyError(f"corrupt {self.name} body: {exc}") from None
                self._fallback = False
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                continue
            self._fallback = False
            data = self._zlib.unconsumed_tail
            if out:
                yield out
            if not data and len(out) < BLOCK:
                return  # input used up and nothing pending


class BrotliDecoder:
    name = "br"

    def __init__(self) -> None:
        self._brotli = _BROTLI.Decompressor()

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            yield self._brotli.process(data, output_buffer_limit=BLOCK)
            while not self._brotli.can_accept_more_data():
                yield self._brotli.process(b"", output_buffer_limit=BLOCK)
        except _BROTLI.error as exc:
            raise BodyError(f"corrupt br body: {exc}") from None


def decoders_for(content_encoding: str | None) -> list[Decoder]:
    """Decoders in the order to apply them (the reverse of the header's order)."""
    names = [n.strip().lower() for n in (content_encoding or "").split(",")]
    names = [n for n in names if n and n != "identity"]
    if len(names) > MAX_ENCODINGS:
        raise BodyError(f"too many content encodings: {content_encoding!r}")
    decoders: list[Decoder] = []
    for name in reversed(names):
        if name in ("gzip", "x-gzip", "deflate"):
            decoders.append(ZlibDecoder("deflate" if name == "deflate" else "gzip"))
        elif name == "br" and _BROTLI is not None:
            decoders.append(BrotliDecoder())
        else:
            raise BodyError(f"unsupported Content-Encoding {name!r}")
    return decoders


def _decode(decoders: Sequence[Decoder], data: bytes) -> Iterator[bytes]:
    if not decoders:
        yield data
        return
    for piece in decoders[0].feed(data):
        yield from _decode(decoders[1:], piece)


async def read_body(response: httpx.Response, max_bytes: int) -> bytes:
    """The decoded body, or BodyError once it would pass `max_bytes` (raw or decoded)."""
    decoders = decoders_for(response.headers.get("Content-Encoding"))
    too_large = f"body too large: more than {max_bytes} bytes" + (
        " after decompression" if decoders else ""
    )
    declared = response.headers.get("Content-Length", "")
    if not decoders and declared.isdigit() and int(declared) > max_bytes:
        raise BodyError(too_large)
    body = bytearray()
    raw = 0
    async for chunk in response.aiter_raw():
        raw += len(chunk)
        if raw > max_bytes:
            raise BodyError(f"body too large: more than {max_bytes} bytes")
        for piece in _decode(decoders, chunk):
            if len(body) + len(piece) > max_bytes:
                raise BodyError(too_large)
            body += piece
    return bytes(body)
