"""Words the extractors read better without, blanked in the text they read.

- A person's age set off by commas after the name ("Brel, 58, said ...", "Asko, 61, died"):
  the small parser hangs the number between the name and its verb as an apposition or
  a modifier and loses who speaks or acts, so that a side's own claim reads as the narrator's.
- A day set between a subject and its verb, as wire copy writes it ("Rebels on Monday seized
  X", "Eight soldiers on Sunday were taken prisoner"): the parser reads it well, but the kind
  extractors read a fact in the words next to its verb. A year or "last week" is never
  blanked: they date a fact (`history`). A day without "on" ("X Wednesday said", "took Y
  Sunday,") is blanked after a name or a verb too: the parser reads "Y Sunday" as one name.
- An age or a photo's pointer in brackets after a name ("Brel (54) fled", "Brel (pictured)
  said"): the parser makes the bracket the verb's subject or an apposition and loses who acts.
- A generational suffix after a name ("Restituto Padilla Jr. said"): the parser ends the
  name at "Jr." and hangs the verb on the suffix, or ends the sentence there.
- The hyphen of a prefix "re-" ("re-established control", "re-entered the town"): the parser
  splits the word in three and reads "re" as a noun; joined ("reestablished"), the verb is a
  verb again, with the lemma of the unhyphenated spelling. The space it leaves goes before the
  word, where a space stands already (after it, the parser lost the verb's object).

Blanked means the same length in spaces, as `casing` sets a headline in sentence case: the
quote and the phrases taken from the text are given back as written (`casing.as_written`).
"""

from __future__ import annotations

import re

from monitor.extract.language.text import CAPITAL, LOWER

# A capitalised word, a comma, one or two digits, a comma, and a word in lower case (the verb,
# "who", "and"): "Haftar, 75, seized", not "In Varno, 30 were killed" or "Article 5, 12, ...".
# Not before a noun phrase ("X, 40, the public face of the group, died"): the second comma
# opens the next apposition, which the parser needs.
_AGE_AFTER_NAME = re.compile(
    rf"\b{CAPITAL}[\w'’.-]*(?P<age>,\s?\d{{1,2}},)"
    rf"(?=\s+(?!(?:the|a|an|his|her|its|their|one)\b){LOWER})"
)


DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# A verb after a day: an auxiliary or a modal, a past tense in -ed, or an irregular past tense
# of the verbs reporting tells (of speech, of moving, of taking and losing, of fighting).
_VERB_AFTER = (
    r"(?:was|were|is|are|has|have|had|would|will|could|can|may|might|must|should|did|does|"
    r"also|reportedly|said|says|told|took|fled|overran|retook|died|won|lost|left|fell|held|"
    r"fought|led|met|made|gave|came|went|sent|began|spoke|wrote|struck|shot|hit|ran|sought|"
    r"brought|kept|became|rose|stood|withdrew|broke|caught|saw|found|got|put|set|swore|chose|"
    r"drove|flew|knew|thought|overtook|undertook|[a-z]+ed)\b"
)
# The day, after a word and before a verb.
_DAY_BEFORE_VERB = re.compile(
    rf"(?<=[\w)’'])(?P<day> (?:(?:early|late) )?on {DAY}(?: (?:morning|afternoon|evening|night))?"
    r"| yesterday| overnight)"
    rf"(?= {_VERB_AFTER})"
)


# A day without "on", as wire copy writes it ("Duterte Wednesday said", "took X Sunday,"),
# after a word that does not make it a date of its own ("last Sunday", "since Friday") or part
# of a name ("Bloody Sunday", "Good Friday"), and before a verb (as above), a comma, a stop or
# a word that opens a phrase: the parser reads "X Sunday" as one name.
_BARE_DAY = re.compile(
    # the word before is read by `_DATING_WORDS`; right after "on" (", on Saturday seized", where
    # no word before could be taken with it) the day is no bare one either
    rf"(?<=[\w)’'])(?<!\b(?:[Oo]n|[Bb]y|[Oo]f|[Tt]o))(?P<day> {DAY})"
    r"(?=[,.;:]|$| (?:and|but|as|after|when|while|in|at|near|to|from|with|for)\b|"
    rf" {_VERB_AFTER})"
)
# Words after which a day is no aside: they date it ("last Sunday"), name with it ("Bloody
# Sunday"), or open a clause it is the subject of ("but Sunday saw heavy shelling").
_LAST_WORD = re.compile(r"\w+$")
_DATING_WORDS = frozenset(
    """last next this that every each on early late since until till by from before after of
    bloody easter palm super black good holy ash cyber maundy shrove
    and but or yet so while whereas although though because when as""".split()
)
# A capitalised word, then in brackets an age or where a photo shows the person.
_BRACKET_AFTER_NAME = re.compile(
    rf"\b{CAPITAL}[\w'’.-]*(?:{LOWER}|\.)"
    r"(?P<bracket> \((?:\d{1,2}|pictured|(?:pictured |second |far )?"
    r"(?:left|right|centre|center|above|below|top|bottom)|inset)\))(?=[\s,.;:])"
)
# "Jr." or "Sr." (with or without a comma before, with or without the stop) after a
# capitalised word that is no determiner, before a comma or a word in lower case: "Padilla Jr.
# said", "Padilla, Jr., the spokesman"; not the stop of a sentence that ends with it.
_SUFFIX_AFTER_NAME = re.compile(
    rf"\b(?!(?:The|A|An|His|Her|Its|Their)\b){CAPITAL}[\w'’-]*{LOWER}"
    rf"(?P<suffix>(?P<before>,)? (?:Jr|Sr)\b\.?(?:(?P<after>,)|(?=\s+{LOWER})))"
)
# "re-" in lower case after a space, before a word in lower case: not "pre-war", and never at
# the start of a sentence, where the space given back would fall outside it.
_RE_PREFIX = re.compile(r"(?<= )re-(?P<word>[a-z]+)\b")


def without_asides(line: str) -> str:
    """`line` with each age, generational suffix or photo's pointer after a name and each day
    told with a verb blanked, and each prefix "re-" joined to its word, the same length."""
    line = _AGE_AFTER_NAME.sub(lambda m: _blanked(m, "age"), line)
    line = _SUFFIX_AFTER_NAME.sub(_without_suffix, line)
    line = _BRACKET_AFTER_NAME.sub(lambda m: _blanked(m, "bracket"), line)
    line = _RE_PREFIX.sub(lambda m: " re" + m["word"], line)
    line = _DAY_BEFORE_VERB.sub(lambda m: _blanked(m, "day"), line)
    return _BARE_DAY.sub(_without_bare_day, line)


def _without_bare_day(match: re.Match[str]) -> str:
    before = _LAST_WORD.search(match.string, 0, match.start("day"))
    word = before.group().casefold() if before else ""
    return match.group() if word in _DATING_WORDS else _blanked(match, "day")


def _without_suffix(match: re.Match[str]) -> str:
    """The name without its suffix; a comma that closed the suffix alone stays, after the name
    ("Brel Jr., the spokesman" -> "Brel,     the spokesman")."""
    blanked = _blanked(match, "suffix")
    if match["after"] and not match["before"]:
        at = match.start("suffix") - match.start()
        blanked = blanked[:at] + "," + blanked[at + 1 :]
    return blanked


def _blanked(match: re.Match[str], group: str) -> str:
    start, end = match.span(group)
    text = match.group()
    at = start - match.start()
    return text[:at] + " " * (end - start) + text[at + end - start :]
