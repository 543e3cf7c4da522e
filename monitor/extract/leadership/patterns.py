"""Leadership claims: a configured person declared, named, killed, fled, seen somewhere...

Every pattern is anchored on a mention of a configured person that is the subject of the
clause ("X has fled", "X, the leader of Y, ...", "Y leader X") or the object of a few verbs
("killed X", "appointed X as Z"). The subject reads past asides ("X, 32, the son of ...,"),
into and past a "who" clause ("X, who leads Y, was seen in Z"), through raising verbs ("is
said to be in", "is rumoured to have been killed") and along predicates joined by "and".
"he"/"she" stand for the one person the sentence names before them; denials and past offices
are judged in `filters`. Roles held in the past ("former", "of the ousted
government") are skipped. "the NRF, led by General X" makes X the NRF's leader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from monitor.extract.language.attribution import find_speaker, is_hedged, resolve_pronoun
from monitor.extract.language.mentions import Mention, find_mentions
from monitor.extract.language.text import CAPITAL
from monitor.extract.leadership.filters import denied, past_office, person_mentions
from monitor.extract.leadership.headline import headline_fate
from monitor.extract.leadership.pairs import paired_fates
from monitor.extract.leadership.predicates import Hit, predicate_hits
from monitor.extract.leadership.premodifier import premodifier
from monitor.extract.leadership.roles import (
    DEMONYM_OFFICE,
    DETERMINER,
    FORMER,
    ORG_TAIL,
    ROLE,
    ROLE_BODY,
    acronym_owner,
    clean_role,
    is_self_declared,
    named_org,
    owner,
    proper_body,
    strip_owner,
)
from monitor.records import Claim, EntityRef, Leadership, LeadershipStatus

_SEP = r"(?:,|\s[—–-]+)\s+"
_TEXT = r"(?:[^,;—–]|,(?=\S))"  # "2,000" does not close an aside
_VERB_START = r"(?:has|have|had|is|are|was|were|will|would|could|can|may|might|did|does)\b"
_APPOSITIVE = re.compile(
    rf"{_SEP}(?!who\b|whose\b|which\b|{_VERB_START})(?P<text>{_TEXT}{{1,80}}?)"
    rf"(?={_SEP}|\.?\s*$)",
    re.I,
)
_RELATIVE = re.compile(rf"{_SEP}who\s+(?P<text>{_TEXT}{{2,120}}?)(?={_SEP}|\.?\s*$)", re.I)
# "X, whose brother was killed last year, leads Y": an aside about somebody else of X's.
_WHOSE = re.compile(rf"{_SEP}whose\s+(?P<text>{_TEXT}{{2,120}}?)(?={_SEP})", re.I)
_LEADING_SEP = re.compile(_SEP)
_INNER_WHO = re.compile(r"\bwho\s+", re.I)
_ANOTHER_NAME = re.compile(
    rf"(?:(?:and|or|but|while)\b|(?-i:{CAPITAL}[\w'’.-]*)(?:\s+\S+){{0,3}}$)", re.I
)
# "X, spokesman for the Dorn Liberation Front (DLF), said": the acronym after the body.
_APPOSITIVE_ROLE = re.compile(rf"(?:{DETERMINER}){ROLE}{ORG_TAIL}(?:\s*\([^()]*\))?\s*$", re.I)
_SECOND_ROLE = re.compile(rf"{ROLE}{ORG_TAIL}\s*$", re.I)
_OBJECT: tuple[tuple[LeadershipStatus, re.Pattern[str]], ...] = (
    ("killed", re.compile(r"\b(?:killed|killing|assassinated|death\s+of|body\s+of)\s+$", re.I)),
    # "Among the dead was commander X": the inverted "X was among the dead"
    (
        "killed",
        re.compile(
            r"\bamong\s+(?:those\s+(?:killed|slain)|the\s+(?:dead|slain|victims|fatalities))\s+"
            r"(?:was|were|is|are)\s+(?:[\w'’-]+\s+){0,3}?$",
            re.I,
        ),
    ),
    # "named Deputy Secretary-General X as its new leader": the new office, not the old title
    ("appointed", re.compile(rf"\b(?:appointed|named|installed)\s+(?:{ROLE_BODY}\s+)?$", re.I)),
)
# "the RSF, led by General X": the group right before leads; a title is not the role.
_LED_BY = re.compile(
    rf"(?P<gap>,?\s+)(?P<verb>led|headed|commanded)\s+by\s+(?:(?-i:{CAPITAL})[\w.]*\s+){{0,2}}$",
    re.I,
)
_LED_ROLES = {"led": "leader", "headed": "head", "commanded": "commander"}
_AS_ROLE = re.compile(rf"\s+(?:as\s+)?{DETERMINER}{ROLE}{ORG_TAIL}", re.I)
_NOT_SUBJECT = re.compile(
    r"\b(?:to|of|by|with|for|against|from|on|at|in|and|or|than|loyal)\s+$", re.I
)
_POSSESSIVE = ("'s", "’s", "’", "'")
_BODY_FOUND = re.compile(
    r"['’]s?\s+body\s+(?:was|has\s+been|had\s+been)\s+(?:found|recovered|identified|"
    r"retrieved|buried|handed\s+over)\b",
    re.I,
)
_OFFICES = frozenset({"claimed", "declared", "appointed", "confirmed"})


# The "of" of an office of three words, when the words after it run on past the office:
# "X, head of state since May," is head of state, not head of "state since May".
_OFFICE_TAIL = re.compile(r"\s+of\s+(?-i:(state|government))\b(?!['’])")

# A person's possessive inside the words of a role: whose post it is, told by a pronoun.
_PRONOUN_OWNER = re.compile(r"\b(?:his|her|their|its|my|our|your)\s+", re.I)


def _role_hit(
    sentence: str, p: Mention, m: re.Match[str], groups: list[Mention], at: int
) -> Hit | None:
    """A role read from an appositive or a premodifier, unless it is held no longer."""
    role = m.group("role")
    tail = _OFFICE_TAIL.match(m.string, m.end("role")) if m.group("org") else None
    if tail and role.lower().endswith("head"):  # "head of state since May"
        return Hit(p, "claimed", clean_role(f"{role} of {tail[1]}"), None, at)
    mine = _PRONOUN_OWNER.search(role)
    if mine is not None and mine.start() > 0:
        return None  # "X, who is 53, named his police chief, Y": a verb and its object
    role = role[mine.end() :] if mine is not None else role  # "X, his deputy, said"
    shift = mine.end() if mine is not None else 0
    if m.group("org"):
        org = named_org(m.group("org"), groups, at + m.start("org"))
    else:
        org = owner(m.group("poss"), at + m.start("poss"), groups) if m.group("poss") else None
    role_at = at + m.start("role") + shift
    for g in groups:  # "the RSF commander": the group is the organization
        if role_at <= g.start < role_at + len(role):
            org = org or g.entity.name
            role = strip_owner(sentence[g.end : role_at + len(role)])
    if org is None and m.group("org") and _GENERIC_BODY.search(m.group("org")):
        org = _known_as(sentence, at + m.end(), groups)
    national = DEMONYM_OFFICE.match(role) if org is None else None
    if national:  # "X, the Kelsanian president": the state's office
        role = role[national.end() :]
    elif (body := proper_body(role)) is not None:
        org, role = body.group("body"), role[body.end() :]
    elif org is None:
        org, role = acronym_owner(role)
    status: LeadershipStatus = "declared" if is_self_declared(role) else "claimed"
    return Hit(p, status, clean_role(role), org, at)


# "the leader of the armed group, known locally as the Front": the name the group goes by.
_GENERIC_BODY = re.compile(
    r"\b(?:group|movement|militia|organi[sz]ation|faction|insurgency)$", re.I
)
_KNOWN_AS = re.compile(
    r"\s*,?\s*(?:(?:also|locally|widely|commonly|better)\s+)?known\s+(?:\w+ly\s+)?as\s+[\"“‘']?(?:the\s+)?",
    re.I,
)


def _known_as(sentence: str, end: int, groups: list[Mention]) -> str | None:
    """The configured group a generic body is then said to be known as."""
    known = _KNOWN_AS.match(sentence, end)
    if known is None:
        return None
    return next((g.entity.name for g in groups if known.end() - 4 <= g.start <= known.end()), None)


def _appositive_roles(
    sentence: str, p: Mention, appositive: re.Match[str], groups: list[Mention]
) -> list[Hit]:
    """ "the RSF commander", "the SLM's founder and military commander": one hit per role."""
    text, at = appositive.group("text"), appositive.start("text")
    role = _APPOSITIVE_ROLE.match(text)
    if role:
        hit = _role_hit(sentence, p, role, groups, at)
        return [hit] if hit else []
    first, sep, second = text.partition(" and ")
    role = _APPOSITIVE_ROLE.match(first) if sep else None
    other = _SECOND_ROLE.match(second) if sep else None
    hit = _role_hit(sentence, p, role, groups, at) if role and other else None
    if hit is None or other is None:
        return []
    org = hit.org
    if other.group("org"):  # "the founder and leader of the HPF": the org is shared
        org = named_org(other.group("org"), groups, at + len(first) + 5 + other.start("org"))
    first_hit = Hit(p, hit.status, hit.role, hit.org or org, at)
    second = Hit(p, hit.status, clean_role(other.group("role")), org, at)
    return [first_hit, second]


def _titles_another(aside: re.Match[str], people: Sequence[Mention]) -> bool:
    """ "X, the head of the peace office Y, and Z": an aside that ends on another configured
    person's name is that person's title, not an office of X's."""
    return any(
        m.end == aside.end("text")
        and m.start > aside.start("text")
        and not _WHOSE_BEFORE.search(aside.string, aside.start("text"), m.start)
        for m in people
    )


