"""The overview's CSV downloads: the numbers of the table beside the chart."""

from __future__ import annotations

from dashboard.core.db import Database
from dashboard.core.filters import Filters
from dashboard.pages.overview.data import load_overview
from dashboard.pages.overview.downloads import build_headlines_csv, build_support_csv


def test_headlines_csv_holds_the_figures_by_year(db: Database) -> None:
    text = build_headlines_csv(load_overview(db, Filters("2018/19", "GWE")), "en")
    assert text.splitlines() == [
        "Year,Schools in at least one PLC,Active PLCs,Ties that cross LA lines (%),"
        "Isolated schools",
        "2016/17,4,2,50.0,1",
        "2017/18,3,2,75.0,2",
        "2018/19,4,2,66.7,1",
    ]


def test_headlines_csv_leaves_a_missing_share_empty(db: Database) -> None:
    text = build_headlines_csv(load_overview(db, Filters("2018/19", sector="secondary")), "en")
    assert text.splitlines()[-1] == "2018/19,1,1,,2"


def test_support_csv_in_welsh(db: Database) -> None:
    text = build_support_csv(load_overview(db, Filters("2018/19", sector="primary")), "cy")
    lines = text.splitlines()
    assert lines[0] == "Blwyddyn,Categori cymorth,Ysgolion,Cyfran yr ysgolion (%)"
    assert lines[-4:] == [
        "2018/19,Gwyrdd,3,50.0",
        "2018/19,Melyn,3,50.0",
        "2018/19,Ambr,0,0.0",
        "2018/19,Coch,0,0.0",
    ]
