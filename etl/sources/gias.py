"""England's groups of schools from Get Information About Schools (GIAS), as published.

GIAS publishes "All group links records" (``alllinksdata<date>.csv``: one row per
establishment in a group) and "All group records" (``allgroupsdata<date>.csv``: one
row per group). Both are read here, found by their headers, in the forms they come in:
Windows-1252 as GIAS publishes them or UTF-8; dates as dd/mm/yyyy or yyyy-mm-dd; with
or without the unnamed index column a copy saved by pandas starts with.

Each file is staged as text by the house CSV reader (:func:`stage_contract_file`:
every record keeps the line it starts on, a record that does not fit the header is
set aside whole) and typed and checked in SQL, all rows at once. Columns are picked by
position and renamed before any SQL sees them, so no header text is ever written into
a statement; the columns not picked (addresses, and the names of heads of group) are
never read into any result.

What comes out (:class:`GiasSnapshot`):

- schools: every establishment of the links file by URN, with its LA, type of
  establishment and phase. Children's centres are not schools: their rows are set
  aside, each with its reason, unless ``keep_childrens_centres``;
- groups: every group of the groups file, its type and status as words of plcnet's
  (``multi_academy_trust``, ``open``...) beside GIAS's own;
- memberships: URN, group UID and the date the establishment joined;
- local_authorities: the LAs of the schools, with their regions from the shipped
  lookup (data/reference/england/local_authorities_regions.csv, shipped).

The tie rule (:func:`tied_pairs`) is a pure function of the groups and memberships.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from etl.reasons import say
from etl.sources.common import InputError, Rejection, normalise_header
from etl.sources.contract_files import stage_contract_file
from etl.sources.sniff import NotTextError, decode_text, read_head, read_rows

__all__ = [
    "DEFAULT_TIE_TYPES",
    "GIAS_GROUPS",
    "GIAS_LINKS",
    "LA_REGIONS_FILE",
    "GiasSnapshot",
    "detect_gias",
    "find_gias_files",
    "gias_kind",
    "read_gias",
    "read_la_regions",
    "snapshot_date",
    "tie_types",
    "tied_pairs",
]

GIAS_LINKS = "gias_links"
GIAS_GROUPS = "gias_groups"
# The lookup of LAs and regions, under the reference folder (etl.config.default_reference_dir:
# data/reference in a checkout, etl/reference_data in the wheel).
LA_REGIONS_FILE = Path("england") / "local_authorities_regions.csv"

# Our column -> the GIAS header (normalised: lower case, spacing collapsed). Only these
# columns are read; the heads of group (title, first and last name) are not among them.
LINK_COLUMNS: dict[str, str] = {
    "urn": "urn",
    "group_uid": "group uid",
    "joined": "joined date",
    "name": "establishmentname",
    "establishment_type": "typeofestablishment (name)",
    "phase": "phaseofeducation (name)",
    "la_code": "la (code)",
    "la_name": "la (name)",
}
GROUP_COLUMNS: dict[str, str] = {
    "group_uid": "group uid",
    "name": "group name",
    "group_type_name": "group type",
    "status_name": "group status",
    "open_date": "open date",
    "closed": "closed date",
    "incorporated": "incorporated on (open date)",
}
# A column a file may lack (older editions, hand-made copies): read as empty.
OPTIONAL = frozenset({"la_name", "incorporated"})
# How a column is named in a rejection: as in the GIAS header.
SHOWN = {
    "urn": "URN",
    "group_uid": "Group UID",
    "joined": "Joined date",
    "la_code": "LA (code)",
    "establishment_type": "TypeOfEstablishment (name)",
    "open_date": "Open date",
    "closed": "Closed Date",
    "incorporated": "Incorporated on (open date)",
}

# The group types that tie their schools by default: schools under one board
# (multi-academy trust, federation) or one trust. A single-academy trust holds one
# school; a school sponsor is mostly the same body as the trust it sponsors.
DEFAULT_TIE_TYPES = frozenset({"multi_academy_trust", "federation", "trust", "umbrella_trust"})
SINGLE_ACADEMY_TRUST = "single_academy_trust"
SCHOOL_SPONSOR = "school_sponsor"

# GIAS writes 01/01/1900 where it does not know a date.
UNKNOWN_DATE = date(1900, 1, 1)

# A Windows-1252 file read as Latin-1 (as the pandas copies were) turns its curly
# quotes, dashes and the like (bytes 0x80-0x9f) into control characters U+0080-U+009F,
# which no name holds: they are read back as the letters they were.
_C1_BYTES = [b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)]
C1_FROM = "".join(chr(b) for b in _C1_BYTES)
C1_TO = "".join(bytes([b]).decode("cp1252") for b in _C1_BYTES)

_DATE_PATTERN = re.compile(r"(20[0-9]{2})-?([01][0-9])-?([0-3][0-9])")


@dataclass(frozen=True)
class GiasSnapshot:
    """One edition of the two GIAS files, read and checked."""

    schools: pd.DataFrame
    groups: pd.DataFrame
    memberships: pd.DataFrame
    local_authorities: pd.DataFrame
    rejections: list[Rejection] = field(default_factory=list)
    encodings: dict[str, str] = field(default_factory=dict)


def _names(header: Iterable[str]) -> set[str]:
    return {normalise_header(cell) for cell in header}


def gias_kind(header: list[str]) -> str | None:
    """``gias_links`` or ``gias_groups`` when a header row is one of those files'."""
    names = _names(header)
    if {v for k, v in LINK_COLUMNS.items() if k not in OPTIONAL} <= names:
        return GIAS_LINKS
    if {v for k, v in GROUP_COLUMNS.items() if k not in OPTIONAL} <= names and "urn" not in names:
        return GIAS_GROUPS
    return None


