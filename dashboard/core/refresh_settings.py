"""The constants of the refresh that built the database served (refresh_settings).

The pages present them as facts of that database: the cap on ties drawn, the fewest
schools an impact estimate needs and, for a demo database only, the effect the demo
planted. They are read from the database, never imported from the ETL's code, so a
page describes the file it serves whatever code is installed.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.core.db import Database

__all__ = ["RefreshSettings", "load_refresh_settings"]


@dataclass(frozen=True)
class RefreshSettings:
    max_ties_drawn: int
    impact_min_schools: int
    # None for real data: nothing was planted, and no page may claim an effect.
    demo_planted_effect: float | None


def load_refresh_settings(db: Database) -> RefreshSettings:
    """The settings row by row; a database without a required one is refused."""
    found = db.query("shell__refresh_settings")
    values = dict(zip(found["setting"], found["value"], strict=True))
    planted = values.get("demo_planted_effect")
    return RefreshSettings(
        max_ties_drawn=int(_required(values, "max_ties_drawn")),
        impact_min_schools=int(_required(values, "impact_min_schools")),
        demo_planted_effect=None if planted is None else float(planted),
    )


def _required(values: dict[str, float], name: str) -> float:
    if name not in values:
        raise LookupError(f"refresh_settings has no {name}: run a refresh to rebuild the database")
    return values[name]
