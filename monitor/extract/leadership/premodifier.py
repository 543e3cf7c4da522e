"""Offices told by a title before a name: "resistance leader X", "the SLM's new military chief,
X", "its leader, X", "his spokesman X", "the head of the Front, X", "the Interior Minister of
the Front X". A bare rank ("General X", "commander X") is no office; an office a nationality
or a country's possessive opens is the state's ("Azerbaijani President X", "Turkey's President
X"), not its army's.
"""

from __future__ import annotations

import re

from monitor.extract.language.mentions import Mention
from monitor.extract.language.text import CAPITAL
from monitor.extract.leadership.bodies import is_state_office
from monitor.extract.leadership.countries import is_country
from monitor.extract.leadership.predicates import Hit
from monitor.extract.leadership.roles import (
    DEMONYM_OFFICE,
    FORMER,
    HEAD_BEFORE,
    HEADS,
    ROLE_BODY,
    acronym_owner,
    clean_role,
    is_self_declared,
    is_status_role,
    owner,
    strip_owner,
)
from monitor.extract.leadership.titles import alias_title_end
from monitor.records import LeadershipStatus

_HEAD_OF_BEFORE = re.compile(
    rf"\b(?P<role>(?:(?-i:[a-z][\w-]*)\s+)?{ROLE_BODY})\s+of\s+(?:the\s+)?"
    r"(?P<org>[^,]{2,60})(?P<comma>,)?\s+$",
    re.I,
)
_FORMER_BEFORE = re.compile(
    r"\b(?:former|ex|late|then|onetime|one-time|erstwhile|ousted|deposed|toppled|overthrown)\b"
    r"[\s-]+(?:\S+\s+){0,3}$|"
    # an office that ends: "the resignation of Prime Minister X", "the ouster of President X"
    r"\b(?:resignation|ouster|ousting|removal|overthrow|dismissal|sacking|impeachment)\s+of\s+"
    r"(?:the\s+)?(?:\S+\s+){0,3}$",
    re.I,
)
# Offices of a state or a province are offices even as a bare title ("President X", "PM X");
# a rank ("General X") or a bare "commander X" is not.
_TITLE_OFFICES = re.compile(
    r"president|premier|pm|(?:prime\s+)?minister|chancellor|governor|mayor|king|emir|"
    r"commander[\s-]in[\s-]chief|secretary[\s-]general",
    re.I,
)
# A spokesman's title is a post, never a rank: "spokesman X said" tells the office.
_BARE_OFFICE = re.compile(rf"{_TITLE_OFFICES.pattern}|spokes(?:man|woman|person)", re.I)


# A title in quotes, as reports give the posts of an armed group's own making: "its 'minister of
# war' X", "the group's \"emir\" X".
_QUOTED_TITLE = re.compile(
    r"(?:(?P<poss>\b(?:its|their|his|her)|[\w-]+['’]s)\s+)?[\"“‘'](?P<role>"
    r"(?:(?!(?:our|my|your|their|his|her|its|we|i|you|they|he|she)\b)[a-z-]+\s+)?"
    rf"(?:{HEADS})(?:\s+of\s+[a-z]+(?:\s+and\s+[a-z]+)?)?)[\"”’']\s+$",
    re.I,
)


def _quoted_title(sentence: str, p: Mention, groups: list[Mention]) -> list[Hit]:
    m = _QUOTED_TITLE.search(sentence, 0, p.start)
    if m is None or _FORMER_BEFORE.search(sentence, 0, m.start()) or FORMER.search(m["role"]):
        return []
    org = owner(m["poss"], m.start("poss"), groups) if m["poss"] else None
    return [Hit(p, "claimed", clean_role(m["role"]), org, m.start())]


def _written_start(sentence: str, p: Mention) -> int:
    """Where the person's name begins as written: a mention may hold only the end of it
    ("Secretary of State Anna Belmor" names "Belmor" when the capitalised title runs into the
    name), and the title stands before the words of the person's own names; or it may hold
    the title too, when a user configured the alias with it ("President Isak Dor")."""
    own = {w.lower() for name in p.entity.names for w in name.split()}
    start = p.start
    while (word := _NAME_WORD_BEFORE.search(sentence, 0, start)) and _own(word[1], own):
        start = word.start()
    named_at = alias_title_end(sentence, p.start, p.end) if start == p.start else None
    if named_at and not _name_begins_with(p.entity.name, sentence[p.start : named_at]):
        return named_at  # an alias that holds the title: "President X" configured as such
    return start


def _name_begins_with(name: str, title: str) -> bool:
    """Whether the configured name itself opens with the title's words: "Prince Wolo" is a
    name ("gunmen loyal to Prince Tarku Wolo" tell no office of prince), where an alias
    "President Isak Dor" of "Isak Dor" holds the office."""
    words = title.lower().split()
    return name.lower().split()[: len(words)] == words


def _own(word: str, own: set[str]) -> bool:
    """A word of the person's names that is no office ("President" of an alias "President
    X" is the title, not the name)."""
    return word.lower() in own and _HEAD_WORD.fullmatch(word) is None


_HEAD_WORD = re.compile(HEADS, re.I)
_NAME_WORD_BEFORE = re.compile(rf"(?<![\w'’-])((?-i:{CAPITAL})[\w'’-]*)\s+$")


