"""Plain text from feed fields: HTML parsed by lexbor, the text's shape kept, furniture dropped.

The extractors cut a text into blocks at blank lines and line breaks
(`monitor.extract.language.layout`), so the shape of the markup must survive: paragraph-level
elements (p, div, headings, lists, blockquote, table...) become a blank line, the elements that
end a line inside one (br, li, tr, dt, dd) a line break, and inside a block every run of white
space, line breaks of the markup included, one space. Page furniture (galleries, captions,
bylines, "related" lists, share bars) is dropped first by structure, then by line rules
(`monitor.parse.furniture`). Plain-text fields keep their own line breaks and lose only
furniture lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from selectolax.lexbor import LexborHTMLParser

from monitor.parse.furniture import (
    NEVER_PROSE,
    clean_line,
    drop_furniture_lines,
    prune,
)

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

_PARAGRAPHS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 ul ol dl table blockquote section article header main pre hr "
    "address details summary center figure aside nav footer form".split()
)
_LINES = frozenset("br li tr dt dd figcaption".split())
_CELLS = frozenset(("td", "th"))
_SHAPED = _PARAGRAPHS | _LINES | _CELLS
# Two ASCII control characters mark the breaks in the markup's text while its own white space
# is folded (XML forbids both, and any in the markup are removed first); ASCII, so that prose
# stays in Python's one-byte strings, which are searched fastest.
_LINE = "\x01"
_PARAGRAPH = "\x02"
# White space that is not " ": the common kinds, and the rare ones outside ASCII (with the
# zero-width space, which separates words as a space does)
_COMMON_SPACES = "\n\t\r\xa0\x0b\x0c"
_WIDE_SPACES = "\x85\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200C)))
# Runs of spaces, and single space-like characters other than " ": a lone " " is left alone
# (replacing it by itself was most of the cost of folding prose).
_SPACES = re.compile(
    r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]"
)
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]")
_WIDE_SPACE = re.compile(f"[{_WIDE_SPACES}]")
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
    if _LINE in markup or _PARAGRAPH in markup:
        markup = markup.replace(_LINE, "").replace(_PARAGRAPH, "")
    tree = LexborHTMLParser(markup)
    root = tree.body or tree.root
    if root is None:
        return ""
    if keep_furniture:
        root.strip_tags(NEVER_PROSE)
    else:
        prune(root)
    _mark_breaks(root)
    return clip(_laid_out(root.text(separator="", strip=False), keep_furniture), limit)


def plain_text(text: str, limit: int | None = None, *, keep_furniture: bool = False) -> str:
    """A plain-text field: its own lines and paragraphs kept, and without the lines that are
    furniture unless `keep_furniture`."""
    if limit is not None:
        text = text[: limit * 2]
    text = fold(text)
    return clip(text if keep_furniture else drop_furniture_lines(text), limit)


def _mark_breaks(root: LexborNode) -> None:
    for node in [node for node in root.traverse() if node.tag in _SHAPED]:
        tag = node.tag
        if tag in _PARAGRAPHS:
            node.insert_before(_PARAGRAPH)
            node.insert_after(_PARAGRAPH)
        elif tag in _LINES:
            node.insert_after(_LINE)
        else:
            node.insert_after(" ")


def _laid_out(marked: str, keep_furniture: bool) -> str:
    """The markup's text with its white space folded to single spaces and its marks turned into
    blank lines and line breaks (runs of marks into one, the strongest), without the lines
    that are furniture unless `keep_furniture`."""
    paragraphs = []
    for paragraph in _single_spaced(marked).split(_PARAGRAPH):
        lines: Iterable[str] = (
            (line.strip() for line in paragraph.split(_LINE))
            if _LINE in paragraph
            else (paragraph.strip(),)
        )
        kept = "\n".join(filter(None, lines if keep_furniture else map(clean_line, lines)))
        if kept:
            paragraphs.append(kept)
    return "\n\n".join(paragraphs)


def _single_spaced(text: str) -> str:
    """Every run of white space (the zero-width space included) one space, as HTML shows it.
    Tests for single characters: a search for a class of characters costs ten times more."""
    for space in _COMMON_SPACES:
        if space in text:
            text = text.replace(space, " ")
    if not text.isascii() and any(space in text for space in _WIDE_SPACES):
        text = _WIDE_SPACE.sub(" ", text)
    while "  " in text:
        text = text.replace("  ", " ")
    return text


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
