"""The network figure: typed arrays, one named trace per group, colour never the only cue."""

from __future__ import annotations

import base64
import math

import numpy as np
import pandas as pd
import pytest

from dashboard.core.db import Database
from dashboard.core.filters import Filters
from dashboard.pages.network import figures
from dashboard.pages.network.data import load_network
from dashboard.pages.network.figures import (
    build_network_figure,
    group_schools,
    pack_array,
    scale_sizes,
)

C = 6612001


def _unpack(spec: dict[str, str]) -> np.ndarray:
    values = np.frombuffer(base64.b64decode(spec["bdata"]), dtype="<" + spec["dtype"])
    if "shape" in spec:
        rows, columns = (int(n) for n in spec["shape"].split(","))
        values = values.reshape(rows, columns)
    return values


def test_pack_array_is_plotly_typed_array_spec() -> None:
    spec = pack_array(np.array([[6612001, 4], [1.5, np.nan]]), "f4")
    assert spec["dtype"] == "f4"
    assert spec["shape"] == "2, 2"
    assert np.array_equal(_unpack(spec), [[6612001, 4], [1.5, np.nan]], equal_nan=True)
    assert _unpack(pack_array(np.array([5.0, 18.0]), "u1")).tolist() == [5, 18]
    assert pack_array(np.array([]), "f4") == []


def test_sizes_follow_the_square_root_of_the_measure() -> None:
    # 0 -> 5 px, the largest -> 18 px; a quarter of the largest -> 5 + 13 * sqrt(1/4).
    assert scale_sizes(pd.Series([0, 1, 4])).tolist() == [5.0, 11.5, 18.0]
    assert scale_sizes(pd.Series([0.0, 0.0])).tolist() == [5.0, 5.0]


def test_groups_by_la_in_order_of_name_in_either_language(db: Database) -> None:
    schools = load_network(db, Filters("2018/19"), "map").schools
    groups = group_schools(schools, "la", "en")
    assert [(g.name, len(g.rows)) for g in groups] == [
        ("Cardiff", 3),
        ("Gwynedd", 3),
        ("Isle of Anglesey", 2),
    ]
    welsh = [g.name for g in group_schools(schools, "la", "cy")]
    assert welsh == ["Caerdydd", "Gwynedd", "Ynys Môn"]
    assert len({(g.colour, g.symbol) for g in groups}) == 3


def test_support_categories_differ_by_name_colour_and_symbol(db: Database) -> None:
    schools = load_network(db, Filters("2018/19"), "map").schools
    groups = group_schools(schools, "category", "en")
    # 2018/19: green A, B, F, H; yellow C, D, G; amber E; none red.
    assert [(g.name, len(g.rows)) for g in groups] == [("Green", 4), ("Yellow", 3), ("Amber", 1)]
    assert len({g.symbol for g in groups}) == 3
    assert len({g.colour for g in groups}) == 3


def test_largest_communities_are_named_the_rest_grouped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(figures, "COMMUNITIES_NAMED", 2)
    schools = pd.DataFrame({"community_id": pd.array([1, 1, 2, 2, 2, 3, None], dtype="Int64")})
    groups = group_schools(schools, "community", "en")
    assert [(g.name, g.rows.tolist()) for g in groups] == [
        ("Community 2", [2, 3, 4]),
        ("Community 1", [0, 1]),
        ("Other communities", [5]),
        ("None (no ties)", [6]),
    ]


def test_brokerage_roles_in_a_fixed_order_with_the_non_brokers_last() -> None:
    roles = ["none", "liaison", "coordinator", "none", "gatekeeper", "liaison"]
    groups = group_schools(pd.DataFrame({"broker_role": roles}), "role", "en")
    assert [(g.name, g.rows.tolist()) for g in groups] == [
        ("Coordinator", [2]),
        ("Gatekeeper", [4]),
        ("Liaison", [1, 5]),
        ("Not a broker", [0, 3]),
    ]
    assert len({(g.colour, g.symbol) for g in groups}) == 4


def test_unknown_colour_is_refused(db: Database) -> None:
    schools = load_network(db, Filters("2018/19"), "map").schools
    with pytest.raises(ValueError, match="unknown colour"):
        group_schools(schools, "shoe size", "en")


