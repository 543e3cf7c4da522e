"""The predicates of territorial control: which words around a place say it was taken, is held,
is surrounded or is fought over, and who did it.

`place_predicates` reads three shapes around a mention of a configured place:

- the place as object: "captured the strategic town of Kaleb", "took control of Panjshir",
  "the Taliban-held town of Kaleb";
- the place as subject: "Panjshir has fallen to the Taliban", "Kaleb was recaptured by NRF
  fighters", "the valley remains under Taliban control", "Goma is contested", including
  predicates joined by "and" and a relative clause ("Goma, which fell on Monday");
- an object relative: "El Fasher, which RSF fighters have besieged for months".

Only a few words may stand between verb and place ("the strategic town of"), and the place must
not modify another noun ("Goma airport", "Kabul's mood"), so metaphors ("captured the
imagination", "seized on the remarks") and parts of a place ("a village in", "the outskirts of")
never match. Infinitives and modals ("vowed to capture", "could fall") are intentions, not facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.extract.control.words import (
    ACTIVE,
    ACTIVE_RE,
    ACTOR_BY,
    ACTOR_HANDS,
    ADV,
    AGENT_PHRASE,
    AND,
    ASIDE,
    ASIDE_HELD,
    ASIDE_HELD_ADJ,
    AUX,
    CONTAINER_BEFORE,
    CONTESTED_BEFORE,
    CONTROL_OF_AFTER,
    DENIED_GERUND,
    FOLLOW,
    FORETOLD_BEFORE,
    GEO_AFTER,
    GEO_OF,
    HELD_ADJ,
    IDIOM_AFTER,
    INCLUDING_BEFORE,
    ING,
    IRREALIS,
    LIST_BEFORE,
    NEG_BEFORE,
    OWN_CONTROL,
    POSSESSIVE_TAKING,
    PREPOSITION_BEFORE,
    PROGRESSIVE,
    PROSPECT_BEFORE,
    RELATIVE,
    SUBJECT,
    Status,
)
from monitor.extract.language.mentions import Mention
from monitor.extract.language.units import PLURALS


@dataclass(frozen=True, slots=True)
class Predicate:
    """One control predicate on `place`. `agent` is the group named as taker or holder in the
    predicate itself ("by the Taliban", "fell to", "Taliban-held"); `subject_at` is where the
    active verb's subject ends (the agent is read there), or None when the place is the subject."""

    place: Mention
    status: Status
    start: int
    end: int
    agent: str | None = None
    subject_at: int | None = None
    negated: bool = False
    claimed: bool = False  # "claimed to have captured", "claimed control of"
    own: bool = False  # "under our control": the holder is the speaker's side
    lost: bool = False  # "lost Kastrel": the subject is the loser, not the taker
    # "fell to rebels": an agent phrase names an armed actor nobody configured, so the speaker
    # of the sentence is not the taker
    unnamed_agent: bool = False


def _group_in(groups: list[Mention], start: int, end: int) -> str | None:
    names = list(dict.fromkeys(g.entity.name for g in groups if start <= g.start < end))
    return names[0] if names else None


def _follows(sentence: str, end: int) -> bool:
    """The place ends its noun phrase: "captured Goma on Monday", not "captured Goma airport";
    nor does a place with its kind of area that modifies another noun ("Beledweyne district
    villages")."""
    if not FOLLOW.match(sentence, end) or GEO_OF.match(sentence, end):
        return False
    if IDIOM_AFTER.match(sentence, end):
        return False
    geo = GEO_AFTER.match(sentence, end)
    return geo is None or bool(FOLLOW.match(sentence, geo.end()))


# Both list patterns end in a word and spaces; searching for them ($-anchored) scans far, so
# the word is checked first, with the same flags as the pattern that ends with it.
_LIST_END = ("and", "as", ",")  # LIST_BEFORE is case-sensitive
_INCLUDING_END = re.compile(r"(?:including|them|notably|of)\Z", re.I)
# Every active verb pattern starts with its verb and a space: a sentence without any of them
# before the place needs no $-anchored search.
_ANY_ACTIVE = re.compile(rf"\b(?:{'|'.join(verb for _, verb, _, _ in ACTIVE)})\s", re.I)
# PREPOSITION_BEFORE ends with a preposition or "the", then spaces.
_PREPOSITION_END = re.compile(
    r"(?:to|towards?|from|of|in|near|around|outside|into|at|on|for|between|via|through|beyond|"
    r"across|along|past|within|inside|the)\Z",
    re.I,
)


