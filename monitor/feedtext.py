"""Plain text from feed fields: HTML parsed by lexbor, white space folded, length capped."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

_BLOCKS = "p,br,div,li,ul,ol,h1,h2,h3,h4,h5,h6,tr,blockquote,section,article,figure,figcaption,pre"
_DROP = ["script", "style", "noscript", "template", "iframe", "object"]
# Runs of spaces, and single space-like characters other than " ": a lone " " is left alone
# (replacing it by itself was most of the cost of folding prose).
_SPACES = re.compile(
    r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]"
)
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]")
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
    """White space folded: runs of spaces to one, blank lines and the spaces around line
    breaks to one line break, none at either end."""
    if "  " in text or _ODD_SPACE.search(text):  # two cheap scans spare most texts the sub
        text = _SPACES.sub(" ", text)
    if "\n" in text:  # the lines, stripped, without the blank ones
        text = "\n".join(filter(None, (line.strip() for line in text.split("\n"))))
    return text.strip()


def clip(text: str, limit: int | None) -> str:
    """At most `limit` characters; a cut text ends with an ellipsis at a word boundary."""
    if limit is None or len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ", max(0, limit - 80))
    return (cut[:space] if space > 0 else cut).rstrip() + ELLIPSIS
