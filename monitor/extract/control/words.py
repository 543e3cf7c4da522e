"""The words of territorial control, as regular expressions: the verbs that take, hold,
surround or dispute a place, the few words that may stand between a verb and its place ("the
strategic town of"), and what must follow a place for it to end its noun phrase.
"""

from __future__ import annotations

import re
from typing import Literal

from monitor.extract.language.text import CAPITAL

Status = Literal[
    "holds", "captured", "claims_captured", "denies_captured", "surrounded", "contested", "retaken"
]

_ADJ = (
    r"(?:strategic|key|vital|important|northern|southern|eastern|western|central|north-?eastern|"
    r"north-?western|south-?eastern|south-?western|remote|mountainous|besieged|embattled|border|"
    r"frontier|port|provincial|regional|district|garrison|market|oil|mining|main|whole|entire|"
    rf"rebel|militant|[a-z]+-(?:held|controlled|run)|(?-i:{CAPITAL}[\w-]+)(?:['’]s)?)"
)
_NOUN = (
    r"(?:towns?|cit(?:y|ies)|villages?|districts?|provinces?|valleys?|regions?|count(?:y|ies)|"
    r"states?|governorates?|municipalit(?:y|ies)|hubs?|strongholds?|enclaves?|bastions?|"
    r"crossroads|port\s+cit(?:y|ies)|ports?|border\s+towns?)"
)
# A quoted common noun before "of" is a designation the place bears, not a part of it: the
# declared "buffer zone" of X is X (an unquoted "area of X" stays a part).
_DESIGNATION = r"[“\"‘'`]{1,2}[a-z][\w-]*(?:\s+[a-z][\w-]*)?[”\"’']{1,2}\s+of\s+"
# "the strategic town of", "the provincial capital,", "the rebel-held city of"
GAP = (
    rf"(?:(?:the|all\s+of(?:\s+the)?|all\s+the|(?:most|much|(?:nearly|almost)\s+all)\s+of"
    rf"(?:\s+the)?)\s+)?(?:{_ADJ}\s+){{0,3}}"
    rf"(?:{_NOUN}(?:\s+of)?\s+|capital,?\s+|{_DESIGNATION})?"
)
_NEG = r"(?P<neg>(?:not|never|n[o']t)\s+(?:yet\s+|been\s+|fully\s+)*|yet\s+to\s+)?"
ADV = (
    r"(?:(?:now|already|finally|reportedly|allegedly|apparently|also|effectively|largely|fully|"
    r"completely|just|quickly|swiftly|since|still|firmly|briefly|again|once\s+again|last\s+\w+|"
    r"on\s+\w+day|overnight|early\s+\w+|late\s+\w+|almost|nearly|virtually|\w+ly)\s+)*"
)
AUX = r"(?:(?:has|have|had|is|are|was|were|be|been|being|did|does|do)\s+)*"
# "may have fallen": a hedged fact, not an intention (the hedge flag records it).
MODAL_PAST = r"(?:(?:may|might|could|must)\s+(?:well\s+|already\s+)?have\s+)?"
# "announced the capture of": the taker's own claim; "confirmed the fall of": news of it.
_ANNOUNCE = r"(?:announced|announces|celebrated|celebrates|hailed|hails|declared|declares)"
_TAKING_NOUN = r"capture|seizure|takeover|fall|loss"
_NEWS = (
    r"(?:confirmed|confirms|reported|reports|acknowledged|acknowledges|admitted|admits|"
    r"conceded|concedes)"
)
_TAKING = r"capture|seizure|takeover"

