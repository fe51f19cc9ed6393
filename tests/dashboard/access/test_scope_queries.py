"""Every query keeps to the user's scope or says why it need not: a new query that
returns a school's or a PLC's detail cannot forget the scope (dashboard/access/scope.py)."""

from __future__ import annotations

import pytest

from dashboard.access.scope import AGGREGATE_QUERIES, SCOPE_MACROS, UnscopedQueryError
from dashboard.core.db import QUERIES_DIR, Database, query_names, query_path
from dashboard.pages.sources.data import MEMBER_ID_PATTERN

# Every query by name, with the macros file every query may use.
QUERIES = {name: query_path(name) for name in query_names()} | {
    "_macros": QUERIES_DIR / "_macros.sql"
}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_query_uses_the_scope_or_is_listed_as_aggregate_only(name: str) -> None:
    sql = QUERIES[name].read_text(encoding="utf-8")
    scoped = any(macro in sql for macro in SCOPE_MACROS)
    listed = name in AGGREGATE_QUERIES
    assert scoped or listed, f"{QUERIES[name]}: use visible_schools() or list it with a reason"
    # A query listed as aggregate-only that uses the scope is listed for nothing.
    assert not (scoped and listed) or name == "_macros"


def test_every_query_listed_as_aggregate_only_exists_and_has_a_reason() -> None:
    names = set(QUERIES)
    assert set(AGGREGATE_QUERIES) <= names
    assert all(len(reason) > 10 for reason in AGGREGATE_QUERIES.values())


REGION = {"consortium": None, "la": None, "sector": None, "medium": None}
# Parameters for each aggregate-only query (none for those that take none).
AGGREGATE_PARAMS: dict[str, dict[str, object]] = {
    "sources__rejected_rows": {
        "limit": 100,
        "show_member_rows": False,
        "member_id_pattern": MEMBER_ID_PATTERN,
    },
    "sources__runs": {"limit": 100},
    "impact__bins": {"exposure": "deep_cross_plcs", "year": "2018/19"},
    "network__drawing": {"year": "2018/19"},
    "compare__changes": {**REGION, "earlier": "2016/17", "later": "2018/19", "focus": None},
    "compare__headlines": {**REGION, "earlier": "2016/17", "later": "2018/19", "focus": "numeracy"},
    "compare__focus_support": {
        "year": "2018/19",
        "consortium": None,
        "la": None,
        "focus": "numeracy",
    },
    "network__group_ties": {
        "year": "2018/19",
        "level": "la",
        "sector": None,
        "medium": None,
        "focus": None,
    },
    "network__group_pairs": {"year": "2018/19", "level": "la"},
    "overview__support": REGION,
    "overview__yearly": REGION,
    "plc__review_means": {"year": "2018/19"},
    "regions__groups": {"year": "2018/19"},
    "regions__pairs": {"year": "2018/19", "level": "la", "consortium": None},
    "regions__similar": {"la": 681, "neighbours": 2},
    "school__known": {"school_id": 6612001},
    "plc__known": {"plc_id": "P1"},
}
# Columns that would name a school or a PLC.
NAMING = {"school_id", "school_a", "school_b", "plc_id", "lead_school_id", "member_id"}


@pytest.mark.parametrize("name", sorted(set(AGGREGATE_QUERIES) - {"_macros"}))
def test_aggregate_queries_return_no_school_or_plc(db: Database, name: str) -> None:
    found = db.query(name, **AGGREGATE_PARAMS.get(name, {}))
    assert not NAMING & set(found.columns)
    assert "name" not in found.columns or name.startswith("regions__")


def test_a_query_neither_scoped_nor_listed_is_refused(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("dashboard.core.db.read_query", lambda name: "select * from schools")
    with pytest.raises(UnscopedQueryError):
        db.query("school__everything")
