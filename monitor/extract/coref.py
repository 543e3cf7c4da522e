"""References to an entity named in an earlier sentence of the same article.

Extraction reads one sentence at a time, but reporting names an entity once and then refers to
it: "The National Resistance Front ... The group says it now has 9,000 fighters", "Amrullah
Saleh is in the valley. He declared himself acting president", "... denied that the province
had fallen". `resolve_references` rewrites such a sentence with the name in place of the
reference, so that every extractor reads it as if the name were written there, and keeps what
it replaced so that quotes and claimants can be given back as written.

A reference resolves to the most recent compatible configured entity of the last few sentences,
and only when that is unambiguous:

- a person pronoun ("he", "she"), the first in a sentence that names no configured person
  before it, refers to the last person named, unless someone else has spoken since (a quote
  or a "said" by a speaker who is not that person): "he" then more likely means the speaker;
- a group description ("the group", "the movement", "the militia", "the rebels" ...), or a
  name cut to its last word ("the Brigades" for "Coast Brigades", "the army" for a group
  configured as "Sudanese army"), refers to the last group it fits;
- a place description ("the province", "the district", "the town" ...) refers to the last
  place; "the valley", "the pass" and "the port" only to a place whose name says it is one;
- an office used as the subject of a clause ("... rumours that the resistance leader had
  left", "the RSF said its commander was in Khartoum") refers to the one person named before
  it, in the same sentence or an earlier one;
- a count of soldiers or troops is the state force's in view (`coref_soldiers`).

The sentence before that names two or more compatible entities leaves the reference
unresolved: precision first. Nothing carries over from one text to the next.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from monitor.extract.attribution import find_speaker
from monitor.extract.control_frame import DATELINE
from monitor.extract.coref_soldiers import demonyms_of, fighter_references, soldier_references
from monitor.extract.mentions import Mention, find_mentions
from monitor.records import EntityRef

EntityKind = Literal["person", "group", "place"]

# How many sentences back a reference may look for its entity.
WINDOW = 3
_NONE: set[str] = set()

_PERSON_PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)
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
_STATE_HEADS = frozenset({"army", "military", "police", "forces"})
_PLACE_NOUNS = r"town|city|province|district|valley|village|port|pass|enclave"
# "the pass", "the valley": only for a place whose name says it is one.
_NAMED_PLACE_NOUNS = frozenset({"pass", "valley", "port"})
_NOT_A_REFERENCE = r"(?!\s+(?:of|line|lines)\b|-)"
_GROUP_DESCRIPTION = re.compile(
    rf"\bthe\s+(?P<noun>(?P<rebel>{_NON_STATE})|{_ANY_GROUP})\b{_NOT_A_REFERENCE}", re.I
)
# "the resistance leader", "its commander": a person by the office they hold.
_OFFICE_WORDS = (
    "leader commander chief head president emir ruler founder strongman warlord chairman".split()
)
_PERSON_DESCRIPTION = re.compile(
    rf"\b(?:the|its|their)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{'|'.join(_OFFICE_WORDS)})\b(?![’'-])",
    re.I,
)
# ... unless it is a predicate ("was named the leader") or stands beside a name: "Hemedti, the
# RSF commander", "its commander, Mohamed Hamdan Dagalo", "the resistance leader Ahmad Massoud".
_PREDICATIVE_OR_APPOSITIVE = re.compile(
    r"(?:[,(—–]|\b(?:is|are|was|were|be|been|being|as|become|became|becomes|remain|remains|"
    r"remained|named|appointed|elected|made|himself|herself|called|dubbed))\s*$",
    re.I,
)
_NAME_AFTER = re.compile(r",?\s+(?-i:[A-Z])")
# A description is read as a reference only as the subject of a clause ("... that the rebel
# leader had fled"); "after the death of its founder" is about somebody else.
_SUBJECT_OF = re.compile(
    r"\s+(?:(?:also|reportedly|still|now|later)\s+)?(?:had|has|have|was|is|were|would|will|"
    r"could|can|may|might|must|did|does|remains|remained|said|says|told|tells|added)\b",
    re.I,
)
_PLACE_DESCRIPTION = re.compile(rf"\bthe\s+(?P<noun>{_PLACE_NOUNS})\b(?!\s+of\b|['’])", re.I)
_QUOTE = re.compile(r"[“”\"]")
_CAPITALISED = re.compile(r"(?<=\s)(?-i:[A-Z])[\w’'-]+")
_TITLE_WORDS = frozenset(
    "general president commander minister mr mrs ms dr colonel sheikh mullah".split()
)


@dataclass(frozen=True, slots=True)
class Substitution:
    """`name` stands in the resolved sentence where `original` stood in the written one.
    A description ("the group") is given back in claimants as written; a pronoun is not, since
    a claimant "he" means the person (as `attribution.resolve_pronoun` has it)."""

    original: str
    name: str
    restore: bool


@dataclass(frozen=True, slots=True)
class Resolved:
    """A sentence as written, and as the extractors should read it."""

    original: str
    text: str
    substitutions: tuple[Substitution, ...] = ()

    def restore(self, phrase: str | None) -> str | None:
        """A phrase of the resolved text (a claimant) as the written sentence has it."""
        if phrase is None:
            return None
        for sub in self.substitutions:
            if sub.restore:
                phrase = phrase.replace(sub.name, sub.original)
        return phrase


class _Configured:
    """What resolving needs to know of a configuration, worked out once."""

    __slots__ = ("any_reference", "demonyms", "heads", "non_state", "short", "state")

    def __init__(self, entities: tuple[EntityRef, ...]) -> None:
        groups = [e for e in entities if e.kind == "group"]
        state = {e.name for e in groups if any(n.split()[-1] in _STATE_HEADS for n in e.names)}
        self.non_state = frozenset(e.name for e in groups) - state
        self.state = frozenset(state)
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
        self.any_reference = re.compile(rf"\b(?:he|she|the\s+(?:{nouns}))\b", re.I)


@functools.lru_cache(maxsize=16)
def _configured_by_value(entities: tuple[EntityRef, ...]) -> _Configured:
    return _Configured(entities)


# The configurations seen last, by identity (as in `mentions`): a configuration is one tuple
# passed for every article, and a lookup by value would hash every entity each time.
_RECENT: dict[int, tuple[Sequence[EntityRef], _Configured]] = {}


def _configured(entities: Sequence[EntityRef]) -> _Configured:
    recent = _RECENT.get(id(entities))
    if recent is not None and recent[0] is entities:
        return recent[1]
    found = _configured_by_value(tuple(entities))
    if type(entities) is tuple:  # immutable: its identity stands for its value
        if len(_RECENT) >= 8:
            _RECENT.clear()
        _RECENT[id(entities)] = (entities, found)  # holds the tuple, so its id stays its own
    return found


@dataclass(frozen=True, slots=True)
class _Edit:
    start: int
    end: int
    entity: EntityRef
    restore: bool
    after: str = ""  # words kept after the name: "army soldiers" -> "Sudanese army soldiers"


class _Sentence:
    """An earlier sentence: what it names, and (worked out when asked) whether someone it does
    not name speaks in it, in which case a later "he" or "she" more likely means that speaker."""

    __slots__ = ("_other", "kinds", "mentions", "text")

    def __init__(self, text: str, mentions: Sequence[Mention]) -> None:
        self.text = text
        # "PORT HALDEN - ...": the place a story was filed from is not what it is about.
        dateline = DATELINE.match(text) if text[:2].isupper() else None
        if dateline is not None:
            mentions = [
                m for m in mentions if m.start >= dateline.end() or not text[: m.end].isupper()
            ]
        self.mentions = mentions
        self.kinds = {m.entity.kind for m in mentions}
        self._other: bool | None = None

    @property
    def other_speaker(self) -> bool:
        if self._other is None:
            speaker = find_speaker(self.text)
            if speaker is None:
                self._other = _QUOTE.search(self.text) is not None
            else:
                inside = any(speaker.start <= m.start < speaker.end for m in self.mentions)
                self._other = not inside and _singular_someone(speaker.text)
        return self._other


def _singular_someone(phrase: str) -> bool:
    """Whether a speaker could be "he" or "she": not a pronoun, not a plural ("officials")."""
    head = phrase.split()[-1].lower().strip(".,'’")
    if head in ("he", "she", "it", "they", "we", "i"):
        return False
    return not (head.endswith("s") and not head.endswith("ss"))


def _antecedent(
    history: Sequence[_Sentence], kind: EntityKind, fits: frozenset[str] | None
) -> EntityRef | None:
    """The one compatible entity of the nearest earlier sentence that names any."""
    for seen in reversed(history[-WINDOW:]):
        found = {
            m.entity.name: m.entity
            for m in seen.mentions
            if m.entity.kind == kind and (fits is None or m.entity.name in fits)
        }
        if kind == "person" and seen.other_speaker:
            return None  # "he" after another speaker's words is that speaker
        if found:
            return next(iter(found.values())) if len(found) == 1 else None
    return None


def _named_before(mentions: Sequence[Mention], kind: EntityKind, pos: int) -> bool:
    return any(m.entity.kind == kind and m.start < pos for m in mentions)


def _overlaps(mentions: Sequence[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def _names(mentions: Sequence[Mention], entity: EntityRef) -> bool:
    return any(m.entity.name == entity.name for m in mentions)


def _place_fits(noun: str, entity: EntityRef) -> bool:
    if noun.lower() not in _NAMED_PLACE_NOUNS:
        return True
    return any(noun.lower() in n.lower().split() for n in entity.names)


def resolve_references(
    sentences: Sequence[str], entities: Sequence[EntityRef]
) -> Iterator[Resolved]:
    """The sentences of one article in order, each with its references resolved. A generator:
    a sentence is resolved just before it is read, while its mentions are still at hand."""
    configured = _configured(entities)
    history: list[_Sentence] = []
    for sentence in sentences:
        # The extractors ask for the same mentions next, and `find_mentions` remembers them.
        mentions = find_mentions(sentence, entities)
        current = _Sentence(sentence, mentions)
        recent = set().union(*(s.kinds for s in history[-WINDOW:])) if history else _NONE
        edits: list[_Edit] = []
        if ("group" in recent or "place" in recent) and configured.any_reference.search(sentence):
            if "group" in recent:
                edits += _group_edits(sentence, mentions, history, configured)
            if "place" in recent:
                edits += _place_edits(sentence, mentions, history)
        if "group" in recent and sentence.startswith(("Its ", "Their ")):
            edits += _possessor_edits(sentence, mentions, history)
        if "person" in recent or "person" in current.kinds:
            edits += _person_edits(sentence, mentions, history)
        if configured.state and ("oldiers" in sentence or "roops" in sentence):
            in_view = [m for s in history[-WINDOW:] for m in s.mentions]
            edits += [
                _Edit(start, end, force, True, " " + sentence[start:end].split()[-1])
                for start, end, force in soldier_references(
                    sentence, mentions, in_view, configured.state, configured.demonyms
                )
            ]
        if configured.non_state and _irregular_hint(sentence):
            edits += [
                _Edit(start, end, group, True, _kept_noun(sentence, start, end))
                for start, end, group in fighter_references(
                    sentence,
                    mentions,
                    (m for s in history[-WINDOW:] for m in s.mentions),
                    configured.non_state,
                )
            ]
        yield _apply(sentence, edits) if edits else Resolved(sentence, sentence)
        history.append(current)


# Stems without their first letter, which may be a capital: a plain substring test suffices.
_IRREGULAR_STEMS = ("ilitia", "ebel", "aramilitar", "nsurgent", "ihadist", "ilitant")


def _irregular_hint(sentence: str) -> bool:
    """Whether the sentence may speak of irregulars by a common noun (`fighter_references`'
    nouns all hold one of these stems; upper-case text is left out)."""
    return any(stem in sentence for stem in _IRREGULAR_STEMS)


def _kept_noun(sentence: str, start: int, end: int) -> str:
    """ "60 militiamen" -> "60 <group> militiamen"; "militia units" -> "<group> units"."""
    return " " + sentence[start:end] if sentence[start:end].lower().endswith(("s", "men")) else ""


def _other_name(sentence: str, mentions: Sequence[Mention], end: int) -> bool:
    """Whether a capitalised word that names no configured entity stands before `end` (past
    the first word): it may be the person a following "he" means ("the article Saleh cited
    ... the state he served")."""
    for m in _CAPITALISED.finditer(sentence, 1, end):
        if not _overlaps(mentions, m.start(), m.end()) and m.group().lower() not in _TITLE_WORDS:
            return True
    return False


def _person_edits(
    sentence: str, mentions: Sequence[Mention], history: Sequence[_Sentence]
) -> list[_Edit]:
    """ "He" for the person of an earlier sentence; "the resistance leader", "its commander"
    for the one person named before, in this sentence or an earlier one."""
    he = _PERSON_PRONOUN.search(sentence) if history else None
    if (
        he
        and not _named_before(mentions, "person", he.start())
        and not _other_name(sentence, mentions, he.start())
    ):
        person = _antecedent(history, "person", None)
        if person is not None and not _names(mentions, person):
            return [_Edit(he.start(), he.end(), person, False)]
    lowered = sentence.lower()
    if not any(word in lowered for word in _OFFICE_WORDS):
        return []
    for m in _PERSON_DESCRIPTION.finditer(sentence):
        if (
            _PREDICATIVE_OR_APPOSITIVE.search(sentence, 0, m.start())
            or _NAME_AFTER.match(sentence, m.end())
            or not _SUBJECT_OF.match(sentence, m.end())
        ):
            continue
        if any(m.start() <= n.start < m.end() for n in mentions):
            continue  # "the RSF commander" in "... said the RSF commander had fled" names a group
        before = {n.entity.name: n.entity for n in mentions if n.entity.kind == "person"}
        earlier = {n.entity.name: n.entity for n in mentions if n.end <= m.start()}
        named = [e for e in earlier.values() if e.kind == "person"]
        if len(named) == 1:
            return [_Edit(m.start(), m.end(), named[0], False)]
        if not before and history:
            person = _antecedent(history, "person", None)
            if person is not None:
                return [_Edit(m.start(), m.end(), person, False)]
        return []
    return []


def _group_edits(
    sentence: str,
    mentions: Sequence[Mention],
    history: Sequence[_Sentence],
    configured: _Configured,
) -> list[_Edit]:
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
        if _overlaps(mentions, m.start(), m.end()):
            continue  # part of a name: "the resistance fighters" as an alias
        if _named_before(mentions, "group", m.start()):
            return []
        group = _antecedent(history, "group", fits)
        if group is not None and not _names(mentions, group):
            # "the group's" -> "the Taliban's": the determiner and the possessive stay.
            return [_Edit(m.start("noun"), m.end("noun"), group, True)]
    return []


_OPENING_POSSESSOR = re.compile(
    rf"(?:Its|Their)(?=\s+(?:[\w’'-]+\s+){{0,2}}?(?:{'|'.join(_OFFICE_WORDS)})\b)"
)


def _possessor_edits(
    sentence: str, mentions: Sequence[Mention], history: Sequence[_Sentence]
) -> list[_Edit]:
    """ "Its leader, Ahmed Diriye, ..." opening a sentence: the office of the group the last
    sentence was about, read as "al-Shabaab's leader"."""
    m = _OPENING_POSSESSOR.match(sentence)
    if m is None:
        return []
    group = _antecedent(history, "group", None)
    if group is None or _names(mentions, group):
        return []
    return [_Edit(0, m.end(), group, True, "’s")]


def _place_edits(
    sentence: str, mentions: Sequence[Mention], history: Sequence[_Sentence]
) -> list[_Edit]:
    """ "the province", "the town" for the place named earlier, in a sentence naming none."""
    place_ref = _PLACE_DESCRIPTION.search(sentence)
    if place_ref and not any(m.entity.kind == "place" for m in mentions):
        place = _antecedent(history, "place", None)
        if place is not None and _place_fits(place_ref.group("noun"), place):
            return [_Edit(place_ref.start(), place_ref.end(), place, True)]
    return []


def _apply(sentence: str, edits: list[_Edit]) -> Resolved:
    parts: list[str] = []
    subs: list[Substitution] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: e.start):
        if edit.start < pos:
            continue
        name = edit.entity.name + edit.after
        parts += [sentence[pos : edit.start], name]
        subs.append(Substitution(sentence[edit.start : edit.end], name, edit.restore))
        pos = edit.end
    parts.append(sentence[pos:])
    return Resolved(sentence, "".join(parts), tuple(subs))