def _list_head(sentence: str, at: int) -> int:
    """Where the list that ends with the place at `at` starts ("captured Kabul, Kaleb and Goma",
    "retook three districts, including Andarab"): the verb governs every item."""
    lo = max(0, at - 160)
    word = sentence[lo:at].rstrip()
    if len(word) == at - lo:  # no space before the place: neither pattern can end there
        return at
    listed = word.endswith(_LIST_END)
    including = _INCLUDING_END.search(word, max(0, len(word) - 9)) is not None
    for pattern in (LIST_BEFORE,) * listed + (INCLUDING_BEFORE,) * including:
        m = pattern.search(sentence, max(0, at - 160), at)
        if m and m.end() == at:
            return m.start()
    return at


def _object_predicates(sentence: str, p: Mention, groups: list[Mention]) -> list[Predicate]:
    before = sentence[: p.start]
    if CONTAINER_BEFORE.search(before, max(0, p.start - 60)):
        return []
    head = _list_head(sentence, p.start)
    found: list[Predicate] = []
    held = HELD_ADJ.search(before)
    if held:
        owner = next((g for g in groups if g.end == held.start()), None)
        if owner:
            found.append(Predicate(p, "holds", owner.start, held.end(), owner.entity.name))
    contested = CONTESTED_BEFORE.search(before)
    if contested and FORETOLD_BEFORE.search(
        before, max(0, contested.start() - 60), contested.end()
    ):
        return []
    if contested:
        return [Predicate(p, "contested", contested.start(), p.end)]
    for status, pattern, agentive, claimed in ACTIVE_RE if _ANY_ACTIVE.search(before) else ():
        m = pattern.search(before) or (pattern.search(before, 0, head) if head < p.start else None)
        if not m:
            continue
        verb = before[m.start() : m.end()].split()[0]
        # "fighters claiming to have taken Manbij": a claim told in a participle is still one
        gerund = ING.search(verb) and not PROGRESSIVE.search(before, 0, m.start()) and not claimed
        if gerund and not DENIED_GERUND.search(before, 0, m.start()):
            break  # "the hills surrounding Goma", "after capturing Kaleb"
        if IRREALIS.search(before, 0, m.start()) or PROSPECT_BEFORE.search(before, 0, m.start()):
            break
        negated = bool(NEG_BEFORE.search(before, 0, m.start()))
        subject_at = m.start() if agentive else None
        agent, end = (None, p.end) if agentive else _agent_after(sentence, p.end, groups)
        if agent is None and verb.lower() == "fall":
            break  # "the fall of Kabul" with no taker is background, not news
        lost = verb.lower().startswith("los")
        found.append(
            Predicate(p, status, m.start(), end, agent, subject_at, negated, claimed, lost=lost)
        )
        break
    return found


def _agent_after(sentence: str, end: int, groups: list[Mention]) -> tuple[str | None, int]:
    """The group in "by the SLM" or "to the Taliban" after a verb, and where its phrase ends."""
    m = AGENT_PHRASE.match(sentence, end)
    if not m:
        return None, end
    agent = _group_in(groups, m.start("phrase"), m.end("phrase"))
    side = _FROM_SIDE.match(sentence, m.end("phrase"))
    if agent is None and side and m["phrase"].split()[-1].lower() in PLURALS:
        agent = _group_in(groups, side.start("side"), side.end("side"))  # "fighters from X"
        if agent is not None:
            return agent, side.end("side")
    return agent, (m.start("phrase") + len(m.group("phrase").rstrip()) if agent else end)


# The side fighters come from: "fell to fighters from the NLA".
_FROM_SIDE = re.compile(r"from\s+(?P<side>[^,;.]{1,60})")


def _subject_predicate(
    sentence: str, p: Mention, pos: int, groups: list[Mention]
) -> Predicate | None:
    for status, pattern in SUBJECT:
        m = pattern.match(sentence, pos)
        if not m:
            continue
        agent, end = _agent_after(sentence, m.end(), groups)
        negated = bool(m.groupdict().get("neg"))
        if status == "holds" and agent is None:  # "under Taliban control", "in SLM hands"
            near = [g for g in groups if m.start() <= g.start < m.end() + 40]
            # "held by the military", "in government hands": an actor that is not configured
            actor = ACTOR_BY.match(sentence, m.end()) or ACTOR_HANDS.match(sentence, m.end())
            own = OWN_CONTROL.match(sentence, m.end())  # "under our control"
            if near:
                agent, end = near[0].entity.name, max(m.end(), near[0].end)
            elif actor or own:
                end = (actor or own or m).end()
                return Predicate(p, status, p.start, end, None, None, negated, own=bool(own))
            else:
                continue
        unnamed = agent is None and _armed_agent(sentence, m.end())
        return Predicate(p, status, p.start, end, agent, None, negated, unnamed_agent=unnamed)
    return None


# Common nouns of armed actors an agent phrase may name instead of a configured side.
_ARMED_AGENT = re.compile(
    r"\s+(?:by|to)\s+(?!(?:our|its|their|his|her)\b)(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:rebels|fighters|militants|insurgents|gunmen|guerrillas|jihadists|militiamen|militias?|"
    r"troops|forces|soldiers)\b",
    re.I,
)


