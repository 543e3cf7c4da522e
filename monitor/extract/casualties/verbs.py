"""What happened to the people a count counts: killed, wounded or captured.

`read_kind` looks at the words around a count phrase. After it: "were killed", "have died",
"were reportedly injured", "surrendered", "gave themselves up", "were among the dead", "dead"
("left 12 dead"), a bare participle in headline style only when no object follows ("12
fighters killed in ..." but not "12 fighters killed 3 soldiers"). Before it: an active verb
("killed 350 Taliban", "wounding 30"), a noun ("the bodies of", "the capture of"), a list
("among the dead were"), "took ... prisoner", or a loss verb ("lost 40 men", "suffered 300
casualties") whose subject owns the count. Two kinds joined by "or"/"and" ("killed or
wounded 50") are one combined count; a kind "or" another fate ("surrendered or fled") is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from monitor.extract.casualties.counts import Count, closes_phrase

Kind = Literal["killed", "wounded", "captured"]


@dataclass(frozen=True, slots=True)
class Reading:
    """The kinds a count is read as, the span of count and verb, whether it is negated, where a
    loss verb stands whose subject owns the count, and whether the verb hedges ("feared dead")."""

    kinds: frozenset[Kind]
    start: int
    end: int
    negated: bool = False
    loss_at: int | None = None
    hedged: bool = False


PARTICIPLE = (
    r"killed(?:\s+in\s+action)?|slain|shot\s+dead|gunned\s+down|executed|martyred|massacred|"
    r"dead|wounded|injured|hurt|captured|taken\s+(?:prisoner|captive|hostage)|detained|arrested|"
    r"seized|rounded\s+up"
)
_INTRANSITIVE = (
    r"died|perished|lost\s+their\s+lives|surrendered|gave\s+themselves\s+up|"
    r"(?:sustained|suffered|received)\s+(?:(?:serious|severe|minor|light|critical)\s+)?"
    r"(?:injuries|wounds)|"
    r"among\s+the\s+(?:dead|killed|wounded|injured|captured)"
)
_HEDGE_WORDS = r"feared|believed|presumed|thought|reported|said"
_ADV = (
    rf"(?:all|also|since|either|both|now|then|found|[a-z]+ly|(?:confirmed|{_HEDGE_WORDS})"
    r"(?:\s+to\s+have\s+been)?)"
)
_ASIDE = r",\s+(?:including|among\s+them|among\s+whom|most|many|all|mostly|some|both)\b[^,;]{0,60},"
_AFTER = re.compile(
    rf"^(?:{_ASIDE})?(?P<conj>\s+and\s+(?:a|an|the|their|its|his|one)(?:\s+[\w'’-]+){{1,3}}?(?=\s+(?:were|had|have)\b))?"
    rf"\s*,?(?:\s+(?:who|that))?"
    rf"(?:\s+(?P<aux>were|was|are|is|(?:have|has|had)(?:\s+been)?|(?:may|might|could|must)\s+have\s+been))?"
    rf"(?P<adv>(?:\s+{_ADV})*?)(?:\s+(?P<neg>not|never))?(?:\s+{_ADV})*?"
    rf"\s+[\"“']?(?P<kind>{PARTICIPLE}|{_INTRANSITIVE})"
    rf"(?:\s+(?:or|and)\s+(?P<kind2>{PARTICIPLE}|{_INTRANSITIVE}))?(?![\w-])"
    rf"(?!(?:,\s+\w+)*,?\s+or\s)(?!(?:,\s+(?:{PARTICIPLE}))+,?\s+and\s)",
    re.I,
)
_ACTIVE = (
    r"killed|killing|kills|slew|executed|executing|massacred|shot\s+dead|gunned\s+down|"
    r"wounded|wounding|wounds|injured|injuring|injures|captured|capturing|captures|"
    r"detained|detaining|arrested|arresting|seized|seizing|rounded\s+up"
)
# "killed what it described as hundreds of": the speaker's framing of the count.
_FRAMED = r"(?:what\s+(?:it|they|he|she|the\s+\w+)\s+(?:described|called|put|estimated)\s+as\s+)"
_MORE = rf"{_FRAMED}?(?:(?:a\s+total\s+of|another|a\s+further|just|only)\s+)?[\"“']?"
_BEFORE = (
    re.compile(
        rf"(?P<neg>(?:\bnot|\bnever|n['’]t)\s+(?:\w+\s+)?)?\b(?P<kind>{_ACTIVE})"
        rf"(?:\s+(?:or|and)\s+(?P<kind2>{_ACTIVE}))?\s+{_MORE}$",
        re.I,
    ),
    re.compile(
        r"\b(?P<kind>deaths?|killings?|bodies|remains|wounding|capture|detention|arrests?|"
        rf"surrender)\s+of\s+{_MORE}$",
        re.I,
    ),
    re.compile(
        r"\b(?P<kind>dead|killed|wounded|injured|captured|detained)\s+"
        r"(?:were|are|was|included|include)\s+$",
        re.I,
    ),
)
_TOOK = re.compile(r"\b(?:took|taken|taking)\s+$", re.I)
_PRISONER = re.compile(r"^\s+(?:as\s+)?(?:prisoners?|captives?|hostages?)\b", re.I)
_LOSS = re.compile(
    rf"\b(?P<verb>lost|losing|loses|lose|suffered|suffering|suffers|sustained|sustaining|"
    rf"incurred|took|taking)\s+{_MORE}$",
    re.I,
)
_NONE_OF = re.compile(r"\bnone\s+of\s+(?:the\s+|its\s+|their\s+)?$", re.I)


def kind_of(word: str) -> Kind:
    """The kind a verb, participle or noun stands for."""
    w = word.lower().split()[-1]
    if w.startswith(("wound", "injur", "hurt")):
        return "wounded"
    if w.startswith(
        ("captur", "taken", "capti", "prison", "hostage", "detain", "detention", "arrest", "seiz")
    ):
        return "captured"
    if w.startswith(("up", "surrender")):  # "rounded up"
        return "captured"
    return "killed"


def _kinds(m: re.Match[str]) -> frozenset[Kind]:
    second = m.groupdict().get("kind2")
    return frozenset({kind_of(m.group("kind")), *([kind_of(second)] if second else [])})


def _after(sentence: str, count: Count) -> Reading | None:
    m = _AFTER.match(sentence[count.end :])
    if m is None:
        return None
    aux, kind = (m.group("aux") or "").lower(), m.group("kind").lower()
    participle = re.fullmatch(PARTICIPLE, kind, re.I) is not None
    if (participle and aux in ("have", "has", "had")) or (m.group("conj") and not aux):
        return None  # "40 fighters have killed ...": active, they did the killing
    end = count.end + m.end()
    if participle and not aux and kind != "dead" and not closes_phrase(sentence, end):
        return None  # "12 Taliban fighters killed 3 soldiers"
    hedged = re.search(rf"\b(?:{_HEDGE_WORDS})\b", m.group(0), re.I) is not None
    negated = m.group("neg") is not None
    return Reading(_kinds(m), count.amount.start, end, negated, None, hedged)


def _before(sentence: str, count: Count) -> Reading | None:
    head = sentence[: count.amount.start]
    for pattern in _BEFORE:
        m = pattern.search(head)
        if m:
            negated = m.groupdict().get("neg") is not None
            return Reading(_kinds(m), m.start("kind"), count.end, negated)
    return None


def _implied(count: Count, loss: re.Match[str] | None) -> Reading | None:
    """ "300 casualties", "30 bodies", "lost 40 men": the noun or the loss verb says the kind."""
    kinds: frozenset[Kind] | None = None
    if count.noun == "bodies":
        kinds = frozenset({"killed"})
    elif count.noun == "casualties":
        kinds = frozenset({"killed", "wounded"})
    elif loss is not None and count.noun is not None and loss.group("verb")[:3] in ("los", "Los"):
        kinds = frozenset({"killed"})
    return Reading(kinds, count.amount.start, count.end) if kinds else None


# "The ambush left 14 troops, three guards and villagers dead": the state a list is left
# in is told once, after its last item, and holds for every count in it.
_LEFT = re.compile(r"\b(?:left|leaving|leaves)\s+$", re.I)
_LEFT_LIST = re.compile(
    r"^(?:(?:\s*,|\s*,?\s+and)\s+(?:[\w-]+\s+){0,3}?[a-z]+(?:s|men)){1,3}"
    r"\s+(?P<kind>dead|killed|wounded|injured)(?![\w-])",
    re.I,
)


def _left_in_list(sentence: str, count: Count) -> Reading | None:
    """ "left 14 troops, three guards and villagers wounded": the first count of a list
    that "left" takes, read with the participle that closes the list."""
    left = _LEFT.search(sentence, 0, count.amount.start)
    m = _LEFT_LIST.match(sentence[count.end :]) if left else None
    if left is None or m is None:
        return None
    end = count.end + m.end()
    if not (closes_phrase(sentence, end) or _GERUND.match(sentence, end)):
        return None  # "... and villagers killed three guards": they did the killing
    # read from the count on, like a participle after it: "the attack left" names no killer
    return Reading(_kinds(m), count.amount.start, end)


_GERUND = re.compile(r"\s+[a-z]+ing\b")  # "... killed, quoting sources", also without comma


def read_kind(sentence: str, count: Count) -> Reading | None:
    """How the count is read, or None when it is not a casualty count."""
    head = sentence[: count.amount.start]
    took = _TOOK.search(head)
    if took and _PRISONER.match(sentence[count.end :]):
        return Reading(frozenset({"captured"}), took.start(), count.end)
    loss = _LOSS.search(head)
    reading = None if loss else _before(sentence, count)
    reading = reading or _after(sentence, count) or _implied(count, loss)
    reading = reading or _left_in_list(sentence, count)
    if reading is None:
        return None
    if loss is not None:
        reading = replace(reading, start=loss.start(), loss_at=loss.start())
    if _NONE_OF.search(head):
        reading = replace(reading, negated=True)
    return reading
