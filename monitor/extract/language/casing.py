"""Headlines in title case or capitals, read as the sentence they stand for.

Many outlets capitalise every word of a headline ("Assad Flees To Moscow As Damascus Falls") or
all of it. The tagger and parser were trained on running prose, where a capital marks a name:
in such a line every word looks like one, verbs become proper nouns and the fact is lost. Such a
line is parsed in sentence case: each word lower-cased except the first, the configured names and
aliases, country names, acronyms and code names ("M23"), what prose always capitalises
(ranks in short, days, months), and the names the story under the headline writes with a
capital (`names_in_prose`). Only letters change case and nothing moves, so offsets hold
and a phrase read from the line is given back as written (`as_written`). Nationalities stay
capitalised too ("Iraqi Prime Minister"): an office's words are told from its country's by case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache

from monitor.extract.language.asides import DAY
from monitor.extract.language.country_names import country_names
from monitor.extract.language.mentions import Mention, find_mentions
from monitor.records import EntityRef

# Words a title-case style leaves in lower case.
_MINOR = frozenset(
    "a an the and or nor but of to in on at by for from with as via vs into onto over per".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_SENTENCE_END = re.compile(r"[.!?:]\s+$")
_AFTER_INITIALS = re.compile(r"(?:^|\s)(?:[^\W\d_]\.){2,}\s+$")
_NEAR = 40  # characters before a word in which its sentence's start is told
# Days and months, which prose always writes with a capital (not "May" nor "March": verbs too).
_DATE_NAME = re.compile(
    rf"{DAY}|January|February|April|June|July|August|September|October|November|December", re.I
)
# Abbreviated ranks and honorifics, which prose always writes with a capital ("Brig. Gen. X",
# "Mr X"): in lower case the tagger no longer sees a title before a name.
_TITLE_ABBREVIATION = re.compile(
    r"(?:Mr|Mrs|Ms|Dr)\.?|(?:Gen|Lt|Col|Maj|Brig|Capt|Cpt|Sgt|Cpl|Adm|Cmdr|Gov|Sen|Rep|Prof)\.",
    re.I,
)
# What may open a sentence inside one: a quote mark or a bracket just before a word.
_OPENING = frozenset("\"“‘'([")
# A headline, not a paragraph of prose in capitals.
_MOST_WORDS = 40
_LEAST_CONTENT_WORDS = 3


def headline_cased(line: str) -> bool:
    """Whether `line` is written in capitals or in title case: at least three words that are
    not function words, every one of them capitalised."""
    words = _WORD.findall(line)
    if len(words) > _MOST_WORDS:
        return False
    content = [w for w in words if w.casefold() not in _MINOR]
    if len(content) < _LEAST_CONTENT_WORDS:
        return False
    return all(w[0].isupper() for w in content)


def sentence_cased(
    line: str, entities: Sequence[EntityRef], names: Mapping[str, str] | None = None
) -> str:
    """`line` in sentence case, the same length: the words that keep a capital are the first
    of each sentence, acronyms ("HTS", "U.S."), country names, nationalities, ranks in short
    ("Brig.", "Mr"), days and months, the words a configured name writes with a capital
    ("NLA" and not "fighters" of "NLA fighters"), and the `names` of the text's own prose
    (`names_in_prose`). In a line of capitals a name's word keeps its first capital, an
    acronym all of them."""
    if not headline_cased(line):
        return line
    capitals = line.upper() == line
    chars = list(line)
    names = names or {}
    for word in _WORD.finditer(line):
        if names.get(_folded(word.group())) == "acronym":
            continue  # "TPLF" where the story writes it so
        if (
            _TITLE_ABBREVIATION.fullmatch(word.group())
            or _DATE_NAME.fullmatch(word.group())
            or _folded(word.group()) in names
        ):
            chars[word.start() : word.end()] = _capitalised(word.group(), capitals)
        elif not _acronym(word.group(), capitals):
            first = _starts_sentence(line, word.start())
            chars[word.start() + first : word.end()] = map(_lower, word.group()[first:])
    probe = "".join(chars)
    for start, end in [*_countries(probe), *_demonyms(probe, _home_names(entities))]:
        for word in _WORD.finditer(line[:end], start):
            chars[word.start() : word.end()] = _capitalised(word.group(), capitals)
    # in a line of capitals a configured acronym ("RSF") is found only as written, unless its
    # letters spell a word of the language ("HOMS IS NOW ...") and it does not open a sentence
    # ("IS FIGHTERS SEIZE ...": a verb "is" opens none)
    in_line = (
        [m for m in find_mentions(line, entities) if not _spelled(line, m)] if capitals else []
    )
    for mention in [*find_mentions(probe, entities), *in_line]:
        written = _name_words(mention.entity)
        for word in _WORD.finditer(line[: mention.end], mention.start):
            form = written.get(word.group().casefold())
            if form is not None:
                kept = word.group() if form == "acronym" else _capitalised(word.group(), capitals)
                chars[word.start() : word.end()] = kept
    return "".join(chars)


def names_in_prose(lines: Sequence[str]) -> dict[str, str]:
    """The words (folded) a text's prose writes as names: with a capital inside a sentence
    and never in lower case, in the lines that are no headline; "acronym" for those it writes
    in capitals alone ("TPLF"), else "capitalised". A reader takes the names of a headline in
    title case or capitals from the story under it ("Rebel Chief Flees To Kessel" above a story
    that writes "Kessel"), where the line alone cannot tell a name from a word. Words after a
    quote mark or a bracket may open a sentence, so they tell nothing."""
    forms: dict[str, set[bool]] = {}
    lower: set[str] = set()
    for line in lines:
        if headline_cased(line):
            continue
        for word in _WORD.finditer(line):
            written = word.group().rstrip(".")
            folded = written.casefold()
            if written[0].islower():
                lower.add(folded)
            elif not _starts_sentence(line, word.start()) and (
                line[word.start() - 1 : word.start()] not in _OPENING
            ):
                forms.setdefault(folded, set()).add(len(written) > 1 and written.isupper())
    return {
        word: "acronym" if all(capitals) else "capitalised"
        for word, capitals in forms.items()
        if word not in lower and word not in _MINOR
    }


def _folded(word: str) -> str:
    return word.rstrip(".").casefold()


def as_written(phrase: str | None, cased: str, line: str) -> str | None:
    """A phrase of the text the extractors read (sentence-cased, asides blanked) as the line
    writes it (unchanged when the phrase is not in the text, or the line is all capitals)."""
    if phrase is None or cased == line or line.upper() == line:
        return phrase  # a line of capitals: the phrase as read, names capitalised ("Congo")
    phrase = phrase.strip()  # the blanks an aside left behind it (`asides`) are no part of it
    at = cased.find(phrase)
    return line[at : at + len(phrase)] if at >= 0 else phrase


def _spelled(line: str, mention: Mention) -> bool:
    if _starts_sentence(line, mention.start) or line[: mention.start].rstrip().endswith(("-", "–")):
        return False
    return line[mention.start : mention.end].casefold() in _function_words()


@cache
def _function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy is loaded to parse this line

    return frozenset(STOP_WORDS)


def _lower(char: str) -> str:
    low = char.lower()
    return low if len(low) == 1 else char  # "İ" lower-cases to two characters: left as is


def _starts_sentence(line: str, at: int) -> bool:
    # what ends a sentence or makes initials lies just before the word: a search of the whole
    # line before it, for every word, took time growing with the square of the line
    near = max(0, at - _NEAR)
    if _AFTER_INITIALS.search(line, near, at):
        return False  # "U.S. Base"
    return not line[:at].strip() or _SENTENCE_END.search(line, near, at) is not None


def _acronym(word: str, capitals: bool) -> bool:
    """ "HTS", "U.S.", "McMaster": capitals after the first letter of a word or of a part of it
    between hyphens (not "Major-General"); in a line of capitals, only letters parted by full
    stops ("U.S.", "U.N.") tell an acronym. A word with a digit ("M23") is written as it is."""
    if any(c.isdigit() for c in word):
        return True  # a code name: "M23", "T-55", "BM-21"
    if capitals:
        return "." in word.rstrip(".")
    return any(sum(c.isupper() for c in part) > 1 for part in word.split("-"))


def _capitalised(word: str, capitals: bool) -> str:
    """A name's word as sentence case writes it: as the line has it, or in a line of capitals
    with only its first capital."""
    return word[0] + "".join(map(_lower, word[1:])) if capitals else word


@cache
def _name_words(entity: EntityRef) -> dict[str, str]:
    """The words an entity's names write with a capital, folded: "acronym" for those in
    capitals ("NLA", "RSF"), else "capitalised"."""
    out: dict[str, str] = {}
    for name in entity.names:
        for word in _WORD.findall(name):
            if len(word) > 1 and word.isupper():
                out[word.casefold()] = "acronym"
            elif word[0].isupper():
                out.setdefault(word.casefold(), "capitalised")
    return out


def _countries(text: str) -> Iterator[tuple[int, int]]:
    """Country names of up to three words, longest first at each word."""
    names = country_names()
    words = list(_WORD.finditer(text))
    for i in range(len(words)):
        for n in (3, 2, 1):
            span = words[i : i + n]
            if len(span) == n and text[span[0].start() : span[-1].end()].casefold() in names:
                yield span[0].start(), span[-1].end()
                break


def _demonyms(text: str, homes: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """Words of a nationality: "Iraqi", "Syrians", "Sudanese", "Afghan", and "Chechen" where
    Chechnya is a configured place (`homes`)."""
    for word in _WORD.finditer(text):
        if _nationality(word.group().casefold(), homes):
            yield word.start(), word.end()


def _home_names(entities: Sequence[EntityRef]) -> tuple[str, ...]:
    return tuple(
        sorted(
            {n.casefold() for e in entities if e.kind == "place" for n in e.names if n.isalpha()}
        )
    )


@cache
def _nationality(word: str, homes: tuple[str, ...]) -> bool:
    """A word that shares its first letters with a one-word country or configured place (all
    of the name's but for its last two letters at most, or at least its first five), and is no
    verb or adverb form."""
    if len(word) < 4 or _NOT_NATIONALITY.search(word):
        return False
    for home in (*_one_word_countries(), *homes):
        shared = _shared_start(word, home)
        if shared >= 4 and (shared >= len(home) - 2 or shared >= 5):
            return True
    return False


# Verb and adverb forms, never a nationality: "Indicated" shares its first letters with India.
_NOT_NATIONALITY = re.compile(r"(?:ed|ing|ly)$")


def is_nationality(word: str, entities: Sequence[EntityRef]) -> bool:
    """ "Iraqi", "Syrians", and "Chechen" where Chechnya is a configured place."""
    return _nationality(word.casefold(), _home_names(entities))


def _shared_start(a: str, b: str) -> int:
    """How many first letters two words share."""
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


@cache
def _one_word_countries() -> tuple[str, ...]:
    return tuple(n for n in country_names() if n.isalpha())


__all__ = ["as_written", "headline_cased", "names_in_prose", "sentence_cased"]
