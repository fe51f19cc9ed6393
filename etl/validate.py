"""Declarative checks of contract files, generated from :mod:`etl.contract`.

Every check is one SQL condition with the column it concerns and a reason that
says what to do. All checks run over the whole file at once (in DuckDB), every
problem of every row is collected, rows with any problem are set aside into
``rejected_rows`` and the rest load. Nothing is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass

from etl.contract import (
    DATE,
    DECIMAL_NOTATION,
    WHOLE_NUMBER,
    Column,
    ContractFile,
    matches,
    written_as_number,
)
from etl.pseudonym import HIDDEN_PREFIX, MEMBER_ID_REASONS
from etl.reasons import say

__all__ = [
    "DECIMAL_COUNT",
    "DECIMAL_SCORE",
    "NOT_A_DATE",
    "NOT_A_NUMBER",
    "NOT_A_SCHOOL",
    "NOT_A_SCORE",
    "NOT_A_YEAR",
    "NOT_WHOLE_COUNT",
    "TYPE_REASONS",
    "Check",
    "checks_for",
    "literal",
    "problems_sql",
    "quote",
]


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


# The reasons of the type checks: their words are etl/reasons.py's, so that the dashboard
# can show each in Welsh too.
NOT_WHOLE_COUNT = say("not_whole_count")
DECIMAL_COUNT = say("decimal_count")
NOT_A_SCORE = say("not_a_score")
DECIMAL_SCORE = say("decimal_score")
NOT_A_NUMBER = say("not_a_number")
NOT_A_DATE = say("not_a_date")
NOT_A_SCHOOL = say("not_a_school")
NOT_A_YEAR = say("not_a_year")


def _fails(accepted: str) -> str:
    """The condition of a check from what it accepts; unknown (NULL) counts as failed."""
    return f"NOT coalesce({accepted}, false)"


def _accepted(column: Column, v: str) -> str | None:
    """SQL: the trimmed value ``v`` is a good value of ``column``'s type, castable to it."""
    castable = f"TRY_CAST({v} AS {column.sql_type}) IS NOT NULL"
    rules = {
        "integer": f"{matches(v, WHOLE_NUMBER)} AND {castable}",
        "number": f"{written_as_number(v)} AND {castable}",
        "date": f"{matches(v, DATE)} AND {castable}",
        # The system's form of school identifier (etl/contract.py, contract_for).
        "school_id": f"{matches(v, column.pattern)} AND {castable}" if column.pattern else castable,
        "year": (
            f"{matches(v, '[0-9]{4}/[0-9]{2}')} AND "
            f"(TRY_CAST(left({v}, 4) AS INTEGER) + 1) % 100 = TRY_CAST(right({v}, 2) AS INTEGER)"
        ),
        "score": (
            f"{matches(v, WHOLE_NUMBER)} AND {castable} "
            f"AND TRY_CAST({v} AS INTEGER) BETWEEN 1 AND 5"
        ),
    }
    return rules.get(column.type)


# The reason each type gives for a value that is not of it.
TYPE_REASONS = {
    "integer": NOT_WHOLE_COUNT,
    "number": NOT_A_NUMBER,
    "date": NOT_A_DATE,
    "school_id": NOT_A_SCHOOL,
    "year": NOT_A_YEAR,
    "score": NOT_A_SCORE,
}
# Whole-number types, with the reason given for a decimal, told apart from other bad values.
_DECIMAL_REASONS = {"integer": DECIMAL_COUNT, "score": DECIMAL_SCORE}


def _type_reason(column: Column) -> str:
    """Why a value is not of the column's type: a school identifier not of the system's
    form in the system's words, when the contract gives them (etl/contract.py)."""
    if column.type == "school_id" and column.form:
        return say("not_a_school_id", form=column.form)
    return TYPE_REASONS[column.type]


def _type_checks(column: Column) -> list[Check]:
    """The checks of a value's type: at most one fails for any one value.

    Every value that passes can be cast to the column's DuckDB type (each rule
    ends in a TRY_CAST to it), so the load's CAST never meets a bad value.
    """
    v = f"trim({quote(column.name)})"
    accepted = _accepted(column, v)
    if accepted is None:
        return []
    given = f"{v} <> ''"
    if column.type not in _DECIMAL_REASONS:
        return [Check(column.name, f"{given} AND {_fails(accepted)}", _type_reason(column))]
    # A decimal in a whole-number column (7.6, 1e3) is told so; anything else is not a number.
    decimal = f"{matches(v, DECIMAL_NOTATION)} AND NOT {matches(v, '[-+]?' + WHOLE_NUMBER)}"
    return [
        Check(column.name, f"{given} AND {decimal}", _DECIMAL_REASONS[column.type]),
        Check(
            column.name,
            f"{given} AND NOT ({decimal}) AND {_fails(accepted)}",
            TYPE_REASONS[column.type],
        ),
    ]


