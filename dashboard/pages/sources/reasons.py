"""Why a row was set aside, in the page's language.

The refresh writes each reason in English (``rejected_rows.reason``: the command line,
the run log and the data team's CSVs of old read it so); every one is a reason of
etl/reasons.py, whose code and fields ``read_reason`` gives back. The page words it
again from the PO catalogues, ``data.reason_<code>``. A reason it does not know (a
database published by an older refresh) is shown as written.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from dashboard.i18n import t
from etl.public import read_reason

__all__ = ["SAY_REASON", "say_reason"]

Say = Callable[[str, dict[str, str]], str]

# Each reason's words in a language, filled with its fields (literal keys, so that
# tests can check them).
SAY_REASON: dict[str, Say] = {
    "missing": lambda lang, fields: t("data.reason_missing", lang, **fields),
    "not_whole_count": lambda lang, fields: t("data.reason_not_whole_count", lang, **fields),
    "decimal_count": lambda lang, fields: t("data.reason_decimal_count", lang, **fields),
    "not_a_score": lambda lang, fields: t("data.reason_not_a_score", lang, **fields),
    "decimal_score": lambda lang, fields: t("data.reason_decimal_score", lang, **fields),
    "not_a_number": lambda lang, fields: t("data.reason_not_a_number", lang, **fields),
    "not_a_date": lambda lang, fields: t("data.reason_not_a_date", lang, **fields),
    "not_a_school": lambda lang, fields: t("data.reason_not_a_school", lang, **fields),
    "not_a_school_id": lambda lang, fields: t("data.reason_not_a_school_id", lang, **fields),
    "not_a_year": lambda lang, fields: t("data.reason_not_a_year", lang, **fields),
    "not_allowed": lambda lang, fields: t("data.reason_not_allowed", lang, **fields),
    "dates_out_of_order": lambda lang, fields: t("data.reason_dates_out_of_order", lang, **fields),
    "no_such_reference": lambda lang, fields: t("data.reason_no_such_reference", lang, **fields),
    "duplicate_key": lambda lang, fields: t("data.reason_duplicate_key", lang, **fields),
    "already_loaded": lambda lang, fields: t("data.reason_already_loaded", lang, **fields),
    "support_category_value": lambda lang, fields: t(
        "data.reason_support_category_value", lang, **fields
    ),
    "attainment_value": lambda lang, fields: t("data.reason_attainment_value", lang, **fields),
    "looks_like_email": lambda lang, fields: t("data.reason_looks_like_email", lang, **fields),
    "looks_like_name": lambda lang, fields: t("data.reason_looks_like_name", lang, **fields),
    "too_many_fields": lambda lang, fields: t("data.reason_too_many_fields", lang, **fields),
    "too_few_fields": lambda lang, fields: t("data.reason_too_few_fields", lang, **fields),
    "no_school_number": lambda lang, fields: t("data.reason_no_school_number", lang, **fields),
    "school_number_not_seven_digits": lambda lang, fields: t(
        "data.reason_school_number_not_seven_digits", lang, **fields
    ),
    "la_code_not_a_number": lambda lang, fields: t(
        "data.reason_la_code_not_a_number", lang, **fields
    ),
    "la_code_unknown": lambda lang, fields: t("data.reason_la_code_unknown", lang, **fields),
    "categorisation_note_row": lambda lang, fields: t(
        "data.reason_categorisation_note_row", lang, **fields
    ),
    "categorisation_category": lambda lang, fields: t(
        "data.reason_categorisation_category", lang, **fields
    ),
    "categorisation_school_unknown": lambda lang, fields: t(
        "data.reason_categorisation_school_unknown", lang, **fields
    ),
    "location_school_number": lambda lang, fields: t(
        "data.reason_location_school_number", lang, **fields
    ),
    "location_out_of_range": lambda lang, fields: t(
        "data.reason_location_out_of_range", lang, **fields
    ),
    "boundary_unknown_code": lambda lang, fields: t(
        "data.reason_boundary_unknown_code", lang, **fields
    ),
    "gias_not_a_number": lambda lang, fields: t("data.reason_gias_not_a_number", lang, **fields),
    "gias_childrens_centre": lambda lang, fields: t(
        "data.reason_gias_childrens_centre", lang, **fields
    ),
    "gias_la_not_in_lookup": lambda lang, fields: t(
        "data.reason_gias_la_not_in_lookup", lang, **fields
    ),
}


def say_reason(reason: object, lang: str) -> str:
    """The reason a refresh wrote, in ``lang``; as written when it is not one it knows."""
    if reason is None or (not isinstance(reason, str) and pd.isna(reason)):
        return ""
    text = str(reason)
    found = read_reason(text)
    if found is None or found[0] not in SAY_REASON:
        return text
    code, fields = found
    return SAY_REASON[code](lang, fields)