def detect_gias(path: Path) -> str | None:
    """What ``path`` holds by its header: ``gias_links``, ``gias_groups`` or None."""
    try:
        text, _ = decode_text(read_head(path), partial=True)
    except NotTextError:
        return None
    rows = read_rows(text, limit=1)
    return gias_kind(rows[0]) if rows else None


def find_gias_files(folder: Path) -> dict[str, list[Path]]:
    """The GIAS files under ``folder`` (recursively) by kind, in name order."""
    found: dict[str, list[Path]] = {}
    for path in sorted(folder.rglob("*.csv")):
        kind = detect_gias(path)
        if kind:
            found.setdefault(kind, []).append(path)
    return found


def snapshot_date(path: Path) -> date | None:
    """The date in a GIAS file's name (``alllinksdata20220321.csv``, ``..._2022-03-21.csv``)."""
    found = _DATE_PATTERN.findall(path.name)
    if not found:
        return None
    year, month, day = (int(part) for part in found[-1])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def read_la_regions(path: Path) -> pd.DataFrame:
    """England's local authorities by three-digit LA code, with their regions."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    codes = frame["la_code"].str.strip()
    if not codes.str.fullmatch(r"[0-9]{3}").all() or codes.duplicated().any():
        raise InputError(
            f"{path}: every la_code must be a distinct three-digit number such as 330; fix it."
        )
    frame["la_code"] = codes.astype("int64")
    frame["ended"] = [date.fromisoformat(day) if day.strip() else None for day in frame["ended"]]
    return frame


# --- staging -------------------------------------------------------------------------


def _stage(con: duckdb.DuckDBPyConnection, path: Path, columns: Mapping[str, str]) -> str:
    """Stage ``path`` and keep only ``columns``, renamed ours, as the table ``picked``
    (all text, and ``line``); return the encoding. Columns are picked by position, so no
    header text reaches SQL; the others (addresses, heads of group) are dropped here,
    with the staged copy, before any typed table is made."""
    encoding = stage_contract_file(con, path)
    header = [r[0] for r in con.execute("DESCRIBE __staged").fetchall()]
    names = [normalise_header(cell) for cell in header]
    staged = con.sql("SELECT * FROM __staged").to_arrow_table()
    picked, ours = [], []
    for our, theirs in columns.items():
        if theirs in names:
            picked.append(staged.column(names.index(theirs)))
            ours.append(our)
        elif our not in OPTIONAL:
            raise InputError(f"{path}: no column {theirs!r}; is it a GIAS download?")
    picked.append(staged.column(header.index("__line")))
    ours.append("line")
    con.register("__picked", pa.table(dict(zip(ours, picked, strict=True))))
    try:
        missing = ", ".join(f"NULL::VARCHAR AS {c}" for c in columns if c not in ours)
        con.execute(
            "CREATE OR REPLACE TEMP TABLE picked AS SELECT *"
            + (f", {missing}" if missing else "")
            + " FROM __picked"
        )
    finally:
        con.unregister("__picked")
    con.execute("DROP TABLE __staged")
    return encoding


def _misfits(con: duckdb.DuckDBPyConnection, table: str, path: Path) -> list[Rejection]:
    rows = con.execute("SELECT line, reason FROM __misfits ORDER BY line").fetchall()
    return [Rejection(table, str(path), line, None, None, reason) for line, reason in rows]


# --- typed values, in SQL --------------------------------------------------------------

_WHOLE = "regexp_full_match(trim({c}), '[0-9]{{1,9}}')"
_DATE = "coalesce(try_strptime(trim({c}), '%d/%m/%Y'), try_strptime(trim({c}), '%Y-%m-%d'))::DATE"


def _date_or_null(column: str) -> str:
    """The date of a text column; NULL for no value and for GIAS's unknown date."""
    parsed = _DATE.format(c=column)
    return f"CASE WHEN {parsed} = DATE '{UNKNOWN_DATE.isoformat()}' THEN NULL ELSE {parsed} END"


