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

__all__ = ["archive_dir_for", "archive_inputs"]


def archive_dir_for(db_path: Path) -> Path:
    """The default archive: ``archive/`` beside the published database."""
    return db_path.parent / "archive"


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
    store = archive_dir / "files"
    store.mkdir(parents=True, exist_ok=True)
    entries = []
    for item in files:
        source = Path(item.path)
        target = store / f"{item.sha256}{source.suffix.lower()}"
        _store(source, target)
        entries.append({**item.as_dict(), "archived_as": str(target.relative_to(archive_dir))})
    manifest = archive_dir / "runs" / f"{run_id}.json"
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(
        json.dumps({"run_id": run_id, "files": entries}, indent=2) + "\n", encoding="utf-8"
    )
    return manifest
