"""An office written as a title before a name, kept to the words the parse puts in the name's
noun phrase.

"hours after President Felix Tshisekedi" holds the office "president", not "hours after
president"; "since President Vladimir Putin" neither; "army Chief General Amani
Kito" holds "chief" (a rank is no office). Word windows before a name catch the words
of the clause around it; the parse says which of them modify the name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from monitor.extract.language.grammar import phrase_head, tokens_at
from monitor.extract.language.mentions import Mention, find_mentions
from monitor.extract.language.text import CAPITAL
from monitor.extract.leadership.bodies import own_bodies
from monitor.extract.leadership.countries import is_country
from monitor.extract.leadership.roles import DEMONYM_OFFICE, HEADS, clean_role, is_status_role
from monitor.offices import COMPOUNDS
from monitor.records import Claim, EntityRef, Leadership

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

RANKS = frozenset(
    """general gen gen. lieutenant lt lt. colonel col col. major maj maj. captain capt
    brigadier marshal sergeant sgt admiral commodore""".split()
)
# Forms of address between an office and a name: "Governor Sheikh X" holds "governor".
HONORIFICS = frozenset("sheikh shaikh sayyed sayed mullah maulvi haji hajji".split())
_TITLE_LINKS = frozenset("compound amod nmod npadvmod poss".split())


_TITLE_IN_ALIAS = re.compile(
    rf"(?:(?-i:{CAPITAL})[\w-]*\s+)?(?:{HEADS})\s+(?=(?-i:{CAPITAL}))", re.I
)


def alias_title_end(text: str, start: int, end: int) -> int | None:
    """Where the name begins in a mention `text[start:end]` whose alias holds an office
    ("President Isak Dor", configured with its title), or None; a rank ("Senior General X")
    is part of the name."""
    title = _TITLE_IN_ALIAS.match(text, start, end)
    if title is None or title.group().split()[-1].lower() in RANKS:
        return None
    return title.end()


def _title_span(name: Sequence[Token], first: int) -> Span | None:
    """The words left of a name (its first token at `first`) that its noun phrase holds: the
    parser may hang the title on any word of the name ("Prime Minister" on the "al" of
    "al-Abadi"), not only on its head."""
    inside = [
        t
        for word in name
        for c in word.children
        if c.dep_ in _TITLE_LINKS and c.i < first
        for t in c.subtree
        if t.i < first
    ]
    if not inside:
        return None
    start = min(t.i for t in inside)  # as written: "self-declared" is one word, not three
    return name[0].doc[start:first]


def _premodified(span: Span, person: str, entities: Sequence[EntityRef]) -> Span | None:
    """The title of the person's first mention that has one, or None."""
    for m in find_mentions(span.text, entities):
        if m.entity.name != person:
            continue
        tokens = tokens_at(span, m.start, m.end)
        head = phrase_head(tokens)
        if head is None or not tokens:
            continue
        named_at = alias_title_end(span.text, m.start, m.end)
        name = [t for t in tokens if named_at is None or t.idx - span.start_char >= named_at]
        title = _title_span([head, *name], name[0].i if name else tokens[0].i)
        if title is not None:
            return title
    return None


def _body_words(title: Span, span: Span, entities: Sequence[EntityRef]) -> frozenset[str]:
    """The words of a configured group's or place's name inside a title: "Varland military" in
    "Varland military spokesman" names whose spokesman, not the office; "Dorn" in "Dorn
    Information Minister" names where, not the portfolio."""
    return frozenset(
        w.lower()
        for m in _inside(title, span, entities)
        if m.entity.kind in ("group", "place")
        for w in span.text[m.start : m.end].split()
    )


def _inside(title: Span, span: Span, entities: Sequence[EntityRef]) -> list[Mention]:
    """The configured names written inside a title."""
    start, end = title.start_char - span.start_char, title.end_char - span.start_char
    return [m for m in find_mentions(span.text, entities) if start <= m.start and m.end <= end]


def _trimmed(
    role: str, title: list[str], body: frozenset[str] = frozenset(), written: Sequence[str] = ()
) -> str | None:
    """The longest end of `role` whose words the title holds, ranks dropped from its end
    unless they end a compound office ("Secretary General"), and widened by the office words
    the title puts before it ("First Vice President X") or a minister's or secretary's
    portfolio ("Information Minister X"), unless they name the body (`body`: "Varland military
    spokesman" holds "spokesman")."""
    words = role.split()
    while words and not all(w in title for w in words):
        words = words[1:]
    while words and (words[-1] in RANKS or words[-1] in HONORIFICS) and not _compound(words):
        words = words[:-1]
    if words and words[-1] in title:
        at = title.index(words[-1]) - len(words) + 1
        portfolios = 0
        while at > 0 and title[at - 1] not in words and title[at - 1] not in body:
            word = title[at - 1]
            if word not in OFFICE_WORDS:
                shown = written[at - 1] if len(written) == len(title) else word
                if portfolios or len(words) > 1 or not _portfolio(word, shown, words[-1]):
                    break
                portfolios += 1
            at -= 1
            words.insert(0, title[at])
    return " ".join(words) or None


# Offices named by their portfolio: "Information Minister", "Home Secretary".
_PORTFOLIO_HEADS = frozenset({"minister", "secretary"})


