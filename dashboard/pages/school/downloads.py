"""A school's CSV files: each of its profile's tables, from the same rows (no Dash and
no database here)."""

from __future__ import annotations

from dashboard.core.downloads import write_csv
from dashboard.i18n import t
from dashboard.pages.school.data import SchoolData
from dashboard.pages.school.layout import (
    list_brokerage_columns,
    list_brokerage_rows,
    list_measure_columns,
    list_measure_rows,
    list_partner_columns,
    list_partner_rows,
    list_plc_columns,
    list_plc_rows,
)
from dashboard.ui.labels import label_category

__all__ = [
    "build_brokerage_csv",
    "build_measures_csv",
    "build_partners_csv",
    "build_plcs_csv",
    "build_support_csv",
]


def build_brokerage_csv(data: SchoolData, lang: str) -> str:
    return write_csv(list_brokerage_columns(lang), list_brokerage_rows(data))


def build_plcs_csv(data: SchoolData, lang: str) -> str:
    return write_csv(list_plc_columns(lang), list_plc_rows(data, lang, link=False))


def build_partners_csv(data: SchoolData, lang: str) -> str:
    return write_csv(list_partner_columns(lang), list_partner_rows(data, lang, link=False))


def build_measures_csv(data: SchoolData, lang: str) -> str:
    return write_csv(list_measure_columns(lang), list_measure_rows(data, lang))


def build_support_csv(data: SchoolData, lang: str) -> str:
    rows = [
        [str(year), label_category(str(category), lang)]
        for year, category in zip(data.support["year"], data.support["category"], strict=True)
    ]
    return write_csv([t("table.year", lang), t("school.col_category", lang)], rows)
