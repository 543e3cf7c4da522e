"""Force size claims: how many fighters a configured group has, sends or commands.

A count becomes a claim only when it counts fighters (see `units`) and a configured group owns
it: the group is named in the count ("2,000 Taliban fighters"), tied to it after the unit
("fighters loyal to", "have joined the NRF", also past an aside: "Some 3,000 fighters, most of
them ex-soldiers, have joined ..."), is the nearest group that is not being fought, or speaks
of itself ("we", "its", "the movement"). Counts in clauses about casualties, prisoners or another
era are skipped, and so are counts owned by another subject ("while the army has 20,000") or
by two groups at once: precision first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime

from monitor.extract.force.filters import clause_end, skip_count
from monitor.extract.language.attribution import Speaker, find_speaker, is_hedged, resolve_pronoun
from monitor.extract.language.mentions import Mention, find_mentions
from monitor.extract.language.numbers import Amount, find_amounts
from monitor.extract.language.text import CAPITAL
from monitor.extract.language.units import Unit, backward_unit, forward_unit, leaders_forces
from monitor.records import Claim, EntityRef, ForceSize

_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|until|by|during|of|from|before|after|early|late)\s+$", re.I
)
_OPPOSED = re.compile(
    r"\b(?:against|fight(?:s|ing)?|battl\w+|attack\w*|besieg\w+|surround\w*|encircl\w+|"
    r"confront\w*|toward|towards|versus|vs\.?|defeat\w*|repel\w*|oppos\w+|resist\w*|into|"
    r"on|target\w*|pursu\w+|chas\w+|rout\w*|crush\w*)\s+(?:the\s+)?$",
    re.I,
)
_AFTER_UNIT = re.compile(
    r"^\s+(?:\w+\s+)?(?:of|from|loyal\s+to|belonging\s+to|with|for|under|allied\s+(?:to|with)|"
    r"affiliated\s+with|aligned\s+with|(?:have\s+|had\s+|has\s+)?join(?:ed|ing)?)\s+(?:the\s+)?$",
    re.I,
)
# A group that fighters join or serve, anywhere later in the clause.
_ATTACH = re.compile(
    r"\b(?:join(?:ed|ing|s)?|(?:regroup\w*|serv\w*|fight\w*|enlist\w*|arms)\s+"
    r"(?:under|with|for|in)|loyal\s+to|defect\w*\s+to)\s+(?:the\s+)?$",
    re.I,
)
_SELF = re.compile(
    r"\b(?:we|our|us|it|its|they|their|his|her|the\s+(?:group|movement|militia|organi[sz]ation))\b",
    re.I,
)
# "The NRF claims 8,000", "the NRF says it still has about 3,000": the speaker counts itself.
_SELF_COUNT = re.compile(
    r"^\s*(?:claims?|claimed|boasts?|boasted|says?|said|insists?|insisted)\s+(?:that\s+)?"
    r"(?:(?:it|they|we)\s+)?(?:(?:still|now|already|currently|only)\s+)?"
    r"(?:to\s+have\s+|has\s+|have\s+|had\s+|fields?\s+|commands?\s+|numbers?\s+)?$"
)
# "The Arakan Army, which claims 30,000 fighters": the antecedent owns the count.
_RELATIVE_OWNER = re.compile(
    r"^,\s+(?:which|who)\s+(?:[^,;]{0,60}?\s)?(?:claims?|claimed|boasts?|boasted|has|have|had|"
    r"fields?|fielded|commands?|numbers?|numbered|totals?)\s+"
    r"(?:(?:still|now|only|already|currently)\s+)?$",
    re.I,
)
# "Rwanda has 3,000 troops ...": a named subject that is no configured group owns the count.
_NAMED_OWNER = re.compile(
    rf"(?:^|[,;(]\s*|\s[-–—]+\s+|\b(?:and|but|while|whereas|that)\s+)(?P<name>(?-i:{CAPITAL})[\w'’-]*"
    rf"(?:\s+(?-i:{CAPITAL})[\w'’-]*){{0,2}})\s+(?:(?:now|still|reportedly|also)\s+)?"
    r"(?:has|have|had|sent|deployed|fields?|keeps?|maintains?|stationed)\s+$",
    re.I,
)
# "..., the NRF some 8,000": a list that leaves out the verb.
_GAPPED = re.compile(r"(?:[,;]|\band|\bwhile|\bwhereas)\s+(?:the\s+)?$", re.I)
_GAP_END = re.compile(r"\s*(?:[,.;)]|$)")
# "while the army has roughly 20,000": another subject owns what follows.
# "... told parliament that the militia could field 6,000": the reported clause's own subject.
_OTHER_SUBJECT = re.compile(
    r"(?:\b(?:while|whereas|but|and|that)|[,;])\s+(?:the|a|an)\s+[a-z][\w-]*\s+"
    r"(?:(?:can|could|may|might|would|will|still|now)\s+)?"
    r"(?:has|have|had|is|are|was|were|fields?|fielded|sent|deployed|numbers?)\b"
)
# A verb of estimating before the count in its sentence makes an exact figure approximate.
# "estimated at 2,500" reports a figure as such and keeps it as written.
_ESTIMATED = re.compile(r"\bestimat(?:e|es|ed|ing)\b(?!\s+at\b)", re.I)
# A group's possessive right before the count: "the RLF's 4,000 fighters", "the RLF's estimated
# 4,000".
_POSSESSOR = re.compile(r"['’]s?\s+(?:[a-z-]+\s+)?")
_COORDINATED = re.compile(r"^\s*(?:,|and|&|or)\s+(?:the\s+)?$", re.I)


def _is_year(sentence: str, amount: Amount) -> bool:
    text = sentence[amount.start : amount.end]
    return bool(
        re.fullmatch(r"(?:1[89]|20)\d\d", text) and _YEAR_CONTEXT.search(sentence, 0, amount.start)
    )


def _named_owner(sentence: str, lo: int, groups: list[Mention]) -> bool:
    m = _NAMED_OWNER.search(sentence, 0, lo)
    return m is not None and not any(
        m.start("name") <= g.start < m.end("name") or g.start <= m.start("name") < g.end
        for g in groups
    )


def _gapped(
    sentence: str, amount: Amount, groups: list[Mention], counts: list[tuple[Amount, Unit]]
) -> tuple[Mention, Unit] | None:
    """ "The Taliban have 75,000 fighters, the NRF some 8,000": the group right before a bare
    amount, after an earlier count, takes that count's unit."""
    if not _GAP_END.match(sentence, amount.end):
        return None
    for g in groups:
        if sentence[g.end : amount.start].strip() or not _GAPPED.search(sentence, 0, g.start):
            continue
        earlier = [u for a, u in counts if a.end <= g.start]
        if earlier:
            return g, Unit(earlier[-1].word, g.start, g.end)
    return None


