"""Benchmarks: ``make bench``. Each prints its figures and its ratio to a named
baseline measured in the same run, on this machine.

- demo: seconds to generate the demo Wales.
- load: the contract-file load step (read, validate, cast, insert) against the
  baseline DuckDB ``read_csv`` of the same files into plain tables.
- refresh: the whole refresh at Wales scale, and each of its steps.
- network measures: compute_network on the refreshed database, and each heavy
  measure (betweenness, clustering, components, eigenvector, communities)
  against the same measure computed directly by igraph on the same graph; the
  group measures (components of every group, communities of consortia,
  assortativity) against igraph group by group, and brokerage (SQL; igraph has
  none) against the plain DuckDB join listing the same two-paths.
- layout: compute_layout (every year) against igraph's own Fruchterman-Reingold
  (grid variant, its defaults) of one year's whole graph of tied schools.
- subgraph: measure_subgraph for one LA, one consortium, one LA with a focus
  area and all schools with a focus area (best and 95th percentile of 20 calls
  each) against the plain DuckDB query that fetches the same subgraph's ties;
  and all schools with a focus area read from the refresh's net_focus_* tables
  (load_focus_network, what the network explorer does) against measuring it live.
- dashboard: every page served on the refreshed database: first render, each
  callback's median and 95th percentile over scripted filter changes beside the
  same queries run directly in DuckDB, and the bytes sent, against the goals
  (tests/bench/dashboard_bench.py says how).
- load: simulated users (1, 10, 20, 50, and 20 during a refresh) replaying a session
  captured from Chromium, against gunicorn and against the development server, the
  baseline, in the same run (tests/bench/load_bench.py says how).
- browser: every page of the refreshed Wales in headless Chromium (Playwright,
  /usr/bin/chromium): click to redraw, median and p95, beside the server's time for
  the same callbacks (tests/bench/browser_bench.py); then Lighthouse 12, desktop and
  mobile presets, every page: performance, accessibility, best practices, bytes of
  a first visit (tests/bench/lighthouse_bench.py; ``npm ci`` in tests/bench/lighthouse,
  which ``make bench`` runs).
- england (``--england``): the same at England scale (about 24,000 schools, at real
  density: about 600,000 ties a year), without the browser.
- refresh at scale (``--refresh-scale england us``): each synthetic system generated
  and refreshed in a child process: the whole refresh and each step (wall clock and
  CPU), peak memory of the refresh and its workers, ties a year, beside the goals
  and the baseline before this work (tests/bench/scale_bench.py says how).

``--load-step`` benches only the contract-file load against DuckDB's ``read_csv``, at
Wales and at England scale (the goal of issue 13: at most 2x, in CPU seconds).
``--dashboard DB [DB ...]`` benches only the dashboard, on published databases;
``--browser DB`` only the browser and Lighthouse on one; ``--no-browser`` leaves them out.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import secrets
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import duckdb
import igraph
import numpy as np

from etl.config import default_reference_dir
from etl.contract import CONTRACT
from etl.demo import SYSTEMS, generate_england, generate_wales
from etl.drawing import compute_layout
from etl.load import load_contract_file, load_reference
from etl.network import (
    compute_network,
    load_focus_network,
    measure_subgraph,
)
from etl.network.build import (
    YearGraph,
    build_year_graphs,
    make_working_table,
    project_memberships,
)
from etl.network.groups import (
    SchoolAttributes,
    SchoolGroups,
    compute_group_assortativity,
    compute_group_communities,
    compute_group_components,
    fetch_school_attributes,
    fetch_school_groups,
)
from etl.network.metrics import (
    betweenness_sources,
    compute_betweenness,
    compute_clustering,
    compute_components,
    compute_sampled_betweenness,
    sample_size,
)
from etl.network.structure import compute_communities, compute_eigenvector
from etl.pseudonym import PseudonymKey
from etl.refresh import refresh
from etl.schema import apply_schema
from etl.sources.reference import read_reference
from tests.bench.browser_bench import bench_browser
from tests.bench.dashboard_bench import bench_dashboard, find_samples, list_page_targets
from tests.bench.lighthouse_bench import bench_lighthouse
from tests.bench.load_bench import bench_load_levels
from tests.bench.scale_bench import bench_refresh_scale
from tests.serving import serving

# Goals of each callback's 95th percentile: Wales scale, and England scale (above
# ENGLAND_SCHOOLS schools).
WALES_P95_MS = 150
ENGLAND_P95_MS = 500
ENGLAND_SCHOOLS = 5_000
# The bench pseudonymises member ids with a key of its own, never data/pseudonym.key.
BENCH_KEY = PseudonymKey(secrets.token_hex(32).encode("ascii"), "bench")


def timed(work: Callable[[], object], repeat: int = 1) -> float:
    """Best wall-clock seconds of ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def cpu_timed(work: Callable[[], object], repeat: int = 1) -> float:
    """Least CPU seconds (user and system, every thread of this process) of ``repeat`` runs."""

    def used() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    best = float("inf")
    for _ in range(repeat):
        started = used()
        work()
        best = min(best, used() - started)
    return best


