"""What a sentence says a person is, became or suffered: the predicates after a subject.

`predicate_hits` reads the predicate that starts at a position and the ones joined to it by
"and" ("was seen in Bamako and is expected ...", "has not been seen since March and is
rumoured to have fled"). Raising verbs are read through: "is said to be in X" as "is in X",
"is rumoured to have been killed" as "has been killed" (the sentence is marked hedged anyway).
Whereabouts come from being somewhere ("is in", "remained at a safe house in") and from doing
something there ("told reporters in", "addressed supporters at", "visited the city").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.extract.language.mentions import Mention
from monitor.extract.language.text import CAPITAL
from monitor.extract.leadership.roles import (
    DETERMINER,
    ORG_TAIL,
    ROLE,
    clean_role,
    named_org,
    owner,
    strip_owner,
)
from monitor.records import LeadershipStatus


@dataclass(frozen=True, slots=True)
class Hit:
    """One claim about `subject`; `start` is where a denial before it would have to stand."""

    subject: Mention
    status: LeadershipStatus
    role: str | None
    org: str | None
    start: int
    negated: bool = False
    # Read from an aside about the person ("X, the RSF commander, said", "X, who heads Y",
    # "Y commander X"): the narrator's description, not what the speaker claims.
    aside: bool = False
    # Where the predicate itself stands, when it follows the person ("X, 32, was killed"):
    # the clause that dates the claim. None: at `start`.
    said_at: int | None = None


_ADVERBS = r"also|reportedly|allegedly|apparently|now|since|already|just|still|last"
_AUX = rf"(?:(?:has|have|had|is|was)\s+)?(?:(?:{_ADVERBS})\s+)*"
_NEG = r"(?P<neg>not\s+|never\s+)?"
_ORG_WORDS = r"(?P<org>[\w'’-]+(?:\s+[\w'’-]+){0,5})"
_BE = r"(?:was|has\s+been|had\s+been|is)\s+"
# A place after "in", "at", "visited": a name, or "the city", "the front".
_PLACE = rf"(?:(?-i:{CAPITAL})|(?:city|town|capital|valley|front|frontline|region)\b)"
# "X was among those killed", "X is among the dead": one of the victims.
AMONG_THE_DEAD = r"among\s+(?:those\s+(?:killed|slain)|the\s+(?:dead|slain))\b"
_PLACE_WORDS = r"(?:(?!that\b|which\b|who\b|the\b)[a-z][\w'’-]*\s+){1,3}"
# What one escapes by surviving it, or the state one escapes in: "escaped unhurt", "escaped an
# assassination attempt", "escaped with minor injuries": survived, not fled.
SURVIVED = frozenset(
    """unhurt unharmed unscathed uninjured alive injury injuries death attempt attack ambush
    strike blast bombing""".split()
)
_SURVIVED = rf"\s+(?:with\s+|(?:an?|the)\s+)?(?:\w+\s+)?(?:{'|'.join(sorted(SURVIVED))})\b"
_PATTERNS: tuple[tuple[LeadershipStatus, str | None, str], ...] = (
    (
        "declared",
        None,
        rf"{_AUX}(?:declared|proclaimed|named)\s+(?:himself|herself)\s+"
        rf"(?:as\s+|to\s+be\s+)?{DETERMINER}{ROLE}{ORG_TAIL}",
    ),
    (
        "appointed",
        None,
        rf"{_BE}{_NEG}(?:named|appointed|made|installed\s+as|chosen\s+as|elected|sworn\s+in\s+as)"
        rf"\s+(?:as\s+)?{DETERMINER}{ROLE}{ORG_TAIL}",
    ),
    ("confirmed", None, rf"{_BE}confirmed\s+as\s+{DETERMINER}{ROLE}{ORG_TAIL}"),
    (
        "claimed",
        None,
        rf"(?:is|remains|is\s+now|has\s+become|became|(?:will|would)\s+remain)\s+{_NEG}"
        rf"{DETERMINER}{ROLE}{ORG_TAIL}",
    ),
    (  # "took over as leader of X", "succeeded Y as commander": the office, as "became"
        "claimed",
        None,
        rf"(?:{_AUX}(?:took|takes|taken)\s+over|{_AUX}(?:succeeded|succeeds|replaced|replaces)"
        rf"\s+(?:[\w'’.-]+\s+){{1,4}}?)\s*as\s+{DETERMINER}{ROLE}{ORG_TAIL}",
    ),
    (
        "claimed",
        "leader",
        rf"{_AUX}(?:leads|is\s+leading|has\s+led|has\s+been\s+leading)\s+(?:the\s+)?{_ORG_WORDS}",
    ),
    ("claimed", "head", rf"{_AUX}(?:heads|is\s+heading)\s+(?:the\s+)?{_ORG_WORDS}"),
    (
        "claimed",
        "commander",
        # "commands the separatist forces of the DPR": the forces are the group's
        rf"{_AUX}(?:commands|is\s+commanding)\s+(?:the\s+)?(?:(?:[a-z][\w-]*\s+)?"
        rf"(?:forces|fighters|troops|units|wing)\s+of\s+(?:the\s+)?)?{_ORG_WORDS}",
    ),
    (
        "killed",
        None,
        rf"(?:{_BE}|were\s+){_NEG}(?:\w+ly\s+)?(?:killed|assassinated|shot\s+dead|slain|"
        r"executed)\b",
    ),
    ("killed", None, rf"{_AUX}{_NEG}(?:died\b|dead\b)"),
    ("killed", None, rf"(?:{_BE}|were\s+){_NEG}(?:\w+ly\s+)?{AMONG_THE_DEAD}"),
    # "X is alive", "X remains alive and well": a denial of the death reported
    ("denied", None, r"(?:is|was|remains|remained)\s+(?:still\s+)?alive\b"),
    ("fled", None, rf"{_AUX}{_NEG}(?:fled|escaped(?!{_SURVIVED})|left\s+the\s+country)\b"),
    ("fled", None, rf"{_AUX}(?P<neg>not\s+|never\s+)left\b"),  # "said he had not left X"
    (
        "located",
        None,
        rf"(?:is|was|remains|remained|has\s+been|had\s+been)\s+(?:(?:still|last|also|now|\w+ly)\s+)*{_NEG}"
        r"(?:in|inside|(?:holed\s+up|hiding|living|staying|sheltering|based)\s+in|"
        rf"(?:seen|spotted|sighted)\s+(?:in|at|near))\s+(?:exile\s+in\s+)?(?:the\s+)?(?-i:{CAPITAL})",
    ),
    (  # "remained at a safe house in Bazarak", "was seen at a hotel in Dushanbe"
        "located",
        None,
        rf"(?:is|was|remains|remained|has\s+been|had\s+been)\s+(?:(?:still|last|also|now|\w+ly)\s+)*{_NEG}"
        r"(?:(?:seen|spotted|sighted|hiding|holed\s+up|staying|sheltering)\s+)?(?:in|inside|at)\s+"
        rf"(?:the|a|an|his|her|their)\s+{_PLACE_WORDS}(?:in|near|outside)\s+(?:the\s+)?(?-i:{CAPITAL})",
    ),
    (  # "told reporters in Goma", "addressed supporters at a school in Kandahar"
        "located",
        None,
        rf"{_AUX}(?:told|briefed|addressed)\s+(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){{0,2}}?"
        rf"(?:in|at)\s+(?:(?:the|a|an)\s+{_PLACE_WORDS}?(?:in\s+(?:the\s+)?)?)?{_PLACE}",
    ),
    ("located", None, rf"{_AUX}visited\s+(?:(?:the|a|an)\s+)?{_PLACE}"),
)
_FORWARD = tuple((status, role, re.compile(p, re.I)) for status, role, p in _PATTERNS)
_RAISING = re.compile(
    r"(?:(?:is|are|was|were)\s+(?:(?:now|still|also|\w+ly)\s+)*(?:said|believed|thought|rumou?red|reported|"
    r"understood|alleged|feared|presumed|assumed|known|claimed|likely)|"
    r"(?:appears?|appeared|seems?|seemed))\s+to\s+(?P<verb>have|be)\b|"
    # "may have been killed": a possibility, read as the fact (the sentence is marked hedged)
    r"(?:may|might|could|must)\s+(?:well\s+)?(?P<modal>have)\s+(?=been\b)",
    re.I,
)
_AND = re.compile(r",?\s+and\s+")
_CONDITION = re.compile(r"\b(?:if|whether|unless)\s+(?:[\w'’.-]+\s+){0,4}$", re.I)
_NEW_SUBJECT = re.compile(
    rf"(?-i:{CAPITAL})|(?:the|a|an|his|her|their|its|he|she|they|it|we|i)\b", re.I
)
_CHAIN_STOP = re.compile(r"\b(?:that|said|says|say|told|according)\b|[;:]|\s[—–-]+\s", re.I)


def _read(rest: str) -> tuple[str, int]:
    """The predicate with a raising verb read through, and how much shorter it became."""
    m = _RAISING.match(rest)
    if not m:
        return rest, 0
    if m.group("modal"):
        short = "has " + rest[m.end() :]
        return short, len(rest) - len(short)
    short = ("has" if m.group("verb").lower() == "have" else "is") + rest[m.end() :]
    return short, len(rest) - len(short)


def _match(sentence: str, p: Mention, pos: int, groups: list[Mention]) -> Hit | None:
    rest = sentence[pos:]
    text, shift = _read(rest)
    for status, fixed_role, pattern in _FORWARD:
        m = pattern.match(text)
        if not m or (status == "denied" and _CONDITION.search(sentence, 0, p.start)):
            continue  # "if X is alive": no denial told
        found = m.groupdict()
        org = None
        if found.get("org"):
            org = named_org(found["org"], groups, pos + shift + m.start("org"))
        elif found.get("poss"):
            org = owner(found["poss"], pos + shift + m.start("poss"), groups)
        role = found.get("role")
        if role:  # "was named SLM chairman": the group is the organization
            at = pos + shift + m.start("role")
            for g in groups:
                if at <= g.start < at + len(role):
                    org, role = org or g.entity.name, strip_owner(sentence[g.end : at + len(role)])
        role = fixed_role or clean_role(role)
        return Hit(p, status, role, org, p.start, bool(found.get("neg")), said_at=pos)
    return None


def predicate_hits(
    sentence: str, p: Mention, start: int, end: int, groups: list[Mention]
) -> list[Hit]:
    """Claims of the predicate at `start` and of the predicates joined to it by "and", up to
    `end` or a report ("said", "that"), stopping at a conjunct with its own subject."""
    stop = _CHAIN_STOP.search(sentence, start, end)
    limit = stop.start() if stop else end
    hits: list[Hit] = []
    pos = len(sentence) - len(sentence[start:].lstrip())
    hit = _match(sentence, p, pos, groups)
    hits += [hit] if hit else []
    for m in _AND.finditer(sentence, start, limit):
        if _NEW_SUBJECT.match(sentence, m.end()):
            break  # "X has fled and his deputy is in Y"
        hit = _match(sentence, p, m.end(), groups)
        hits += [hit] if hit else []
    return hits
