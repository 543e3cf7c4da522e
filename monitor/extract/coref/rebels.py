"""A side named by a common noun, read as the configured group it stands for (see `coref`).

- "<fighters> loyal to <person>" ("rebels loyal to Ostrov", "troops loyal to former President
  Ostrov") are the person's configured group: the noun is read as "<group> rebels".
- A generic side noun ("rebels", "Rebels", "Varland rebels", "insurgents", "separatists",
  "rebel fighters") is the one irregular side (`coref_sides`) the whole article names by name
  or alias; "peacekeepers" likewise the one peacekeeping mission. A person of a side is not
  enough: "rebels allied to <person>" may be a coalition larger than his group.
  Headlines name a side only later in the text, so the whole text is read first. Two such
  sides, or none, leave the noun as written; so do a count ("20 rebels": `coref_soldiers`
  judges those by the sentences in view), a noun with a modifier that may name another side
  ("Tuareg rebels", "rival rebels"), and a sentence that names the side itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from monitor.extract.coref.context import Edit
from monitor.extract.coref.sides import peacekeeping
from monitor.extract.language.country_names import is_country_initials, is_country_name
from monitor.extract.language.mentions import Mention, find_mentions
from monitor.extract.language.text import CAPITAL
from monitor.records import EntityRef

_LOYAL = re.compile(
    r"\b(?P<noun>rebels|fighters|forces|troops|soldiers|militiamen|gunmen|militias?|men)\s+"
    r"(?:still\s+|who\s+(?:are|were|remain|remained)\s+)?loyal\s+to\s+",
    re.I,
)
# Up to four words between "loyal to" and the person's name: "former Vice President".
_TITLE_WORDS = re.compile(r"(?:the\s+)?(?:[\w.'’-]+\s+){0,4}")
_SIDE_NOUN = re.compile(
    r"(?<![\w-])(?P<noun>(?P<rebels>rebels|rebel\s+(?:fighters|forces)|insurgents|separatists)|"
    r"peacekeepers)\b",
    re.I,
)
_WORD_BEFORE = re.compile(r"(?P<word>[\w'’.-]+)\s+$")
_CAPITALISED_BEFORE = re.compile(rf"(?:(?-i:{CAPITAL})[\w'’.-]*\s+){{1,4}}$")
# A demonym ("Varlandian", "Dorvikese") of the country an article is about.
_DEMONYM = re.compile(r"(?-i:[A-Z])\w+(?:an|ese|i)$")
# Lower-case words before the noun that make it some other side's, or no side's.
_OTHER_SIDE = frozenset(
    "other rival allied former ex some many few two three several dozens hundreds thousands "
    "opposing foreign islamist jihadist tribal local".split()
)


@dataclass(frozen=True, slots=True)
class ArticleSides:
    """The one irregular side and the one peacekeeping mission an article names, if one."""

    irregular: EntityRef | None
    mission: EntityRef | None


def article_sides(
    sentences: Sequence[str], entities: Sequence[EntityRef], irregular: frozenset[str]
) -> ArticleSides | None:
    """What a generic side noun stands for in this article; None when no sentence holds one
    (the cheap test first: most articles say "rebels" by name)."""
    if not any(_SIDE_NOUN.search(s) for s in sentences):
        return None
    named = {
        m.entity.name: m.entity
        for sentence in sentences
        for m in find_mentions(sentence, entities)
        if m.entity.kind == "group"
    }
    rebels = [g for g in named.values() if g.name in irregular]
    missions = [g for g in named.values() if peacekeeping(g)]
    return ArticleSides(
        rebels[0] if len(rebels) == 1 else None, missions[0] if len(missions) == 1 else None
    )


def loyal_edits(
    sentence: str, mentions: Sequence[Mention], entities: Sequence[EntityRef]
) -> list[Edit]:
    """ "rebels loyal to Ostrov" -> "<Ostrov's group> rebels loyal to Ostrov"."""
    out = []
    for m in _LOYAL.finditer(sentence):
        if any(n.start <= m.start("noun") < n.end for n in mentions):
            continue  # a configured name already: "forces loyal to Ostrov"
        person = next(
            (
                p.entity
                for p in mentions
                if p.entity.kind == "person"
                and p.start >= m.end()
                and _TITLE_WORDS.fullmatch(sentence, m.end(), p.start)
            ),
            None,
        )
        group = next((e for e in entities if person and e.name == person.affiliation), None)
        if group is not None:
            out.append(Edit(m.start("noun"), m.end("noun"), group, True, _kept(m.group("noun"))))
    return out


def side_noun_edits(
    sentence: str, mentions: Sequence[Mention], sides: ArticleSides | None
) -> list[Edit]:
    """The generic side nouns of `sentence` read as the article's one side of that kind."""
    if sides is None:
        return []
    out = []
    for m in _SIDE_NOUN.finditer(sentence):
        group = sides.irregular if m.group("rebels") else sides.mission
        if group is None or any(n.entity.name == group.name for n in mentions):
            continue
        if any(n.start < m.end() and m.start() < n.end for n in mentions):
            continue  # part of a configured name: "Seleka rebels"
        if _generic(sentence, m.start()):
            out.append(Edit(m.start(), m.end(), group, True, _kept(m.group("noun"))))
    return out


def _kept(noun: str) -> str:
    """The noun after the name, in lower case unless written in capitals: "Rebels" opening a
    sentence becomes "<group> rebels"."""
    return " " + (noun if noun.isupper() else noun.lower())


def _generic(sentence: str, start: int) -> bool:
    """Whether the words before a side noun leave it generic: none, a determiner or adjective,
    a country, its initials or its demonym ("Varland rebels", "CAR rebels", "Varlandian
    rebels"); not a count, not another capitalised name ("Tuareg rebels"), not "rival" or
    "other"."""
    before = _WORD_BEFORE.search(sentence, 0, start)
    if before is None:
        return True
    word = before.group("word")
    if word[:1].isdigit() or word.lower() in _OTHER_SIDE:
        return False
    capitalised = _CAPITALISED_BEFORE.search(sentence, 0, start)
    if not word[:1].isupper() or capitalised is None:
        return True
    if before.start() == 0 and word.lower() in ("the", "armed"):
        return True
    name = capitalised.group().strip()
    if is_country_name(name) or is_country_initials(name):
        return True
    return _DEMONYM.fullmatch(name.split()[-1]) is not None
