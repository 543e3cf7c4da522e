"""Force size: how many fighters a configured group has, sends or commands.

`patterns` reads a sentence by its words (`extract_force_sizes`), leaving out the counts of
fighters that are no force size (`filters`: losses, prisoners, men who fled, another era). The
parse readers: a strength told as an attribute or as what the ranks grew to (`strength`), and
the fighters of an attack (`attackers`), and the verbs of having, sending and numbering
(`frames`).
"""

from monitor.extract.force.attackers import attacker_frames
from monitor.extract.force.frames import force_frames
from monitor.extract.force.patterns import extract_force_sizes
from monitor.extract.force.strength import (
    force_noun_frames,
    fronted_count_frames,
    growth_frames,
    strength_frames,
)

__all__ = [
    "attacker_frames",
    "extract_force_sizes",
    "force_frames",
    "force_noun_frames",
    "fronted_count_frames",
    "growth_frames",
    "strength_frames",
]
