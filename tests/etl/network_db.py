"""A tiny hand-made database of schools, PLCs and memberships, for the network and
drawing tests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import duckdb
import numpy as np

from etl.network import compute_network

# Two LAs of one consortium and one of another.
LAS = {660: "GWE", 661: "GWE", 662: "ERW"}
YEAR = "2018/19"


def year_dates(year: str) -> tuple[date, date]:
    """First and last day of an academic year such as 2018/19."""
    start = int(year[:4])
    return date(start, 9, 1), date(start + 1, 8, 31)


class NetworkDb:
    """A tiny database of schools, PLCs and memberships, and its network tables."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self._plcs = 0
        self._members = 0
        con.executemany(
            "INSERT INTO local_authorities (la_code, ons_code, name_en, name_cy,"
            " consortium_code, consortium_name_en, consortium_name_cy)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (la, f"W0600{la - 659:04d}", f"LA {la}", f"AL {la}", c, c, c)
                for la, c in LAS.items()
            ],
        )

    def years(self, *years: str) -> NetworkDb:
        self.con.executemany(
            "INSERT INTO academic_years (year, start_date, end_date) VALUES (?, ?, ?)",
            [(y, *year_dates(y)) for y in years],
        )
        return self

    def schools(
        self, la_code: int, *school_ids: int, sector: str = "primary", medium: str = "english"
    ) -> NetworkDb:
        self.con.executemany(
            "INSERT INTO schools (school_id, name, la_code, sector, language_medium, source_file) "
            "VALUES (?, ?, ?, ?, ?, 'test')",
            [(s, f"School {s}", la_code, sector, medium) for s in school_ids],
        )
        return self

    def categories(self, categories: dict[int, str], year: str = YEAR) -> NetworkDb:
        """Give schools a support category (green, yellow, amber, red) in ``year``."""
        self.con.executemany(
            "INSERT INTO school_outcomes (school_id, year, measure, value, source)"
            " VALUES (?, ?, 'support_category', ?, 'local')",
            [(school, year, category) for school, category in categories.items()],
        )
        return self

    def set_schools(self, column: str, values: dict[int, str]) -> NetworkDb:
        """Set a column of ``schools`` (sector, language_medium) school by school."""
        self.con.executemany(
            f"UPDATE schools SET {column} = ? WHERE school_id = ?",
            [(value, school) for school, value in values.items()],
        )
        return self

    def plc(self, start: date, end: date | None = None, lead: int | None = None) -> str:
        """Add a PLC and return its id."""
        self._plcs += 1
        plc_id = f"PLC-{self._plcs:05d}"
        if lead is None:
            lead = self.con.execute("SELECT min(school_id) FROM schools").fetchone()[0]
        self.con.execute(
            "INSERT INTO plcs (plc_id, name, focus_area, scope, membership_type, start_date,"
            " end_date, lead_school_id)"
            " VALUES (?, ?, 'numeracy', 'between_schools', 'assigned', ?, ?, ?)",
            [plc_id, f"PLC {self._plcs}", start, end, lead],
        )
        return plc_id

    def member(
        self,
        plc_id: str,
        school_id: int,
        joined: date,
        left: date | None = None,
        member_id: str | None = None,
    ) -> str:
        """Add a member of ``school_id`` to ``plc_id`` and return the member id."""
        if member_id is None:
            self._members += 1
            member_id = f"m-{self._members:05d}"
        self.con.execute(
            'INSERT INTO plc_memberships (plc_id, school_id, member_id, role, joined, "left")'
            " VALUES (?, ?, ?, 'member', ?, ?)",
            [plc_id, school_id, member_id, joined, left],
        )
        return member_id

    def draw(self, edges: Iterable[tuple[int, int]], year: str = YEAR) -> NetworkDb:
        """Tie each pair of schools through a PLC of their own, active in ``year`` only.

        The first school of each pair leads the PLC: for brokerage, a tie a -> b.
        """
        for a, b in edges:
            self.lead(a, b, year=year)
        return self

    def lead(self, lead: int, *members: int, year: str = YEAR) -> str:
        """A PLC active in ``year`` only, led by ``lead``: one member of it and of each school."""
        start, end = year_dates(year)
        plc_id = self.plc(start, end, lead=lead)
        for school in (lead, *members):
            self.member(plc_id, school, start)
        return plc_id

    def measure(self) -> dict[str, int]:
        return compute_network(self.con, progress=lambda _: None)

    def rows(self, sql: str, params: dict[str, object] | None = None) -> list[tuple]:
        return self.con.execute(sql, params or {}).fetchall()

    def school_column(self, column: str, year: str = YEAR) -> dict[int, object]:
        """One column of net_school_metrics for a year, by school."""
        return dict(
            self.rows(
                f"SELECT school_id, {column} FROM net_school_metrics WHERE year = $year",
                {"year": year},
            )
        )

    def group(
        self, level: str, group_id: str, year: str = YEAR, columns: Iterable[str] = ("*",)
    ) -> dict[str, object]:
        """One row of net_group_metrics as a dict, all columns or those given."""
        cursor = self.con.execute(
            f"SELECT {', '.join(columns)} FROM net_group_metrics WHERE year = $year "
            "AND level = $level AND group_id = $group_id",
            {"year": year, "level": level, "group_id": group_id},
        )
        names = [d[0] for d in cursor.description]
        return dict(zip(names, cursor.fetchone(), strict=True))

    def system(self, year: str = YEAR, columns: Iterable[str] = ("*",)) -> dict[str, object]:
        """The net_system_metrics row of a year as a dict, all columns or those given."""
        cursor = self.con.execute(
            f"SELECT {', '.join(columns)} FROM net_system_metrics WHERE year = $year",
            {"year": year},
        )
        names = [d[0] for d in cursor.description]
        return dict(zip(names, cursor.fetchone(), strict=True))


