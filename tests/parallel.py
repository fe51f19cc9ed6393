"""What the workers of a parallel test run share (pytest-xdist: ``make test`` runs
``pytest -n auto``; ``-n 0`` runs in one process).

Each worker is a pytest session of its own, with its own session fixtures and its
own temporary folder. Two things are made once for all of them, in the folder the
run's workers share (the parent of each worker's base temporary folder):

- the pseudonym key of the run, so that a database one worker refreshed is the
  database another would have refreshed (tests compare pseudonyms across them);
- the demo Wales (tests/demo_wales.py), the costliest set-up of the run: it is
  started in the background as soon as a run that needs it has collected, by the
  first worker to ask, while the workers run the tests that do not need it; a
  test that needs it waits for it.

Without xdist the same code runs with one "worker": the shared folder is then the
session's own.
"""

from __future__ import annotations

import fcntl
import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.demo_wales import PROJECT_ROOT, DemoWales

DEMO_FOLDER = "demo-wales"
BUILT = "built.json"  # written by ``python -m tests.demo_wales`` once the build succeeded
FAILED = "failed"  # written by it if the build failed
STARTED = "started"  # written by the worker that started the build
BUILD_LOG = "build.log"
BUILD_TIMEOUT_S = 600
POLL_S = 0.2


def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the run's workers share (each worker's base temp folder is a child
    of it under xdist); without xdist, the session's own base temp folder."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def locked(folder: Path, name: str) -> Iterator[None]:
    """Holds an exclusive lock named ``name`` in ``folder`` for the block (one worker
    at a time)."""
    with (folder / f"{name}.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def shared_pseudonym_key(folder: Path) -> Path:
    """The run's pseudonym key file in ``folder``, made by the first worker to ask."""
    path = folder / "pseudonym.key"
    with locked(folder, "pseudonym"):
        if not path.exists():
            path.write_text(secrets.token_hex(32), encoding="ascii")
            path.chmod(0o600)
    return path


def start_demo_wales(folder: Path, env: dict[str, str]) -> subprocess.Popen[bytes] | None:
    """Starts building the demo Wales in ``folder/demo-wales`` in the background, unless
    a worker already has; the process if this call started it."""
    demo = folder / DEMO_FOLDER
    with locked(folder, DEMO_FOLDER):
        if (demo / STARTED).exists():
            return None
        demo.mkdir(exist_ok=True)
        (demo / STARTED).write_text(str(os.getpid()), encoding="ascii")
        with (demo / BUILD_LOG).open("wb") as log:
            return subprocess.Popen(
                [sys.executable, "-m", "tests.demo_wales", str(demo)],
                cwd=PROJECT_ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )


def wait_for_demo_wales(folder: Path, env: dict[str, str]) -> DemoWales:
    """The demo Wales built in ``folder/demo-wales``: waits for the build in progress
    (starting it if no worker has); fails with the build's output if it failed."""
    demo = folder / DEMO_FOLDER
    start_demo_wales(folder, env)
    deadline = time.monotonic() + BUILD_TIMEOUT_S
    while not (demo / BUILT).exists() and not (demo / FAILED).exists():
        if time.monotonic() > deadline:
            pytest.fail(f"the demo Wales was not built in {BUILD_TIMEOUT_S} s:\n{_log(demo)}")
        time.sleep(POLL_S)
    if (demo / FAILED).exists():
        pytest.fail(f"the demo Wales build failed:\n{_log(demo)}")
    return DemoWales.from_json((demo / BUILT).read_text(encoding="utf-8"))


def _log(demo: Path) -> str:
    return (demo / BUILD_LOG).read_text(encoding="utf-8", errors="replace")


def demo_wales_wanted(session: pytest.Session) -> bool:
    """Whether a test of this run (any worker's) uses the demo Wales."""
    return any("demo_wales_build" in getattr(item, "fixturenames", ()) for item in session.items)
