"""A school's profile (/school/<number>): its numbers on the hand-made fixture, its page
and its files. Known answers are worked by hand from tests/dashboard/fixtures.py."""

from __future__ import annotations

import csv
import io
import itertools
import shutil
import sys
from pathlib import Path

import dash
import duckdb
import pytest
from dash import dcc, html

from dashboard.core import ids
from dashboard.core.db import Database
from dashboard.core.downloads import build_subject_csv_name
from dashboard.core.filters import Choices, Filters
from dashboard.core.links import build_plc_href, build_school_href, read_path_id
from dashboard.core.parts import outputs_of
from dashboard.core.views import View
from dashboard.measures.catalogue import name_measure
from dashboard.pages.school.data import SCHOOL_MEASURES, load_school, parse_school_id
from dashboard.pages.school.downloads import (
    build_brokerage_csv,
    build_measures_csv,
    build_partners_csv,
    build_plcs_csv,
)
from dashboard.pages.school.layout import SchoolParts, format_measure_cell
from etl.load import SQL_DIR
from etl.network.build import project_memberships
from tests.dashboard.components import text_of, walk

C = 6612001  # Ysgol Caernarfon, Gwynedd (661), GwE


def _render(app: dash.Dash, school_id: str | None, **query: str) -> html.Div:
    page = dash.page_registry["dashboard.pages.school.page"]
    with app.server.test_request_context("/"):
        return page["layout"](school_id=school_id, **query)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("6612001", 6612001), (" 6612001 ", 6612001), ("66x", None), ("", None), (None, None),
     ("none", None), ("-6612001", None), ("1234567890", None)],
)  # fmt: skip
def test_parse_school_id(value: object, expected: int | None) -> None:
    assert parse_school_id(value) == expected


def test_links_keep_year_and_language_and_quote_plc_ids() -> None:
    assert build_school_href(C, "2018/19", "en") == "/school/6612001?year=2018/19"
    assert build_school_href(C, "2017/18", "cy") == "/school/6612001?year=2017/18&lang=cy"
    assert build_plc_href("P1", "2018/19", "cy") == "/plc/P1?year=2018/19&lang=cy"
    assert build_plc_href("a/b c", "2018/19", "en") == "/plc/a%2Fb%20c?year=2018/19"
    assert read_path_id("a%2Fb%20c") == "a/b c"


def test_unknown_school_has_no_profile(db: Database) -> None:
    assert load_school(db, 6619999, "2018/19") is None


def test_profile_names_the_school_and_its_region(db: Database) -> None:
    data = load_school(db, C, "2018/19")
    assert data is not None
    assert (data.profile.name, data.profile.la_name("cy"), data.profile.consortium_code) == (
        "Ysgol Caernarfon",
        "Gwynedd",
        "GWE",
    )


def test_measures_set_the_school_against_its_la_and_wales(db: Database) -> None:
    # Degree of C: 2016/17 A-C; 2017/18 A-C, B-C, C-F; 2018/19 A-C, B-C, C-D, C-F.
    # Gwynedd (C, D, E): 2016/17 1, 1, 1; 2017/18 3, 0, 0; 2018/19 4, 2, 0.
    # Wales: twice the ties over 8 schools: 6/8, 10/8, 12/8.
    data = load_school(db, C, "2018/19")
    degree = data.measures.pivot(index="year", columns="scope", values="degree")
    assert degree["school"].tolist() == [1, 3, 4]
    assert degree["la"].tolist() == pytest.approx([1, 1, 2])
    assert degree["wales"].tolist() == pytest.approx([0.75, 1.25, 1.5])
    plcs = data.measures.pivot(index="year", columns="scope", values="n_plcs")
    assert plcs["school"].tolist() == [1, 2, 2]
    # Cross-LA ties of Gwynedd's schools in 2018/19: C 3 (A, B, F), D 1 (F), E 0.
    cross = data.measures.pivot(index="year", columns="scope", values="cross_la_ties")
    assert cross.loc["2018/19", "la"] == pytest.approx(4 / 3)