# Active verbs before the place: (status, regex, the subject is the agent, claimed).
ACTIVE: tuple[tuple[Status, str, bool, bool], ...] = (
    ("captured", r"claim(?:s|ed|ing)?\s+(?:full\s+)?control\s+(?:of|over)", True, True),
    (
        "captured",
        r"claim(?:s|ed|ing)?\s+to\s+(?:have\s+)?(?:captured|seized|taken|overrun|"
        r"re-?taken|re-?captured)",
        True,
        True,
    ),
    ("captured", r"claim(?:s|ed|ing)?\s+(?:the\s+)?(?:capture|fall|seizure)\s+of", True, True),
    # The subject of "lost" is the loser: its own report of the loss is no claim of capture.
    ("captured", r"los(?:t|ing|es?)(?:\s+(?:full\s+)?control\s+(?:of|over))?", False, False),
    # "announced the capture of", "confirmed the fall of": a nominal capture as news, not as
    # background ("since the fall of") or plan ("plan the capture of").
    ("captured", rf"{_ANNOUNCE}\s+(?:the\s+)?(?:{_TAKING})\s+of", True, True),
    ("captured", rf"{_NEWS}\s+(?:the\s+)?(?:fall|loss|{_TAKING})\s+of", False, False),
    ("retaken", rf"(?:{_ANNOUNCE}|{_NEWS})\s+(?:the\s+)?(?:recapture|retaking)\s+of", True, False),
    (
        "captured",
        r"(?:took|taken|take|takes|taking|seized|seize|seizes|seizing|gained|gains?|gaining|"
        r"assumed|wrested|won|wins?|winning)\s+(?:full\s+|complete\s+|total\s+|effective\s+)?"
        r"control\s+(?:of|over)",
        True,
        False,
    ),
    ("captured", r"(?:took|taken|takes?)\s+over", True, False),
    # Nominalisations: "the RSF's capture of Sennar" (the possessor takes), "the fall of Sennar
    # to the RSF" (the agent after the place takes; `verbs` wants that agent).
    ("captured", rf"(?<=['’]s\s)(?:{_TAKING})\s+of", True, False),
    ("captured", r"(?<=\bthe\s)fall\s+of", False, False),
    (
        "captured",
        r"captur(?:ed|es|e|ing)|seiz(?:ed|es|e|ing)|overr(?:an|un|uns|unning)|took|taken|"
        r"takes|liberated|stormed\s+and\s+(?:captured|seized|took)",
        True,
        False,
    ),
    (
        "retaken",
        r"re-?took|re-?taken|re-?takes?|re-?taking|re-?captur(?:ed|es|e|ing)|"
        r"recover(?:ed|s|ing)?|reclaim(?:ed|s|ing)?|"
        r"(?:regain(?:ed|s)?|re-?captur(?:ed|es|e|ing)|re-?t(?:ook|aken|akes?|aking))\s+"
        r"(?:full\s+|complete\s+)?control\s+(?:of|over)|won\s+back|wrested\s+back",
        True,
        False,
    ),
    (
        "surrounded",
        r"surround(?:ed|s|ing)?|besieg(?:ed|es|e|ing)|encircl(?:ed|es|e|ing)|"
        r"la(?:id|ys?|ying)\s+siege\s+to",
        True,
        False,
    ),
    (
        "holds",
        r"claim(?:s|ed)?\s+to\s+(?:control|hold)|controls?|holds?|holding|still\s+held|"
        r"(?<=still\s)controlled|"
        r"(?:has|have|had)\s+(?:controlled|held)|"
        r"(?:is|are|was|were|remains?|remained)\s+(?:still\s+|firmly\s+|fully\s+|now\s+)?"
        r"in\s+(?:full\s+|firm\s+|complete\s+|effective\s+)?control\s+of|"
        r"(?:retains?|retained|maintains?|maintained|kept|keeps?|has|have)\s+"
        r"(?:full\s+|firm\s+)?control\s+(?:of|over)",
        True,
        False,
    ),
)
# "re-took": a verb after a hyphenated "re-" is the retaking, not the taking it ends with.
ACTIVE_RE = tuple(
    (status, re.compile(rf"(?<!\bre-)\b(?:{verb})\s+{GAP}$", re.I), agentive, claimed)
    for status, verb, agentive, claimed in ACTIVE
)
ING = re.compile(r"ing\b", re.I)
# "denied losing Kastrel": a gerund that is the object of a denial is a reported deed.
DENIED_GERUND = re.compile(r"\bden(?:y|ies|ied|ying)\s+(?:having\s+)?$", re.I)
PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|been|still|now)\s+$", re.I)
NEG_BEFORE = re.compile(
    r"\b(?:not|never|n[o']t|yet\s+to|no\s+longer)\s+(?:\w+\s+){0,2}$|\w+n['’]t\s+$", re.I
)
# Intentions and conditions: "vowed to capture", "could fall", "if Goma falls"; a verb joined
# to the infinitive shares its "to" ("operations to encircle and then retake").
_LATER = r"(?:(?:not|also|soon|still|eventually|yet|easily|quickly|then|later|\w+ly)\s+)*"
IRREALIS = re.compile(
    r"(?<!said )(?<!believed )(?<!reported )(?<!thought )(?<!understood )(?<!alleged )"
    r"(?<!rumoured )(?<!rumored )(?<!appears )(?<!appear )(?<!appeared )(?<!seems )(?<!seem )"
    r"(?<!seemed )(?<!claimed )(?<!claims )(?<!claim )(?<!likely )"
    r"\b(?:to|will|would|could|may|might|can|shall|should|must|cannot|if|unless|whether)\s+"
    rf"{_LATER}(?:have\s+|be\s+)*(?:(?-i:[a-z]+)\s+(?:and|or)\s+{_LATER})?$",
    re.I,
)

