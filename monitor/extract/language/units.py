"""Is an amount a count of fighters? Find the unit noun that ties a count to fighters.

Forward: "2,500 fighters", "thousands of troops", "a 300-strong militia", "2,000 Panjshiri
fighters" (a capitalised word that names no configured entity is remembered as a `foreign`
modifier: the fighters may belong to somebody the configuration does not know). Backward: "the
number of fighters ... does not exceed 2,500", "its strength to around 9,000", "the M9 now
numbers some 4,000", "the M9, which analysts say numbers 4,000". Increments ("3,500 more
fighters") and equipment ("armoured personnel carriers", "fighter jets") are not fighters;
fresh troops are ("500 new X troops were moved to Y"). A number before a noun of its own that
an "of" follows counts that noun ("the 2011 invasion of X"), and one before a group's name that
ends in a noun of things counts the things ("14 X tanks").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from monitor.extract.language.mentions import Mention
from monitor.extract.language.numbers import Amount
from monitor.records import EntityRef

UNITS = {
    "fighter": "fighters", "troop": "troops", "soldier": "soldiers", "man": "men",
    "militiaman": "militiamen", "commando": "commandos", "guerrilla": "guerrillas",
    "guerilla": "guerrillas", "recruit": "recruits", "volunteer": "volunteers",
    "combatant": "combatants", "militant": "militants", "insurgent": "insurgents",
    "rebel": "rebels", "gunman": "gunmen", "serviceman": "servicemen", "reservist": "reservists",
    "paramilitary": "paramilitaries", "commandoes": "commandos", "forces": "forces",
    "personnel": "personnel", "mujahideen": "mujahideen", "guerillas": "guerrillas",
    "jihadist": "jihadists", "terrorist": "terrorists", "paratrooper": "paratroopers",
    "marine": "marines", "infantryman": "infantrymen", "conscript": "conscripts",
    "irregular": "irregulars",
}  # fmt: skip
PLURALS = frozenset(UNITS.values())
# A person's possessive before the force the person leads: "Brel's 4,000 fighters", "Brel's
# forces are estimated at ...", "Brel's own army"; not the men an aide of his tells of ("Brel's
# aide said 300 men ...").
_LEADERS_FORCE = re.compile(
    r"['’]s\s+(?:(?!(?:said|says|told|claimed|added|reported)\b)[\w,.-]+\s+){0,3}?(?:"
    + "|".join(sorted(PLURALS))
    + r"|force|army|militia|troops|men|units|loyalists)\b",
    re.I,
)


def leaders_forces(
    sentence: str, mentions: Sequence[Mention], entities: Sequence[EntityRef]
) -> list[Mention]:
    """A configured person's possessive before a force, as a mention of the group the
    configuration ties the person to: "Brel's 4,000 fighters" are that group's fighters."""
    groups = {e.name: e for e in entities if e.kind == "group"}
    out = []
    for m in mentions:
        group = groups.get(m.entity.affiliation or "") if m.entity.kind == "person" else None
        if group is not None and _LEADERS_FORCE.match(sentence, m.end):
            out.append(Mention(group, m.start, m.end))
    return out


_STRONG = re.compile(
    r"^-?\s*(?:strong|man|member)\s+(?:[a-z-]+\s+)?"
    r"(?:force|army|militia|contingent|unit|brigade|battalion|garrison|group|column|detachment)s?\b",
    re.I,
)
_QUOTES = frozenset("\"“”'‘’")
TOKEN = re.compile(r"\s*([\w'’-]+|[^\w\s])")
_PASS_WORDS = frozenset("of the its their his her our and or".split())
_BLOCK_WORDS = frozenset(
    """were was are is have has had be been will would to from in at on with by for against
    into than per each who which that women children people civilians police year old
    aircraft additional extra more further""".split()
)
# Nouns that turn a unit word into a modifier: "personnel carriers", "fighter jets".
_NOT_PEOPLE = re.compile(
    r"^\s*(?:carriers?|jets?|planes?|aircraft|vehicles?|trucks?|transports?|helicopters?|"
    r"bombers?|drones?|camps?|barracks|bases?|positions?|training|families|family|relatives|"
    r"wives|widows|children|uniforms?|salaries|salary|pay|pensions?)\b",
    re.I,
)
# The last word of a group's name that counts things, not people: "14 X tanks", "3 X divisions".
_THINGS = frozenset(
    """tanks warplanes aircraft jets planes helicopters vehicles artillery ships boats guns
    drones divisions brigades battalions regiments units companies positions bases""".split()
)


def names_things(name: str) -> bool:
    """A group's name written with a noun of things at its end ("Iraqi tanks"): a number
    before it counts the things, not the group's people."""
    words = name.split()
    return bool(words) and words[-1] in _THINGS


