"""`monitor demo` serves the web view while it tells the story and prints its address; with
`--serve` it keeps serving afterwards until Ctrl-C (SIGINT), then exits cleanly."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from monitor.cli import main

STORY = Path(__file__).resolve().parents[2] / "seeds" / "panjshir"
pytestmark = pytest.mark.sqlite_only("`monitor demo` keeps its story in a SQLite file of its own")


def test_demo_prints_the_address_of_the_web_view_and_stops_with_the_story() -> None:
    args = ["demo", "--pause", "0", "--port", "0", "--seeds", str(STORY)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    found = re.search(r"^Web view of the story: (http://127\.0\.0\.1:\d+/) ", result.output, re.M)
    assert found, result.output
    assert " demo --serve` keeps it" in result.output
    with httpx.Client(trust_env=False) as client:
        try:
            client.get(found.group(1))
        except httpx.ConnectError:
            pass
        else:
            raise AssertionError("the web view outlived the demo")


def test_demo_serve_keeps_the_pages_up_until_ctrl_c() -> None:
    command = [sys.executable, "-m", "monitor", "demo", "--serve", "--pause", "0", "--port", "0"]
    with subprocess.Popen(
        [*command, "--seeds", str(STORY)], stdout=subprocess.PIPE, text=True, bufsize=1
    ) as demo:
        try:
            address = _serving_address(demo)
            with httpx.Client(trust_env=False, timeout=30) as client:
                panjshir = client.get(address + "entities/Panjshir")
                feeds = client.get(address + "feeds")
            assert panjshir.status_code == 200 and "<h2>Control of Panjshir</h2>" in panjshir.text
            assert feeds.text.count('badge health-healthy">healthy<') == 5
            demo.send_signal(signal.SIGINT)
            assert demo.wait(timeout=60) == 0
        finally:
            if demo.poll() is None:
                demo.kill()


def _serving_address(demo: subprocess.Popen[str]) -> str:
    assert demo.stdout is not None
    for line in demo.stdout:
        serving = re.match(r"Serving the web view at (http://127\.0\.0\.1:\d+/) until", line)
        if serving:
            return serving.group(1)
    raise AssertionError("the demo never said where it serves")
