"""Small-number suppression: counts of people below 5 never leave the query; shown as "c"."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dashboard.db import apply_macros
from dashboard.labels import SUPPRESSION_THRESHOLD, format_count
from etl.schema import apply_schema

# Members per PLC in the fixture (fixtures.py): P1 3, P2 2, P3 3, P4 2, P5 2, P6 1,
# all under the threshold; the whole of Wales has 13 members.
MEMBERS_SQL = """
select
    coalesce(plc_id, 'all') as plc,
    suppress_count(count(distinct member_id)) as members,
    is_suppressed(count(distinct member_id)) as suppressed
from plc_memberships
group by rollup (plc_id)
order by plc
"""


def test_query_returns_no_count_of_people_below_five(overview_db_path: Path) -> None:
    con = duckdb.connect(str(overview_db_path), read_only=True)
    try:
        apply_macros(con)
        rows = con.execute(MEMBERS_SQL).fetchall()
    finally:
        con.close()
    assert rows == [
        ("P1", None, True),
        ("P2", None, True),
        ("P3", None, True),
        ("P4", None, True),
        ("P5", None, True),
        ("P6", None, True),
        ("all", 13, False),
    ]


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, (None, True)), (4, (None, True)), (5, (5, False)), (None, (None, False))],
)
def test_macros_at_the_threshold(n: int | None, expected: tuple[object, bool]) -> None:
    con = duckdb.connect()
    apply_schema(con)  # the macros run against the published tables
    apply_macros(con)
    got = con.execute("select suppress_count($n::integer), is_suppressed($n::integer)", {"n": n})
    assert got.fetchone() == expected
    assert SUPPRESSION_THRESHOLD == 5


@pytest.mark.parametrize(
    ("value", "suppressed", "lang", "expected"),
    [(None, True, "en", "c"), (None, True, "cy", "c"), (1234, False, "en", "1,234"),
     (None, False, "en", "No data"), (None, False, "cy", "Dim data")],
)  # fmt: skip
def test_suppressed_count_is_shown_as_c(
    value: float | None, suppressed: bool, lang: str, expected: str
) -> None:
    assert format_count(value, suppressed, lang) == expected
