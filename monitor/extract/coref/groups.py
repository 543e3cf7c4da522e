"""References to a group or a place (see `coref`): a description ("the group", "the militia",
"the province"), a group name cut to its last word ("the Brigades"), an opening "Its leader",
and counts of soldiers or irregulars (`soldiers`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from monitor.extract.coref.context import (
    EarlierSentence,
    Edit,
    antecedent,
    is_landmark,
    mentions_in_view,
    named_before,
    names_entity,
    overlaps,
)
from monitor.extract.coref.persons import OFFICE_WORDS
from monitor.extract.coref.sides import sides
from monitor.extract.coref.soldiers import (
    SERVICE_NOUNS,
    demonyms_of,
    fighter_references,
    soldier_references,
)
from monitor.extract.language.country_names import is_country_name
from monitor.extract.language.mentions import Mention
from monitor.records import EntityRef

# Descriptions of an armed group. Those that say it is not a state's force ("the rebels",
# "the militia") never refer to a group configured as a state's army or police, that is one with
# a lower-case alias such as "Sudanese army" (a common noun, not a name). "The resistance" is
# not among them: it is as often an act ("met little resistance"); it refers to a group only
# as a configured alias ends with it ("anti-Taliban resistance"), like "the Brigades".
_NON_STATE = (
    r"movement|militia|rebels|insurgents|militants|paramilitaries|"
    r"paramilitary(?:\s+(?:group|force|forces))?|jihadists|guerrillas|faction"
)
_ANY_GROUP = r"group|fighters|organi[sz]ation|coalition|alliance"
_PLACE_NOUNS = r"town|city|province|district|valley|village|port|pass|enclave"
# "the pass", "the valley": only for a place whose name says it is one.
_NAMED_PLACE_NOUNS = frozenset({"pass", "valley", "port"})
_SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "port"})
# Not a reference: "the group of", "the front line", "the army-backed"; nor the modifier of an
# office whose body an of-phrase names ("the military chief of the Front": the Front's).
_NOT_A_REFERENCE = rf"(?!\s+(?:of|line|lines)\b|-|\s+(?:{'|'.join(OFFICE_WORDS)})\s+of\b)"
_GROUP_DESCRIPTION = re.compile(
    rf"\bthe\s+(?P<noun>(?P<rebel>{_NON_STATE})|{_ANY_GROUP})\b{_NOT_A_REFERENCE}", re.I
)
_PLACE_DESCRIPTION = re.compile(
    rf"\b(?:the|this)\s+(?:(?:entire|whole)\s+)?(?P<noun>{_PLACE_NOUNS}|country)\b"
    r"(?!\s+of\b|['’])",
    re.I,
)
# "Its leader", and "Its fighters", "Their troops": the group's office, or its forces.
_FORCE_WORDS = "fighters forces troops soldiers men militants units gunmen".split()
_OPENING_POSSESSOR = re.compile(
    rf"(?:Its|Their)(?=\s+(?:[\w’'-]+\s+){{0,2}}?(?:{'|'.join(OFFICE_WORDS + _FORCE_WORDS)})\b)"
)
# Stems without their first letter, which may be a capital: a plain substring test suffices.
_SERVICE = re.compile(rf"\b(?:{SERVICE_NOUNS})\b", re.I)
_IRREGULAR_STEMS = (
    "ilitia",
    "ebel",
    "aramilitar",
    "nsurgent",
    "ihadist",
    "ilitant",
    "errorist",
    "uerrilla",
    "unmen",
)


class ConfiguredGroups:
    """What resolving needs to know of a configuration's groups, worked out once."""

    __slots__ = ("any_reference", "demonyms", "heads", "non_state", "short", "state")

    def __init__(self, entities: tuple[EntityRef, ...]) -> None:
        groups = [e for e in entities if e.kind == "group"]
        self.state, self.non_state = sides(groups)
        self.demonyms = demonyms_of(groups, self.state)
        # The last word of every group name and alias, as written, with the groups it ends.
        heads: dict[str, set[str]] = {}
        for e in groups:
            for name in e.names:
                words = name.split()
                if len(words) > 1 and words[-1].isalpha():
                    heads.setdefault(words[-1], set()).add(e.name)
        self.heads = {word: frozenset(names) for word, names in heads.items()}
        alternatives = "|".join(re.escape(w) for w in sorted(heads, key=len, reverse=True))
        self.short = (
            re.compile(rf"\b[Tt]he\s+(?P<noun>{alternatives})\b{_NOT_A_REFERENCE}")
            if heads
            else None
        )
        # One cheap test that a sentence may hold any reference at all.
        nouns = "|".join(x for x in (_NON_STATE, _ANY_GROUP, _PLACE_NOUNS, alternatives) if x)
        self.any_reference = re.compile(
            rf"\b(?:he|she|the\s+(?:{nouns})|(?:the|this)\s+(?:(?:entire|whole)\s+)?"
            rf"(?:{_PLACE_NOUNS}|country))\b",
            re.I,
        )


@functools.lru_cache(maxsize=16)
def _configured_by_value(entities: tuple[EntityRef, ...]) -> ConfiguredGroups:
    return ConfiguredGroups(entities)


# The configurations seen last, by identity (as in `mentions`): a configuration is one tuple
# passed for every article, and a lookup by value would hash every entity each time.
_RECENT: dict[int, tuple[Sequence[EntityRef], ConfiguredGroups]] = {}


