"""A state stands for its army in a control sentence ("Varland says it now fully controls
Dorvik", "Varland's president says the army has seized Kastrel"): the state is the name before
"'s army", "'s military" or "'s armed forces" in a configured group's aliases, or the country
whose demonym opens an alias "<demonym> army", "... military", "... armed forces" or
"... government" of exactly one group ("Bosnia" for "Bosnian army").

Only where the state acts or speaks: never after a preposition ("fighting in Ethiopia", "the
north of Mali"), never as the modifier of another name or of another side's people ("Mali JNIM
fighters", "Syria rebels"), and before a possessive only for its leaders and offices ("Mali's
leader", not "Ethiopia's Tigray region").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from monitor.extract.language.country_names import is_country_name
from monitor.extract.language.mentions import Mention
from monitor.extract.language.text import CAPITAL
from monitor.records import EntityRef

_ARMY_ALIAS = re.compile(rf"(?P<state>{CAPITAL}[\w -]*?)['’]s\s+(?:army|military|armed\s+forces)$")
_PREPOSITION = re.compile(
    r"\b(?:in|of|from|to|into|across|near|throughout|within|inside|outside|for|with|against|"
    r"between|over|at|on|by|towards?|via)\s+(?:the\s+)?$",
    re.I,
)
_OFFICE = re.compile(
    r"['’]s\s+(?:leader|president|prime\s+minister|government|defen[cs]e\s+ministry|ministry|"
    r"spokes(?:man|woman|person)|junta|authorities|head\s+of\s+state)\b",
    re.I,
)


_NAME_AFTER = re.compile(rf"\s+(?-i:{CAPITAL})")
# "Varland rebels took Dorvik": the country names the other side's people, it does not act.
_OTHER_SIDE_AFTER = re.compile(
    r"\s+(?:rebels?|insurgents?|militants?|opposition|separatists?|jihadists?|guerr?illas?|"
    r"militias?|militiamen|protesters|fighters|gunmen)\b",
    re.I,
)


_DEMONYM_ALIAS = re.compile(
    r"(?P<demonym>[A-Z][a-z]+)\s+(?:army|military|armed\s+forces|government(?:\s+forces)?)$"
)


def _country_of(demonym: str) -> str | None:
    """ "Bosnia" for "Bosnian", "Sudan" for "Sudanese": a country's name that the demonym
    extends by one to three letters."""
    return next(
        (demonym[:-n] for n in (1, 2, 3) if is_country_name(demonym[:-n])),
        None,
    )


@functools.lru_cache(maxsize=256)
def _states(entities: tuple[EntityRef, ...]) -> tuple[tuple[re.Pattern[str], EntityRef], ...]:
    found: dict[str, EntityRef] = {}
    by_demonym: dict[str, set[str]] = {}
    groups = [e for e in entities if e.kind == "group"]
    for e in groups:
        for name in e.names:
            m = _ARMY_ALIAS.match(name)
            if m and not any(n.casefold() == m.group("state").casefold() for n in e.names):
                found.setdefault(m.group("state"), e)
            d = _DEMONYM_ALIAS.match(name)
            country = _country_of(d.group("demonym")) if d else None
            if country is not None:
                by_demonym.setdefault(country, set()).add(e.name)
    # "Bosnia's government said" for a force configured as "Bosnian army": one force only.
    named = {n.casefold() for e in entities if e.kind != "place" for n in e.names}
    for country, owners in by_demonym.items():
        if len(owners) == 1 and country.casefold() not in named:
            found.setdefault(country, next(e for e in groups if e.name in owners))
    return tuple((re.compile(rf"\b{re.escape(s)}\b"), e) for s, e in found.items())


def state_mentions(
    sentence: str, entities: Sequence[EntityRef], mentions: Sequence[Mention]
) -> list[Mention]:
    """The states of `sentence` that act or speak, as mentions of their armies."""
    out = []
    for pattern, army in _states(tuple(entities)):
        for m in pattern.finditer(sentence):
            if any(x.start <= m.start() < x.end and x.entity.kind != "place" for x in mentions):
                continue
            if _PREPOSITION.search(sentence, 0, m.start()):
                continue
            if _NAME_AFTER.match(sentence, m.end()):
                continue  # "Mali JNIM fighters": a modifier of another name, not the state acting
            if _OTHER_SIDE_AFTER.match(sentence, m.end()):
                continue
            after = sentence[m.end() : m.end() + 2]
            if after[:1] in ("'", "’") and not _OFFICE.match(sentence, m.end()):
                continue
            out.append(Mention(army, m.start(), m.end()))
    return out