# "X, a spokesman for the government of President Y": Y after a preposition and a title is
# whose body it is, not the holder of the aside's office.
_WHOSE_BEFORE = re.compile(
    rf"\b(?:of|for|to|by|under|with)\s+(?:(?-i:{CAPITAL})[\w.’'-]*\s+){{1,3}}$", re.I
)


def _subject_clause(
    sentence: str, p: Mention, groups: list[Mention], people: Sequence[Mention] = ()
) -> list[Hit]:
    """Predicates with the person as subject, after asides or a "who" clause."""
    if _NOT_SUBJECT.search(sentence, 0, p.start):
        return []
    if sentence[p.end :].startswith(_POSSESSIVE):  # "X's body was found": X is dead
        return [Hit(p, "killed", None, None, p.start)] if _BODY_FOUND.match(sentence, p.end) else []
    hits: list[Hit] = []
    pos = p.end
    for _ in range(3):
        whose = _WHOSE.match(sentence, pos)
        if whose:
            pos = whose.end()  # its predicates are another's
            continue
        relative = _RELATIVE.match(sentence, pos)
        if relative:
            hits += _asides(
                predicate_hits(sentence, p, relative.start("text"), relative.end("text"), groups)
            )
            pos = relative.end()
            continue
        appositive = _APPOSITIVE.match(sentence, pos)
        if not appositive or predicate_hits(sentence, p, appositive.start("text"), 0, groups):
            break  # ", declared himself ...": the predicate, not an aside
        if _ANOTHER_NAME.match(appositive.group("text")):
            break  # "X, the head of Y, and Z, the RSF commander": the next role is Z's
        if _titles_another(appositive, people):
            pass  # "X, the deputy of commander Y, was killed": Y's title, X's fate
        elif not FORMER.search(appositive.group("text")):
            hits += _asides(_appositive_roles(sentence, p, appositive, groups))
        elif inner := _INNER_WHO.search(appositive.group("text")):
            # "X, a former police officer who heads Y,": the former post is past, this one not
            at = appositive.start("text") + inner.end()
            hits += _asides(predicate_hits(sentence, p, at, appositive.end("text"), groups))
        pos = appositive.end()
    lead = _LEADING_SEP.match(sentence, pos)
    pos = lead.end() if lead else pos
    return hits + predicate_hits(sentence, p, pos, len(sentence), groups)


