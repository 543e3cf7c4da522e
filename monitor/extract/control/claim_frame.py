"""The frame of a control claim: who speaks in each part of a sentence, who is the subject of a
verb, and who denies a capture. Read by `patterns`; no pattern here names a place.
"""

from __future__ import annotations

import functools
import itertools
import re

from monitor.extract.control.joined import first_of_joined
from monitor.extract.control.verbs import Predicate
from monitor.extract.language.attribution import Speaker, find_speaker, is_hedged, resolve_pronoun
from monitor.extract.language.mentions import Mention
from monitor.extract.language.text import CAPITAL
from monitor.records import Claim, TerritorialControl

SUBORDINATE = re.compile(
    r"\b(?:after|since|before|until|once|when|whenever|if|unless|whether|as)\s+"
    r"(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
_CLAUSE_START = re.compile(
    r",\s|;\s|:\s|\s[—–-]+\s|\bthat\s|\b(?:said|says|say|told\s+\w+|announced|claimed|insisted|"
    r"added|stated|tweeted|posted|confirmed|reported)\s+(?!to\b)(?:(?:on\s+\w+day|in\s+a\s+"
    r"statement|late\s+\w+|earlier)\s+)?",
    re.I,
)
_SELF = re.compile(
    r"[\s\"“‘']*(?P<conj>(?:but|and|yet)\s+)?(?:(?:(?:on\s+)?\w+day|in\s+a\s+statement)\s+)?(?:they|it|we|which|who|its|their|our|(?:his|her)\s+(?:[\w,]+\s+)?(?:fighters|forces|men|troops)|"
    r"the\s+(?:group|movement|militants?|insurgents?|rebels?|militia)(?:['’]s)?)\b",
    re.I,
)
_ACTOR = re.compile(
    r"\b(?:fighters|forces|troops|rebels?|militants|insurgents|army|soldiers|militia\w*|jihadists|"
    r"men|units?|group|movement|government|regime|junta|guerrillas|paramilitar\w+|police|"
    r"military|commandos|gunmen|gangs?|battalions?|brigades?|divisions?|coalition|alliance|mercenaries|"
    rf"warlords?|tribesmen|volunteers)\b|(?<=\S\s)(?-i:{CAPITAL})",
    re.I,
)
_OPPOSED = re.compile(
    r"\b(?:against|(?<!fighters\s)(?<!gunmen\s)(?<!troops\s)(?<!men\s)(?<!units\s)from|"
    r"battling|fighting|opposed\s+to|on|versus|by)\s+(?:the\s+)?$",
    re.I,
)
# "Anti-Taliban fighters": fighters of an unnamed side, opposed to the group named.
_ANTI = re.compile(rf"\banti-([\w'’]+(?:\s(?-i:{CAPITAL})[\w'’]+)*)\s", re.I)


def _names(frame: Frame, group: str, word: str) -> bool:
    """Whether `word` names the configured `group` ("Taliban" or an alias of it)."""
    entity = next(g.entity for g in frame.groups if g.entity.name == group)
    return word.casefold() in {n.casefold() for n in (entity.name, *entity.aliases)}


_DENY_FRAME = re.compile(
    r"\b(?P<verb>den(?:y|ies|ied|ying)|reject\w*|dismiss\w*|refut\w*|rebuff\w*|rubbish\w*|"
    r"disput\w*)\s+(?:(?:[\w'’-]+\s+){0,4}?(?:claims?|reports?|statements?|assertions?|"
    r"rumou?rs?|allegations?|that)\b|(?:having\s+)?"
    r"(?=(?:losing|lost|capturing|captured|seizing|seized|taking|taken|overrunning|overrun)\b)|"
    # "denied Zepa had fallen": a clause without "that", a name and its auxiliary
    r"(?P<bare>(?=(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}(?:had|has|have|was|were|is|are)\s)))",
    re.I,
)
# "..., saying the army still controlled most of it": the denier's side, named after the denial.
_STILL_HOLDING = re.compile(
    r",\s+(?:saying|adding|insisting)\s+(?:that\s+)?(?P<who>[^,;]{1,60}?)\s+"
    r"(?:still|remained\s+in|remains\s+in)\s+(?:control|controls?|controlled|holds?|held)\b",
    re.I,
)
_FALSE_AFTER = re.compile(
    r"[^;]{0,40}?\b(?:is|are|was|were)\s+(?:(?:completely|totally|simply|absolutely|entirely)\s+)?"
    r"(?:false|untrue|baseless|lies|propaganda|not\s+true|fabricated|incorrect|wrong|"
    r"(?:rejected|denied|dismissed)\s+by)\b",
    re.I,
)
_TAIL = re.compile(r"[,;]\s+(?:but|a\s+claim|claims?|which|though|although|while)\b", re.I)
_TAIL_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject\w*|dismiss\w*|refut\w*|disput\w*|repel\w*|repuls\w*|"
    r"(?:beat|fought)\s+(?:back|off)|fighting\s+(?:continues|"
    r"continued|was\s+continuing|is\s+continuing|(?:is\s+|was\s+)?still\s+rag\w+|goes\s+on|"
    r"went\s+on)|still\s+(?:holds?|held|controls?|in\s+control))\b",
    re.I,
)
_PARTS = re.compile(r"[,;]\s+(?=(?:but|while|whereas|though|although)\s)|;\s+", re.I)
DATELINE = re.compile(
    r"[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)*(?:,[^:–—]{0,40}?)?\s*(?::|\s[-–—]+)\s+"
)
# "Taliban claims of victory": a noun, which attribution would read as a speech verb.
_NOMINAL_CLAIMS = re.compile(
    r"\bclaims?(?=\s+of\b)|(?<=\bdespite\s)[^,]{1,40}|\bclaims?\s+that\b(?=.*?\b(?:is|are|was|were)"
    r"\s+(?:\w+\s+)?(?:false|untrue|baseless|lies|propaganda|not\s+true)\b)",
    re.I,
)


