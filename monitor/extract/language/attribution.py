"""Who makes a claim ("according to X", "X said", '"...," said X') and whether it is hedged.

The speaker is returned as written and kept short: the noun phrase of the clause that holds
the speech verb, cut at commas, quotes and "that". When a name is followed by an appositive
("Jane Doe, a militia spokeswoman, said"), the name wins.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from monitor.extract.language.grammar import TIME_NOUNS, opens_with_article
from monitor.extract.language.text import CAPITAL, lowered_for_words


@dataclass(frozen=True, slots=True)
class Speaker:
    """The claimant of a sentence, with its span so extractors can ignore entities in it."""

    text: str
    start: int
    end: int


_VERBS = (
    r"said|says|say|told|tells|claimed|claims|claim|announced|announces|stated|"
    r"added|adds|insisted|insists|estimated|reported|confirmed|confirms|"
    r"denied|denies|deny|warned|warns|wrote|writes|tweeted|posted|alleged|alleges|"
    r"acknowledged|acknowledges|admitted|admits|conceded|concedes|asserted|asserts|boasted|boasts|maintained|maintains|"
    r"suggested|suggests|believes|estimate|estimates|rejected|rejects|dismissed|dismisses|"
    r"countered|counters|replied|replies|responded|responds|retorted|retorts|argued|argues|"
    r"contended|contends|disclosed|discloses|revealed|reveals|informed|"
    r"puts?(?=\s+(?:the|its|their)\s+(?:\w+\s+)?(?:number|figure|total|strength|size|count)\b)"
)
# "is said to have fled" reports nobody's claim; "claimed to have seized" is the claimant's.
_VERB = re.compile(
    rf"\b(?:{_VERBS})\b(?!\s+(?:to\s+(?:be|number)\b|at\b))"
    r"(?!(?<!claim)(?<!claims)(?<!claimed)\s+to\s+have\b)",
    re.I,
)
# Every match of `_VERB`, `_INVERTED` or `_ACCORDING` holds one of these words: without them
# a sentence names no speaker (see `lowered_for_words`).
_SPEECH_WORDS = (
    *(w for w in _VERBS[: _VERBS.index("puts?")].split("|") if w),
    "put",
    "according",
)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|it)\s+(?:\w+ly\s+)?$", re.I)
_INVERTED = re.compile(
    r"""[,"”'’]\s*(?:said|says|added|claimed|told\s+\w+|wrote|insisted)\s+"""
    rf"""((?:a\s|an\s|the\s|(?-i:{CAPITAL}))[^,.;"”]*?)\s*(?=[,.;]|$)""",
    re.I,
)
# "Thirty fighters were killed, said Y", "X said the town was calm": a clause, not who spoke.
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would)\b", re.I)
_RELATIVE_WORD = re.compile(r"\b(?:who|whom|whose|that|which)\b", re.I)


_ADVERBS = frozenset("also now still already long not never always just yet".split())


def _is_clause(phrase: str) -> bool:
    """Words with a finite verb of their own and what it says, outside a relative clause:
    "thirty fighters were killed" is a clause; "officials who were briefed" is a noun phrase,
    and so is "officials have repeatedly", whose auxiliary is the speech verb's."""
    verb = _FINITE.search(phrase)
    if verb is None or _RELATIVE_WORD.search(phrase, 0, verb.start()):
        return False
    after = phrase[verb.end() :].lower().split()
    return any(not w.endswith("ly") and w not in _ADVERBS for w in after)


