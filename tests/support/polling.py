"""What the store says of each feed after a round, for the polling tests."""

from __future__ import annotations

import json
from pathlib import Path

from end_to_end import run


def feed_states(config: Path) -> dict[str, dict[str, object]]:
    lines = run(config, "feeds", "--json").output.splitlines()
    return {f["name"]: f for f in map(json.loads, lines)}
