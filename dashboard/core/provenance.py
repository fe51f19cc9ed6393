"""Where the data shown come from: demo or real, and which refresh published them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from dashboard.core.db import Database
from dashboard.i18n import t

__all__ = ["Provenance", "describe_as_at", "load_provenance"]


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
