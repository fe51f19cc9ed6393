"""An attack on small-number suppression (docs/measures.md, "Disclosure control").

For every PLC-year of the demo Wales with 1 to 4 members, an attacker reads what the
dashboard shows of it, built by the same functions the pages and download callbacks
use: the PLC directory's CSV (every column of the table, and more); the PLC's page,
its cards, its activity chart's hover text and its CSVs of activity, health, review
and member schools; and the PLC table and CSV of each of its member schools' pages.
From these figures alone it narrows the count down: a count shown; lower bounds (each
member school, and so each LA, has a member; the schools listed here and there);
attendance over attendance per member; which whole attendances a per-member value
can be over; and the attendance part of the health score, shown on the card or
worked back from the score, the review (exact from the nine scores) and the cycle.
A count is recovered when one value is left and it is the true one.

The attacker knows the suppression rule as docs/measures.md states it. Before the
secondary suppression it recovered 194 of the demo's 478 suppressed counts. A second
test runs the same attack on PLC-years of 6 or more members, to show that it does
find a count that is there to be found.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from urllib.parse import unquote

import duckdb
import pytest

from dashboard.core.db import Database
from dashboard.core.filters import Filters
from dashboard.i18n import t
from dashboard.pages.plc.data import PlcData, load_plc
from dashboard.pages.plc.downloads import (
    build_activity_csv,
    build_health_csv,
    build_members_csv,
    build_review_csv,
)
from dashboard.pages.plc.layout import build_glance, build_plc_parts
from dashboard.pages.plcs.data import load_directory
from dashboard.pages.plcs.downloads import build_directory_csv
from dashboard.pages.school.data import empty_school_data, load_school_plcs
from dashboard.pages.school.downloads import build_plcs_csv
from dashboard.pages.school.layout import list_plc_rows
from dashboard.ui.labels import level_words
from tests.dashboard.components import text_of, walk

LANG = "en"


def say(key: str, **fields: object) -> str:
    """A message as the pages write it: with the served system's words (Wales's here)."""
    return t(key, LANG, **level_words(LANG), **fields)


SUPPRESSED = say("suppression.symbol")
# Counts the attacker considers: a suppressed count is below 5, or 5 (docs/measures.md).
LARGEST_HIDDEN = 5


def could_be_hidden(members: int, schools: int | None) -> bool:
    """Whether the dashboard shows ``members`` as "c", as docs/measures.md states the
    rule: under 5, or 5 in a PLC-year with 4 member schools."""
    return members < 5 or (members == 5 and schools == 4)


@dataclass
class Seen:
    """What the pages show of one PLC-year, as the attacker reads it."""

    members: set[str] = field(default_factory=set)  # every Members cell
    schools: set[int] = field(default_factory=set)  # counts of member schools shown
    lower_bounds: set[int] = field(default_factory=set)  # other lower bounds on members
    attendance: set[int] = field(default_factory=set)
    per_member: list[tuple[float, float]] = field(default_factory=list)  # (low, high)
    health: set[str] = field(default_factory=set)  # every health score shown
    review: str = ""  # the year's review mean and stages reached (PLC's health CSV)
    stages: str = ""

    def candidates(self) -> set[int]:
        """The member counts that agree with everything seen."""
        shown = {int(v.replace(",", "")) for v in self.members if v != SUPPRESSED}
        if shown:
            return shown
        schools = max(self.schools) if len(self.schools) == 1 else None
        bound = max([0, *self.schools, *self.lower_bounds])
        per_member = [*self.per_member, *self._per_member_from_health()]
        return {
            m
            for m in range(max(bound, 1), LARGEST_HIDDEN + 1)
            if could_be_hidden(m, schools) and self._agrees(m, per_member)
        }

    def _per_member_from_health(self) -> list[tuple[float, float]]:
        found = (per_member_from_health(h, self.review, self.stages) for h in self.health)
        return [f for f in found if f is not None]

    def _agrees(self, members: int, per_member: list[tuple[float, float]]) -> bool:
        for low, high in per_member:
            # Some whole attendance over ``members`` falls in the interval.
            if math.floor(high * members + 1e-9) < math.ceil(low * members - 1e-9):
                return False
            if any(not low <= a / members <= high for a in self.attendance):
                return False
        return True


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def number_in(text: str) -> float | None:
    found = re.fullmatch(r"\s*(-?[\d,]+(?:\.\d+)?)\s*", text)
    return float(found.group(1).replace(",", "")) if found else None


def decimals_of(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def interval(text: str) -> tuple[float, float] | None:
    """The values a number written as ``text`` can have been before rounding."""
    value = number_in(text)
    if value is None:
        return None
    half = 0.5 * 10 ** -decimals_of(text)
    return value - half, value + half


def per_member_from_part(part: tuple[float, float]) -> tuple[float, float] | None:
    """Attendance per member from the attendance part (0 to 1): min(per member / 6, 1);
    nothing when the part may be capped."""
    low, high = part
    return None if high >= 1 else (max(0.0, 6 * low), 6 * high)


def part_from_health(
    health: tuple[float, float], review: tuple[float, float] | None, cycle: float
) -> tuple[float, float]:
    """The attendance part worked back from the health score (docs/measures.md): the mean
    of the parts present, the review's (1 to 5 mapped to 0 to 1) among them if any."""
    parts = 3 if review is not None else 2
    review_low, review_high = ((r - 1) / 4 for r in review) if review else (0.0, 0.0)
    return (
        parts * health[0] / 100 - review_high - cycle,
        parts * health[1] / 100 - review_low - cycle,
    )