def _object(
    sentence: str, p: Mention, groups: list[Mention], people: Sequence[Mention] = ()
) -> list[Hit]:
    """ "killed X", "appointed X as governor", "resistance leader X", "the NRF led by X"."""
    before = sentence[: p.start]
    led = _LED_BY.search(before)
    group = next((g for g in groups if led and g.end == led.start()), None)
    if led and group:
        led_role = _LED_ROLES[led.group("verb").lower()]
        return [Hit(p, "claimed", led_role, group.entity.name, led.start("verb"), aside=True)]
    possessed = sentence[p.end :].startswith(_POSSESSIVE)
    for status, pattern in _OBJECT:
        if pattern.search(before) and not possessed:
            if status == "killed":
                return [
                    Hit(p, "killed", None, None, p.start),
                    *_object_aside(sentence, p, groups, people),
                ]
            aside = _APPOSITIVE.match(sentence, p.end)  # "appointed X, a former ..., as Y"
            role = _AS_ROLE.match(sentence, p.end) or (
                _AS_ROLE.match(sentence, aside.end() + 1) if aside else None
            )
            if role:
                org = named_org(role.group("org"), groups, role.start("org"))
                if not org and role.group("poss"):
                    org = owner(role.group("poss"), role.start("poss"), groups)
                return [Hit(p, "appointed", clean_role(role.group("role")), org, p.start)]
    return _asides(premodifier(sentence, p, groups))


