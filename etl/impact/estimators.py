"""The estimators of the panel model, on plain arrays: no tables, no database.

:func:`estimate_within` is the two-way within estimator (Wooldridge 2010, chapter
10): school effects absorbed by demeaning within school, year effects as dummies,
fitted by statsmodels OLS with standard errors clustered by school.
:func:`estimate_mean` is a mean with its interval clustered the same way, for the
bands of exposure. :mod:`etl.impact.model` says what they are fitted on.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["LEVEL", "MIN_SCHOOLS", "Estimate", "estimate_mean", "estimate_within"]

LEVEL = 0.95
# Fewer schools than this give no estimate: cluster-robust standard errors need
# many clusters to be trusted (Cameron and Miller 2015 warn below about 30-50).
MIN_SCHOOLS = 30


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
