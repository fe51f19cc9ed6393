"""Archive every input file a successful refresh read, by checksum.

Inputs are never modified or moved (the next refresh rebuilds from them); the
archive keeps a copy of each distinct file once, named by its SHA-256, and one
manifest per run saying which files it read. A nightly refresh of unchanged
files therefore adds only a small manifest.

The archived file is a copy (a reflink where the file system offers one), never
a hard link: a hard link shares the input's bytes, so editing the input in place
would change the archived file under its checksum name. Each copy is read-only
and checked against its name after it is written.

A file's checksum is taken just after the refresh has read it, not while it
reads it, so a file written to during the refresh could be loaded as one version
and recorded as another. The refresh therefore notes every file's size and
modification time when it starts (``snapshot_inputs``) and refuses to archive,
or publish, a file that has changed since.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from etl.sources.common import InputError
from etl.sources.reference import InputFile, file_sha256

__all__ = [
    "ArchiveError",
    "FileChangedError",
    "Snapshot",
    "archive_dir_for",
    "archive_inputs",
    "archived_name",
    "check_inputs_unchanged",
    "manifest_name",
    "snapshot_inputs",
]

# What a file looked like when the refresh began: path -> (size, mtime_ns, inode).
Snapshot = dict[str, tuple[int, int, int]]
READ_ONLY = 0o444
# copy_file_range is not offered here (another file system, an old kernel): copy by hand.
_NO_COPY_FILE_RANGE = {errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EPERM}


class FileChangedError(InputError):
    """An input file was written to while the refresh was reading it."""


class ArchiveError(Exception):
    """An archived copy does not match its checksum although its input did not change."""


def archive_dir_for(db_path: Path) -> Path:
    """The default archive: ``archive/`` beside the published database."""
    return db_path.parent / "archive"


def archived_name(path: str | Path, sha256: str) -> str:
    """Where a file read is kept, relative to the archive: ``files/<sha256><suffix>``."""
    return f"files/{sha256}{Path(path).suffix.lower()}"


def manifest_name(run_id: str) -> str:
    """A run's manifest, relative to the archive: ``runs/<run_id>.json``."""
    return f"runs/{run_id}.json"


def _key(path: Path) -> str:
    # One spelling of a path however it was found (relative, absolute, by a symlink).
    return str(path.resolve())


def _signature(path: Path) -> tuple[int, int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


def snapshot_inputs(folders: Iterable[Path]) -> Snapshot:
    """Size, modification time and inode of every file under ``folders``, before reading."""
    snapshot: Snapshot = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            try:
                if path.is_file():
                    snapshot[_key(path)] = _signature(path)
            except FileNotFoundError:  # removed while we looked: it will not be read either
                continue
    return snapshot


def _check_unchanged(source: Path, snapshot: Snapshot) -> None:
    before = snapshot.get(_key(source))
    now = _signature(source) if source.exists() else None
    if before is not None and now != before:
        raise FileChangedError(
            f"{source} changed while the refresh was reading it (it was written to, "
            "replaced or removed after the refresh began), so what was loaded cannot be "
            "archived as read. Wait until the file has been saved completely, then run "
            "the refresh again."
        )


def check_inputs_unchanged(files: Iterable[InputFile], snapshot: Snapshot) -> None:
    """Raise FileChangedError if a file read differs from how it was when the run began."""
    for item in files:
        _check_unchanged(Path(item.path), snapshot)


def _copy(source: Path, target: Path) -> None:
    """Copy bytes; ``copy_file_range`` lets the file system share blocks (a reflink)."""
    with source.open("rb") as src, target.open("xb") as dst:
        try:
            while os.copy_file_range(src.fileno(), dst.fileno(), 1 << 30):
                pass
        except OSError as error:
            if error.errno not in _NO_COPY_FILE_RANGE:
                raise
            src.seek(0)
            dst.seek(0)
            dst.truncate()
            shutil.copyfileobj(src, dst, 1 << 20)
        dst.flush()
        os.fsync(dst.fileno())


def _matches(path: Path, sha256: str) -> bool:
    return file_sha256(path) == sha256


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _reason_to_replace(source: Path, target: Path, sha256: str) -> str | None:
    """Why an archived file must be written again, or None when it is sound."""
    if _same_file(source, target):
        return "it was a hard link to the input, which could change it"
    if not _matches(target, sha256):
        return "its content no longer matched its checksum name"
    return None


def _store(
    item: InputFile, target: Path, snapshot: Snapshot, progress: Callable[[str], None]
) -> None:
    source = Path(item.path)
    _check_unchanged(source, snapshot)
    if target.exists():
        reason = _reason_to_replace(source, target, item.sha256)
        if reason is None:
            if stat.S_IMODE(target.stat().st_mode) != READ_ONLY:  # archived before 0o444
                target.chmod(READ_ONLY)
            return
        progress(f"    replacing the archived {target.name}: {reason}")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        try:
            _copy(source, partial)
        except OSError as error:
            if error.errno not in (errno.ENOSPC, errno.EDQUOT):
                raise
            # Name the file being written, so that the message names the full disk.
            raise OSError(error.errno, error.strerror, str(partial)) from error
        _check_unchanged(source, snapshot)
        if not _matches(partial, item.sha256):
            _copy_mismatch(source, partial, item.sha256)
        partial.chmod(READ_ONLY)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _copy_mismatch(source: Path, partial: Path, sha256: str) -> None:
    if not _matches(source, sha256):
        raise FileChangedError(
            f"{source} changed while the refresh was reading it (its checksum is no longer "
            f"{sha256}), so what was loaded cannot be archived as read. Wait until the file "
            "has been saved completely, then run the refresh again."
        )
    raise ArchiveError(
        f"the archived copy of {source} ({partial}) does not match its checksum {sha256} "
        "although the file itself does: the archive's disk may be failing. The copy was "
        "removed; check the disk and run the refresh again."
    )


def archive_inputs(
    files: list[InputFile],
    archive_dir: Path,
    run_id: str,
    snapshot: Snapshot | None = None,
    progress: Callable[[str], None] = print,
) -> Path:
    """Store a checked, read-only copy of each file once; write the run's manifest.

    Raises FileChangedError when a file differs from ``snapshot`` (taken as the
    run began) or from its checksum, ArchiveError when a copy is not what was written.
    """
    (archive_dir / "files").mkdir(parents=True, exist_ok=True)
    entries = []
    for item in files:
        name = archived_name(item.path, item.sha256)
        _store(item, archive_dir / name, snapshot or {}, progress)
        entries.append({**item.as_dict(), "archived_as": name})
    manifest = archive_dir / manifest_name(run_id)
    manifest.parent.mkdir(parents=True, exist_ok=True)
    partial = manifest.with_name(manifest.name + ".partial")
    try:
        partial.write_text(
            json.dumps({"run_id": run_id, "files": entries}, indent=2) + "\n", encoding="utf-8"
        )
        os.replace(partial, manifest)
    finally:  # a full disk leaves no half-written manifest
        partial.unlink(missing_ok=True)
    return manifest
