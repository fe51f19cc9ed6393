"""The network of LAs and of consortia (network/groups.py, group_figure.py) on the
hand-made fixture (tests/dashboard/fixtures.py), whose ties are counted by hand:

    2018/19  A-B  A-C*  B-C*  C-D  C-F*  D-F*      (A, B: 660; C, D, E: 661; F, G, H: 681)

so the LAs' ties are 660-660 1, 660-661 2, 661-661 1, 661-681 2, and the consortia's
GWE-GWE 4, CSC-GWE 2. E and H are secondary, the rest primary. The one numeracy PLC
of 2018/19 ties C, D and F.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.core.db import Database
from dashboard.core.filters import Filters
from dashboard.pages.network import group_figure
from dashboard.pages.network import layout as network_layout
from dashboard.pages.network.data import load_network
from dashboard.pages.network.group_figure import (
    LINE_BANDS,
    band_pairs,
    build_group_figure,
    wrap_name,
)
from dashboard.pages.network.groups import (
    OVAL_HEIGHT,
    OVAL_WIDTH,
    load_group_network,
    place_on_oval,
    split_counts,
)


def _pairs(network) -> dict[tuple[str, str], int]:
    return {
        (a, b): n
        for a, b, n in zip(
            network.pairs["group_a"], network.pairs["group_b"], network.pairs["ties"], strict=True
        )
    }


def _column(network, column: str) -> dict[str, int]:
    return dict(zip(network.nodes["group_id"], network.nodes[column], strict=True))


def test_las_count_ties_by_hand(db: Database) -> None:
    network = load_group_network(db, Filters("2018/19"), "la")
    assert _pairs(network) == {("660", "661"): 2, ("661", "681"): 2}
    assert _column(network, "internal_ties") == {"660": 1, "661": 1, "681": 0}
    assert _column(network, "external_ties") == {"660": 2, "661": 4, "681": 2}
    assert _column(network, "schools") == {"660": 2, "661": 3, "681": 3}


def test_consortia_count_ties_by_hand(db: Database) -> None:
    network = load_group_network(db, Filters("2018/19"), "consortium")
    assert _pairs(network) == {("CSC", "GWE"): 2}
    assert _column(network, "internal_ties") == {"CSC": 0, "GWE": 4}
    assert _column(network, "schools") == {"CSC": 3, "GWE": 5}
    assert set(network.nodes["name_en"]) == {"Central South Consortium", "GwE"}


@pytest.mark.parametrize("level", ["la", "consortium"])
@pytest.mark.parametrize("year", ["2016/17", "2017/18", "2018/19"])
def test_lines_carry_the_counts_of_the_e_i_matrix(db: Database, level: str, year: str) -> None:
    """With no sector, medium or focus, every line and every node's internal ties are
    the regions page's E-I matrix (net_group_pairs), read by its own query."""
    matrix = db.query("regions__pairs", year=year, level=level, consortium=None)
    network = load_group_network(db, Filters(year), level)
    off_diagonal = matrix[(matrix["row_group"] < matrix["column_group"]) & (matrix["ties"] > 0)]
    assert _pairs(network) == {
        (a, b): n
        for a, b, n in zip(
            off_diagonal["row_group"], off_diagonal["column_group"], off_diagonal["ties"],
            strict=True,
        )
    }  # fmt: skip
    diagonal = matrix[matrix["row_group"] == matrix["column_group"]]
    assert _column(network, "internal_ties") == dict(
        zip(diagonal["row_group"], diagonal["ties"], strict=True)
    )


@pytest.mark.parametrize("level", ["la", "consortium"])
@pytest.mark.parametrize("year", ["2016/17", "2017/18", "2018/19"])
def test_the_e_i_matrix_gives_the_rows_counted_from_the_ties(
    db: Database, level: str, year: str
) -> None:
    """With nothing chosen the page reads net_group_pairs (network__group_pairs): the
    same rows as counting the year's ties afresh (network__group_ties)."""
    counted = db.query(
        "network__group_ties", year=year, level=level, sector=None, medium=None, focus=None
    )
    read = db.query("network__group_pairs", year=year, level=level)
    assert len(counted) > 0
    pd.testing.assert_frame_equal(read.astype({"ties": "int64"}), counted.astype({"ties": "int64"}))


def test_sector_and_focus_narrow_what_is_counted(db: Database) -> None:
    secondary = load_group_network(db, Filters("2018/19", sector="secondary"), "la")
    # E and H are the secondary schools, and neither has a tie that year.
    assert _column(secondary, "schools") == {"660": 0, "661": 1, "681": 1}
    assert secondary.pairs.empty
    numeracy = load_group_network(db, Filters("2018/19", focus="numeracy"), "la")
    # C-D inside Gwynedd, C-F and D-F from Gwynedd to Cardiff.
    assert _pairs(numeracy) == {("661", "681"): 2}
    assert _column(numeracy, "internal_ties") == {"660": 0, "661": 1, "681": 0}


def test_every_region_is_counted_whatever_the_filters_region(db: Database) -> None:
    # The network of LAs shows all LAs (aggregates), an LA chosen only marks its own.
    assert len(load_group_network(db, Filters("2018/19", "CSC", 681), "la").nodes) == 3


def test_split_counts_of_a_tiny_frame() -> None:
    counts = pd.DataFrame(
        {
            "group_a": ["a", "a", "a", "b", "a", "b", "c"],
            "group_b": ["a", "b", "c", "c", None, None, None],
            "ties": [3, 2, 1, 5, 10, 4, 1],
        }
    )
    per_group, pairs = split_counts(counts)
    assert per_group.to_dict("list") == {
        "group_id": ["a", "b", "c"],
        "schools": [10, 4, 1],
        "internal_ties": [3, 0, 0],
        "external_ties": [3, 7, 6],
    }
    assert pairs.to_dict("list") == {"group_a": ["a", "a", "b"], "group_b": ["b", "c", "c"],
                                     "ties": [2, 1, 5]}  # fmt: skip


