"""The Wales demo: PLCs over the real schools of Wales, 2015/16 to 2019/20."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import pandas as pd

from etl.demo.system import generate_system

__all__ = ["PLCS_PER_SCHOOL", "generate_wales"]

# About 2,000 PLCs over Wales's 1,500 schools.
PLCS_PER_SCHOOL = 4 / 3


class ReferenceLike(Protocol):
    """What the demo reads of ``etl.sources.reference.Reference``."""

    local_authorities: pd.DataFrame
    schools: pd.DataFrame
    categories: pd.DataFrame


def generate_wales(
    reference: ReferenceLike,
    out_dir: Path,
    seed: int = 2015,
    progress: Callable[[str], None] = print,
    n_plcs: int | None = None,
) -> dict[str, int]:
    """Write the Wales demo: the five contract CSVs and demo_truth.json in ``out_dir``.

    Parameters
    ----------
    reference
        The reference data (local authorities, schools, published categories);
        anything with those three DataFrames will do.
    out_dir
        Folder to write to (made if missing; the demo's files are overwritten).
    seed
        Same seed, byte-identical files.
    progress
        Called with a line of text at each step.
    n_plcs
        How many PLCs; by default ``PLCS_PER_SCHOOL`` per school (about 2,000).

    Returns
    -------
    dict
        Rows written per CSV file name.

    Examples
    --------
    >>> import tempfile
    >>> from etl.config import default_reference_dir
    >>> from etl.sources.reference import read_reference
    >>> reference = read_reference(default_reference_dir())
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     rows = generate_wales(reference, Path(folder), progress=lambda line: None)
    >>> rows["plcs.csv"], rows["plc_memberships.csv"], rows["plc_activities.csv"]
    (1997, 20421, 27445)
    """
    if n_plcs is None:
        n_plcs = round(PLCS_PER_SCHOOL * len(reference.schools))
    return generate_system(
        reference.local_authorities,
        reference.schools,
        reference.categories,
        Path(out_dir),
        seed=seed,
        n_plcs=n_plcs,
        scale="wales",
        progress=progress,
    )