def _object_aside(
    sentence: str, p: Mention, groups: list[Mention], people: Sequence[Mention]
) -> list[Hit]:
    """ "killed X, the leader of Y, ...": the office an aside after the object gives."""
    aside = _APPOSITIVE.match(sentence, p.end)
    if (
        aside is None
        or FORMER.search(aside.group("text"))
        or _ANOTHER_NAME.match(aside.group("text"))
        or _titles_another(aside, people)
    ):
        return []
    return _asides(_appositive_roles(sentence, p, aside, groups))


def _asides(hits: list[Hit]) -> list[Hit]:
    return [replace(h, aside=True) for h in hits]


def extract_leadership(
    sentence: str, entities: Sequence[EntityRef], *, year: int | None = None
) -> list[Claim]:
    """Leadership claims in one sentence."""
    mentions = find_mentions(sentence, entities)
    people = person_mentions(sentence, mentions)
    if not people:
        return []
    groups = [m for m in mentions if m.entity.kind == "group"]
    names = [m.entity.name for m in mentions if m.entity.kind == "person"]
    claimed_by = resolve_pronoun(find_speaker(sentence), names)
    hedged = is_hedged(sentence)
    claims: list[Claim] = []
    for p in people:
        hits = _subject_clause(sentence, p, groups, people) + _object(sentence, p, groups, people)
        if not any(h.status == "killed" for h in hits):
            hits += paired_fates(sentence, p, people) or headline_fate(sentence, p)
        for hit in hits:
            if past_office(sentence, hit, year):
                continue
            # A title or an aside is the narrator's: "dismissed President X's claim" denies the
            # claim, not the office.
            told_aside = hit.aside and hit.status in _OFFICES and not hit.negated
            is_denied = denied(sentence, hit) and not told_aside
            status: LeadershipStatus = "denied" if is_denied else hit.status
            value = Leadership(p.entity.name, hit.role, hit.org, status)
            # An office in an aside is the narrator's description, whoever speaks; a denial in
            # a contrary clause is that clause's speaker's ("..., but the KDF said he was alive")
            claimant = None if hit.aside and status in _OFFICES else claimed_by
            if status == "denied":
                claimant = _contrary_speaker(sentence, hit.said_at or hit.start) or claimant
            claim = Claim(value, sentence, claimant, hedged)
            if claim not in claims:
                claims.append(claim)
    return claims + _rumour_denials(sentence, claims, claimed_by)


