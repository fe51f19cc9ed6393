"""The data page's numbers and tables on the hand-made fixture (tests/dashboard/fixtures.py:
two successful refreshes, a failed one that must not show, five rows set aside, one
of them a member id that must never leave the database)."""

from __future__ import annotations

import csv
import io

import pandas as pd
from dash import html

from dashboard.core.db import Database
from dashboard.pages.sources.data import find_source, list_files_by_source, load_data_page
from dashboard.pages.sources.downloads import (
    build_data_csv_name,
    build_rejected_csv,
    build_rejected_rows_csv,
    build_runs_csv,
)
from dashboard.pages.sources.layout import (
    build_glossary_table,
    build_rejected_rows_table,
    build_runs_table,
)

LATEST = "20190901T101500-a1b2"
EARLIER = "20190801T080000-e5f6"
FAILED = "20190902T090000-c3d4"


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _text(component: object) -> str:
    if isinstance(component, str):
        return component
    children = getattr(component, "children", None)
    if children is None:
        return ""
    if isinstance(children, list | tuple):
        return " ".join(_text(child) for child in children)
    return _text(children)


def test_the_history_lists_successful_refreshes_newest_first(db: Database) -> None:
    runs = load_data_page(db).runs
    assert runs["run_id"].tolist() == [LATEST, EARLIER]
    latest, earlier = runs.iloc[0], runs.iloc[1]
    # Four files read, 3 + 3 + 8 + 16 rows; two checksums ("4", "5") the run before lacked.
    assert (latest["files_read"], latest["rows_read"], latest["files_changed"]) == (4, 30, 2)
    assert latest["rows_set_aside"] == 4  # plcs 2 + plc_memberships 2
    assert latest["seconds"] == 90.0  # 10:15:00 to 10:16:30
    assert (earlier["files_read"], earlier["rows_read"], earlier["rows_set_aside"]) == (3, 20, 0)
    assert pd.isna(earlier["files_changed"])  # the first run has nothing to compare with


def test_a_failed_run_is_never_listed(db: Database) -> None:
    data = load_data_page(db)
    table = build_runs_table(data.runs, "en")
    assert FAILED not in _text(table)
    assert "The latest 2 successful refreshes" in _text(table)


def test_the_files_are_those_of_the_latest_successful_refresh_in_order(db: Database) -> None:
    files = load_data_page(db).files
    assert files["file_name"].tolist() == [
        "local_authorities.csv",
        "lad.json",
        "plcs.csv",
        "plc_memberships.csv",
    ]
    assert list_files_by_source(files) == {
        "local_authorities": ["local_authorities.csv"],
        "boundaries": ["lad.json"],
        "contract": ["plcs.csv", "plc_memberships.csv"],
    }


def test_sources_of_kinds(db: Database) -> None:
    assert find_source("boundaries:topojson") == "boundaries"
    assert find_source("contract:plc_reviews") == "contract"
    assert find_source("something_else") == "something_else"


def test_rows_set_aside_are_counted_by_file_and_reason(db: Database) -> None:
    rows = _rows(build_rejected_csv(load_data_page(db), "en"))
    counted = sorted((r[0], r[1], r[-1]) for r in rows[1:])
    assert counted == [
        ("plc_memberships.csv", "plc_memberships", "1"),
        ("plc_memberships.csv", "plc_memberships", "1"),
        ("plc_memberships.csv", "plc_memberships", "1"),
        ("plcs.csv", "plcs", "2"),
    ]


def test_the_first_rows_set_aside_never_show_a_member_id(db: Database) -> None:
    data = load_data_page(db)
    problems = data.rejected_rows
    assert problems["line"].tolist() == [5, 7, 7, 3, 4]
    assert "m02" not in problems["value"].dropna().tolist()
    table = build_rejected_rows_table(problems, "en")
    shown = _text(table)
    assert "m02" not in shown
    assert "Hidden (member id)" in shown
    assert "astrology" in shown and "9999999" in shown
    assert "m02" not in build_rejected_rows_csv(data, "en")


def test_csv_names_carry_the_latest_refresh(db: Database) -> None:
    data = load_data_page(db)
    assert build_data_csv_name("runs", data) == f"plcnet-data-runs-{LATEST}.csv"
    rows = _rows(build_runs_csv(data, "cy"))
    assert [r[0] for r in rows[1:]] == [LATEST, EARLIER]


def test_the_glossary_names_every_measure_in_both_languages() -> None:
    english, welsh = build_glossary_table("en"), build_glossary_table("cy")
    assert isinstance(english, html.Table)
    body_en = english.children[2].children
    body_cy = welsh.children[2].children
    assert len(body_en) == len(body_cy) >= 30
    assert "Betweenness" in _text(english)
    assert _text(english) != _text(welsh)