def _bad_date(column: str) -> str:
    return f"(nullif(trim({column}), '') IS NOT NULL AND {_DATE.format(c=column)} IS NULL)"


def _slug(column: str) -> str:
    """GIAS's words as plcnet's: 'Multi-academy trust' -> 'multi_academy_trust'."""
    plain = f"regexp_replace(lower(trim({column})), '[''\u2019]', '', 'g')"
    return f"trim(regexp_replace({plain}, '[^a-z0-9]+', '_', 'g'), '_')"


def _sql_text(text: str) -> str:
    """One of plcnet's own sentences (a reason, never an input's text) as an SQL literal."""
    return "'" + text.replace("'", "''") + "'"


def _first_problem(checks: list[tuple[str, str, str]]) -> tuple[str, str, str]:
    """SQL for the column, value and reason of a row's first failed check (NULL if none).

    ``checks`` are (column, SQL condition that fails, reason), in the order to report.
    """
    column = " ".join(f"WHEN {cond} THEN '{SHOWN[c]}'" for c, cond, _ in checks)
    value = " ".join(f"WHEN {cond} THEN {c}" for c, cond, _ in checks)
    reason = " ".join(
        f"WHEN {cond} THEN '{r.replace(chr(39), chr(39) * 2)}'" for _, cond, r in checks
    )
    return f"CASE {column} END", f"CASE {value} END", f"CASE {reason} END"


def _missing_or_not_whole(column: str) -> list[tuple[str, str, str]]:
    return [
        (column, f"nullif(trim({column}), '') IS NULL", say("missing")),
        (column, f"NOT {_WHOLE.format(c=column)}", say("gias_not_a_number")),
    ]


def _checked(
    con: duckdb.DuckDBPyConnection,
    checks: list[tuple[str, str, str]],
    table: str,
    path: Path,
    name: str,
) -> list[Rejection]:
    """``table``: the picked rows with the column, value and reason of their first
    problem; returns those with a problem, as rejections of ``name``."""
    column, value, reason = _first_problem(checks)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {table} AS "
        f"SELECT *, {column} AS bad_column, {value} AS bad_value, {reason} AS bad_reason "
        "FROM picked"
    )
    rows = con.execute(
        f"SELECT line, bad_column, bad_value, bad_reason FROM {table} "
        "WHERE bad_reason IS NOT NULL ORDER BY line"
    ).fetchall()
    return [Rejection(name, str(path), *row) for row in rows]


def _typed(con: duckdb.DuckDBPyConnection, table: str, columns: str, checked: str) -> None:
    """``table``: the rows of ``checked`` without a problem, as ``columns`` (SQL of
    plcnet's own); names read with Windows-1252's letters for the C1 controls."""
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {table} AS "
        f"SELECT {columns} FROM {checked} WHERE bad_reason IS NULL",
        {"c1_from": C1_FROM, "c1_to": C1_TO},
    )


def _stage_groups(con: duckdb.DuckDBPyConnection, path: Path) -> tuple[list[Rejection], str]:
    """The table ``groups``: every readable group, typed; and the rows set aside."""
    encoding = _stage(con, path, GROUP_COLUMNS)
    rejected = _misfits(con, "groups", path)
    checks = [
        *_missing_or_not_whole("group_uid"),
        *((c, _bad_date(c), say("not_a_date")) for c in ("open_date", "incorporated", "closed")),
    ]
    rejected += _checked(con, checks, "groups_checked", path, "groups")
    _typed(
        con,
        "groups_typed",
        f"""line, CAST(trim(group_uid) AS INTEGER) AS group_uid,
            translate(trim(name), $c1_from, $c1_to) AS name,
            {_slug("group_type_name")} AS group_type, trim(group_type_name) AS group_type_name,
            {_slug("status_name")} AS status,
            coalesce({_date_or_null("open_date")}, {_date_or_null("incorporated")}) AS opened,
            {_date_or_null("closed")} AS closed""",
        "groups_checked",
    )
    rejected += _duplicates(con, "groups_typed", ["group_uid"], path, "groups", "Group UID")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE groups AS SELECT * EXCLUDE (line) FROM groups_typed "
        "WHERE line NOT IN (SELECT line FROM __duplicates) ORDER BY group_uid"
    )
    return rejected, encoding


