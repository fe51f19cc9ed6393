"""A PLC's page: the year at a glance (health, shallow flag and reasons, members,
activities), its enquiry cycle, its nine-feature review against all PLCs, its
activity and health over the years, and its member schools (no callbacks, no
database). Each table's rows and columns are listed here, for the table and for its
CSV (downloads.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from dashboard.core import ids
from dashboard.core.filters import Choices, Filters
from dashboard.core.links import build_school_href
from dashboard.core.parts import Parts, chart_output, output
from dashboard.i18n import t
from dashboard.measures.catalogue import glossary_entries
from dashboard.pages.plc.data import PlcData
from dashboard.pages.plc.figures import build_activity_figure, build_review_figure
from dashboard.ui.cards import build_card
from dashboard.ui.charts import (
    build_chart_section,
    build_download,
    build_table_region,
    build_table_section,
)
from dashboard.ui.filter_bar import build_filter_bar
from dashboard.ui.labels import (
    REVIEW_FEATURES,
    STAGES,
    describe_feature,
    describe_shallow,
    format_count,
    format_figure,
    format_health,
    label_feature,
    label_focus,
    label_membership_type,
    label_scope,
    label_shallow_reason,
    label_stage,
    level_words,
    system_has_outcome,
    system_of_page,
)
from dashboard.ui.outside_scope import add_outside_note
from dashboard.ui.tables import build_table, list_school_cells

__all__ = [
    "FIELDS",
    "PAGE",
    "PlcParts",
    "build_not_found",
    "build_plc_layout",
    "build_plc_parts",
    "compute_health_parts",
    "format_date",
    "list_activity_columns",
    "list_activity_rows",
    "list_cycle_columns",
    "list_cycle_rows",
    "list_health_columns",
    "list_health_rows",
    "list_member_columns",
    "list_member_rows",
    "list_review_columns",
    "list_review_rows",
]

PAGE = "plc"
# A PLC's page is of one PLC: only the year applies.
FIELDS = ("year",)


@dataclass(frozen=True)
class PlcParts(Parts):
    """What changes with the year; each field names the output it fills."""

    year_heading: str = output(ids.PLC_YEAR_HEADING, "children")
    glance: list[object] = output(ids.PLC_HEALTH, "children")
    cycle: list[object] = output(ids.PLC_CYCLE, "children")
    review_figure: go.Figure = chart_output(PAGE, "review", "graph")
    review_table: html.Table = chart_output(PAGE, "review", "table")
    activity_figure: go.Figure = chart_output(PAGE, "activity", "graph")
    members_heading: str = chart_output(PAGE, "members", "heading")
    members_table: html.Table | html.P | html.Div = chart_output(PAGE, "members", "table")


def format_date(day: date, lang: str) -> str:
    """16 September 2018, with the month named in ``lang``."""
    month = t("shell.months", lang).split()[day.month - 1]
    return f"{day.day} {month} {day.year}"


def _number(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def compute_health_parts(row: pd.Series) -> dict[str, float | None]:
    """The three parts of the health score, each out of 100 (docs/measures.md): review
    (1 to 5 mapped to 0 to 100), enquiry cycle (stages reached of 6) and attendance
    (member-meetings per member against six, capped); None where the part is missing
    or suppressed (``per_member_suppressed``)."""
    review = _number(row["review_mean"])
    per_member = _number(row["activity_per_member"])
    return {
        "review": None if review is None else 100 * (review - 1) / 4,
        "cycle": 100 * float(row["cycle_completeness"]),
        "activity": None if per_member is None else 100 * min(per_member / 6, 1.0),
    }


def _describe_health_parts(row: pd.Series, lang: str) -> str:
    parts = compute_health_parts(row)
    named = []
    if parts["review"] is not None:
        named.append(t("plc.part_review", lang, value=f"{parts['review']:.0f}"))
    named.append(t("plc.part_cycle", lang, value=f"{parts['cycle']:.0f}"))
    # A suppressed attendance part is named, as "c", so that the parts do not seem
    # to be all of the score.
    activity = format_figure(parts["activity"], bool(row["per_member_suppressed"]), lang)
    if activity:
        named.append(t("plc.part_activity", lang, value=activity))
    described = t("plc.health_parts", lang, parts="; ".join(named))
    if bool(row["health_suppressed"]):
        described += " " + t("plc.health_withheld", lang)
    return described


def _members_shown(row: pd.Series, lang: str) -> str:
    return format_count(_number(row["members"]), bool(row["members_suppressed"]), lang)


def _per_member_shown(row: pd.Series, lang: str) -> str:
    suppressed = bool(row["per_member_suppressed"])
    return format_figure(row["activity_per_member"], suppressed, lang, digits=1)


def _build_shallow_card(row: pd.Series, lang: str) -> html.Div:
    if not bool(row["is_shallow"]):
        return build_card(
            t("plc.card_shallow", lang),
            t("plc.shallow_no", lang),
            t("plc.shallow_help_no", lang, **level_words(lang)),
            "plc-card-shallow",
        )
    reasons = [html.Li(label_shallow_reason(str(r), lang)) for r in list(row["shallow_reasons"])]
    return html.Div(
        [
            html.H3(t("plc.card_shallow", lang), className="headline-label"),
            html.P(t("plc.shallow_yes", lang), className="headline-value"),
            html.P(t("plc.shallow_help_yes", lang), className="headline-help"),
            html.Ul(reasons, className="shallow-reasons"),
        ],
        className="headline",
        id="plc-card-shallow",
    )


def groups_are_plcs() -> bool:
    """Whether the served system's groups are PLCs (Wales), with the practice a PLC
    reports (health, enquiry cycle, review, activities). England's groups, from GIAS,
    are trusts and federations: their page shows their kind, schools and LAs only."""
    return system_of_page().group_kind_codes == ("plc",)


def label_group_kind(kind: str | None, lang: str) -> str:
    """The system's name of a kind of group ("Multi-academy trust"), or the code."""
    for term in system_of_page().group_kinds:
        if term.code == kind:
            return term.name.text(lang)
    return kind or ""


