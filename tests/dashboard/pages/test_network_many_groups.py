"""The network of groups with many groups (England's 153 LAs): the names written beside
the oval keep a name's height apart on each side, the largest groups first; with few
groups (Wales's 22) every group is named."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.pages.network.group_figure import LABEL_GAP, labelled_rows
from dashboard.pages.network.groups import place_on_oval


def oval_of(schools: list[int]) -> pd.DataFrame:
    x, y = place_on_oval(len(schools))
    return pd.DataFrame({"schools": schools, "x": x, "y": y})


def test_every_one_of_twenty_two_groups_is_named() -> None:
    assert labelled_rows(oval_of(list(range(22)))).tolist() == list(range(22))


def test_of_153_groups_the_named_keep_apart_and_the_largest_is_named() -> None:
    rng = np.random.default_rng(14)
    schools = rng.integers(1, 400, size=153).tolist()
    nodes = oval_of(schools)
    rows = labelled_rows(nodes)
    assert 10 < len(rows) < 40
    assert int(np.argmax(schools)) in rows
    for right in (True, False):
        side = nodes.iloc[rows][(nodes.iloc[rows]["x"] >= 0) == right]
        heights = np.sort(side["y"].to_numpy())
        assert np.all(np.diff(heights) >= LABEL_GAP)
    # A group left unnamed lies within LABEL_GAP of a named larger one of its side.
    for row in set(range(153)) - set(rows.tolist()):
        same_side = [k for k in rows if (nodes.x[k] >= 0) == (nodes.x[row] >= 0)]
        assert any(
            abs(nodes.y[k] - nodes.y[row]) < LABEL_GAP and schools[k] >= schools[row]
            for k in same_side
        )
