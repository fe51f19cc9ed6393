"""Declarative checks of contract files, generated from :mod:`etl.contract`.

Every check is one SQL condition with the column it concerns and a reason that
says what to do. The checks run over the whole file at once (in DuckDB), set-based:
repeated keys are found by sorting the keys' hashes, and a cheap screen
(:func:`screen_sql`, which never passes a row any check fails) passes the usual
row, so that only the rows it does not pass, and the duplicates, are given every
check. Every problem of every row is collected, rows with any problem are set aside
into ``rejected_rows`` and the rest load. Nothing is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass

from etl.contract import (
    DATE,
    DECIMAL_NOTATION,
    WHOLE_NUMBER,
    Column,
    ContractFile,
    Reference,
    matches,
    written_as_number,
)
from etl.pseudonym import HIDDEN_PREFIX, MEMBER_ID_REASONS
from etl.pseudonym import PREFIX as PSEUDONYM_PREFIX
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


def _type_checks(column: Column, name: str | None = None) -> list[Check]:
    """The checks of a value's type: at most one fails for any one value.

    Every value that passes can be cast to the column's DuckDB type (each rule
    ends in a TRY_CAST to it), so the load's CAST never meets a bad value.
    ``name`` is the SQL of the value checked, the column itself by default.
    """
    v = f"trim({name or quote(column.name)})"
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


def _column_checks(column: Column, name: str | None = None) -> list[Check]:
    """The checks of one value of ``column`` (``name``: its SQL, the column by default)."""
    name = name or quote(column.name)
    checks = []
    if column.required:
        checks.append(
            Check(
                column.name,
                f"{name} IS NULL OR trim({name}) = ''",
                say("missing"),
            )
        )
    checks += _type_checks(column, name)
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


def _date_order_check(earlier: str, later: str) -> Check:
    return Check(
        later,
        f"TRY_CAST(trim({quote(later)}) AS DATE) < TRY_CAST(trim({quote(earlier)}) AS DATE)",
        say("dates_out_of_order", later=later, earlier=earlier),
    )


def _date_order_checks(spec: ContractFile) -> list[Check]:
    return [_date_order_check(earlier, later) for earlier, later in spec.ordered_dates]


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


# The temp table of the lines whose key an earlier line of the file already has
# (duplicate_lines_sql); the load fills it before it checks the file.
DUPLICATES = "__duplicates"


def _trimmed_key(spec: ContractFile) -> str:
    return ", ".join(f"trim({quote(k)})" for k in spec.key)


def repeated_key_hashes_sql(spec: ContractFile, source: str) -> str:
    """SQL of the hashes of the keys that more than one row of ``source`` has.

    One pass over every row, sorting one hash a row and comparing each with the
    one before it (cheaper than a hash aggregate of a group a row), instead of a
    window sorting whole rows: a file usually repeats no key, and then nothing else is
    needed. Two different keys may share a hash; duplicate_lines_sql compares the
    keys themselves.
    """
    return f"""
        SELECT DISTINCT __key_hash FROM (
            SELECT __key_hash, lag(__key_hash) OVER (ORDER BY __key_hash) AS __before
            FROM (SELECT hash({_trimmed_key(spec)}) AS __key_hash FROM {source})
        )
        WHERE __key_hash = __before
    """


def duplicate_lines_sql(spec: ContractFile, source: str, hashes: str) -> str:
    """SQL of the lines of ``source`` whose key (trimmed) an earlier line has, looking
    only at the rows whose key's hash is in ``hashes`` (repeated_key_hashes_sql)."""
    keys = _trimmed_key(spec)
    return f"""
        SELECT __line FROM (
            SELECT __line, row_number() OVER (PARTITION BY {keys} ORDER BY __line) AS __nth
            FROM {source}
            WHERE hash({keys}) IN (SELECT __key_hash FROM {hashes})
        )
        WHERE __nth > 1
    """


