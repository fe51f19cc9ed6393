"""How headline values and their changes read."""

from __future__ import annotations

import pytest

from dashboard.ui.labels import format_change, format_value


@pytest.mark.parametrize(
    ("measure", "value", "expected"),
    [
        ("active_plcs", 1234.0, "1,234"),
        ("cross_la_share", 2 / 3, "66.7%"),
        ("isolated_schools", None, "No data"),
    ],
)
def test_format_value(measure: str, value: float | None, expected: str) -> None:
    assert format_value(measure, value, "en") == expected


@pytest.mark.parametrize(
    ("measure", "change", "previous", "expected"),
    [
        ("active_plcs", 2.0, "2017/18", "Up 2 on 2017/18"),
        ("active_plcs", -1.0, "2017/18", "Down 1 on 2017/18"),
        ("active_plcs", 0.0, "2017/18", "No change on 2017/18"),
        ("cross_la_share", -1 / 12, "2017/18", "Down 8.3 points on 2017/18"),
        ("cross_la_share", 0.00001, "2017/18", "No change on 2017/18"),
        ("active_plcs", None, None, "No earlier year to compare"),
    ],
)
def test_format_change(
    measure: str, change: float | None, previous: str | None, expected: str
) -> None:
    assert format_change(measure, change, previous, "en") == expected