def _armed_agent(sentence: str, end: int) -> bool:
    """ "fell to rebels", "was seized by gunmen": an agent nobody configured."""
    return _ARMED_AGENT.match(sentence, end) is not None


_OBJ_RELATIVES = tuple(
    (
        status,
        re.compile(
            rf",?\s+(?:which|that)\s+(?P<subj>(?:[\w'’-]+\s+){{1,5}}?){AUX}{ADV}(?:{verb})\b",
            re.I,
        ),
    )
    for status, verb, agentive, _ in ACTIVE
    if agentive
)


# "the rebels": the one configured group named before it in the sentence, if only one is.
_GENERIC = re.compile(
    r"the\s+(?:rebels|militia|militiamen|insurgents|militants|jihadists|guerrillas|group|"
    r"movement|paramilitar(?:y|ies))",
    re.I,
)


def _relative_object(sentence: str, p: Mention, groups: list[Mention]) -> Predicate | None:
    """ "El Fasher, which RSF fighters have besieged for months"."""
    for status, pattern in _OBJ_RELATIVES:
        m = pattern.match(sentence, p.end)
        if m and _follows(sentence, m.end()):
            agent = _group_in(groups, m.start("subj"), m.end("subj"))
            if agent is None and _GENERIC.fullmatch(m.group("subj").strip()):
                earlier = {g.entity.name for g in groups if g.end <= p.start}
                agent = earlier.pop() if len(earlier) == 1 else None
            return Predicate(p, status, p.start, m.end(), agent)
    return None


def _after_preposition(sentence: str, at: int) -> bool:
    """`PREPOSITION_BEFORE.search(sentence, 0, at)`, searched only when the last word may end it."""
    word = sentence[:at].rstrip()
    if len(word) == at or not _PREPOSITION_END.search(word, max(0, len(word) - 8)):
        return False
    return bool(PREPOSITION_BEFORE.search(sentence, 0, at))


_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$", re.I)
_WHICH_AFTER = re.compile(r",\s+which\s+")


def _of_relative(sentence: str, p: Mention) -> bool:
    """ "the old port town of Dorvik, which had fallen to ...": a relative clause set
    after a name introduced by "of" is about the place the name is."""
    return bool(_WHICH_AFTER.match(sentence, p.end) and _OF_BEFORE.search(sentence, 0, p.start))


def place_predicates(sentence: str, p: Mention, groups: list[Mention]) -> list[Predicate]:
    """Every control predicate on the place mention `p`."""
    if sentence[p.end :].startswith(("'s", "’s", "’", "'")):
        taken = POSSESSIVE_TAKING.match(sentence, p.end)  # "Sennar's capture by the RSF"
        taker, taker_end = _agent_after(sentence, taken.end(), groups) if taken else (None, 0)
        return [Predicate(p, "captured", p.start, taker_end, taker)] if taker else []
    ends = _follows(sentence, p.end) or _agent_after(sentence, p.end, groups)[0] is not None
    found = _object_predicates(sentence, p, groups) if ends else []
    contested_after = CONTROL_OF_AFTER.match(sentence, p.end)
    if contested_after and re.search(r"\bcontrol\s+(?:of|over)\s+$", sentence[: p.start], re.I):
        found = [Predicate(p, "contested", p.start, contested_after.end())]
    # "near Kaleb, the last SLM-held town": the apposition holds whatever governs the place
    held_adj = ASIDE_HELD_ADJ.match(sentence, p.end)
    owner = _group_in(groups, held_adj.start("by"), held_adj.end("by")) if held_adj else None
    if held_adj and owner:
        found.append(Predicate(p, "holds", p.start, held_adj.end(), owner))
    relative = _relative_object(sentence, p, groups)
    if relative:
        return [*found, relative]
    if _after_preposition(sentence, p.start) and not _of_relative(sentence, p):
        return found
    geo = GEO_AFTER.match(sentence, p.end)  # "Rokha district fell"
    pos = geo.end() if geo else p.end
    held = ASIDE_HELD.match(sentence, pos)
    if held and (held.group("by").split()[-1:] != ["it"]):
        agent = _group_in(groups, held.start("by"), held.end("by"))
        if agent or ACTOR_BY.match(sentence, held.start("by") - 4):
            found.append(Predicate(p, "holds", p.start, held.end("by"), agent))
    for m in (ASIDE.match(sentence, pos), RELATIVE.match(sentence, pos)):
        pos = m.end() if m else pos
    for _ in range(3):
        hit = _subject_predicate(sentence, p, pos, groups)
        if hit is None:
            break
        found.append(hit)
        joined = AND.match(sentence, hit.end)
        if not joined:
            break
        pos = joined.end()
    return found
