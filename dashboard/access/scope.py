"""The region scope where the data are read: what every query is told of the user.

The data layer (dashboard/core/db.py) reads ``access.current_scope()`` itself before every
query and every ``Database.call``, and gives it to the SQL as one DuckDB variable,
``plcnet_scope``, set with a bound parameter (never as text). The macros
``visible_schools()`` and ``visible_plcs()`` of queries/_macros.sql read it: a query
that returns school- or PLC-level detail keeps only their rows. A query that
returns aggregates only (LA-level and national figures, the refresh's metadata) is
listed in :data:`AGGREGATE_QUERIES` with the reason; a query that is neither is
refused (deny by default), and tests/dashboard/access/test_scope_queries.py checks every
file of queries/ against the two.
"""

from __future__ import annotations

from dashboard.access.users import Scope

__all__ = [
    "AGGREGATE_QUERIES",
    "SCOPE_MACROS",
    "SET_SCOPE_SQL",
    "OutsideScopeError",
    "UnscopedQueryError",
    "check_query_scoped",
    "scope_value",
]

# What db.py runs on the connection before each query: the scope as one bound value,
# cast to one type so that empty lists bind the same way every time.
SET_SCOPE_SQL = (
    "set variable plcnet_scope = cast($scope as "
    "struct(everything boolean, detail boolean, las integer[], consortia varchar[]))"
)

# The macros of queries/_macros.sql that keep a query to the user's scope.
SCOPE_MACROS = ("visible_schools()", "visible_plcs()")

# Queries that name no school and no PLC, and why; every other query must use one
# of SCOPE_MACROS. A new query that returns detail and is added here by mistake
# shows everyone everything: add one only for figures over whole LAs or Wales.
AGGREGATE_QUERIES: dict[str, str] = {
    "_macros": "the macros themselves",
    "sources__files": "the files the refresh read: names, checksums, rows; no school or PLC",
    "sources__rejected": "counts of rows set aside per file and reason",
    "sources__rejected_rows": (
        "the refresh's rejected rows, for the data team (the /data page's role check)"
    ),
    "sources__runs": "the refresh history",
    "compare__changes": "counts of ties and schools that changed between two years in a region",
    "compare__headlines": "the overview's headline counts over a whole region, of a PLC focus area",
    "compare__focus_support": "counts of schools needing support in an LA, a consortium or Wales",
    "sources__catalogue_system": "the data catalogue's figures of Wales as a whole",
    "sources__catalogue_groups": "the data catalogue's LA, consortium and Wales measures",
    "impact__bins": "pooled over every school in Wales, by band of exposure",
    "impact__estimates": "national model estimates",
    "impact__years": "the first and last years of the impact figures",
    "network__boundaries": "LA boundaries",
    "network__group_ties": "schools per LA or consortium, ties per pair of them",
    "network__group_pairs": "schools per LA or consortium, ties per pair of them",
    "network__drawing": "how many of the year's ties in Wales are drawn",
    "overview__support": "counts of schools per support category over a whole region",
    "overview__yearly": "the overview's headline counts over a whole region",
    "plc__review_means": "the mean review of every PLC reviewed in Wales that year",
    "regions__boundaries": "LA boundaries",
    "regions__groups": "LA, consortium and Wales measures",
    "regions__pairs": "ties between LAs or consortia",
    "regions__similar": "LAs like one LA, by LA-level features",
    "school__known": (
        "whether a school number is in the published address list, and nothing else: "
        "to say that a school is outside the user's area rather than unknown"
    ),
    "plc__known": (
        "whether a PLC id exists, and nothing else: to say that a PLC is outside the "
        "user's area rather than unknown"
    ),
    "shell__refresh_settings": "the refresh's constants (a cap, a minimum, the demo's effect)",
    "shell__provenance": "whether the data are the demo's, and the latest refresh",
    "shell__regions": "the LAs and consortia (names and codes)",
    "shell__school_types": "the sectors, language media and focus areas there are",
    "shell__years": "the academic years",
}


class OutsideScopeError(LookupError):
    """The school or PLC asked for exists, but outside the area the user may see."""


class UnscopedQueryError(RuntimeError):
    """A query neither keeps to the user's scope nor is listed as aggregate-only."""


def check_query_scoped(name: str, sql: str) -> None:
    """Refuse to run ``queries/<name>.sql`` unless it keeps to the user's scope (uses a
    scope macro) or is listed in AGGREGATE_QUERIES."""
    if name in AGGREGATE_QUERIES or any(macro in sql for macro in SCOPE_MACROS):
        return
    raise UnscopedQueryError(
        f"query {name!r} uses none of {', '.join(SCOPE_MACROS)} and is not listed in "
        "dashboard.access.scope.AGGREGATE_QUERIES: it could show detail outside the user's scope"
    )


def scope_value(scope: Scope) -> dict[str, object]:
    """``scope`` as the value of the ``plcnet_scope`` variable (bound, never text)."""
    return {
        "everything": scope.everything,
        "detail": scope.detail,
        "las": sorted(scope.las),
        "consortia": sorted(scope.consortia),
    }
