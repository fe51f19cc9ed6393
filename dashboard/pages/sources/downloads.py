"""CSV files of what the data page shows (no Dash and no database here), named after the
refresh they describe: ``plcnet-data-runs-20190901T101500-a1b2.csv``."""

from __future__ import annotations

import pandas as pd

from dashboard.core.downloads import name_in_language, write_csv
from dashboard.i18n import t
from dashboard.pages.sources.data import DataPageData, list_refreshes
from dashboard.pages.sources.layout import format_time, label_kind, label_trigger, show_value
from dashboard.pages.sources.reasons import say_reason

__all__ = [
    "build_data_csv_name",
    "build_files_csv",
    "build_rejected_csv",
    "build_rejected_rows_csv",
    "build_runs_csv",
]


def build_data_csv_name(what: str, data: DataPageData, lang: str = "en") -> str:
    """``plcnet-data-<what>-<latest run id>.csv`` (``-none`` before any refresh), its
    words in ``lang`` (``plcnet-data-adnewyddiadau-...``)."""
    run_id = "none" if data.runs.empty else str(data.runs["run_id"].iloc[0])
    words = "-".join(name_in_language(w, lang) for w in ("data", what))
    return f"plcnet-{words}-{run_id}.csv"


def _int(value: object) -> object:
    return "" if value is None or pd.isna(value) else int(value)


def build_runs_csv(data: DataPageData, lang: str) -> str:
    """The refreshes listed, newest first, times in UTC."""
    header = [
        t("data.column_run", lang),
        t("data.column_started", lang),
        t("data.column_finished", lang),
        t("data.column_seconds", lang),
        t("data.column_trigger", lang),
        t("data.column_outcome", lang),
        t("data.column_files_read", lang),
        t("data.column_files_changed", lang),
        t("data.column_rows_read", lang),
        t("data.column_rows_set_aside", lang),
        t("data.column_message", lang),
    ]
    rows = [
        [
            run["run_id"],
            format_time(run["started_at"]),
            format_time(run["finished_at"]),
            "" if pd.isna(run["seconds"]) else f"{run['seconds']:.3f}",
            label_trigger(str(run["trigger"]), lang),
            t("data.outcome_failed", lang)
            if run["status"] == "failed"
            else t("data.outcome_published", lang),
            _int(run["files_read"]),
            _int(run["files_changed"]),
            _int(run["rows_read"]),
            _int(run["rows_set_aside"]),
            "" if pd.isna(run["message"]) else run["message"],
        ]
        for _, run in list_refreshes(data).iterrows()
    ]
    return write_csv(header, rows)


def build_files_csv(data: DataPageData, lang: str) -> str:
    """The files the latest refresh read, with their full checksum and archive name."""
    header = [
        t("data.column_file", lang),
        t("data.column_kind", lang),
        t("data.column_encoding", lang),
        t("data.column_rows", lang),
        t("data.column_sha256", lang),
        t("data.column_archived_as", lang),
    ]
    rows = [
        [
            f["file_name"],
            label_kind(str(f["kind"]), lang),
            f["encoding"],
            _int(f["rows"]),
            f["sha256"],
            f["archived_as"],
        ]
        for _, f in data.files.iterrows()
    ]
    return write_csv(header, rows)


def build_rejected_csv(data: DataPageData, lang: str) -> str:
    """Rows set aside per file, table and reason."""
    header = [
        t("data.column_file", lang),
        t("data.column_table", lang),
        t("data.column_reason", lang),
        t("data.column_rows", lang),
    ]
    rows = [
        [r["file_name"], r["table_name"], say_reason(r["reason"], lang), _int(r["rows"])]
        for _, r in data.rejected.iterrows()
    ]
    return write_csv(header, rows)


def build_rejected_rows_csv(data: DataPageData, lang: str) -> str:
    """The problems listed, values hidden as on the page."""
    header = [
        t("data.column_file", lang),
        t("data.column_table", lang),
        t("data.column_line", lang),
        t("data.column_column", lang),
        t("data.column_value", lang),
        t("data.column_reason", lang),
    ]
    rows = [
        [
            p["file_name"],
            p["table_name"],
            _int(p["line"]),
            "" if pd.isna(p["column_name"]) else p["column_name"],
            show_value(p["value"], p["hidden_because"], lang),
            say_reason(p["reason"], lang),
        ]
        for _, p in data.rejected_rows.iterrows()
    ]
    # The values come from the input files as they were: neutralise any formula.
    return write_csv(header, rows)
