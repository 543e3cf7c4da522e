"""Casualties: how many of a configured group's people were killed, wounded or captured.

`patterns` reads a sentence by its words (`extract_casualties`): the count phrase (`counts`),
what happened to the people (`verbs`), whose they are (`owners`), and the counts that are no
news of losses (`filters`). `frames` reads the sentence's parse (`casualty_frames`): the people a
verb of losses takes (`phrases`), the side a kin of its name stands for (`sides`), losses told by
a noun (`nouns`), by a list of "the casualties" (`included`) or as prisoners taken
(`prisoners`). `scene` places a count told "in the fighting" where the fighting named before was.
`box` reads the losses a battle's fact box gives to the sides it names.
"""

from monitor.extract.casualties.box import casualty_rows
from monitor.extract.casualties.frames import casualty_frames
from monitor.extract.casualties.patterns import extract_casualties
from monitor.extract.casualties.scene import at_the_scene, scene_of

__all__ = ["at_the_scene", "casualty_frames", "casualty_rows", "extract_casualties", "scene_of"]