def test_partners_in_the_year_with_their_categories(db: Database) -> None:
    data = load_school(db, C, "2018/19")
    partners = data.partners
    assert partners["name"].tolist() == [
        "Fairwater Primary",
        "Ysgol Aber",
        "Ysgol Bodedern",
        "Ysgol Dolgellau",
    ]
    assert partners["cross_la"].tolist() == [True, True, True, False]
    assert partners["category"].tolist() == ["green", "green", "green", "yellow"]
    assert load_school(db, C, "2016/17").partners["name"].tolist() == ["Ysgol Aber"]


def test_plcs_in_the_year_with_members_suppressed(db: Database) -> None:
    # 2018/19: P1 (A, C, B; 3 members) led by A; P3 (C, F, D; 3 members) led by C.
    plcs = load_school(db, C, "2018/19").plcs
    assert plcs["plc_id"].tolist() == ["P1", "P3"]
    assert plcs["is_lead"].tolist() == [False, True]
    assert plcs["n_schools"].tolist() == [3, 3]
    assert plcs["members"].isna().all()
    assert plcs["members_suppressed"].tolist() == [True, True]
    # 2016/17: P1 only (A, C); P3 starts in 2017.
    assert load_school(db, C, "2016/17").plcs["n_schools"].tolist() == [2]


def test_brokerage_roles_over_the_years(db: Database) -> None:
    # fixtures.py, by hand: 2017/18 A->C->F (660, 661, 681) liaison; 2018/19 that
    # and A->C->D (660, 661, 661) gatekeeper.
    brokerage = load_school(db, C, "2018/19").brokerage.set_index("year")
    assert brokerage["liaison"].tolist() == [0, 1, 1]
    assert brokerage["gatekeeper"].tolist() == [0, 0, 1]
    assert brokerage["total"].tolist() == [0, 1, 2]
    assert (brokerage[["coordinator", "representative", "itinerant"]] == 0).all().all()
    rows = _rows(build_brokerage_csv(load_school(db, C, "2018/19"), "cy"))
    assert rows[0] == [
        "Blwyddyn", "Cydlynydd", "Porthor", "Cynrychiolydd", "Teithiol", "Cyswllt", "Pob rôl",
    ]  # fmt: skip
    assert rows[3] == ["2018/19", "0", "1", "0", "0", "1", "2"]


def test_fixture_brokerage_is_what_the_etl_counts(overview_db_path: Path, tmp_path: Path) -> None:
    # The hand-worked roles of the fixture against the ETL's own SQL on its memberships.
    copy = tmp_path / "fixture.duckdb"
    shutil.copy(overview_db_path, copy)
    con = duckdb.connect(str(copy))
    try:
        project_memberships(con)
        sql = (SQL_DIR / "marts" / "net_brokerage.sql").read_text(encoding="utf-8")
        counted = con.execute(
            f"SELECT year, school_id, broker_gatekeeper, broker_liaison, broker_total FROM ({sql})"
            " ORDER BY year, school_id"
        ).fetchall()
        stored = con.execute(
            "SELECT year, school_id, broker_gatekeeper, broker_liaison, broker_total"
            " FROM net_school_metrics WHERE broker_total > 0 ORDER BY year, school_id"
        ).fetchall()
    finally:
        con.close()
    assert (
        counted
        == stored
        == [
            ("2017/18", 6612001, 0, 1, 1),
            ("2017/18", 6812001, 1, 0, 1),
            ("2018/19", 6612001, 1, 1, 2),
        ]
    )


def test_support_category_over_the_years(db: Database) -> None:
    support = load_school(db, C, "2018/19").support
    # Every year of the fixture has PLC data (has_plc_data).
    assert support.values.tolist() == [
        ["2016/17", "amber", True],
        ["2017/18", "yellow", True],
        ["2018/19", "yellow", True],
    ]


@pytest.mark.parametrize(
    ("measure", "value", "shown"),
    [("degree", 4.0, "4"), ("degree", 4 / 3, "1.3"), ("n_plcs", 1234.0, "1,234"),
     ("betweenness", 0.012345, "0.0123"), ("clustering", 1 / 3, "0.33"),
     ("degree", float("nan"), "")],
)  # fmt: skip
def test_format_measure(measure: str, value: float, shown: str) -> None:
    # The catalogue's formats (betweenness to 4 places, clustering to 2), and an empty
    # cell where a value is missing.
    assert format_measure_cell(measure, value, "en") == shown