def mask(sentence: str) -> str:
    """The sentence for attribution, with the dateline and nominal "claims" blanked out (same
    length, so the speaker's span still points into the sentence)."""
    blank = DATELINE.match(sentence)
    if blank:
        sentence = " " * blank.end() + sentence[blank.end() :]
    return _NOMINAL_CLAIMS.sub(lambda m: "#" * len(m.group()), sentence)


def groups_in(groups: list[Mention], start: int, end: int) -> list[str]:
    return list(dict.fromkeys(g.entity.name for g in groups if start <= g.start < end))


class Frame:
    """One sentence with its places, groups, and the speaker of each contrastive part."""

    def __init__(self, sentence: str, mentions: list[Mention], year: int) -> None:
        self.sentence = sentence
        self.year = year
        self.groups = [m for m in mentions if m.entity.kind == "group"]
        self.people = [m.entity.name for m in mentions if m.entity.kind == "person"]
        self._persons = [m for m in mentions if m.entity.kind == "person"]
        cuts = [0, *(m.end() for m in _PARTS.finditer(sentence)), len(sentence)]
        self.parts = list(itertools.pairwise(cuts))
        # Speakers, the masked sentence and the hedge are worked out when first asked for: most
        # sentences with a place have no control predicate and need none of them.
        self._speakers: dict[int, Speaker | None] = {}

    @functools.cached_property
    def masked(self) -> str:
        return mask(self.sentence)

    @functools.cached_property
    def hedged(self) -> bool:
        return is_hedged(self.sentence)

    def _speaker(self, a: int, b: int) -> Speaker | None:
        found = find_speaker(self.masked[a:b] if len(self.parts) > 1 else self.masked)
        if found is None or len(self.parts) == 1:
            return found
        return Speaker(found.text, found.start + a, found.end + a)

    def part_of(self, pos: int) -> int:
        """Which part of the sentence (cut at "; " and ", but ...") holds `pos`."""
        return next(i for i, (a, b) in enumerate(self.parts) if a <= pos <= b)

    def speaker_at(self, pos: int) -> Speaker | None:
        i = self.part_of(pos)
        if i not in self._speakers:
            self._speakers[i] = self._speaker(*self.parts[i])
        return self._speakers[i]

    def inside_speaker(self, pos: int) -> bool:
        """Whether `pos` lies within the words of the speaker of its part ("the Kabul police
        chief said"): a place there is no object of control."""
        speaker = self.speaker_at(pos)
        return speaker is not None and speaker.start <= pos < speaker.end

    def speaker_group(self, speaker: Speaker | None) -> str | None:
        """The side a speaker stands for: the one group the speaker's words name, else the
        group a configured person among them belongs to ("Prigozhin says", "President Aliyev
        said"): a leader speaks for his side."""
        if speaker is None:
            return None
        names = groups_in(self.groups, speaker.start, speaker.end)
        if not names:
            names = list(
                dict.fromkeys(
                    p.entity.affiliation
                    for p in self._persons
                    if speaker.start <= p.start < speaker.end and p.entity.affiliation
                )
            )
        return names[0] if len(names) == 1 else None

    def claim(self, value: TerritorialControl, pos: int) -> Claim:
        who = resolve_pronoun(self.speaker_at(pos), self.people)
        return Claim(value, self.sentence, who, self.hedged)


