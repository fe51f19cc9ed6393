"""Load reference data and contract files into a new DuckDB database.

Contract files are read by DuckDB itself as text, checked by the declarative
checks of :mod:`etl.validate` as set-based SQL, and only then cast into their tables;
rows with problems go to ``rejected_rows`` with their file, line, column, value
and reason. Member ids are pseudonymised as their file is read
(:mod:`etl.pseudonym`); no value as sent of a file of member ids that could be
a person is kept, not even in ``rejected_rows``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from etl.contract import CONTRACT, Column, ContractFile
from etl.pseudonym import (
    A_MEMBER_ID,
    HIDE_FUNCTION,
    PseudonymKey,
    pseudonym,
    pseudonym_functions,
    pseudonymise_values,
)
from etl.reasons import say
from etl.sources.common import InputError, Rejection
from etl.sources.contract_files import Transforms, lost_letters_warning, stage_contract_file
from etl.sources.reference import Reference
from etl.validate import (
    DUPLICATES,
    duplicate_lines_sql,
    literal,
    problems_sql,
    quote,
    repeated_key_hashes_sql,
    suspects_sql,
    written_as_loaded,
)

__all__ = ["LoadedFile", "load_contract_file", "load_reference", "run_model", "write_rejections"]

SQL_DIR = Path(__file__).resolve().parent / "sql"


@dataclass(frozen=True)
class LoadedFile:
    rows: int
    set_aside: int
    encoding: str
    # What the data team should know of a file that loaded (Welsh letters lost).
    warnings: tuple[str, ...] = ()


def write_rejections(
    con: duckdb.DuckDBPyConnection, run_id: str, rejections: list[Rejection]
) -> None:
    """Append rows set aside by a Python reader to ``rejected_rows``."""
    if not rejections:
        return
    frame = pd.DataFrame(
        [(run_id, r.table, r.source_file, r.line, r.column, r.value, r.reason) for r in rejections],
        columns=["run_id", "table_name", "source_file", "line", "column_name", "value", "reason"],
    )
    con.register("__rejections", frame)
    con.execute("INSERT INTO rejected_rows BY NAME SELECT * FROM __rejections")
    con.unregister("__rejections")


def load_reference(con: duckdb.DuckDBPyConnection, reference: Reference, run_id: str) -> None:
    """Load local authorities, schools and published support categories."""
    # Frames are registered under names of their own: a Python variable named
    # like a table would lose to the table in DuckDB's replacement scan.
    con.register("__ref_las", reference.local_authorities)
    con.register("__ref_schools", reference.schools)
    con.register("__ref_categories", reference.categories)
    con.register("__ref_boundaries", reference.boundaries)
    con.execute("INSERT INTO local_authorities BY NAME SELECT * FROM __ref_las")
    con.execute("INSERT INTO schools BY NAME SELECT * FROM __ref_schools")
    if len(reference.boundaries):
        con.execute("INSERT INTO la_boundaries BY NAME SELECT * FROM __ref_boundaries")
    write_rejections(con, run_id, reference.rejections)
    con.execute(
        """
        INSERT INTO rejected_rows
        SELECT $run_id, 'school_outcomes', source_file, line, 'School code',
               CAST(school_id AS VARCHAR), $reason
        FROM __ref_categories WHERE school_id NOT IN (SELECT school_id FROM schools)
        """,
        {"run_id": run_id, "reason": say("categorisation_school_unknown")},
    )
    con.execute(
        """
        INSERT INTO school_outcomes
        SELECT school_id, year, 'support_category', category, 'published'
        FROM __ref_categories WHERE school_id IN (SELECT school_id FROM schools)
        """
    )
    for name in ("__ref_las", "__ref_schools", "__ref_categories", "__ref_boundaries"):
        con.unregister(name)


def _check_header(spec: ContractFile, path: Path, header: list[str]) -> None:
    missing = [c.name for c in spec.columns if c.required and c.name not in header]
    if missing:
        raise InputError(
            f"{path}: missing required column(s) {', '.join(missing)}; the header of a "
            f"{spec.table} file must hold: {', '.join(spec.column_names)} "
            "(see docs/data-contract.md)."
        )


def _ensure_optional_columns(
    con: duckdb.DuckDBPyConnection, spec: ContractFile, header: list[str]
) -> None:
    for column in spec.columns:
        if column.name not in header:
            con.execute(f"ALTER TABLE __staged ADD COLUMN {quote(column.name)} VARCHAR")


def _cast(column: Column, as_loaded: bool = False) -> str:
    """SQL of the value loaded, from the staged text; ``as_loaded``: the screen vouches
    that the column's text is the value as loaded (written_as_loaded), so a row it
    passed (not ``__suspect``) needs no trimming."""
    # Only rows without problems are cast, and every type check ends in a TRY_CAST to
    # the column's type (etl/validate.py): a CAST, not a TRY_CAST, so that a value a
    # check ever let through by mistake stops the load instead of becoming NULL.
    name = quote(column.name)
    value = f"nullif(trim({name}), '')"
    if column.default:  # a code of the system's (a-z, 0-9, _): safe as a literal
        # An empty cell takes the default, so the text is never the value as loaded.
        value = f"coalesce({value}, '{column.default}')"
        as_loaded = False
    checked = f"CAST({value} AS {column.sql_type})"
    if as_loaded:
        checked = f"CASE WHEN __suspect THEN {checked} ELSE CAST({name} AS {column.sql_type}) END"
    return f"{checked} AS {name}"


def load_contract_file(
    con: duckdb.DuckDBPyConnection,
    spec: ContractFile,
    path: Path,
    run_id: str,
    key: PseudonymKey | None = None,
) -> LoadedFile:
    """Validate and load one contract file: rows loaded, rows set aside, encoding used.

    ``key`` pseudonymises the member ids; a file with member ids needs one.
    """
    if not spec.member_id_columns:
        return _load_checked(con, spec, path, run_id, {})
    if key is None:
        raise ValueError(f"{spec.table} holds member ids: loading it needs a pseudonym key")
    pseudonymised: Transforms = {
        name: lambda values: pseudonymise_values(key, values) for name in spec.member_id_columns
    }
    with pseudonym_functions(con, key) as register_hide:
        return _load_checked(con, spec, path, run_id, pseudonymised, register_hide)


def _load_checked(
    con: duckdb.DuckDBPyConnection,
    spec: ContractFile,
    path: Path,
    run_id: str,
    transforms: Transforms,
    register_hide: Callable[[frozenset[str]], None] | None = None,
) -> LoadedFile:
    encoding = stage_contract_file(con, path, transforms)
    header = [row[0] for row in con.execute("DESCRIBE __staged").fetchall()]
    _check_header(spec, path, header)
    misfits = _set_aside_misfits(con, spec, path, run_id)
    free_text = [c.name for c in spec.columns if c.type == "text" and not c.allowed]
    lost = lost_letters_warning(con, path, free_text, quote=not spec.member_id_columns)
    _ensure_optional_columns(con, spec, header)
    _find_duplicates(con, spec)
    # __suspects: the rows the screen does not pass; __checked: those of them with a
    # problem. Every other staged row loads.
    con.execute(f"CREATE OR REPLACE TEMP TABLE __suspects AS {suspects_sql(spec, '__staged')}")
    # With no suspect (the usual file) the checks' long statement is not even planned:
    # __checked is then as empty as __suspects.
    checked = (
        problems_sql(spec, "__suspects")
        if _any_rows(con, "__suspects")
        else "SELECT * FROM __suspects"
    )
    con.execute(f"CREATE OR REPLACE TEMP TABLE __checked AS {checked}")
    (set_aside,) = con.execute("SELECT count(*) FROM __checked").fetchone()
    # The member ids (every one of the file, in Python) are only needed to hide values
    # of rows set aside: a file with none skips both.
    if set_aside:
        if register_hide is not None:
            register_hide(_member_ids(con, spec))
        _reject(con, spec, path, run_id, hide=register_hide is not None)
    as_loaded = written_as_loaded(spec)
    casts = ", ".join(_cast(c, c.name in as_loaded) for c in spec.columns)
    loaded = con.execute(
        f"INSERT INTO {quote(spec.table)} BY NAME SELECT {casts} FROM ("
        "SELECT *, __line IN (SELECT __line FROM __suspects) AS __suspect FROM __staged"
        ") WHERE __line NOT IN (SELECT __line FROM __checked)"
    ).fetchone()[0]
    con.execute(
        "DROP TABLE __staged; DROP TABLE __suspects; DROP TABLE __checked; "
        f"DROP TABLE __misfits; DROP TABLE {DUPLICATES}"
    )
    return LoadedFile(int(loaded), int(set_aside) + misfits, encoding, (lost,) if lost else ())


def _any_rows(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return con.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]


def _find_duplicates(con: duckdb.DuckDBPyConnection, spec: ContractFile) -> None:
    """The lines of ``__staged`` whose key an earlier line has, into DUPLICATES.

    The keys' hashes are counted first, in one pass; only when some repeat are the
    rows with those hashes ranked by line (a file usually repeats no key).
    """
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE __key_hashes AS {repeated_key_hashes_sql(spec, '__staged')}"
    )
    con.execute(f"CREATE OR REPLACE TEMP TABLE {DUPLICATES} (__line INTEGER)")
    if _any_rows(con, "__key_hashes"):
        con.execute(
            f"INSERT INTO {DUPLICATES} {duplicate_lines_sql(spec, '__staged', '__key_hashes')}"
        )
    con.execute("DROP TABLE __key_hashes")


def _set_aside_misfits(
    con: duckdb.DuckDBPyConnection, spec: ContractFile, path: Path, run_id: str
) -> int:
    """Set aside, whole, the records the reader could not split into the header's
    columns; return how many. No value is kept: which field is which is unknown."""
    con.execute(
        "INSERT INTO rejected_rows SELECT $run_id, $table, $file, line, NULL, NULL, reason "
        "FROM __misfits",
        {"run_id": run_id, "table": spec.table, "file": str(path)},
    )
    return int(con.execute("SELECT count(*) FROM __misfits").fetchall()[0][0])


def _member_ids(con: duckdb.DuckDBPyConnection, spec: ContractFile) -> frozenset[str]:
    """Every pseudonymised member id of the file being loaded and of those loaded before it."""
    union = " UNION ".join(
        [f"SELECT trim({quote(c)}) FROM __staged" for c in spec.member_id_columns]
        + [f"SELECT {quote(c)} FROM {quote(spec.table)}" for c in spec.member_id_columns]
    )
    return frozenset(r[0] for r in con.execute(union).fetchall() if r[0])


def _reject(
    con: duckdb.DuckDBPyConnection, spec: ContractFile, path: Path, run_id: str, *, hide: bool
) -> None:
    """Set aside every row with a problem, once per problem, with the value in question.

    In a file of member ids (``hide``), the value of another column is hidden
    when it is a member id of this file or of one loaded before it (columns
    swapped) or looks like an e-mail address or a name: the member id columns
    hold pseudonyms already.
    """

    def value(column: str) -> str:
        if hide and column not in spec.member_id_columns:
            return f"{HIDE_FUNCTION}({quote(column)})"
        return quote(column)

    value_of = " ".join(f"WHEN {literal(c.name)} THEN {value(c.name)}" for c in spec.columns)
    con.execute(
        f"""
        INSERT INTO rejected_rows
        SELECT $run_id, $table, $file, __line, p.column, CASE p.column {value_of} END, p.reason
        FROM (SELECT *, unnest(__problems) AS p FROM __checked)
        """,
        {"run_id": run_id, "table": spec.table, "file": str(path)},
    )


def hide_member_ids_set_aside(con: duckdb.DuckDBPyConnection, key: PseudonymKey) -> int:
    """Hide every rejected value, of any file and column, that is a member id of any file
    of the refresh (columns swapped, an id typed in the wrong file); return how many
    distinct values were hidden.

    Each file's own pass (_reject) knows only the ids loaded so far and only looks at
    files of member ids; this pass runs once every file is in, and compares pseudonyms,
    the ids as sent being gone. Values of member id columns are pseudonyms already.
    """
    specs = [spec for spec in CONTRACT if spec.member_id_columns]
    ids = " UNION ".join(
        f"SELECT {quote(column)} FROM {quote(spec.table)}"
        for spec in specs
        for column in spec.member_id_columns
    )
    member_ids = frozenset(r[0] for r in con.execute(ids).fetchall() if r[0])
    id_columns = sorted({c for spec in specs for c in spec.member_id_columns})
    found = con.execute(
        "SELECT DISTINCT value FROM rejected_rows"
        " WHERE NOT list_contains($id_columns, column_name) AND value IS NOT NULL",
        {"id_columns": id_columns},
    ).fetchall()
    hits = [v for (v,) in found if v.strip() and pseudonym(key, v) in member_ids]
    if hits:
        con.execute(
            "UPDATE rejected_rows SET value = $hidden"
            " WHERE NOT list_contains($id_columns, column_name) AND list_contains($hits, value)",
            {"hidden": A_MEMBER_ID, "id_columns": id_columns, "hits": hits},
        )
    return len(hits)


def run_model(
    con: duckdb.DuckDBPyConnection,
    table: str,
    folder: str = "marts",
    params: dict[str, object] | None = None,
) -> int:
    """Fill ``table`` from ``etl/sql/<folder>/<table>.sql``; return rows inserted.

    ``params`` binds the model's named parameters (``$name``), if it has any.
    """
    sql = (SQL_DIR / folder / f"{table}.sql").read_text(encoding="utf-8")
    inserted = con.execute(f"INSERT INTO {quote(table)} BY NAME ({sql})", params or {})
    return int(inserted.fetchone()[0])
