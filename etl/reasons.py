"""Why a row is set aside: every reason a refresh gives, each a code and its English.

The refresh writes the English into ``rejected_rows.reason``, as the command line, the
run log and the data team read it. The dashboard shows the reason in the page's
language: it reads the code and its fields back from the English (:func:`read_reason`,
through etl/public.py) and words it again from its own catalogue. So every reason the
refresh writes is one of :data:`REASONS`, filled with :func:`say`;
tests/etl/test_reasons.py checks that every check of the contract, every reader's
reason and every misfit reason reads back to its code.

>>> say("not_allowed", allowed="lead, member")
'not one of the allowed values: lead, member'
>>> read_reason("not one of the allowed values: lead, member")
('not_allowed', {'allowed': 'lead, member'})
>>> read_reason("something else") is None
True
"""

from __future__ import annotations

import re
import string
from functools import cache

__all__ = ["REASONS", "read_reason", "say"]

# Each reason's code and its English, with {fields} filled when it is given.
REASONS: dict[str, str] = {
    # A value of the contract's types (etl/validate.py).
    "missing": "missing value; this column is required",
    "not_whole_count": (
        "not a whole number of 0 or more (at most 2147483647); write digits only, for example 7"
    ),
    "decimal_count": (
        "not a whole number: it is not rounded; write the whole number itself, "
        "for example 8, not 7.6 or 8e0"
    ),
    "not_a_score": "not a score from 1 to 5",
    "decimal_score": (
        "not a whole number: a score is 1, 2, 3, 4 or 5 and is not rounded; write 5, not 4.6"
    ),
    "not_a_number": (
        "not a number; write digits with a point for decimals, for example 52.4 "
        "(no spaces, thousands separators, inf or nan)"
    ),
    "not_a_date": "not a date; write dates as YYYY-MM-DD",
    "not_a_school": "not a seven-digit school number (LA code and four more)",
    "not_a_school_id": "not a school identifier: {form}",
    "not_a_year": "not an academic year; write it as 2018/19",
    "not_allowed": "not one of the allowed values: {allowed}",
    "dates_out_of_order": "{later} is before {earlier}; dates must be in order",
    "no_such_reference": (
        "no such {target} in {table}; check the code or load the {table} row first"
    ),
    "duplicate_key": "duplicate key ({keys}): the same row is given twice; keep one",
    "already_loaded": (
        "a row with this key ({keys}) is already loaded from an earlier file "
        "(for example a published categorisation list); keep one"
    ),
    # The contract's own rules of a row (etl/contract.py, school_outcomes).
    "support_category_value": "a support category must be green, yellow, amber or red",
    "attainment_value": (
        "attainment must be a number written with digits and a point for decimals, "
        "for example 52.4 (no spaces, thousands separators, inf or nan)"
    ),
    # Member ids that are not pseudonyms (etl/pseudonym.py).
    "looks_like_email": (
        "looks like an e-mail address, not a pseudonymous id: pseudonymise "
        "member ids before sending (see docs/data-contract.md); the value is not kept"
    ),
    "looks_like_name": (
        "looks like a person's name, not a pseudonymous id: pseudonymise "
        "member ids before sending (see docs/data-contract.md); the value is not kept"
    ),
    # Records that do not fit the header (etl/sources/contract_files.py).
    "too_many_fields": (
        "{fields} fields where the header has {width} columns: a value holds a comma "
        "but is not in double quotes, or there is a field too many (a comma at the end "
        "of the line?); put such values in double quotes, or remove the extra field"
    ),
    "too_few_fields": (
        "{fields} fields where the header has {width} columns: a field is missing, so "
        "the values may sit under the wrong columns; give every column a field, an empty "
        "one as nothing between two commas"
    ),
    # The published reference files (etl/sources/).
    "no_school_number": "no school number: a note or total row, not a school",
    "school_number_not_seven_digits": ("school number is not seven digits (LA code and four more)"),
    "la_code_not_a_number": "LA code is not a number such as 660",
    "la_code_unknown": (
        "LA code {la_code} is not one of the local authorities in local_authorities.csv"
    ),
    "categorisation_note_row": "no seven-digit school code: a note row, not a school",
    "categorisation_category": "support category is not Green, Yellow, Amber or Red",
    "categorisation_school_unknown": (
        "no such school_id in schools: not in the address list of schools loaded"
    ),
    "location_school_number": "school number is not seven digits",
    "location_out_of_range": "latitude or longitude is not a number in range",
    "boundary_unknown_code": "no ONS code of a local authority in local_authorities.csv",
    # England's GIAS group files (etl/sources/gias.py).
    "gias_not_a_number": (
        "not a whole number: GIAS gives URNs and group UIDs as digits only, such as "
        "100000; check this row in the file as downloaded from GIAS"
    ),
    "gias_childrens_centre": (
        "a children's centre, not a school: children's centres are not loaded as schools"
    ),
    "gias_la_not_in_lookup": (
        "LA code {la_code} is not in England's lookup of local authorities and regions "
        "(local_authorities_regions.csv); add it there with its region"
    ),
}


def say(code: str, **fields: object) -> str:
    """The English of reason ``code``, its fields filled."""
    return REASONS[code].format(**fields)


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each reason as a pattern of its English, a field matching any text; the reasons
    with fewest fields first, so that a fixed sentence is never read as a template's."""
    patterns = []
    for code, english in REASONS.items():
        parts, names = [], []
        for literal, field, _, _ in string.Formatter().parse(english):
            parts.append(re.escape(literal))
            if field is not None:
                # A field named twice ({table} in no_such_reference) must match the same.
                parts.append(f"(?P={field})" if field in names else f"(?P<{field}>.+?)")
                names.append(field)
        patterns.append((len(names), code, re.compile("".join(parts), re.DOTALL)))
    return tuple((code, pattern) for _, code, pattern in sorted(patterns, key=lambda p: p[0]))


def read_reason(text: str) -> tuple[str, dict[str, str]] | None:
    """The code and fields of a reason the refresh wrote; None for any other text (a
    database written before a reason was added here, say)."""
    for code, pattern in _patterns():
        found = pattern.fullmatch(text)
        if found:
            return code, found.groupdict()
    return None