def _column_checks(column: Column) -> list[Check]:
    name = quote(column.name)
    checks = []
    if column.required:
        checks.append(
            Check(
                column.name,
                f"{name} IS NULL OR trim({name}) = ''",
                say("missing"),
            )
        )
    checks += _type_checks(column)
    if column.type == "member_id":
        checks += [
            Check(column.name, f"trim({name}) = {literal(marker)}", reason)
            for marker, reason in MEMBER_ID_REASONS.items()
        ]
    if column.allowed or column.vocabulary:
        # A system's vocabulary may be empty (no outcome measures): then nothing is allowed.
        values = ", ".join(literal(a) for a in column.allowed)
        outside = f" AND trim({name}) NOT IN ({values})" if values else ""
        checks.append(
            Check(
                column.name,
                f"trim({name}) <> ''{outside}",
                say("not_allowed", allowed=", ".join(column.allowed) or "none"),
            )
        )
    return checks


def _date_order_checks(spec: ContractFile) -> list[Check]:
    return [
        Check(
            later,
            f"TRY_CAST(trim({quote(later)}) AS DATE) < TRY_CAST(trim({quote(earlier)}) AS DATE)",
            say("dates_out_of_order", later=later, earlier=earlier),
        )
        for earlier, later in spec.ordered_dates
    ]


def _reference_checks(spec: ContractFile) -> list[Check]:
    checks = []
    for ref in spec.references:
        column = next(c for c in spec.columns if c.name == ref.column)
        value = f"trim({quote(ref.column)})"
        # A value of the wrong type is reported once, by its type check. TRY_CAST, not
        # CAST: DuckDB may evaluate both sides of AND, so a guard does not stop a CAST.
        well_typed = " AND ".join(f"NOT ({typed.failed})" for typed in _type_checks(column))
        checks.append(
            Check(
                ref.column,
                f"{value} <> '' AND {well_typed or 'true'} AND "
                f"TRY_CAST({value} AS {column.sql_type}) NOT IN "
                f"(SELECT {quote(ref.target)} FROM {quote(ref.table)})",
                say("no_such_reference", target=ref.target, table=ref.table),
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
        say("duplicate_key", keys=", ".join(spec.key)),
    )


def _already_loaded_check(spec: ContractFile) -> Check:
    """A row whose key a row of the table already has (every part of the key equal).

    An uncorrelated IN, which DuckDB answers with one hash join against the table's
    keys, not a correlated EXISTS (a join per distinct key). The keys are compared as
    structs, where NULL would equal NULL: keys with a NULL part are left out of the
    table's side, so that, as with ``=``, a NULL part matches nothing.
    """
    types = {c.name: c.sql_type for c in spec.columns}
    row_key = ", ".join(
        f"{literal(k)}: TRY_CAST(trim(s.{quote(k)}) AS {types[k]})" for k in spec.key
    )
    loaded_key = ", ".join(f"{literal(k)}: t.{quote(k)}" for k in spec.key)
    complete = " AND ".join(f"t.{quote(k)} IS NOT NULL" for k in spec.key)
    return Check(
        spec.key[-1],
        f"{{{row_key}}} IN (SELECT {{{loaded_key}}} FROM {quote(spec.table)} t WHERE {complete})",
        say("already_loaded", keys=", ".join(spec.key)),
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
    """SQL giving the rows of ``source`` that have a problem, each with ``__problems``:
    a list of {column, reason}. The other rows are the ones to load.

    ``source`` is a relation of all-text columns plus ``__line``. One pass computes
    every check of every row as a flag; only the rows with a flag set go on to build
    their list (usually few). Window checks (duplicate keys) cannot sit inside CASE,
    so each check is its own column first.
    """
    checks = checks_for(spec)
    flags = ",\n    ".join(
        f"coalesce(({check.failed}), false) AS __fail_{i}" for i, check in enumerate(checks)
    )
    items = ",\n    ".join(
        f"CASE WHEN __fail_{i} THEN {{'column': {literal(check.column)}, "
        f"'reason': {literal(check.reason)}}} END"
        for i, check in enumerate(checks)
    )
    any_failed = " OR ".join(f"__fail_{i}" for i in range(len(checks)))
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
WHERE {any_failed}
"""