def build_group_glance(data: PlcData, lang: str) -> list[object]:
    """A group that is not a PLC, in the year: its kind, its member schools, the LAs
    they are in, and whether its kind ties its schools (the system's tie rule)."""
    kind = data.profile.group_kind
    ties = kind in system_of_page().ties.tying_kinds
    words = level_words(lang)
    return [
        html.Div(
            [
                build_card(
                    t("plc.group_card_kind", lang),
                    label_group_kind(kind, lang),
                    t("plc.group_ties", lang) if ties else t("plc.group_no_ties", lang),
                    "plc-card-kind",
                ),
                build_card(
                    t("plc.card_schools", lang),
                    f"{len(data.members) + data.members_outside:,}",
                    t("plc.card_schools_help", lang),
                    "plc-card-schools",
                ),
                build_card(
                    t("plc.group_card_las", lang, **words),
                    # No member in scope may leave the frame without columns.
                    f"{data.members.get('la_name_en', pd.Series(dtype=str)).nunique():,}",
                    t("plc.group_card_las_help", lang, **words),
                    "plc-card-las",
                ),
            ],
            className="headlines",
        )
    ]


def build_glance(data: PlcData, lang: str) -> list[object]:
    """Health (with its parts), shallow flag (with its reasons), member schools, members
    and activities in the year; or that the PLC was not active then."""
    row = data.year_row()
    if row is None:
        return [html.P(t("plc.not_active", lang, name=data.profile.name, year=data.year))]
    health = format_health(row["health_score"], row["health_suppressed"], lang)
    if not bool(row["health_suppressed"]):
        health = t("plc.health_value", lang, score=health)
    return [
        html.Div(
            [
                build_card(
                    t("plc.card_health", lang),
                    health,
                    _describe_health_parts(row, lang),
                    "plc-card-health",
                ),
                _build_shallow_card(row, lang),
                build_card(
                    t("plc.card_schools", lang),
                    f"{int(row['n_schools']):,}",
                    t("plc.card_schools_help", lang),
                    "plc-card-schools",
                ),
                build_card(
                    t("plc.card_members", lang),
                    _members_shown(row, lang),
                    t("plc.card_members_help", lang),
                    "plc-card-members",
                ),
                build_card(
                    t("plc.card_activities", lang),
                    f"{int(row['n_activities']):,}",
                    t("plc.card_activities_help", lang),
                    "plc-card-activities",
                ),
            ],
            className="headlines",
        )
    ]


