"""Territorial control: who captured, holds, surrounds or disputes a configured place.

`patterns` reads a sentence by its words (`extract_control`): the predicates around a place
(`verbs`, with their vocabulary in `words`), who speaks, is the subject or denies in each part of
the sentence (`claim_frame`), a place referred back to (`anaphors`), the owner a "-held" word names
(`held`), the subject of a joined verb (`joined`) and a state that stands for its army (`states`).
`frames` reads the sentence's parse (`control_frames`), its nouns of capture by `nouns`: the places
and actors (`places`), lists of them (`lists`), strongholds (`strongholds`), verbs whose taker or
place stands elsewhere ("lost X to Y", "liberated", "swept into", "surrendered to": `yielded`), a
place under or coming under somebody's control, with its verb or without (`under`), the side a place
is taken back from (`taken_from`: its capture comes first, `captures_first`), and who tells the
frame (`telling`). Reference resolution reads a dateline with the same pattern (`DATELINE`).
"""

from monitor.extract.control.claim_frame import DATELINE
from monitor.extract.control.frames import control_frames
from monitor.extract.control.patterns import extract_control
from monitor.extract.control.taken_from import captures_first

__all__ = ["DATELINE", "captures_first", "control_frames", "extract_control"]
