"""A feed farm on loopback, meant to run in its own process so that its CPU is not the daemon's.

    python -m benchmarks.farm --feeds 1000 [--items 20-50] [--hosts 20] [--seed 1]

N feeds, half RSS 2.0 (authors as dc:creator, as most CMS feeds give them) and half Atom,
each with 20-50 items (`--items`) of generated prose (a small share mentions the watch terms),
listening on 127.0.0.1 .. 127.0.0.<hosts> on one port, so that a client's per-host cap applies
as it would on the web. Feeds answer with ETag and
Last-Modified, and 304 to a matching If-None-Match / If-Modified-Since, except a share of them
(5% by default) that ignore conditional requests and send no validators: always 200, same body
until they change.

Control, on any of the addresses:
  GET  /_info              the feeds (path, host, format, conditional) as JSON
  POST /_advance?share=0.1 next round: that share of feeds gets 1-3 new items prepended (new
                           GUIDs; the oldest drop off); answers the changed feed indices as JSON
  GET  /_stats             requests served and the farm's CPU seconds
  GET  /_state             per feed: ETag, Last-Modified, SHA-256 of the body and the GUIDs it
                           lists (to seed a store as if every feed had been read once)

The server is a minimal HTTP/1.1 keep-alive responder on asyncio streams (stdlib only); a
feed's body is rendered once per change, so serving is a dictionary lookup and a write. The farm
prints `READY <port>` when it listens and exits when its standard input closes (the parent died)
or on SIGTERM/SIGINT.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import random
import re
import signal
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from typing import Literal
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

from benchmarks.corpus import Article, Corpus

EPOCH = datetime(2021, 9, 1, tzinfo=UTC)
_GUID = re.compile(rb"<(?:guid|id)\b[^>]*>([^<]+)<")
Kind = Literal["rss", "atom"]


@dataclass
class FarmFeed:
    index: int
    kind: Kind
    host: str
    conditional: bool
    capacity: int
    items: list[bytes] = field(default_factory=list)  # rendered, newest first
    next_item: int = 0
    version: int = 0
    body: bytes = b""
    etag: str = ""
    modified: datetime = EPOCH
    last_modified: str = ""

    @property
    def path(self) -> str:
        return f"/feeds/{self.index:05d}.{self.kind}"


class Farm:
    def __init__(
        self,
        feeds: int,
        *,
        hosts: int,
        seed: int,
        no_conditional_share: float,
        watch_share: float,
        items: tuple[int, int] = (20, 50),
    ) -> None:
        self.rng = random.Random(seed)
        self.corpus = Corpus(seed)
        self.watch_share = watch_share
        self.round = 0
        self.requests = 0
        self.hosts = [f"127.0.0.{i + 1}" for i in range(hosts)]
        no_conditional = set(self.rng.sample(range(feeds), round(feeds * no_conditional_share)))
        self.feeds: list[FarmFeed] = []
        for index in range(feeds):
            feed = FarmFeed(
                index=index,
                kind="rss" if index % 2 == 0 else "atom",
                host=self.hosts[index % hosts],
                conditional=index not in no_conditional,
                capacity=self.rng.randint(*items),
            )
            for _ in range(feed.capacity):
                feed.items.append(self._item(feed, EPOCH - timedelta(minutes=37 * feed.next_item)))
            self._render(feed, EPOCH)
            self.feeds.append(feed)
        self.by_path = {f.path: f for f in self.feeds}

    def _item(self, feed: FarmFeed, published: datetime) -> bytes:
        n = feed.next_item
        feed.next_item += 1
        article = self.corpus.article(self.rng.random() < self.watch_share)
        site = f"outlet{feed.index:05d}.example"
        link = f"https://{site}/news/{published:%Y/%m/%d}/story-{n}?utm_source=rss"
        guid = f"tag:{site},2021:story-{n}"
        return _render_item(feed.kind, article, link, guid, published)

    def _render(self, feed: FarmFeed, modified: datetime) -> None:
        feed.version += 1
        feed.modified = modified
        feed.last_modified = format_datetime(modified, usegmt=True)
        feed.etag = f'"{feed.index:x}-{feed.version}"'
        site = f"outlet{feed.index:05d}.example"
        title = escape(f"Outlet {feed.index} - World news")
        items = b"".join(feed.items)
        if feed.kind == "rss":
            head = (
                '<?xml version="1.0" encoding="utf-8"?>\n'
                '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
                f"<title>{title}</title><link>https://{site}/</link>"
                f"<description>News from outlet {feed.index}</description>"
                f"<lastBuildDate>{feed.last_modified}</lastBuildDate>"
            )
            tail = "</channel></rss>\n"
        else:
            head = (
                '<?xml version="1.0" encoding="utf-8"?>\n'
                '<feed xmlns="http://www.w3.org/2005/Atom">'
                f'<title>{title}</title><link href="https://{site}/"/>'
                f"<id>tag:{site},2021:feed</id><updated>{modified.isoformat()}</updated>"
            )
            tail = "</feed>\n"
        feed.body = head.encode() + items + tail.encode()

    def advance(self, share: float) -> dict[str, object]:
        """The next round: `share` of the feeds publish 1-3 new items each."""
        self.round += 1
        now = EPOCH + timedelta(hours=self.round)
        changed = sorted(self.rng.sample(range(len(self.feeds)), round(len(self.feeds) * share)))
        new_items = 0
        for index in changed:
            feed = self.feeds[index]
            fresh = [
                self._item(feed, now - timedelta(minutes=k)) for k in range(self.rng.randint(1, 3))
            ]
            new_items += len(fresh)
            feed.items = (fresh + feed.items)[: feed.capacity]
            self._render(feed, now)
        return {"round": self.round, "changed": changed, "new_items": new_items}

    def info(self) -> dict[str, object]:
        return {
            "feeds": [
                {"path": f.path, "host": f.host, "kind": f.kind, "conditional": f.conditional}
                for f in self.feeds
            ],
            "bytes": sum(len(f.body) for f in self.feeds),
        }

    def state(self) -> dict[str, object]:
        return {
            "feeds": [
                {
                    "etag": f.etag if f.conditional else None,
                    "last_modified": f.last_modified if f.conditional else None,
                    "sha256": hashlib.sha256(f.body).hexdigest(),
                    "guids": [_guid(item) for item in f.items],
                }
                for f in self.feeds
            ]
        }

    def respond(
        self, method: str, target: str, headers: dict[str, str]
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        self.requests += 1
        parts = urlsplit(target)
        feed = self.by_path.get(parts.path)
        if feed is not None and method in ("GET", "HEAD"):
            return _serve_feed(feed, headers)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        if parts.path == "/_advance" and method == "POST":
            return _json(self.advance(float(query.get("share", "0.1"))))
        if parts.path == "/_info":
            return _json(self.info())
        if parts.path == "/_state":
            return _json(self.state())
        if parts.path == "/_stats":
            return _json({"requests": self.requests, "cpu_seconds": time.process_time()})
        return 404, [("Content-Type", "text/plain")], b"not found\n"


def _serve_feed(
    feed: FarmFeed, headers: dict[str, str]
) -> tuple[int, list[tuple[str, str]], bytes]:
    if not feed.conditional:
        return 200, [("Content-Type", _content_type(feed.kind))], feed.body
    validators = [("ETag", feed.etag), ("Last-Modified", feed.last_modified)]
    if _not_modified(feed, headers):
        return 304, validators, b""
    return 200, [("Content-Type", _content_type(feed.kind)), *validators], feed.body


def _not_modified(feed: FarmFeed, headers: dict[str, str]) -> bool:
    if (tags := headers.get("if-none-match")) is not None:
        return feed.etag in (t.strip().removeprefix("W/") for t in tags.split(","))
    if (since := headers.get("if-modified-since")) is not None:
        try:
            return parsedate_to_datetime(since) >= feed.modified
        except (TypeError, ValueError):
            return False
    return False


def _guid(item: bytes) -> str:
    found = _GUID.search(item)
    if found is None:
        raise ValueError(f"an item without a guid: {item[:80]!r}")
    return found.group(1).decode()


def _content_type(kind: Kind) -> str:
    return f"application/{kind}+xml; charset=utf-8"


def _json(value: object) -> tuple[int, list[tuple[str, str]], bytes]:
    return 200, [("Content-Type", "application/json")], json.dumps(value).encode()


def _render_item(kind: Kind, article: Article, link: str, guid: str, published: datetime) -> bytes:
    html = "".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
    title, link, summary = escape(article.title), escape(link), escape(html)
    if kind == "rss":
        return (
            f"<item><title>{title}</title><link>{link}</link>"
            f'<guid isPermaLink="false">{guid}</guid>'
            f"<pubDate>{format_datetime(published, usegmt=True)}</pubDate>"
            "<dc:creator>News desk</dc:creator>"
            f"<description>{summary}</description></item>"
        ).encode()
    return (
        f'<entry><title>{title}</title><link href="{link}"/><id>{guid}</id>'
        f"<published>{published.isoformat()}</published>"
        f"<updated>{published.isoformat()}</updated><author><name>News desk</name></author>"
        f'<summary type="html">{summary}</summary></entry>'
    ).encode()


REASONS = {200: "OK", 304: "Not Modified", 400: "Bad Request", 404: "Not Found"}


async def _handle(farm: Farm, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """HTTP/1.1 with keep-alive: request line and headers, an optional Content-Length body
    (read and ignored), one response, repeat until the client closes or asks to close."""
    try:
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                return
            lines = head.decode("latin-1").split("\r\n")
            try:
                method, target, version = lines[0].split(" ", 2)
            except ValueError:
                return
            headers: dict[str, str] = {}
            for line in lines[1:]:
                name, sep, value = line.partition(":")
                if sep:
                    headers[name.strip().lower()] = value.strip()
            if length := int(headers.get("content-length", "0") or 0):
                await reader.readexactly(length)
            status, extra, body = farm.respond(method, target, headers)
            close = version != "HTTP/1.1" or headers.get("connection", "").lower() == "close"
            out = [f"HTTP/1.1 {status} {REASONS.get(status, 'Unknown')}"]
            out += [f"{k}: {v}" for k, v in extra]
            if status != 304:
                out.append(f"Content-Length: {len(body)}")
            if close:
                out.append("Connection: close")
            writer.write(("\r\n".join(out) + "\r\n\r\n").encode("latin-1"))
            if method != "HEAD" and status != 304:
                writer.write(body)
            await writer.drain()
            if close:
                return
    except ConnectionError:
        return
    finally:
        writer.close()


async def serve(farm: Farm, port: int) -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        # Connections still open at shutdown are cancelled: that is the end of them, not an
        # error worth a traceback (asyncio 3.11 logs one for a cancelled connection handler).
        with contextlib.suppress(asyncio.CancelledError):
            await _handle(farm, reader, writer)

    first = await asyncio.start_server(handle, farm.hosts[0], port, backlog=1024)
    port = first.sockets[0].getsockname()[1]
    servers = [first]
    for host in farm.hosts[1:]:
        servers.append(await asyncio.start_server(handle, host, port, backlog=1024))
    stdin = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stdin), sys.stdin)
    watch_stdin = asyncio.create_task(stdin.read())  # returns at EOF: the parent has gone
    print(f"READY {port}", flush=True)
    stopped = asyncio.create_task(stop.wait())
    await asyncio.wait([watch_stdin, stopped], return_when=asyncio.FIRST_COMPLETED)
    for server in servers:
        server.close()


def item_range(text: str) -> tuple[int, int]:
    """`20-50` -> (20, 50); `30` -> (30, 30)."""
    low, _, high = text.partition("-")
    try:
        bounds = int(low), int(high or low)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not MIN-MAX") from None
    if not 1 <= bounds[0] <= bounds[1]:
        raise argparse.ArgumentTypeError(f"{text!r}: need 1 <= MIN <= MAX")
    return bounds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--items", type=item_range, default=(20, 50), help="MIN-MAX per feed")
    parser.add_argument("--hosts", type=int, default=20, help="loopback addresses to spread over")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--no-conditional-share", type=float, default=0.05)
    parser.add_argument("--watch-share", type=float, default=0.03)
    args = parser.parse_args(argv)
    farm = Farm(
        args.feeds,
        hosts=max(1, min(args.hosts, 254)),
        seed=args.seed,
        no_conditional_share=args.no_conditional_share,
        watch_share=args.watch_share,
        items=args.items,
    )
    asyncio.run(serve(farm, args.port))


if __name__ == "__main__":
    main()
