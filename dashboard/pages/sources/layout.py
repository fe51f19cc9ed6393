"""The data page's layout: refreshes, the files read, rows set aside, sources and licences,
and the glossary of every measure."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from dashboard.core import ids
from dashboard.i18n import t
from dashboard.measures.catalogue import (
    TERMS,
    Term,
    cite,
    define_measure,
    glossary_entries,
    label_level,
    name_measure,
)
from dashboard.pages.sources.catalogue import TABLES, describe_table, name_table
from dashboard.pages.sources.data import (
    CONTRACT,
    GIAS_SOURCES,
    SOURCES,
    DataPageData,
    list_files_by_source,
    list_refreshes,
)
from dashboard.pages.sources.figures import build_rejected_figure
from dashboard.pages.sources.reasons import say_reason
from dashboard.ui.charts import (
    build_chart_section,
    build_download,
    build_table_region,
    build_table_section,
)
from dashboard.ui.figures import build_message_figure
from dashboard.ui.labels import (
    level_words,
    system_has_language_media,
    system_has_outcome,
    system_of_page,
    to_number,
)
from dashboard.ui.tables import build_table
from etl.public import manifest_name

__all__ = [
    "PAGE",
    "build_catalogue_section",
    "build_damaged_notice",
    "build_data_layout",
    "build_failure_notice",
    "build_files_table",
    "build_glossary_table",
    "build_rejected_figure_or_message",
    "build_rejected_rows_table",
    "build_rejected_table",
    "build_runs_table",
    "build_sources_table",
    "format_time",
    "label_kind",
    "label_trigger",
    "list_glossary_rows",
    "show_value",
]

PAGE = "data"


def format_time(value: object) -> str:
    """A UTC timestamp as ``2019-09-01 10:16`` (the same in both languages); "" if missing."""
    if value is None or pd.isna(value):
        return ""
    return pd.Timestamp(value).strftime("%Y-%m-%d %H:%M")


def label_trigger(trigger: str, lang: str) -> str:
    """What started a refresh, in words; an unknown one as it is."""
    names = {
        "manual": t("data.trigger_manual", lang),
        "make": t("data.trigger_make", lang),
        "schedule": t("data.trigger_schedule", lang),
        "cron": t("data.trigger_cron", lang),
    }
    return names.get(trigger, trigger)


def label_kind(kind: str, lang: str) -> str:
    """What a file was read as, in words; an unknown kind as it is."""
    names = {
        "local_authorities": t("data.kind_local_authorities", lang),
        "address_list": t("data.kind_address_list", lang),
        "categorisation": t("data.kind_categorisation", lang),
        "locations": t("data.kind_locations", lang),
        "boundaries:geojson": t("data.kind_boundaries_geojson", lang),
        "boundaries:topojson": t("data.kind_boundaries_topojson", lang),
        "contract:plcs": t("data.kind_plcs", lang),
        "contract:plc_memberships": t("data.kind_plc_memberships", lang),
        "contract:plc_activities": t("data.kind_plc_activities", lang),
        "contract:plc_reviews": t("data.kind_plc_reviews", lang),
        "contract:school_outcomes": t("data.kind_school_outcomes", lang),
    }
    return names.get(kind, kind)


def _as_text_table(table: html.Table) -> html.Table:
    """A table of words rather than numbers: its cells read from the left."""
    table.className = f"{table.className} text-table"
    return table


def _count(value: object) -> str:
    number = to_number(value)
    return "" if number is None else f"{round(number):,}"


# ---- Refreshes and files ------------------------------------------------------------------


def build_runs_table(runs: pd.DataFrame, lang: str) -> html.Table | html.P:
    """The refresh history, newest first: those published and, when ``runs`` has them
    (data_data.list_refreshes), those that failed since, with their outcome and message
    (columns shown only then: every refresh listed otherwise was published)."""
    if runs.empty:
        return html.P(t("shell.as_at_unknown", lang))
    failed = int((runs["status"] == "failed").sum())
    columns = [
        t("data.column_run", lang),
        t("data.column_started", lang),
        t("data.column_finished", lang),
        t("data.column_seconds", lang),
        t("data.column_trigger", lang),
        *([t("data.column_outcome", lang), t("data.column_message", lang)] if failed else []),
        t("data.column_files_read", lang),
        t("data.column_files_changed", lang),
        t("data.column_rows_read", lang),
        t("data.column_rows_set_aside", lang),
    ]
    rows = [_list_run_cells(run, lang, outcome=bool(failed)) for _, run in runs.iterrows()]
    published = len(runs) - failed
    if not failed:
        return build_table(t("data.runs_caption", lang, count=published), columns, rows)
    caption = t("data.runs_caption_failed", lang, count=published, failed=failed)
    table = build_table(caption, columns, rows)
    # Its message column (the 7th: plcnet.css), words, reads from the left.
    table.className = f"{table.className} runs-table"
    return table


def _list_run_cells(run: pd.Series, lang: str, outcome: bool) -> list[str]:
    """One refresh as the table shows it; with ``outcome``, its outcome and message (a
    failed one has no counts, only its message, in sight before the counts)."""
    failed = run["status"] == "failed"
    if failed:
        counts = ["", "", "", ""]
    else:
        changed = run["files_changed"]
        counts = [
            _count(run["files_read"]),
            t("data.first_run", lang) if pd.isna(changed) else _count(changed),
            _count(run["rows_read"]),
            _count(run["rows_set_aside"]),
        ]
    message = run.get("message")
    said = [
        t("data.outcome_failed", lang) if failed else t("data.outcome_published", lang),
        "" if message is None or pd.isna(message) else str(message),
    ]
    return [
        str(run["run_id"]),
        format_time(run["started_at"]),
        format_time(run["finished_at"]),
        "" if pd.isna(run["seconds"]) else f"{run['seconds']:.1f}",
        label_trigger(str(run["trigger"]), lang),
        *(said if outcome else []),
        *counts,
    ]


def _as_sentence(message: str) -> str:
    text = message.strip()
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."


def build_damaged_notice(data: DataPageData, lang: str) -> list[html.Div]:
    """At the top of the page, for the data team: the file published last cannot be
    read, and the data shown are the last good file's; nothing when it can."""
    if data.damaged is None:
        return []
    shown = "" if data.published_at is None else format_time(data.published_at)
    text = t("data.damaged_notice", lang, time=shown, problem=_as_sentence(data.damaged))
    return [
        html.Div(
            html.P([html.Strong(t("data.damaged_label", lang)), " ", text]),
            id=ids.DATA_DAMAGED_NOTICE,
            className="failure-notice",
            role="alert",
        )
    ]


