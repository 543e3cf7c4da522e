""" "His troops", "her forces" acting in a clause are the forces of the group the configuration
ties the person to (`coref.forces`): the person named before in the sentence, the one named
after a clause put first ("As his troops overran Varno, General Brel ..."), or the person of
the sentence before. Another name in between may be the man whose forces they are."""

from __future__ import annotations

import pytest
from control_facts import SOUTH, Holding, read_in_varno


@pytest.mark.parametrize(
    ("text", "holding"),
    [
        (
            "General Brel toured the front as his troops overran Varno.",
            ("Varno", SOUTH, "captured"),
        ),
        (
            "As his troops overran Varno, General Brel flew to the capital.",
            ("Varno", SOUTH, "captured"),
        ),
        (
            "While his forces surrounded Kastrel, General Brel met the envoy.",
            ("Kastrel", SOUTH, "surrounded"),
        ),
        (
            "General Brel spoke to reporters on Monday. His forces captured Varno the same night.",
            ("Varno", SOUTH, "captured"),
        ),
    ],
)
def test_a_persons_forces_are_his_groups(text: str, holding: Holding) -> None:
    assert read_in_varno(text) == [holding]


def test_another_name_between_keeps_the_forces_unowned() -> None:
    text = "General Brel met Colonel Asko, whose aides said his forces had captured Varno."
    assert read_in_varno(text) == [("Varno", None, "captured")]