def configured_groups(entities: Sequence[EntityRef]) -> ConfiguredGroups:
    recent = _RECENT.get(id(entities))
    if recent is not None and recent[0] is entities:
        return recent[1]
    found = _configured_by_value(tuple(entities))
    if type(entities) is tuple:  # immutable: its identity stands for its value
        if len(_RECENT) >= 8:
            _RECENT.clear()
        _RECENT[id(entities)] = (entities, found)  # holds the tuple, so its id stays its own
    return found


def group_edits(
    sentence: str,
    mentions: Sequence[Mention],
    history: Sequence[EarlierSentence],
    configured: ConfiguredGroups,
) -> list[Edit]:
    """The first description of a group ("the militia", "the Brigades") named earlier."""
    descriptions = [
        (m, configured.non_state if m.group("rebel") else None)
        for m in _GROUP_DESCRIPTION.finditer(sentence)
    ]
    if configured.short is not None:
        descriptions += [
            (m, configured.heads[m.group("noun")]) for m in configured.short.finditer(sentence)
        ]
    for m, fits in sorted(descriptions, key=lambda d: d[0].start()):
        if overlaps(mentions, m.start(), m.end()):
            continue  # part of a name: "the resistance fighters" as an alias
        if named_before(mentions, "group", m.start()):
            return []
        group = antecedent(history, "group", fits)
        if group is not None and not names_entity(mentions, group):
            # "the group's" -> "the Taliban's": the determiner and the possessive stay.
            return [Edit(m.start("noun"), m.end("noun"), group, True)]
    return []


def possessor_edits(
    sentence: str, mentions: Sequence[Mention], history: Sequence[EarlierSentence]
) -> list[Edit]:
    """ "Its leader, Ahmed Diriye, ..." or "Its fighters" opening a sentence: the office or the
    forces of the group the last sentence was about, read as "al-Shabaab's leader"."""
    m = _OPENING_POSSESSOR.match(sentence)
    if m is None:
        return []
    group = antecedent(history, "group", None)
    if group is None or names_entity(mentions, group):
        return []
    return [Edit(0, m.end(), group, True, "’s")]


def place_edits(
    sentence: str, mentions: Sequence[Mention], history: Sequence[EarlierSentence]
) -> list[Edit]:
    """ "the province", "this town", "the country" for the place named earlier, in a sentence
    naming none."""
    place_ref = _PLACE_DESCRIPTION.search(sentence)
    if place_ref and not any(
        m.entity.kind == "place" and not is_landmark(sentence, m) for m in mentions
    ):
        noun = place_ref.group("noun")
        fitting = {
            m.entity.name
            for seen in history
            for m in seen.mentions
            if m.entity.kind == "place" and _place_fits(noun, m.entity)
        }
        place = antecedent(history, "place", frozenset(fitting))
        if place is not None:
            return [Edit(place_ref.start(), place_ref.end(), place, True)]
    return []


def _place_fits(noun: str, entity: EntityRef) -> bool:
    """ "the valley" only for a place whose name says it is one; "the country" only for a
    country, and "the city", "the town", "the village" never for one: after "... Tamber ...
    fighting across Georgia", "the city" is Tamber."""
    country = any(is_country_name(n) for n in entity.names)
    if noun.lower() == "country":
        return country
    if noun.lower() in _SETTLEMENT_NOUNS and country:
        return False
    if noun.lower() not in _NAMED_PLACE_NOUNS:
        return True
    return any(noun.lower() in n.lower().split() for n in entity.names)


def soldier_edits(
    sentence: str,
    mentions: Sequence[Mention],
    history: Sequence[EarlierSentence],
    configured: ConfiguredGroups,
) -> list[Edit]:
    """ "200 soldiers" -> "200 Sudanese army soldiers": a count of the state force in view."""
    if not (configured.state and _SERVICE.search(sentence)):
        return []
    return [
        Edit(start, end, force, True, " " + sentence[start:end].split()[-1])
        for start, end, force in soldier_references(
            sentence,
            mentions,
            mentions_in_view(history),
            configured.state,
            configured.demonyms,
        )
    ]


def fighter_edits(
    sentence: str,
    mentions: Sequence[Mention],
    history: Sequence[EarlierSentence],
    configured: ConfiguredGroups,
) -> list[Edit]:
    """ "40 militants" -> "40 <group> militants": irregulars of the one non-state group in
    view."""
    if not (configured.non_state and _irregular_hint(sentence)):
        return []
    return [
        Edit(start, end, group, True, _kept_noun(sentence, start, end))
        for start, end, group in fighter_references(
            sentence, mentions, mentions_in_view(history), configured.non_state
        )
    ]


def _irregular_hint(sentence: str) -> bool:
    """Whether the sentence may speak of irregulars by a common noun (`fighter_references`'
    nouns all hold one of these stems; upper-case text is left out)."""
    return any(stem in sentence for stem in _IRREGULAR_STEMS)


def _kept_noun(sentence: str, start: int, end: int) -> str:
    """ "60 militiamen" -> "60 <group> militiamen"; "militia units" -> "<group> units"."""
    return " " + sentence[start:end] if sentence[start:end].lower().endswith(("s", "men")) else ""
