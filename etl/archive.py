"""Archive every input file a successful refresh read, by checksum.

Inputs are never modified or moved (the next refresh rebuilds from them); the
archive keeps a copy of each distinct file once, named by its SHA-256, and one
manifest per run saying which files it read. A nightly refresh of unchanged
files therefore adds only a small manifest.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from etl.sources.reference import InputFile

__all__ = ["archive_dir_for", "archive_inputs", "archived_name", "manifest_name"]


def archive_dir_for(db_path: Path) -> Path:
    """The default archive: ``archive/`` beside the published database."""
    return db_path.parent / "archive"


def archived_name(path: str | Path, sha256: str) -> str:
    """Where a file read is kept, relative to the archive: ``files/<sha256><suffix>``."""
    return f"files/{sha256}{Path(path).suffix.lower()}"


def manifest_name(run_id: str) -> str:
    """A run's manifest, relative to the archive: ``runs/<run_id>.json``."""
    return f"runs/{run_id}.json"


def _store(source: Path, target: Path) -> None:
    if target.exists():
        return
    partial = target.with_name(target.name + ".partial")
    try:
        os.link(source, partial)  # no copy where the archive shares the file system
    except OSError:
        shutil.copy2(source, partial)
    os.replace(partial, target)


def archive_inputs(files: list[InputFile], archive_dir: Path, run_id: str) -> Path:
    """Store each file once under ``files/<sha256><suffix>``; write the run's manifest."""
    (archive_dir / "files").mkdir(parents=True, exist_ok=True)
    entries = []
    for item in files:
        name = archived_name(item.path, item.sha256)
        _store(Path(item.path), archive_dir / name)
        entries.append({**item.as_dict(), "archived_as": name})
    manifest = archive_dir / manifest_name(run_id)
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(
        json.dumps({"run_id": run_id, "files": entries}, indent=2) + "\n", encoding="utf-8"
    )
    return manifest
