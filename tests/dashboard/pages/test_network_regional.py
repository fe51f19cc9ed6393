"""The force layout of a region's own schools (network/regional.py), the ties drawn by
weight, the school picked and the colours of a legend (network/figures.py).

Fixture ties of 2018/19 (tests/dashboard/fixtures.py): A-B, A-C, B-C, C-D, C-F, D-F;
A, B in Anglesey, C, D, E in Gwynedd (all five GwE), F, G, H in Cardiff.
"""

from __future__ import annotations

import base64
from dataclasses import replace
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from dashboard.core.db import Database
from dashboard.core.filters import Filters
from dashboard.pages.network.data import load_network, resolve_view
from dashboard.pages.network.figures import (
    MUTED,
    PALETTE,
    SELECTED,
    build_network_figure,
    group_schools,
)
from dashboard.pages.network.regional import ISOLATES_TOP, lay_out_region

A, B, C, D, E, F, G, H = 6602001, 6602002, 6612001, 6612002, 6614001, 6812001, 6812002, 6814001


def _unpack(spec: dict[str, str] | list) -> np.ndarray:
    if isinstance(spec, list):
        return np.asarray(spec, dtype=float)
    return np.frombuffer(base64.b64decode(spec["bdata"]), dtype="<" + spec["dtype"])


def _tiny() -> tuple[pd.DataFrame, pd.DataFrame]:
    """A path a-b-c, a triangle d-e-f, and 40 schools with no tie, named in reverse."""
    tied = [1, 2, 3, 4, 5, 6]
    alone = list(range(100, 140))
    schools = pd.DataFrame(
        {
            "school_id": tied + alone,
            "name": [f"T{i}" for i in tied] + [f"Z{140 - i:03d}" for i in alone],
        }
    )
    ties = pd.DataFrame(
        {"school_a": [1, 2, 4, 4, 5], "school_b": [2, 3, 5, 6, 6], "weight": [1, 3, 1, 1, 2]}
    )
    return schools, ties


def test_region_layout_spreads_the_tied_and_shelves_the_rest() -> None:
    schools, ties = _tiny()
    placed = lay_out_region(schools, ties).set_index("school_id")
    tied = placed.loc[[1, 2, 3, 4, 5, 6]]
    assert np.abs(tied[["x", "y"]].to_numpy()).max() == pytest.approx(1.0)
    assert tied["y"].min() > ISOLATES_TOP
    # No two tied schools share a place.
    assert len(tied[["x", "y"]].round(6).drop_duplicates()) == 6
    alone = placed.loc[100:139]
    assert (alone["y"] <= ISOLATES_TOP + 1e-9).all()
    # On a shelf of rows, not on one line, left to right by name (Z000 is school 140 - 0).
    assert alone["y"].nunique() > 1
    first_row = alone[alone["y"] == alone["y"].max()].sort_values("x")
    assert first_row.index[0] == 139


def test_region_layout_repeats_and_reads_only_the_regions_ties() -> None:
    schools, ties = _tiny()
    first = lay_out_region(schools, ties)
    assert first.equals(lay_out_region(schools, ties))
    # A tie to a school outside the region (school 999) moves nothing.
    outside = pd.concat([ties, pd.DataFrame({"school_a": [1], "school_b": [999], "weight": [5]})])
    assert first.equals(lay_out_region(schools, outside))


def test_a_regions_force_layout_is_its_own(db: Database) -> None:
    data = load_network(db, Filters("2018/19", "GWE"), "force")
    placed = data.schools.set_index("school_id")
    # The fixture's national layout (net_layout) is not what is drawn for the region.
    assert not np.allclose(placed[["x", "y"]], placed[["layout_x", "layout_y"]])
    # E has no tie that year: on the shelf, below A to D.
    assert placed.loc[E, "y"] <= ISOLATES_TOP
    assert (placed.loc[[A, B, C, D], "y"] > ISOLATES_TOP).all()
    # The whole of Wales keeps the refresh's layout.
    wales = load_network(db, Filters("2018/19"), "force").schools
    assert np.allclose(wales[["x", "y"]], wales[["layout_x", "layout_y"]])


def test_auto_view_is_las_for_wales_and_schools_for_a_region() -> None:
    assert resolve_view("auto", Filters("2018/19")) == "las"
    assert resolve_view("auto", Filters("2018/19", "GWE")) == "force"
    assert resolve_view("auto", Filters("2018/19", "GWE", 661)) == "force"
    assert resolve_view("map", Filters("2018/19")) == "map"