_QUOTE_BEFORE = re.compile(r"""[.,!?]?["”'’]\s*,?\s*$""")
_ACCORDING = re.compile(
    r"\baccording\s+to\s+([^,.;\"”]+?)\s*(?=[,.;\"”]|\s+(?:who|which)\b|$)", re.I
)
_BREAK = re.compile(r""",\s|;\s|:\s|["“”]|\s[-–—]+\s|\bthat\s""")
_TRAILING = re.compile(
    r"(?:\s+(?:has|have|had|also|later|earlier|previously|reportedly|again|on\s+\w+day|"
    r"yesterday|today|last\s+\w+|this\s+\w+|in\s+a\s+statement|(?:would|will|could)))+$",
    re.I,
)
_TIME_TAIL = re.compile(
    r"\s+(?:on|in|at|late|earlier|yesterday|today|last|this|when|after|who)\b.*$", re.I
)
# "Heavy fighting in X as the NRF claims": a headline clause ends at a conjunction.
_SUBORDINATE = re.compile(r"\b(?:as|while|after|when|because|since|whereas|although|though)\s+")
_BAD_START = re.compile(r"^(?:who|which|that|and|but|or|where|when|while|if|as)\b", re.I)
# "but commanders say": the conjunction opens the clause, the noun phrase after it speaks.
_CONJUNCTION = re.compile(r"(?:but|and|yet|so|while|although|though)\s+(?=\S)", re.I)
# "which Western diplomats say has ...": an object relative clause names the speaker.
_RELATIVE_SPEAKER = re.compile(r"(?:which|that|whom)\s+(?!(?:he|she|it|they|we)\b)(?=\S)", re.I)
# "the SLM's estimated 1,000", "the estimated 800": a verb form after a determiner is an adjective.
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:a|an|the|its|their|his|her)|['’]s?)\s+$", re.I)
_NEGATED = re.compile(r"\b(?:not|never|n[’']t|declined\s+to|refused\s+to)\s+$", re.I)
_PRONOUNS = frozenset("he she it they we i you".split())
# A name's words are capitalised but for a particle ("Ali al-Amin", "Jan de Vries").
_NAME = re.compile(
    rf"^(?:(?:{CAPITAL}|(?:al|el|bin|ibn|de|da|van|von|le|du|ben)[-\s](?={CAPITAL}))[\w'’.-]*\s?){{1,4}}$"
)
_DETERMINERS = frozenset("a an the its their his her this these those".split())
_ARTICLE_START = re.compile(r"^(?:a|an|the)\s+[a-z]", re.I)
# "X, spokesman for the front, said": an apposition may name the office without an article.
_APPOSED_OFFICE = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:spokes(?:man|woman|person)|commander|chief|head|leader|official)\b",
    re.I,
)

_HEDGES = re.compile(
    r"\b(?:reportedly|rumou?r(?:s|ed)?|allegedly|alleged|purportedly|purported|unconfirmed|"
    r"unverified|(?:is|are|was|were)\s+(?:\w+ly\s+)?said\s+to|said\s+to\s+be|"
    r"(?:believed|thought|understood|rumou?red|reported|alleged)\s+to\s+(?:be|have)|"
    r"(?:is|are|was|were)\s+(?:\w+\s+)?(?:believed|thought|understood|feared|estimated)\s+to|"
    r"speculat\w+|"
    r"could\s+not\s+(?:be\s+)?(?:independently\s+)?(?:verif|confirm)\w*|"
    r"cannot\s+be\s+(?:independently\s+)?(?:verif|confirm)\w*|"
    r"(?:not\s+(?:been\s+)?(?:independently\s+)?(?:verified|confirmed))|"
    r"(?-i:may)|might|could|possibly|perhaps|apparently|appears?\s+to|seems?\s+to|likely|"
    r"suggested|suggests|unclear)\b",
    re.I,
)

# Every match of `_HEDGES` holds one of these words (see `lowered_for_words`).
_HEDGE_WORDS = (
    *"reported rumo alleged purport confirm verif said believed thought understood".split(),
    *"claimed feared estimated speculat could cannot may might possibly perhaps".split(),
    *"apparently appear seem likely suggest unclear".split(),
)


def _clean(phrase: str) -> str:
    phrase = _TRAILING.sub("", phrase.strip(" \"'“”‘’"))
    if _ARTICLE_START.match(phrase):
        phrase = phrase[0].lower() + phrase[1:]
    return phrase


# Words of a time phrase ("since January", "last week"): when, never who.
_TIME_WORDS = TIME_NOUNS | frozenset("last this next early late since on in the earlier".split())


# Words that open a phrase set before the clause, not a name: "In Dorn, the army said".
_OPENERS = frozenset(
    """in on at after before during since from by for with without near outside inside across
    under over meanwhile earlier later yesterday today however also elsewhere last""".split()
)


def _opening_phrase(phrase: str) -> bool:
    words = phrase.split()
    return bool(words) and words[0].lower() in _OPENERS


def _named_speaker(phrase: str) -> bool:
    """A person's name before an apposition that gives the office: not a phrase set before the
    clause ("In Dorn, the army said"), nor a body's name with its article, which is what the
    parenthetical speaker tells of ("The KDF, the army said, lost 40 fighters")."""
    return (
        bool(_NAME.match(phrase)) and not _opening_phrase(phrase) and not opens_with_article(phrase)
    )


def _valid(phrase: str) -> bool:
    words = phrase.split()
    return (
        0 < len(words) <= 8
        and not _BAD_START.match(phrase)
        and not all(w.lower().strip(".,;:") in _TIME_WORDS for w in words)
        and words[-1].lower() not in _DETERMINERS
        and not re.search(r"(?<![\w-])\d", phrase)  # a count ("200 fighters"), not "M23"
    )