def _key_check(spec: ContractFile) -> Check:
    # Two different e-mail addresses hide behind the same marker: no duplicate.
    hidden = "".join(
        f" AND NOT starts_with({quote(k)}, {literal(HIDDEN_PREFIX)})"
        for k in spec.key
        if k in spec.member_id_columns
    )
    return Check(
        spec.key[-1],
        f"s.__line IN (SELECT __line FROM {DUPLICATES}){hidden}",
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


def _passes(checks: list[Check]) -> str:
    """SQL: none of ``checks`` fails (true when there are none)."""
    return " AND ".join(f"NOT coalesce(({c.failed}), false)" for c in checks) or "true"


def _known_value(column: Column, ref: Reference) -> str:
    """SQL: the row's value of ``column`` is, as written, the text of a value of the
    referenced table that passes every check of the column.

    Such a value passes the column's checks and its reference check; the set is made
    from the (small) referenced table, so every row needs one hash lookup instead of
    its regular expressions, casts and the reference's own lookup.
    """
    text = "__text"
    checks = _column_checks(column, text)
    return (
        f"s.{quote(column.name)} IN (SELECT {text} FROM ("
        f"SELECT CAST({quote(ref.target)} AS VARCHAR) AS {text}, {quote(ref.target)} AS __value "
        f"FROM {quote(ref.table)}) WHERE {text} = trim({text}) "
        f"AND TRY_CAST({text} AS {column.sql_type}) = __value AND {_passes(checks)})"
    )


# The values of a score column that pass its checks, as a file usually writes them.
_PLAIN_SCORES = ("1", "2", "3", "4", "5")


def _plain_form(column: Column, v: str) -> str | None:
    """SQL: the value ``v`` is written as the contract writes a good value of the column,
    which then passes every check of the column; None where there is no such test."""
    if column.type == "text":
        if column.allowed:
            # As written: a value with spaces around it is left to the checks.
            allowed = [literal(a) for a in column.allowed if a and a == a.strip()]
            return f"{v} IN ({', '.join(allowed)})" if allowed else None
        if column.vocabulary:
            return None  # an empty vocabulary allows nothing: the checks say so
        # Starts with a printable character other than a space: trimming leaves something.
        return f"ascii({v}) BETWEEN 33 AND 126" if column.required else "true"
    if column.allowed or column.vocabulary:
        return None
    forms = {
        # Ten characters that DuckDB writes back as they are (so no spaces): the
        # contract's YYYY-MM-DD, a real day.
        "date": f"length({v}) = 10 AND CAST(TRY_CAST({v} AS DATE) AS VARCHAR) = {v}",
        # Written back by DuckDB as it is, with no minus: digits only, a whole number
        # that fits the type.
        "integer": f"CAST(TRY_CAST({v} AS {column.sql_type}) AS VARCHAR) = {v} "
        f"AND NOT starts_with({v}, '-')",
        "score": f"{v} IN ({', '.join(literal(x) for x in _PLAIN_SCORES)})",
        # What the load's pseudonym function makes of an id: neither a marker nor empty.
        "member_id": f"starts_with({v}, {literal(PSEUDONYM_PREFIX)})",
    }
    form = forms.get(column.type)
    if form is None:
        return None
    return form if column.required else f"{v} IS NULL OR ({form})"


def _column_screen(spec: ContractFile, column: Column) -> str:
    """SQL over the row ``s``: true only when no check of the column itself (its
    _column_checks and reference checks) fails; far cheaper than those checks for a
    value written as the contract writes it. A value it does not pass is checked by
    the checks themselves (problems_sql).
    """
    v = f"s.{quote(column.name)}"
    refs = [r for r in spec.references if r.column == column.name]
    if refs:
        return " AND ".join(_known_value(column, ref) for ref in refs)
    return _plain_form(column, v) or _passes(_column_checks(column, v))


def written_as_loaded(spec: ContractFile) -> tuple[str, ...]:
    """The columns whose value, in a row that passes the screen (screen_sql), is NULL
    or exactly the text of the value loaded: no spaces to trim, a form DuckDB casts as
    it is. Free text (only its first letter is screened) and columns checked by their
    full checks are not.
    """
    return tuple(
        column.name
        for column in spec.columns
        if any(r.column == column.name for r in spec.references)
        or (
            _plain_form(column, "v") not in (None, "true")
            and not (column.type == "text" and not column.allowed)
        )
    )


def _order_screen(spec: ContractFile, earlier: str, later: str) -> str:
    """SQL: the two dates are in order, or one is missing, for a row whose date columns
    pass their screens (each then as written is as trimmed, or NULL)."""
    types = {c.name: c.type for c in spec.columns}
    if types[earlier] != "date" or types[later] != "date":
        return _passes([_date_order_check(earlier, later)])
    return (
        f"NOT coalesce(TRY_CAST(s.{quote(later)} AS DATE) < "
        f"TRY_CAST(s.{quote(earlier)} AS DATE), false)"
    )


def screen_sql(spec: ContractFile) -> str:
    """SQL over the row ``s``: true only when no check but the duplicate key fails.

    Every row is screened, the usual one cheaply; the rows it does not vouch for, and
    the rows with a duplicate key, go through every check (problems_sql).
    """
    parts = [_column_screen(spec, column) for column in spec.columns]
    parts += [_order_screen(spec, earlier, later) for earlier, later in spec.ordered_dates]
    parts.append(_passes([Check(c.column, c.failed, c.reason) for c in spec.row_checks]))
    parts.append(_passes([_already_loaded_check(spec)]))
    return " AND ".join(f"coalesce(({part}), false)" for part in parts)


def suspects_sql(spec: ContractFile, source: str) -> str:
    """SQL of the rows of ``source`` that need every check: those the screen does not
    pass, and those with a duplicate key (the temp table DUPLICATES,
    duplicate_lines_sql). Usually few: the rest load without further checks."""
    return f"""
        SELECT * FROM {source} AS s
        WHERE s.__line IN (SELECT __line FROM {DUPLICATES}) OR NOT ({screen_sql(spec)})
    """


def problems_sql(spec: ContractFile, source: str) -> str:
    """SQL giving the rows of ``source`` that have a problem, each with ``__problems``:
    a list of {column, reason}. The other rows are the ones to load.

    ``source`` is a relation of all-text columns plus ``__line``, usually the
    suspects of a file (suspects_sql); the temp table DUPLICATES holds the lines with
    a duplicate key (duplicate_lines_sql). Every check is computed for every row, as
    a flag; only the rows with a flag set build their list.
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
