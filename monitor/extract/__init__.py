"""The extract stage: pure functions from (text, entities) to claims, one subpackage per fact
kind (`force`, `leadership`, `control`, `casualties`), each on the shared `language` tools.

`extract_claims` splits a text into sentences, resolves references to entities named in earlier
sentences ("the group", "he", "the province": see `coref`), and runs the extractor of every
requested kind (force_size, leadership, territorial_control, casualties) on each sentence: the
kind's reader of words and its readers of the parse (dispatched by `frames`), whose claims the
parse then checks (`review`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from monitor.extract.casualties import at_the_scene, casualty_rows, extract_casualties, scene_of
from monitor.extract.control import captures_first, extract_control
from monitor.extract.coref import Resolved, resolve_references
from monitor.extract.force import extract_force_sizes
from monitor.extract.force.infobox import infobox_sizes, page_subject, strength_rows
from monitor.extract.frames import frame_claims
from monitor.extract.language.boxes import box_place
from monitor.extract.language.casing import as_written
from monitor.extract.language.frame_base import sentence_before
from monitor.extract.language.nlp import DEFAULT_MODEL, load, sentences
from monitor.extract.language.splice import spliced
from monitor.extract.language.text import split_sentences
from monitor.extract.leadership import (
    appointments,
    countries_named,
    extract_leadership,
    in_the_named_country,
    trim_titles,
)
from monitor.extract.merge import (
    new_facts,
    retakings_as_framed,
    with_counts_of,
    with_frame_speakers,
    with_places_of,
)
from monitor.extract.review import pronoun_substitutions, review
from monitor.records import (
    FACT_KINDS,
    Casualties,
    Claim,
    EntityRef,
    FactKind,
    FactValue,
    Leadership,
    TerritorialControl,
)

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["EXTRACTORS", "extract_claims", "split_sentences"]


class Extractor(Protocol):
    def __call__(
        self, sentence: str, entities: Sequence[EntityRef], *, year: int | None = None
    ) -> list[Claim]: ...


EXTRACTORS: dict[FactKind, Extractor] = {
    "force_size": extract_force_sizes,
    "leadership": extract_leadership,
    "casualties": extract_casualties,
    "territorial_control": extract_control,
}


def extract_claims(
    text: str,
    entities: Sequence[EntityRef],
    kinds: Collection[FactKind] = FACT_KINDS,
    *,
    year: int | None = None,
    model: str = DEFAULT_MODEL,
) -> list[Claim]:
    """All claims of the requested kinds in `text`, in reading order, without duplicates.
    `year` is the article's publication year: what lies well before it is history. `model`
    names the spaCy pipeline that parses the text (loaded once per process)."""
    extractors = [EXTRACTORS[k] for k in FACT_KINDS if k in kinds and k in EXTRACTORS]
    claims: list[Claim] = []
    if not extractors or not entities:
        return claims
    wanted = [k for k in FACT_KINDS if k in kinds]
    claims += _battle_box(text, entities, wanted)
    country: str | None = None  # the country named last: "inside the country" is there
    scene: str | None = None  # where the fighting named last was: "killed in the fighting"
    page: str | None = None  # the group a page's title or heading names: its fact box's
    for i, (sentence, parse, written, before) in enumerate(_parsed(text, entities, model)):
        named = countries_named(parse)
        pronouns = pronoun_substitutions([(s.original, s.name) for s in sentence.substitutions])
        found = [c for x in extractors for c in x(sentence.text, entities, year=year)]
        if "force_size" in wanted:
            page = page_subject(sentence.text, entities, first=i == 0) or page
            found += infobox_sizes(sentence.text, page) if page else []
        framed = frame_claims(parse, entities, wanted, year, sentence.original, before)
        found = with_frame_speakers(with_counts_of(found, framed), framed)
        found = retakings_as_framed(found, framed)
        found = captures_first([*found, *new_facts(framed, found)])
        found = trim_titles(review(found, parse, entities, pronouns), parse, entities)
        found = with_places_of(found, framed)
        found = appointments(found, parse, entities)
        found = _as_written(_fates_keep_office(found), sentence)
        found = _in_written_case(found, sentence.original, written)
        found = in_the_named_country(found, country or next(iter(named), None))
        found = at_the_scene(found, parse, entities, scene)
        claims.extend(c for c in found if c not in claims)
        country = named[-1] if named else country
        scene = scene_of(parse, entities) or scene
    return _without_underspecified(claims)


def _battle_box(text: str, entities: Sequence[EntityRef], wanted: list[FactKind]) -> list[Claim]:
    """What the rows of a battle's fact box give the sides they name, read line by line (the
    parser's sentences may cut a row): strengths, and losses placed where the box's "Place" row
    puts the battle. A box stands at the head of its page, before the prose."""
    claims: list[Claim] = []
    place: str | None = None
    for line in text.splitlines():
        place = box_place(line, entities) or place
        if "force_size" in wanted:
            claims += strength_rows(line, entities)
        if "casualties" in wanted:
            claims += casualty_rows(line, entities, place)
    return claims


_FATES = frozenset({"killed", "fled", "located"})


def _fates_keep_office(found: list[Claim]) -> list[Claim]:
    """A fate keeps the office the same sentence gives the person ("Hezbollah leader X was
    killed": killed, role leader, organization Hezbollah), when it gives exactly one."""
    offices: dict[str, list[Leadership]] = {}
    for c in found:
        if isinstance(c.value, Leadership) and c.value.status not in _FATES and c.value.role:
            offices.setdefault(c.value.subject, []).append(c.value)
    out = []
    for c in found:
        v = c.value
        held = offices.get(v.subject, []) if isinstance(v, Leadership) else []
        if isinstance(v, Leadership) and v.status in _FATES and v.role is None and len(held) == 1:
            c = replace(c, value=replace(v, role=held[0].role, organization=held[0].organization))
        out.append(c)
    return out


def _parsed(
    text: str, entities: Sequence[EntityRef], model: str
) -> list[tuple[Resolved, Span, str, Span | None]]:
    """The sentences of a text with references resolved, each with the parse of the text the
    extractors read, the sentence as written and the parse of the one before it as written: a
    sentence whose references were replaced by names keeps its parse with the names spliced in
    (a name stands where a pronoun stood, so the grammar is the same; `language.splice`), a
    doc of its own."""
    split = sentences(text, model, entities)
    resolved = resolve_references([s.text for s in split], entities)
    nlp = load(model)
    return [
        (
            r,
            spliced(nlp, s.parse, r.text) if r.substitutions else s.parse,
            s.written,
            sentence_before(s.parse),
        )
        for s, r in zip(split, resolved, strict=True)
    ]


def _in_written_case(claims: list[Claim], cased: str, written: str) -> list[Claim]:
    """Claims read from the text the extractors read (`cased`: a headline in sentence case,
    asides blanked), with its quote and the phrases they took from it (claimant,
    organization, place) as the text writes them."""
    if cased == written:
        return claims
    out = []
    for c in claims:
        if c.quote != cased:
            out.append(c)
            continue
        value = c.value
        if isinstance(value, Leadership):
            value = replace(
                value,
                organization=as_written(value.organization, cased, written),
                location=as_written(value.location, cased, written),
            )
        if isinstance(value, Casualties):
            value = replace(value, location=as_written(value.location, cased, written))
        claimed_by = as_written(c.claimed_by, cased, written)
        out.append(replace(c, quote=written, value=value, claimed_by=claimed_by))
    return out


def _fuller(value: FactValue) -> FactValue | None:
    """The field a text may leave unnamed in one telling of a fact and name in another: the
    controller of a control fact ("Army retakes Sennar" ... "The Sudanese army recaptured"), the
    organization of an office, the office of a fate, the place of losses. None when the value
    names it already."""
    if isinstance(value, TerritorialControl) and value.controller is None:
        return value
    if isinstance(value, Leadership) and value.organization is None and value.role:
        return value
    if isinstance(value, Leadership) and value.status in _FATES and value.role is None:
        return value  # "he was killed" beside "Hezbollah leader X was killed"
    if isinstance(value, Casualties) and value.location is None:
        return value  # "100 fighters killed" beside "100 fighters killed in El Fasher"
    return None


def _same_but_named(vague: FactValue, other: FactValue) -> bool:
    if isinstance(vague, TerritorialControl) and isinstance(other, TerritorialControl):
        return other.controller is not None and replace(other, controller=None) == vague
    if isinstance(vague, Leadership) and isinstance(other, Leadership):
        if vague.role is None and vague.status in _FATES:
            return (
                other.role is not None
                and (other.subject, other.status) == (vague.subject, vague.status)
                and vague.location in (None, other.location)
            )
        return other.organization is not None and replace(other, organization=None) == vague
    if isinstance(vague, Casualties) and isinstance(other, Casualties):
        same = (vague.subject, vague.scope) == (other.subject, other.scope)
        return other.location is not None and same and _told_vaguer(vague, other)
    return False


def _told_vaguer(vague: Casualties, other: Casualties) -> bool:
    """Whether every figure of a count is the other's, or a range that holds it: "hundreds of
    X dead" in a headline is the body's "killed about 350 X fighters in Dorn"."""
    for what in ("killed", "wounded", "captured"):
        low, high = getattr(vague, f"{what}_min"), getattr(vague, f"{what}_max")
        if low is None and high is None:
            continue
        o_low, o_high = getattr(other, f"{what}_min"), getattr(other, f"{what}_max")
        if o_low is None and o_high is None:
            return False
        if (low is not None and (o_low is None or o_low < low)) or (
            high is not None and (o_high is None or o_high > high)
        ):
            return False
    return True


def _without_underspecified(claims: list[Claim]) -> list[Claim]:
    """A fact told twice in one text, once without its actor or body named, is one fact: the
    telling that names it stands for both."""
    vague = [c for c in claims if _fuller(c.value) is not None]
    if not vague:
        return claims
    drop = {
        id(c) for c in vague if any(_same_but_named(c.value, o.value) for o in claims if o is not c)
    }
    return [c for c in claims if id(c) not in drop]


def _as_written(claims: list[Claim], sentence: Resolved) -> list[Claim]:
    """Claims read from a resolved sentence, quoted and attributed as the text has them."""
    if not sentence.substitutions:
        return claims
    return [
        replace(c, quote=sentence.original, claimed_by=sentence.restore(c.claimed_by))
        for c in claims
    ]
