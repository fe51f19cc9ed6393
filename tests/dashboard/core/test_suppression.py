"""Small-number suppression: counts of people below 5, and the figures they could be worked
out from, never leave the query; shown as "c" (docs/measures.md, "Disclosure control")."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dashboard.core.db import apply_macros
from dashboard.ui.labels import SUPPRESSION_THRESHOLD, format_count, format_figure
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


def _macro(sql: str, **values: object) -> object:
    con = duckdb.connect()
    try:
        apply_schema(con)
        apply_macros(con)
        return con.execute(f"select {sql}", values).fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize(
    ("members", "schools", "expected"),
    [(4, 1, True), (4, 4, True), (5, 4, True), (5, 5, False), (6, 4, False), (5, 3, False),
     (0, 0, True), (None, None, False)],
)  # fmt: skip
def test_members_are_suppressed_with_the_twin_that_hides_four_schools(
    members: int | None, schools: int | None, expected: bool
) -> None:
    # 4 schools beside "c" must leave 4 or 5 members, not 4 alone.
    got = _macro("members_suppressed($m::integer, $s::integer)", m=members, s=schools)
    assert got is expected


@pytest.mark.parametrize(
    ("attendance", "members", "schools", "expected"),
    [(3, 10, 3, True), (0, 10, 3, False), (12, 10, 3, False), (12, 3, 1, True),
     (12, 5, 4, True), (None, 10, 3, False)],
)  # fmt: skip
def test_attendance_and_per_member_go_with_what_they_reveal(
    attendance: int | None, members: int, schools: int, expected: bool
) -> None:
    values = {"a": attendance, "m": members, "s": schools}
    for macro in ("attendance_suppressed", "per_member_suppressed"):
        got = _macro(f"{macro}($a::integer, $m::integer, $s::integer)", **values)
        assert got is expected


def test_unless_suppressed_keeps_only_what_may_be_shown() -> None:
    assert _macro("unless_suppressed(56.48::double, true)") is None
    assert _macro("unless_suppressed(56.48::double, false)") == pytest.approx(56.48)


@pytest.mark.parametrize(
    ("value", "suppressed", "digits", "expected"),
    [(56.48, True, 0, "c"), (56.48, False, 0, "56"), (56.48, False, 1, "56.5"),
     (None, False, 1, ""), (float("nan"), False, 0, ""), (None, True, 0, "c")],
)  # fmt: skip
def test_suppressed_figure_is_shown_as_c(
    value: float | None, suppressed: bool, digits: int, expected: str
) -> None:
    assert format_figure(value, suppressed, "en", digits) == expected
