"""Whose losses a casualty count reports when the count phrase names no group, and zero counts.

- A loss verb's subject: "the resistance lost 40 men", "The NRF said it had lost 40 men",
  "The Taliban, which suffered 40 dead", '"We lost 12 men," an NRF commander said'.
- A losses noun's owner: "Taliban losses stood at 40 dead", "its casualties numbered 300".
- A possessive: "40 of its fighters", "12 of their men", "our fighters": the one group named
  before the pronoun that is not an attacker ("by", "against", "with" ...), or for "our" the
  group of the speaker. Two candidates name nobody: precision first.
- Explicit zeros are claims too: "no Taliban fighters were killed", "the NRF suffered no
  casualties", "the resistance lost no men".
"""

from __future__ import annotations

import re

from monitor.extract.casualties.counts import PEOPLE
from monitor.extract.casualties.verbs import PARTICIPLE, Kind, kind_of
from monitor.extract.language.attribution import Speaker
from monitor.extract.language.mentions import Mention

_FILLER = re.compile(
    r"^(?:['’]s?)?(?:\s*,\s*(?:which|who)|\s+(?:fighters|forces|troops|side|commanders|"
    r"officials|spokes(?:man|woman|person)|leaders?|said|says|admitted|acknowledged|conceded|"
    r"confirmed|claimed|insisted|it|they|that|has|have|had|also|already|so\s+far|now|"
    r"in\s+total|[a-z]+ly))*\s+$",
    re.I,
)
_WE = re.compile(r"(?:\bwe|\bwe['’]ve)\s+(?:(?:have|had)\s+)?(?:[a-z]+ly\s+)?$", re.I)
_LINK_TAIL = (
    # "... casualties in the war, which began in May, total 149 dead": past a relative aside
    r"(?:(?:in|since|during|over|from|on|at|near)\s+[^,;]{1,60}?"
    r"(?:,\s+(?:which|that)\s+[^,;]{1,60},)?\s+)?"
    r"(?:(?:were|was|are|is|stood|stand|had|have|has)\s+)?(?:(?:estimated|put|reported)\s+)?"
    r"(?:at|numbered|number|total(?:s|l?ed)?|reached|rose\s+to|climbed\s+to|included|of)?\s*[\"“‘']?$"
)
_LOSSES_LINK = (
    r"\s+(?:own\s+)?(?P<noun>losses|casualties|death\s+toll)\s+(?:\w+\s+){0,2}?" + _LINK_TAIL
)
_LOSSES = re.compile(rf"^(?:['’]s?)?{_LOSSES_LINK}", re.I)
_OWN_LOSSES = re.compile(rf"\b(?P<p>its|their|our){_LOSSES_LINK}", re.I)
_AGENT = re.compile(
    r"\b(?:by|against|with|on|fighting|attacked|attacking|ambushed|shelled|targeted)\s+"
    r"(?:the\s+)?(?:\w+\s+)?$",
    re.I,
)
_HIS = re.compile(
    r"\b(?:his|her)\s+(?:men|fighters|forces|troops)\s+(?:(?:had|has|have)\s+)?$", re.I
)
# "... and that it had lost", "fighting in which they lost": a pronoun subject of the loss.
_IT = re.compile(
    r"\b(?:that|in\s+which|during\s+which|which)\s+(?:it|they)\s+(?:(?:had|has|have)\s+)?"
    r"(?:[a-z]+ly\s+)?$",
    re.I,
)
_JOINED = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:had|has|have)\s+)?$", re.I)
_VERB = re.compile(
    r"\b(?:killed|killing|captured|capturing|wounded|seized|repelled|held|holding|took|"
    r"destroyed|shot|overran|ambushed|attacked|routed)\b",
    re.I,
)
_WITH = re.compile(
    r"\b(?P<verb>suffered|sustained|incurred|taken|took|suffering|taking)\s+(?:\w+\s+){0,2}?"
    r"(?:losses|casualties)\s*,?\s+(?:with|including)\s+$",
    re.I,
)
_PEOPLE_RE = "|".join(sorted(PEOPLE, key=len, reverse=True))
_TOLL_AMONG = re.compile(r"\b(?:death\s+)?toll\s+(?:among|for|of)\s+(?:the\s+)?$", re.I)
_AFTER_TOLL = re.compile(rf"^(?:\s+(?:{_PEOPLE_RE}))?\s+{_LINK_TAIL}", re.I)
_NO_BEFORE = re.compile(r"\bno\s+(?:other\s+)?$", re.I)
_NO_AFTER = re.compile(
    rf"^(?:\s+(?:{_PEOPLE_RE}))?\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s+"
    rf"(?:[a-z]+ly\s+)?(?P<kind>{PARTICIPLE})(?:\s+(?:or|and)\s+(?P<kind2>{PARTICIPLE}))?\b",
    re.I,
)
_NONE_OF = re.compile(
    rf"\bnone\s+of\s+(?P<p>its|their|our)\s+(?:{_PEOPLE_RE})\s+(?:were|was|had\s+been|have\s+been|"
    rf"has\s+been)\s+(?:[a-z]+ly\s+)?(?P<kind>{PARTICIPLE})(?:\s+(?:or|and)\s+(?P<kind2>{PARTICIPLE}))?\b",
    re.I,
)
_NO_LOSSES = re.compile(
    r"\b(?:suffered|sustained|incurred|took)\s+no\s+(?:casualties|losses)\b|"
    rf"\b(?P<lost>lost|losing)\s+no\s+(?:{_PEOPLE_RE}|one)\b",
    re.I,
)


