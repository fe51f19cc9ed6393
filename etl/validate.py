"""Declarative checks of contract files, generated from :mod:`etl.contract`.

Every check is one SQL condition with the column it concerns and a reason that
says what to do. All checks run over the whole file at once (in DuckDB), every
problem of every row is collected, rows with any problem are set aside into
``rejected_rows`` and the rest load. Nothing is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass

from etl.contract import Column, ContractFile
from etl.pseudonym import HIDDEN_PREFIX, MEMBER_ID_REASONS

__all__ = ["Check", "checks_for", "literal", "problems_sql", "quote"]


@dataclass(frozen=True)
class Check:
    column: str
    failed: str  # SQL condition, true when the row fails
    reason: str


def quote(name: str) -> str:
    """Quote an identifier for DuckDB (column names such as ``left`` are keywords)."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _type_check(column: Column) -> Check | None:
    v = f"trim({quote(column.name)})"
    rules = {
        "integer": (
            f"TRY_CAST({v} AS BIGINT) IS NULL OR TRY_CAST({v} AS BIGINT) < 0",
            "not a whole number of 0 or more",
        ),
        "number": (f"TRY_CAST({v} AS DOUBLE) IS NULL", "not a number"),
        "date": (f"TRY_CAST({v} AS DATE) IS NULL", "not a date; write dates as YYYY-MM-DD"),
        "school_id": (
            f"NOT regexp_full_match({v}, '[0-9]{{7}}')",
            "not a seven-digit school number (LA code and four more)",
        ),
        "year": (
            f"NOT regexp_full_match({v}, '[0-9]{{4}}/[0-9]{{2}}') OR "
            f"(TRY_CAST(left({v}, 4) AS INTEGER) + 1) % 100 "
            f"<> TRY_CAST(right({v}, 2) AS INTEGER)",
            "not an academic year; write it as 2018/19",
        ),
        "score": (
            f"TRY_CAST({v} AS INTEGER) IS NULL OR TRY_CAST({v} AS INTEGER) NOT BETWEEN 1 AND 5",
            "not a score from 1 to 5",
        ),
    }
    if column.type not in rules:
        return None
    condition, reason = rules[column.type]
    return Check(column.name, f"{v} <> '' AND ({condition})", reason)


def _column_checks(column: Column) -> list[Check]:
    name = quote(column.name)
    checks = []
    if column.required:
        checks.append(
            Check(
                column.name,
                f"{name} IS NULL OR trim({name}) = ''",
                "missing value; this column is required",
            )
        )
    typed = _type_check(column)
    if typed:
        checks.append(typed)
    if column.type == "member_id":
        checks += [
            Check(column.name, f"trim({name}) = {literal(marker)}", reason)
            for marker, reason in MEMBER_ID_REASONS.items()
        ]
    if column.allowed:
        values = ", ".join(literal(a) for a in column.allowed)
        checks.append(
            Check(
                column.name,
                f"trim({name}) <> '' AND trim({name}) NOT IN ({values})",
                f"not one of the allowed values: {', '.join(column.allowed)}",
            )
        )
    return checks


def _date_order_checks(spec: ContractFile) -> list[Check]:
    return [
        Check(
            later,
            f"TRY_CAST(trim({quote(later)}) AS DATE) < TRY_CAST(trim({quote(earlier)}) AS DATE)",
            f"{later} is before {earlier}; dates must be in order",
        )
        for earlier, later in spec.ordered_dates
    ]


def _reference_checks(spec: ContractFile) -> list[Check]:
    checks = []
    for ref in spec.references:
        column = next(c for c in spec.columns if c.name == ref.column)
        value = f"trim({quote(ref.column)})"
        typed = _type_check(column)
        # A value of the wrong type is reported once, by its type check.
        well_typed = f"NOT ({typed.failed})" if typed else "true"
        checks.append(
            Check(
                ref.column,
                f"{value} <> '' AND {well_typed} AND CAST({value} AS {column.sql_type}) NOT IN "
                f"(SELECT {quote(ref.target)} FROM {quote(ref.table)})",
                f"no such {ref.target} in {ref.table}; "
                f"check the code or load the {ref.table} row first",
            )
        )
    return checks


def _key_check(spec: ContractFile) -> Check:
    keys = ", ".join(f"trim({quote(k)})" for k in spec.key)
    # Two different e-mail addresses hide behind the same marker: no duplicate.
    hidden = "".join(
        f" AND NOT starts_with({quote(k)}, {literal(HIDDEN_PREFIX)})"
        for k in spec.key
        if k in spec.member_id_columns
    )
    return Check(
        spec.key[-1],
        f"row_number() OVER (PARTITION BY {keys} ORDER BY __line) > 1{hidden}",
        f"duplicate key ({', '.join(spec.key)}): the same row is given twice; keep one",
    )


def _already_loaded_check(spec: ContractFile) -> Check:
    types = {c.name: c.sql_type for c in spec.columns}
    matches = " AND ".join(
        f"t.{quote(k)} = TRY_CAST(trim(s.{quote(k)}) AS {types[k]})" for k in spec.key
    )
    return Check(
        spec.key[-1],
        f"EXISTS (SELECT 1 FROM {quote(spec.table)} t WHERE {matches})",
        f"a row with this key ({', '.join(spec.key)}) is already loaded from an earlier file "
        "(for example a published categorisation list); keep one",
    )


def checks_for(spec: ContractFile) -> list[Check]:
    """Every check of a contract file, in the order problems are reported."""
    checks = [c for column in spec.columns for c in _column_checks(column)]
    checks += _date_order_checks(spec)
    checks += [Check(c.column, c.failed, c.reason) for c in spec.row_checks]
    checks += _reference_checks(spec)
    checks.append(_key_check(spec))
    checks.append(_already_loaded_check(spec))
    return checks


def problems_sql(spec: ContractFile, source: str) -> str:
    """SQL giving every row of ``source`` with ``__problems``: a list of {column, reason}.

    ``source`` is a relation of all-text columns plus ``__line``. Window checks
    (duplicate keys) cannot sit inside CASE, so each check is its own column first.
    """
    flags = ",\n    ".join(
        f"coalesce(({check.failed}), false) AS __fail_{i}"
        for i, check in enumerate(checks_for(spec))
    )
    items = ",\n    ".join(
        f"CASE WHEN __fail_{i} THEN {{'column': {literal(check.column)}, "
        f"'reason': {literal(check.reason)}}} END"
        for i, check in enumerate(checks_for(spec))
    )
    columns = ", ".join(quote(name) for name in spec.column_names)
    return f"""
WITH flagged AS (
    SELECT *,
    {flags}
    FROM {source} AS s
)
SELECT {columns}, __line,
    list_filter([
    {items}
    ], lambda x: x IS NOT NULL) AS __problems
FROM flagged
"""
