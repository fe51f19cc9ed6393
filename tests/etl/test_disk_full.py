"""A full disk stops the refresh: a plain message, exit code 4, nothing lost (issue 10, class 9).

The published database sits on a small tmpfs the test mounts (the test machine
and CI run as root), beside a filler file that leaves a chosen few bytes free;
``python -m etl refresh`` then runs as the data team runs it. It must name the
full disk, leave the published file exactly as it was, leave no partial file,
and record the failed run in the run log or, when even that cannot be written,
say so on standard error. Once space is freed, the next refresh succeeds.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from etl.cli import EXIT_DISK_FULL
from tests.etl.cli_run import run_refresh, sha256, tiny_raw

PAGE = 4096
DISK = "64m"  # the tiny database is about 9 MB, its build needs about twice that, the archive 2 MB
FULL = re.compile(
    r"Refresh failed: the disk holding (?P<path>\S+) is full \((?P<free>[\d,]+) bytes free\); "
    r"free space and run again\.\nThe published database was not changed\."
)
NOT_RECORDED = re.compile(r"The run could not be recorded in (\S+) \((.*)\); its record: (\{.*\})")


@pytest.fixture(scope="module", autouse=True)
def as_root() -> None:
    assert os.geteuid() == 0, (
        "the disk-full tests mount a tmpfs and so must run as root (the test machine and "
        "CI do); run them as root, e.g. in the project's container"
    )


@contextlib.contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted on ``folder`` for the block; unmounted after."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def fill(folder: Path, leave: int) -> Path:
    """Fill the disk of ``folder`` with a filler file, leaving about ``leave`` bytes free."""
    filler = folder / "filler"
    block = b"\0" * (1 << 20)
    with filler.open("wb") as handle:
        while True:
            try:
                handle.write(block)
                handle.flush()
            except OSError as error:
                assert error.errno == errno.ENOSPC, error
                break
    # Whatever of the last block did not fit: the file now ends at a page boundary.
    size = filler.stat().st_size // PAGE * PAGE
    os.truncate(filler, max(size - leave, 0))
    assert abs(os.statvfs(folder).f_bavail * PAGE - leave) <= PAGE, os.statvfs(folder)
    return filler


def _run_log(db: Path) -> list[dict[str, object]]:
    log = db.with_name(f"{db.name}.runs.jsonl")
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return [json.loads(line) for line in lines]  # every line whole: none cut by the full disk


def _leftovers(folder: Path) -> list[str]:
    partial = (".building", ".wal", ".tmp", ".partial")
    return sorted(str(p) for p in folder.rglob("*") if any(s in p.name for s in partial))


def _assert_failure_recorded(stderr: str, before: list[dict[str, object]], db: Path) -> None:
    """The failed run is the run log's new last line, or stderr says it could not be."""
    after = _run_log(db)
    if len(after) == len(before) + 1:
        assert after[-1]["status"] == "failed", after[-1]
        assert "is full" in str(after[-1]["message"]), after[-1]
        assert "traceback" not in after[-1], "a foreseen failure needs no traceback"
        return
    assert after == before, "the run log changed, yet not by one whole line"
    unrecorded = NOT_RECORDED.search(stderr)
    assert unrecorded, f"the failed run is neither in the run log nor on stderr:\n{stderr}"
    assert unrecorded.group(1) == str(db.with_name(f"{db.name}.runs.jsonl"))
    record = json.loads(unrecorded.group(3))
    assert record["status"] == "failed" and "is full" in record["message"], record


# Free bytes to leave on the database's disk: none at all (and no room for the run
# log either), a few pages (the lock file and run log fit, the build does not), and
# enough to start the build but not to finish it.
FREE = {"nothing": 0, "a few KB": 4 * PAGE, "part of a build": 3 << 20}


@pytest.mark.parametrize("free", list(FREE), ids=lambda f: f.replace(" ", "-"))
def test_a_full_database_disk_is_named_and_the_published_database_kept(tmp_path, free):
    raw = tiny_raw(tmp_path)
    with tmpfs(tmp_path / "disk", DISK) as disk:
        db = disk / "plcnet.duckdb"
        first = run_refresh(raw, db)
        assert first.returncode == 0, first.stderr
        published = sha256(db)
        if free == "nothing":  # a run log with no room left in its last page
            db.with_name(f"{db.name}.runs.jsonl").unlink()
        before = _run_log(db)
        filler = fill(disk, FREE[free])

        failed = run_refresh(raw, db)
        assert failed.returncode == EXIT_DISK_FULL, f"exit {failed.returncode}:\n{failed.stderr}"
        assert "Traceback" not in failed.stderr, failed.stderr
        said = FULL.search(failed.stderr)
        assert said, failed.stderr
        assert Path(said["path"]) in (disk, disk / "archive" / "files"), said["path"]
        assert int(said["free"].replace(",", "")) <= FREE[free] + 2 * PAGE, said["free"]
        assert sha256(db) == published, "the published database changed"
        assert _leftovers(disk) == [], "the failed refresh left a partial file"
        _assert_failure_recorded(failed.stderr, before, db)
        if free == "nothing":
            assert NOT_RECORDED.search(failed.stderr), failed.stderr

        filler.unlink()
        again = run_refresh(raw, db)
        assert again.returncode == 0, again.stderr
        assert sha256(db) != published, "the next refresh did not publish"
        assert _leftovers(disk) == []
        assert _run_log(db)[-1]["status"] == "success"


def test_a_full_archive_disk_is_named_and_nothing_is_published(tmp_path):
    raw, db = tiny_raw(tmp_path), tmp_path / "plcnet.duckdb"
    first = run_refresh(raw, db)
    assert first.returncode == 0, first.stderr
    published, before = sha256(db), _run_log(db)

    # The archive's own disk, too small for the 2 MB of reference files it must copy.
    with tmpfs(tmp_path / "small-archive", "1m") as archive:
        failed = run_refresh(raw, db, "--archive", str(archive))
        assert failed.returncode == EXIT_DISK_FULL, f"exit {failed.returncode}:\n{failed.stderr}"
        said = FULL.search(failed.stderr)
        assert said and Path(said["path"]) == archive / "files", failed.stderr
        assert sha256(db) == published, "published although its inputs were not archived"
        assert _leftovers(archive) == [] and _leftovers(db.parent) == []
        assert not list((archive / "runs").glob("*.json")), "a manifest of a failed run was kept"
        _assert_failure_recorded(failed.stderr, before, db)

        subprocess.run(["mount", "-o", "remount,size=16m", str(archive)], check=True)
        again = run_refresh(raw, db, "--archive", str(archive))
        assert again.returncode == 0, again.stderr
        assert _leftovers(archive) == []
        assert len(list((archive / "runs").glob("*.json"))) == 1