def build_failure_notice(data: DataPageData, lang: str) -> list[html.Div]:
    """At the top of the page, for the data team: the last refresh failed, when and why,
    and which refresh the data shown come from; nothing when none failed since."""
    if data.failed.empty:
        return []
    last = data.failed.iloc[0]
    parts: list[object] = [
        html.Strong(t("data.failed_label", lang)),
        " ",
        t(
            "data.failed_notice",
            lang,
            time=format_time(last["started_at"]),
            message=_as_sentence(str(last["message"])),
        ),
        " ",
        t("data.failed_shown", lang, time=format_time(data.published_at))
        if data.published_at is not None
        else "",
    ]
    if len(data.failed) > 1:
        parts += [" ", t("data.failed_count", lang, count=len(data.failed))]
    return [
        html.Div(
            html.P(parts), id=ids.DATA_FAILURE_NOTICE, className="failure-notice", role="alert"
        )
    ]


def build_files_table(files: pd.DataFrame, run_id: str, lang: str) -> html.Table | html.P:
    """The files the latest refresh read, in order, with where the archive keeps each."""
    if files.empty:
        return html.P(t("data.files_none", lang))
    columns = [
        t("data.column_file", lang),
        t("data.column_kind", lang),
        t("data.column_encoding", lang),
        t("data.column_rows", lang),
        t("data.column_archived_as", lang),
    ]
    rows = [
        [
            str(f["file_name"]),
            label_kind(str(f["kind"]), lang),
            str(f["encoding"]),
            _count(f["rows"]),
            str(f["archived_as"]),
        ]
        for _, f in files.iterrows()
    ]
    return _as_text_table(build_table(t("data.files_caption", lang, run_id=run_id), columns, rows))


# ---- Rows set aside ---------------------------------------------------------------------


