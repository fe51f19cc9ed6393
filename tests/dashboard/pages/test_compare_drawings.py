"""The compare page's drawings of each year's network (compare/drawings.py) on the
hand-made database (tests/dashboard/fixtures.py).

Within GwE (A to E) the ties are A-C and D-E in 2016/17, and A-B, A-C, B-C and C-D in
2018/19: gained A-B, B-C, C-D; lost D-E. Through numeracy PLCs only, GwE has none in
2016/17 (P2 is Cardiff's) and C-D in 2018/19 (P3). Between LAs, 660-661 has 1 tie in
2016/17; in 2018/19 660-661 and 661-681 have 2 each.
"""

from __future__ import annotations

import base64

import numpy as np
import pandas as pd
import pytest

from dashboard.access.users import User, acting_as
from dashboard.core.db import Database
from dashboard.core.filters import Choices, Filters
from dashboard.pages.compare.data import WITH, load_compare
from dashboard.pages.compare.drawings import build_drawings, changed_pairs, load_drawings
from dashboard.pages.compare.layout import build_compare_parts
from dashboard.pages.network.group_figure import LINE_BANDS

NUMBER = {"A": 6602001, "B": 6602002, "C": 6612001, "D": 6612002, "E": 6614001}
YEARS = ("2016/17", "2018/19")


def _unpack(array: object) -> np.ndarray:
    if isinstance(array, list):
        return np.asarray(array, dtype=np.float32)
    assert isinstance(array, dict)
    return np.frombuffer(base64.b64decode(array["bdata"]), dtype="<f4")


def _trace(figure: dict, name_start: str) -> dict:
    (found,) = [tr for tr in figure["data"] if str(tr.get("name", "")).startswith(name_start)]
    return found


def _drawn_pairs(trace: dict, schools: pd.DataFrame) -> set[tuple[int, int]]:
    """The pairs of schools a trace of segments joins, found back from their places."""
    x, y = _unpack(trace["x"]), _unpack(trace["y"])
    place = {
        (round(float(a), 4), round(float(b), 4)): int(s)
        for a, b, s in zip(schools["x"], schools["y"], schools["school_id"], strict=True)
    }
    pairs = set()
    for start in range(0, len(x), 3):
        ends = [place[(round(float(x[i]), 4), round(float(y[i]), 4))] for i in (start, start + 1)]
        pairs.add(tuple(sorted(ends)))
    return pairs


def _pair(a: str, b: str) -> tuple[int, int]:
    return tuple(sorted((NUMBER[a], NUMBER[b])))  # type: ignore[return-value]


def test_a_regions_schools_sit_at_the_same_places_in_both_years(db: Database) -> None:
    drawings = load_drawings(db, Filters("2018/19", consortium="GWE"), *YEARS)
    places = [
        d.schools.set_index("school_id")[["x", "y"]].sort_index()
        for d in (drawings.earlier, drawings.later)
    ]
    pd.testing.assert_frame_equal(places[0], places[1])
    assert set(places[0].index) == set(NUMBER.values())
    assert places[0].notna().all(axis=None)


def test_the_ties_lost_and_gained_are_drawn_over_their_years(db: Database) -> None:
    drawings = load_drawings(db, Filters("2018/19", consortium="GWE"), *YEARS)
    earlier, later = build_drawings(drawings, YEARS, "en")
    lost = _trace(earlier, "Ties lost")
    gained = _trace(later, "Ties gained")
    assert lost["name"] == "Ties lost (1)" and gained["name"] == "Ties gained (3)"
    assert _drawn_pairs(lost, drawings.earlier.schools) == {_pair("D", "E")}
    assert _drawn_pairs(gained, drawings.later.schools) == {
        _pair("A", "B"), _pair("B", "C"), _pair("C", "D"),
    }  # fmt: skip
    # Over the ties, under the schools: every trace after it is of schools.
    after = earlier["data"][earlier["data"].index(lost) + 1 :]
    assert after and all(trace["mode"] == "markers" for trace in after)


