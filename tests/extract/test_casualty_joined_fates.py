"""One count that several joined fates share is no count of any one of them: "100 troops
surrendered or fled", "were killed, wounded or captured", "killed and wounded 50". Fates
with counts of their own stay apart ("40 died and 12 were wounded"), and so does one fate told
twice ("captured or surrendered"). Sentences written for
this test."""

from __future__ import annotations

import pytest
from kelso_war import losses_read

Counts = tuple[int | None, int | None, int | None]


def exact_counts(text: str) -> list[Counts]:
    """The killed, wounded and captured counts told as lower bounds."""
    return [(v.killed_min, v.wounded_min, v.captured_min) for v, _ in losses_read(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Around 100 Northern Army troops surrendered or fled after the attacks.",
        "About 40 Northern Army soldiers were killed, wounded or captured.",
        "About 40 Northern Army soldiers were killed, wounded and captured.",
        "The KDF killed and wounded 50 Northern Army soldiers.",
        "About 40 Northern Army soldiers were killed and wounded.",
    ],
)
def test_a_shared_count_is_no_lower_bound_of_any_one_fate(text: str) -> None:
    assert all(counts == (None, None, None) for counts in exact_counts(text))


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("40 Northern Army soldiers died and 12 were wounded.", (40, 12, None)),
        ("12 Northern Army soldiers were killed, and 30 wounded.", (12, 30, None)),
        ("The KDF killed 12 Northern Army soldiers and wounded 30.", (12, 30, None)),
        ("The KDF attacked the base and killed 12 Northern Army soldiers.", (12, None, None)),
        ("Around 100 Northern Army troops surrendered and 20 fled.", (None, None, 100)),
        # one fate told twice
        ("More than 1,000 KDF fighters were captured or surrendered.", (None, None, 1000)),
        ("The KDF captured and detained 50 Northern Army soldiers.", (None, None, 50)),
    ],
)
def test_fates_with_counts_of_their_own_keep_them(text: str, counts: Counts) -> None:
    assert exact_counts(text) == [counts]
