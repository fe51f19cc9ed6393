"""Serve the real dashboard (``python -m dashboard``) in tests, as a user starts it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# How long a server may take to answer first. It waits only as long as the server
# takes (a few seconds on an idle machine), but a parallel run starts several servers,
# Chromiums and refreshes at once, and importing the dashboard alone can then take
# half a minute.
START_TIMEOUT_S = 120


@dataclass(frozen=True)
class Served:
    url: str
    log: Path
    # The server's process, for a test that stops it part way (stop_process).
    process: subprocess.Popen[bytes] | None = None


def find_free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_serving(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the dashboard exited ({process.returncode}):\n{log.read_text()}")
        try:
            # The first page served renders every page's layout once (Dash checks the
            # callbacks against them), which takes seconds on a busy machine.
            with urllib.request.urlopen(url, timeout=10) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            # A busy machine answers late: wait and ask again, as when refused.
            time.sleep(0.2)
    pytest.fail(f"the dashboard did not answer at {url} in {START_TIMEOUT_S} s:\n{log.read_text()}")


def stop_process(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def serving(
    db: Path,
    env: Mapping[str, str] | None = None,
    args: Sequence[str] = (),
    port: int | None = None,
    ready_path: str = "/",
) -> Iterator[Served]:
    """The dashboard on ``db`` on a free local port (or ``port``), with ``env`` added to
    the environment and ``args`` to the command line; serving once ``ready_path``
    answers 200; stopped on exit."""
    port = port or find_free_port()
    log = db.with_name(f"server-{port}.log")
    environment = {**os.environ, "PLCNET_I18N_STRICT": "1", **(env or {})}
    command = [sys.executable, "-m", "dashboard", "--db", str(db), "--port", str(port), *args]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=environment, stdout=out, stderr=out
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(url + ready_path, process, log)
        assert f"Serving plcnet at {url}" in log.read_text()
        yield Served(url, log, process)
    finally:
        stop_process(process)