def subject_of(frame: Frame, at: int) -> tuple[bool, str | None, bool]:
    """(whether the verb at `at` is in a main clause, the group that is its subject, whether
    that group reports its own deed: "M23 rebels said they had taken")."""
    s = frame.sentence
    starts = list(_CLAUSE_START.finditer(s, 0, at))
    left = starts[-1].end() if starts else 0
    reported = bool(starts) and starts[-1].group().strip()[:1].isalpha()
    if not s[left:at].strip() and left > 0:  # "Taliban fighters, backed by drones, captured"
        aside = s.rfind(",", 0, max(0, left - 2))
        left = max((m.end() for m in _CLAUSE_START.finditer(s, 0, max(aside, 0))), default=0)
    sub = SUBORDINATE.search(s, left, at)
    # "... fled Dravik as VDF troops retook the town": a clause that follows its main clause
    if sub and not (sub.group()[:3].lower() == "as " and s[left : sub.start()].strip()):
        return False, None, False
    names = [
        g.entity.name
        for g in frame.groups
        if left <= g.start < at and not _OPPOSED.search(s, left, g.start)
    ]
    if len(set(names)) == 1:
        return True, names[0], False
    if names:
        return True, first_of_joined(frame.sentence, frame.groups, left, at), False
    own = frame.speaker_group(frame.speaker_at(at))
    anti = _ANTI.search(s, left, at)
    if anti:  # "Anti-Taliban fighters retook ..., an NRF spokesman said": the speaker's side
        return True, own if own and not _names(frame, own, anti.group(1)) else None, False
    pronoun = _SELF.match(s, left, at)
    if not pronoun:  # "Her photographs captured Goma": no armed actor
        return bool(_ACTOR.search(s, left, at)), None, False
    if _RELATIVE_PRONOUN.match(s, left) and not _GENERIC_BEFORE.search(s, 0, left):
        return True, _antecedent_group(frame, left), False
    before = groups_in(frame.groups, 0, left)
    if pronoun.group("conj") and len(before) == 1:  # "entered Bazarak, but they do not ..."
        return True, before[0], False
    if own:
        return True, own, False
    if len(before) > 1 and reported and (opener := _opening_group(frame)) is not None:
        return True, opener, True  # "Rwandan forces sent to help X's army said they had taken"
    if len(before) != 1:
        return True, None, False
    return True, before[0], reported and not s[left:at].lstrip().lower().startswith("which")


# "the NLA, who seized X", "NLA fighters, which took X": a relative pronoun stands for the noun
# phrase right before it, not for another group of the sentence ("fought the army, who").
_RELATIVE_PRONOUN = re.compile(r"[\s\"“‘']*(?:which|who)\b", re.I)
_ANTECEDENT_END = re.compile(r"(?:['’]s?)?(?:\s+[a-z][\w'’-]*){0,2}\s*,?\s*")
# "the rebels, who": a definite common noun of an armed movement refers back to the side named
# before, as a pronoun does.
_GENERIC_BEFORE = re.compile(
    r"\bthe\s+(?:rebels|militants|insurgents|group|movement|militia|jihadists)\s*,?\s*$", re.I
)


def _antecedent_group(frame: Frame, left: int) -> str | None:
    """The group the noun phrase ending at `left` names, if it names one."""
    named = [
        g
        for g in frame.groups
        if g.end <= left and _ANTECEDENT_END.fullmatch(frame.sentence, g.end, left)
    ]
    return named[-1].entity.name if named else None