def test_the_drawings_count_the_focus_areas_ties_only(db: Database) -> None:
    filters = Filters("2018/19", consortium="GWE", focus="numeracy")
    drawings = load_drawings(db, filters, *YEARS)
    earlier, later = build_drawings(drawings, YEARS, "cy")
    assert _trace(earlier, "Cysylltiadau a gollwyd")["name"].endswith("(0)")
    gained = _trace(later, "Cysylltiadau a enillwyd")
    assert _drawn_pairs(gained, drawings.later.schools) == {_pair("C", "D")}


def test_changed_pairs_is_the_set_difference() -> None:
    before = pd.DataFrame({"school_a": [1, 2], "school_b": [2, 3], "weight": [1, 1]})
    after = pd.DataFrame({"school_a": [1, 3], "school_b": [2, 4], "weight": [2, 1]})
    assert changed_pairs(before, after)[["school_a", "school_b"]].values.tolist() == [[3, 4]]
    assert changed_pairs(after, before)[["school_a", "school_b"]].values.tolist() == [[2, 3]]


def test_the_networks_of_las_are_drawn_on_one_scale(db: Database) -> None:
    drawings = load_drawings(db, Filters("2018/19"), *YEARS)
    earlier, later = build_drawings(drawings, YEARS, "en")

    def widths(figure: dict) -> set[float]:
        return {
            trace["line"]["width"]
            for trace in figure["data"]
            if trace.get("mode") == "lines" and trace.get("legendgroup") == "lines"
        }

    # One tie in 2016/17 against the two of 2018/19's widest: half as many, a thinner
    # band than the widest (which, drawn alone, it would be).
    widest = LINE_BANDS[-1][2]
    assert widths(later) == {widest}
    assert widths(earlier) == {LINE_BANDS[2][2]}


def test_a_cardiff_officer_sees_no_school_of_gwe_drawn(db: Database) -> None:
    with acting_as(User("cardiff", "Cardiff officer", frozenset({"la:681"}))):
        scoped = Database(db.path)
        drawings = load_drawings(scoped, Filters("2018/19", consortium="GWE"), *YEARS)
        figures = build_drawings(drawings, YEARS, "en")
    assert drawings.outside
    for figure in figures:
        markers = [t for t in figure["data"] if t.get("mode") == "markers"]
        assert all(len(_unpack(t["x"])) == 0 for t in markers)
        (note,) = figure["layout"]["annotations"]
        assert note["text"].startswith("The schools chosen are outside")
    # Cardiff itself is drawn, and says nothing of scope.
    with acting_as(User("cardiff", "Cardiff officer", frozenset({"la:681"}))):
        own = load_drawings(Database(db.path), Filters("2018/19", "CSC", 681), *YEARS)
    assert not own.outside and len(own.later.schools) == 3


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_page_holds_both_drawings(db: Database, choices: Choices, lang: str) -> None:
    filters = Filters("2018/19", consortium="GWE", options=((WITH, "2016/17"),))
    data = load_compare(db, filters, choices.years)
    drawings = load_drawings(db, filters, data.earlier, data.later)
    parts = build_compare_parts(data, filters, choices, lang, drawings=drawings)
    assert (parts.earlier_heading, parts.later_heading) == YEARS
    assert parts.earlier_figure["data"] and parts.later_figure["data"]
    assert "2016/17" in parts.drawings_heading


def test_the_networks_of_las_are_drawn_when_no_tie_joins_two_las(db: Database) -> None:
    # No school of the fixture is a special school: no pair of LAs is tied in either
    # year, and the scale of the lines has nothing to go by (it was NaN: an HTTP 500).
    drawings = load_drawings(db, Filters("2018/19", sector="special"), *YEARS)
    assert drawings.earlier.pairs.empty and drawings.later.pairs.empty
    for figure in build_drawings(drawings, YEARS, "en"):
        lines = [t for t in figure["data"] if t.get("legendgroup") == "lines"]
        assert all(len(t["x"]) == 0 for t in lines)