def premodifier(sentence: str, p: Mention, groups: list[Mention]) -> list[Hit]:
    """ "resistance leader X", "the SLM's new military chief, X", "its leader, X"."""
    if quoted := _quoted_title(sentence, p, groups):
        return quoted
    m = HEAD_BEFORE.search(sentence, 0, _written_start(sentence, p))
    if m:
        start = m.start("role")
        if _FORMER_BEFORE.search(sentence, 0, start) or FORMER.search(m.group("role")):
            return []
        role = m.group("role")
        inside = next((g for g in groups if _in_office(sentence, g, start, m.end("role"))), None)
        if inside:
            role = strip_owner(sentence[inside.end : m.end("role")])
            org: str | None = inside.entity.name
        else:
            poss = re.search(
                r"(?:\b(?:[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|whose)|['’]s?)\s*$", sentence[:start]
            )
            possessor = _possessor(sentence, start)
            org = owner(possessor, start, groups) if poss else None
            adjacent = next((g for g in groups if 0 <= start - g.end <= 3), None)
            org = org or (adjacent.entity.name if adjacent else None)
            if org and _a_country(possessor) and is_state_office(role):
                org = None  # "Kenya's President X", "the Kenya Defence Minister, X": the state's
            national = DEMONYM_OFFICE.match(role) or _country_first(role)
            if org is None and national:  # "Azerbaijani President X": a state's office
                role = role[national.end() :]
            elif org is None:
                org, role = acronym_owner(role)
                org = org or _body_of_the_office(sentence, start, role)
            # A bare title ("General X", "commander X") is no office; "army chief X" is, and so
            # is one with a possessor ("the militia's leader, X"), whoever that is.
            bare = org is None and not poss and not national
            one_word = len(role.split()) < 2 and not is_status_role(role)
            if bare and one_word and not _BARE_OFFICE.fullmatch(role):
                return []
        status: LeadershipStatus = "declared" if is_self_declared(role) else "claimed"
        return [Hit(p, status, clean_role(role), org, m.start())]
    return _head_of(sentence, p, groups)


_DETERMINER = re.compile(r"(?:the|a|an|its|their|his|her)\s+$", re.I)


def _in_office(sentence: str, group: Mention, start: int, end: int) -> bool:
    """Whether a group's name is part of the office `sentence[start:end]`: inside it, or
    running into it from a word before it ("Varland military chief X" inside a sentence, where
    the office's words start at "military"), unless that word is a determiner ("the army chief
    X" with "the army" configured is an office of that title)."""
    if not start < group.end < end:
        return start <= group.start < end
    before = sentence[group.start : start]
    return not before.strip() or _DETERMINER.fullmatch(before) is None


def _head_of(sentence: str, p: Mention, groups: list[Mention]) -> list[Hit]:
    """ "the head of the Front, X" and, without the comma, "the Interior Minister of the
    Front X": the office of the group the "of" names, the group's name then running up to the
    person's."""
    m = _HEAD_OF_BEFORE.search(sentence, 0, p.start)
    if not m or _FORMER_BEFORE.search(sentence, 0, m.start("role")):
        return []
    org_at, org_end = m.start("org"), m.end("org")
    if m.group("comma"):
        found = (g for g in groups if g.end in (org_at, org_at - 1) or g.start == org_at)
    else:
        found = (g for g in groups if org_at - 4 <= g.start <= org_at and g.end == org_end)
    group = next(found, None)
    if group is None:
        return []
    role = _part_of_the_body(m.group("role"), sentence[max(group.end, org_at) : org_end])
    if role is None:
        return []
    return [Hit(p, "claimed", role, group.entity.name, m.start())]


# After the group's name inside "the head of <group>, X": nothing, its acronym, or a part of
# it ("'s political wing"), whose head the person is.
_ACRONYM_AFTER = re.compile(r"\s*(?:\([^()]*\))?\s*")
_PART_AFTER = re.compile(r"['’]s?\s+(?P<part>(?-i:[a-z][\w-]*)(?:\s+(?-i:[a-z][\w-]*)){0,2})\s*")


def _part_of_the_body(role: str, after: str) -> str | None:
    """The office of "the head of the Front's political wing, X" is the head of the wing
    (the Front's office); an "of" phrase that goes on past the name to other words ("the
    commander of the Front met the mayor of Dorn, X") names no office of X's."""
    if _ACRONYM_AFTER.fullmatch(after):
        return clean_role(role)
    part = _PART_AFTER.fullmatch(after)
    if part is None:
        return None
    return f"{clean_role(role)} of the {part['part']}"


# Offices only a body holds, never a state: the capitalised name before one is the body's.
_BODY_OFFICE = re.compile(r"secretary[\s-]general$", re.I)
# The body's name: after "the" ("the United Nations"), or an acronym ("UN", "NATO").
_NAME_BEFORE = re.compile(
    rf"(?:\b(?i:the)\s+(?P<name>(?-i:{CAPITAL})[\w.-]*(?:\s+(?-i:{CAPITAL})[\w.-]*){{0,3}})|"
    r"(?<![\w'’.-])(?P<acronym>[A-Z]{2,6}))\s+$"
)


def _body_of_the_office(sentence: str, start: int, role: str) -> str | None:
    """ "the United Nations Secretary-General, Mr X", "UN Secretary-General X": the name
    written before an office that only a body holds is that body, configured or not (not a
    country)."""
    if _BODY_OFFICE.search(role) is None:
        return None
    m = _NAME_BEFORE.search(sentence, 0, start)
    name = m and (m["name"] or m["acronym"])
    return name if name and not is_country(name) else None


def _country_first(role: str) -> re.Match[str] | None:
    """ "Kelsania Defence Minister": a country's name opening an office names its state."""
    m = re.match(rf"(?-i:{CAPITAL}[\w-]+)\s+(?=\S)", role)
    return m if m and is_country(m.group(0)) else None


def _a_country(possessor: str | None) -> bool:
    return bool(possessor) and is_country(re.sub(r"['’]s?$", "", possessor or ""))


def _possessor(sentence: str, end: int) -> str | None:
    m = re.search(r"([\w-]+(?:['’]s?)?)\s*$", sentence[:end])
    return m.group(1) if m else None