_JOINED = re.compile(r"\s*(?:,|and\b|&|or\b|\()")


def _opening_group(frame: Frame) -> str | None:
    """The group that opens the sentence as its subject, not one of two joined ("A and B")."""
    first = min(frame.groups, key=lambda g: g.start)
    opening = frame.sentence[: first.start].strip().lower()
    if opening not in ("", "the") or _JOINED.match(frame.sentence, first.end):
        return None
    return first.entity.name


_DEFINITE = re.compile(r"\b(?:the|its|their|his|her|our)\s+(?:[\w'’-]+\s+)?$", re.I)


# "it did not deny losing the town": a denial negated is none.
_NOT_BEFORE = re.compile(r"\b(?:not|never|n['’]t)\s+(?:\w+\s+)?$", re.I)


def unnamed_actor(frame: Frame, at: int) -> bool:
    """Whether the subject of the verb at `at` is an armed actor named by a common noun and no
    pronoun ("Gangs seized the town, the police said"): then the speaker is not the taker."""
    s = frame.sentence
    starts = list(_CLAUSE_START.finditer(s, 0, at))
    left = starts[-1].end() if starts else 0
    if _SELF.match(s, left, at) or groups_in(frame.groups, left, at):
        return False
    actor = _ACTOR.search(s, left, at)
    if actor is None or len(actor.group()) < 2:  # a noun, not a capital letter
        return False
    # "the fighters", "its men" refer back (often to the speaker's side); "Gangs" do not.
    return _DEFINITE.search(s, left, actor.start()) is None


def denial(frame: Frame, pred: Predicate, taker: str | None) -> tuple[bool, str | None]:
    """(whether the predicate is denied, the group that denies it)."""
    s = frame.sentence
    # "denied losing Kastrel", "denied capturing it": the frame may end on the predicate's verb.
    frames = [m for m in _DENY_FRAME.finditer(s) if _denies(frame, m, pred)]
    after = _FALSE_AFTER.match(s, pred.end)
    if not frames and not after:
        return False, None
    candidates: list[str] = []
    if frames:  # the subject of "denied", from the start of its part of the sentence
        verb = frames[-1].start("verb")
        left = next(a for a, b in frame.parts if a <= verb <= b)
        candidates = groups_in(frame.groups, left, verb)[-1:]
    if after and not candidates:
        candidates = groups_in(frame.groups, after.end(), after.end() + 40)[:1]
    still = _STILL_HOLDING.match(s, pred.end) if frames and not candidates else None
    if still:
        candidates = groups_in(frame.groups, still.start("who"), still.end("who"))[:1]
    own = frame.speaker_group(frame.speaker_at(pred.start))
    candidates += [own] if own else []
    denier = next((c for c in candidates if c != taker), None)
    return True, denier


def _denies(frame: Frame, m: re.Match[str], pred: Predicate) -> bool:
    """A frame of denial before the predicate: one that ends by its verb ("denied losing X",
    "rejected claims that X fell"), or a clause without "that" in the same part of the
    sentence ("denied X had fallen"); not a negated denial."""
    if m.start() >= pred.start or _NOT_BEFORE.search(frame.sentence, 0, m.start()):
        return False
    if m.group("bare") is None:
        return m.end() <= pred.start + 8
    return frame.part_of(m.start()) == frame.part_of(pred.start)


def tail_denial(frame: Frame, pred: Predicate, taker: str | None) -> Claim | None:
    """ "..., but the NRF denied it", "..., but fighting continues": a denial after the claim."""
    s = frame.sentence
    tail = _TAIL.search(s, pred.end)
    if not tail or not _TAIL_DENIAL.search(s, tail.end()):
        return None
    names = [n for n in groups_in(frame.groups, tail.start(), len(s)) if n != taker]
    own = frame.speaker_group(frame.speaker_at(tail.end()))
    controller = own if own and own != taker else (names[0] if names else None)
    value = TerritorialControl(pred.place.entity.name, controller, "denies_captured")
    text = " " * tail.end() + frame.masked[tail.end() :]  # "a claim the army rejected"
    who = resolve_pronoun(find_speaker(text), frame.people)
    return Claim(value, s, who, frame.hedged)
