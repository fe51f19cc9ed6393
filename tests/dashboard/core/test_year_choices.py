"""The years the dashboard offers: the years of the network (docs/measures.md, "The
years of the network"), opening on the latest; a year the outcome files alone reach
is listed as such and never chosen.

The database is published by the real refresh from the tiny contract files
(tests/data/raw_tiny) and the real reference files: its PLCs run from September 2016
to July 2018 (one with no end date), its last activity and review are of 2016/17
and 2017/18; the published categorisation list (2018/19) and a local outcome row
(2019/20) reach two years more. So 2016/17 and 2017/18 are the years of the network,
2018/19 and 2019/20 have outcomes only: the case of issue 12, where the dashboard
opened on a year of "no collaboration".
"""

from __future__ import annotations

import shutil
from pathlib import Path

import plotly.graph_objects as go
import pytest

from dashboard.core.db import Database
from dashboard.core.filters import Filters, list_year_options, load_choices, resolve_filters
from dashboard.pages.overview.data import load_overview
from dashboard.pages.overview.figures import build_support_figure
from dashboard.pages.overview.layout import build_support_table as build_overview_support_table
from dashboard.pages.school.data import load_school
from dashboard.pages.school.layout import build_support_table
from dashboard.ui.filter_bar import build_filter_dropdown
from etl.refresh import refresh
from tests.dashboard.components import text_of


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, test_data: Path, reference_dir: Path) -> Database:
    folder = tmp_path_factory.mktemp("years")
    shutil.copytree(test_data / "raw_tiny", folder / "raw")
    published = folder / "plcnet.duckdb"
    result = refresh(folder / "raw", published, reference_dir, progress=lambda _line: None)
    assert result.status == "success"
    return Database(published)


def test_the_years_offered_are_the_years_of_the_network(db: Database) -> None:
    choices = load_choices(db)
    assert choices.years == ["2016/17", "2017/18"]
    assert choices.outcome_only_years == ("2018/19", "2019/20")


@pytest.mark.parametrize("asked", [None, "2019/20", "2018/19", "2030/31"])
def test_the_dashboard_opens_on_the_latest_year_with_plc_data(db: Database, asked) -> None:
    query = {} if asked is None else {"year": asked}
    assert resolve_filters(query, load_choices(db)).year == "2017/18"


def test_an_earlier_year_of_the_network_can_be_chosen(db: Database) -> None:
    assert resolve_filters({"year": "2016/17"}, load_choices(db)).year == "2016/17"


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("en", "2019/20: outcomes only, no PLC data"),
        ("cy", "2019/20: canlyniadau yn unig, dim data CDP"),
    ],
)
def test_outcome_only_years_are_listed_as_such_and_cannot_be_chosen(
    db: Database, lang: str, label: str
) -> None:
    options = list_year_options(load_choices(db), lang)
    assert [option["value"] for option in options] == ["2016/17", "2017/18", "2018/19", "2019/20"]
    assert [bool(option.get("disabled")) for option in options] == [False, False, True, True]
    assert options[-1]["label"] == label
    assert options[1]["label"] == "2017/18"
    assert options[2]["label"].startswith("2018/19: ")


def test_the_year_menu_shows_the_default_and_the_labelled_years(db: Database) -> None:
    choices = load_choices(db)
    filters = resolve_filters({}, choices)
    field = build_filter_dropdown("overview", "year", filters, choices, "en")
    dropdown = field.children[1]
    assert dropdown.value == "2017/18"
    assert dropdown.options[-1] == {
        "label": "2019/20: outcomes only, no PLC data",
        "value": "2019/20",
        "disabled": True,
    }


def test_the_trend_of_the_overview_has_only_the_years_of_the_network(db: Database) -> None:
    yearly = db.query("overview__yearly", consortium=None, la=None, sector=None, medium=None)
    # Before, 2018/19 and 2019/20 showed 0 ties and every school isolated.
    assert yearly["year"].tolist() == ["2016/17", "2017/18"]
    assert yearly["ties"].tolist() == [1, 3]


def test_the_published_network_has_no_year_without_plc_data(db: Database) -> None:
    def network_years(con) -> list[tuple[str, int]]:
        return con.execute(
            "SELECT year, sum(ties_lost) FROM net_school_metrics GROUP BY 1 ORDER BY 1"
        ).fetchall()

    # 2017/18 loses no tie of 2016/17 (6602130-6602131 stays); nothing is lost into
    # 2018/19, which has no network.
    assert db.call(network_years) == [("2016/17", None), ("2017/18", 0)]


@pytest.mark.parametrize(
    ("lang", "outcome_year"),
    [
        ("en", "2019/20: outcomes only, no PLC data"),
        ("cy", "2019/20: canlyniadau yn unig, dim data CDP"),
    ],
)
def test_a_schools_support_category_in_a_year_of_outcomes_only_says_so(
    db: Database, lang: str, outcome_year: str
) -> None:
    # 6602130's categories: 2016/17 (a year of the network) and 2019/20 (outcomes only).
    data = load_school(db, 6602130, "2017/18")
    assert data is not None
    table = build_support_table(data, lang)
    rows = [text_of(row.children[0]) for row in table.children[-1].children]
    assert rows == ["2016/17", outcome_year]


@pytest.mark.parametrize(
    ("lang", "outcome_year"),
    [
        ("en", "2019/20: outcomes only, no PLC data"),
        ("cy", "2019/20: canlyniadau yn unig, dim data CDP"),
    ],
)
def test_the_overviews_support_chart_labels_the_years_of_outcomes_only(
    db: Database, lang: str, outcome_year: str
) -> None:
    # Support categories reach 2016/17 (a year of the network) and 2019/20 (outcomes only).
    data = load_overview(db, Filters("2017/18"))
    figure = go.Figure(build_support_figure(data.support, lang))  # checked by plotly
    ticks = dict(zip(figure.layout.xaxis.tickvals, figure.layout.xaxis.ticktext, strict=True))
    assert ticks["2016/17"] == "2016/17"
    # Wrapped onto lines, so that a phone shows it whole.
    assert "<br>" in ticks["2019/20"]
    assert ticks["2019/20"].replace("<br>", " ") == outcome_year
    # Every bar stands at a year the axis names.
    assert {x for trace in figure.data for x in trace.x} == set(ticks)
    table = build_overview_support_table(data, "Wales", lang)
    rows = [text_of(row.children[0]) for row in table.children[-1].children]
    assert rows == ["2016/17", outcome_year]
