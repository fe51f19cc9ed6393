"""The England-sized synthetic system (``etl.demo.synthetic.ENGLAND``), kept under its
old name for the callers that ask for England by name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from etl.demo.synthetic import ADDRESS_LIST_COLUMNS, ENGLAND, generate_synthetic

__all__ = ["ADDRESS_LIST_COLUMNS", "generate_england"]


def generate_england(
    out_dir: Path,
    seed: int = 2015,
    progress: Callable[[str], None] = print,
    n_schools: int = ENGLAND.n_schools,
    n_plcs: int | None = None,
) -> dict[str, int]:
    """:func:`etl.demo.synthetic.generate_synthetic` of England; by default at its real
    density (``ENGLAND.plcs_per_school`` PLCs per school)."""
    return generate_synthetic(out_dir, ENGLAND, seed, progress, n_schools, n_plcs)
