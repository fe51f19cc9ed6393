"""Time the PLC directory, a PLC's page and a school's profile on a published database.

    PYTHONPATH=. .venv/bin/python tests/bench/plc_pages.py data/england.duckdb

What a page's callbacks do, without the browser and the HTTP round trip: the data
functions and the parts built from them, each query opening the database as in
service. For each page, over a scripted series of views: the first render (the
whole layout, nothing cached) and each callback (a directory page: filters, sort,
search, page; a PLC's or school's page: a change of year, after its first render
as in service), median and 95th percentile, beside the directory's query run in
one open DuckDB connection (the floor); and the size of the page as JSON, which is
what Dash sends.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import plotly

from dashboard.components.plc import build_plc_layout, build_plc_parts
from dashboard.components.plcs import build_directory_parts, build_plcs_layout
from dashboard.components.school import build_school_layout, build_school_parts
from dashboard.db import Database, apply_macros, read_query
from dashboard.filters import Filters, load_choices
from dashboard.plc_data import load_plc
from dashboard.plcs_data import PAGE_SIZE, load_directory
from dashboard.school_data import load_school


def _time(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000


def _report(name: str, times: list[float], floor: list[float] | None = None) -> None:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    line = f"  {name:<40} n={len(times):<3} median {statistics.median(times):6.1f} ms"
    line += f"   p95 {p95:6.1f} ms"
    if floor:
        line += f"   (DuckDB floor: median {statistics.median(floor):5.1f} ms)"
    print(line)


def _size(component: object) -> float:
    return len(json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder).encode("utf-8")) / 1e6


def _view(year: str, sort: str = "name", order: str = "asc", show: str = "all", **region: object):
    return Filters(year, options=(("sort", sort), ("order", order), ("show", show)), **region)


def _directory_views(years: list[str], las: list[int]) -> list[tuple[Filters, str, int]]:
    year = years[-1]
    return [
        (_view(year), "", 0),
        (_view(year), "", 3),
        (_view(year, sort="health"), "", 0),
        (_view(year, sort="members", order="desc"), "", 0),
        (_view(year, show="shallow"), "", 0),
        (_view(year, focus="numeracy"), "", 0),
        (_view(year, la=las[0]), "", 0),
        (_view(year, la=las[-1], sort="health", order="desc"), "", 0),
        (_view(year), "literacy", 0),
        (_view(years[0]), "", 0),
        (_view(year, sort="las", order="desc", sector="secondary"), "", 1),
        (_view(years[1], show="not_shallow", sort="activities"), "", 2),
    ]


def _directory_params(filters: Filters, search: str, page: int) -> dict[str, object]:
    return {
        "year": filters.year, "consortium": filters.consortium, "la": filters.la,
        "sector": filters.sector, "medium": filters.medium, "focus": filters.focus,
        "search": search, "shallow": filters.option("show"), "sort": filters.option("sort"),
        "descending": filters.option("order") == "desc", "limit": PAGE_SIZE,
        "offset": page * PAGE_SIZE,
    }  # fmt: skip


def bench_directory(path: Path, con: duckdb.DuckDBPyConnection, repeat: int) -> None:
    db = Database(path, cache_size=0)
    choices = load_choices(db)
    views = _directory_views(choices.years, [int(x) for x in choices.las["la_code"]])
    sql = read_query("plcs__directory")
    first = views[0][0]
    renders = [
        _time(lambda: build_plcs_layout(load_directory(db, first), first, choices, "en"))
        for _ in range(repeat)
    ]
    work, floor = [], []
    for _ in range(repeat):
        for filters, search, page in views:
            work.append(
                _time(
                    lambda f=filters, s=search, p=page: build_directory_parts(
                        load_directory(db, f, s, p), f, choices, "en"
                    )
                )
            )
            params = _directory_params(filters, search, page)
            floor.append(_time(lambda p=params: con.execute(sql, p).fetchall()))
    _report("/plcs first render", renders)
    _report("/plcs callback (a page of PLCs)", work, floor)
    rows = [_time(lambda: load_directory(db, first, page_size=None)) for _ in range(repeat)]
    _report("/plcs CSV (every PLC)", rows)
    size = _size(build_plcs_layout(load_directory(db, first), first, choices, "en"))
    print(f"  /plcs page: {size:.3f} MB")


def bench_plc(path: Path, con: duckdb.DuckDBPyConnection, years: list[str]) -> None:
    plc_ids = [
        row[0]
        for row in con.execute(
            "SELECT plc_id FROM net_plc_metrics WHERE year = $y"
            " ORDER BY n_schools DESC, plc_id LIMIT 10",
            {"y": years[-1]},
        ).fetchall()
    ]
    renders, changes, sizes = [], [], []
    for plc_id in plc_ids:
        db = Database(path)  # a fresh cache: the first render finds nothing cached
        choices = load_choices(db)
        renders.append(
            _time(
                lambda p=plc_id, db=db, c=choices: build_plc_layout(
                    load_plc(db, p, years[-1]), Filters(years[-1]), c, "en"
                )
            )
        )
        sizes.append(
            _size(
                build_plc_layout(load_plc(db, plc_id, years[-1]), Filters(years[-1]), choices, "en")
            )
        )
        for year in years[:-1]:
            changes.append(
                _time(lambda p=plc_id, y=year, db=db: build_plc_parts(load_plc(db, p, y), "en"))
            )
    _report("/plc/<id> first render", renders)
    _report("/plc/<id> callback (another year)", changes)
    print(f"  /plc/<id> page: largest {max(sizes):.3f} MB")


def bench_school(path: Path, con: duckdb.DuckDBPyConnection, years: list[str]) -> None:
    school_ids = [
        row[0]
        for row in con.execute(
            "SELECT school_id FROM net_school_metrics WHERE year = $y"
            " ORDER BY degree DESC, school_id LIMIT 10",
            {"y": years[-1]},
        ).fetchall()
    ]
    renders, changes, sizes = [], [], []
    for school_id in school_ids:
        db = Database(path)
        choices = load_choices(db)
        renders.append(
            _time(
                lambda s=school_id, db=db, c=choices: build_school_layout(
                    load_school(db, s, years[-1]), Filters(years[-1]), c, "en"
                )
            )
        )
        data = load_school(db, school_id, years[-1])
        sizes.append(_size(build_school_layout(data, Filters(years[-1]), choices, "en")))
        for year in years[:-1]:
            changes.append(
                _time(
                    lambda s=school_id, y=year, db=db: build_school_parts(
                        load_school(db, s, y), "en"
                    )
                )
            )
    _report("/school/<number> first render", renders)
    _report("/school/<number> callback (another year)", changes)
    print(f"  /school/<number> page: largest {max(sizes):.3f} MB (the best-tied schools)")


def main(path: Path, repeat: int = 3) -> int:
    con = duckdb.connect(str(path), read_only=True)
    apply_macros(con)
    years = [row[0] for row in con.execute("SELECT year FROM academic_years ORDER BY 1").fetchall()]
    schools, plcs = con.execute(
        "SELECT (SELECT count(*) FROM schools), (SELECT count(*) FROM plcs)"
    ).fetchone()
    print(f"PLC pages on {path}: {schools:,} schools, {plcs:,} PLCs, {years[0]} to {years[-1]}")
    try:
        bench_directory(path, con, repeat)
        bench_plc(path, con, years)
        bench_school(path, con, years)
    finally:
        con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "data/plcnet.duckdb")))
