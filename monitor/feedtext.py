"""Plain text from feed fields: HTML parsed by lexbor, the text's shape kept, furniture dropped.

The extractors cut a text into blocks at blank lines and line breaks (`monitor.extract.nlp`), so
the shape of the markup must survive: paragraph-level elements (p, div, headings, lists,
blockquote, table...) become a blank line, the elements that end a line inside one (br, li, tr,
dt, dd) a line break, and inside a block every run of white space, line breaks of the markup
included, one space. Page furniture (galleries, captions, bylines, "related" lists, share bars)
is dropped first by structure, then by line rules (`monitor.furniture`). Plain-text fields keep
their own line breaks and lose only furniture lines.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from selectolax.lexbor import LexborHTMLParser

from monitor.furniture import drop_furniture_lines, prune

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

_PARAGRAPHS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 ul ol dl table blockquote section article header main pre hr "
    "address details summary center".split()
)
_LINES = frozenset("br li tr dt dd".split())
_CELLS = frozenset(("td", "th"))
_SHAPED = ",".join(sorted(_PARAGRAPHS | _LINES | _CELLS))
# Private-use characters mark the breaks in the markup's text while its own white space is
# folded; any already in the markup are removed first.
_LINE = "\ue000"
_PARAGRAPH = "\ue001"
_MARKS = re.compile("[\ue000\ue001]")
_HTML_SPACE = re.compile(r"[\s\u200b]{2,}|[^\S ]|\u200b")
_BREAKS = re.compile(r" ?([\ue000\ue001][\ue000\ue001 ]*)")
# Runs of spaces, and single space-like characters other than " ": a lone " " is left alone
# (replacing it by itself was most of the cost of folding prose).
_SPACES = re.compile(
    r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]"
)
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]")
_BLANK_LINES = re.compile(r"\n{3,}")
MARKUP_PER_CHAR = 8  # how much markup we read per character of text we keep
ELLIPSIS = "…"


def html_to_text(markup: str, limit: int | None = None, *, keep_furniture: bool = False) -> str:
    """Plain text from an HTML fragment or page: paragraphs separated by a blank line, lines
    kept, entities decoded, white space folded; `keep_furniture` keeps page furniture (a title,
    not a body). With `limit`, at most that many characters, and only the first
    `limit * MARKUP_PER_CHAR` characters of markup are parsed."""
    if not markup:
        return ""
    if limit is not None:
        markup = markup[: limit * MARKUP_PER_CHAR]
    if "<" not in markup and "&" not in markup:
        return plain_text(markup, limit, keep_furniture=keep_furniture)
    if _MARKS.search(markup):
        markup = _MARKS.sub("", markup)
    tree = LexborHTMLParser(markup)
    root = tree.body or tree.root
    if root is None:
        return ""
    if not keep_furniture:
        prune(root)
    _mark_breaks(root)
    text = _HTML_SPACE.sub(" ", root.text(separator="", strip=False))
    text = _BREAKS.sub(_break, text).strip()
    return clip(text if keep_furniture else drop_furniture_lines(text), limit)


def plain_text(text: str, limit: int | None = None, *, keep_furniture: bool = False) -> str:
    """A plain-text field: its own lines and paragraphs kept, and without the lines that are
    furniture unless `keep_furniture`."""
    if limit is not None:
        text = text[: limit * 2]
    text = fold(text)
    return clip(text if keep_furniture else drop_furniture_lines(text), limit)


def _mark_breaks(root: LexborNode) -> None:
    for node in root.css(_SHAPED):
        tag = node.tag
        if tag in _PARAGRAPHS:
            node.insert_before(_PARAGRAPH)
            node.insert_after(_PARAGRAPH)
        elif tag in _LINES:
            node.insert_after(_LINE)
        else:
            node.insert_after(" ")


def _break(match: re.Match[str]) -> str:
    return "\n\n" if _PARAGRAPH in match.group(1) else "\n"


def fold(text: str) -> str:
    """White space folded: runs of spaces to one, the spaces around line breaks dropped, blank
    lines kept as one blank line (a paragraph break), none at either end."""
    if "  " in text or _ODD_SPACE.search(text):  # two cheap scans spare most texts the sub
        text = _SPACES.sub(" ", text)
    if "\n" in text:  # the lines stripped; runs of blank lines to one
        text = "\n".join(line.strip() for line in text.split("\n"))
        text = _BLANK_LINES.sub("\n\n", text.strip("\n"))
    return text.strip()


def clip(text: str, limit: int | None) -> str:
    """At most `limit` characters; a cut text ends with an ellipsis at a word boundary."""
    if limit is None or len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ", max(0, limit - 80))
    return (cut[:space] if space > 0 else cut).rstrip() + ELLIPSIS
