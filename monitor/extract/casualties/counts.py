"""Count phrases for casualty claims: does a count count people, and whose people?

`parse_count` reads the words after an amount: "350 Taliban fighters", "dozens of Taliban",
"40 of its fighters", "12 fighters loyal to the SLM", "300 casualties on the Taliban", "30
others" or a bare "12". It returns None when the amount counts something else ("30 vehicles",
"12 years", "40 Taliban positions", "14 X tanks" where "X tanks" names the group, "60
percent"): a count is about people only when it ends
in a people noun, in a configured group used as a noun ("killed 350 Taliban in Kunduz") or,
bare, right before a verb, a preposition or punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.extract.language.mentions import Mention
from monitor.extract.language.numbers import Amount
from monitor.extract.language.units import PLURALS, TOKEN, UNITS, names_things

PEOPLE = (
    frozenset(UNITS)
    | PLURALS
    | frozenset(
        """member members commander commanders officer officers policeman policemen police guard
    guards loyalist loyalists operative operatives cadre cadres conscript conscripts mercenary
    mercenaries bodyguard bodyguards leader leaders marine marines paratrooper paratroopers
    civilian civilians people villagers person persons women children militiamen fighters
    employees staff peacekeeper peacekeepers terrorists extremists assailants attackers
    comrade comrades colleague colleagues casualties bodies""".split()
    )
)
# Words that may close a count phrase without being part of it: "killed 40 Taliban in ...".
_FOLLOWERS = frozenset(
    """were was are is had have has who that and or but in on at near during after before as
    when while including among by with since inside outside across around from into over
    overnight yesterday today last this earlier late early dead killed wounded injured hurt
    captured detained arrested died perished surrendered lost taken slain shot gunned executed
    martyred massacred seized rounded gave also reportedly allegedly all
    prisoner prisoners captive captives hostage hostages alive for to according others more so
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
_PUNCT = re.compile(r"^\s*(?:$|[,.;:)!?\"”’'—–]|\s-+\s)")
_POSSESSIVES = frozenset("its their our".split())
_SELF_NOUNS = re.compile(r"(?:group|movement|militia|organi[sz]ation|force|side)['’]s$", re.I)
_ELLIPTICAL = frozenset("others more".split())
_QUOTES = frozenset("\"“”'‘’")
_BLOCK = frozenset(
    """percent per cent pc km kg mile year day hour week month minute km2 am pm a an were was
    is are be been had have has to in at on by for with from into than and or but who which
    that dead killed wounded injured hurt captured detained arrested died taken slain shot
    gunned lost among new fresh additional extra further""".split()
)
_ADJECTIVES_ED = frozenset("armed suspected alleged trained seasoned unarmed hardened".split())
_NOT_PEOPLE_AFTER = re.compile(
    r"^\s*(?:carriers?|jets?|planes?|aircraft|vehicles?|trucks?|helicopters?|positions?|posts?|"
    r"bases?|camps?|families|relatives|uniforms?|salaries|weapons?)\b",
    re.I,
)
_OWNER_AFTER = re.compile(
    r"^[\"”’']?\s+(?:of|from|belonging\s+to|loyal\s+to|affiliated\s+with|allied\s+(?:to|with)|"
    r"among)\s+(?:the\s+)?$",
    re.I,
)
_ON = re.compile(r"^\s+(?:on|among)\s+(?:the\s+)?$", re.I)


_STATE_PEOPLE = frozenset("soldiers troops police policemen officers servicemen".split())
_CIVILIAN_PEOPLE = frozenset("civilians people villagers residents women children".split())


def kind_of_people(noun: str | None) -> str:
    """ "state" for soldiers, "civilian" for villagers, "fighter" for anyone else."""
    word = (noun or "").lower()
    return (
        "state" if word in _STATE_PEOPLE else "civilian" if word in _CIVILIAN_PEOPLE else "fighter"
    )


