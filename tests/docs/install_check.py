"""The production install of docs/operating.md, run as written, in a fresh venv with the oldest
pip it allows.

`make install-check` (part of `make test`) runs this file. It takes the venv and pip lines of the
**Install.** block of docs/operating.md (where the README sends operators), puts a temporary
folder where they say /opt/monitor, drops `sudo`, and runs them from the repository root; the
venv keeps the pip its Python bundles (23.2 for Python 3.11), or is brought down to that pip when
the bundled one is newer. Then `monitor --version` must answer, and every module of the package
must import (a dependency missing from the lock shows up here, not on the first feed the daemon
reads).
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PAGE = REPO / "docs" / "operating.md"
PLACEHOLDER = "/opt/monitor"
OLDEST_PIP = "23.2"
OLDEST_PIP_RELEASE = "23.2.1"
IMPORT_EVERY_MODULE = (
    "import importlib, pkgutil, monitor\n"
    "for m in pkgutil.walk_packages(monitor.__path__, 'monitor.'):\n"
    "    if not m.name.endswith('__main__'):\n"
    "        importlib.import_module(m.name)\n"
)


class InstallCheckError(Exception):
    """What went wrong, in words: the page changed shape or a step failed."""


def install_commands(page: str) -> list[list[str]]:
    """The venv and pip commands of the page's **Install.** block, as argument lists."""
    match = re.search(r"\*\*Install\.\*\*.*?```sh\n(.*?)```", page, re.DOTALL)
    if match is None:
        raise InstallCheckError(f"{PAGE.name}: no **Install.** block followed by ```sh")
    commands = []
    for raw in match.group(1).splitlines():
        words = shlex.split(raw, comments=True)
        if words[:1] == ["sudo"]:
            words = words[1:]
        if words[:3] == ["python3", "-m", "venv"] or words[:1] == [f"{PLACEHOLDER}/bin/pip"]:
            commands.append(words)
    if not commands or commands[0][:3] != ["python3", "-m", "venv"]:
        raise InstallCheckError(f"{PAGE.name}: the Install block does not start with a venv")
    return commands


def run(words: list[str]) -> str:
    print("+", shlex.join(words), flush=True)
    done = subprocess.run(words, cwd=REPO, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise InstallCheckError(
            f"`{shlex.join(words)}` exited {done.returncode}:\n{done.stdout}{done.stderr}"
        )
    return done.stdout


def oldest_pip(venv: Path) -> str:
    """The venv's pip, taken down to the oldest the page allows when it is newer."""
    pip = [str(venv / "bin" / "python"), "-m", "pip"]
    version = run([*pip, "--version"]).split()[1]
    if not version.startswith(f"{OLDEST_PIP}."):
        run([*pip, "install", "--quiet", f"pip=={OLDEST_PIP_RELEASE}"])
        version = run([*pip, "--version"]).split()[1]
    return version


def check(venv: Path) -> str:
    """Install as the page says into `venv`; the version `monitor --version` prints."""
    commands = install_commands(PAGE.read_text(encoding="utf-8"))
    first, *rest = ([w.replace(PLACEHOLDER, str(venv)) for w in c] for c in commands)
    run(first)
    print(f"pip {oldest_pip(venv)} in the fresh venv", flush=True)
    for words in rest:
        run(words)
    answer = run([str(venv / "bin" / "monitor"), "--version"]).strip()
    run([str(venv / "bin" / "python"), "-c", IMPORT_EVERY_MODULE])
    return answer


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="monitor-install-") as tmp:
        try:
            answer = check(Path(tmp) / "venv")
        except InstallCheckError as exc:
            print(f"install-check: FAILED: {exc}", file=sys.stderr)
            return 1
    print(f"install-check: OK: the install of {PAGE.relative_to(REPO)} gives `{answer}`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