def test_ties_are_drawn_in_bands_of_weight(db: Database) -> None:
    data = load_network(db, Filters("2018/19"), "force")
    # The fixture draws its six ties with weight 1: give them 1, 1, 2, 2, 3 and 7 PLCs.
    weighted = replace(data, segments=replace(data.segments, weight=np.array([1, 1, 2, 2, 3, 7])))
    figure = build_network_figure(weighted, "la", "degree", "en")
    lines = [t for t in figure["data"] if t["mode"] == "lines"]
    assert [t["name"] for t in lines] == [
        "Ties through 1 PLC (2)",
        "Ties through 2 PLCs (2)",
        "Ties through 3 or more PLCs (2)",
    ]
    # Fainter and thinner for fewer PLCs shared; one trace per band, not per tie.
    widths = [t["line"]["width"] for t in lines]
    assert widths == sorted(widths) and len(set(widths)) == 3
    xs = data.segments.x
    assert np.array_equal(_unpack(lines[2]["x"]), xs[12:18], equal_nan=True)
    plain = build_network_figure(data, "la", "degree", "en")
    assert [t["name"] for t in plain["data"] if t["mode"] == "lines"] == ["Ties through 1 PLC (6)"]


def test_the_school_picked_has_its_ties_drawn_on_top(db: Database) -> None:
    data = load_network(db, Filters("2018/19"), "force")
    figure = build_network_figure(data, "la", "degree", "en", selected=C)
    ties, ring = figure["data"][-2:]
    # C is tied to A, B, D and F.
    assert ties["name"] == "Ties of Ysgol Caernarfon (4)"
    assert ties["line"]["color"] == SELECTED
    xs = _unpack(ties["x"])
    c_x = float(data.schools.set_index("school_id").loc[C, "x"])
    assert len(xs) == 12
    assert all(np.isclose(xs[i], c_x) or np.isclose(xs[i + 1], c_x) for i in range(0, 12, 3))
    assert ring["name"] == "Ysgol Caernarfon (highlighted)"
    assert ring["x"] == [pytest.approx(c_x)]
    # A school not shown highlights nothing.
    unknown = build_network_figure(data, "la", "degree", "en", selected=1)
    assert len(unknown["data"]) == len(figure["data"]) - 2


def test_no_colour_repeats_in_a_legend_of_many_las() -> None:
    names = pd.Series([f"LA {i:02d}" for i in range(22) for _ in range(22 - i)])
    frame = pd.DataFrame({"la_name_en": names})
    groups = group_schools(frame, "la", "en")
    colours = [g.colour for g in groups]
    assert len(colours) == len(set(colours)) == 11
    assert set(colours[:-1]) <= set(PALETTE) and colours[-1] == MUTED
    assert SELECTED not in PALETTE
    # The ten largest are named (LA 00 has the most schools), the rest grouped and said so.
    assert [g.name for g in groups[:-1]] == [f"LA {i:02d}" for i in range(10)]
    assert groups[-1].name == "12 other LAs (fewer schools than the 10 named)"
    assert sum(len(g.rows) for g in groups) == len(frame)


@pytest.fixture(scope="module")
def published(demo_db: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(demo_db), read_only=True)
    yield con
    con.close()


def test_cardiff_on_the_demo_is_drawn_apart_not_in_one_dot(demo_db: Path, published) -> None:
    year = published.execute("select max(year) from net_edges").fetchone()[0]
    data = load_network(Database(demo_db), Filters(year, la=681), "auto")
    assert data.view == "force"
    schools = data.schools
    shelf = schools["y"] <= ISOLATES_TOP + 1e-9
    tied = schools[~shelf]
    # The region's own layout fills its square; the national one put them close together.
    assert tied["x"].max() - tied["x"].min() > 1.0
    assert tied["y"].max() - tied["y"].min() > 1.0
    national = tied[["layout_x", "layout_y"]].std().max()
    assert tied[["x", "y"]].std().min() > national
    # The schools without a tie in Cardiff sit in rows beneath, not on one arc.
    assert shelf.sum() > 0
    assert schools.loc[shelf, "y"].nunique() > 1
    figure = build_network_figure(data, "la", "degree", "en")
    colours = [t["marker"]["color"] for t in figure["data"] if t["mode"] == "markers"]
    assert len(colours) == len(set(colours))
