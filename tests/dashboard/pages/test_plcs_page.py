"""The PLC directory (/plcs): which PLCs it lists, how it searches, sorts and pages, and
what it draws. Known answers are worked by hand in tests/dashboard/fixtures.py."""

from __future__ import annotations

import csv
import io
import sys

import dash
import pandas as pd
import pytest
from dash import dcc, html

from dashboard.core import ids
from dashboard.core.db import Database
from dashboard.core.downloads import build_csv_name
from dashboard.core.filters import Choices, Filters
from dashboard.pages.overview.data import load_overview
from dashboard.pages.plcs.data import OPTIONS, load_directory
from dashboard.pages.plcs.downloads import build_directory_csv
from dashboard.pages.plcs.layout import build_directory_parts
from dashboard.ui.labels import SHALLOW_REASONS
from etl.network.plcs import SHALLOW_REASONS as ETL_SHALLOW_REASONS
from tests.dashboard.components import text_of, walk

P1 = "Literacy across Môn and Gwynedd"
P2 = "Cardiff numeracy"
P3 = "Maths across the regions"
P4 = "Wellbeing at Heath"
P5 = "Gwynedd digital skills"
P6 = "Early years"


def _view(
    year: str,
    sort: str = "name",
    order: str = "asc",
    show: str = "all",
    **region: object,
) -> Filters:
    return Filters(year, options=(("sort", sort), ("order", order), ("show", show)), **region)


def _names(db: Database, filters: Filters, search: str = "") -> list[str]:
    return load_directory(db, filters, search).rows["name"].tolist()


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        # P6 has no member after 2016/17; P2 ends in 2018, P5 in 2017; P3 starts in 2017.
        (_view("2018/19"), [P1, P3, P4]),
        (_view("2017/18"), [P2, P1, P3, P4]),
        (_view("2016/17"), [P2, P6, P5, P1]),
        # A PLC is in a region when a member school of that year is.
        (_view("2018/19", consortium="GWE"), [P1, P3]),
        (_view("2018/19", consortium="CSC"), [P3, P4]),
        (_view("2018/19", consortium="GWE", la=660), [P1]),
        (_view("2016/17", consortium="GWE", la=660), [P1]),
        (_view("2018/19", sector="secondary"), [P4]),
        (_view("2016/17", medium="bilingual"), [P5]),
        (_view("2017/18", focus="numeracy"), [P2, P3]),
        (_view("2016/17", show="shallow"), [P2, P6, P5]),
        (_view("2016/17", show="not_shallow"), [P1]),
    ],
)
def test_lists_the_plcs_of_the_year_and_region(
    db: Database, filters: Filters, expected: list[str]
) -> None:
    assert _names(db, filters) == expected


def test_counts_as_the_overview_counts_active_plcs(db: Database, choices: Choices) -> None:
    for year in choices.years:
        for consortium in (None, "GWE", "CSC"):
            filters = _view(year, consortium=consortium)
            headline = load_overview(db, filters).yearly.set_index("year").loc[year]
            assert load_directory(db, filters).total == headline["active_plcs"]


@pytest.mark.parametrize(
    ("search", "expected"),
    [("maths", [P3]), ("ACROSS", [P1, P3]), ("p4", [P4]), ("  heath ", [P4]), ("zzz", []),
     ("'; drop table plcs; --", [])],
)  # fmt: skip
def test_searches_names_and_ids(db: Database, search: str, expected: list[str]) -> None:
    assert _names(db, _view("2018/19"), search) == expected


@pytest.mark.parametrize(
    ("sort", "order", "expected"),
    [
        # Health 94.44, 61.11 and 56.48 would tell the members (all under 5): all "c", so
        # sorting by health must not tell them apart either.
        ("health", "desc", [P1, P3, P4]),
        ("health", "asc", [P1, P3, P4]),
        ("name", "desc", [P4, P3, P1]),
        ("las", "asc", [P4, P1, P3]),  # 1, 2, 2: ties by name
        ("schools", "desc", [P1, P3, P4]),  # 3, 3, 1
        ("activities", "desc", [P3, P4, P1]),  # 6, 4, 3
        # Members 3, 3 and 2 are all shown as "c": sorting by them must not tell them
        # apart, so the order is the names' either way.
        ("members", "asc", [P1, P3, P4]),
        ("members", "desc", [P1, P3, P4]),
    ],
)
def test_sorts_by_what_is_shown(db: Database, sort: str, order: str, expected: list[str]) -> None:
    assert _names(db, _view("2018/19", sort=sort, order=order)) == expected


