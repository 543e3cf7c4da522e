"""The lock files agree with pyproject.toml: a dependency added or narrowed there without
`make lock` fails here, not on the first fresh install."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
LOCKS = {
    "requirements.lock": (),
    "requirements-dev.lock": ("dev",),
}
# The platform the project targets first (CI's): Python 3.11 on Linux.
TARGET = {"python_version": "3.11", "python_full_version": "3.11.7", "sys_platform": "linux"}
_PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def pins(lock: str) -> dict[str, list[Version]]:
    """Each package the lock installs on the target platform, with its pinned versions."""
    found: dict[str, list[Version]] = {}
    for line in (REPO / lock).read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line)
        if match is None:
            continue
        name, version, marker = match.groups()
        if marker is None or Marker(marker).evaluate(TARGET):
            found.setdefault(canonicalize_name(name), []).append(Version(version))
    return found


def wanted(extras: tuple[str, ...]) -> list[Requirement]:
    project = PYPROJECT["project"]
    names = [*project["dependencies"], *PYPROJECT["build-system"]["requires"]]
    for extra in extras:
        names += project["optional-dependencies"][extra]
    return [Requirement(name) for name in names]


@pytest.mark.parametrize(("lock", "extras"), LOCKS.items())
def test_every_requirement_is_pinned_in_the_lock(lock: str, extras: tuple[str, ...]) -> None:
    locked = pins(lock)
    missing = []
    for requirement in wanted(extras):
        if requirement.marker is not None and not requirement.marker.evaluate(TARGET):
            continue
        versions = locked.get(canonicalize_name(requirement.name), [])
        if not any(requirement.specifier.contains(v, prereleases=True) for v in versions):
            missing.append(f"{requirement} (locked: {', '.join(map(str, versions)) or 'none'})")
    assert missing == [], f"{lock} is stale: run `make lock`"


@pytest.mark.parametrize("lock", LOCKS)
def test_every_pin_carries_hashes_and_no_index_is_named(lock: str) -> None:
    text = (REPO / lock).read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    assert len(entries) > 50
    assert [e.split()[0] for e in entries if "--hash=sha256:" not in e] == []
    assert not re.search(r"^\s*--(index-url|extra-index-url|find-links)|://", text, re.M)
