"""A fast path for the plain feeds that make up most of the web: RSS 2.0 and Atom 1.0 documents
that are well-formed XML and use only the common elements. lxml reads them about five times
faster than feedparser; the result has the shape of feedparser's (the same keys, the same
values), so `monitor.parse.fields.make_entry` turns both into the same Entry records.

Anything this module is not sure to read exactly as feedparser does is declined (None), and
feedparser reads it: broken XML, other formats (RSS 0.9x/1.0, RDF), extension namespaces
(content:encoded, media:, feedburner:), xml:base, markup inside elements, several links,
plain-text fields that feedparser might take for HTML, e-mail addresses in author fields.
tests/parse/test_parse_fast.py checks on the whole shared corpus and on the benchmark farm that
whatever this path accepts gives the same records as feedparser.

The body comes from `monitor.parse.safe.prepare`: UTF-8, no DTD, within the size limits.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

from feedparser.datetimes import _parse_date
from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
    strip_cdata=True,
)
_RSS_CHANNEL = frozenset(
    "title link description language copyright managingEditor webMaster pubDate lastBuildDate "
    "category generator docs cloud ttl image rating textInput skipHours skipDays item".split()
)
_RSS_ITEM = frozenset("title link description guid pubDate category comments enclosure".split())
# the attributes each item element may carry (any other, like a `type`, changes feedparser's
# reading of it)
_RSS_ATTRIBUTES = {
    "guid": {"isPermaLink"},
    "enclosure": {"url", "length", "type"},
    "category": {"domain"},
}
_ATOM_FEED = frozenset(
    f"{ATOM}{name}"
    for name in "title subtitle link id updated author generator icon logo rights category "
    "contributor entry".split()
)
_ATOM_ENTRY = frozenset(
    f"{ATOM}{name}"
    for name in "title link id published updated author summary content category".split()
)
_REPEATABLE = frozenset(("category", f"{ATOM}category"))
_ENTITY_IN_LINK = re.compile(r"&([A-Za-z0-9_]+);")
# feedparser maps the C1 controls to the characters windows-1252 puts there
_CP1252 = {
    code: bytes([code]).decode("cp1252")
    for code in range(0x80, 0xA0)
    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


class _Declined(Exception):
    """The document needs feedparser."""


def fast_feed(body: bytes) -> dict[str, Any] | None:
    """feedparser's reading of `body` ({"feed": ..., "entries": [...]}), or None when this path
    cannot promise the same answer."""
    try:
        root = etree.fromstring(body, _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None
    try:
        if (
            root.tag == "rss"
            and root.get("version") == "2.0"
            and not set(root.attrib) - {"version"}
        ):
            return _rss(root)
        if root.tag == f"{ATOM}feed":
            return _atom(root)
    except _Declined:
        return None
    return None


# --- RSS 2.0 ---------------------------------------------------------------------------------


def _rss(root: Any) -> dict[str, Any]:
    channels = list(root)
    if len(channels) != 1 or channels[0].tag != "channel":
        raise _Declined
    channel = channels[0]
    _check_children(
        channel, _RSS_CHANNEL | {f"{ATOM}link"}, repeatable={"category", "item", f"{ATOM}link"}
    )
    feed: dict[str, Any] = {}
    title = channel.find("title")
    if title is not None:
        feed["title"] = _plain(_text(title))
        feed["title_detail"] = {"type": "text/plain"}
    ttl = channel.find("ttl")
    if ttl is not None:
        feed["ttl"] = _text(ttl)
    return {"feed": feed, "entries": [_rss_item(item) for item in channel.iterfind("item")]}


def _rss_item(item: Any) -> dict[str, Any]:
    _check_children(item, _RSS_ITEM | {f"{DC}creator", ENCODED}, repeatable=_REPEATABLE)
    entry: dict[str, Any] = {}
    for child in item:
        if len(child) or set(child.attrib) - _RSS_ATTRIBUTES.get(child.tag, set()):
            raise _Declined
    if (title := item.find("title")) is not None:
        entry["title"] = _plain(_text(title))
        entry["title_detail"] = {"type": "text/plain"}
    link = item.find("link")
    if link is None:
        raise _Declined  # feedparser would take a permalink guid for the link
    entry["link"] = _link_text(_text(link))
    if (guid := item.find("guid")) is not None:
        entry["id"] = _text(guid)
        if guid.get("isPermaLink", "true") == "true" and entry["id"] != entry["link"]:
            raise _Declined
    if (description := item.find("description")) is not None:
        entry["summary"] = _text(description)
        entry["summary_detail"] = {"type": "text/html"}
    if (encoded := item.find(ENCODED)) is not None:
        _content(entry, _text(encoded), "text/html")
    if (published := item.find("pubDate")) is not None:
        _date(entry, "published", _text(published))
    if (creator := item.find(f"{DC}creator")) is not None:
        entry["authors"] = [{"name": _name(_text(creator))}]
    return entry


# --- Atom 1.0 --------------------------------------------------------------------------------


def _atom(root: Any) -> dict[str, Any]:
    _check_children(root, _ATOM_FEED, repeatable={f"{ATOM}entry", f"{ATOM}link", *_REPEATABLE})
    feed: dict[str, Any] = {}
    if (title := root.find(f"{ATOM}title")) is not None:
        feed["title"], feed["title_detail"] = _atom_text(title)
    return {"feed": feed, "entries": [_atom_entry(e) for e in root.iterfind(f"{ATOM}entry")]}


def _atom_entry(element: Any) -> dict[str, Any]:
    _check_children(element, _ATOM_ENTRY, repeatable=_REPEATABLE)
    entry: dict[str, Any] = {}
    if (title := element.find(f"{ATOM}title")) is not None:
        entry["title"], entry["title_detail"] = _atom_text(title)
    if (link := element.find(f"{ATOM}link")) is not None:
        entry["link"] = _atom_link(link)
    if (guid := element.find(f"{ATOM}id")) is not None:
        entry["id"] = _text(guid)
    if (summary := element.find(f"{ATOM}summary")) is not None:
        entry["summary"], entry["summary_detail"] = _atom_text(summary)
    if (content := element.find(f"{ATOM}content")) is not None:
        text, detail = _atom_text(content)
        _content(entry, text, detail["type"])
    for key in ("published", "updated"):
        if (date := element.find(f"{ATOM}{key}")) is not None:
            _date(entry, key, _text(date))
    if (author := element.find(f"{ATOM}author")) is not None:
        entry["authors"] = [_atom_author(author)]
    return entry


def _atom_text(element: Any) -> tuple[str, dict[str, str]]:
    kind = element.get("type", "text")
    if kind not in ("text", "html") or len(element) or set(element.attrib) - {"type"}:
        raise _Declined
    text = _text(element)
    return (
        (text, {"type": "text/html"}) if kind == "html" else (_plain(text), {"type": "text/plain"})
    )


def _atom_link(link: Any) -> str:
    if link.get("rel", "alternate") != "alternate" or set(link.attrib) - {"rel", "href", "type"}:
        raise _Declined
    href = link.get("href", "")
    if not href.startswith(("http://", "https://")) or href != href.strip():
        raise _Declined
    return str(href)


def _atom_author(author: Any) -> dict[str, str]:
    names = [child for child in author if child.tag == f"{ATOM}name"]
    if len(names) != 1 or len(author) != 1 or author.attrib:
        raise _Declined
    return {"name": _name(_text(names[0]))}


# --- shared ----------------------------------------------------------------------------------


def _check_children(
    parent: Any, allowed: frozenset[str], repeatable: set[str] | frozenset[str]
) -> None:
    if parent.get(XML_BASE) is not None:
        raise _Declined
    seen: set[str] = set()
    for child in parent:
        tag = child.tag
        if not isinstance(tag, str) or tag not in allowed or child.get(XML_BASE) is not None:
            raise _Declined
        if tag in seen and tag not in repeatable:
            raise _Declined
        seen.add(tag)


def _text(element: Any) -> str:
    """An element's text as feedparser hands it out: white space stripped, UTF-8 read as
    Latin-1 repaired, C1 controls as windows-1252."""
    if len(element):
        raise _Declined
    text = (element.text or "").strip()
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        text = text.encode("iso-8859-1").decode("utf-8")
    return text.translate(_CP1252)


def _plain(text: str) -> str:
    """A plain-text field: feedparser guesses HTML from markup or entities; without either,
    both readings agree."""
    if "<" in text or "&" in text:
        raise _Declined
    return text


def _name(text: str) -> str:
    if "@" in text or "(" in text or not text:
        raise _Declined  # feedparser splits e-mail addresses out of names its own way
    return _plain(text)


def _link_text(text: str) -> str:
    link = _ENTITY_IN_LINK.sub(r"&\1", text.replace("&amp;", "&"))
    if not link.startswith(("http://", "https://")):
        raise _Declined
    return link


def _content(entry: dict[str, Any], text: str, kind: str) -> None:
    """Full content. feedparser also takes its text for the summary when the entry has none
    (in either order: a summary read later replaces the copy); the copy has no type."""
    entry["content"] = [{"type": kind, "value": text}]
    if "summary" not in entry:
        entry["summary"] = text


def _date(entry: dict[str, Any], key: str, text: str) -> None:
    entry[key] = text
    entry[f"{key}_parsed"] = _parse_date(text)
