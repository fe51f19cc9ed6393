"""Collaboration and improvement: a panel analysis of attainment change against exposure.

Each school's yearly change in attainment is regressed on its exposure to
collaboration that year (``net_school_exposure``) with school and year fixed
effects, by the estimators of :mod:`etl.impact.estimators`. This module says what
is fitted: the panel, the models (exposures, sectors), the bands of exposure, and
the two tables the results fill. The results are associations, not effects: see
docs/measures.md for what they do and do not show.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from etl.impact.estimators import LEVEL, MIN_SCHOOLS, estimate_mean, estimate_within

__all__ = [
    "BIN_BANDS",
    "IMPACT_TABLES",
    "MIN_SCHOOLS",
    "MODELS",
    "Model",
    "compute_bins",
    "compute_impact",
    "describe_method",
    "estimate_models",
    "fetch_panel",
    "sector_models",
]

# The published tables compute_impact fills, in the order it fills them.
IMPACT_TABLES = ("impact_estimates", "impact_bins")
OUTCOME = "attainment_change"


@dataclass(frozen=True)
class Model:
    """One regression: ``exposure`` on the outcome, in all schools or one sector."""

    name: str
    exposure: str
    sector: str | None = None
    school_effects: bool = True

    @property
    def subgroup(self) -> str:
        return "all" if self.sector is None else f"sector = {self.sector}"


# The main model's exposure is the demo's planted one (docs/demo.md): deep
# cross-school PLCs. The others show how the association depends on it.
MODELS = (
    Model("main", "deep_cross_plcs"),
    Model("deep_cross_ties", "deep_cross_ties"),
    Model("green_ties", "green_ties"),
    Model("any_cross_plcs", "any_cross_plcs"),
    Model("year_effects_only", "deep_cross_plcs", school_effects=False),
)
# Each exposure's bands for impact_bins: the lowest value of each band; the last is open.
BIN_BANDS: dict[str, tuple[int, ...]] = {
    "deep_cross_plcs": (0, 1, 2, 3, 4, 5),
    "any_cross_plcs": (0, 1, 2, 3, 4, 5),
    "green_ties": (0, 1, 3, 6, 11),
}

ESTIMATES_SCHEMA = pa.schema(
    [
        ("model", pa.string()),
        ("outcome", pa.string()),
        ("exposure", pa.string()),
        ("subgroup", pa.string()),
        ("estimate", pa.float64()),
        ("std_error", pa.float64()),
        ("ci_low", pa.float64()),
        ("ci_high", pa.float64()),
        ("p_value", pa.float64()),
        ("n_schools", pa.int32()),
        ("n_observations", pa.int32()),
        ("n_years", pa.int32()),
        ("method", pa.string()),
    ]
)
BINS_SCHEMA = pa.schema(
    [
        ("exposure", pa.string()),
        ("band", pa.string()),
        ("band_order", pa.int32()),
        ("band_low", pa.int32()),
        ("band_high", pa.int32()),
        ("year", pa.string()),
        ("n_schools", pa.int32()),
        ("n_observations", pa.int32()),
        ("mean_improvement", pa.float64()),
        ("ci_low", pa.float64()),
        ("ci_high", pa.float64()),
    ]
)


def fetch_panel(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """School-years with an attainment change, their exposures and the school's sector."""
    return con.execute(
        "SELECT e.school_id, e.year, s.sector, e.attainment_change, e.deep_cross_plcs, "
        "e.deep_cross_ties, e.green_ties, e.any_cross_plcs "
        "FROM net_school_exposure AS e INNER JOIN schools AS s ON s.school_id = e.school_id "
        "WHERE e.attainment_change IS NOT NULL ORDER BY e.school_id, e.year"
    ).df()


def estimate_models(panel: pd.DataFrame, models: Iterable[Model]) -> list[dict[str, object]]:
    """One impact_estimates row per model that can be estimated on ``panel``."""
    rows = []
    for model in models:
        part = panel if model.sector is None else panel[panel["sector"] == model.sector]
        result = estimate_within(
            part[OUTCOME].to_numpy(),
            part[model.exposure].to_numpy(),
            part["school_id"].to_numpy(),
            part["year"].to_numpy(),
            school_effects=model.school_effects,
        )
        if result is not None:
            rows.append(
                {
                    "model": model.name,
                    "outcome": OUTCOME,
                    "exposure": model.exposure,
                    "subgroup": model.subgroup,
                    **vars(result),
                    "method": describe_method(model),
                }
            )
    return rows