def test_map_draws_outlines_then_ties_then_one_trace_per_group(db: Database) -> None:
    data = load_network(db, Filters("2018/19"), "map")
    figure = build_network_figure(data, "la", "degree", "en")
    outline, ties, *groups = figure["data"]
    assert outline["hoverinfo"] == "skip"
    assert outline["showlegend"] is False
    assert len(_unpack(outline["x"])) == 17
    assert ties["name"] == "Ties through 1 PLC (6)"
    assert len(_unpack(ties["x"])) == 6 * 3
    assert all(trace["type"] == "scatter" for trace in figure["data"])
    assert [g["name"] for g in groups] == ["Cardiff (3)", "Gwynedd (3)", "Isle of Anglesey (2)"]


def test_hover_names_the_school_its_category_and_figures(db: Database) -> None:
    data = load_network(db, Filters("2018/19"), "map")
    gwynedd = build_network_figure(data, "la", "degree", "en")["data"][3]
    assert gwynedd["meta"] == "Gwynedd"
    assert gwynedd["text"] == ["Ysgol Caernarfon", "Ysgol Dolgellau", "Ysgol Eryri"]
    assert gwynedd["hovertext"] == ["Yellow", "Yellow", "Amber"]
    assert "%{hovertext}" in gwynedd["hovertemplate"]
    assert "Betweenness: %{customdata[2]:.3g}" in gwynedd["hovertemplate"]
    # Plain lists, which dcc.Graph passes to the click callback; betweenness 8/42 to
    # the 3 significant figures the hover shows.
    assert gwynedd["customdata"][0] == [C, 4, 0.19, 2]
    # Sized by degree: C (4) is the largest, E (0) the smallest.
    assert _unpack(gwynedd["marker"]["size"]).tolist() == [18, 14, 5]


def test_coloured_by_category_the_hover_names_it_once(db: Database) -> None:
    data = load_network(db, Filters("2018/19"), "map")
    yellow = build_network_figure(data, "category", "degree", "cy")["data"][3]
    assert yellow["meta"] == "Melyn"
    assert "hovertext" not in yellow
    assert "%{meta}" in yellow["hovertemplate"]
    assert "Gradd: " in yellow["hovertemplate"]


def test_map_keeps_ground_proportions_and_fits_the_schools(db: Database) -> None:
    data = load_network(db, Filters("2018/19"), "map")
    layout = build_network_figure(data, "la", "degree", "en", revision="r1")["layout"]
    # Placed schools span latitudes 51.47 (G) to 53.30 (A).
    assert layout["yaxis"]["scaleanchor"] == "x"
    assert layout["yaxis"]["scaleratio"] == pytest.approx(1 / math.cos(math.radians(52.385)))
    assert layout["yaxis"]["range"][0] == pytest.approx(51.47 - 1.83 * 0.05)
    assert layout["xaxis"]["visible"] is False
    assert layout["uirevision"] == "r1"
    assert layout["legend"]["title"]["text"] == "Local authority"


def test_no_schools_says_so(db: Database) -> None:
    data = load_network(db, Filters("2018/19", "CSC", 681, sector="special"), "map")
    figure = build_network_figure(data, "la", "degree", "en")
    assert figure["layout"]["annotations"][0]["text"] == "No schools match these filters."


def _luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance of #rrggbb."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("colour", [*figures.PALETTE, figures.MUTED])
def test_group_colours_stand_out_from_white(colour: str) -> None:
    # WCAG 1.4.11: graphical objects at least 3:1 against what is next to them.
    assert (1.05) / (_luminance(colour) + 0.05) >= 3


def test_force_layout_draws_no_outlines_and_keeps_units_square(db: Database) -> None:
    data = load_network(db, Filters("2018/19"), "force")
    figure = build_network_figure(data, "la", "degree", "en")
    assert figure["data"][0]["name"] == "Ties through 1 PLC (6)"
    assert figure["layout"]["yaxis"]["scaleratio"] == 1
    # H has no location but has a place in the layout: Cardiff's three are all drawn.
    assert len(_unpack(figure["data"][1]["x"])) == 3