def test_page_draws_the_profile_with_one_h1_and_ordered_headings(app: dash.Dash) -> None:
    page = _render(app, str(C), year="2018/19")
    components = list(walk(page))
    assert [text_of(c) for c in components if isinstance(c, html.H1)] == ["Ysgol Caernarfon"]
    levels = [
        int(type(c).__name__[1]) for c in components if type(c).__name__ in {"H1", "H2", "H3"}
    ]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
    by_id = {c.id: c for c in components if getattr(c, "id", None)}
    assert text_of(by_id["school-card-partners"]) == (
        "Partner schools4Schools it shared at least one PLC with."
    )
    assert text_of(by_id["school-card-cross-la"]).startswith("Partners in other local authorities3")
    assert text_of(by_id["school-card-category"]).startswith("Support categoryYellow")
    assert text_of(by_id["school-card-brokerage"]).startswith("Pairs brokered2")
    tables = [c for c in components if isinstance(c, html.Table)]
    assert len(tables) == 5
    assert all(any(isinstance(x, html.Caption) for x in walk(table)) for table in tables)


def test_page_links_partners_and_plcs_in_the_year_and_language(app: dash.Dash) -> None:
    page = _render(app, str(C), year="2017/18", lang="cy")
    hrefs = {text_of(c): c.href for c in walk(page) if isinstance(c, dcc.Link)}
    assert hrefs["Fairwater Primary"] == "/school/6812001?year=2017/18&lang=cy"
    assert hrefs["Maths across the regions"] == "/plc/P3?year=2017/18&lang=cy"
    assert hrefs["Ysgol Aber"] == "/school/6602001?year=2017/18&lang=cy"


def test_welsh_page_is_in_welsh(app: dash.Dash) -> None:
    page = _render(app, str(C), year="2018/19", lang="cy")
    by_id = {c.id: c for c in walk(page) if getattr(c, "id", None)}
    assert text_of(by_id[ids.SCHOOL_GLANCE_HEADING]) == "2018/19 yn gryno"
    assert text_of(by_id["school-card-category"]).startswith("Categori cymorthMelyn")


@pytest.mark.parametrize("school_id", ["6619999", "abc", "none"])
def test_unknown_number_gets_a_message_and_a_way_back(app: dash.Dash, school_id: str) -> None:
    page = _render(app, school_id)
    components = list(walk(page))
    assert [text_of(c) for c in components if isinstance(c, html.H1)] == ["School not found"]
    assert any(
        text_of(c) == f"No school has the number {school_id} in the published data."
        for c in components
    )
    assert [c.href for c in components if isinstance(c, dcc.Link)] == ["/"]


def test_page_without_a_school_holds_every_component_for_dash_to_check(app: dash.Dash) -> None:
    page = _render(app, None)
    found = {c.id for c in walk(page) if getattr(c, "id", None)}
    assert {o.component_id for o in outputs_of(SchoolParts)} <= found
    assert ids.csv_button("school", "partners") in found


def test_year_change_redraws_the_year_parts(app: dash.Dash, db: Database, choices: Choices) -> None:
    module = sys.modules["dashboard.pages.school.page"]
    with app.server.test_request_context("/"):
        view = View(db, choices, Filters("2016/17"), "en", "/school/6612001")
        parts = module.build_parts(view)
    assert len(parts) == len(outputs_of(SchoolParts))
    assert parts[0] == "2016/17 at a glance"
    assert parts[4] == "Partner schools in 2016/17"
    assert text_of(parts[3]).count("Literacy across Môn and Gwynedd") == 1
    # The measures figure is patched, not drawn again: 6 measures x 3 lines resized,
    # the school's degree line first (2016/17, 2017/18, 2018/19).
    operations = parts[6].to_plotly_json()["operations"]
    assert len(operations) == 18
    assert operations[0]["location"] == ["data", 0, "marker", "size"]
    assert operations[0]["params"]["value"] == [13, 7, 7]


def test_title_names_the_school(app: dash.Dash) -> None:
    module = sys.modules["dashboard.pages.school.page"]
    with app.server.test_request_context("/school/6612001?lang=cy"):
        assert module.build_title("6612001") == "Ysgol Caernarfon: proffil ysgol · plcnet"
    with app.server.test_request_context("/school/1"):
        assert module.build_title("1") == "School not found · plcnet"


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_measures_are_named_as_the_catalogue_names_them(db: Database) -> None:
    # One name a measure, in both languages: the glossary's, not the school page's own.
    data = load_school(db, C, "2018/19")
    for lang in ("en", "cy"):
        header = _rows(build_measures_csv(data, lang))[0]
        assert header[2:] == [name_measure(m, lang) for m in SCHOOL_MEASURES]
    assert _rows(build_measures_csv(data, "en"))[0][2] == "Partner schools (degree)"