def _segments(sentence: str, end: int) -> list[tuple[int, int]]:
    """Clause segments before `end`, last first, without the comma that precedes the verb."""
    end = len(sentence[:end].rstrip(" ,"))
    bounds = [0, *(b for m in _BREAK.finditer(sentence, 0, end) for b in (m.start(), m.end()))]
    pairs = list(zip(bounds[::2], [*bounds[1::2], end], strict=False))
    return [(a, b) for a, b in reversed(pairs) if sentence[a:b].strip()]


def _forward(sentence: str, verb: re.Match[str]) -> Speaker | None:
    """The noun phrase before a speech verb: "Taliban officials said"."""
    if (
        _PASSIVE.search(sentence, 0, verb.start())
        or _QUOTE_BEFORE.search(sentence, 0, verb.start())
        or _DETERMINER_BEFORE.search(sentence, 0, verb.start())
    ):
        return None
    segments = _segments(sentence, verb.start())
    if not segments:
        return None
    start, end = segments[0]
    start += len(sentence[start:end]) - len(sentence[start:end].lstrip())
    cuts = [m.end() for m in _SUBORDINATE.finditer(sentence, start, end)]
    if cuts and sentence[cuts[-1] : end].strip():
        start = cuts[-1]
    lead = _CONJUNCTION.match(sentence, start) or _RELATIVE_SPEAKER.match(sentence, start)
    relative = bool(lead and sentence[lead.end() : end].strip())
    if lead and relative:
        start = lead.end()
    elif len(segments) >= 2 and (
        _BAD_START.match(sentence[start:end]) or _opening_phrase(sentence[start:end])
    ):
        segments = segments[1:]  # "A commander, who asked not to be named, said"
        start, end = segments[0]  # "The KDF, in a statement, said"
    phrase = _clean(sentence[start:end])
    apposed = _ARTICLE_START.match(phrase) or _APPOSED_OFFICE.match(phrase)
    if len(segments) >= 2 and apposed and not relative:
        a, b = segments[1]
        before = sentence[a:b].strip()
        if _named_speaker(before):  # "Jane Doe, a spokeswoman, said"
            return Speaker(before, a, end)
    if not _valid(phrase) or _is_clause(phrase):
        return None
    return Speaker(phrase, start, end)


@functools.lru_cache(maxsize=8)  # the extractors of one sentence, not a cache of the corpus
def find_speaker(sentence: str) -> Speaker | None:
    """Who the sentence attributes its claim to, or None when it attributes nothing. Several
    extractors ask this of the same sentence, so the answer is remembered for a while."""
    lowered = lowered_for_words(sentence)
    if lowered is not None and not any(w in lowered for w in _SPEECH_WORDS):
        return None
    m = _ACCORDING.search(sentence)
    if m and _valid(m.group(1)):
        return Speaker(_clean(m.group(1)), m.start(1), m.end(1))
    for verb in _VERB.finditer(sentence):
        if _NEGATED.search(sentence, 0, verb.start()):
            continue  # "He did not say where he was, but aides said ...": nobody claims yet
        speaker = _forward(sentence, verb)
        if speaker:
            return speaker
    m = _INVERTED.search(sentence)
    if m:
        phrase = _TIME_TAIL.sub("", m.group(1))
        if _valid(phrase) and not _is_clause(phrase):
            return Speaker(_clean(phrase), m.start(1), m.start(1) + len(phrase))
    return None


def resolve_pronoun(speaker: Speaker | None, people: Sequence[str]) -> str | None:
    """The claimant as stored: a bare "he"/"she" stands for the one configured person the
    sentence names (else None); other bare pronouns ("it", "they") name nobody."""
    if speaker is None:
        return None
    word = speaker.text.casefold()
    if word in ("he", "she"):
        names = set(people)
        return names.pop() if len(names) == 1 else None
    return None if word in _PRONOUNS else speaker.text


# "dismissing rumours that", "denied reports": the hedge word is what is being denied.
_DENIED_HEDGE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|dismiss\w*|reject\w*|refut\w*)\s+(?:the\s+)?"
    r"(?:rumou?rs?|reports?|claims?|allegations?)\b",
    re.I,
)


@functools.lru_cache(maxsize=8)  # the extractors of one sentence, not a cache of the corpus
def is_hedged(sentence: str) -> bool:
    """True when the sentence marks its claim as unverified, rumoured or uncertain."""
    lowered = lowered_for_words(sentence)
    if lowered is not None and not any(w in lowered for w in _HEDGE_WORDS):
        return False
    return _HEDGES.search(_DENIED_HEDGE.sub(" ", sentence)) is not None