_FOLLOW_WORDS = (
    r"on|in|at|after|before|from|and|or|but|as|with|without|by|for|following|within|during|"
    r"late|early|last|this|yesterday|today|overnight|earlier|since|amid|when|while|itself|"
    r"entirely|completely|fully|outright|which|where|so|too|again|despite|until|province|valley|"
    r"is|was|were|are|has|had|have|remains|remained|will|would|"
    r"district|township|city|town|region|governorate|county|state|area|municipality|village|"
    r"commune|north|south|east|west|about|around|some|roughly|nearly"
)
FOLLOW = re.compile(rf"(?:\s*[,.;:!?)\"”’(—–]|\s*$|\s+[-–—]|\s+(?:{_FOLLOW_WORDS})\b)", re.I)
IDIOM_AFTER = re.compile(r"\s+by\s+(?:surprise|the\s+throat)\b", re.I)
GEO_OF = re.compile(
    r"\s+(?:province|valley|district|city|town|region|governorate|county|state|area)\s+of\b", re.I
)

_PASSIVE_VERBS: tuple[tuple[Status, str], ...] = (
    ("captured", r"captured|seized|overrun|taken(?:\s+over)?|lost|liberated"),
    ("retaken", r"re-?taken|re-?captured|recovered|reclaimed|won\s+back"),
    ("surrounded", r"surrounded|besieged|encircled|under\s+siege"),
    ("holds", r"held|controlled"),
)
_Q = r"[\"“‘']?"  # 'Nyala was "fully liberated"'
# "appeared to be under TDF control": a raising verb before the copula.
_BE = (
    r"(?:(?:(?:appears?|appeared|seems?|seemed)\s+to\s+(?:be|have\s+been)|is|are|was|were|"
    r"has\s+been|have\s+been|had\s+been|been|remains?|remained|being)\s+)"
)
SUBJECT: tuple[tuple[Status, re.Pattern[str]], ...] = (
    *(
        (
            status,
            re.compile(rf"\s*{MODAL_PAST}{AUX}{ADV}{_BE}{ADV}{_NEG}{_Q}{ADV}(?:{verb})\b", re.I),
        )
        for status, verb in _PASSIVE_VERBS
    ),
    (
        "captured",
        re.compile(
            rf"\s*{MODAL_PAST}{AUX}{ADV}{_NEG}{ADV}(?:fell|fallen|falls)(?=\s*[,.;:]|\s*$|\s+(?!(?:silent|"
            r"quiet|into|under|apart|behind|short|ill|asleep|victim|prey|flat|back|off|below|"
            r"sharply|steeply|dark)\b))",
            re.I,
        ),
    ),
    (
        "holds",
        re.compile(
            rf"\s*{AUX}{ADV}{_BE}{ADV}{_NEG}{ADV}(?:(?:under|in)\s+(?:the\s+)?(?:full\s+|firm\s+|"
            r"effective\s+|complete\s+)?(?:control|hands)\s+of|under\s+(?:the\s+)?"
            r"(?=(?:\S+\s+){1,4}(?:control|rule)\b)|in\s+(?=(?:\S+\s+){1,3}hands\b))",
            re.I,
        ),
    ),
    ("contested", re.compile(rf"\s*{AUX}{ADV}(?:chang(?:ed|es|e|ing)\s+hands)\b", re.I)),
    # "control of Sennar passed to the RSF": `verbs` wants the agent after it.
    ("captured", re.compile(rf"\s*{AUX}{ADV}(?:passed|passes)(?=\s+(?:in)?to\s)", re.I)),
    (
        "contested",
        re.compile(
            rf"\s*{AUX}{ADV}{_BE}{ADV}{_Q}(?:(?:hotly|fiercely|bitterly|heavily)\s+)?"
            r"(?:contested|disputed)\b",
            re.I,
        ),
    ),
)
CONTESTED_BEFORE = re.compile(
    rf"(?:\b(?:fighting|battles?|clashes|struggle|fight)\b[^,;.]{{0,30}}\bfor\s+control\s+(?:of|over)\s+{GAP}|"
    # "heavy fighting for the town": the place itself is fought for, now ("killed in the
    # battle for Goma" names a battle, which may be over)
    rf"\b(?:heavy|fierce|intense|renewed|ongoing|continued)\s+fighting\s+for\s+{GAP}|"
    rf"\b(?:hotly\s+|fiercely\s+|bitterly\s+)?contested\s+"
    rf"{GAP}|\b(?:unclear|uncertain|not\s+clear|disputed)\s+who\s+(?:controls?|holds?)\s+{GAP}"
    rf"|\b(?:both|each)\s+(?:sides?\s+)?(?:claims?|claimed|says?)\s+(?:to\s+(?:control|hold)|"
    rf"control\s+(?:of|over)|it\s+(?:controls|holds))\s+{GAP})$",
    re.I,
)
# "opened the way to the RSF's capture of": an event ahead, not one that happened.
PROSPECT_BEFORE = re.compile(
    r"\b(?:way|path|road|door|prelude|step)\s+(?:to|towards?)\s+(?:the\s+)?"
    r"(?:(?!(?:where|when|as|after|while|and|but)\s)[\w'’-]+\s+){0,3}$",
    re.I,
)
# "predicting an imminent battle for control of": a fight foretold, not under way.
FORETOLD_BEFORE = re.compile(
    r"\b(?:imminent|expected|looming|coming|upcoming|possible|likely|potential|future|predict\w*|"
    r"expect\w*|prepar\w*|brac\w*|fear\w*|warn\w*|could|would|will|may|might)\b[^,;.]{0,40}$",
    re.I,
)
# "control of the Bayhan district of Shabwa": a named subdivision before "of" is what is taken;
# the place after it only contains it.
CONTAINER_BEFORE = re.compile(
    rf"(?-i:{CAPITAL})[\w'’-]*\s+(?:district|province|region|county|state|governorate|"
    r"municipality|township|area)\s+of\s+(?:the\s+)?$",
    re.I,
)
CONTROL_OF_AFTER = re.compile(
    rf"\s+{AUX}{_BE}?(?:still\s+)?(?:disputed|contested|unclear|uncertain)\b", re.I
)
# '"Firmly in control of #Kombolcha," X tweeted', "Rebels say 'in control' of Kombolcha": a
# holding quoted without its verb, whose holder is the side that speaks.
VERBLESS_HOLD = re.compile(
    rf"(?:^|[\"“‘'])\s*(?:(?:firmly|fully|now|still|totally)\s+)?in\s+(?:full\s+|firm\s+|"
    rf"complete\s+|total\s+)?control\s*[\"”’']?\s+(?:of|over)\s+{GAP}#?$",
    re.I,
)
HELD_ADJ = re.compile(rf"[-\s](?:held|controlled|run|occupied)\s+{GAP}$", re.I)
# "Kaleb, the last SLM-held town in the north": an apposition whose "-held" names the holder.
ASIDE_HELD_ADJ = re.compile(
    rf",\s+(?:the|a|an)\s+(?:[\w'’]+\s+){{0,2}}?(?P<by>[\w'’]+)-(?:held|controlled)\s+{_NOUN}\b",
    re.I,
)
ASIDE = re.compile(r",\s+(?!which\b|who\b|that\b)(?:[^,;()—–]|,(?=\d)){1,80},\s+")
# "Kaleb, the last town still held by the SLM, ...": an apposition that says who holds the place.
ASIDE_HELD = re.compile(
    rf",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}{_NOUN}\b[^,;()—–]{{0,50}}?\b(?:still\s+|now\s+)?"
    r"(?:held|controlled)\s+by\s+(?P<by>[^,;()—–]{1,40}),",
    re.I,
)
# "held by the military": a holder that is an armed actor, though not a configured group.
ACTOR_BY = re.compile(
    r"\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}(?:army|military|junta|government|troops|"
    r"soldiers|forces|police|militia|regime|authorities)\b",
    re.I,
)
POSSESSIVE_TAKING = re.compile(rf"['’]s?\s+(?:{_TAKING_NOUN})(?=\s+(?:by|to)\s)", re.I)
ACTOR_HANDS = re.compile(
    r"(?:the\s+)?(?:government|army|military|junta|regime|rebel|militia|police)\s+"
    r"(?:hands|control)\b",
    re.I,
)
OWN_CONTROL = re.compile(
    r"\b(?:our|their|its)\s+(?:(?:full|complete|total|firm|effective)\s+)?control\b", re.I
)
RELATIVE = re.compile(r",?\s+(?:which|that)\s+")
AND = re.compile(r",?\s+(?:and|but)\s+(?:then\s+|later\s+|now\s+)?")
# "Panjshir was still held": not when the place is the object of a preposition ("towards Kabul").
PREPOSITION_BEFORE = re.compile(
    r"\b(?:to|towards?|from|(?<!\bwhole\s)(?<!\ball\s)(?<!\bmost\s)(?<!\bmuch\s)(?<!\bcontrol\s)of|in|near|around|outside|into|at|on|for|between|via|through|"
    r"beyond|across|along|past|within|inside)\s+(?:the\s+)?$",
    re.I,
)
GEO_AFTER = re.compile(
    r"\s+(?:township|district|province|valley|city|town|region|governorate|county)\b", re.I
)
AGENT_PHRASE = re.compile(
    # "the seizure of Kastrel town and quarries by the front": the place's noun and what was taken
    # with it may stand between the place and its taker
    r"(?:\s+(?:town|city|village|district|province|region)(?:\s+and\s+(?:its\s+)?[a-z-]+)?)?"
    r"\s+(?:by|to)\s+(?P<phrase>(?:(?!\b(?:on|after|in|when|as|while|and|but|following|before|"
    r"late|early|last|from|since|amid)\b)[^,;.]){1,60})",
    re.I,
)
_ITEM = rf"(?-i:{CAPITAL})[\w'’-]*(?:[\s-]+(?-i:{CAPITAL})[\w'’-]*){{0,3}}"
# The places listed before this one: "captured Kabul, Kaleb and", "the districts of Deh Salah, ".
LIST_BEFORE = re.compile(
    rf"(?:{_ITEM},\s+)*{_ITEM},?\s+(?:and|as\s+well\s+as)\s+$|(?:{_ITEM},\s+)+$"
)
# "retook three districts in Baghlan province, including": the place is one of the objects.
INCLUDING_BEFORE = re.compile(
    r"(?:(?:the|all|several|some|many|two|three|four|five|six|seven|eight|nine|ten|\d+|a\s+few|"
    rf"a\s+(?:string|number|series)\s+of)\s+)(?:[\w'’-]+\s+)?{_NOUN}(?:\s+(?:in|of|near|across|around|along)\s+[^,;]{{1,40}})?"
    r",\s+(?:including|among\s+them|notably)\s+(?:the\s+\w+\s+of\s+)?$",
    re.I,
)
