"""The refresh's reliability promises, proved on real processes and real files.

- A refresh killed at any moment (kill -9) leaves the published database
  readable and either unchanged or, if the kill came after the atomic rename,
  the complete new one; the next refresh clears the stale lock and succeeds.
- Two refreshes of one database at once: the second exits with code 3 and a
  message, or with ``--wait`` queues behind the first and then publishes.

Each refresh here is ``python -m etl refresh`` on the demo Wales, started as a
subprocess, as cron or an operator would start it.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from etl.lock import lock_path
from etl.refresh import PUBLISHED_TABLES, refresh

PROJECT_ROOT = Path(__file__).resolve().parents[2]
REFERENCE_DIR = PROJECT_ROOT / "data" / "reference"
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
                return line[len(STARTED) :].split(":", 1)[0]
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
def demo(tmp_path_factory):
    """The demo Wales and a database published from it, both by the real commands."""
    folder = tmp_path_factory.mktemp("reliability")
    raw, db = folder / "raw", folder / "plcnet.duckdb"
    made = _run("demo", "--out", str(raw))
    assert made.returncode == 0, made.stderr
    published = _run("refresh", "--raw", str(raw), "--db", str(db))
    assert published.returncode == 0, published.stderr
    return raw, db, _row_counts(db)


@pytest.fixture
def published(demo, tmp_path):
    """A copy of the published demo database, for one test to refresh and kill over."""
    raw, golden, counts = demo
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
    before_sha, before_runs = _sha256(db), _run_ids(db)
    lock = lock_path(db)

    run = Refresh(raw, db)
    try:
        when(run, db)
        run.kill()
    finally:
        run.close()
    killed_id = run.run_id()

    # The published file is exactly the old one, or exactly the new complete one.
    if _sha256(db) == before_sha:
        state = UNCHANGED
    else:
        state = NEW
        assert killed_id is not None, f"killed {moment}: the file changed before the run began"
        assert _run_ids(db) == [*before_runs, killed_id], (
            f"killed {moment}: the published file changed but is not the killed run's "
            "complete database"
        )
    assert state in acceptable, f"killed {moment}: the published database is {state}"
    assert _row_counts(db) == counts, f"killed {moment}: the published database ({state})"
    assert (
        _read(db, "SELECT count(*) FROM net_school_metrics")[0][0] == counts["net_school_metrics"]
    )

    # A lock file still naming a holder is the dead process's; the next run must say so.
    holder = lock.read_text(encoding="utf-8").strip() if lock.exists() else ""
    if moment in {"while loading the contract files", "in the network measures"}:
        assert holder.startswith(f"pid {run.process.pid} "), (
            f"killed {moment}: the lock file should name the killed refresh, not {holder!r}"
        )
    assert holder == "" or holder.startswith(f"pid {run.process.pid} "), holder

    lines: list[str] = []
    result = refresh(raw, db, REFERENCE_DIR, progress=lines.append)
    assert result.status == "success"
    cleared = [line for line in lines if "cleared a stale lock" in line]
    if holder:
        assert len(cleared) == 1 and f"pid {run.process.pid}" in cleared[0], (
            f"killed {moment}: the next refresh should report clearing the stale lock; "
            f"it printed {lines[:3]}"
        )
    else:
        assert cleared == [], f"killed {moment}: no lock was left, yet {cleared}"
    assert _run_ids(db)[-1] == result.run_id
    assert _row_counts(db) == counts
    assert lock.read_text(encoding="utf-8") == "", "the finished refresh left its pid"

    # The next refresh removed whatever the killed one had half built.
    leftovers = sorted(
        p.name for p in db.parent.iterdir() if p.name.endswith((".building", ".wal"))
    )
    assert leftovers == [], f"killed {moment}: left beside the database: {leftovers}"


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
