"""The panel estimator and the clustered mean, against least squares written out in
numpy on seeded synthetic panels, and against hand-computed values.

The reference is the least-squares dummy-variable regression (LSDV): one dummy
per school and per year but the first, solved with ``numpy.linalg.lstsq``; its
cluster-robust variance is the sandwich (X'X)⁻¹ (Σ_g X_g'u_g u_g'X_g) (X'X)⁻¹
times G/(G-1) · (N-1)/(N-K), where K counts the exposure and the year dummies but
not the school dummies (nested in the clusters, as Stata's ``xtreg, fe`` counts).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.regression.linear_model import OLS

from etl.impact.estimators import MIN_SCHOOLS, estimate_mean, estimate_within


def synthetic_panel(
    seed: int, n_schools: int = 40, n_years: int = 5, beta: float = 2.0
) -> pd.DataFrame:
    """An unbalanced panel: y = beta x + school effect + year effect + noise, with x
    correlated with the school effect (so that pooled OLS would be biased), about a
    fifth of school-years missing, and three schools seen in one year only."""
    rng = np.random.default_rng(seed)
    school = np.repeat(np.arange(n_schools), n_years)
    year = np.tile(np.arange(n_years), n_schools)
    school_effect = rng.normal(0, 3, n_schools)[school]
    year_effect = rng.normal(0, 1, n_years)[year]
    x = rng.poisson(2, len(school)) + (school_effect > 0)
    y = beta * x + school_effect + year_effect + rng.normal(0, 1.5, len(school))
    keep = rng.random(len(school)) > 0.2
    keep[school < 3] = year[school < 3] == 0  # three singletons
    return pd.DataFrame(
        {
            "school": 1000 + school[keep],
            "year": np.array([f"{2015 + t}/{16 + t}" for t in range(n_years)])[year[keep]],
            "x": x[keep].astype(float),
            "y": y[keep],
        }
    )


def dummies(labels: np.ndarray, drop_first: bool) -> np.ndarray:
    values = np.unique(labels)
    matrix = (labels[:, None] == values[None, :]).astype(float)
    return matrix[:, 1:] if drop_first else matrix


def cluster_sandwich(
    design: np.ndarray, residuals: np.ndarray, clusters: np.ndarray, k: int
) -> np.ndarray:
    bread = np.linalg.inv(design.T @ design)
    meat = np.zeros_like(bread)
    for g in np.unique(clusters):
        score = design[clusters == g].T @ residuals[clusters == g]
        meat += np.outer(score, score)
    n, groups = len(residuals), len(np.unique(clusters))
    return bread @ meat @ bread * groups / (groups - 1) * (n - 1) / (n - k)


def check_against(result, beta: float, se: float, groups: int) -> None:
    t = stats.t.ppf(0.975, groups - 1)
    assert result.estimate == pytest.approx(beta, abs=1e-10)
    assert result.std_error == pytest.approx(se, rel=1e-9)
    assert result.ci_low == pytest.approx(beta - t * se, rel=1e-9)
    assert result.ci_high == pytest.approx(beta + t * se, rel=1e-9)
    p = 2 * stats.t.sf(abs(beta / se), groups - 1)
    assert result.p_value == pytest.approx(p, rel=1e-6)


def test_within_estimator_equals_least_squares_with_dummies():
    panel = synthetic_panel(seed=11)
    result = estimate_within(
        panel["y"].to_numpy(), panel["x"].to_numpy(), panel["school"], panel["year"]
    )
    # The reference leaves out the three schools seen once, as the estimator does.
    seen = panel.groupby("school")["school"].transform("size")
    used = panel[seen >= 2]
    school, year = used["school"].to_numpy(), used["year"].to_numpy()
    design = np.column_stack(
        [used["x"].to_numpy(), dummies(year, drop_first=True), dummies(school, False)]
    )
    coef, *_ = np.linalg.lstsq(design, used["y"].to_numpy(), rcond=None)
    residuals = used["y"].to_numpy() - design @ coef
    k = 1 + (len(np.unique(year)) - 1)
    variance = cluster_sandwich(design, residuals, school, k)
    groups = len(np.unique(school))
    check_against(result, coef[0], np.sqrt(variance[0, 0]), groups)
    assert (result.n_schools, result.n_observations, result.n_years) == (groups, len(used), 5)
    assert result.n_schools == 40 - 3
    # And it finds the slope it was built with.
    assert result.ci_low < 2.0 < result.ci_high


def test_year_effects_only_equals_pooled_least_squares():
    panel = synthetic_panel(seed=12)
    result = estimate_within(
        panel["y"].to_numpy(),
        panel["x"].to_numpy(),
        panel["school"],
        panel["year"],
        school_effects=False,
    )
    school, year = panel["school"].to_numpy(), panel["year"].to_numpy()
    design = np.column_stack(
        [panel["x"].to_numpy(), dummies(year, drop_first=True), np.ones(len(panel))]
    )
    coef, *_ = np.linalg.lstsq(design, panel["y"].to_numpy(), rcond=None)
    residuals = panel["y"].to_numpy() - design @ coef
    variance = cluster_sandwich(design, residuals, school, design.shape[1])
    check_against(result, coef[0], np.sqrt(variance[0, 0]), 40)
    # Singletons stay in without school effects.
    assert result.n_observations == len(panel)


def test_a_two_by_two_panel_by_hand():
    # Two years per school; with school and year effects the slope is the
    # difference-in-differences slope: regress (y2 - y1) on (x2 - x1) with a constant.
    # Schools: dx = 1, 0, 2, 1 and dy = 3, 1, 5, 2: dx mean 1, dy mean 2.75;
    # slope = sum (dx - 1)(dy - 2.75) / sum (dx - 1)^2
    #       = (0 * 0.25 + (-1)(-1.75) + 1 * 2.25 + 0 * (-0.75)) / (0 + 1 + 1 + 0) = 4 / 2 = 2.
    x1, dx = np.zeros(4), np.array([1.0, 0.0, 2.0, 1.0])
    y1, dy = np.array([10.0, 20.0, 30.0, 40.0]), np.array([3.0, 1.0, 5.0, 2.0])
    result = estimate_within(
        np.concatenate([y1, y1 + dy]),
        np.concatenate([x1, x1 + dx]),
        np.tile(np.arange(4), 2),
        np.repeat(["2018/19", "2019/20"], 4),
        min_schools=2,
    )
    assert result.estimate == pytest.approx(2.0)


def test_no_estimate_without_variation_within_schools_or_without_enough_schools():
    panel = synthetic_panel(seed=13)
    constant_per_school = panel.groupby("school")["x"].transform("mean").to_numpy()
    args = (panel["y"].to_numpy(), constant_per_school, panel["school"], panel["year"])
    assert estimate_within(*args) is None
    # Without school effects the same exposure does vary.
    assert estimate_within(*args, school_effects=False) is not None
    few = panel[panel["school"] < 1000 + MIN_SCHOOLS]  # 3 singletons among them
    assert estimate_within(few["y"], few["x"], few["school"], few["year"]) is None


def test_rows_with_a_missing_value_are_left_out():
    panel = synthetic_panel(seed=14)
    full = estimate_within(panel["y"], panel["x"], panel["school"], panel["year"])
    y = panel["y"].to_numpy().copy()
    extra = pd.DataFrame({"school": [2000, 2000], "year": ["2015/16", "2016/17"]})
    result = estimate_within(
        np.concatenate([y, [np.nan, 1.0]]),
        np.concatenate([panel["x"], [1.0, np.nan]]),
        np.concatenate([panel["school"], extra["school"]]),
        np.concatenate([panel["year"], extra["year"]]),
    )
    assert result == full


def test_mean_interval_by_hand_with_one_value_per_school():
    # Values 1, 2, 3, 4: mean 2.5, s = sqrt(5/3) = 1.2910, s / sqrt(4) = 0.6455;
    # t(0.975, 3 df) = 3.182446, so the half-width is 3.182446 * 0.645497 = 2.054260.
    mean, low, high = estimate_mean(np.array([1.0, 2.0, 3.0, 4.0]), np.array([1, 2, 3, 4]))
    assert mean == 2.5
    assert (low, high) == pytest.approx((0.445740, 4.554260), abs=1e-5)
    assert estimate_mean(np.array([5.0, 7.0]), np.array([1, 1])) == (6.0, None, None)


def test_mean_interval_is_clustered_as_statsmodels_clusters():
    panel = synthetic_panel(seed=15)
    mean, low, high = estimate_mean(panel["y"].to_numpy(), panel["school"].to_numpy())
    fit = OLS(panel["y"].to_numpy(), np.ones(len(panel))).fit(
        cov_type="cluster", cov_kwds={"groups": panel["school"].to_numpy()}, use_t=True
    )
    assert mean == pytest.approx(fit.params[0])
    assert (low, high) == pytest.approx(tuple(fit.conf_int()[0]), rel=1e-9)