def _portfolio(word: str, shown: str, head: str) -> bool:
    """ "Information" of "Information Minister": a plain word before a minister or a secretary
    names the portfolio, a part of the office; not a nationality ("Varnese Minister"), a
    country, a rank, a form of address or a possessive, which say whose or who."""
    return (
        head in _PORTFOLIO_HEADS
        and word.isalpha()
        and word not in RANKS
        and word not in HONORIFICS
        and DEMONYM_OFFICE.match(shown + " x") is None
        and not is_country(shown)
    )


def _compound(words: list[str]) -> bool:
    """Words that end on an office of two words whose second is also a rank: "secretary
    general", "attorney general"."""
    return any(tuple(words[-len(c) :]) == c for c in COMPOUNDS if c[-1] in RANKS)


def _from_capital(role: str, written: list[str]) -> str:
    """A title opens on its capitalised words: in "Marib provincial Governor X" or "army Chief
    General X" the words in lower case before it describe the post ("governor", "chief"),
    unless they make an office of their own ("acting President", "deputy Defence Minister")."""
    case = {w.lower(): w for w in written}
    words = role.split()
    for k in range(1, len(words)):
        if case.get(words[k], "")[:1].isupper():
            before = words[:k]
            if all(case.get(w, "").islower() for w in before) and not any(
                w in OFFICE_WORDS or is_status_role(w) for w in before
            ):
                return " ".join(words[k:])
            break
    return role


# A title trimmed of its ranks still names an office: "army General X" holds none.
_OFFICE_END = re.compile(rf"(?:^|[\s-])(?:{HEADS})$", re.I)

# Words that make an office of their own with the title after them: "vice president" is not
# "president", nor is "deputy commander" "commander".
OFFICE_WORDS = frozenset(
    """first second vice deputy acting interim prime chief supreme foreign defence defense
    interior military political""".split()
)


def _told_longer(value: Leadership, claims: Sequence[Claim]) -> bool:
    """An office whose words end another office of the same person told in the same sentence
    ("chief" beside "army chief", of one body or of none named): one title, read twice."""
    if not value.role:
        return False
    words = value.role.split()
    for c in claims:
        other = c.value
        if not isinstance(other, Leadership) or other.subject != value.subject or not other.role:
            continue
        longer = other.role.split()
        same_body = value.organization in (None, other.organization)
        if len(longer) > len(words) and longer[-len(words) :] == words and same_body:
            return other.status == value.status
    return False


def _of_phrase_taken_in(role: str, title: list[str]) -> bool:
    """Whether the parse took an office's "of" phrase into the name's noun phrase: "Chief of
    the general staff X" parsed as "chief of [the general staff X]", the title before the
    name then being "general staff" alone."""
    _, of, tail = role.lower().rpartition(" of ")
    words = [w for w in tail.split() if w not in ("the", "a", "an")]
    return bool(of and words) and title[-len(words) :] == words


def trim_titles(claims: Sequence[Claim], span: Span, entities: Sequence[EntityRef]) -> list[Claim]:
    """Offices read from a title before a name, cut to the words of the name's noun phrase;
    an office with no such word left is dropped, and so is one that only repeats the end of a
    longer office of the same person in the sentence; an office without a body takes its
    holder's configured group when the sentence names it (`bodies`)."""
    claims = [
        c for c in claims if not (isinstance(c.value, Leadership) and _told_longer(c.value, claims))
    ]
    out = []
    for claim in claims:
        value = claim.value
        if not isinstance(value, Leadership) or not value.role:
            out.append(claim)
            continue
        told = _premodified(span, value.subject, entities)
        written = told.text.split() if told is not None else []
        title = [w.lower() for w in written]
        last = value.role.split()[-1]
        if told is None or last not in title or _of_phrase_taken_in(value.role, title):
            out.append(claim)  # not told as a title before the name, or as one the parse cut
            continue
        role = _trimmed(value.role, title, _body_words(told, span, entities), written)
        role, chief = _without_chief(role, _people_in(told, span, entities, value.subject))
        role = clean_role(role and _from_capital(role, written))  # "rebel commander"
        if role is not None and _OFFICE_END.search(role):
            body = value.organization or (chief.affiliation if chief else None)
            out.append(replace(claim, value=replace(value, role=role, organization=body)))
    return own_bodies(out, span.text, entities)


def _people_in(
    title: Span, span: Span, entities: Sequence[EntityRef], holder: str
) -> dict[str, EntityRef]:
    """The words of another configured person's name inside a title, by word: "Kaleb" in
    "Kaleb spokesman X" says whose spokesman, not the office."""
    return {
        w.lower(): m.entity
        for m in _inside(title, span, entities)
        if m.entity.kind == "person" and m.entity.name != holder
        for w in span.text[m.start : m.end].split()
    }


def _without_chief(
    role: str | None, people: dict[str, EntityRef]
) -> tuple[str | None, EntityRef | None]:
    """The office without the name of the person it serves that opens it, and that person."""
    words = role.split() if role else []
    chief = people.get(words[0]) if words else None
    while words and words[0] in people:
        words = words[1:]
    return (" ".join(words) or None) if role else None, chief
