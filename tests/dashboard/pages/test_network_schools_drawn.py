"""A view of schools draws at most MAX_SCHOOLS_DRAWN of them (the United States has
130,000): those with the most ties, the ties between them, and a sentence saying so;
the summary, the tables and the picker's reach stay as the page states.

On the hand-made fixture (tests/dashboard/fixtures.py), with the cap lowered to 3.
Ties of 2018/19: A-B, A-C, B-C, C-D, C-F, D-F, so degrees C 4, A, B, D and F 2, and
E, G, H 0: the three drawn are C, then A and B (the lowest school numbers of those
with 2), and the ties drawn A-B, A-C and B-C.
"""

from __future__ import annotations

import base64

import numpy as np
import pandas as pd
import pytest

from dashboard.core.db import Database
from dashboard.core.filters import Choices, Filters, resolve_filters
from dashboard.pages.network import data as network_data
from dashboard.pages.network.data import choose_schools_to_draw, load_network, load_ties
from dashboard.pages.network.figures import build_network_figure
from dashboard.pages.network.layout import OPTIONS, build_network_parts

A, B, C, D, E, F, G, H = 6602001, 6602002, 6612001, 6612002, 6614001, 6812001, 6812002, 6814001
CAP = 3


def _drawn_by_hand(ties: pd.DataFrame, cap: int) -> set[int]:
    """The ``cap`` schools with the most ties, equal counts by school number."""
    ends = pd.concat([ties["school_a"], ties["school_b"]]).value_counts()
    ranked = sorted(ends.items(), key=lambda item: (-item[1], item[0]))
    return {int(school) for school, _ in ranked[:cap]}


def _segments_in(trace: dict) -> int:
    """The ties a trace of lines draws: three points each (two ends and a gap)."""
    x = trace["x"]
    count = np.frombuffer(base64.b64decode(x["bdata"]), "<f4").size if x else 0
    return count // 3


def _figure_schools(figure: dict) -> list[int]:
    """The school numbers of the figure's points (their customdata's first value)."""
    return [row[0] for trace in figure["data"] for row in trace.get("customdata", [])]


@pytest.fixture
def capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(network_data, "MAX_SCHOOLS_DRAWN", CAP)


def test_choice_is_the_most_tied_then_the_lowest_number_and_never_an_unplaced_school() -> None:
    schools = pd.DataFrame(
        {
            "school_id": [5, 4, 3, 2, 1],
            "degree": [1, 7, 3, 3, 9],
            "x": [0.0, 0.0, 0.0, 0.0, np.nan],  # school 1, the most tied, is not placed
            "y": [0.0, 0.0, 0.0, 0.0, 0.0],
        }
    )
    assert choose_schools_to_draw(schools, cap=4) is None  # four placed: all drawn
    assert choose_schools_to_draw(schools, cap=2).tolist() == [1, 3]  # schools 4 and 2


@pytest.mark.usefixtures("capped")
def test_the_schools_drawn_and_their_ties_by_hand(db: Database) -> None:
    ties, _ = load_ties(db, Filters("2018/19"))
    expected = _drawn_by_hand(ties, CAP)
    assert expected == {A, B, C}
    data = load_network(db, Filters("2018/19"), "force")
    figure = build_network_figure(data, "la", "degree", "en")
    assert sorted(_figure_schools(figure)) == sorted(expected)
    inside = ties["school_a"].isin(expected) & ties["school_b"].isin(expected)
    assert data.summary.ties_drawn == int(inside.sum()) == 3  # A-B, A-C, B-C
    lines = [trace for trace in figure["data"] if trace.get("mode") == "lines"]
    assert sum(_segments_in(trace) for trace in lines) == 3


@pytest.mark.usefixtures("capped")
def test_summary_and_tables_keep_every_school(db: Database, choices: Choices) -> None:
    capped = load_network(db, Filters("2018/19"), "force")
    every = load_network(Database(db.path), Filters("2018/19"), "force")  # a fresh cache
    assert len(capped.schools) == 8
    for name in ("schools", "isolated", "ties", "cross_la_ties", "outside_ties", "unplaced"):
        assert getattr(capped.summary, name) == getattr(every.summary, name), name


@pytest.mark.usefixtures("capped")
@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "Only the 3 schools with the most ties are drawn, of the 8 placed, with the 3 ties"),
     ("cy", "Dim ond y 3 ysgol â'r mwyaf o gysylltiadau a lunnir, o'r 8 a leolir, gyda'r 3")],
)  # fmt: skip
def test_the_page_says_what_is_drawn_and_offers_those_schools(
    db: Database, choices: Choices, lang: str, words: str
) -> None:
    filters = resolve_filters({"year": "2018/19", "view": "force"}, choices, OPTIONS)
    parts = build_network_parts(load_network(db, filters, "force"), filters, choices, lang)
    assert words in parts.figure_note
    assert sorted(int(o["value"]) for o in parts.school_options) == [A, B, C]


def test_under_the_cap_nothing_is_said_and_every_school_is_drawn(
    db: Database, choices: Choices
) -> None:
    filters = resolve_filters({"year": "2018/19", "view": "force"}, choices, OPTIONS)
    data = load_network(db, filters, "force")
    parts = build_network_parts(data, filters, choices, "en")
    assert data.drawn is None
    assert "Only the" not in parts.figure_note
    assert sorted(_figure_schools(parts.figure)) == sorted(data.schools["school_id"])


@pytest.mark.usefixtures("capped")
def test_a_school_picked_but_not_drawn_is_still_ringed_with_its_ties(db: Database) -> None:
    data = load_network(db, Filters("2018/19"), "force")
    figure = build_network_figure(data, "la", "degree", "en", selected=F)
    assert F not in _figure_schools(figure)
    ties, ring = figure["data"][-2:]
    # F's ties, C-F and D-F, though F is not drawn; and F ringed where it is placed.
    assert _segments_in(ties) == 2
    placed = data.schools.set_index("school_id").loc[F, ["x", "y"]].tolist()
    assert ring["marker"]["symbol"] == "circle-open"
    assert [ring["x"][0], ring["y"][0]] == pytest.approx(placed)
