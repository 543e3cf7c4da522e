"""Roles in leadership claims: the words that name an office, and whose office it is.

A role is a head noun ("leader", "emir", "chief negotiator", "second-in-command") with up to
three modifiers ("acting president", "first vice president", "supreme leader"). Modifiers
that describe the person rather than the office ("the reclusive leader", "the new military
chief", "the legitimate caretaker president", "the 32-year-old leader") are dropped so that
one office is one fact.
A role held in the past or in a fallen body ("former", "ousted government", "until ...") is
not a claim that the person holds it now.
"""

from __future__ import annotations

import re

from monitor.extract.language.grammar import SPEECH_LEMMAS
from monitor.extract.language.mentions import Mention
from monitor.extract.language.text import CAPITAL

HEADS = (
    r"chief\s+of\s+(?:the\s+)?(?:general\s+|defen[cs]e\s+|army\s+|joint\s+)?staff|"
    r"head\s+of\s+(?:state|government)|secretary\s+of\s+state|secretary-general|leader|head|chief|"
    r"commander[\s-]in[\s-]chief|commander|second-in-command|president|pm|"
    r"vice-president|premier|minister|governor|spokesman|spokeswoman|spokesperson|deputy|"
    r"emir|amir|caliph|sheikh|imam|mufti|general|chairman|chairwoman|chair|co-founder|founder|"
    r"mayor|envoy|ambassador|director|secretary|ruler|chancellor|king|queen|prince|speaker|"
    r"negotiator|representative|coordinator|administrator|prefect|warlord|strongman|boss|"
    r"lieutenant|adviser|advisor|ideologue|treasurer|regent|dictator|overseer|emissary"
)
_HEAD_SEQ = rf"(?:{HEADS})(?:\s+(?:{HEADS}))*"
# Up to four modifiers, which may be a possessive name: "the Northern Coast Brigades' commander",
# "the Sudan People's Liberation Army chief of staff".
ROLE_BODY = (
    r"(?:(?!(?:of|the|a|an|and|in|as|to|for|by|with|from|at|on)\b)[\w-]+(?:['’]s?)?\s+){0,4}"
    rf"{_HEAD_SEQ}"
)
ROLE = rf"(?P<role>{ROLE_BODY})\b"
# "spokesman for forces loyal to the Front": the forces' office is the Front's.
ORG_TAIL = (
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:(?:forces|fighters|troops)\s+loyal\s+to\s+(?:the\s+)?)?"
    r"(?P<org>[\w'’-]+(?:\s+[\w'’-]+){0,5}))?"
)
# "the Taliban's", "the brigades'", "its": whose office, before the role.
DETERMINER = r"(?:(?:the|a|an)\s+)?(?:(?P<poss>[\w-]+(?:['’]s|s['’])|its|their)\s+)?"


def _forms(lemma: str) -> tuple[str, ...]:
    return lemma, f"{lemma}s", f"{lemma}d" if lemma.endswith("e") else f"{lemma}ed"


