"""What every CSV download shares: the view in the file name, no cell read as a formula.

Each page's own files are tested with the page (tests/dashboard/pages/).
"""

from __future__ import annotations

import pytest

from dashboard.core.downloads import build_csv_name, neutralise_cell, write_csv
from dashboard.core.filters import Filters


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters("2018/19", "GWE"), "plcnet-overview-headlines-2018-19-GWE.csv"),
        (Filters("2017/18", "GWE", 661), "plcnet-overview-headlines-2017-18-661.csv"),
        (Filters("2016/17"), "plcnet-overview-headlines-2016-17-wales.csv"),
        (
            Filters("2018/19", sector="primary", medium="dual_stream"),
            "plcnet-overview-headlines-2018-19-wales-primary-dual-stream.csv",
        ),
    ],
)
def test_file_name_carries_the_filters(filters: Filters, expected: str) -> None:
    assert build_csv_name("overview", "headlines", filters) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+44 20", "'+44 20"),
        ("-1+2", "'-1+2"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-", "'-"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
        # Real negative numbers stay numbers, as text or as numbers.
        ("-2.5", "-2.5"),
        ("-12", "-12"),
        ("-1.5e3", "-1.5e3"),
        ("+3", "+3"),
        ("-1,204", "-1,204"),
        ("-12%", "-12%"),
        (-3, -3),
        (-0.25, -0.25),
        # Anything else is left as it is.
        ("a=b", "a=b"),
        ("2018/19", "2018/19"),
        (" =1", " =1"),
        ("", ""),
        (None, None),
    ],
)
def test_csv_cells_are_neutralised_against_formulas(cell: object, expected: object) -> None:
    assert neutralise_cell(cell) == expected


def test_every_csv_keeps_its_numbers_and_quotes_its_formulas() -> None:
    text = write_csv(["=name", "n"], [["=1+1", -2], ["ok", "-2.5"]])
    assert text.splitlines() == ["'=name,n", "'=1+1,-2", "ok,-2.5"]
