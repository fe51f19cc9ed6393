"""Collaboration and improvement: a panel analysis of attainment change against exposure.

Each school's yearly change in attainment is regressed on its exposure to
collaboration that year (``net_school_exposure``) with school and year fixed
effects: the two-way within estimator (Wooldridge 2010, chapter 10), school
effects absorbed by demeaning within school and year effects as dummies, fitted
by statsmodels OLS with standard errors clustered by school. The results are
associations, not effects: see docs/measures.md for what they do and do not show.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

__all__ = [
    "BIN_BANDS",
    "IMPACT_TABLES",
    "MIN_SCHOOLS",
    "MODELS",
    "Estimate",
    "Model",
    "compute_bins",
    "compute_impact",
    "describe_method",
    "estimate_mean",
    "estimate_models",
    "estimate_within",
    "fetch_panel",
    "sector_models",
]

# The published tables compute_impact fills, in the order it fills them.
IMPACT_TABLES = ("impact_estimates", "impact_bins")
OUTCOME = "attainment_change"
LEVEL = 0.95
# Fewer schools than this give no estimate: cluster-robust standard errors need
# many clusters to be trusted (Cameron and Miller 2015 warn below about 30-50).
MIN_SCHOOLS = 30


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


@dataclass(frozen=True)
class Estimate:
    """The coefficient of the exposure, its cluster-robust inference and the sample behind it."""

    estimate: float
    std_error: float
    ci_low: float
    ci_high: float
    p_value: float
    n_schools: int
    n_observations: int
    n_years: int


def fetch_panel(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """School-years with an attainment change, their exposures and the school's sector."""
    return con.execute(
        "SELECT e.school_id, e.year, s.sector, e.attainment_change, e.deep_cross_plcs, "
        "e.deep_cross_ties, e.green_ties, e.any_cross_plcs "
        "FROM net_school_exposure AS e INNER JOIN schools AS s ON s.school_id = e.school_id "
        "WHERE e.attainment_change IS NOT NULL ORDER BY e.school_id, e.year"
    ).df()


def estimate_within(
    y: np.ndarray,
    x: np.ndarray,
    school: np.ndarray,
    year: np.ndarray,
    *,
    school_effects: bool = True,
    level: float = LEVEL,
    min_schools: int = MIN_SCHOOLS,
) -> Estimate | None:
    """The coefficient of ``x`` in y = β x + school effect + year effect + error.

    School effects are absorbed by demeaning every variable within school, and
    year effects enter as dummies (the first year the baseline), which by the
    Frisch-Waugh-Lovell theorem gives the least-squares dummy-variable estimate
    exactly, balanced panel or not. Standard errors are clustered by school
    (statsmodels ``cov_type="cluster"``: the sandwich with the factor
    G/(G-1) · (N-1)/(N-K), K counting x and the year dummies but not the
    absorbed school effects, which are nested in the clusters); the interval and
    p-value use Student's t with G-1 degrees of freedom. Schools seen in one year
    only are left out: with their own effect they carry no information.

    Parameters
    ----------
    y, x
        Outcome and exposure per observation; rows with a missing value are dropped.
    school, year
        Labels of each observation's school (the cluster) and year.
    school_effects
        False for year effects only (pooled OLS with a constant), still clustered by school.
    level
        Confidence level of the interval.
    min_schools
        Fewest schools (clusters) to give an estimate for.

    Returns
    -------
    Estimate or None
        None when there are fewer than ``min_schools`` schools or ``x`` does
        not vary once the effects are removed.
    """
    y, x, school, year = _drop_missing(y, x, school, year)
    if school_effects:
        y, x, school, year = _drop_singletons(y, x, school, year)
    # pandas' hash factorising is much faster than np.unique's sort on 100,000 labels.
    school_codes, schools = pd.factorize(school)
    year_codes, year_labels = pd.factorize(year, sort=True)
    n_schools = len(schools)
    if n_schools < max(min_schools, 2):
        return None
    # x first, so that its coefficient is params[0].
    design = np.column_stack([x, _year_dummies(year_codes, len(year_labels))])
    if school_effects:
        design, y = _demean(design, school_codes), _demean(y, school_codes)
    else:
        design = np.column_stack([design, np.ones(len(y))])
    if not _varies_alone(design):
        return None
    # Imported here: statsmodels and scipy take seconds to import, and only this needs them.
    from statsmodels.regression.linear_model import OLS

    fit = OLS(y, design).fit(
        method="qr", cov_type="cluster", cov_kwds={"groups": school_codes}, use_t=True
    )
    low, high = fit.conf_int(alpha=1 - level)[0]
    return Estimate(
        estimate=float(fit.params[0]),
        std_error=float(fit.bse[0]),
        ci_low=float(low),
        ci_high=float(high),
        p_value=float(fit.pvalues[0]),
        n_schools=n_schools,
        n_observations=len(y),
        n_years=len(year_labels),
    )


def _drop_missing(
    y: np.ndarray, x: np.ndarray, school: np.ndarray, year: np.ndarray
) -> tuple[np.ndarray, ...]:
    y, x = np.asarray(y, dtype=float), np.asarray(x, dtype=float)
    keep = np.isfinite(y) & np.isfinite(x)
    return y[keep], x[keep], np.asarray(school)[keep], np.asarray(year)[keep]


def _drop_singletons(
    y: np.ndarray, x: np.ndarray, school: np.ndarray, year: np.ndarray
) -> tuple[np.ndarray, ...]:
    codes = pd.factorize(school)[0]
    keep = np.bincount(codes)[codes] >= 2
    return y[keep], x[keep], school[keep], year[keep]


def _varies_alone(design: np.ndarray) -> bool:
    """Whether the first column is not a combination of the others (nor zero).

    Its sum of squares left after projecting it on the others, from the small
    cross-product matrix (Schur complement), must be more than rounding error.
    """
    gram = design.T @ design
    total = gram[0, 0]
    if total <= 0:
        return False
    explained = gram[0, 1:] @ np.linalg.pinv(gram[1:, 1:]) @ gram[1:, 0]
    return bool(total - explained > 1e-9 * total)


def _year_dummies(year_codes: np.ndarray, n_years: int) -> np.ndarray:
    return (year_codes[:, None] == np.arange(1, n_years)[None, :]).astype(float)


def _demean(values: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Each column less its mean within each group."""
    counts = np.bincount(groups)
    columns = values.reshape(len(values), -1)
    means = np.column_stack([np.bincount(groups, weights=c) / counts for c in columns.T]).reshape(
        len(counts), -1
    )
    return (columns - means[groups]).reshape(values.shape)


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


def estimate_mean(
    values: np.ndarray, clusters: np.ndarray, level: float = LEVEL
) -> tuple[float, float | None, float | None]:
    """Mean of ``values`` and its confidence interval, clustered by ``clusters``.

    The standard error is the cluster-robust one of a regression on a constant:
    sqrt(G/(G-1) · Σ_g (Σ_{i in g} (v_i - mean))²) / N, with Student's t on
    G-1 degrees of freedom; with one observation per cluster it is the usual
    s / sqrt(N). The interval is None below two clusters.
    """
    from scipy import stats

    values = np.asarray(values, dtype=float)
    mean = float(values.mean())
    codes, labels = pd.factorize(clusters)
    g = len(labels)
    if g < 2:
        return mean, None, None
    sums = np.bincount(codes, weights=values - mean)
    se = float(np.sqrt(np.sum(sums**2) * g / (g - 1)) / len(values))
    half = float(stats.t.ppf((1 + level) / 2, g - 1)) * se
    return mean, mean - half, mean + half


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