def test_pages_and_clamps_a_page_past_the_end(db: Database) -> None:
    filters = _view("2017/18")
    first = load_directory(db, filters, page=0, page_size=3)
    assert (first.total, first.pages, first.first, first.last) == (4, 2, 1, 3)
    assert first.rows["name"].tolist() == [P2, P1, P3]
    second = load_directory(db, filters, page=1, page_size=3)
    assert (second.first, second.last, second.rows["name"].tolist()) == (4, 4, [P4])
    assert load_directory(db, filters, page=9, page_size=3).page == 1
    none = load_directory(db, filters, search="zzz", page=2, page_size=3)
    assert (none.total, none.pages, none.page, none.first, none.rows.empty) == (0, 1, 0, 0, True)


def test_rows_carry_las_members_and_shallow_reasons(db: Database) -> None:
    rows = load_directory(db, _view("2016/17")).rows.set_index("plc_id")
    assert rows.loc["P1", "las_en"] == "Gwynedd, Isle of Anglesey"
    assert rows.loc["P1", "las_cy"] == "Gwynedd, Ynys Môn"
    assert rows.loc["P1", "n_las"] == 2
    assert rows["members"].isna().all() and rows["members_suppressed"].all()
    assert list(rows.loc["P2", "shallow_reasons"]) == ["no_analysis_or_review", "low_learner_focus"]
    # P2's health, 100 * (13 / 36 + 1 / 3 + 1 / 2) / 3, would tell its 2 members: withheld.
    assert pd.isna(rows.loc["P2", "health_score"]) and rows.loc["P2", "health_suppressed"]


def test_the_shallow_reasons_are_the_etl_codes() -> None:
    assert SHALLOW_REASONS == ETL_SHALLOW_REASONS


def test_parts_draw_a_page_with_links_sort_and_pager(db: Database, choices: Choices) -> None:
    filters = _view("2016/17", sort="health", order="desc")
    parts = build_directory_parts(load_directory(db, filters), filters, choices, "en")
    assert parts.status == "PLCs 1 to 4 of 4 (3 flagged shallow). Page 1 of 1."
    assert (parts.previous_disabled, parts.next_disabled, parts.page) == (True, True, 0)
    links = [c for c in walk(parts.table) if isinstance(c, dcc.Link)]
    # Every health score is "c" (members under 5): by name, as the page shows nothing else.
    assert [link.href for link in links] == [
        "/plc/P2?year=2016/17",
        "/plc/P6?year=2016/17",
        "/plc/P5?year=2016/17",
        "/plc/P1?year=2016/17",
    ]
    headers = [c for c in walk(parts.table) if isinstance(c, html.Th) and c.scope == "col"]
    sorted_headers = [h for h in headers if "aria-sort" in h.to_plotly_json()["props"]]
    assert [(h.children, h.to_plotly_json()["props"]["aria-sort"]) for h in sorted_headers] == [
        ("Health score", "descending")
    ]
    cells = [text_of(c) for c in walk(parts.table) if isinstance(c, html.Td)]
    assert "Yes: Members, but no activity recorded" in cells  # P5
    caption = next(c for c in walk(parts.table) if isinstance(c, html.Caption))
    assert caption.children == "PLCs active in 2016/17, Wales: page 1 of 1"


