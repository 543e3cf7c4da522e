"""The unit file: `systemd-analyze verify` accepts it and `systemd-analyze security` rates its
sandbox 2.0 or lower (the lower, the less a compromised daemon could do)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

UNIT = Path(__file__).resolve().parents[2] / "systemd" / "monitor.service"
INSTALLED_BINARY = "/usr/local/bin/monitor"
MAX_EXPOSURE = 2.0

pytestmark = pytest.mark.skipif(
    shutil.which("systemd-analyze") is None,
    reason="systemd-analyze is not installed (it comes with systemd)",
)


def test_the_unit_points_at_the_installed_command() -> None:
    text = UNIT.read_text(encoding="utf-8")
    assert f"ExecStart={INSTALLED_BINARY} run" in text
    assert "Type=notify" in text and "WatchdogSec=" in text


def test_systemd_analyze_verify_accepts_the_unit(tmp_path: Path) -> None:
    """`verify` checks that every ExecStart= binary exists, and monitor is not installed at
    /usr/local/bin on a test machine: the unit is copied, under its own name, to a temporary
    directory with that path replaced by this interpreter (an executable that exists), and
    verified there with `--man=no` (the Documentation= check needs man pages)."""
    copy = tmp_path / UNIT.name
    copy.write_text(UNIT.read_text(encoding="utf-8").replace(INSTALLED_BINARY, sys.executable))
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(copy)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "monitor.service" not in result.stderr, result.stderr  # no warning about our unit


def test_the_sandbox_is_rated_two_or_lower() -> None:
    result = subprocess.run(
        ["systemd-analyze", "security", "--offline=true", str(UNIT)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    match = re.search(r"Overall exposure level for monitor\.service: (\d+\.\d+)", result.stdout)
    assert match, result.stdout
    assert float(match.group(1)) <= MAX_EXPOSURE, result.stdout