def per_member_from_health(health: str, review: str, stages: str) -> tuple[float, float] | None:
    """What a health score, its review mean and its stages reached tell together."""
    score = interval(health)
    done = re.fullmatch(r"(\d+) / (\d+)", stages)
    if score is None or done is None:
        return None
    cycle = int(done.group(1)) / int(done.group(2))
    return per_member_from_part(part_from_health(score, interval(review), cycle))


def add_count(into: set[int], text: str) -> None:
    value = number_in(text)
    if value is not None:
        into.add(int(value))


def read_glance(seen: Seen, data: PlcData) -> None:
    """The year's cards: members, member schools and the health score's parts."""
    for card in walk(build_glance(data, LANG)):
        if getattr(card, "className", None) != "headline":
            continue
        texts = [text_of(c) for c in card.children]
        label, value = texts[0], texts[1]
        if label == say("plc.card_members"):
            seen.members.add(value)
        elif label == say("plc.card_schools"):
            add_count(seen.schools, value)
        elif label == say("plc.card_health"):
            seen.health.add(value.split()[0])
            read_health_parts(seen, texts[2])


def read_health_parts(seen: Seen, text: str) -> None:
    word = say("plc.part_activity", value="").strip()
    found = re.search(re.escape(word) + r" (\d+)", text)
    if found:
        part = interval(found.group(1))
        assert part is not None
        per_member = per_member_from_part((part[0] / 100, part[1] / 100))
        if per_member is not None:
            seen.per_member.append(per_member)


def read_plc_csvs(seen: Seen, data: PlcData) -> None:
    """The activity, health and member schools CSVs of the PLC's page."""
    year = say("table.year")
    for row in read_csv(build_activity_csv(data, LANG)):
        if row[year] != data.year:
            continue
        seen.members.add(row[say("plc.col_members")])
        add_count(seen.schools, row[say("plc.col_schools")])
        add_count(seen.lower_bounds, row[say("plc.col_las")])
        add_count(seen.attendance, row[say("plc.col_attendance")])
        per_member = interval(row[say("plc.col_per_member")])
        if per_member is not None:
            seen.per_member.append(per_member)
    for row in read_csv(build_health_csv(data, LANG)):
        if row[year] == data.year:
            seen.health.add(row[say("plc.col_health")])
            seen.review = row[say("plc.col_review_mean")]
            seen.stages = row[say("plc.col_stages")]
    scores = [number_in(row.get(data.year) or "") for row in read_csv(build_review_csv(data, LANG))]
    if scores and None not in scores:
        # The nine whole scores of the review CSV give the review mean exactly.
        seen.review = f"{sum(s for s in scores if s is not None) / len(scores):.9f}"
    seen.lower_bounds.add(len(read_csv(build_members_csv(data, LANG))))


def read_hover(seen: Seen, data: PlcData) -> None:
    """The activity chart's hover text names the member schools of each year."""
    for text in build_plc_parts(data, LANG).activity_figure.data[0].hovertext:
        if text.startswith(data.year):
            found = re.search(r"(\d+) " + re.escape(say("plc.col_schools").lower()), text)
            if found:
                seen.schools.add(int(found.group(1)))


def member_numbers(data: PlcData) -> list[int]:
    number = say("plc.col_number")
    return [int(row[number]) for row in read_csv(build_members_csv(data, LANG))]