def _reached(row: pd.Series, stage: str) -> bool:
    return bool(row[f"reached_{stage}"])


def build_cycle(data: PlcData, lang: str) -> list[object]:
    """The six stages of the year in order, each saying whether it was reached, and a
    sentence naming those missing."""
    row = data.year_row()
    if row is None:
        return [html.P(t("plc.not_active", lang, name=data.profile.name, year=data.year))]
    steps = []
    for stage in STAGES:
        reached = _reached(row, stage)
        status = t("plc.stage_reached", lang) if reached else t("plc.stage_missing", lang)
        steps.append(
            html.Li(
                [label_stage(stage, lang), html.Span(status, className="cycle-step-status")],
                className="cycle-step" if reached else "cycle-step cycle-step-missing",
            )
        )
    missing = [label_stage(s, lang) for s in STAGES if not _reached(row, s)]
    summary = t("plc.cycle_summary", lang, reached=len(STAGES) - len(missing), year=data.year)
    if missing:
        summary += " " + t("plc.cycle_missing", lang, stages=", ".join(missing))
    return [
        html.Ol(
            steps,
            className="cycle-steps",
            **{"aria-label": t("plc.cycle_list_label", lang, year=data.year)},
        ),
        html.P(summary, id="plc-cycle-summary"),
    ]


def list_cycle_columns(lang: str) -> list[str]:
    """The cycle table's headers: the year, each stage, the stages reached."""
    return [
        t("table.year", lang),
        *[label_stage(s, lang) for s in STAGES],
        t("plc.col_stages", lang),
    ]


def list_cycle_rows(data: PlcData, lang: str) -> list[list[object]]:
    """Per year: each stage reached or not, in words, and how many of them."""
    reached, missing = t("plc.stage_reached", lang), t("plc.stage_missing", lang)
    return [
        [
            str(row["year"]),
            *[reached if _reached(row, s) else missing for s in STAGES],
            f"{sum(_reached(row, s) for s in STAGES)} / {len(STAGES)}",
        ]
        for _, row in data.years.iterrows()
    ]


def _build_cycle_table(data: PlcData, lang: str) -> html.Table:
    return build_table(
        t("plc.cycle_caption", lang), list_cycle_columns(lang), list_cycle_rows(data, lang)
    )


def _scores_of(row: pd.Series | None) -> list[float | None]:
    return [None if row is None else _number(row[f]) for f in REVIEW_FEATURES]


def _reviewed_years(data: PlcData) -> pd.DataFrame:
    if data.years.empty:
        return data.years
    return data.years[data.years["learner_focus"].notna()]


def list_review_columns(data: PlcData, lang: str) -> list[str]:
    """The review table's headers: the feature, each year reviewed, the mean of all PLCs."""
    years = _reviewed_years(data)["year"].astype(str).tolist()
    return [
        t("plc.col_feature", lang),
        *years,
        t("plc.all_plcs", lang, year=data.year, **level_words(lang)),
    ]


def list_review_rows(data: PlcData, lang: str) -> list[list[object]]:
    """Per feature: the PLC's score each year reviewed, then the mean of all PLCs."""
    reviewed = _reviewed_years(data)
    rows = []
    for feature in REVIEW_FEATURES:
        scores = [str(int(s)) for s in reviewed[feature]] if not reviewed.empty else []
        mean = _number(data.review_means.get(feature))
        rows.append([
            label_feature(feature, lang),
            *scores,
            "" if mean is None else f"{mean:.2f}",
        ])  # fmt: skip
    return rows


