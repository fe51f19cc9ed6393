"""Benchmarks: ``make bench``. Each prints its figures and its ratio to a named
baseline measured in the same run, on this machine.

- demo: seconds to generate the demo Wales.
- load: the contract-file load step (read, validate, cast, insert) against the
  baseline DuckDB ``read_csv`` of the same files into plain tables.
- refresh: the whole refresh at Wales scale, and each of its steps.
- england (``--england``): the same at England scale (about 24,000 schools).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from etl.config import default_reference_dir
from etl.contract import CONTRACT
from etl.demo import generate_england, generate_wales
from etl.load import load_contract_file, load_reference
from etl.refresh import refresh
from etl.schema import apply_schema
from etl.sources.reference import read_reference


def timed(work: Callable[[], object], repeat: int = 1) -> float:
    """Best wall-clock seconds of ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
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
            load_contract_file(con, spec, files[spec.table], "bench").rows for spec in CONTRACT
        )
        con.close()

    def baseline() -> None:
        con = duckdb.connect()
        for table, path in files.items():
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv($p)", {"p": str(path)})
        con.close()

    reference_only = timed(lambda: _load_reference_only(reference), repeat)
    seconds = timed(load, repeat) - reference_only
    floor = timed(baseline, repeat)
    report(
        "load contract files",
        seconds,
        "duckdb read_csv",
        floor,
        f"({rows:,} rows, {rows / seconds:,.0f} rows/s)",
    )


def _load_reference_only(reference: object) -> None:
    con = duckdb.connect()
    apply_schema(con)
    load_reference(con, reference, "bench")
    con.close()


def bench_scale(name: str, make: Callable[[Path], tuple[Path, Path]], repeat: int) -> None:
    print(f"\n{name}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        raw, reference_dir = make(folder)
        print(f"  {'generate demo':<34} {time.perf_counter() - started:8.3f} s")
        bench_load(raw, reference_dir, repeat)
        started = time.perf_counter()
        result = refresh(
            raw, folder / "bench.duckdb", reference_dir, trigger="bench", progress=lambda _: None
        )
        total = time.perf_counter() - started
        print(f"  {'whole refresh':<34} {total:8.3f} s")
        for step, seconds in result.step_seconds.items():
            print(f"    {step:<32} {seconds:8.3f} s   {seconds / total:6.1%} of the refresh")
        rows = {t: n for t, n in result.row_counts.items() if n}
        print("  rows: " + ", ".join(f"{t} {n:,}" for t, n in rows.items()))


def make_wales(folder: Path) -> tuple[Path, Path]:
    reference_dir = default_reference_dir()
    generate_wales(read_reference(reference_dir), folder / "raw", progress=lambda _: None)
    return folder / "raw", reference_dir


def make_england(folder: Path) -> tuple[Path, Path]:
    generate_england(folder, progress=lambda _: None)
    return folder / "raw", folder / "reference"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--england", action="store_true", help="Also run at England scale.")
    parser.add_argument("--repeat", type=int, default=3, help="Runs per timing; best is kept.")
    args = parser.parse_args()
    print(f"plcnet benchmarks (duckdb {duckdb.__version__}); best of {args.repeat} runs")
    bench_scale("Wales (demo, real schools)", make_wales, args.repeat)
    if args.england:
        bench_scale("England-sized synthetic system", make_england, 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