# A verb of speech ends what comes before an office: in "a UN spokesman said President X",
# "spokesman said" is no modifier of "President" (nor "UN" its body).
_SAYING = "|".join(
    sorted({f for lemma in SPEECH_LEMMAS for f in _forms(lemma)} | {"said", "told", "wrote"})
)
# Capitalised modifiers only open a sentence: "Acting president X".
# The words before an office's head; those with a capital are the services and ministries news
# style capitalises inside a sentence ("Army chief X", "Interior Minister X"), not a name.
MODIFIER = (
    r"(?:(?!(?:the|a|an|of|its|their|his|her|my|our|your|whose|which|who|that|with|for|to|by|"
    r"from|in|on|at|and|as|"
    r"against|under|after|before|during|amid|among|since|until|into|through|including|"
    rf"is|are|was|were|be|been|has|have|had|get|gets|got|one|{_SAYING})\b)"
    r"(?:(?-i:[a-z][\w-]*)|(?-i:Defen[cs]e|Foreign|Interior|Home|Security|Prime|Deputy|Vice|Acting|"
    r"Interim|Army|Military|Navy|Naval|Air|Police|Intelligence|Armed|Guard|Militia|Party|Border|"
    r"Justice|Finance|Information))\s+)"
)
# A form of address between an office and the name: "the Defence Secretary, Mr X".
HONORIFIC = r"(?-i:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.?"
# A capitalised first word of the sentence may open the role ("Army chief X"), unless it is a
# determiner ("Its leader, X": whose leader is for the possessive to say), and so may an
# acronym right before the office's head anywhere ("..., UN spokesman X said": the body,
# `acronym_owner`; not "a report on the ABC cited Defence Minister X"). The name may follow
# a comma, or stand in brackets after the office ("the Secretary-General (Mr X)").
HEAD_BEFORE = re.compile(
    rf"(?<![\w'’-])(?P<role>(?:(?:^(?!(?-i:Its|Their|His|Her|The|A|An|Our)\b)(?-i:{CAPITAL}[\w-]*)|"
    rf"(?-i:[A-Z]{{2,}})(?=\s+(?:{HEADS})\b))\s+)?"
    rf"{MODIFIER}{{0,2}}{_HEAD_SEQ})(?:\s*,?\s+|\s+\()(?:{HONORIFIC}\s+)?$",
    re.I,
)

# A nationality adjective opening an office names the state it belongs to, not part of it:
# "Azerbaijani President X", "X, the Kelsanian president".
DEMONYM_OFFICE = re.compile(r"(?-i:[A-Z][a-z]+(?:i|ian|ese|ish|ean|can|ine|ch))\s+(?=\S)")

_DESCRIPTIVE = frozenset(
    """new newly legitimate rightful lawful current sitting incumbent reclusive elusive
    enigmatic charismatic veteran longtime long-time powerful influential top young elderly
    ailing notorious shadowy fugitive hardline hard-line feared popular so-called well-known
    little-known respected controversial real true main topmost rival moderate ruthless radical
    firebrand legendary iconic bookish leading prominent key high-ranking entrenched renegade
    embattled beleaguered""".split()
)
_ORGANIZATION_KINDS = frozenset(
    """resistance rebel rebels militia insurgent jihadist paramilitary guerrilla opposition
    coalition alliance movement group party gang government""".split()
)
# Where the holder works is no part of the office: "the Kabul-based spokesman" -> "spokesman".
_BASED = re.compile(r"\w-based$")
_AGE = re.compile(r"\d+(?:-\w+)*|(?:\w+-)?year-old")
_STATUS_MODIFIER = re.compile(
    r"\b(?:acting|interim|caretaker|provisional|transitional|self-\w+)\b", re.I
)
_SELF_DECLARED = re.compile(r"^self-(?:declared|proclaimed|styled|appointed)\b", re.I)
FORMER = re.compile(
    r"\b(?:former|ex|late|then|onetime|one-time|erstwhile|previous|ousted|deposed|toppled|"
    r"overthrown|exiled|fallen|collapsed|defunct|until|before|once|sacked|dismissed|impeached)\b",
    re.I,
)
_GENERIC_OWNER = re.compile(
    r"^(?:the\s+)?(?:group|movement|militia|organi[sz]ation|rebels|faction|insurgency)['’]s?$",
    re.I,
)


def strip_owner(words: str) -> str:
    """The role words after a group's name: "’s deputy spokesman" -> "deputy spokesman"."""
    return re.sub(r"^(?:['’]s?)?\s*", "", words).strip()


def clean_role(role: str | None) -> str | None:
    """The office as a lower-case phrase, without words that describe the person, nor a first
    word that only says what kind of organization it is ("rebel leader" -> "leader")."""
    if not role:
        return None
    words = [
        w
        for w in role.lower().split()
        if w not in _DESCRIPTIVE and not _AGE.fullmatch(w) and not _BASED.search(w)
    ]
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    if len(words) > 1 and words[0] in _ORGANIZATION_KINDS:
        words = words[1:]
    return " ".join(_SPELLED_OUT.get(w, w) for w in words) or None