def report(name: str, seconds: float, baseline_name: str, baseline: float, extra: str = "") -> None:
    ratio = seconds / baseline if baseline else float("nan")
    print(
        f"  {name:<34} {seconds:8.3f} s   baseline {baseline_name} {baseline:8.3f} s"
        f"   ratio {ratio:6.2f}x {extra}"
    )


def bench_load(raw: Path, reference_dir: Path, repeat: int) -> None:
    """The contract load step against DuckDB's own read_csv of the same files."""
    reference = read_reference(reference_dir)
    files = {spec.table: raw / spec.file_name for spec in CONTRACT}
    rows = 0

    def load() -> None:
        nonlocal rows
        con = duckdb.connect()
        apply_schema(con)
        load_reference(con, reference, "bench")
        rows = sum(
            load_contract_file(con, spec, files[spec.table], "bench", BENCH_KEY).rows
            for spec in CONTRACT
        )
        con.close()

    def baseline() -> None:
        con = duckdb.connect()
        for table, path in files.items():
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv($p)", {"p": str(path)})
        con.close()

    reference_only = timed(lambda: _load_reference_only(reference), repeat)
    reference_cpu = cpu_timed(lambda: _load_reference_only(reference), repeat)
    seconds = timed(load, repeat) - reference_only
    cpu = cpu_timed(load, repeat) - reference_cpu
    floor = timed(baseline, repeat)
    floor_cpu = cpu_timed(baseline, repeat)
    report(
        "load contract files",
        seconds,
        "duckdb read_csv",
        floor,
        f"({rows:,} rows, {rows / seconds:,.0f} rows/s)",
    )
    # On a shared machine the wall clock measures the neighbours too: the CPU time of
    # the work (every thread of this process) is the steadier comparison.
    report("  the same in CPU seconds", cpu, "duckdb read_csv", floor_cpu)


def bench_load_step(repeat: int) -> None:
    """The load step alone, at Wales and at England scale, each demo generated first."""
    for name, make in (
        ("Wales (demo)", make_wales),
        ("England-sized synthetic system", make_england),
    ):
        with tempfile.TemporaryDirectory() as tmp:
            raw, reference_dir = make(Path(tmp))
            # The machine may be shared: the load average says how much.
            load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
            print(f"\n{name}, load average {load}")
            bench_load(raw, reference_dir, repeat)


def _load_reference_only(reference: object) -> None:
    con = duckdb.connect()
    apply_schema(con)
    load_reference(con, reference, "bench")
    con.close()


def bench_in_browser(db: Path) -> bool:
    """Click to redraw in Chromium beside the server, then Lighthouse, on every page."""
    print("  in the browser")
    met = bench_browser(db)
    import dash  # the registry bench_browser filled

    targets, _ = list_page_targets(dash.page_registry, find_samples(db))
    with serving(db) as served:
        met = bench_lighthouse(served.url, [target.path for target in targets]) and met
    return met


