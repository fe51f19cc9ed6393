"""Where the data shown come from: demo or real, and which refresh published them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from dashboard.core.db import Database
from dashboard.i18n import t

__all__ = [
    "ExportNote",
    "Provenance",
    "describe_as_at",
    "describe_export",
    "list_csv_provenance",
    "load_provenance",
]


@dataclass(frozen=True)
class Provenance:
    is_demo: bool
    run_id: str | None
    finished_at: datetime | None


def load_provenance(db: Database) -> Provenance:
    """Read the demo flag and the latest successful refresh."""
    row = db.query("shell__provenance").iloc[0]
    finished_at = row["finished_at"]
    return Provenance(
        is_demo=bool(row["is_demo"]),
        run_id=None if pd.isna(row["run_id"]) else str(row["run_id"]),
        finished_at=None if pd.isna(finished_at) else pd.Timestamp(finished_at).to_pydatetime(),
    )


def describe_as_at(provenance: Provenance, lang: str) -> str:
    """ "Data as at 1 September 2019 10:16 · refresh <run_id>", or that none has succeeded."""
    if provenance.run_id is None or provenance.finished_at is None:
        return t("shell.as_at_unknown", lang)
    when = provenance.finished_at
    # One message holds the twelve month names, so that every key stays literal.
    month = t("shell.months", lang).split()[when.month - 1]
    return t(
        "shell.as_at",
        lang,
        date=f"{when.day} {month} {when.year} {when:%H:%M}",
        run_id=provenance.run_id,
    )


@dataclass(frozen=True)
class ExportNote:
    """What every export (a CSV, a chart's image) says of where it came from, in one
    language: which refresh, the source, and the caveat of demonstration data (None for
    real data)."""

    as_at: str
    source: str
    caveat: str | None


def describe_export(provenance: Provenance, lang: str) -> ExportNote:
    """The words every export carries about the data it holds."""
    caveat = None
    if provenance.is_demo:
        caveat = f"{t('shell.demo_label', lang)} {t('shell.demo_notice', lang)}"
    return ExportNote(describe_as_at(provenance, lang), t("export.source", lang), caveat)


def list_csv_provenance(
    note: ExportNote, lang: str, *, title: str, file_name: str, url: str, where: str | None
) -> list[str]:
    """The lines above a CSV's header (core.downloads.add_comment_block): what it is, the
    view it came from, which refresh, the source, the caveat, the symbols and how to
    read the file."""
    lines = [title, t("export.file", lang, name=file_name), t("export.view", lang, url=url)]
    if where is not None:
        lines.append(where)
    lines += [note.as_at, note.source]
    if note.caveat is not None:
        lines.append(note.caveat)
    return [*lines, t("export.symbols", lang), t("export.read_with", lang)]