_SENTENCE_STARTERS = frozenset("the a an some about around nearly almost up as".split())
_LINK = re.compile(
    r"\b(?:number(?:s|ed|ing)?|total(?:s|led|ling|ed|ing)?|exceed(?:s|ed|ing)?|reach(?:es|ed)?|"
    r"stand(?:s)?\s+at|stood\s+at|put\s+at|estimated\s+at|strength|tally|count)\b",
    re.I,
)
_TRAIL_OK = frozenset(
    """and but or according he she they officials in at as by said says when while since
    across nationwide now on this last""".split()
)
# A group's name used as the noun of a count: "2,000 Taliban were ...", before a verb or
# punctuation; or right after the number, before a preposition of place: "up to 3,000 KDF
# in four columns", "1,500 KDF at the gates" (not "one side and the KDF on the other").
_GROUP_AS_UNIT = re.compile(r"^\s+(?:were|are|had|have|was|is|fighters?\b)|^\s*[,.;]", re.I)
_GROUP_PLACED = re.compile(r"^\s+(?:in|on|at|near|around|along|across|inside)\s", re.I)
# "the M9 now numbers some 4,000", "Taliban strength ... at": the group itself is counted.
# Also through a relative clause: "the SLM, which diplomats believe numbers some 2,500".
_GROUP_NUMBERS = re.compile(
    r"^(?:['’]s?)?(?:,\s+(?:which|who)\s+(?:[^,;]{0,50}?\s)?|\s+)"
    r"(?:(?:now|still|reportedly|already|currently|only)\s+)?"
    r"(?:numbers?|numbered|strength)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Unit:
    """The unit noun of a count, its span, and whether an unknown proper name modifies it."""

    word: str
    start: int
    end: int
    foreign: bool = False
    # "40 remaining militants": fighters left of a side, which the count or the words right
    # after it must name; the nearest group of the sentence may be the side fighting them.
    remaining: bool = False


def forward_unit(sentence: str, amount: Amount, mentions: list[Mention]) -> Unit | None:
    """The unit noun that follows an amount within a few modifier words, if any."""
    rest = sentence[amount.end :]
    strong = _STRONG.match(rest)
    if strong:
        return Unit("fighters", amount.end, amount.end + strong.end())
    pos, foreign, remaining = amount.end, False, False
    for count, token in enumerate(TOKEN.finditer(rest)):
        word, start = token.group(1), amount.end + token.start(1)
        end = start + len(word)
        lower = word.lower()
        if lower in UNITS or lower in PLURALS:
            unit = Unit(UNITS.get(lower, lower), start, end, foreign, remaining)
            unit = _next_unit(sentence, unit)
            return None if _NOT_PEOPLE.match(sentence[unit.end :]) else unit
        mention = next((m for m in mentions if m.start == start), None)
        if mention and names_things(sentence[mention.start : mention.end]):
            return None  # "14 X tanks"
        if mention:
            if mention.entity.kind == "group" and _group_as_unit(sentence, amount, mention):
                return Unit("fighters", start, mention.end)
            pos = mention.end
            continue
        if start < pos or word in _QUOTES:
            continue
        if count >= 5:
            return None
        if _proper(word):
            foreign = True
        elif lower == "remaining":
            remaining = True
        elif not _passable(word) or _heads_of_phrase(word, rest, token.end()):
            return None
    return None


def _heads_of_phrase(word: str, rest: str, end: int) -> bool:
    """A noun an "of" follows is the head the number counts: "the 2011 invasion of X", "40
    percent of X"; a pass word ("2,000 of the X") is no noun."""
    after = TOKEN.match(rest, end)
    return word.lower() not in _PASS_WORDS and after is not None and after.group(1) == "of"


def _group_as_unit(sentence: str, amount: Amount, mention: Mention) -> bool:
    """Whether a group's name after a number is the noun it counts ("3,000 KDF")."""
    after = sentence[mention.end :]
    if _GROUP_AS_UNIT.match(after):
        return True
    return not sentence[amount.end : mention.start].strip() and bool(_GROUP_PLACED.match(after))


def _proper(word: str) -> bool:
    """A capitalised modifier that names no configured entity: "Panjshiri", "Afghan"."""
    return bool(re.fullmatch(r"[A-Z][a-z][\w-]*", word)) and word.lower() not in _SENTENCE_STARTERS


def _next_unit(sentence: str, unit: Unit) -> Unit:
    """Prefer the head noun: "special forces fighters" counts fighters."""
    m = TOKEN.match(sentence[unit.end :])
    if m and m.group(1).lower() in PLURALS:
        end = unit.end + m.end(1)
        return Unit(m.group(1).lower(), unit.end + m.start(1), end, unit.foreign, unit.remaining)
    return unit


def _passable(word: str) -> bool:
    lower = word.lower()
    if lower in _PASS_WORDS or lower.endswith(("'s", "’s")):
        return True
    if not word[0].islower() or lower in _BLOCK_WORDS or any(c.isdigit() for c in word):
        return False
    plural = len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "ous"))
    return not plural and (not lower.endswith("ing") or lower == "fighting")


def backward_unit(
    sentence: str, amount: Amount, others: list[Amount], groups: list[Mention]
) -> Unit | None:
    """A unit noun (or a counted group) before the amount, tied to it by "number", "total"..."""
    nxt = TOKEN.match(sentence[amount.end :])
    if nxt and nxt.group(1)[0].isalpha() and nxt.group(1).lower() not in _TRAIL_OK:
        return None
    lo = max([0, amount.start - 160, *(o.end for o in others if o.end <= amount.start)])
    window = sentence[lo : amount.start]
    if not _LINK.search(window):
        return None
    anchors = [
        (lo + m.start(1), lo + m.end(1), UNITS.get(m.group(1).lower(), m.group(1).lower()))
        for m in TOKEN.finditer(window)
        if m.group(1).lower() in UNITS.keys() | PLURALS | {"strength"}
    ]
    anchors += [
        (g.start, g.end, "fighters")
        for g in groups
        if lo <= g.start and g.end <= amount.start and _GROUP_NUMBERS.match(sentence[g.end :])
    ]
    if not anchors:
        return None
    start, end, word = max(anchors)
    if re.search(r"[;:]", sentence[end : amount.start]):
        return None
    return Unit("fighters" if word == "strength" else word, start, end)