_SPELLED_OUT = {"pm": "prime minister"}


def acronym_owner(role: str) -> tuple[str | None, str]:
    """ "TPLF chairman" -> ("TPLF", "chairman"): an acronym before the office names a body
    that is not configured, written as named."""
    first, _, rest = role.partition(" ")
    if rest and len(first) >= 2 and first.isupper() and first.isalpha():
        return first, rest
    return None, role


def is_status_role(role: str) -> bool:
    """ "acting president", "self-declared caliph": a role worth reporting on its own."""
    return _STATUS_MODIFIER.search(role) is not None


def is_self_declared(role: str | None) -> bool:
    return bool(role and _SELF_DECLARED.match(role))


def owner(possessor: str | None, at: int, groups: list[Mention]) -> str | None:
    """Whose office, from a possessor before the role: a configured group named there, "its"
    or "their" (the nearest group before), "the group's" (the only group in the sentence)."""
    if not possessor:
        return None
    lower = possessor.lower()
    if lower in ("its", "their", "whose"):  # "JNIM, whose leader X": the group before
        before = [g for g in groups if g.end <= at]
        return before[-1].entity.name if before else None
    for g in groups:
        if g.start <= at < g.end or (at - 4 <= g.start <= at < g.end + 2):
            return g.entity.name
    if _GENERIC_OWNER.match(possessor):
        names = {g.entity.name for g in groups}
        return names.pop() if len(names) == 1 else None
    return None


def named_org(org: str | None, groups: list[Mention], offset: int) -> str | None:
    """A configured group named at `offset`, else the capitalised name there, else None. A
    group named there as a possessor is not the body when the phrase names another after it:
    "leader of Varland's rival group the Front" leads the Front."""
    for g in groups:
        if offset - 4 <= g.start <= offset < g.end:  # the mention may include "the "
            after = (org or "")[g.end - offset :]
            if after.startswith(("'s", "’s")):
                end = offset + len(org or "")
                later = [h for h in groups if g.end < h.start < end]
                return later[0].entity.name if later else g.entity.name
            return g.entity.name
    if not org:
        return None
    m = re.match(rf"{CAPITAL}[\w'’-]*(?:\s+(?:of\s+|for\s+|and\s+|the\s+)?{CAPITAL}[\w'’-]*)*", org)
    if m is None:
        return None
    name = m.group(0)
    body = _BODY_NOUN.match(org, m.end())
    if body is not None and not name.endswith(("'s", "’s")):
        return name + body.group(0)  # "spokesman for the Chechen government"
    return name.removesuffix("'s").removesuffix("’s")


# The kind of body a capitalised name opens, in lower case: "the Chechen government", "the
# Varland army" name the body, not the people or the place.
_BODY_NOUN = re.compile(
    r"\s+(?:(?:federal|national|regular|armed)\s+)?(?:government|army|military|armed\s+forces|"
    r"forces|police|navy|air\s+force|militia|authorities)\b"
)


# A body named before the office in capitals ("Nordic Council special envoy", "the Nordic
# Council's envoy"), nobody configured: the office's organization, whatever its "for" or "of"
# says after it (a remit: "special envoy for the Lakes region").
_PROPER_BODY = re.compile(
    rf"^(?P<body>(?-i:{CAPITAL})[\w.&-]*(?:\s+(?:of\s+|for\s+)?(?-i:{CAPITAL})[\w.&-]*)+)"
    r"(?:['’]s?)?\s+(?=(?-i:[a-z]))"
)
# Capitalised words that are part of an office, not a body: "Defence Minister", "Army chief".
_OFFICE_WORDS = frozenset(
    """army military police navy naval air force forces defence defense interior foreign state
    security intelligence prime deputy vice general chief senior supreme national armed home
    finance justice health information""".split()
)


def proper_body(role: str) -> re.Match[str] | None:
    """A body of two or more capitalised words before the office words of `role`."""
    body = _PROPER_BODY.match(role)
    if body is None or any(w.lower() in _OFFICE_WORDS for w in body.group("body").split()):
        return None
    return body