def test_groups_sit_on_an_oval_clockwise_each_side_evenly_in_height() -> None:
    x, y = place_on_oval(4)
    half = OVAL_HEIGHT / 2
    assert np.allclose(y, [half, -half, -half, half], atol=1e-12)
    side = OVAL_WIDTH * 0.75**0.5
    assert np.allclose(x, [side, side, -side, -side], atol=1e-12)
    # 22 LAs: 11 down the right, 11 up the left, a row of its own for each name.
    x, y = place_on_oval(22)
    assert (x[:11] > 0).all() and (x[11:] < 0).all()
    for side in (y[:11], y[11:][::-1]):
        steps = -np.diff(side)
        assert np.allclose(steps, steps[0]) and steps[0] > 0
    assert np.allclose((x / OVAL_WIDTH) ** 2 + (y / OVAL_HEIGHT) ** 2, 1)


def test_bands_follow_the_share_of_the_most_ties() -> None:
    pairs = pd.DataFrame({"ties": [100, 60, 59, 30, 10, 1]})
    # Up to 10% of the most, 30%, 60%, then the rest.
    assert band_pairs(pairs).tolist() == [3, 2, 2, 1, 0, 0]
    assert band_pairs(pairs.iloc[:0]).tolist() == []


def test_group_figure_draws_few_traces_with_counts(db: Database) -> None:
    network = load_group_network(db, Filters("2018/19"), "la")
    figure = build_group_figure(network, "en", chosen={"681"})
    traces = figure["data"]
    # Bands with lines, the chosen LA's lines, the hover points, one trace per consortium
    # and the names: never one trace per line.
    assert len(traces) <= len(LINE_BANDS) + 1 + 1 + 2 + 1
    names = [t.get("name") for t in traces]
    assert "2 ties" in names  # both pairs have 2 ties: one band
    assert "Ties of the region chosen" in names
    hover = next(t for t in traces if t.get("text") and "ties" in str(t["text"]))
    assert sorted(hover["text"]) == [
        "Gwynedd and Cardiff: 2 ties",
        "Isle of Anglesey and Gwynedd: 2 ties",
    ]
    nodes = [t for t in traces if t.get("mode") == "markers" and t.get("hovertext")]
    assert [t["name"] for t in nodes] == ["Central South Consortium", "GwE"]
    colours = [t["marker"]["color"] for t in nodes]
    assert len(set(colours)) == len(colours)
    cardiff = nodes[0]
    assert "Ties to other LAs: 2" in cardiff["hovertext"][0]
    assert cardiff["marker"]["line"]["width"] == [4]  # the LA chosen is ringed


def test_group_figure_in_welsh(db: Database) -> None:
    network = load_group_network(db, Filters("2018/19"), "la")
    figure = build_group_figure(network, "cy")
    labels = next(t for t in figure["data"] if t.get("mode") == "markers+text")
    assert "Ynys Môn" in labels["text"]
    assert figure["layout"]["legend"]["title"]["text"] == "Allwedd"
    hover = next(t for t in figure["data"] if t.get("hovertext"))
    assert "Cysylltiadau ag awdurdodau lleol eraill" in hover["hovertext"][0]


def test_long_names_go_on_two_lines() -> None:
    assert wrap_name("Castell-nedd Port Talbot") == "Castell-nedd<br>Port Talbot"
    assert wrap_name("Rhondda Cynon Taf") == "Rhondda<br>Cynon Taf"
    assert wrap_name("Cardiff") == "Cardiff"
    assert wrap_name("Blaenau Gwent") == "Blaenau Gwent"  # 13 letters fit on one line


def test_only_the_pairs_with_the_most_ties_are_drawn_above_the_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(group_figure, "MAX_GROUP_LINES", 3)
    pairs = pd.DataFrame(
        {"group_a": list("abcde"), "group_b": list("vwxyz"), "ties": [1, 5, 2, 5, 2]}
    )
    # The three with the most ties (2 and 2 equal: the earlier), in their own order.
    drawn = group_figure.select_drawn_pairs(pairs)
    assert drawn["group_a"].tolist() == ["b", "c", "d"]
    assert len(group_figure.select_drawn_pairs(pairs.iloc[:3])) == 3


def test_the_figure_draws_the_cap_and_its_note_says_so(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(group_figure, "MAX_GROUP_LINES", 1)
    monkeypatch.setattr(network_layout, "MAX_GROUP_LINES", 1)
    data = load_network(db, Filters("2018/19"), "las")
    figure = build_group_figure(data.groups, "en")
    hover = next(t for t in figure["data"] if t.get("text") and "ties" in str(t["text"]))
    # Both pairs have 2 ties: the earlier is drawn, and only its line.
    assert hover["text"] == ["Isle of Anglesey and Gwynedd: 2 ties"]
    lines = [t for t in figure["data"] if t.get("legendgroup") == "lines"]
    assert sum(len(t["x"]) for t in lines) == 3  # one segment: two ends and a gap
    note = network_layout.describe_figure(data, Filters("2018/19"), "en")
    assert note.endswith(
        "Only the 1 pairs with the most ties are drawn as lines, of the 2 pairs joined by a "
        "tie; each group's counts include every tie."
    )
    assert "o'r 2 pâr a gysylltir" in network_layout.describe_figure(data, Filters("2018/19"), "cy")
    # Each LA's counts keep every tie.
    assert _column(data.groups, "external_ties") == {"660": 2, "661": 4, "681": 2}