def build_rejected_table(rejected: pd.DataFrame, lang: str) -> html.Table | html.P:
    """Rows set aside per file, table and reason."""
    if rejected.empty:
        return html.P(t("data.rejected_none", lang))
    columns = [
        t("data.column_file", lang),
        t("data.column_table", lang),
        t("data.column_reason", lang),
        t("data.column_rows", lang),
    ]
    rows = [
        [
            str(r["file_name"]),
            str(r["table_name"]),
            say_reason(r["reason"], lang),
            _count(r["rows"]),
        ]
        for _, r in rejected.iterrows()
    ]
    return _as_text_table(build_table(t("data.rejected_caption", lang), columns, rows))


def build_rejected_figure_or_message(rejected: pd.DataFrame, lang: str) -> go.Figure | dict:
    if rejected.empty:
        return build_message_figure(t("data.rejected_none", lang))
    said = rejected.assign(reason=[say_reason(reason, lang) for reason in rejected["reason"]])
    return build_rejected_figure(said, t("data.rejected_axis", lang))


def show_value(value: object, hidden_because: object, lang: str) -> str:
    """A value found in a row set aside as shown: hidden, saying why, when the query hid
    it (sources__rejected_rows.sql: a member id, a row of a file of member ids, a value
    that looks like a member id)."""
    if hidden_because == "member_file":
        return t("data.value_hidden_member_file", lang)
    if hidden_because == "looks_like_member_id":
        return t("data.value_hidden_looks_like", lang)
    if isinstance(hidden_because, str):
        return t("data.value_hidden", lang)
    return "" if value is None or pd.isna(value) else str(value)


def build_rejected_rows_table(problems: pd.DataFrame, lang: str) -> html.Table | html.P:
    """The first problems of the rows set aside, by file and line."""
    if problems.empty:
        return html.P(t("data.rejected_none", lang))
    columns = [
        t("data.column_file", lang),
        t("data.column_line", lang),
        t("data.column_column", lang),
        t("data.column_value", lang),
        t("data.column_reason", lang),
    ]
    rows = [
        [
            str(p["file_name"]),
            _count(p["line"]),
            "" if pd.isna(p["column_name"]) else str(p["column_name"]),
            show_value(p["value"], p["hidden_because"], lang),
            say_reason(p["reason"], lang),
        ]
        for _, p in problems.iterrows()
    ]
    caption = t("data.rejected_rows_caption", lang, count=len(problems))
    return _as_text_table(build_table(caption, columns, rows))


# ---- Sources and licences -------------------------------------------------------------------


def _describe_source(source: str, is_demo: bool, lang: str) -> list[str]:
    """What a source is, where it comes from and its licence."""
    texts = {
        "local_authorities": (
            t("data.source_local_authorities", lang),
            t("data.origin_local_authorities", lang),
            t("data.licence_ogl", lang),
        ),
        "address_list": (
            t("data.source_address_list", lang),
            t("data.origin_address_list", lang),
            t("data.licence_ogl", lang),
        ),
        "categorisation": (
            t("data.source_categorisation", lang),
            t("data.origin_categorisation", lang),
            t("data.licence_ogl", lang),
        ),
        "locations": (
            t("data.source_locations", lang),
            t("data.origin_locations", lang),
            t("data.licence_locations", lang),
        ),
        "boundaries": (
            t("data.source_boundaries", lang),
            t("data.origin_boundaries", lang),
            t("data.licence_boundaries", lang),
        ),
        "gias": (
            t("data.source_gias", lang),
            t("data.origin_gias", lang),
            t("data.licence_ogl", lang),
        ),
        "la_regions": (
            t("data.source_la_regions", lang),
            t("data.origin_la_regions", lang),
            t("data.licence_la_regions", lang),
        ),
        "contract": (
            t("data.source_contract", lang),
            t("data.origin_demo", lang) if is_demo else t("data.origin_own", lang),
            t("data.licence_demo", lang) if is_demo else t("data.licence_own", lang),
        ),
    }
    return list(texts[source])


def list_system_sources() -> tuple[str, ...]:
    """The sources of the served system: England's GIAS snapshots and its lookup of LAs
    and regions (no data contract: GIAS is all it loads); else the published files its
    configuration reads (Wales's five), then the data contract."""
    system = system_of_page()
    if system.reads_gias:
        return GIAS_SOURCES
    readers = {file.reader for file in system.reference_files}
    return (*(source for source in SOURCES if source in readers), CONTRACT)


