"""Leadership claims: a configured person declared, named, killed, fled, seen somewhere...

Every pattern is anchored on a mention of a configured person that is the subject of the
clause ("X has fled", "X, the leader of Y, ...", "Y leader X") or the object of a few verbs
("killed X", "appointed X as Z"). "he"/"she" stand for the one person the sentence names
before them. A denial before the pattern ("denied reports that he had fled") or a negation
("has not fled") turns the claim into status "denied".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from monitor.extract.attribution import find_speaker, is_hedged
from monitor.extract.mentions import Mention, find_mentions
from monitor.records import Claim, EntityRef, Leadership, LeadershipStatus

_HEADS = (
    r"leader|head|chief|commander|commander-in-chief|president|minister|governor|spokesman|"
    r"spokeswoman|spokesperson|deputy|emir|amir|general|chairman|chairwoman|co-founder|founder|"
    r"mayor|envoy|ambassador|director|premier|secretary|ruler|chancellor|king|speaker"
)
_ROLE = rf"(?P<role>(?:(?!of\b|the\b|a\b|an\b)[\w-]+\s+){{0,3}}?(?:{_HEADS}))\b"
_ORG_TAIL = r"(?:\s+(?:of|for)\s+(?:the\s+)?(?P<org>[\w'’-]+(?:\s+[\w'’-]+){0,5}))?"
_ADVERBS = r"also|reportedly|allegedly|apparently|now|since|already|just"
_AUX = rf"(?:(?:has|have|had|is|was)\s+)?(?:(?:{_ADVERBS})\s+)*"
_NEG = r"(?P<neg>not\s+|never\s+)?"

_ORG_WORDS = r"(?P<org>[\w'’-]+(?:\s+[\w'’-]+){0,5})"
_BE = r"(?:was|has\s+been|had\s+been|is)\s+"
_PATTERNS: tuple[tuple[LeadershipStatus, str | None, str], ...] = (
    (
        "declared",
        None,
        rf"{_AUX}(?:declared|proclaimed|named)\s+(?:himself|herself)\s+"
        rf"(?:as\s+|to\s+be\s+)?(?:the\s+)?{_ROLE}{_ORG_TAIL}",
    ),
    (
        "appointed",
        None,
        rf"{_BE}{_NEG}(?:named|appointed|made|installed\s+as|chosen\s+as|elected)\s+"
        rf"(?:as\s+)?(?:the\s+|a\s+)?{_ROLE}{_ORG_TAIL}",
    ),
    ("confirmed", None, rf"{_BE}confirmed\s+as\s+(?:the\s+)?{_ROLE}{_ORG_TAIL}"),
    (
        "claimed",
        None,
        rf"(?:is|remains|is\s+now|has\s+become|became)\s+{_NEG}(?:the\s+|a\s+)?"
        rf"{_ROLE}{_ORG_TAIL}",
    ),
    ("claimed", "leader", rf"{_AUX}(?:leads|is\s+leading)\s+(?:the\s+)?{_ORG_WORDS}"),
    ("claimed", "head", rf"{_AUX}(?:heads|is\s+heading)\s+(?:the\s+)?{_ORG_WORDS}"),
    ("claimed", "commander", rf"{_AUX}(?:commands|is\s+commanding)\s+(?:the\s+)?{_ORG_WORDS}"),
    (
        "killed",
        None,
        rf"(?:{_BE}|were\s+){_NEG}(?:\w+ly\s+)?(?:killed|assassinated|shot\s+dead|slain|"
        r"executed)\b",
    ),
    ("killed", None, rf"{_AUX}{_NEG}(?:died\b|dead\b)"),
    ("fled", None, rf"{_AUX}{_NEG}(?:fled|escaped|left\s+the\s+country)\b"),
    (
        "located",
        None,
        rf"(?:is|was|remains|remained|has\s+been|had\s+been)\s+(?:still\s+|\w+ly\s+)*{_NEG}"
        r"(?:in|inside|holed\s+up\s+in|hiding\s+in|(?:seen|spotted|sighted)\s+in)\s+"
        r"(?:the\s+)?[A-Z]",
    ),
)
_FORWARD = tuple((status, role, re.compile(p, re.I)) for status, role, p in _PATTERNS)
_APPOSITIVE = re.compile(
    r"^,\s+(?!who\b|whose\b|which\b)(?P<text>[^,;]{2,80}?)(?:,\s+|\.?\s*$)", re.I
)
_RELATIVE = re.compile(r"^,\s+who\s+")
_APPOSITIVE_ROLE = re.compile(
    rf"^(?:the|a|an)\s+(?:[\w'’-]+(?:['’]s|s['’])\s+)?{_ROLE}{_ORG_TAIL}\s*$", re.I
)
_MODIFIER = r"(?:(?!the\b|a\b|an\b|of\b)(?-i:[a-z-]+)\s+)?"
_HEAD_BEFORE = re.compile(rf"(?:['’]s)?\s+(?P<role>{_MODIFIER}(?:{_HEADS}))\s*,?\s+$", re.I)
_HEAD_OF_BEFORE = re.compile(
    rf"\b(?P<role>{_MODIFIER}(?:{_HEADS}))\s+of\s+(?:the\s+)?(?P<org>[^,]{{2,60}}),\s+$", re.I
)
_FORMER = re.compile(
    r"\b(?:former|ex|late|then|onetime|one-time|erstwhile)\b[\s-]+(?:\S+\s+){0,3}$", re.I
)
_OBJECT: tuple[tuple[LeadershipStatus, re.Pattern[str]], ...] = (
    ("killed", re.compile(r"\b(?:killed|killing|assassinated|death\s+of|body\s+of)\s+$", re.I)),
    ("appointed", re.compile(r"\b(?:appointed|named|installed)\s+$", re.I)),
)
_AS_ROLE = re.compile(rf"^\s+(?:as\s+)(?:the\s+|a\s+)?{_ROLE}{_ORG_TAIL}", re.I)
_NOT_SUBJECT = re.compile(
    r"\b(?:to|of|by|with|for|against|from|on|at|in|and|or|than|loyal)\s+$", re.I
)
_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|dismissed|rejected|refuted|rebutted|false|untrue)\b", re.I
)
_PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)


@dataclass(frozen=True, slots=True)
class _Hit:
    subject: Mention
    status: LeadershipStatus
    role: str | None
    org: str | None
    start: int
    negated: bool = False


def _organization(org: str | None, groups: list[Mention], offset: int) -> str | None:
    """A configured group named at `offset`, else the capitalised name there, else None."""
    for g in groups:
        if offset - 4 <= g.start <= offset < g.end:  # the mention may include "the "
            return g.entity.name
    if not org:
        return None
    m = re.match(r"[A-Z][\w'’-]*(?:\s+(?:of\s+|for\s+|and\s+|the\s+)?[A-Z][\w'’-]*)*", org)
    return m.group(0).removesuffix("'s").removesuffix("’s") if m else None


def _from_match(
    subject: Mention,
    status: LeadershipStatus,
    role: str | None,
    m: re.Match[str],
    groups: list[Mention],
    base: int,
) -> _Hit:
    groupdict = m.groupdict()
    role = role or (groupdict.get("role") or "").lower() or None
    org_offset = base + m.start("org") if groupdict.get("org") else -1
    org = _organization(groupdict.get("org"), groups, org_offset)
    negated = bool(groupdict.get("neg"))
    return _Hit(subject, status, role, org, base, negated)


def _group_in_role(
    sentence: str, hit: _Hit, groups: list[Mention], text_at: int, role_at: int
) -> _Hit:
    """ "the resistance leader", "the militia's commander": the group is the organization."""
    if hit.org or not hit.role:
        return hit
    role_end = role_at + len(hit.role)
    for g in groups:
        if text_at <= g.start < role_end:
            words = sentence[max(g.end, role_at) : role_end].lower()
            role = re.sub(r"^['’]s?\s+", "", words).strip() or None
            return replace(hit, role=role, org=g.entity.name)
    return hit


def _forward(sentence: str, p: Mention, groups: list[Mention]) -> list[_Hit]:
    """Predicates with the person as subject, after an optional appositive or "who"."""
    if _NOT_SUBJECT.search(sentence, 0, p.start) or sentence[p.end :].startswith(("'s", "’s")):
        return []
    hits: list[_Hit] = []
    pos = p.end
    appositive = _APPOSITIVE.match(sentence[pos:])
    if appositive:
        role = _APPOSITIVE_ROLE.match(appositive.group("text"))
        if role:
            text_at = pos + appositive.start("text")
            hit = _from_match(p, "claimed", None, role, groups, text_at)
            hits.append(
                _group_in_role(sentence, hit, groups, text_at, text_at + role.start("role"))
            )
        pos += appositive.end()
    else:
        relative = _RELATIVE.match(sentence[pos:])
        pos += relative.end() if relative else 0
    rest = sentence[pos:].lstrip()
    base = len(sentence) - len(rest)
    for status, fixed_role, pattern in _FORWARD:
        m = pattern.match(rest)
        if m:
            hits.append(_from_match(p, status, fixed_role, m, groups, base))
            break
    return hits


def _backward(sentence: str, p: Mention, groups: list[Mention]) -> list[_Hit]:
    """ "resistance leader X", "killed X", "appointed X as governor"."""
    before = sentence[: p.start]
    for status, pattern in _OBJECT:
        if pattern.search(before):
            if status == "killed":
                return [_Hit(p, "killed", None, None, p.start)]
            role = _AS_ROLE.match(sentence[p.end :])
            if role:
                return [_from_match(p, "appointed", None, role, groups, p.end)]
    return _premodifier(sentence, p, groups)


def _premodifier(sentence: str, p: Mention, groups: list[Mention]) -> list[_Hit]:
    """ "resistance leader X", "Taliban co-founder X", "the leader of the resistance, X"."""
    m = _HEAD_BEFORE.search(sentence, 0, p.start) or _HEAD_OF_BEFORE.search(sentence, 0, p.start)
    if not m or _FORMER.search(sentence, 0, m.start("role")):
        return []
    org_at = m.start("org") if m.groupdict().get("org") else m.start("role")
    group = next((g for g in groups if g.end in (org_at, org_at - 1) or g.start == org_at), None)
    if group is None:
        group = next((g for g in groups if 0 <= m.start("role") - g.end <= 3), None)
    if group is None:
        return []
    role = m.group("role").lower()
    return [_Hit(p, "claimed", role, group.entity.name, m.start())]


def _person_mentions(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """Configured people, plus "he"/"she" when the sentence names exactly one person before."""
    people = [m for m in mentions if m.entity.kind == "person"]
    out = list(people)
    for pronoun in _PRONOUN.finditer(sentence):
        before = {m.entity for m in people if m.end <= pronoun.start()}
        if len(before) == 1:
            out.append(Mention(before.pop(), pronoun.start(), pronoun.end()))
    return out


def extract_leadership(
    sentence: str, entities: Sequence[EntityRef], *, year: int | None = None
) -> list[Claim]:
    """Leadership claims in one sentence."""
    mentions = find_mentions(sentence, entities)
    people = _person_mentions(sentence, mentions)
    if not people:
        return []
    groups = [m for m in mentions if m.entity.kind == "group"]
    speaker = find_speaker(sentence)
    hedged = is_hedged(sentence)
    claims: list[Claim] = []
    for p in people:
        for hit in _forward(sentence, p, groups) + _backward(sentence, p, groups):
            denied = hit.negated or bool(_DENIAL.search(sentence, 0, hit.start))
            status: LeadershipStatus = "denied" if denied else hit.status
            value = Leadership(p.entity.name, hit.role, hit.org, status)
            claim = Claim(value, sentence, speaker.text if speaker else None, hedged)
            if claim not in claims:
                claims.append(claim)
    return claims