def _duplicates(
    con: duckdb.DuckDBPyConnection,
    table: str,
    key: list[str],
    path: Path,
    name: str,
    shown: str,
) -> list[Rejection]:
    """The rows of ``table`` repeating an earlier row's ``key`` (into ``__duplicates``)."""
    keys = ", ".join(key)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE __duplicates AS SELECT line, concat_ws(', ', {keys}) "
        f"AS value FROM (SELECT line, {keys}, row_number() OVER (PARTITION BY {keys} "
        f"ORDER BY line) AS nth FROM {table}) WHERE nth > 1"
    )
    reason = say("duplicate_key", keys=shown)
    rows = con.execute("SELECT line, value FROM __duplicates ORDER BY line").fetchall()
    return [Rejection(name, str(path), line, shown, value, reason) for line, value in rows]


def _stage_links(
    con: duckdb.DuckDBPyConnection, path: Path, keep_childrens_centres: bool
) -> tuple[list[Rejection], str]:
    """The table ``links``: every readable membership row, typed; and the rows set aside."""
    encoding = _stage(con, path, LINK_COLUMNS)
    rejected = _misfits(con, "group_memberships", path)
    checks = [
        *_missing_or_not_whole("urn"),
        *_missing_or_not_whole("group_uid"),
        (
            "la_code",
            "NOT regexp_full_match(coalesce(trim(la_code), ''), '[0-9]{3}')",
            say("la_code_not_a_number"),
        ),
        ("joined", _bad_date("joined"), say("not_a_date")),
    ]
    if not keep_childrens_centres:
        checks.append(
            (
                "establishment_type",
                "regexp_matches(lower(establishment_type), '^\\s*children.?s centre')",
                say("gias_childrens_centre"),
            )
        )
    rejected += _checked(con, checks, "links_checked", path, "group_memberships")
    _typed(
        con,
        "links",
        f"""line, CAST(trim(urn) AS INTEGER) AS urn,
            CAST(trim(group_uid) AS INTEGER) AS group_uid,
            {_date_or_null("joined")} AS joined,
            translate(trim(name), $c1_from, $c1_to) AS name,
            CAST(trim(la_code) AS INTEGER) AS la_code,
            translate(trim(la_name), $c1_from, $c1_to) AS la_name,
            trim(establishment_type) AS establishment_type, trim(phase) AS phase""",
        "links_checked",
    )
    return rejected, encoding


def _set_aside_links(
    con: duckdb.DuckDBPyConnection, where: str, column: str, value: str, reason: str, path: Path
) -> list[Rejection]:
    """Move the rows of ``links`` matching ``where`` out, each with ``reason`` (SQL text)."""
    rows = con.execute(
        f"SELECT line, {value}, {reason} FROM links WHERE {where} ORDER BY line"
    ).fetchall()
    con.execute(f"DELETE FROM links WHERE {where}")
    return [
        Rejection("group_memberships", str(path), line, column, shown, why)
        for line, shown, why in rows
    ]


def _cross_checks(con: duckdb.DuckDBPyConnection, path: Path) -> list[Rejection]:
    """Rows of the links that do not fit the groups or the LA lookup, and repeated rows."""
    unknown_la = _sql_text(say("gias_la_not_in_lookup", la_code="<la>"))
    no_group = _sql_text(say("no_such_reference", target="Group UID", table="groups"))
    # (rows that do not fit, the column named, its value, the reason): each set aside.
    misfits = (
        (
            "la_code NOT IN (SELECT la_code FROM la_regions)",
            "LA (code)",
            "CAST(la_code AS VARCHAR)",
            f"replace({unknown_la}, '<la>', CAST(la_code AS VARCHAR))",
        ),
        (
            "group_uid NOT IN (SELECT group_uid FROM groups)",
            "Group UID",
            "CAST(group_uid AS VARCHAR)",
            no_group,
        ),
    )
    rejected = []
    for where, column, value, reason in misfits:
        rejected += _set_aside_links(con, where, column, value, reason, path)
    rejected += _duplicates(
        con, "links", ["urn", "group_uid"], path, "group_memberships", "URN, Group UID"
    )
    con.execute("DELETE FROM links WHERE line IN (SELECT line FROM __duplicates)")
    return rejected