# "The KDF faced 9,000 fighters": the object of a verb of confronting is the other side.
_CONFRONTS = re.compile(
    r"\b(?:fac(?:e|es|ed|ing)|fought|battled|attacked|repelled|repulsed|ambushed|encountered|"
    r"confronted|clashed\s+with|engaged|routed|defeated|overran)\b",
    re.I,
)


def _owner_before(sentence: str, g: Mention, lo: int) -> bool:
    return not (
        _OTHER_SUBJECT.search(sentence, g.end, lo) or _CONFRONTS.search(sentence, g.end, lo)
    )


# "the army and other units allied to it ...": a count of both is neither's.
_AND_OTHERS = re.compile(
    r"^\s*(?:(?:forces|troops|fighters|units)\s+)?(?:and|&)\s+(?:the\s+)?(?:other|allied)\b",
    re.I,
)


def _coordinated(sentence: str, g: Mention, groups: list[Mention]) -> bool:
    """ "The SLM and the al-Nur Front together field ...", "the ENDF and other fighters": no
    single owner."""
    if _AND_OTHERS.match(sentence[g.end :]):
        return True
    return any(
        o is not g
        and (
            _COORDINATED.match(sentence[o.end : g.start])
            or _COORDINATED.match(sentence[g.end : o.start])
        )
        for o in groups
    )


