"""CSV files of what the compare page shows (no Dash and no database here).

The numbers are those of the tables: counts as counts, shares in percent to one
decimal place, decimals to six places, a missing figure as an empty cell; school
numbers and LA codes beside names, so that a file joins to other data. The lists
hold every row of the user's area, not only the first LIST_LIMIT shown.
"""

from __future__ import annotations

from dashboard.core.downloads import write_csv
from dashboard.core.filters import Choices
from dashboard.i18n import t
from dashboard.measures.catalogue import find_term, name_measure, write_measure_cell
from dashboard.pages.compare.data import CompareData
from dashboard.pages.compare.layout import label_change, list_network_parts, name_las
from dashboard.ui.labels import label_sector, level_words

__all__ = [
    "build_headlines_csv",
    "build_measures_csv",
    "build_network_csv",
    "build_schools_csv",
    "build_ties_csv",
]


def _name_column(measure: str, lang: str) -> str:
    name = name_measure(measure, lang)
    return f"{name} (%)" if find_term(measure).kind == "share" else name


def _change_cell(measure: str, change: float | None) -> object:
    # A change is written as its measure is: a share's change in percentage points.
    return write_measure_cell(measure, change)


def _years_header(data: CompareData, lang: str) -> list[str]:
    return [
        t("compare.column_measure", lang),
        t("compare.column_unit", lang),
        data.earlier,
        data.later,
        t("compare.column_change", lang),
    ]


def _unit(measure: str, lang: str) -> str:
    return "%" if find_term(measure).kind == "share" else ""


def build_headlines_csv(data: CompareData, lang: str) -> str:
    """The headline figures of both years and the change, one row a measure."""
    rows = [
        [
            name_measure(h.measure, lang),
            _unit(h.measure, lang),
            write_measure_cell(h.measure, h.earlier),
            write_measure_cell(h.measure, h.later),
            _change_cell(h.measure, h.change),
        ]
        for h in data.headlines
    ]
    return write_csv(_years_header(data, lang), rows)


def build_network_csv(data: CompareData, lang: str) -> str:
    """Ties kept, lost and gained, and schools in PLCs that stayed, left and joined."""
    ties, schools = list_network_parts(data, lang)
    rows = [
        [
            part.name,
            "" if part.earlier is None else part.earlier,
            "" if part.later is None else part.later,
        ]
        for part in (*ties, *schools)
    ]
    return write_csv([t("compare.column_what", lang), data.earlier, data.later], rows)


def build_measures_csv(data: CompareData, lang: str) -> str:
    """The area's measures in both years and the change, one row a measure."""
    rows = [
        [
            name_measure(row.measure, lang),
            _unit(row.measure, lang),
            write_measure_cell(row.measure, row.earlier),
            write_measure_cell(row.measure, row.later),
            _change_cell(row.measure, row.change),
        ]
        for row in data.measures.itertuples(index=False)
    ]
    return write_csv(_years_header(data, lang), rows)


def build_ties_csv(data: CompareData, choices: Choices, lang: str) -> str:
    """Every tie gained or lost between two schools of the user's area."""
    header = [
        t("compare.column_change", lang),
        t("compare.column_school_number", lang),
        t("compare.column_school", lang),
        t("filters.la", lang, **level_words(lang)),
        t("compare.column_partner_number", lang),
        t("compare.column_partner", lang),
        t("filters.la", lang, **level_words(lang)),
    ]
    las = name_las(choices, lang)
    rows = [
        [
            label_change(str(row.change), lang),
            int(row.school_a),
            str(row.name_a),
            las[int(row.la_a)],
            int(row.school_b),
            str(row.name_b),
            las[int(row.la_b)],
        ]
        for row in data.tie_changes.itertuples(index=False)
    ]
    return write_csv(header, rows)


def build_schools_csv(data: CompareData, choices: Choices, lang: str) -> str:
    """Every school of the user's area that joined or left PLCs, with its PLCs each year."""
    header = [
        t("compare.column_change", lang),
        t("compare.column_school_number", lang),
        t("compare.column_school", lang),
        t("filters.la", lang, **level_words(lang)),
        t("filters.sector", lang),
        t("compare.column_plcs", lang, year=data.earlier, **level_words(lang)),
        t("compare.column_plcs", lang, year=data.later, **level_words(lang)),
    ]
    las = name_las(choices, lang)
    rows = [
        [
            label_change(str(row.change), lang),
            int(row.school_id),
            str(row.name),
            las[int(row.la_code)],
            label_sector(str(row.sector), lang),
            int(row.plcs_earlier),
            int(row.plcs_later),
        ]
        for row in data.school_changes.itertuples(index=False)
    ]
    return write_csv(header, rows)
