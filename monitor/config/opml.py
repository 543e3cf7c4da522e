"""OPML subscription lists in and out: the feeds of an OPML file (as Miniflux, FreshRSS,
Feedly, Inoreader and rss2email export them) as `[[feeds]]` entries, and the configured feeds
as OPML 2.0 that those readers import.

Reading uses lxml (already a dependency, unlike listparser, and it tells each outline's line for
the report): declarations before the root (DOCTYPE, ENTITY) are removed first, as for feeds
(`monitor.parse.safe.strip_declarations`), so nothing is ever expanded; no network, no huge-tree
mode, and files above `MAX_OPML_BYTES` are refused. Broken files are read as far as they go
(lxml's recover mode) after bare `&` in attribute values, the commonest fault of hand-edited
lists, are escaped, so that `?a=1&b=2` is not silently cut to `?a=1=2`. Nested folders are
flattened: a feed keeps its folder path only as a comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from anyascii import anyascii

from monitor.config.url import http_url_problem

MAX_OPML_BYTES = 10 * 1024 * 1024
MAX_NAME = 40
FEED_TYPES = frozenset({"", "rss", "atom", "feed", "json", "jsonfeed"})
_BARE_AMPERSAND = re.compile(rb"&(?!(?:[A-Za-z][A-Za-z0-9._-]*|#[0-9]+|#[xX][0-9A-Fa-f]+);)")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_ROOT = re.compile(rb"<\w")
_ENV_REFERENCE = "${"


class OpmlError(Exception):
    """A file that is not an OPML subscription list at all."""


@dataclass(frozen=True, slots=True)
class Outline:
    """One outline that names a feed: its title, feed and site URLs, folder path and line."""

    title: str
    xml_url: str
    html_url: str
    line: int
    folders: tuple[str, ...] = ()
    kind: str = ""


@dataclass(frozen=True, slots=True)
class Imported:
    """A feed to configure: the name chosen for it and the outline it came from."""

    name: str
    outline: Outline


@dataclass(frozen=True, slots=True)
class Skipped:
    outline: Outline
    reason: str


@dataclass(frozen=True, slots=True)
class ImportPlan:
    feeds: tuple[Imported, ...]
    skipped: tuple[Skipped, ...]
    renamed: tuple[tuple[Imported, str], ...]  # a feed whose title's name was taken, and that name
    recovered: tuple[str, ...] = ()  # XML errors read past, as "line N: message"


def read_opml(data: bytes) -> tuple[list[Outline], tuple[str, ...]]:
    """The outlines of `data` that have a feed URL, in document order, and the XML errors
    that were read past. Raises OpmlError for a file that holds no OPML document."""
    from lxml import etree

    if len(data) > MAX_OPML_BYTES:
        raise OpmlError(
            f"larger than {MAX_OPML_BYTES // (1024 * 1024)} MB; not a subscription list"
        )
    body = _without_declarations(_BARE_AMPERSAND.sub(b"&amp;", data))
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, recover=True
    )
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise OpmlError(f"not XML: {exc}") from None
    if root is None:
        raise OpmlError("not XML: no root element")
    if etree.QName(root).localname.lower() != "opml":
        raise OpmlError(f"not an OPML document: its root element is <{root.tag}>, not <opml>")
    recovered = tuple(f"line {e.line}: {e.message}" for e in parser.error_log)
    return list(_outlines(root)), recovered


def _without_declarations(data: bytes) -> bytes:
    """`data` without the declarations before its root element (so nothing can be expanded),
    with as many line breaks in their place, so that lines are counted as in the file."""
    from monitor.parse.safe import strip_declarations

    stripped, _ = strip_declarations(data)
    root = _ROOT.search(stripped)
    if root is None or stripped == data:
        return stripped
    tail = len(stripped) - root.start()  # from the root element on, both are the same
    lost = data[: len(data) - tail].count(b"\n") - stripped[: root.start()].count(b"\n")
    return stripped[: root.start()] + b"\n" * lost + stripped[root.start() :]


def _outlines(root: Any) -> Iterator[Outline]:
    for element in root.iter("outline"):
        attributes = {key.lower(): value.strip() for key, value in element.attrib.items()}
        url = attributes.get("xmlurl", "")
        if not url:
            continue  # a folder, or an outline that names no feed
        folders = [
            _title_of({k.lower(): v for k, v in parent.attrib.items()})
            for parent in element.iterancestors("outline")
        ]
        yield Outline(
            title=_title_of(attributes),
            xml_url=url,
            html_url=attributes.get("htmlurl", ""),
            line=element.sourceline or 0,
            folders=tuple(reversed([f for f in folders if f])),
            kind=attributes.get("type", "").lower(),
        )


def _title_of(attributes: dict[str, str]) -> str:
    return " ".join((attributes.get("title") or attributes.get("text") or "").split())


def plan_import(outlines: Iterable[Outline], existing: Sequence[tuple[str, str]]) -> ImportPlan:
    """Names for the outlines' feeds, unique among themselves and the `existing` (name, url)
    pairs; outlines skipped for an invalid URL, a type that is not a feed, or a URL already
    configured or already imported (compared after canonicalisation)."""
    taken = {name for name, _ in existing}
    seen = {feed_key(url): f"feed {name!r} of the configuration" for name, url in existing}
    feeds: list[Imported] = []
    skipped: list[Skipped] = []
    renamed: list[tuple[Imported, str]] = []
    for outline in outlines:
        reason = _refusal(outline, seen)
        if reason is not None:
            skipped.append(Skipped(outline, reason))
            continue
        wanted = slug(outline.title) or slug(urlsplit(outline.xml_url).hostname or "") or "feed"
        name = unique_name(wanted, taken)
        taken.add(name)
        imported = Imported(name, outline)
        seen[feed_key(outline.xml_url)] = f"line {outline.line} ({name!r})"
        feeds.append(imported)
        if name != wanted:
            renamed.append((imported, wanted))
    return ImportPlan(tuple(feeds), tuple(skipped), tuple(renamed))


def _refusal(outline: Outline, seen: dict[str, str]) -> str | None:
    if outline.kind not in FEED_TYPES:
        return f"type {outline.kind!r} is not a feed (RSS, Atom or JSON Feed)"
    if problem := http_url_problem(outline.xml_url):
        return f"invalid URL {outline.xml_url!r}: {problem}"
    if _ENV_REFERENCE in outline.xml_url:
        return f"invalid URL {outline.xml_url!r}: '${{' would be read as an environment variable"
    if (first := seen.get(feed_key(outline.xml_url))) is not None:
        return f"duplicate of {first}: same URL"
    return None


def slug(title: str) -> str:
    """A configuration name from a title: ASCII (other scripts transliterated), lower case,
    words joined by hyphens, at most MAX_NAME characters, cut at a word."""
    words = _NOT_SLUG.sub("-", anyascii(title).lower()).strip("-")
    if len(words) <= MAX_NAME:
        return words
    cut = words[:MAX_NAME]
    return (cut.rsplit("-", 1)[0] if "-" in cut else cut).strip("-")


def unique_name(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted}-{number}" in taken:
        number += 1
    return f"{wanted}-{number}"


def feed_key(url: str) -> str:
    """One spelling for the URLs that name the same feed: http and https, `www.` or not, the
    default port or none, a trailing slash or none, query order and fragment do not count."""
    from w3lib.url import canonicalize_url

    try:
        parts = urlsplit(canonicalize_url(url.strip()))
        host = (parts.hostname or "").lower().removeprefix("www.")
        port = parts.port
    except ValueError:
        return url.strip()
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    return urlunsplit(("", host, parts.path.rstrip("/") or "/", parts.query, ""))


def feeds_toml(plan: ImportPlan, source: str) -> str:
    """The plan's feeds as `[[feeds]]` tables, each with its title and folders as a comment."""
    blocks = [f"# Imported from {_comment(source)}: {len(plan.feeds)} feeds\n"]
    for feed in plan.feeds:
        outline = feed.outline
        about = outline.title or outline.xml_url
        if outline.folders:
            about += f" (in {' / '.join(outline.folders)})"
        blocks.append(
            f"[[feeds]]  # {_comment(about)}\n"
            f"name = {_toml_string(feed.name)}\n"
            f"url = {_toml_string(outline.xml_url)}\n"
        )
    return "\n".join(blocks)


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _comment(text: str) -> str:
    return "".join(c if c.isprintable() else " " for c in text)


@dataclass(frozen=True, slots=True)
class ExportedFeed:
    title: str
    xml_url: str
    html_url: str = ""


def export_opml(feeds: Sequence[ExportedFeed], created: datetime) -> bytes:
    """OPML 2.0: head with title and dateCreated (RFC 822), one `outline type="rss"` per feed
    with text and title (both: Feedly reads title, Miniflux and FreshRSS text), xmlUrl and,
    where known, htmlUrl."""
    from lxml import etree

    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = "monitor feeds"
    etree.SubElement(head, "dateCreated").text = format_datetime(created, usegmt=True)
    body = etree.SubElement(root, "body")
    for feed in feeds:
        outline = etree.SubElement(body, "outline", type="rss", text=feed.title)
        outline.set("title", feed.title)
        outline.set("xmlUrl", feed.xml_url)
        if feed.html_url:
            outline.set("htmlUrl", feed.html_url)
    data: bytes = etree.tostring(root, xml_declaration=False, encoding="UTF-8", pretty_print=True)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + data