def test_parts_in_welsh_and_when_nothing_matches(db: Database, choices: Choices) -> None:
    filters = _view("2017/18", show="shallow")
    parts = build_directory_parts(load_directory(db, filters), filters, choices, "cy")
    cells = [text_of(c) for c in walk(parts.table) if isinstance(c, html.Td)]
    assert (
        "Ydy: Wedi cyfarfod, ond heb ddadansoddi data dysgwyr nac adolygu'r effaith; "
        "Llai nag un gweithgaredd y tymor"
    ) in cells
    none = load_directory(db, filters, "zzz")
    parts = build_directory_parts(none, filters, choices, "en")
    assert parts.status == "No PLC matches."
    assert isinstance(parts.table, html.P)
    assert text_of(parts.table) == ""  # said once, by the status line


def test_csv_holds_every_plc_listed_with_its_reasons(db: Database) -> None:
    filters = _view("2016/17", show="shallow")
    rows = list(
        csv.reader(
            io.StringIO(build_directory_csv(load_directory(db, filters, page_size=None), "en"))
        )
    )
    assert rows[0] == [
        "PLC id", "PLC", "Focus", "Scope", "Local authorities", "Local authorities spanned",
        "Member schools", "Members", "Activities", "Health score", "Shallow",
    ]  # fmt: skip
    assert rows[1] == [
        "P2", P2, "Numeracy", "Between schools", "Cardiff", "1", "2", "c", "3", "c",
        "Yes: Met, but never analysed learners' data nor reviewed impact; "
        "Its review scores the focus on learners 2 or less of 5",
    ]  # fmt: skip
    assert [row[0] for row in rows[1:]] == ["P2", "P6", "P5"]
    name = build_csv_name(
        "plcs", "directory", _view("2018/19", consortium="GWE", focus="numeracy"), OPTIONS
    )
    assert name == "plcnet-plcs-directory-2018-19-GWE-numeracy.csv"


def _render(app: dash.Dash, **query: str) -> html.Div:
    page = dash.page_registry["dashboard.pages.plcs.page"]
    with app.server.test_request_context("/plcs"):
        return page["layout"](**query)


def test_page_reproduces_the_view_in_its_link(app: dash.Dash) -> None:
    page = _render(app, year="2018/19", consortium="GWE", sort="health", order="desc")
    components = list(walk(page))
    by_id = {c.id: c for c in components if getattr(c, "id", None)}
    assert [text_of(c) for c in components if isinstance(c, html.H1)] == ["PLC directory"]
    assert text_of(by_id[ids.PLCS_SCOPE]) == "PLCs active in 2018/19, GwE"
    assert by_id[ids.filter_control("plcs", "sort")].value == "health"
    assert by_id[ids.filter_control("plcs", "order")].value == "desc"
    assert by_id[ids.filter_control("plcs", "show")].value == "all"
    links = [c.children for c in components if isinstance(c, dcc.Link)]
    assert links == [P1, P3]  # health 56.48 and 94.44 both "c": by name


def test_every_control_has_a_label(app: dash.Dash) -> None:
    components = list(walk(_render(app)))
    labelled = {c.htmlFor for c in components if isinstance(c, html.Label)}
    controls = {c.id for c in components if isinstance(c, dcc.Dropdown | dcc.Input)}
    assert controls == {
        *(ids.filter_control("plcs", f) for f in ("year", "consortium", "la", "sector", "medium")),
        ids.filter_control("plcs", "focus"),
        ids.filter_control("plcs", "sort"),
        ids.filter_control("plcs", "order"),
        ids.filter_control("plcs", "show"),
        ids.PLCS_SEARCH,
    }
    assert controls <= labelled


@pytest.mark.parametrize(
    ("trigger", "page", "expected"),
    [(ids.PLCS_NEXT, 0, 1), (ids.PLCS_NEXT, None, 1), (ids.PLCS_PREVIOUS, 2, 1),
     (ids.PLCS_PREVIOUS, 0, 0), (ids.PLCS_SEARCH, 3, 0), (ids.page_url("plcs"), 3, 0)],
)  # fmt: skip
def test_pager_steps_and_a_new_view_starts_again(
    app: dash.Dash, trigger: str, page: int | None, expected: int
) -> None:
    assert sys.modules["dashboard.pages.plcs.page"].choose_page(trigger, page) == expected
