"""Whose soldiers: a count of soldiers or troops belongs to the state's force of the story.

Reports count a state's losses without naming its army each time: "the RSF said it had captured
200 soldiers", "his fighters had killed 45 government soldiers", "M23 rebels killed 11 Congolese
soldiers". A group configured with a common-noun alias for a state's force ("Sudanese army",
"Congolese army") is such a force; its adjective ("Congolese") names it too.

`soldier_references` finds counts of "soldiers"/"troops" (or "servicemen", "marines",
"sailors", "airmen", "paratroopers") that
- carry that adjective ("11 Congolese soldiers"), or
- carry "army"/"government" or nothing ("200 soldiers", "150 army soldiers") while exactly one
  state force is named in the sentence or the sentences just before it.

Another nationality ("3,000 Rwandan troops") or a named unit keeps the count someone else's, a
police force is nobody's soldiers, and soldiers that another group has or fields ("the rebels
are estimated to have 20,000 soldiers") are that group's.

Likewise, `fighter_references` reads a count of generic irregulars ("40 militants", "60
militiamen", "1,400 guerrillas", "500 gunmen") or an irregular unit named by its kind ("militia
units", "paramilitary fighters") as the one armed group in view that is not a state's force,
unless that group is the one doing the killing in the same sentence ("the Taliban killed 40
militants").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from monitor.extract.language.mentions import Mention
from monitor.extract.language.numbers import find_amounts
from monitor.extract.language.text import CAPITAL
from monitor.records import EntityRef

# The members of a state's forces by their service: soldiers, sailors, marines and the rest.
SERVICE_NOUNS = "soldiers|troops|servicemen|marines|sailors|airmen|paratroopers"
_SOLDIERS = re.compile(
    rf"(?P<mod>\b(?:army|government|(?-i:{CAPITAL})[\w’'-]*)\s+)?(?P<noun>{SERVICE_NOUNS})\b", re.I
)
_GENERIC_MODIFIERS = frozenset({"army", "government"})


def soldier_references(
    sentence: str,
    mentions: Sequence[Mention],
    recent: Iterable[Mention],
    state: frozenset[str],
    demonyms: Mapping[str, EntityRef],
) -> list[tuple[int, int, EntityRef]]:
    """(start, end, force) for each count of soldiers the state force in view owns: the span
    is the modifier and noun ("army soldiers"), to be read as "<force> soldiers"."""
    in_view = {
        m.entity.name: m.entity
        for m in (*mentions, *recent)
        if m.entity.name in state and not _police(m.entity)
    }
    if len(in_view) != 1 and not any(d in sentence for d in demonyms):
        return []
    amounts = find_amounts(sentence)
    out: list[tuple[int, int, EntityRef]] = []
    for m in _SOLDIERS.finditer(sentence):
        start = m.start("mod") if m.group("mod") else m.start("noun")
        if not any(0 <= start - a.end <= 1 for a in amounts):
            continue  # not a count: "soldiers raised the flag"
        if any(n.start < m.end() and start < n.end for n in mentions):
            continue  # already named: "Sudanese army soldiers"
        if _owned_by_subject(sentence, start, mentions, state):
            continue  # "the rebels have 20,000 soldiers": the rebels' own
        modifier = (m.group("mod") or "").strip()
        if modifier and modifier.lower() not in _GENERIC_MODIFIERS:
            force = demonyms.get(modifier)
            if force is not None:
                out.append((start, m.end(), force))
            continue  # "Rwandan troops" are not the state force of the story
        if len(in_view) == 1:
            out.append((start, m.end(), next(iter(in_view.values()))))
    return out


# Verbs by which a side has its soldiers: "X has 20,000 soldiers", "X fields 5,000 troops".
_HAVING = re.compile(
    r"\b(?:ha[sdve]+|fields?|fielded|commands?|commanded|deploy(?:s|ed)?|sen[dt]s?|numbers?|"
    r"numbered|musters?|mustered|boasts?|boasted|counts?|counted)\b",
    re.I,
)


def _owned_by_subject(
    sentence: str, start: int, mentions: Sequence[Mention], state: frozenset[str]
) -> bool:
    """A group that is no state force, named before the count in the same sentence, that has
    or fields the soldiers (a verb of having between them, none of inflicting): its own."""
    for n in mentions:
        if n.end <= start and n.entity.kind == "group" and n.entity.name not in state:
            between = sentence[n.end : start]
            if _HAVING.search(between) and not _INFLICTED.search(between):
                return True
    return False


_POLICE = re.compile(r"\b(?:police|gendarmerie|constabulary)\b", re.I)


def _police(force: EntityRef) -> bool:
    """A police force, as its configured name says: its members are no soldiers or troops."""
    return _POLICE.search(force.name) is not None


def demonyms_of(groups: Iterable[EntityRef], state: frozenset[str]) -> dict[str, EntityRef]:
    """ "Congolese" for a state force configured as "Congolese army"."""
    out: dict[str, EntityRef] = {}
    for e in groups:
        if e.name in state:
            for name in e.names:
                words = name.split()
                if len(words) == 2 and words[0][:1].isupper() and words[1][:1].islower():
                    out[words[0]] = e
    return out


_IRREGULARS = re.compile(
    r"\b(?:(?P<mod>militia|rebel|paramilitary|insurgent|jihadist|militant)\s+"
    r"(?P<unit>units|fighters|forces|positions)|(?P<noun>militants|militiamen|rebels|insurgents|"
    r"jihadists|paramilitaries|terrorists|guerrillas|gunmen))\b",
    re.I,
)
_INFLICTED = re.compile(
    r"\b(?:kill\w*|captur\w*|ambush\w*|attack\w*|shot|wounded|routed|repelled|against|"
    r"fought|fighting|battl\w*)\b",
    re.I,
)


def _counted(sentence: str, end: int, start: int) -> bool:
    """Whether a noun at `start` is counted by an amount ending at `end`: right after it, or
    past "remaining" ("40 remaining militants": the fighters a side has left)."""
    return 0 <= start - end <= 1 or sentence[end:start].strip().lower() == "remaining"


def fighter_references(
    sentence: str,
    mentions: Sequence[Mention],
    recent: Iterable[Mention],
    non_state: frozenset[str],
) -> list[tuple[int, int, EntityRef]]:
    """(start, end, group) for each generic reference to the one irregular group in view; the
    span is the modifier ("militia" in "militia units") or the whole noun ("militants")."""
    found = list(_IRREGULARS.finditer(sentence))
    if not found:
        return []
    in_view = {m.entity.name: m.entity for m in (*mentions, *recent) if m.entity.name in non_state}
    if len(in_view) != 1:
        return []
    group = next(iter(in_view.values()))
    amounts: list[int] | None = None
    out: list[tuple[int, int, EntityRef]] = []
    for m in found:
        start = m.start()
        if any(n.start < m.end() and start <= n.end + 1 for n in mentions):
            continue  # named already: "Taliban militants", "al-Shabaab's insurgents"
        if m.group("noun"):
            if amounts is None:
                amounts = [a.end for a in find_amounts(sentence)]
            if not any(_counted(sentence, end, start) for end in amounts):
                continue  # not a count: "the militants" is `coref`'s business
        named = [n for n in mentions if n.entity.name == group.name and n.end <= start]
        if named and _INFLICTED.search(sentence, named[-1].end, start):
            continue  # the group's own victims or foes
        end = m.end("mod") if m.group("mod") else m.end()
        out.append((start, end, group))
    return out
