"""The refresh's reliability promises, proved on real processes and real files.

- A refresh killed at any moment (kill -9) leaves the published database
  readable and either unchanged or, if the kill came after the atomic rename,
  the complete new one; the next refresh clears the stale lock and what was
  half built, and succeeds. Five chosen moments, and twenty random ones spread
  over a refresh's measured duration (seeded, so a failure can be replayed).
- Two refreshes of one database at once: the second exits with code 3 and a
  message, or with ``--wait`` queues behind the first and then publishes.

Each refresh here is ``python -m etl refresh`` on the tiny raw folder (a few
seconds a run, so that 25 kills stay within about two minutes), started as a
subprocess, as cron or an operator would start it.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from etl.lock import lock_path
from etl.refresh import PUBLISHED_TABLES, refresh

PROJECT_ROOT = Path(__file__).resolve().parents[2]
REFERENCE_DIR = PROJECT_ROOT / "data" / "reference"
TINY = PROJECT_ROOT / "tests" / "data" / "raw_tiny"
COMMAND_TIMEOUT_S = 120
# What the refresh prints when it holds the lock and starts building.
STARTED = "plcnet refresh "


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "etl", *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT_S,
        check=False,
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _row_counts(db: Path) -> dict[str, int]:
    """Every published table, counted through a read-only connection."""
    return {t: _read(db, f'SELECT count(*) FROM "{t}"')[0][0] for t in PUBLISHED_TABLES}


def _run_ids(db: Path) -> list[str]:
    return [r[0] for r in _read(db, "SELECT run_id FROM etl_runs ORDER BY started_at, run_id")]


class Refresh:
    """``python -m etl refresh`` as a live process whose output is read line by line."""

    def __init__(self, raw: Path, db: Path, *extra: str) -> None:
        command = [sys.executable, "-u", "-m", "etl", "refresh", "--raw", str(raw)]
        command += ["--db", str(db), *extra]
        self.process = subprocess.Popen(
            command,
            cwd=PROJECT_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read_stdout, daemon=True)
        self._reader.start()

    def _read_stdout(self) -> None:
        for line in self.process.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def wait_for_line(self, marker: str, timeout: float = COMMAND_TIMEOUT_S) -> str:
        """Block until a line containing ``marker`` is printed; fail if it never is."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._queue.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                pytest.fail(f"no line with {marker!r} in {timeout} s; printed: {self.lines}")
            if line is None:
                pytest.fail(
                    f"the refresh ended (exit {self.process.wait()}) before printing "
                    f"{marker!r}; printed: {self.lines}; stderr: {self.process.stderr.read()}"
                )
            self.lines.append(line)
            if marker in line:
                return line

    def run_id(self) -> str | None:
        """The run id the refresh announced, once it held the lock (else None)."""
        self._drain()
        for line in self.lines:
            if line.startswith(STARTED):
                # "plcnet refresh <run id> of <system>: <raw> -> <db>"
                return line[len(STARTED) :].split(maxsplit=1)[0]
        return None

    def _drain(self) -> None:
        while True:
            try:
                line = self._queue.get_nowait()
            except queue.Empty:
                return
            if line is None:
                return
            self.lines.append(line)

    def kill(self) -> None:
        """kill -9, as the OOM killer or a pulled plug would."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=COMMAND_TIMEOUT_S)
        self._reader.join(timeout=10)
        self._drain()

    def finish(self) -> tuple[int, str]:
        """Wait for the exit; the exit code and standard error."""
        code = self.process.wait(timeout=COMMAND_TIMEOUT_S)
        self._reader.join(timeout=10)
        self._drain()
        return code, self.process.stderr.read()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=COMMAND_TIMEOUT_S)
        self.process.stdout.close()
        self.process.stderr.close()


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """The tiny raw folder, a database published from it by the real command, and how
    long that refresh took."""
    folder = tmp_path_factory.mktemp("reliability")
    raw, db = folder / "raw", folder / "plcnet.duckdb"
    shutil.copytree(TINY, raw)
    started = time.monotonic()
    published = _run("refresh", "--raw", str(raw), "--db", str(db))
    seconds = time.monotonic() - started
    assert published.returncode == 0, published.stderr
    return raw, db, _row_counts(db), seconds


@pytest.fixture
def published(tiny, tmp_path):
    """A copy of the published tiny database, for one test to refresh and kill over."""
    raw, golden, counts, _seconds = tiny
    db = tmp_path / "plcnet.duckdb"
    shutil.copy2(golden, db)
    return raw, db, counts


def _kill_while_importing(run: Refresh, db: Path) -> None:
    time.sleep(0.5)


def _kill_while_loading(run: Refresh, db: Path) -> None:
    run.wait_for_line("  load contract files ...")


def _kill_in_network_measures(run: Refresh, db: Path) -> None:
    run.wait_for_line("  network measures ...")


def _kill_late_in_the_run(run: Refresh, db: Path) -> None:
    # About when the measures end and the run is counted, recorded and published.
    run.wait_for_line("  network measures ...")
    time.sleep(1.0)


def _kill_at_the_rename(run: Refresh, db: Path) -> None:
    """Kill as soon as the new database has been renamed over the published one."""
    run.wait_for_line("  network measures ...")
    inode = db.stat().st_ino
    deadline = time.monotonic() + COMMAND_TIMEOUT_S
    while db.stat().st_ino == inode:
        if run.process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"the refresh never published; printed: {run.lines}")
        time.sleep(0.001)


# When to kill, and which published states are then acceptable.
UNCHANGED, NEW = "unchanged", "the complete new database"
KILL_MOMENTS = {
    "while importing": (_kill_while_importing, {UNCHANGED}),
    "while loading the contract files": (_kill_while_loading, {UNCHANGED}),
    "in the network measures": (_kill_in_network_measures, {UNCHANGED}),
    "late in the run near the publish": (_kill_late_in_the_run, {UNCHANGED, NEW}),
    "right after the atomic rename": (_kill_at_the_rename, {NEW}),
}


@pytest.mark.parametrize("moment", list(KILL_MOMENTS), ids=lambda m: m.replace(" ", "-"))
def test_kill_9_leaves_the_published_database_in_service(published, moment):
    raw, db, counts = published
    when, acceptable = KILL_MOMENTS[moment]
    # Killed mid-run, the lock file must still name the killed refresh.
    holds_lock = moment in {"while loading the contract files", "in the network measures"}
    kill_and_check(raw, db, counts, when, acceptable, f"killed {moment}", holds_lock)


# Twenty kills at random moments, one in each twentieth of a refresh's measured
# duration (so that they spread over all of it), drawn from a fixed seed: the same
# moments every run, and a failure names the seed and the moment to replay it.
KILL_SEED = 20261207
RANDOM_KILLS = 20
_draw = random.Random(KILL_SEED)
RANDOM_FRACTIONS = [(i + _draw.random()) / RANDOM_KILLS for i in range(RANDOM_KILLS)]


@pytest.mark.parametrize("index", range(RANDOM_KILLS), ids=lambda i: f"random-{i:02d}")
def test_kill_9_at_a_random_moment_leaves_the_published_database_in_service(tiny, published, index):
    raw, db, counts = published
    seconds = tiny[3]
    delay = RANDOM_FRACTIONS[index] * seconds

    def wait(run: Refresh, db: Path) -> None:
        time.sleep(delay)

    label = (
        f"random kill {index} of {RANDOM_KILLS} (seed {KILL_SEED}): at {delay:.2f} s, "
        f"{RANDOM_FRACTIONS[index]:.3f} of a {seconds:.1f} s refresh"
    )
    kill_and_check(raw, db, counts, wait, {UNCHANGED, NEW}, label, holds_lock=False)


def kill_and_check(
    raw: Path,
    db: Path,
    counts: dict[str, int],
    when: Callable[[Refresh, Path], None],
    acceptable: set[str],
    label: str,
    holds_lock: bool,
) -> None:
    """kill -9 a refresh of ``db`` at ``when``; check what it left and that the next
    refresh succeeds and clears it. ``label`` names the kill in every failure."""
    before_sha, before_runs = _sha256(db), _run_ids(db)
    lock = lock_path(db)

    run = Refresh(raw, db)
    try:
        when(run, db)
        run.kill()
    finally:
        run.close()
    killed_id = run.run_id()
    state = _published_state(db, before_sha, before_runs, killed_id, label)
    assert state in acceptable, f"{label}: the published database is {state}"
    assert _row_counts(db) == counts, f"{label}: the published database ({state})"

    # A lock file still naming a holder is the dead process's; the next run must say so.
    holder = lock.read_text(encoding="utf-8").strip() if lock.exists() else ""
    if holds_lock:
        assert holder.startswith(f"pid {run.process.pid} "), (
            f"{label}: the lock file should name the killed refresh, not {holder!r}"
        )
    assert holder == "" or holder.startswith(f"pid {run.process.pid} "), f"{label}: {holder}"

    lines: list[str] = []
    result = refresh(raw, db, REFERENCE_DIR, progress=lines.append)
    assert result.status == "success", f"{label}: the next refresh {result.status}"
    cleared = [line for line in lines if "cleared a stale lock" in line]
    if holder:
        assert len(cleared) == 1 and f"pid {run.process.pid}" in cleared[0], (
            f"{label}: the next refresh should report clearing the stale lock; "
            f"it printed {lines[:3]}"
        )
    else:
        assert cleared == [], f"{label}: no lock was left, yet {cleared}"
    assert _run_ids(db)[-1] == result.run_id, label
    assert _row_counts(db) == counts, label
    assert lock.read_text(encoding="utf-8") == "", f"{label}: the finished refresh left its pid"
    _assert_nothing_half_built(db, label)


def _published_state(
    db: Path, before_sha: str, before_runs: list[str], killed_id: str | None, label: str
) -> str:
    """The published file is exactly the old one, or exactly the killed run's complete one."""
    if _sha256(db) == before_sha:
        return UNCHANGED
    assert killed_id is not None, f"{label}: the file changed before the run began"
    assert _run_ids(db) == [*before_runs, killed_id], (
        f"{label}: the published file changed but is not the killed run's complete database"
    )
    return NEW


