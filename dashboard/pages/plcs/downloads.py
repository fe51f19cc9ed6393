"""The PLC directory's CSV: every PLC listed, not only the page shown (no Dash and no
database here)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from dashboard.core.downloads import write_csv
from dashboard.i18n import t
from dashboard.pages.plcs.data import DirectoryPage
from dashboard.pages.plcs.layout import (
    describe_las,
    format_members,
    list_directory_columns,
)
from dashboard.ui.labels import (
    describe_shallow,
    format_health,
    label_focus,
    label_scope,
    level_words,
)

__all__ = ["build_directory_csv"]


def build_directory_csv(directory: DirectoryPage, lang: str) -> str:
    """Every PLC of ``directory`` (load it with no page size): the table's columns with
    the PLC's id, the number of LAs it spans, the health score to one decimal place and
    the shallow reasons in words."""
    header = [t("plcs.col_id", lang, **level_words(lang)), *list_directory_columns(lang)]
    header.insert(5, t("plcs.col_n_las", lang, **level_words(lang)))
    # A few focus areas and scopes over thousands of rows: each labelled once.
    focus = _label_each(directory.rows["focus_area"], label_focus, lang)
    scope = _label_each(directory.rows["scope"], label_scope, lang)
    rows = [
        [
            str(row.plc_id),
            str(row.name),
            focus[row.focus_area],
            scope[row.scope],
            describe_las(row, lang),
            int(row.n_las),
            int(row.n_schools),
            format_members(row, lang),
            int(row.n_activities),
            format_health(row.health_score, row.health_suppressed, lang, digits=1),
            describe_shallow(row.is_shallow, row.shallow_reasons, lang),
        ]
        for row in directory.rows.itertuples(index=False)
    ]
    return write_csv(header, rows)


def _label_each(codes: pd.Series, label: Callable[[str, str], str], lang: str) -> dict[object, str]:
    return {code: label(str(code), lang) for code in codes.unique()}