def describe_method(model: Model) -> str:
    """The estimator of ``model`` in words, stored beside its estimate."""
    effects = (
        "school and year fixed effects (two-way within estimator: demeaned within "
        "school, year dummies); schools seen in one year only left out"
        if model.school_effects
        else "year fixed effects only (pooled OLS with year dummies, no school effects)"
    )
    return (
        f"OLS of {OUTCOME} on {model.exposure} with {effects}; standard errors clustered "
        f"by school (factor G/(G-1)*(N-1)/(N-K)); {LEVEL:.0%} CI and p-value from t with "
        "G-1 degrees of freedom (G schools)"
    )


def sector_models(panel: pd.DataFrame) -> list[Model]:
    """The main model within each sector that has at least :data:`MIN_SCHOOLS` schools."""
    schools = panel.groupby("sector")["school_id"].nunique()
    return [
        Model(f"sector_{sector}", "deep_cross_plcs", sector=sector)
        for sector, n in sorted(schools.items())
        if n >= MIN_SCHOOLS
    ]


def compute_bins(panel: pd.DataFrame) -> list[dict[str, object]]:
    """impact_bins rows: mean attainment change per band of each exposure, per year and all."""
    years = sorted(panel["year"].unique())
    rows = []
    for exposure, lows in BIN_BANDS.items():
        band = np.searchsorted(np.asarray(lows), panel[exposure].to_numpy(), side="right") - 1
        for order, low in enumerate(lows):
            high = lows[order + 1] - 1 if order + 1 < len(lows) else None
            in_band = panel[band == order]
            for year in ["all", *years]:
                part = in_band if year == "all" else in_band[in_band["year"] == year]
                if part.empty:
                    continue
                mean, ci_low, ci_high = estimate_mean(
                    part[OUTCOME].to_numpy(), part["school_id"].to_numpy()
                )
                rows.append(
                    {
                        "exposure": exposure,
                        "band": _band_label(low, high),
                        "band_order": order + 1,
                        "band_low": low,
                        "band_high": high,
                        "year": year,
                        "n_schools": int(part["school_id"].nunique()),
                        "n_observations": len(part),
                        "mean_improvement": mean,
                        "ci_low": ci_low,
                        "ci_high": ci_high,
                    }
                )
    return rows


def _band_label(low: int, high: int | None) -> str:
    if high is None:
        return f"{low}+"
    return str(low) if high == low else f"{low}-{high}"


def compute_impact(
    con: duckdb.DuckDBPyConnection, progress: Callable[[str], None] = print
) -> dict[str, int]:
    """Fill ``impact_estimates`` and ``impact_bins`` from ``net_school_exposure``.

    Replaces any rows they hold; returns rows per table. Needs
    :func:`etl.network.plcs.compute_plc_measures` to have run.
    """
    started = time.perf_counter()
    panel = fetch_panel(con)
    tables = {
        "impact_estimates": pa.Table.from_pylist(
            estimate_models(panel, [*MODELS, *sector_models(panel)]), ESTIMATES_SCHEMA
        ),
        "impact_bins": pa.Table.from_pylist(compute_bins(panel), BINS_SCHEMA),
    }
    for name, table in tables.items():
        con.execute(f"DELETE FROM {name}")
        con.register("impact_rows", table)
        try:
            con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM impact_rows")
        finally:
            con.unregister("impact_rows")
    seconds = time.perf_counter() - started
    progress(f"    {_describe_main(tables['impact_estimates'])} ({seconds:.1f} s)")
    return {name: table.num_rows for name, table in tables.items()}


def _describe_main(estimates: pa.Table) -> str:
    main = [row for row in estimates.to_pylist() if row["model"] == "main"]
    if not main:
        return f"no main estimate: fewer than {MIN_SCHOOLS} schools with attainment in two years"
    m = main[0]
    return (
        f"main estimate {m['estimate']:.3f} attainment points per deep cross-school PLC "
        f"(95% CI {m['ci_low']:.3f} to {m['ci_high']:.3f}), {m['n_schools']:,} schools, "
        f"{m['n_observations']:,} school-years; {estimates.num_rows} models"
    )
