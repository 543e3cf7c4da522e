"""Plain text from feed fields: HTML parsed by lexbor, white space folded, length capped."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

_BLOCKS = "p,br,div,li,ul,ol,h1,h2,h3,h4,h5,h6,tr,blockquote,section,article,figure,figcaption,pre"
_DROP = ["script", "style", "noscript", "template", "iframe", "object"]
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\s*\n\s*")
MARKUP_PER_CHAR = 8  # how much markup we read per character of text we keep
ELLIPSIS = "…"


def html_to_text(markup: str, limit: int | None = None) -> str:
    """Plain text from an HTML fragment: tags dropped, block elements become line breaks,
    entities decoded, white space folded. With `limit`, at most that many characters, and
    only the first `limit * MARKUP_PER_CHAR` characters of markup are parsed."""
    if not markup:
        return ""
    if limit is not None:
        markup = markup[: limit * MARKUP_PER_CHAR]
    if "<" not in markup and "&" not in markup:
        return clip(fold(markup), limit)
    tree = LexborHTMLParser(markup)
    tree.strip_tags(_DROP)
    for node in tree.css(_BLOCKS):
        node.insert_after("\n")
    root = tree.body or tree.root
    text = fold(root.text(separator="", strip=False)) if root is not None else ""
    return clip(text, limit)


def fold(text: str) -> str:
    return _BLANK_LINES.sub("\n", _SPACES.sub(" ", text)).strip()


def clip(text: str, limit: int | None) -> str:
    """At most `limit` characters; a cut text ends with an ellipsis at a word boundary."""
    if limit is None or len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ", max(0, limit - 80))
    return (cut[:space] if space > 0 else cut).rstrip() + ELLIPSIS