@dataclass(frozen=True, slots=True)
class Count:
    """An amount of people. `group` is the group named in the phrase; `pronoun` (its, their,
    our) says the owner is named elsewhere; a bare count (no noun, no group) or "30 others"
    is `elliptical` and shares the subject of the count before it."""

    amount: Amount
    end: int
    group: Mention | None
    noun: str | None
    pronoun: str | None
    elliptical: bool


def _adjective(word: str) -> bool:
    lower = word.lower()
    if lower in _BLOCK or any(c.isdigit() for c in word) or not word[0].isalpha():
        return False
    if word[0].isupper():
        return bool(re.fullmatch(r"[A-Z][a-z][\w-]*", word))  # "Pakistani", "Afghan"
    if lower.endswith("s") and not lower.endswith(("ss", "ous")):
        return False
    return lower in _ADJECTIVES_ED or not lower.endswith(("ed", "ing", "'s", "’s"))


def closes_phrase(sentence: str, pos: int) -> bool:
    """True when what follows `pos` cannot continue a noun phrase."""
    if _PUNCT.match(sentence[pos:]):
        return True
    m = TOKEN.match(sentence, pos)
    return m is not None and m.group(1).lower() in _FOLLOWERS


def _group_after(sentence: str, pos: int, groups: list[Mention], noun: str) -> Mention | None:
    for g in groups:
        if g.start > pos and (
            _OWNER_AFTER.match(sentence[pos : g.start])
            or (noun == "casualties" and _ON.match(sentence[pos : g.start]))
        ):
            return g
    return None


def parse_count(sentence: str, amount: Amount, groups: list[Mention]) -> Count | None:
    """The people an amount counts, or None when it counts something else."""
    pos, modifiers = amount.end, 0
    group: Mention | None = None
    noun = pronoun = None
    while m := TOKEN.match(sentence, pos):
        word, start = m.group(1), m.start(1)
        lower = word.lower()
        mention = next((g for g in groups if g.start == start), None)
        if word in _QUOTES and noun is None and group is None:
            pos = m.end()  # 'killed "dozens" of RSF fighters'
        elif noun is None and group is None and mention is not None:
            if names_things(sentence[mention.start : mention.end]):
                return None  # "captured 14 X tanks": things, not people
            group, pos = mention, mention.end
            pos += 2 if sentence[pos : pos + 2] in ("'s", "’s") else 0
        elif lower in PEOPLE and not (noun and lower not in PLURALS):
            noun, pos = lower, m.end()  # a second noun is the head: "special forces fighters"
        elif noun is not None or group is not None:
            break
        elif lower in ("of", "the"):
            pos = m.end()
        elif lower in _POSSESSIVES or _SELF_NOUNS.fullmatch(lower):
            pronoun, pos = (lower if lower in _POSSESSIVES else "its"), m.end()
        elif lower == "own" and pronoun is not None:
            noun, pos = "own", m.end()  # "lost 8 of its own (soldiers)"
        elif lower in ("them", "those", "whom"):
            return Count(amount, m.end(), None, None, None, True) if lower == "them" else None
        elif lower in _ELLIPTICAL:
            pos = m.end()  # "30 others", "30 more"
            if lower == "others":
                break  # "wounded 22 others near El Fasher"
        elif modifiers < 2 and lower not in _FOLLOWERS and _adjective(word):
            modifiers, pos = modifiers + 1, m.end()
        else:
            break
    if noun is not None:
        if _NOT_PEOPLE_AFTER.match(sentence[pos:]):
            return None
        if group is None and (owner := _group_after(sentence, pos, groups, noun)):
            group, pos = owner, owner.end
        return Count(amount, pos, group, noun, None if group else pronoun, False)
    if not closes_phrase(sentence, pos):
        return None
    if group is not None:
        return Count(amount, pos, group, None, None, False)
    if modifiers or pronoun:
        return None
    return Count(amount, pos, None, None, None, True)
