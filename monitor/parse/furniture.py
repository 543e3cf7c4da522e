"""Page furniture: what a feed item or an article page carries besides its story.

The extractors read every sentence they are given, so whatever is not the story turns into
facts: a gallery's counter or date became "2,021 fighters", a caption's place and date were read
as where and when a capture happened, a byline's name as a person in the story, a "Related"
headline as a second story's claim. What is removed here is removed before anything reads it.

Structure first, for HTML (`prune`), because markup says most plainly what a part is:
- `DROP_TAGS`: elements that are never prose (script, style, embedded objects), or that hold
  pictures and their captions (figure, figcaption, picture), side matter (aside), navigation
  (nav), a page's or item's footer (footer) and controls (form, button, select). A figure that
  holds more than a picture (a table or a quotation, which WordPress wraps in figures, or the
  paragraphs of a slideshow article's slides) keeps that and loses only its caption.
- `FURNITURE_CLASSES`: elements whose class or id names a gallery, related links, a share bar,
  a byline, a caption or credit, a newsletter or promotion, or an advertisement. Names are cut
  into words ("wp-block-gallery", "relatedPosts", "share_bar") and a word that starts with one
  of these marks the element; `EXACT_CLASSES` are too short to match as a start ("ad").
  An element that holds most of the text is a wrapper whose name merely mentions such a thing
  (`<div class="post has-gallery">`), and it stays.
- Link-only lists: a list whose every item is a link is a "related stories" or "more from"
  list, whatever its class says.

Line rules second, for any text (HTML after the structure pass, plain-text fields, the main text
of a page): a line (a paragraph, a heading, a list item) that is wholly one of these goes. They
only look at short lines, so prose that happens to start like one ("By now, ...") is kept:
- bylines ("By Jane Doe", "By JANE DOE and John Roe, Reuters", "By Jane Doe in Kabul");
- a wire story's production credits ("Reporting by ...; Editing by ...", "(Additional
  reporting by ...)"), also when they close the last paragraph;
- picture credits and captions that end in one ("Photo: ...", "Image credit: ...",
  "(AFP/Getty Images)", "... Tuesday, Nov. 7. (AP Photo/Jane Doe)", "AGENCY/Jane Doe");
- prompts to read, watch or share something else ("Read more: ...", "Related:", "See also",
  "Continue reading...", "Share this", "Advertisement", WordPress's "The post ... appeared
  first on ..."), and a prompt that closes a paragraph ("... [read more]") is cut from it;
- gallery counters ("Photo 3 of 12", "1/12", "2,021 photos", "View gallery");
- newsletter and cookie prompts ("Sign up for our daily newsletter", "We use cookies ...").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

NEVER_PROSE = ["script", "style", "noscript", "template", "iframe", "object"]
DROP_TAGS = ",".join(NEVER_PROSE) + (
    ",embed,svg,canvas,video,audio,figure,figcaption,picture,aside,nav,footer,form,button,select"
)
FURNITURE_CLASSES = (
    "gallery",
    "slideshow",
    "carousel",
    "related",
    "share",
    "sharing",
    "social",
    "byline",
    "caption",
    "credit",
    "newsletter",
    "subscribe",
    "promo",
    "advert",
    "sponsor",
    "cookie",
)
# What a figure holds besides a picture, and keeps: WordPress wraps tables and quotations in
# figures, and slideshow articles put their text in the slides.
_FIGURE_MATTER = "table,blockquote,p"
EXACT_CLASSES = frozenset({"ad", "ads"})
MAX_WRAPPER_SHARE = 0.5  # a named element with more of the text than this is a wrapper
MAX_LINE = 300  # longer lines are prose, whatever they start with

_NOT_LETTERS = re.compile(r"[\W_]+")
_DROPPED = frozenset(DROP_TAGS.split(","))
_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_FURNITURE_WORD = re.compile("|".join(FURNITURE_CLASSES))
_MAY_NAME_FURNITURE = re.compile("|".join(FURNITURE_CLASSES) + r"|(?<![a-z])ads?(?![a-z])")

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|di|van|von|der|den|al|el|bin|ibn|la|le))*"
_BYLINE = (
    rf"(?i:by|words by|written by|story by|text by)\s+{_NAME}"
    rf"(?:\s*(?:,|(?i:and)|&)\s*{_NAME})*"
    rf"(?:\s+in\s+{_NAME})?(?:\s*[,|–—-]\s*[A-Z][\w .&'’-]{{0,40}})?"
)
_PRODUCTION = (
    r"(?i:\(?\s*(?:(?:additional|further)\s+)?(?:reporting|writing|editing|compiled|produced|"
    r"graphics?|research|translation|translated)\s+by\s+)[A-Z].*"
)
_CREDIT = (
    r"(?i:(?:photo(?:graph)?s?|image|picture|pic|video|illustration|graphic|footage|credit)"
    r"(?:\s+credits?)?\s*(?:by\b|via\b|courtesy\b|:).*)"
)
_PROMPT = (
    r"(?i:[»>›•|]?\s*(?:read more|read next|read also|also read|read the full (?:story|article)|"
    r"continue reading|keep reading|full story|related|see also|more|watch|listen|recommended|"
    r"further reading|most read|more on this(?: story| topic)?|you (?:may|might) also like)"
    r"(?:\s+(?:stories|articles|coverage|content|posts|links|reading|news|videos?))?"
    r"(?:\s*[:|»>›–—-]\s*.*|[\s.…:»>›-]*)"
    r"|share(?: this)?(?: (?:article|story|post|page))?(?: (?:on|via) \w+)?[\s:.]*"
    r"|(?:advertisement|sponsored(?: content)?|click here\b.*)"
    r"|the post .+ appeared first on .+)"
)
_GALLERY = (
    r"(?i:(?:(?:photo|image|picture|slide|item)s?\s*)?\d{1,4}\s*(?:of|/)\s*\d{1,4}"
    r"|(?:(?:view|see|open|launch|browse|show)\s+)?(?:all\s+)?(?:the\s+)?"
    r"(?:(?:photo\s+)?gallery|slideshow)?[\s:(]*[\d,.]+\s+(?:photos|images|pictures|slides)\)?"
    r"|(?:(?:view|see|open|launch|browse|enlarge|expand|show)\s+)?(?:the\s+)?(?:full\s+|all\s+)?"
    r"(?:photo\s+|image\s+)?(?:gallery|slideshow|image|photo)s?)"
)
_PROMOTION = (
    r"(?i:(?:sign up|subscribe|get|join|receive|enter your e-?mail)\b.*"
    r"\b(?:newsletters?|inbox|e-?mails?|updates|alerts)\b.*"
    r"|(?:accept|manage) (?:all )?cookies.*|cookie (?:settings|policy|preferences)"
    r"|follow us on .*)"
)
# A furniture line by how it starts; only lines starting with one of `_HEAD_STARTS` (lower
# case) are tried, so that prose costs a prefix test rather than a dozen patterns.
_HEAD = re.compile(rf"(?:{_BYLINE}|{_PRODUCTION}|{_CREDIT}|{_PROMPT}|{_GALLERY}|{_PROMOTION})\s*")
_HEAD_STARTS = (
    *"0123456789(»>›•|",
    *"by words written story text reporting additional further writing editing compiled "
    "produced graphic research translat photo image picture pic video illustration footage "
    "credit read also continue keep full related see more watch listen recommended most share "
    "advertisement sponsored click slide item view open launch browse show enlarge expand all "
    "gallery sign subscribe get join receive enter accept manage cookie follow".split(),
    "the post ",
    "the gallery",
    "the slideshow",
    "the full ",
    "you may",
    "you might",
)
_HEAD_KEYS = frozenset(start[:2] for start in _HEAD_STARTS)  # a set lookup before the test
# A caption by how it ends: with a picture credit.
_CREDIT_TAIL = re.compile(
    r"(?:\((?=[^()]*\b(?:Photos?|Images?|Pictures?|Getty|Pool|Photograph)\b)[^()]{2,80}\)"
    r"|\bvia Getty Images|[A-Z]{2,}(?:[ -][A-Z]{2,})?/[A-Z][a-z'’.-]+(?:\s[A-Z][a-z'’.-]+){1,3})"
    r"[\s.]*$"
)
MAX_PROMPT = 120  # "To read this article in full, please click here"
_PROMPT_ENDS = ("click here", "read more", "continue reading")
_SET_OFF = "[(|»›>-–—….:"  # what sets a closing prompt off from the text before it
_COOKIES = re.compile(r"(?i:\b(?:we|this (?:site|website)|our (?:site|website)) uses? cookies\b)")
# Production credits closing the last paragraph: "... on Monday. (Reporting by ...)"
_PRODUCTION_TAIL = re.compile(r"\s*\((?i:(?:additional\s+)?reporting by\b)[^()]*\)\s*$")


def is_furniture_line(line: str) -> bool:
    """Whether a whole line (stripped) is furniture by the line rules above."""
    return bool(line) and not clean_line(line)


def clean_line(line: str) -> str:
    """A line (stripped) without its furniture: empty if it is furniture by the line rules
    above, else the line without the prompt or the production credits that close it. Cheap
    tests on the line's first and last characters come before each pattern: this runs on every
    line of every entry."""
    if not line or len(line) > MAX_LINE:
        return _without_tails(line)
    head = line[:16].lower()
    keyed = head[:2] in _HEAD_KEYS or head[:1] in _HEAD_KEYS
    if keyed and head.startswith(_HEAD_STARTS) and _HEAD.fullmatch(line):
        return ""
    stem = line.rstrip(" .…:»>›]")
    end = stem[-1:]
    credited = end == ")" or end == "s" or "/" in stem[-60:]  # "(...)", "Images", "AGENCY/Jane"
    if credited and _CREDIT_TAIL.search(stem[-120:]):
        return ""
    if "ookie" in line and _COOKIES.search(line):
        return ""
    return _without_tails(line)


def _without_tails(line: str) -> str:
    """The line without what closes it but is not its text: a prompt to read on, set off from
    the text ("I have only one... [read more]"), or production credits ("... (Reporting by
    ...)"); empty when nothing else is left, or when the line is a short request to click
    ("To read this article in full, please click here")."""
    stem = line.rstrip(" .…:»>›])")
    if stem[-1:] in ("e", "g", "E", "G"):
        lowered = stem.lower()
        for end in _PROMPT_ENDS:
            if lowered.endswith(end):
                start = len(stem) - len(end)
                if start and stem[start - 1].isalnum():
                    break  # "thread more"
                before = stem[:start].rstrip()
                if end == "click here":
                    return "" if len(line) <= MAX_PROMPT else line
                if not before:
                    return ""
                if before[-1] in _SET_OFF:
                    return before.rstrip(" [(|»›>-–—")
                break
    if line.endswith(")") and "eporting by" in line:
        return _PRODUCTION_TAIL.sub("", line)
    return line


def drop_furniture_lines(text: str) -> str:
    """`text` without its furniture lines; paragraphs (blank-line separated) keep their breaks."""
    if not text:
        return text
    paragraphs = []
    for paragraph in text.split("\n\n"):
        kept = "\n".join(filter(None, map(clean_line, paragraph.split("\n"))))
        if kept:
            paragraphs.append(kept)
    return "\n\n".join(paragraphs)


def prune(root: LexborNode) -> None:
    """Remove the furniture that the markup names (see the module's docstring) from `root`."""
    lists = []
    for node in list(root.traverse()):  # one walk: lexbor's selector lists cost more
        tag = node.tag
        if tag in _DROPPED:
            _drop_tagged(node)
        elif tag == "ul" or tag == "ol":
            lists.append(node)
    named = [node for node in root.css("[class],[id]") if _names_furniture(node)]
    if named:
        whole = len(root.text(strip=True)) or 1
        for node in named:
            if len(node.text(strip=True)) <= MAX_WRAPPER_SHARE * whole:
                node.decompose()
    for listing in lists:
        if _links_only(listing):
            listing.decompose()


def _drop_tagged(node: LexborNode) -> None:
    if node.tag == "figure":
        for caption in node.css("figcaption"):
            caption.decompose()
        if node.css_first(_FIGURE_MATTER) is not None:
            return
    node.decompose()


def _names_furniture(node: LexborNode) -> bool:
    attributes = node.attributes
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
    if not _MAY_NAME_FURNITURE.search(names.lower()):
        return False  # the common case, without cutting names into words
    words = [word.lower() for word in _WORDS.findall(names)]
    return any(w in EXACT_CLASSES or _FURNITURE_WORD.match(w) for w in words)


def _links_only(listing: LexborNode) -> bool:
    """Whether every item of a list is nothing but links (a "related"/"more from" list)."""
    items = listing.css("li")
    if not items:
        return False
    for item in items:
        text = _letters(item.text())
        linked = "".join(_letters(a.text()) for a in item.css("a"))
        if not text or text != linked:
            return False
    return True


def _letters(text: str) -> str:
    return _NOT_LETTERS.sub("", text)
