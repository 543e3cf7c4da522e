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

from monitor.extract.attribution import Speaker, find_speaker, is_hedged, resolve_pronoun
from monitor.extract.mentions import Mention, find_mentions
from monitor.extract.numbers import Amount, find_amounts
from monitor.extract.text import clause_bounds
from monitor.extract.units import Unit, backward_unit, forward_unit
from monitor.records import Claim, EntityRef, ForceSize

_CASUALTY = re.compile(
    r"\b(?:kill\w*|dead|died|dies|deaths?|wound\w*|injur\w*|captur\w*|surrender\w*|arrest\w*|"
    r"detain\w*|executed|prisoners?|casualt\w+|lost|losing|bodies|missing|freed|released|"
    r"massacred|slain|martyred|abducted|kidnapped|hostages?|custody|jailed|imprisoned)\b",
    re.I,
)
# "refused to surrender", "sent to capture": an infinitive is an aim, not a loss.
_AIM = re.compile(r"(?<!forced )(?<!made )(?<!compelled )(?<!obliged )\bto\s+$", re.I)
_HISTORY = re.compile(
    r"\b(?:1[89]\d0s|20[0-4]0s|(?:in|during|by|until)\s+1[89]\d\d|at\s+the\s+time|"
    r"at\s+(?:its|their|the)\s+(?:peak|height)|heyday|back\s+then|in\s+the\s+past|used\s+to|"
    r"(?<!since\s)last\s+year|years?\s+ago|formerly|"
    r"Soviet|during\s+the\s+[\w\s-]{0,30}?(?:war|occupation|invasion|era|jihad))\b",
    re.I,
)
_YEAR_MENTION = re.compile(r"\b(?:in|until|by|during|of|before)\s+((?:19|20)\d\d)\b", re.I)
_CIVILIANS = re.compile(r"^\s*(?:,|and|&)\s*(?:women|children|boys|girls)\b", re.I)
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|until|by|during|of|from|before|after|early|late)\s+$", re.I
)
_CONJUNCT = re.compile(r"\s(?:and|but|while|whereas)\s", re.I)
# After the count, "and" ends its predicate only when a verb follows ("and has freed"); in
# "12 NRF fighters and three commanders died" the two nouns share one verb.
_NEXT_PREDICATE = re.compile(
    r"\s(?:but|while|whereas|and\s+(?:(?:now|also|then|later)\s+)?"
    r"(?:has|have|had|is|are|was|were|will|would|\w+ed)\b)",
    re.I,
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
    r"(?:under|with|for|in|alongside)|alongside|loyal\s+to|defect\w*\s+to)\s+(?:the\s+)?$",
    re.I,
)
# ", most of them ex-soldiers," between a count and its predicate.
_ASIDE = re.compile(
    r"^,\s+(?:most|many|some|all|half|several|few|none|mostly|largely|including|among|"
    r"almost|nearly|both)\b[^,;:]{0,60},\s",
    re.I,
)
_SELF = re.compile(
    r"\b(?:we|our|us|it|its|they|their|his|her|the\s+(?:group|movement|militia|organi[sz]ation))\b",
    re.I,
)
_SELF_COUNT = re.compile(r"^\s*(?:claims?|claimed|boasts?|boasted|says?|said)\s+(?:to\s+have\s+)?$")
# "while the army has roughly 20,000": another subject owns what follows.
_OTHER_SUBJECT = re.compile(
    r"(?:\b(?:while|whereas|but|and)|[,;])\s+(?:the|a|an)\s+[a-z][\w-]*\s+"
    r"(?:has|have|had|is|are|was|were|fields?|fielded|sent|deployed|numbers?)\b"
)
_COORDINATED = re.compile(r"^\s*(?:,|and|&|or)\s+(?:the\s+)?$", re.I)


def _is_year(sentence: str, amount: Amount) -> bool:
    text = sentence[amount.start : amount.end]
    return bool(
        re.fullmatch(r"(?:1[89]|20)\d\d", text) and _YEAR_CONTEXT.search(sentence, 0, amount.start)
    )


def _is_past_year(clause: str, year: int) -> bool:
    """A year two or more years before the article's: "in 2001 the group had 45,000 troops"."""
    return any(int(y) <= year - 2 for y in _YEAR_MENTION.findall(clause))


def _own_part(sentence: str, lo: int, hi: int) -> str:
    """The clause around `lo`..`hi`, cut at "and", "but", "while" that start another predicate."""
    left, right = clause_bounds(sentence, lo, hi)
    for m in _CONJUNCT.finditer(sentence, left, lo):
        left = max(left, m.end())
    after = _NEXT_PREDICATE.search(sentence, hi, right)
    return sentence[left : after.start() if after else right]


def _skip_clause(sentence: str, amount: Amount, unit: Unit, year: int) -> bool:
    """Casualty counts, prisoners, civilians and other eras are not force sizes."""
    part = _own_part(sentence, min(amount.start, unit.start), max(amount.end, unit.end))
    if unit.word == "men" and _CIVILIANS.match(sentence[unit.end :]):
        return True
    losses = [m for m in _CASUALTY.finditer(part) if not _AIM.search(part, 0, m.start())]
    return bool(losses or _HISTORY.search(part) or _is_past_year(part, year))


def _clause_end(sentence: str, lo: int, hi: int) -> int:
    """Where the count's clause ends, reading past an aside ("most of them ex-soldiers")."""
    end = clause_bounds(sentence, lo, hi)[1]
    aside = _ASIDE.match(sentence[end:])
    return clause_bounds(sentence, end + aside.end(), end + aside.end())[1] if aside else end


def _owner_before(sentence: str, g: Mention, lo: int) -> bool:
    return not _OTHER_SUBJECT.search(sentence, g.end, lo)


def _coordinated(sentence: str, g: Mention, groups: list[Mention]) -> bool:
    """ "The SLM and the al-Nur Front together field ...": no single owner."""
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
    clause_end = _clause_end(sentence, lo, hi)  # later clauses report, they do not own
    for g in groups:
        if lo <= g.start < hi or (
            g.start >= unit.end
            and (
                _AFTER_UNIT.match(sentence[unit.end : g.start])
                or (g.start < clause_end and _ATTACH.search(sentence, unit.end, g.start))
            )
        ):
            return g.entity.name
    if unit.foreign:  # "Afghan troops": somebody else's unless tied to a group
        return None
    in_speaker = [g for g in groups if speaker and speaker.start <= g.start < speaker.end]
    if in_speaker and speaker and _SELF_COUNT.match(sentence[speaker.end : lo]):
        return in_speaker[0].entity.name  # "The NRF claims 8,000 fighters"
    free = [
        g
        for g in groups
        if g not in in_speaker
        and not any(a <= g.start < b for a, b in others)
        and ((g.end <= lo and _owner_before(sentence, g, lo)) or hi <= g.start < clause_end)
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
    groups = [m for m in mentions if m.entity.kind == "group"]
    if not groups:
        return []
    amounts = find_amounts(sentence)
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
        if unit is not None and not _skip_clause(sentence, amount, unit, year):
            counts.append((amount, unit))
    spans = [(min(a.start, u.start), max(a.end, u.end)) for a, u in counts]
    claims: list[Claim] = []
    for i, (amount, unit) in enumerate(counts):
        others = spans[:i] + spans[i + 1 :]
        subject = _subject(sentence, (amount, unit), groups, speaker, others)
        if subject is None:
            continue
        value = ForceSize(subject, amount.min, amount.max, amount.qualifier, unit.word)
        claim = Claim(value, sentence, claimed_by, is_hedged(sentence))
        if claim not in claims:
            claims.append(claim)
    return claims