def test_csv_files_hold_the_tables(db: Database) -> None:
    data = load_school(db, C, "2018/19")
    partners = _rows(build_partners_csv(data, "en"))
    assert partners[0][:3] == ["School", "School number", "Local authority"]
    assert partners[1] == [
        "Fairwater Primary", "6812001", "Cardiff", "Primary", "Green", "1", "Yes",
    ]  # fmt: skip
    plcs = _rows(build_plcs_csv(data, "en"))
    assert plcs[2] == [
        "Maths across the regions", "Numeracy", "Across consortia", "Self-selected", "Yes",
        "3", "c", "c", "No",
    ]  # fmt: skip
    # P1 in 2018/19 (fixtures.py): health 56, withheld with its 3 members.
    assert plcs[1][-2:] == ["c", "No"]
    # 2018/19, by hand (ties A-B, A-C, B-C, C-D, C-F, D-F; E, G, H isolated). C's
    # betweenness: A-D, A-F, B-D and B-F each have one shortest path, through C: 4 pairs,
    # over (8-1)(8-2)/2 = 21. Clustering: C's partners A, B, D, F have 2 ties of 6;
    # D (C, F), A (B, C), B (A, C) and F (C, D) have 1 of 1. Gwynedd is C, D, E; Wales
    # all 8: betweenness 4/21 over 3 and 8; clustering (1/3 + 1) / 3 and (4 + 1/3) / 8;
    # PLCs (2 + 1 + 0) / 3 and 7 / 8; cross-LA ends (3 + 1 + 0) / 3 and 2 * 4 / 8.
    measures = _rows(build_measures_csv(data, "en"))
    assert measures[-3:] == [
        ["2018/19", "This school", "4", "4", "0.1905", "0.33", "2", "3"],
        ["2018/19", "Gwynedd mean", "2", "2", "0.0635", "0.44", "1", "1.3"],
        ["2018/19", "Wales mean", "1.5", "1.5", "0.0238", "0.54", "0.9", "1"],
    ]
    name = build_subject_csv_name("school", "6612001", "partners", Filters("2018/19"))
    assert name == "plcnet-school-6612001-partners-2018-19.csv"


def test_members_at_five_or_more_are_shown_on_the_demo(demo_db: Path) -> None:
    # An independent count: members of each PLC of the busiest school's 2018/19 PLCs,
    # by pandas from the raw tables.
    con = duckdb.connect(str(demo_db), read_only=True)
    try:
        members = con.execute(
            "select m.plc_id, m.school_id, m.member_id, m.joined, m.left,"
            " p.start_date, p.end_date from plc_memberships m join plcs p using (plc_id)"
        ).fetchdf()
    finally:
        con.close()
    start, end = "2018-09-01", "2019-08-31"
    counting = members[
        (members["start_date"].astype(str) <= end)
        & (members["end_date"].isna() | (members["end_date"].astype(str) >= start))
        & (members["joined"].astype(str) <= end)
        & (members["end_date"].isna() | (members["joined"] <= members["end_date"]))
        & (members["left"].isna() | (members["left"].astype(str) >= start))
        & (members["left"].isna() | (members["left"] >= members["start_date"]))
    ]
    school = int(counting.groupby("school_id")["plc_id"].nunique().idxmax())
    expected = counting[
        counting["plc_id"].isin(counting.loc[counting.school_id == school, "plc_id"])
    ]
    expected = expected.groupby("plc_id")["member_id"].nunique()
    plcs = load_school(Database(demo_db), school, "2018/19").plcs.set_index("plc_id")
    assert sorted(plcs.index) == sorted(expected.index)
    for plc_id, n in expected.items():
        if n >= 5:
            assert plcs.loc[plc_id, "members"] == n
        else:
            assert plcs.loc[plc_id, "members_suppressed"]
    assert (expected >= 5).any()  # the fixture's PLCs are all under 5