def _build_review_table(data: PlcData, lang: str) -> html.Table:
    return build_table(
        t("plc.review_caption", lang, year=data.year, **level_words(lang)),
        list_review_columns(data, lang),
        list_review_rows(data, lang),
    )


def _build_review_figure(data: PlcData, lang: str) -> go.Figure:
    row = data.year_row()
    scores = _scores_of(row)
    note = None
    if all(s is None for s in scores):
        note = t("plc.review_none", lang, name=data.profile.name, year=data.year)
    return build_review_figure(
        [label_feature(f, lang) for f in REVIEW_FEATURES],
        scores,
        [_number(data.review_means.get(f)) for f in REVIEW_FEATURES],
        (
            t("plc.this_plc", lang, year=data.year, **level_words(lang)),
            t("plc.all_plcs", lang, year=data.year, **level_words(lang)),
        ),
        t("plc.review_axis", lang),
        note,
    )


def list_activity_columns(lang: str) -> list[str]:
    """The activity table's headers."""
    return [
        t("table.year", lang),
        t("plc.col_schools", lang),
        t("plc.col_members", lang),
        t("plc.col_las", lang, **level_words(lang)),
        t("plc.col_activities", lang),
        t("plc.col_attendance", lang),
        t("plc.col_per_member", lang),
    ]


def list_activity_rows(data: PlcData, lang: str) -> list[list[object]]:
    """Per year: schools, members, LAs, activities, attendance (suppressed counts as "c")."""
    rows = []
    for _, row in data.years.iterrows():
        rows.append([
            str(row["year"]),
            int(row["n_schools"]),
            _members_shown(row, lang),
            int(row["n_las"]),
            int(row["n_activities"]),
            format_count(_number(row["attendance"]), bool(row["attendance_suppressed"]), lang),
            _per_member_shown(row, lang),
        ])  # fmt: skip
    return rows


def _build_activity_figure(data: PlcData, lang: str) -> go.Figure:
    hover = [
        t(
            "plc.activity_hover",
            lang,
            year=str(row["year"]),
            activities=int(row["n_activities"]),
            schools=int(row["n_schools"]),
        )
        for _, row in data.years.iterrows()
    ]
    return build_activity_figure(
        data.years if not data.years.empty else pd.DataFrame({"year": [], "n_activities": []}),
        data.year,
        hover,
        t("plc.activity_axis", lang),
        t("overview.year_axis", lang),
    )


def list_health_columns(lang: str) -> list[str]:
    """The health table's headers."""
    return [
        t("table.year", lang),
        t("plc.col_health", lang),
        t("plc.col_review_mean", lang),
        t("plc.col_stages", lang),
        t("plc.col_per_member", lang),
        t("plc.col_shallow", lang),
    ]


def list_health_rows(data: PlcData, lang: str) -> list[list[object]]:
    """Per year: the health score and its parts, and the shallow flag in words."""
    rows = []
    for _, row in data.years.iterrows():
        review = _number(row["review_mean"])
        rows.append([
            str(row["year"]),
            format_health(row["health_score"], row["health_suppressed"], lang),
            "" if review is None else f"{review:.2f}",
            f"{round(float(row['cycle_completeness']) * len(STAGES))} / {len(STAGES)}",
            _per_member_shown(row, lang),
            describe_shallow(row["is_shallow"], row["shallow_reasons"], lang),
        ])  # fmt: skip
    return rows