# "Rumours that X had been killed circulated, but the Taliban denied them": a later clause
# denies the rumoured fate by referring back to it.
_DENIES_IT = re.compile(
    r"\b(?:den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|refut(?:es|ed))\s+"
    r"(?:them|it|the\s+(?:rumou?rs?|reports?|claims?))\b",
    re.I,
)
# "the Taliban say he has fled abroad, which his spokesmen deny": a relative clause denies the
# claim it follows, whoever made the claim.
_WHICH_DENIES = re.compile(
    r"[,;]\s+which\s+(?:[\w’'-]+\s+){0,4}?(?:den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|"
    r"disput(?:e|es|ed)|refut(?:e|es|ed))\b",
    re.I,
)
_FATES = frozenset({"killed", "fled"})
# What a contrary clause must say to deny a fate: the person alive, present, or not gone.
_NEGATED_FATE = re.compile(
    r"\balive\b|\b(?:remains?|remained|is)\s+(?:still\s+)?(?:with|in|at)\b|"
    r"\b(?:has|had)\s+(?:not|never)\s+(?:left|fled|escaped|been\s+killed)\b|\bden(?:y|ies|ied)\b",
    re.I,
)


# "..., but a spokesman said she was alive", "though the militia insists she remains with her
# fighters", "although his aides deny that he has left": a contrary clause about the person.
_CONTRARY = re.compile(
    r"[,;]\s+(?:but|though|although|while|yet)\s+(?P<rest>[^;]*?\b(?:he|she)\s+(?:was|is|"
    r"remains?|remained|had|has)\s+(?:still\s+|not\s+|never\s+)?(?:[“\"‘']?alive|with|in|at|left|"
    r"fled|escaped|been)\b|[^;]*?\bden(?:y|ies|ied)\s+that\s+(?:he|she)\b|"
    # "..., but the Front denied the claim": the claim just told
    r"[^;]*?\b(?:den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|refut(?:es|ed))\s+"
    r"(?:it|the\s+(?:claims?|reports?|account))\b)",
    re.I,
)


def _contrary_speaker(sentence: str, at: int) -> str | None:
    """Who speaks in the contrary clause that holds position `at`, if one does."""
    contrary = _CONTRARY.search(sentence)
    if contrary is None or at < contrary.start():
        return None
    found = find_speaker(contrary.group("rest"))
    return found.text if found else None


def _rumour_denials(sentence: str, claims: list[Claim], speaker: str | None) -> list[Claim]:
    if not claims:
        return []
    contrary = _CONTRARY.search(sentence)
    which = _WHICH_DENIES.search(sentence)
    if not contrary and not which and not _DENIES_IT.search(sentence):
        return []
    if contrary or which:  # the denial is the contrary or relative clause's speaker's
        rest = contrary.group("rest") if contrary else sentence[which.start() :] if which else ""
        found = find_speaker(rest)
        speaker = found.text if found else None
    out: list[Claim] = []
    offices = [c.value for c in claims if isinstance(c.value, Leadership)]
    already = {v.subject for v in offices if v.status == "denied"}
    for c in claims:
        if not isinstance(c.value, Leadership) or c.value.subject in already:
            continue
        # a plain report is denied only by a contrary clause joined to it ("X said he was
        # killed, but Y denied it"), a hedged one also by a later reference to it
        if c.value.status in _FATES and (c.hedged or which is not None or contrary is not None):
            if contrary and _NEGATED_FATE.search(contrary.group("rest")) is None:
                continue
            denial = Claim(Leadership(c.value.subject, None, None, "denied"), sentence, speaker)
            if denial not in claims and denial not in out:
                out.append(denial)
    return out
