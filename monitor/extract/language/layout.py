"""A text cut into the blocks no sentence crosses: paragraphs, and the lines that start a new
thought (a headline, a caption, a byline), with what is no prose taken off (a wire dateline,
an encyclopedia's reference marks). Feeds keep their shape in line breaks; a parser given the
lines run together reads a headline into the sentence after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from monitor.extract.language.mentions import find_mentions
from monitor.records import EntityRef

# A blank line ends a block. A single line break ends one too, unless the line is hard-wrapped
# prose: the next line carries on the sentence (it starts with a lower-case word or a comma),
# or this one cannot end it (it ends on an article, a preposition or a conjunction: "the
# security of" / "Prime Minister X."). Indentation is no sign either way.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_CARRIES_ON = re.compile(r"[a-z,;:)]")
_OPEN_END = re.compile(
    r"(?<![\w'’-])(?:of|the|a|an|and|or|but|to|in|on|at|for|with|by|from|as|that|into|than)$",
    re.I,
)
_SPACES = re.compile(r"\s+")
# Hard-wrapped copy (plain-text feeds, e-mailed releases): lines of at most a terminal's width,
# many breaks inside a sentence. A line of three quarters of the width or more fills it.
_TERMINAL_WIDTH = 100
_LEAST_BREAKS = 3
_WRAPPED_SHARE = 0.4
_FILLED = 0.75
# A line that opens an item of a list or a labelled row: "- ", "* ", "• ", "3. ", "Strength:".
_ITEM = re.compile(r"(?:[-*•–—]\s|\d{1,2}[.)]\s|[\w ]{1,25}:(?:\s|$))")
# An encyclopedia page's reference marks, written onto the word or full stop before them
# ("the army.[4] As of 2010", "[citation needed]"): not prose, and one glued after a full stop
# hides the end of the sentence from the parser, so the next sentence's date ran into it.
_REFERENCE_MARK = re.compile(
    r"(?<=\S)\[(?:\d{1,3}(?:,\s?\d{1,3})*|[a-z]|(?:note|nb)\s?\d{1,3}|citation needed|"
    r"clarification needed|better source needed|failed verification|dubious|who\?|when\?)\]"
)


# A wire dateline opening a paragraph: "MOSCOW/KYIV (Reuters) -", "PORT SUDAN, Nov 18 (Xinhua)
# --", "BAMAKO, Mali (AP) —". Where the story was filed, not a word of the story: left
# in, it becomes the subject of the first sentence ("MOSCOW ... Russia said").
_DATELINE = re.compile(
    r"^[A-Z][A-Z'’.]+(?:[ /-][A-Z][A-Z'’.]+)*"  # the place in capitals
    r"(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)?"  # ", Mali" or ", Nov 18"
    r"(?:\s*\([^)]{1,40}\))?"  # "(Reuters)"
    r"(?:\s+-+|\s*[–—]+|\s*--)\s*(?=[A-Z\"“‘'])"  # a dash, then the story
)


# The same without a dash, in the place's own spelling and a date: "Port Sudan, Nov 18 The
# army said ...", "Goma, 27 January 2025 - ". Only with a month and a day, so that a sentence
# opening on a place ("Goma, the largest city, fell") keeps its subject.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATED_DATELINE = re.compile(
    r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2},\s+"  # "Port Sudan,"
    rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"  # "Nov 18", "3 March"
    r"(?:\s*\([^)]{1,40}\))?(?:\s*[-–—:]+)?\s+(?=[A-Z\"“‘'])"
)


# What a headline wears that is no word of it: a wire slug before it ("UPDATE 2-Rebels take
# X", "EXCLUSIVE-", "LIVE:", "BREAKING:") and the name of its source after it ("... - Reuters",
# "... | Al Jazeera", "... | World news | The Guardian", as feed titles carry them). Left on,
# the source's name is read into the last word: "fled to Paris - Reuters" fled to Reuters.
_SLUG_WORDS = (
    r"UPDATED?|WRAPUP|REFILE|CORRECTED|CORRECTION|RPT|EXCLUSIVE|ANALYSIS|INSIGHT|FACTBOX|"
    r"EXPLAINER|TIMELINE|PREVIEW|INTERVIEW|FEATURE|SPECIAL REPORT|BREAKING|LIVE|WATCH|VIDEO|"
    r"OPINION|URGENT|FLASH"
)
_SLUG = re.compile(rf"^(?:{_SLUG_WORDS})(?: \d{{1,2}})?(?:-(?=\S)|(?: UPDATES?| NEWS)?\s*:\s+)")
_SOURCE_TAG = re.compile(
    r"\s+[-–—|]\s+[A-Z][\w.&'’]*(?:\s+(?:[A-Z][\w.&'’]*|of|the|and|for|on|in|&)){0,4}$"
    r"|\s+\|\s+[^.!?|]{1,40}$"  # after a bar, a section's name as well: "| Sudan war"
)
_HEADLINE_WORDS = 30
# What opens an item of a list or a live blog's entry, no word of it: a bullet ("* ", "• ",
# "- "), a number ("3. "), a time ("14:32 GMT - ", "3.45pm: ").
_LEADING_MARK = re.compile(
    r"^(?:[*•·▪►◦‣–—-]\s+|\d{1,2}[.)]\s+(?=[A-Z\"“‘'])|"
    r"\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\s*[-–—:|]\s+)+"
)
# A feed's summary cut short: "... Bozize flees…", "... killed [...]"; and a line closed by the
# credit of its agency or photo: "... killed (AFP)", "(Photo: Reuters)". The mark is no word:
# left on, it is read into the last one ("police chief…", "wounded (AFP)").
_AGENCIES = r"AFP|AP|Reuters|Xinhua|dpa|DPA|ANI|PTI|IANS|UPI|TASS|EFE|ANSA|Anadolu|IRNA|SANA"
_CUT_SHORT = re.compile(
    r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\)|…|\.\.\."
    rf"|\((?:{_AGENCIES}|(?:File\s+)?(?:Photo|Picture|Image|Video)(?::[^()]{{1,40}})?)\))$",
    re.I,
)


def blocks(text: str, entities: Sequence[EntityRef] = ()) -> list[str]:
    """The paragraphs and lines of `text` that no sentence crosses, whitespace collapsed, a
    leading dateline, the bullet, number or time opening an item, reference marks, a headline's
    slug and source tags and the mark of a summary cut short dropped. A dash before a name
    of `entities` is no source tag ("Fighting rages in Varno - Kastrel")."""
    text = _REFERENCE_MARK.sub("", text)
    trimmed = (_trimmed(_SPACES.sub(" ", b), entities) for b in _wrapped_lines(text))
    return [b for b in trimmed if b]


def _trimmed(block: str, entities: Sequence[EntityRef]) -> str:
    block = _LEADING_MARK.sub("", _without_dateline(block))
    return _CUT_SHORT.sub("", _without_headline_tags(block, entities))


def _without_headline_tags(block: str, entities: Sequence[EntityRef]) -> str:
    block = _SLUG.sub("", block)
    if len(block.split()) > _HEADLINE_WORDS:
        return block
    while (tag := _SOURCE_TAG.search(block)) is not None and len(block[: tag.start()].split()) > 2:
        if tag.group().lstrip()[0] != "|" and find_mentions(tag.group(), entities):
            break  # a dash before a configured name joins the headline's words
        block = block[: tag.start()]
    return block


def _wrapped_lines(text: str) -> Iterator[str]:
    """The text's lines, a hard-wrapped line joined to the next (see `_OPEN_END`); in a text
    hard-wrapped at a width (`_filled_length`), every line that fills it is joined to the next,
    unless the next opens an item of a list."""
    paragraphs = [
        [line.strip() for line in paragraph.split("\n") if line.strip()]
        for paragraph in _PARAGRAPH_BREAK.split(text)
    ]
    filled = _filled_length(paragraphs)
    for lines in paragraphs:
        block = ""
        for before, line in zip([None, *lines], lines, strict=False):
            wrapped = filled is not None and before is not None and len(before) >= filled
            wrapped = wrapped and not _ITEM.match(line)
            if block and (wrapped or _CARRIES_ON.match(line) or _OPEN_END.search(block)):
                block += " " + line
                continue
            if block:
                yield block
            block = line
        if block:
            yield block


def _filled_length(paragraphs: list[list[str]]) -> int | None:
    """In a text hard-wrapped at a width (no line longer than a terminal's, and at least
    `_WRAPPED_SHARE` of the line breaks inside its paragraphs fall inside a sentence: the next
    line opens in lower case), the length from which a line fills that width; else None."""
    pairs = [pair for lines in paragraphs for pair in pairwise(lines)]
    if len(pairs) < _LEAST_BREAKS:
        return None
    width = max(len(line) for lines in paragraphs for line in lines)
    inside = sum(bool(_CARRIES_ON.match(b)) for _, b in pairs)
    if width > _TERMINAL_WIDTH or inside < _WRAPPED_SHARE * len(pairs):
        return None
    return int(width * _FILLED)


def _without_dateline(block: str) -> str:
    return _DATED_DATELINE.sub("", _DATELINE.sub("", block))


__all__ = ["blocks"]