@dataclass
class Attack:
    """The attacker's reading of the demo: pages loaded once each."""

    db: Database

    def __post_init__(self) -> None:
        self.directory = cache(self._directory)
        self.school_plcs = cache(self._school_plcs)

    def _directory(self, year: str) -> dict[str, dict[str, str]]:
        filters = Filters(year, options=(("sort", "name"), ("order", "asc"), ("show", "all")))
        text = build_directory_csv(load_directory(self.db, filters, page_size=None), LANG)
        return {row[say("plcs.col_id")]: row for row in read_csv(text)}

    def _school_plcs(self, school: int, year: str) -> list[tuple[str, dict[str, str]]]:
        """The school's PLC table: each row's PLC id (from its link on the page) with the
        row of the CSV download (the same rows, in the same order)."""
        # The PLC table is all the attacker reads of the school's page: its rows as
        # load_school loads them, without the page's other parts.
        data = replace(empty_school_data(year), plcs=load_school_plcs(self.db, school, year))
        links = [row[0].href for row in list_plc_rows(data, LANG)]
        ids = [unquote(href.removeprefix("/plc/").split("?")[0]) for href in links]
        return list(zip(ids, read_csv(build_plcs_csv(data, LANG)), strict=True))

    def read(self, plc_id: str, year: str) -> Seen:
        seen = Seen()
        data = load_plc(self.db, plc_id, year)
        assert data is not None
        read_glance(seen, data)
        read_plc_csvs(seen, data)
        read_hover(seen, data)
        self.read_directory(seen, plc_id, year)
        self.read_school_pages(seen, data)
        return seen

    def read_directory(self, seen: Seen, plc_id: str, year: str) -> None:
        row = self.directory(year).get(plc_id)
        if row is None:
            return
        seen.members.add(row[say("plcs.col_members")])
        add_count(seen.schools, row[say("plcs.col_schools")])
        add_count(seen.lower_bounds, row[say("plcs.col_n_las")])
        # To one decimal place, set against the review and cycle of the PLC's page.
        seen.health.add(row[say("plcs.col_health")])

    def read_school_pages(self, seen: Seen, data: PlcData) -> None:
        """Each member school's page lists the PLC with its counts and health score."""
        listing = set()
        for school in member_numbers(data):
            for plc_id, row in self.school_plcs(school, data.year):
                if plc_id != data.profile.plc_id:
                    continue
                listing.add(school)
                seen.members.add(row[say("school.col_members")])
                add_count(seen.schools, row[say("school.col_schools")])
                seen.health.add(row[say("plcs.col_health")])
        seen.lower_bounds.add(len(listing))


def plc_years(db_path: Path, low: int, high: int) -> list[tuple[str, str, int]]:
    """PLC-years with ``low`` to ``high`` members: the truth the attack is checked against."""
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(
            "select plc_id, year, n_members from net_plc_metrics"
            " where n_members between ? and ? order by year, plc_id",
            [low, high],
        ).fetchall()


def recovered(attack: Attack, targets: Iterable[tuple[str, str, int]]) -> list[tuple]:
    found = []
    for plc_id, year, members in targets:
        if attack.read(plc_id, year).candidates() == {members}:
            found.append((plc_id, year, members))
    return found


@pytest.fixture(scope="module")
def attack(demo_db: Path) -> Attack:
    return Attack(Database(demo_db))


@pytest.mark.timeout(1200)  # some 500 PLC-years, each read from every page
def test_no_suppressed_member_count_can_be_recovered(attack: Attack, demo_db: Path) -> None:
    small = plc_years(demo_db, 1, 4)
    assert len(small) > 100  # the demo has many small PLCs: the attack has work to do
    found = recovered(attack, small)
    assert found == [], f"{len(found)} of {len(small)} suppressed counts recovered: {found[:10]}"


def test_the_attack_finds_counts_that_are_shown(attack: Attack, demo_db: Path) -> None:
    shown = plc_years(demo_db, 6, 40)[:40]
    assert shown
    assert recovered(attack, shown) == shown


def test_figures_of_larger_plcs_are_still_shown(attack: Attack, demo_db: Path) -> None:
    # Suppression takes only what would reveal a small count: with 6 members or more and
    # attendance of 5 or more, the score, attendance and per-member figures are shown.
    with duckdb.connect(str(demo_db), read_only=True) as con:
        plc_id, year, score, per_member = con.execute(
            "select plc_id, year, health_score, activity_per_member from net_plc_metrics"
            " where n_members >= 6 and attendance >= 5 order by year, plc_id limit 1"
        ).fetchone()
    data = load_plc(attack.db, plc_id, year)
    assert data is not None
    seen = Seen()
    read_glance(seen, data)
    read_plc_csvs(seen, data)
    assert seen.health == {f"{score:.0f}"}
    assert f"{per_member:.1f}" in {
        row[say("plc.col_per_member")] for row in read_csv(build_activity_csv(data, LANG))
    }
    assert SUPPRESSED not in seen.members | {str(a) for a in seen.attendance}
