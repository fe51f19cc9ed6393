"""The archive keeps each input as read, whatever happens to it later (issue 10, class 8).

A hard link shared the input's bytes: editing the input in place changed the
archived file under its checksum name. Each archived file is now a read-only copy,
checked against its name; a damaged or hard-linked one is written again; and a
file written to while the refresh reads it is refused, not archived as something
it was not. Every case runs ``python -m etl refresh`` on files the test writes.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.etl.cli_run import (
    PROJECT_ROOT,
    REFERENCE_DIR,
    TIMEOUT_S,
    run_refresh,
    sha256,
    tiny_raw,
)

EDITED = "plc_activities.csv"


def _append(path: Path) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write("A99,P1,2017-01-09,plan,4\n")


def _truncate(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def _rewrite_same_size(path: Path) -> None:
    """Overwrite the bytes in place, same length, same inode (as an editor's save may)."""
    data = path.read_bytes()
    with path.open("r+b") as handle:
        handle.write(data.replace(b"P1", b"P2"))


def _empty(path: Path) -> None:
    with path.open("wb"):
        pass


EDITS: dict[str, Callable[[Path], None]] = {
    "append a line": _append,
    "truncate to half": _truncate,
    "rewrite in place": _rewrite_same_size,
    "empty it": _empty,
}


def _manifest(archive: Path, run_id: str) -> list[dict[str, object]]:
    return json.loads((archive / "runs" / f"{run_id}.json").read_text(encoding="utf-8"))["files"]


def _last_run(db: Path) -> dict[str, object]:
    lines = db.with_name(f"{db.name}.runs.jsonl").read_text(encoding="utf-8").splitlines()
    return json.loads(lines[-1])


def _first_refresh(tmp_path: Path, *extra: str) -> tuple[Path, Path, Path, list[dict[str, object]]]:
    raw, db = tiny_raw(tmp_path), tmp_path / "plcnet.duckdb"
    done = run_refresh(raw, db, *extra)
    assert done.returncode == 0, done.stderr
    archive = tmp_path / "archive"
    return raw, db, archive, _manifest(archive, str(_last_run(db)["run_id"]))


def _assert_sound(archived: Path, sha: str, source: Path) -> None:
    assert archived.name.startswith(sha), archived
    assert sha256(archived) == sha, f"{archived} no longer matches its checksum name"
    assert stat.S_IMODE(archived.stat().st_mode) == 0o444, f"{archived} is not read-only"
    assert archived.stat().st_ino != source.stat().st_ino, f"{archived} shares the input's inode"
    assert archived.stat().st_nlink == 1, f"{archived} has other names"


@pytest.mark.parametrize("edit", list(EDITS), ids=lambda e: e.replace(" ", "-"))
def test_editing_an_input_after_a_refresh_leaves_its_archived_copy_intact(tmp_path, edit):
    raw, _db, archive, entries = _first_refresh(tmp_path)
    originals = {e["path"]: (Path(e["path"]).read_bytes(), e) for e in entries}
    assert any(Path(path).name == EDITED for path in originals), sorted(originals)
    for entry in entries:
        archived = archive / str(entry["archived_as"])
        _assert_sound(archived, str(entry["sha256"]), Path(str(entry["path"])))

    edited = raw / EDITED
    EDITS[edit](edited)
    assert sha256(edited) != originals[str(edited)][1]["sha256"], "the edit changed nothing"

    for path, (data, entry) in originals.items():
        archived = archive / str(entry["archived_as"])
        _assert_sound(archived, str(entry["sha256"]), Path(path))
        assert archived.read_bytes() == data, f"{archived}: not the bytes the refresh read"


def _spoil_by_writing(archived: Path, source: Path) -> None:
    archived.chmod(0o644)
    with archived.open("ab") as handle:
        handle.write(b"spoilt\n")


def _spoil_by_truncating(archived: Path, source: Path) -> None:
    archived.chmod(0o644)
    with archived.open("r+b") as handle:
        handle.truncate(1)


def _hard_link_as_before(archived: Path, source: Path) -> None:
    """What the archive held before class 8 was fixed: the input itself, by a second name."""
    archived.unlink()
    os.link(source, archived)


SPOILS = {
    "written to": (_spoil_by_writing, "no longer matched its checksum name"),
    "truncated": (_spoil_by_truncating, "no longer matched its checksum name"),
    "a hard link to the input": (_hard_link_as_before, "was a hard link to the input"),
}


@pytest.mark.parametrize("spoil", list(SPOILS), ids=lambda s: s.replace(" ", "-"))
def test_a_damaged_archived_file_is_written_again_and_the_refresh_says_so(tmp_path, spoil):
    raw, db, archive, entries = _first_refresh(tmp_path)
    entry = next(e for e in entries if Path(str(e["path"])).name == EDITED)
    archived, source = archive / str(entry["archived_as"]), Path(str(entry["path"]))
    damage, said = SPOILS[spoil]
    damage(archived, source)

    again = run_refresh(raw, db)
    assert again.returncode == 0, again.stderr
    replaced = [line for line in again.stdout.splitlines() if "replacing the archived" in line]
    assert len(replaced) == 1, f"only the spoilt file is written again:\n{again.stdout}"
    assert archived.name in replaced[0] and said in replaced[0], replaced
    _assert_sound(archived, str(entry["sha256"]), source)
    assert archived.read_bytes() == source.read_bytes()
    assert not list(archive.rglob("*.partial")), "a partial copy was left in the archive"


def _start_refresh(raw: Path, db: Path, reference: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-u", "-m", "etl", "refresh", "--raw", str(raw), "--db", str(db)]
    return subprocess.Popen(
        [*command, "--reference", str(reference)],
        cwd=db.parent,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_until_started(run: subprocess.Popen[str]) -> list[str]:
    """Lines printed up to the one announcing the run (it has then noted its inputs)."""
    lines = []
    for line in run.stdout:
        lines.append(line)
        if line.startswith("plcnet refresh "):
            return lines
    pytest.fail(f"the refresh ended before it began: {lines}; {run.stderr.read()}")


def _append_a_blank_line(path: Path) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n")


# (the folder, the file, the edit made while the refresh runs)
DURING = {
    "contract file appended": ("raw", EDITED, _append),
    "contract file truncated": ("raw", EDITED, _truncate),
    "contract file rewritten in place": ("raw", EDITED, _rewrite_same_size),
    "reference file appended": ("reference", "local_authorities.csv", _append_a_blank_line),
}


@pytest.mark.parametrize("case", list(DURING), ids=lambda c: c.replace(" ", "-"))
def test_a_file_written_to_during_the_refresh_is_refused_not_archived(tmp_path, case):
    reference = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, reference)
    raw, db, archive, _entries = _first_refresh(tmp_path, "--reference", str(reference))
    published = sha256(db)
    archived_before = sorted(p.name for p in (archive / "files").iterdir())
    folder, name, edit = DURING[case]
    edited = tmp_path / folder / name

    run = _start_refresh(raw, db, reference)
    try:
        _wait_until_started(run)
        edit(edited)
        _out, stderr = run.communicate(timeout=TIMEOUT_S)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()

    assert run.returncode == 2, f"exit {run.returncode}; stderr:\n{stderr}"
    assert "Traceback" not in stderr, stderr
    assert f"{edited} changed while the refresh was reading it" in stderr, stderr
    assert "run the refresh again" in stderr and "was not changed" in stderr, stderr
    assert sha256(db) == published, "the published database changed"
    failed = _last_run(db)
    assert failed["status"] == "failed" and "changed while" in str(failed["message"])
    assert not (archive / "runs" / f"{failed['run_id']}.json").exists(), "a manifest was kept"
    assert sorted(p.name for p in (archive / "files").iterdir()) == archived_before