def _zero_kinds(m: re.Match[str]) -> frozenset[Kind]:
    second = m.group("kind2")
    return frozenset({kind_of(m.group("kind")), *([kind_of(second)] if second else [])})


def _speaker_group(groups: list[Mention], speaker: Speaker | None) -> str | None:
    names = {g.entity.name for g in groups if speaker and speaker.start <= g.start < speaker.end}
    return names.pop() if len(names) == 1 else None


def self_owner(
    sentence: str, pos: int, pronoun: str, groups: list[Mention], speaker: Speaker | None
) -> str | None:
    """The group "its", "their", "our" or "we" at `pos` stands for, if exactly one fits."""
    if pronoun in ("our", "we"):
        own = _speaker_group(groups, speaker)
        if own:
            return own
    subjects = [g for g in groups if g.end <= pos and _FILLER.match(sentence[g.end : pos])]
    if subjects:  # "the NRF said only three of its men"
        return subjects[-1].entity.name
    names = {
        g.entity.name for g in groups if g.end <= pos and not _AGENT.search(sentence, 0, g.start)
    }
    return names.pop() if len(names) == 1 else None


def loss_owner(
    sentence: str, verb_at: int, groups: list[Mention], speaker: Speaker | None, depth: int = 0
) -> str | None:
    """The subject of the loss verb at `verb_at`: "the resistance lost", "X said it had lost",
    "his men had lost", or that of the verb it is joined to ("X said it had killed 25 Y and
    lost 8 of its own", "had killed 23 Y, losing four")."""
    subjects = [g for g in groups if g.end <= verb_at and _FILLER.match(sentence[g.end : verb_at])]
    if subjects:
        return subjects[-1].entity.name
    if _WE.search(sentence, 0, verb_at):
        return self_owner(sentence, verb_at, "we", groups, speaker)
    if his := _HIS.search(sentence, 0, verb_at):  # "his men": the speaker's or the one group
        return _speaker_group(groups, speaker) or self_owner(
            sentence, his.start(), "its", groups, speaker
        )
    if pronoun := _IT.search(sentence, 0, verb_at):  # "X said ... and that it had lost 12 men"
        return self_owner(sentence, pronoun.start(), "its", groups, speaker)
    conj = _JOINED.search(sentence, 0, verb_at)
    verbs = list(_VERB.finditer(sentence, 0, conj.start())) if conj and depth < 3 else []
    if verbs and not re.search(r"[;:]", sentence[verbs[-1].end() : verb_at]):
        return loss_owner(sentence, verbs[-1].start(), groups, speaker, depth + 1)
    return None


def losses_owner(
    sentence: str, at: int, groups: list[Mention], speaker: Speaker | None
) -> tuple[str | None, str | None]:
    """The owner of "X losses stood at" / "its casualties numbered" just before `at`, and the
    noun ("losses" or "casualties"); (None, None) when no such phrase stands there."""
    for g in reversed(groups):
        m = _LOSSES.match(sentence[g.end : at]) if g.end <= at else None
        if m:
            return g.entity.name, m.group("noun").lower()
    for g in groups:  # "the death toll among SAF soldiers rose to"
        toll = _TOLL_AMONG.search(sentence, 0, g.start) if g.end <= at else None
        if toll and toll.end() == g.start and _AFTER_TOLL.match(sentence[g.end : at]):
            return g.entity.name, "death toll"
    own = _OWN_LOSSES.search(sentence, 0, at)
    if own and own.end() == at:
        return self_owner(
            sentence, own.start(), own.group("p").lower(), groups, speaker
        ), own.group("noun").lower()
    return None, None


def zero_counts(
    sentence: str, groups: list[Mention], speaker: Speaker | None
) -> list[tuple[str, frozenset[Kind], int, int]]:
    """Explicit zeros: (subject, kinds, start, end) for "no Taliban fighters were killed",
    "the NRF suffered no casualties", "the resistance lost no men"."""
    found: list[tuple[str, frozenset[Kind], int, int]] = []
    for g in groups:
        before = _NO_BEFORE.search(sentence, 0, g.start)
        after = _NO_AFTER.match(sentence[g.end :]) if before else None
        if before and after:
            found.append((g.entity.name, _zero_kinds(after), before.start(), g.end + after.end()))
    for m in _NONE_OF.finditer(sentence):
        owner = self_owner(sentence, m.start(), m.group("p").lower(), groups, speaker)
        if owner:
            found.append((owner, _zero_kinds(m), m.start(), m.end()))
    for m in _NO_LOSSES.finditer(sentence):
        owner = loss_owner(sentence, m.start(), groups, speaker)
        if owner:
            kinds_: frozenset[Kind] = frozenset(
                {"killed"} if m.group("lost") else {"killed", "wounded"}
            )
            found.append((owner, kinds_, m.start(), m.end()))
    return found


def with_losses_owner(
    sentence: str, at: int, groups: list[Mention], speaker: Speaker | None
) -> str | None:
    """The subject of "X suffered heavy losses, with up to 300 fighters killed" for the count
    at `at`."""
    m = _WITH.search(sentence, 0, at)
    return loss_owner(sentence, m.start(), groups, speaker) if m and m.end() == at else None
