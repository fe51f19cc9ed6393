"""A PLC's CSV files: each of its tables, from the same rows (no Dash and no database
here)."""

from __future__ import annotations

from dashboard.core.downloads import write_csv
from dashboard.pages.plc.data import PlcData
from dashboard.pages.plc.layout import (
    list_activity_columns,
    list_activity_rows,
    list_cycle_columns,
    list_cycle_rows,
    list_health_columns,
    list_health_rows,
    list_member_columns,
    list_member_rows,
    list_review_columns,
    list_review_rows,
)

__all__ = [
    "build_activity_csv",
    "build_cycle_csv",
    "build_health_csv",
    "build_members_csv",
    "build_review_csv",
]


def build_cycle_csv(data: PlcData, lang: str) -> str:
    return write_csv(list_cycle_columns(lang), list_cycle_rows(data, lang))


def build_review_csv(data: PlcData, lang: str) -> str:
    return write_csv(list_review_columns(data, lang), list_review_rows(data, lang))


def build_activity_csv(data: PlcData, lang: str) -> str:
    return write_csv(list_activity_columns(lang), list_activity_rows(data, lang))


def build_health_csv(data: PlcData, lang: str) -> str:
    return write_csv(list_health_columns(lang), list_health_rows(data, lang))


def build_members_csv(data: PlcData, lang: str) -> str:
    return write_csv(list_member_columns(lang), list_member_rows(data, lang, link=False))