def _results(con: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, ...]:
    # A school's details are those of its first row (GIAS repeats them on every row).
    schools = con.execute(
        """
        SELECT urn, arg_min(name, line) AS name, arg_min(la_code, line) AS la_code,
               arg_min(establishment_type, line) AS establishment_type,
               arg_min(phase, line) AS phase
        FROM links GROUP BY urn ORDER BY urn
        """
    ).df()
    memberships = con.execute(
        "SELECT urn, group_uid, joined FROM links ORDER BY urn, group_uid"
    ).df()
    las = con.execute(
        """
        SELECT r.la_code, coalesce(arg_min(l.la_name, l.line), any_value(r.la_name)) AS name,
               any_value(r.ons_code) AS ons_code, any_value(r.region_code) AS region_code,
               any_value(r.region_name) AS region_name, any_value(r.ended) AS ended
        FROM links AS l JOIN la_regions AS r USING (la_code)
        GROUP BY r.la_code ORDER BY r.la_code
        """
    ).df()
    groups = con.execute("SELECT * FROM groups").df()
    return schools, groups, memberships, las


def read_gias(
    links_path: Path,
    groups_path: Path,
    la_regions_path: Path,
    *,
    keep_childrens_centres: bool = False,
) -> GiasSnapshot:
    """Read one edition of the GIAS links and groups files; ``la_regions_path`` is the
    lookup of LAs and regions (the reference folder / :data:`LA_REGIONS_FILE`).

    Rows that cannot be read, children's centres (unless ``keep_childrens_centres``),
    memberships of a group not in the groups file or of an LA not in the lookup, and
    repeated rows are set aside, each with its file, line, column and reason.
    """
    with duckdb.connect() as con:
        con.register("__la_regions", read_la_regions(la_regions_path))
        con.execute("CREATE TEMP TABLE la_regions AS SELECT * FROM __la_regions")
        con.unregister("__la_regions")
        rejected, groups_encoding = _stage_groups(con, groups_path)
        link_rejections, links_encoding = _stage_links(con, links_path, keep_childrens_centres)
        rejected += link_rejections + _cross_checks(con, links_path)
        schools, groups, memberships, las = _results(con)
    dated = ((memberships, "joined"), (groups, "opened"), (groups, "closed"), (las, "ended"))
    for frame, column in dated:
        frame[column] = pd.to_datetime(frame[column]).dt.date
    return GiasSnapshot(
        schools,
        groups,
        memberships,
        las,
        rejected,
        {str(links_path): links_encoding, str(groups_path): groups_encoding},
    )


# --- ties ----------------------------------------------------------------------------


def tie_types(*, single_academy_trusts: bool = False, school_sponsors: bool = False) -> frozenset:
    """The group types whose open groups tie their schools."""
    types = set(DEFAULT_TIE_TYPES)
    if single_academy_trusts:
        types.add(SINGLE_ACADEMY_TRUST)
    if school_sponsors:
        types.add(SCHOOL_SPONSOR)
    return frozenset(types)


def tied_pairs(
    memberships: pd.DataFrame,
    groups: pd.DataFrame,
    *,
    single_academy_trusts: bool = False,
    school_sponsors: bool = False,
) -> pd.DataFrame:
    """Every pair of schools in the same open group of a tying type, once per group.

    Schools are tied when they are in the same open multi-academy trust, federation,
    trust or umbrella trust; single-academy trusts and school sponsors tie theirs only
    when asked. Returns ``urn_a < urn_b`` and the ``group_uid`` that ties them; a pair
    in two such groups appears twice (once a group).
    """
    kinds = tie_types(single_academy_trusts=single_academy_trusts, school_sponsors=school_sponsors)
    tying = groups.loc[
        groups["group_type"].isin(kinds) & groups["status"].eq("open"), ["group_uid"]
    ]
    members = memberships[["urn", "group_uid"]].drop_duplicates().merge(tying, on="group_uid")
    pairs = members.merge(members, on="group_uid", suffixes=("_a", "_b"))
    pairs = pairs[pairs["urn_a"] < pairs["urn_b"]]
    columns = ["urn_a", "urn_b", "group_uid"]
    return pairs[columns].sort_values(columns).reset_index(drop=True)