def build_sources_table(data: DataPageData, lang: str) -> html.Table:
    """Each source: what it is, where it comes from, its licence, and for the data team
    the files the latest refresh read from it."""
    columns = [
        t("data.column_source", lang),
        t("data.column_origin", lang),
        t("data.column_licence", lang),
    ]
    sources = list_system_sources()
    rows = [_describe_source(source, data.is_demo, lang) for source in sources]
    if data.details:  # the files read are a refresh detail: the data team's
        files = list_files_by_source(data.files)
        columns.append(t("data.column_files_read_now", lang))
        for row, source in zip(rows, sources, strict=True):
            row.append(", ".join(files.get(source, [])))
    caption = t("data.sources_caption", lang) if data.details else t("data.sources_only", lang)
    return _as_text_table(build_table(caption, columns, rows))


# ---- Glossary ---------------------------------------------------------------------------------


def _list_glossary_terms(lang: str) -> list[tuple[str, list[str]]]:
    """Every measure with its row: name, definition, what it is measured for,
    references; by name."""
    rows = [
        (
            term.measure,
            [
                name_measure(term.measure, lang),
                define_measure(term.measure, lang),
                "; ".join(label_level(level, lang) for level in term.levels),
                " ".join(cite(reference, lang) for reference in cited(term.references)),
            ],
        )
        for term in list_system_terms()
    ]
    return sorted(rows, key=lambda row: row[1][0].casefold())


def cited(references: tuple[str, ...]) -> tuple[str, ...]:
    """A measure's references for the served system: England's schools come from GIAS,
    not from Wales's address list of schools."""
    if not system_of_page().reads_gias:
        return references
    return tuple("gias" if reference == "address_list" else reference for reference in references)


# The references of the practice of a PLC (its review, its enquiry cycle, its health):
# measures a system whose groups are not PLCs (England's trusts) does not have.
PLC_PRACTICE = frozenset({"harris2010", "dufour2004", "dufour2006"})


def list_system_terms() -> list[Term]:
    """The glossary's measures the served system has: none of support categories where
    it measures none, none of language medium where its schools have none, none of a
    PLC's practice where its groups are not PLCs (England)."""
    categories = system_has_outcome("support_category")
    media = system_has_language_media()
    plcs = system_of_page().group_kind_codes == ("plc",)
    return [
        term
        for term in TERMS
        if (categories or "categorisation" not in term.references)
        and (media or term.measure not in {"assort_medium", "welsh_medium_share"})
        and (plcs or not PLC_PRACTICE & set(term.references))
    ]


def list_glossary_rows(lang: str) -> list[list[str]]:
    """Every measure: name, definition, what it is measured for, references; by name."""
    return [row for _, row in _list_glossary_terms(lang)]


def build_glossary_table(lang: str) -> html.Table:
    columns = [
        t("data.column_measure", lang),
        t("data.column_definition", lang),
        t("data.column_measured_for", lang),
        t("data.column_references", lang),
    ]
    caption = t("data.glossary_caption", lang, count=len(list_system_terms()))
    # Each measure's name carries its anchor (ids.glossary_entry), the target of the
    # link under every chart that shows it (ui/charts.build_glossary_links).
    rows = [
        [html.Span(row[0], id=ids.glossary_entry(measure), className="glossary-entry"), *row[1:]]
        for measure, row in _list_glossary_terms(lang)
    ]
    return _as_text_table(build_table(caption, columns, rows))


# ---- The page -----------------------------------------------------------------------------------


def _latest_run_id(data: DataPageData) -> str:
    return "" if data.runs.empty else str(data.runs["run_id"].iloc[0])


def _build_plain_section(what: str, heading: str, intro: str, table: object) -> html.Section:
    heading_id = ids.chart_heading(PAGE, what)
    return html.Section(
        [
            html.H2(heading, id=heading_id),
            html.P(intro),
            build_table_region(ids.chart_table(PAGE, what), table, heading_id),
        ],
        **{"aria-labelledby": heading_id},
    )