def add_random_network(db: NetworkDb, seed: int, years: tuple[str, ...]) -> None:
    """Schools, PLCs and memberships drawn at random, with fixed ``seed``.

    About 80 schools in the three LAs, 60 PLCs of 1 to 6 schools with 1 to 3
    members each, starting and ending at random within the years, and some
    members leaving early.
    """
    rng = np.random.default_rng(seed)
    school_ids = []
    for i, la in enumerate(LAS):
        ids = [la * 10_000 + k for k in range(1, 21 + 5 * i)]
        db.schools(la, *ids)
        school_ids += ids
    first, _ = year_dates(years[0])
    _, last = year_dates(years[-1])
    for _ in range(60):
        start = first + (last - first) * float(rng.random() * 0.8)
        end = None if rng.random() < 0.3 else start + (last - first) * float(rng.random() * 0.5)
        plc_id = db.plc(start, end)
        chosen = rng.choice(school_ids, size=int(rng.integers(1, 7)), replace=False)
        for school_id in chosen:
            for _ in range(int(rng.integers(1, 4))):
                joined = start + (last - first) * float(rng.random() * 0.2)
                left = None
                if rng.random() < 0.2:
                    left = joined + (last - first) * float(rng.random() * 0.3)
                db.member(plc_id, int(school_id), joined, left)


SECTORS = ("primary", "secondary", "special")
MEDIUMS = ("english", "welsh", "bilingual")
CATEGORIES = ("green", "yellow", "amber", "red")


def add_random_attributes(db: NetworkDb, seed: int, years: tuple[str, ...]) -> None:
    """Random sectors, language media and (for about 80% of schools a year) support categories.

    Draws from its own generator, so the graph of :func:`add_random_network` is unchanged.
    """
    rng = np.random.default_rng(seed)
    schools = [row[0] for row in db.rows("SELECT school_id FROM schools ORDER BY school_id")]
    db.set_schools("sector", {s: str(rng.choice(SECTORS)) for s in schools})
    db.set_schools("language_medium", {s: str(rng.choice(MEDIUMS)) for s in schools})
    for year in years:
        chosen = [s for s in schools if rng.random() < 0.8]
        db.categories({s: str(rng.choice(CATEGORIES)) for s in chosen}, year)