def _subject(
    sentence: str,
    count: tuple[Amount, Unit],
    groups: list[Mention],
    speaker: Speaker | None,
    others: list[tuple[int, int]],
) -> str | None:
    """Whose fighters: a group named in the count, after the unit, or nearest and not opposed.
    A group named inside another count ("40,000 Taliban fighters and 1,500 jihadists") owns
    only that count."""
    amount, unit = count
    lo, hi = min(amount.start, unit.start), max(amount.end, unit.end)
    end = clause_end(sentence, lo, hi)  # later clauses report, they do not own
    for g in groups:
        if lo <= g.start < hi or (
            g.start >= unit.end
            and (
                _AFTER_UNIT.match(sentence[unit.end : g.start])
                or (g.start < end and _ATTACH.search(sentence, unit.end, g.start))
            )
        ):
            return g.entity.name
    if unit.foreign or unit.remaining or _named_owner(sentence, lo, groups):  # "Afghan troops"
        return None
    for g in groups:  # "vowed to crush the RLF's 4,000 fighters": the possessor's, even opposed
        if g.end <= lo and _POSSESSOR.fullmatch(sentence, g.end, lo):
            return g.entity.name
    for g in groups:
        between = [o for o in groups if g.end <= o.start < lo]
        if g.end <= lo and not between and _RELATIVE_OWNER.match(sentence[g.end : lo]):
            return g.entity.name
    in_speaker = [g for g in groups if speaker and speaker.start <= g.start < speaker.end]
    if in_speaker and speaker and _SELF_COUNT.match(sentence[speaker.end : lo]):
        return in_speaker[0].entity.name  # "The NRF claims 8,000 fighters"
    free = [
        g
        for g in groups
        if g not in in_speaker
        and not any(a <= g.start < b for a, b in others)
        and ((g.end <= lo and _owner_before(sentence, g, lo)) or hi <= g.start < end)
        and not _OPPOSED.search(sentence, 0, g.start)
    ]
    if free:
        nearest = min(free, key=lambda g: g.start - hi if g.start >= hi else lo - g.end)
        return None if _coordinated(sentence, nearest, groups) else nearest.entity.name
    if in_speaker and _SELF.search(sentence):
        return in_speaker[0].entity.name
    return None


def extract_force_sizes(
    sentence: str, entities: Sequence[EntityRef], *, year: int | None = None
) -> list[Claim]:
    """Force size claims in one sentence of an article published in `year` (default: now)."""
    year = year or datetime.now(UTC).year
    found = find_mentions(sentence, entities)
    mentions = [m for m in found if m.entity.kind != "person"]
    mentions = sorted(mentions + leaders_forces(sentence, found, entities), key=lambda m: m.start)
    groups = [m for m in mentions if m.entity.kind == "group"]
    if not groups:
        return []
    amounts = find_amounts(sentence)
    if not amounts:
        return []
    speaker = find_speaker(sentence)
    claimed_by = resolve_pronoun(
        speaker, [m.entity.name for m in found if m.entity.kind == "person"]
    )
    counts: list[tuple[Amount, Unit]] = []
    for amount in amounts:
        if _is_year(sentence, amount):
            continue
        unit = forward_unit(sentence, amount, mentions) or backward_unit(
            sentence, amount, [a for a in amounts if a is not amount], groups
        )
        if unit is not None and not skip_count(sentence, amount, unit, year):
            counts.append((amount, unit))
    gapped: dict[int, str] = {}
    for amount in amounts:
        gap = (
            None
            if any(a is amount for a, _ in counts)
            else _gapped(sentence, amount, groups, counts)
        )
        if gap:
            gapped[len(counts)] = gap[0].entity.name
            counts.append((amount, gap[1]))
    spans = [(min(a.start, u.start), max(a.end, u.end)) for a, u in counts]
    claims: list[Claim] = []
    for i, (amount, unit) in enumerate(counts):
        others = spans[:i] + spans[i + 1 :]
        subject = gapped.get(i) or _subject(sentence, (amount, unit), groups, speaker, others)
        if subject is None:
            continue
        qualifier = amount.qualifier
        if qualifier == "exact" and _ESTIMATED.search(sentence, 0, amount.start):
            qualifier = "approx"  # "The army estimated the RSF to number 27,135 fighters"
        value = ForceSize(subject, amount.min, amount.max, qualifier, unit.word)
        claim = Claim(value, sentence, claimed_by, is_hedged(sentence))
        if claim not in claims:
            claims.append(claim)
    return claims