def bench_scale(
    name: str, make: Callable[[Path], tuple[Path, Path]], repeat: int, browser: bool = False
) -> None:
    print(f"\n{name}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        raw, reference_dir = make(folder)
        print(f"  {'generate demo':<34} {time.perf_counter() - started:8.3f} s")
        bench_load(raw, reference_dir, repeat)
        started = time.perf_counter()
        key_file = folder / "pseudonym.key"
        key_file.write_bytes(BENCH_KEY.secret)
        result = refresh(
            raw,
            folder / "bench.duckdb",
            reference_dir,
            trigger="bench",
            progress=lambda _: None,
            pseudonym_key_file=key_file,
        )
        total = time.perf_counter() - started
        print(f"  {'whole refresh':<34} {total:8.3f} s")
        for step, seconds in result.step_seconds.items():
            print(f"    {step:<32} {seconds:8.3f} s   {seconds / total:6.1%} of the refresh")
        rows = {t: n for t, n in result.row_counts.items() if n}
        print("  rows: " + ", ".join(f"{t} {n:,}" for t, n in rows.items()))
        bench_network(folder / "bench.duckdb", repeat)
        bench_layout(folder / "bench.duckdb", repeat)
        bench_subgraph(folder / "bench.duckdb")
        bench_served(folder / "bench.duckdb")
        bench_load_levels(folder / "bench.duckdb", raw, reference_dir, key_file)
        if browser:
            bench_in_browser(folder / "bench.duckdb")


def bench_served(db: Path, port: int | None = None, pages: Sequence[str] = ()) -> bool:
    """The dashboard bench on ``db``, with the goal of its scale (served on ``port``, else
    a free one; only the pages of ``pages``, if given: bench_dashboard)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        (schools,) = con.execute("SELECT count(*) FROM schools").fetchone()
    finally:
        con.close()
    goal = ENGLAND_P95_MS if schools > ENGLAND_SCHOOLS else WALES_P95_MS
    print(f"  dashboard on {schools:,} schools: callback p95 goal {goal} ms")
    return bench_dashboard(db, goal, port=port, pages=pages)


def bench_network(db: Path, repeat: int) -> None:
    """compute_network, and each heavy measure against igraph's own on the same graphs.

    The baseline of compute_network is the sum of the baselines of its heavy
    measures; the baseline of sampled betweenness is igraph's subset betweenness
    from the same sources in one call. Group measures are timed against igraph
    doing the same group by group (induced subgraphs); brokerage, which igraph
    lacks, against the bare DuckDB query that lists the same two-paths.
    """
    print("  network measures")
    con = duckdb.connect(str(db))
    try:
        seconds = timed(lambda: compute_network(con, progress=lambda _: None), repeat)
        graphs = list(build_year_graphs(con))
        groups = fetch_school_groups(con)
        attributes = fetch_school_attributes(con)
        brokerage = _bench_brokerage(con, max(repeat, 3))
    finally:
        con.close()
    timings = _graph_measures(graphs, groups, repeat)
    timings |= _group_measures(graphs, groups, attributes, max(repeat, 3))
    timings |= brokerage
    k = sample_size(sum(g.graph.ecount() for g in graphs))
    sampled = sum(betweenness_sources(g.graph, k=k) is not None for g in graphs)
    report(
        "compute_network (all years)",
        seconds,
        "igraph measures",
        sum(base for _, _, base in timings.values()),
        f"({len(graphs)} years, betweenness sampled in {sampled})",
    )
    for name, (ours, baseline, base) in timings.items():
        report(f"  {name}", ours, baseline, base)


# A measure's timing: (our seconds, the baseline's name, the baseline's seconds).
Timing = tuple[float, str, float]


def _graph_measures(
    graphs: list[YearGraph], groups: SchoolGroups, repeat: int
) -> dict[str, Timing]:
    """The whole-graph igraph measures of every year against igraph's own calls."""
    k = sample_size(sum(g.graph.ecount() for g in graphs))
    plans = [betweenness_sources(g.graph, k=k) for g in graphs]

    def ours_betweenness() -> None:
        for g, sources in zip(graphs, plans, strict=True):
            if sources is None:
                compute_betweenness(g.graph)
            else:
                compute_sampled_betweenness(g.graph, sources)

    def igraph_betweenness() -> None:
        for g, sources in zip(graphs, plans, strict=True):
            g.graph.betweenness(
                directed=False, sources=None if sources is None else sources.tolist()
            )

    measures = {
        "betweenness": (ours_betweenness, igraph_betweenness),
        "clustering": (
            _each(graphs, compute_clustering),
            _each(graphs, lambda g: g.transitivity_local_undirected(mode="zero")),
        ),
        "components": (
            _each(graphs, compute_components),
            _each(graphs, lambda g: g.connected_components()),
        ),
        "eigenvector": (_each(graphs, compute_eigenvector), _each(graphs, _igraph_eigenvector)),
        "communities": (
            _each(graphs, lambda g: compute_communities(g, groups.la.codes)),
            _each(graphs, lambda g: g.community_multilevel()),
        ),
    }
    # Betweenness dominates; one run of it is enough at England scale.
    heavy = 1 if sum(g.graph.ecount() for g in graphs) > 200_000 else repeat
    return {
        name: (
            timed(ours, heavy if name == "betweenness" else repeat),
            f"igraph {name}",
            timed(base, heavy if name == "betweenness" else repeat),
        )
        for name, (ours, base) in measures.items()
    }


def _group_measures(
    graphs: list[YearGraph], groups: SchoolGroups, attributes: SchoolAttributes, repeat: int
) -> dict[str, Timing]:
    """Components and assortativity of every group, communities of consortia, against
    igraph group by group."""
    levels = (groups.la.codes, groups.consortium.codes, groups.wales.codes)

    def ours_components() -> None:
        for g in graphs:
            for labels in levels:
                compute_group_components(g.graph, g.edges, labels)

    def igraph_components() -> None:
        for g in graphs:
            for members in _members(levels):
                g.graph.induced_subgraph(members).connected_components()

    def ours_communities() -> None:
        for g in graphs:
            compute_group_communities(g.graph, groups.consortium.codes, groups.la.codes)

    def igraph_communities() -> None:
        for g in graphs:
            for members in _members([groups.consortium.codes]):
                g.graph.induced_subgraph(members).community_multilevel()

    def ours_assortativity() -> None:
        for g in graphs:
            for labels in levels:
                for values in _values(attributes, groups, g.year):
                    compute_group_assortativity(g.edges, labels, values)

    def igraph_assortativity() -> None:
        for g in graphs:
            *static, category = _values(attributes, groups, g.year)
            for members in _members(levels):
                sub = g.graph.induced_subgraph(members)
                for values in static:
                    sub.assortativity_nominal(values[members].tolist(), directed=False)
                known = [v for v in members if category[v] >= 0]
                g.graph.induced_subgraph(known).assortativity_nominal(
                    category[known].tolist(), directed=False
                )

    return {
        "assortativity": (
            timed(ours_assortativity, repeat),
            "igraph per group",
            timed(igraph_assortativity, repeat),
        ),
        "group components": (
            timed(ours_components, repeat),
            "igraph per group",
            timed(igraph_components, repeat),
        ),
        "consortium communities": (
            timed(ours_communities, repeat),
            "igraph per consortium",
            timed(igraph_communities, repeat),
        ),
    }


def _bench_brokerage(con: duckdb.DuckDBPyConnection, repeat: int) -> dict[str, Timing]:
    """Brokerage (SQL) against the bare DuckDB join listing the same two-paths."""
    project_memberships(con)
    brokerage = timed(lambda: make_working_table(con, "net_brokerage"), repeat)
    floor = timed(
        lambda: con.execute(f"CREATE OR REPLACE TEMP TABLE bench_two_paths AS ({TWO_PATHS})"),
        repeat,
    )
    return {"brokerage": (brokerage, "duckdb two-path join", floor)}


# The floor of brokerage: the lead-to-member ties of every year and the two-paths
# they form, listed in a table as net_brokerage is made, with nothing else (no
# closed two-paths removed, no roles counted).
TWO_PATHS = """
with school_plcs as (select distinct year, plc_id, school_id from net_memberships),
lead_ties as (
    select distinct m.year, p.lead_school_id as source_id, m.school_id as target_id
    from school_plcs as m
    join plcs as p on p.plc_id = m.plc_id
    join school_plcs as lead
        on lead.year = m.year and lead.plc_id = m.plc_id and lead.school_id = p.lead_school_id
    where m.school_id <> p.lead_school_id
)
select i.year, i.source_id, i.target_id as broker_id, o.target_id
from lead_ties as i
join lead_ties as o on o.year = i.year and o.source_id = i.target_id
where i.source_id <> o.target_id
"""


def _values(attributes: SchoolAttributes, groups: SchoolGroups, year: str) -> list[np.ndarray]:
    """The codes assortativity is measured by: LA, medium, sector, the year's category."""
    return [groups.la.codes, attributes.medium, attributes.sector, attributes.category[year]]


def _members(levels: Iterable[np.ndarray]) -> list[list[int]]:
    """The vertices of each group of each level."""
    return [
        np.flatnonzero(labels == label).tolist() for labels in levels for label in np.unique(labels)
    ]


def _each(graphs: list[YearGraph], work: Callable[[igraph.Graph], object]) -> Callable[[], None]:
    return lambda: [work(g.graph) for g in graphs]


def bench_layout(db: Path, repeat: int) -> None:
    """compute_layout of every year against igraph's whole-graph layout of one year.

    igraph's Fruchterman-Reingold (grid variant, 500 iterations) takes about
    30 s for one England-sized year, so the baseline is the first year only and
    the comparison is per year.
    """
    print("  network layout")
    con = duckdb.connect(str(db))
    try:
        graphs = list(build_year_graphs(con))
        seconds = timed(lambda: compute_layout(con, progress=lambda _: None), repeat)
    finally:
        con.close()
    first = graphs[0].graph
    tied = first.induced_subgraph([v for v, k in enumerate(first.degree()) if k > 0])
    heavy = 1 if tied.vcount() > 5000 else repeat
    baseline = timed(lambda: _igraph_layout(tied), heavy)
    per_year = seconds / len(graphs)
    report(
        "compute_layout (all years)",
        seconds,
        "igraph FR one year x years",
        baseline * len(graphs),
        f"({len(graphs)} years; per year {per_year:.3f} s; "
        f"igraph FR of {graphs[0].year}: {tied.vcount():,} schools, {tied.ecount():,} ties)",
    )


def _igraph_layout(graph: igraph.Graph) -> object:
    random.seed(1)
    return graph.layout_fruchterman_reingold(grid=True)


# The plain DuckDB query that fetches a region's ties in a year (the floor of
# measure_subgraph without a focus area) ...
REGION_TIES_SQL = """
    with region as (
        select s.school_id
        from schools as s
        inner join local_authorities as la on la.la_code = s.la_code
        where ($consortium is null or la.consortium_code = $consortium)
            and ($la_code is null or s.la_code = $la_code)
    )
    select e.school_a, e.school_b, e.weight
    from net_edges as e
    inner join region as a on a.school_id = e.school_a
    inner join region as b on b.school_id = e.school_b
    where e.year = $year
"""

# ... and with a focus area: the projection of that focus area's PLCs in the year.
FOCUS_TIES_SQL = """
    with region as (
        select s.school_id
        from schools as s
        inner join local_authorities as la on la.la_code = s.la_code
        where ($consortium is null or la.consortium_code = $consortium)
            and ($la_code is null or s.la_code = $la_code)
    ),
    school_plcs as (
        select distinct m.plc_id, m.school_id
        from plc_memberships as m
        inner join plcs as p on p.plc_id = m.plc_id
        inner join academic_years as y on y.year = $year
        where p.focus_area = $focus_area
            and p.start_date <= y.end_date
            and (p.end_date is null or p.end_date >= y.start_date)
            and m.joined <= y.end_date
            and (m."left" is null or m."left" >= y.start_date)
    )
    select a.school_id as school_a, b.school_id as school_b, count(*) as weight
    from school_plcs as a
    inner join school_plcs as b on a.plc_id = b.plc_id and a.school_id < b.school_id
    inner join region as ra on ra.school_id = a.school_id
    inner join region as rb on rb.school_id = b.school_id
    group by 1, 2
"""


# Up to this many schools the bench also measures the whole system's subgraph.
SMALL_SYSTEM = 5000


def bench_subgraph(db: Path, calls: int = 20) -> None:
    """measure_subgraph for four regions, best and p95 of ``calls``, against fetching its ties.

    The connection is read-only, as the dashboard's. The regions: the LA and the
    consortium with the most schools, that LA with the focus area of the most
    PLCs, and every school with that focus area (and, up to SMALL_SYSTEM
    schools, every school with every tie); the year with the most ties.
    """
    print(f"  subgraph measures (best and p95 of {calls} calls, read-only connection)")
    con = duckdb.connect(str(db), read_only=True)
    try:
        year, la, consortium, focus = _busiest(con)
        cases = {
            f"LA {la}": {"la": la},
            f"consortium {consortium}": {"consortium": consortium},
            f"LA {la}, focus {focus}": {"la": la, "focus_area": focus},
            f"all schools, focus {focus}": {"focus_area": focus},
        }
        if con.execute("SELECT count(*) FROM schools").fetchone()[0] <= SMALL_SYSTEM:
            # Every tie of a small system, for scale; England's takes seconds a call
            # (its betweenness), and the published tables serve that view anyway.
            cases["all schools, no focus (for scale: pages read net_school_metrics)"] = {}
        for name, region in cases.items():
            found = measure_subgraph(con, year, **region)
            ours = _call_times(lambda r=region: measure_subgraph(con, year, **r), calls)
            params = {
                "year": year,
                "la_code": region.get("la"),
                "consortium": region.get("consortium"),
            }
            sql = REGION_TIES_SQL
            if "focus_area" in region:
                sql, params = FOCUS_TIES_SQL, params | {"focus_area": region["focus_area"]}
            base = _call_times(lambda q=sql, p=params: con.execute(q, p).fetchnumpy(), calls)
            report(
                f"  {name}",
                min(ours),
                "duckdb ties query",
                min(base),
                f"(p95 {np.percentile(ours, 95) * 1000:.0f} ms against "
                f"{np.percentile(base, 95) * 1000:.0f} ms; {found.summary.n_schools:,} "
                f"schools, {found.summary.n_ties:,} ties, {year})",
            )
        _bench_kept_focus_network(con, year, focus, calls)
    finally:
        con.close()


def _bench_kept_focus_network(
    con: duckdb.DuckDBPyConnection, year: str, focus: str, calls: int
) -> None:
    """What the network explorer does for a focus area with no region: read the
    refresh's net_focus_* tables, against measuring the same subgraph live."""
    kept = _call_times(lambda: load_focus_network(con, year, focus), calls)
    live = _call_times(lambda: measure_subgraph(con, year, focus_area=focus), calls)
    report(
        f"  all schools, focus {focus}, as kept by the refresh",
        min(kept),
        "measure_subgraph live",
        min(live),
        f"(p95 {np.percentile(kept, 95) * 1000:.0f} ms against "
        f"{np.percentile(live, 95) * 1000:.0f} ms; load_focus_network)",
    )


def _busiest(con: duckdb.DuckDBPyConnection) -> tuple[str, int, str, str]:
    """The year with most ties, the LA and consortium with most schools, the commonest focus."""
    return con.execute(
        """
        select
            (select year from net_edges group by year order by count(*) desc, year limit 1),
            (select la_code from schools group by la_code order by count(*) desc, la_code
             limit 1),
            (select la.consortium_code from schools as s
             join local_authorities as la on la.la_code = s.la_code
             group by 1 order by count(*) desc, 1 limit 1),
            (select focus_area from plcs group by 1 order by count(*) desc, 1 limit 1)
        """
    ).fetchone()


def _call_times(work: Callable[[], object], calls: int) -> list[float]:
    """Wall-clock seconds of each of ``calls`` runs."""
    times = []
    for _ in range(calls):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return times


def _igraph_eigenvector(graph: igraph.Graph) -> object:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return graph.eigenvector_centrality()


def make_wales(folder: Path) -> tuple[Path, Path]:
    reference_dir = default_reference_dir()
    generate_wales(read_reference(reference_dir), folder / "raw", progress=lambda _: None)
    return folder / "raw", reference_dir


def make_england(folder: Path) -> tuple[Path, Path]:
    generate_england(folder, progress=lambda _: None)
    return folder / "raw", folder / "reference"


def bench_load_only(db: Path, raw: Path, port: int | None = None, baseline: bool = True) -> bool:
    """The load bench alone, on a published ``db`` refreshed from ``raw`` mid-load."""
    with tempfile.TemporaryDirectory() as tmp:
        key_file = Path(tmp) / "pseudonym.key"
        key_file.write_bytes(BENCH_KEY.secret)
        return bench_load_levels(
            db, raw, default_reference_dir(), key_file, port=port, baseline=baseline
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--england", action="store_true", help="Also run at England scale.")
    parser.add_argument("--repeat", type=int, default=3, help="Runs per timing; best is kept.")
    parser.add_argument(
        "--dashboard",
        nargs="+",
        type=Path,
        metavar="DB",
        help="Bench only the dashboard, on these published databases.",
    )
    parser.add_argument(
        "--port",
        type=int,
        help="Serve the dashboard (and --load) bench on this port (default: a free one).",
    )
    parser.add_argument(
        "--pages",
        nargs="+",
        default=[],
        metavar="PATH",
        help="With --dashboard: only these pages (their paths: / /network /school).",
    )
    parser.add_argument(
        "--browser", type=Path, metavar="DB", help="Bench only the browser and Lighthouse on DB."
    )
    parser.add_argument(
        "--no-browser", action="store_true", help="Leave out the browser and Lighthouse."
    )
    parser.add_argument(
        "--load",
        nargs=2,
        type=Path,
        metavar=("DB", "RAW"),
        help="Bench only the load on DB (refreshed from RAW, with the project's reference "
        "files, during the refresh round; DB is rewritten).",
    )
    parser.add_argument(
        "--no-baseline",
        action="store_true",
        help="With --load: only the production server, not the development server beside it.",
    )
    parser.add_argument(
        "--load-step",
        action="store_true",
        help="Bench only the contract-file load against DuckDB's read_csv, at Wales and "
        "England scale.",
    )
    parser.add_argument(
        "--refresh-scale",
        nargs="+",
        choices=sorted(SYSTEMS),
        default=[],
        metavar="SYSTEM",
        help="The refresh at scale of these synthetic systems (england, us), with peak "
        "memory; alone with --only-refresh-scale.",
    )
    parser.add_argument(
        "--only-refresh-scale", action="store_true", help="Run only --refresh-scale."
    )
    args = parser.parse_args()
    if args.only_refresh_scale:
        print("plcnet refresh at scale")
        met = [bench_refresh_scale(name) for name in args.refresh_scale]
        return 0 if all(met) else 1
    if args.load_step:
        print(f"plcnet load step (duckdb {duckdb.__version__}); best of {args.repeat} runs")
        bench_load_step(args.repeat)
        return 0
    if args.load:
        print("plcnet load bench")
        return 0 if bench_load_only(*args.load, args.port, not args.no_baseline) else 1
    if args.browser:
        print("plcnet browser bench")
        return 0 if bench_in_browser(args.browser) else 1
    if args.dashboard:
        print("plcnet dashboard bench")
        met = [bench_served(db, args.port, args.pages) for db in args.dashboard]
        return 0 if all(met) else 1
    print(f"plcnet benchmarks (duckdb {duckdb.__version__}); best of {args.repeat} runs")
    bench_scale("Wales (demo, real schools)", make_wales, args.repeat, not args.no_browser)
    if args.england:
        bench_scale("England-sized synthetic system", make_england, 1)
    for name in args.refresh_scale:
        bench_refresh_scale(name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
