"""Reference resolution: a sentence read with the configured entity that a reference to an
earlier sentence stands for ("the group", "he", "the province").

`resolution` rewrites the sentences (`resolve_references`) with what `context` keeps of the
sentences before: references to a person (`persons`), to a group or a place (`groups`, with
counts of a state's soldiers in `soldiers`), a nationality adjective before losses
(`demonyms`), a pronoun opening a sentence (`pronouns`), short names (`short`), and a side
named by a common noun, "rebels" or "fighters loyal to X" (`rebels`, with which side a
configured group is in `sides`). A dateline is
read with the control reader's pattern (`control.DATELINE`), the one kind it imports.
"""

from monitor.extract.coref.resolution import Resolved, resolve_references

__all__ = ["Resolved", "resolve_references"]