def _assert_nothing_half_built(db: Path, label: str) -> None:
    """The next refresh removed whatever the killed one had half built or half copied."""
    beside = [p.name for p in db.parent.iterdir() if p.name.endswith((".building", ".wal"))]
    assert beside == [], f"{label}: left beside the database: {sorted(beside)}"
    archive = db.parent / "archive" / "files"
    copies = [p.name for p in archive.iterdir() if p.name.endswith(".partial")]
    assert copies == [], f"{label}: left half copied in the archive: {sorted(copies)}"


def test_second_refresh_is_refused_and_a_waiting_one_queues_behind(published):
    raw, db, counts = published
    before_runs = _run_ids(db)
    lock = lock_path(db)
    first = Refresh(raw, db)
    second = third = None
    try:
        # Hold the first one mid-run (it holds the lock) while the others start.
        first.wait_for_line(STARTED)
        first.process.send_signal(signal.SIGSTOP)
        second = Refresh(raw, db)
        third = Refresh(raw, db, "--wait", "60")

        code, stderr = second.finish()
        assert code == 3, f"second refresh: exit {code}, stderr:\n{stderr}"
        assert "another refresh" in stderr, stderr
        assert f"pid {first.process.pid}" in stderr, "the message should name the holder"
        assert "Traceback" not in stderr, stderr
        assert not any(line.startswith(STARTED) for line in second.lines), second.lines

        # The third is queued on the lock: its lock file is open and it has not begun.
        _wait_until_opened(third.process.pid, lock)
        time.sleep(0.5)
        assert third.process.poll() is None, "the refresh given --wait 60 did not wait"
        assert third.run_id() is None, f"it ran while the first held the lock: {third.lines}"

        first.process.send_signal(signal.SIGCONT)
        first_code, first_err = first.finish()
        assert first_code == 0, first_err
        third_code, third_err = third.finish()
        assert third_code == 0, third_err
    finally:
        for run in (first, second, third):
            if run is not None:
                run.close()

    assert _run_ids(db) == [*before_runs, first.run_id(), third.run_id()]
    first_finished, third_started = _read(
        db,
        f"SELECT (SELECT finished_at FROM etl_runs WHERE run_id = '{first.run_id()}'), "
        f"(SELECT started_at FROM etl_runs WHERE run_id = '{third.run_id()}')",
    )[0]
    assert third_started >= first_finished, "the waiting refresh started before the first ended"
    assert not any("cleared a stale lock" in line for line in third.lines), third.lines
    assert _row_counts(db) == counts
    log = [
        json.loads(line) for line in db.with_name(f"{db.name}.runs.jsonl").read_text().splitlines()
    ]
    assert [entry["status"] for entry in log] == ["success", "success"]


def _wait_until_opened(pid: int, path: Path, timeout: float = COMMAND_TIMEOUT_S) -> None:
    """Wait until process ``pid`` has ``path`` open (it is then trying for the lock)."""
    deadline = time.monotonic() + timeout
    target = str(path.resolve())
    while time.monotonic() < deadline:
        if _has_open(pid, target):
            return
        time.sleep(0.05)
    pytest.fail(f"process {pid} did not open {path} in {timeout} s")


def _has_open(pid: int, target: str) -> bool:
    try:
        fds = list(Path(f"/proc/{pid}/fd").iterdir())
    except FileNotFoundError:
        pytest.fail(f"process {pid} ended before opening {target}")
    for fd in fds:
        try:
            if os.readlink(fd) == target:
                return True
        except FileNotFoundError:  # closed meanwhile
            continue
    return False
