"""The bands of exposure of impact_bins: which school-years fall in which band, and
their clustered means, against values worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from etl.impact.model import compute_bins


def test_bins_group_exposures_into_bands():
    # deep_cross_plcs 0, 1, 5, 7, 7: bands 0, 1 and 5+; green_ties 2 and 12: 1-2 and 11+.
    panel = pd.DataFrame(
        {
            "school_id": [1, 2, 3, 4, 4],
            "year": ["2018/19", "2018/19", "2018/19", "2018/19", "2019/20"],
            "attainment_change": [0.5, 1.0, 3.0, 4.0, 6.0],
            "deep_cross_plcs": [0, 1, 5, 7, 7],
            "any_cross_plcs": [0, 1, 5, 7, 7],
            "green_ties": [2, 2, 2, 12, 12],
        }
    )
    rows = pd.DataFrame(compute_bins(panel))
    deep = rows[(rows["exposure"] == "deep_cross_plcs") & (rows["year"] == "all")]
    assert deep["band"].tolist() == ["0", "1", "5+"]
    assert deep["band_order"].tolist() == [1, 2, 6]
    top = deep.iloc[-1]
    # 5+ holds school 3 once and school 4 twice: mean (3 + 4 + 6) / 3 = 13/3. Clustered:
    # school sums of deviations -4/3 and (-1/3 + 5/3) = 4/3, so
    # se = sqrt(2/1 * (16/9 + 16/9)) / 3 = 8/9, and t(0.975, 1 df) = 12.706205.
    assert (top["n_schools"], top["n_observations"]) == (2, 3)
    assert top["mean_improvement"] == pytest.approx(13 / 3)
    half = 12.706205 * 8 / 9
    assert (top["ci_low"], top["ci_high"]) == pytest.approx((13 / 3 - half, 13 / 3 + half))
    assert top["band_low"] == 5 and pd.isna(top["band_high"])
    one_school = rows[(rows["exposure"] == "deep_cross_plcs") & (rows["year"] == "2019/20")]
    # Only school 4 in 2019/20: one cluster, no interval.
    assert one_school[["band", "mean_improvement"]].values.tolist() == [["5+", 6.0]]
    assert one_school["ci_low"].isna().all()
    green = rows[(rows["exposure"] == "green_ties") & (rows["year"] == "all")]
    assert green["band"].tolist() == ["1-2", "11+"]
    assert green["mean_improvement"].tolist() == [pytest.approx(1.5), 5.0]
    years = rows[(rows["exposure"] == "green_ties") & (rows["band"] == "11+")]
    assert sorted(years["year"]) == ["2018/19", "2019/20", "all"]