def list_member_columns(lang: str) -> list[str]:
    """The member schools table's headers: a group that is not a PLC (England's) has no
    lead school, and its system no support categories, so no columns for them."""
    columns = [
        t("plc.col_school", lang),
        t("plc.col_number", lang),
        t("plc.col_la", lang, **level_words(lang)),
        t("plc.col_sector", lang),
    ]
    if system_has_outcome("support_category"):  # as list_school_cells
        columns.append(t("plc.col_category", lang))
    return [*columns, t("plc.col_lead", lang)] if groups_are_plcs() else columns


def list_member_rows(data: PlcData, lang: str, link: bool = True) -> list[list[object]]:
    """The member schools in the user's scope (the name a link when ``link``)."""
    no_category = t("plc.no_category", lang)
    schools = data.members.itertuples(index=False)
    if not groups_are_plcs():
        return [list_school_cells(school, data.year, lang, no_category, link) for school in schools]
    return [
        [
            *list_school_cells(school, data.year, lang, no_category, link),
            t("plc.yes", lang) if bool(school.is_lead) else t("plc.no", lang),
        ]
        for school in schools
    ]


def _build_members_table(data: PlcData, lang: str) -> html.Table | html.P | html.Div:
    """The member schools in the user's scope; those outside it only counted."""
    shown = _build_members_in_scope(data, lang)
    return add_outside_note(
        shown, data.members_outside, t("scope.members_outside", lang, count=data.members_outside)
    )


def _build_members_in_scope(data: PlcData, lang: str) -> html.Table | html.P:
    name = data.profile.name
    if data.members.empty:
        return html.P(t("plc.members_empty", lang, name=name, year=data.year))
    return build_table(
        t("plc.members_caption", lang, name=name, year=data.year),
        list_member_columns(lang),
        list_member_rows(data, lang),
    )


def build_plc_parts(data: PlcData, lang: str) -> PlcParts:
    """The parts of the page that follow the year."""
    return PlcParts(
        year_heading=t("plc.year_heading", lang, year=data.year),
        glance=build_glance(data, lang) if groups_are_plcs() else build_group_glance(data, lang),
        cycle=build_cycle(data, lang),
        review_figure=_build_review_figure(data, lang),
        review_table=_build_review_table(data, lang),
        activity_figure=_build_activity_figure(data, lang),
        members_heading=t("plc.members_heading", lang, year=data.year),
        members_table=_build_members_table(data, lang),
    )


def _describe_plc(data: PlcData, lang: str) -> list[object]:
    profile = data.profile
    lede: list[object] = [
        t(
            "plc.lede",
            lang,
            id=profile.plc_id,
            focus=(
                label_focus(profile.focus_area, lang)
                if groups_are_plcs()
                else label_group_kind(profile.group_kind, lang)
            ),
            scope=label_scope(profile.scope, lang),
            membership=label_membership_type(profile.membership_type, lang),
        )
    ]
    if profile.lead_school_id is not None and profile.lead_school_name:
        href = build_school_href(profile.lead_school_id, data.year, lang)
        lead = dcc.Link(profile.lead_school_name, href=href)
        lede += [" ", t("plc.led_by", lang), " ", lead, "."]
    if profile.start_date is not None:
        start = format_date(profile.start_date, lang)
        if profile.end_date is None:
            lede += [" ", t("plc.running_open", lang, start=start)]
        else:
            end = format_date(profile.end_date, lang)
            lede += [" ", t("plc.running", lang, start=start, end=end)]
    if profile.first_year and profile.last_year:
        years = t("plc.active_years", lang, first=profile.first_year, last=profile.last_year)
    else:
        years = t("plc.never_active", lang)
    return [*lede, " ", years]


def _build_feature_words(lang: str) -> html.Details:
    """The short names of the nine features, each with Harris and Jones's words."""
    return html.Details(
        [
            html.Summary(t("plc.features_summary", lang)),
            html.Dl(
                [
                    part
                    for feature in REVIEW_FEATURES
                    for part in (
                        html.Dt(label_feature(feature, lang)),
                        html.Dd(describe_feature(feature, lang)),
                    )
                ]
            ),
        ],
        className="feature-words",
    )


