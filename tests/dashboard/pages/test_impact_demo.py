"""The impact page on the demo Wales built by the real ETL (the session's ``demo_db``):
what it shows agrees with an independent computation from net_school_exposure in
numpy and pandas, and the planted relation (docs/demo.md) is within its interval."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from dashboard.core.db import Database
from dashboard.core.filters import Filters
from dashboard.pages.impact.data import ALL_YEARS, load_impact
from dashboard.pages.impact.layout import describe_main
from etl.demo.model import BETA


def _read_panel(db: Path) -> pd.DataFrame:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT school_id, year, attainment_change, deep_cross_plcs FROM net_school_exposure "
            "WHERE attainment_change IS NOT NULL"
        ).df()
    finally:
        con.close()


def _within_slope(panel: pd.DataFrame) -> tuple[float, int, int]:
    """Least squares of the change on exposure with a dummy per school and per year, by
    demeaning within school (schools seen once carry no information and are dropped)."""
    panel = panel[panel.groupby("school_id")["year"].transform("size") >= 2]
    years = pd.get_dummies(panel["year"], drop_first=True, dtype=float)
    design = pd.concat([panel[["deep_cross_plcs"]].astype(float), years], axis=1)
    design = design - design.groupby(panel["school_id"]).transform("mean")
    y = panel["attainment_change"] - panel.groupby("school_id")["attainment_change"].transform(
        "mean"
    )
    coefficients, *_ = np.linalg.lstsq(design.to_numpy(), y.to_numpy(), rcond=None)
    return float(coefficients[0]), panel["school_id"].nunique(), len(panel)


def test_main_estimate_shown_is_the_within_slope(demo_db: Path) -> None:
    data = load_impact(
        Database(demo_db), Filters("2018/19", options=(("exposure", "deep_cross_plcs"),))
    )
    slope, schools, observations = _within_slope(_read_panel(demo_db))
    main = data.main
    assert main is not None
    assert main["estimate"] == pytest.approx(slope, rel=1e-9)
    assert (main["n_schools"], main["n_observations"]) == (schools, observations)
    said = describe_main(main, "en", min_schools=data.min_schools)[0]
    assert f"by {slope:.2f} attainment points more on average" in said
    # The demo planted BETA: the interval shown holds it and leaves out zero.
    assert main["ci_low"] < BETA < main["ci_high"]
    # ... and the database says what was planted, for the page to show.
    assert data.planted_effect == BETA
    assert main["ci_low"] > 0


def test_top_band_shown_is_the_mean_of_its_school_years(demo_db: Path) -> None:
    data = load_impact(
        Database(demo_db), Filters("2018/19", options=(("exposure", "deep_cross_plcs"),))
    )
    panel = _read_panel(demo_db)
    top = data.bins_of(ALL_YEARS).iloc[-1]
    assert top["band"] == "5+"
    in_band = panel[panel["deep_cross_plcs"] >= 5]
    assert top["mean_improvement"] == pytest.approx(in_band["attainment_change"].mean(), rel=1e-9)
    assert (top["n_schools"], top["n_observations"]) == (
        in_band["school_id"].nunique(),
        len(in_band),
    )
    in_year = data.bins_of("2018/19").iloc[-1]
    year_rows = in_band[in_band["year"] == "2018/19"]
    assert in_year["mean_improvement"] == pytest.approx(year_rows["attainment_change"].mean())