def _build_refresh_sections(data: DataPageData, lang: str) -> list[html.Section]:
    """The data team's part: refresh history, files read, rows set aside."""
    run_id = _latest_run_id(data)
    example = "files/<sha256>.csv"
    return [
        build_table_section(
            PAGE, "runs", heading=t("data.runs_heading", lang),
            intro=t("data.runs_intro", lang),
            table=build_runs_table(list_refreshes(data), lang),
            download_label=t("data.download_runs", lang), lang=lang,
        ),
        build_table_section(
            PAGE, "files", heading=t("data.files_heading", lang),
            intro=t("data.files_intro", lang, example=example, manifest=manifest_name(run_id)),
            table=build_files_table(data.files, run_id, lang),
            download_label=t("data.download_files", lang), lang=lang,
        ),
        build_chart_section(
            PAGE, "rejected", heading=t("data.rejected_heading", lang),
            intro=t("data.rejected_intro", lang, run_id=run_id),
            figure=build_rejected_figure_or_message(data.rejected, lang),
            table=build_rejected_table(data.rejected, lang),
            download_label=t("data.download_rejected", lang), lang=lang, wide=True,
            glossary=glossary_entries(("rows_set_aside",), lang),
        ),
        build_table_section(
            PAGE, "rejected-rows", heading=t("data.rejected_rows_heading", lang),
            intro=t("data.rejected_rows_intro", lang),
            table=build_rejected_rows_table(data.rejected_rows, lang),
            download_label=t("data.download_rejected_rows", lang), lang=lang,
        ),
    ]  # fmt: skip


# ---- Data catalogue -----------------------------------------------------------------------------


def build_catalogue_table(rows: Mapping[str, int], lang: str) -> html.Table:
    """Each file of the catalogue: what one row is, its rows for this user, its columns,
    and its CSV; then the data guidance."""
    columns = [
        t("catalogue.column_file", lang),
        t("catalogue.column_about", lang),
        t("catalogue.column_rows", lang),
        t("catalogue.column_columns", lang),
        t("catalogue.column_download", lang),
    ]
    body = [
        [
            name_table(table.key, lang),
            describe_table(table.key, lang),
            f"{rows.get(table.key, 0):,}",
            str(len(table.columns)),
            build_download(
                PAGE,
                f"catalogue-{table.key}",
                t("catalogue.download_table", lang, table=name_table(table.key, lang)),
                lang,
            ),
        ]
        for table in TABLES
    ]
    guidance = sum(len(table.columns) for table in TABLES)
    body.append(
        [
            t("catalogue.guidance_heading", lang),
            t("catalogue.guidance_about", lang),
            f"{guidance:,}",
            "6",
            build_download(
                PAGE, "catalogue-guidance", t("catalogue.download_guidance", lang), lang
            ),
        ]
    )
    return _as_text_table(build_table(t("catalogue.caption", lang), columns, body))


def build_catalogue_section(rows: Mapping[str, int], lang: str) -> html.Section:
    """The data catalogue: tidy CSVs of the published tables, and their guidance."""
    what = "catalogue"
    heading_id = ids.chart_heading(PAGE, what)
    return html.Section(
        [
            html.H2(t("catalogue.heading", lang), id=heading_id),
            html.P(t("catalogue.intro", lang)),
            html.P(t("catalogue.symbols", lang)),
            html.P(t("catalogue.scope", lang, **level_words(lang))),
            build_table_region(
                ids.chart_table(PAGE, what), build_catalogue_table(rows, lang), heading_id
            ),
        ],
        **{"aria-labelledby": heading_id},
    )


def build_data_layout(
    data: DataPageData, lang: str, catalogue: Mapping[str, int] | None = None
) -> html.Div:
    """The whole data page (it has no filters: nothing changes after it is drawn); the
    refresh details only for the data team (``data.details``), a plain line for others;
    the data catalogue when ``catalogue`` (rows per table for this user) is given."""
    refresh = (
        _build_refresh_sections(data, lang)
        if data.details
        else [html.P(t("data.details_data_team_only", lang), id=ids.DATA_DETAILS_NOTE)]
    )
    return html.Div(
        [
            dcc.Location(id=ids.page_url(PAGE), refresh=False),
            html.H1(t("data.title", lang)),
            html.P(t("data.intro", lang), className="lede"),
            *(build_damaged_notice(data, lang) if data.details else []),
            *(build_failure_notice(data, lang) if data.details else []),
            *refresh,
            _build_plain_section(
                "sources", t("data.sources_heading", lang), t("data.sources_intro", lang),
                build_sources_table(data, lang),
            ),
            *([build_catalogue_section(catalogue, lang)] if catalogue is not None else []),
            _build_plain_section(
                "glossary", t("data.glossary_heading", lang), t("data.glossary_intro", lang),
                build_glossary_table(lang),
            ),
        ],
        className="page",
    )  # fmt: skip
