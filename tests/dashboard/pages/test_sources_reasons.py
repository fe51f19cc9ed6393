"""The reasons rows were set aside, in the page's language: every reason the refresh can
write (etl/reasons.py) has its words in English and Welsh, and the data page, its chart
and its CSVs show them in Welsh on a Welsh page; a reason it does not know (an older
refresh's) is shown as written."""

from __future__ import annotations

import csv
import io
import string

import pytest

from dashboard.core.db import Database
from dashboard.pages.sources.data import load_data_page
from dashboard.pages.sources.downloads import build_rejected_csv, build_rejected_rows_csv
from dashboard.pages.sources.layout import (
    build_rejected_figure_or_message,
    build_rejected_rows_table,
    build_rejected_table,
)
from dashboard.pages.sources.reasons import SAY_REASON, say_reason
from etl.reasons import REASONS
from tests.dashboard.components import text_of

ALLOWED = "not one of the allowed values: literacy, numeracy"  # tests/dashboard/fixtures.py
ALLOWED_CY = "nid yw'n un o'r gwerthoedd a ganiateir: literacy, numeracy"
UNKNOWN = "not a date (YYYY-MM-DD)"  # the fixture's, not a reason of etl/reasons.py


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", REASONS)
def test_every_reason_has_its_words_in_english_and_welsh(code: str) -> None:
    fields = {name: f"<{name}>" for name in _fields(REASONS[code])}
    english = REASONS[code].format(**fields)
    assert SAY_REASON[code]("en", fields) == english  # the same words as the refresh's
    welsh = SAY_REASON[code]("cy", fields)
    assert welsh != english
    assert all(f"<{name}>" in welsh for name in fields)
    assert say_reason(english, "cy") == welsh


def test_no_words_for_a_reason_the_refresh_does_not_give() -> None:
    assert set(SAY_REASON) == set(REASONS)


def test_a_reason_not_known_is_shown_as_written() -> None:
    assert say_reason(UNKNOWN, "cy") == UNKNOWN
    assert say_reason(None, "cy") == ""


def test_the_welsh_data_page_gives_welsh_reasons(db: Database) -> None:
    data = load_data_page(db)
    for table in (build_rejected_table(data.rejected, "cy"),
                  build_rejected_rows_table(data.rejected_rows, "cy")):  # fmt: skip
        shown = text_of(table)
        assert ALLOWED_CY in shown and ALLOWED not in shown
        assert UNKNOWN in shown
    english = text_of(build_rejected_rows_table(data.rejected_rows, "en"))
    assert ALLOWED in english and ALLOWED_CY not in english
    labels = " ".join(build_rejected_figure_or_message(data.rejected, "cy").data[0].y)
    assert "nid yw'n un o'r gwerthoedd" in labels


def test_the_welsh_csvs_give_welsh_reasons(db: Database) -> None:
    data = load_data_page(db)
    for build in (build_rejected_csv, build_rejected_rows_csv):
        rows = list(csv.reader(io.StringIO(build(data, "cy"))))
        reasons = {row[-2] if build is build_rejected_csv else row[-1] for row in rows[1:]}
        assert ALLOWED_CY in reasons and ALLOWED not in reasons