def _build_cycle_section(data: PlcData, parts: PlcParts, lang: str) -> html.Section:
    heading_id = ids.chart_heading(PAGE, "cycle")
    return html.Section(
        [
            html.H2(t("plc.cycle_heading", lang), id=heading_id),
            html.P(t("plc.cycle_intro", lang, **level_words(lang))),
            html.Div(parts.cycle, id=ids.PLC_CYCLE),
            build_table_region(
                ids.chart_table(PAGE, "cycle"), _build_cycle_table(data, lang), heading_id
            ),
            build_download(PAGE, "cycle", t("plc.download_cycle", lang), lang),
        ],
        **{"aria-labelledby": heading_id},
    )


def build_plc_layout(data: PlcData, filters: Filters, choices: Choices, lang: str) -> html.Div:
    """The whole page of the PLC for the year in ``filters``, numbers included."""
    parts = build_plc_parts(data, lang)
    name = data.profile.name
    reviewed = int(data.review_means.get("n_plcs", 0) or 0)
    return html.Div(
        [
            dcc.Location(id=ids.page_url(PAGE), refresh=False),
            html.H1(name),
            html.P(_describe_plc(data, lang), className="lede"),
            build_filter_bar(PAGE, FIELDS, filters, choices, lang),
            html.Section(
                [
                    html.H2(parts.year_heading, id=ids.PLC_YEAR_HEADING),
                    html.Div(parts.glance, id=ids.PLC_HEALTH),
                ],
                **{"aria-labelledby": ids.PLC_YEAR_HEADING},
            ),
            # A group that is not a PLC reports none of a PLC's practice: the sections
            # stay in the page, hidden, since the year's callback fills them.
            html.Div(
                [
                    _build_cycle_section(data, parts, lang),
                    build_chart_section(
                        PAGE,
                        "review",
                        heading=t("plc.review_heading", lang, **level_words(lang)),
                        intro=t("plc.review_intro", lang, n=f"{reviewed:,}", **level_words(lang)),
                        figure=parts.review_figure,
                        table=parts.review_table,
                        download_label=t("plc.download_review", lang),
                        lang=lang,
                        glossary=glossary_entries(("review_mean", *REVIEW_FEATURES), lang),
                    ),
                    _build_feature_words(lang),
                    build_chart_section(
                        PAGE,
                        "activity",
                        heading=t("plc.activity_heading", lang),
                        intro=t("plc.activity_intro", lang, **level_words(lang)),
                        figure=parts.activity_figure,
                        table=build_table(
                            t("plc.activity_caption", lang, name=name),
                            list_activity_columns(lang),
                            list_activity_rows(data, lang),
                        ),
                        download_label=t("plc.download_activity", lang),
                        lang=lang,
                        glossary=glossary_entries(("n_activities", "attendance"), lang),
                    ),
                    build_table_section(
                        PAGE,
                        "health",
                        heading=t("plc.health_heading", lang),
                        table=build_table(
                            t("plc.health_caption", lang, name=name),
                            list_health_columns(lang),
                            list_health_rows(data, lang),
                        ),
                        download_label=t("plc.download_health", lang),
                        lang=lang,
                    ),
                ],
                hidden=not groups_are_plcs(),
            ),
            build_table_section(
                PAGE,
                "members",
                heading=parts.members_heading,
                table=parts.members_table,
                download_label=t("plc.download_members", lang),
                lang=lang,
            ),
        ],
        className="page",
    )


def build_not_found(plc_id: str, back: str, lang: str) -> html.Div:
    """What an unknown PLC id gets: a plain message and the way to the directory,
    ``back`` (keeping the view's filters)."""
    return html.Div(
        [
            html.H1(t("plc.not_found_title", lang, **level_words(lang))),
            html.P(t("plc.not_found", lang, id=plc_id, **level_words(lang)), role="alert"),
            html.P(dcc.Link(t("plc.back", lang, **level_words(lang)), href=back)),
        ],
        className="page",
    )
