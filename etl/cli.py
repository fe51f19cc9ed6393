"""The one entry point: ``python -m etl <command>``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from etl import config
from etl.contract import CONTRACT_DOC, write_contract_doc
from etl.demo.synthetic import SYSTEMS
from etl.lock import RefreshLockedError
from etl.publish import DiskFullError, UnexpectedError, log_run, run_log_path
from etl.refresh import (
    DEFAULT_MAX_SHRINK,
    RefreshResult,
    TableShrankError,
    explained_failure,
    refresh,
)
from etl.sources.common import InputError
from etl.systems import SystemConfigError, load_system

__all__ = ["EXIT_CODES", "main"]

# Every exit code of ``python -m etl``; docs/operations.md lists each and what to do
# (tests/etl/test_exit_codes.py checks that it does).
EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_REFUSED = 2
EXIT_LOCKED = 3
EXIT_DISK_FULL = 4
EXIT_UNREACHABLE = 5
EXIT_INTERRUPTED = 130
EXIT_CODES = {
    EXIT_OK: "done",
    EXIT_UNEXPECTED: "unexpected error",
    EXIT_REFUSED: "refused",
    EXIT_LOCKED: "another refresh is running",
    EXIT_DISK_FULL: "disk full",
    EXIT_UNREACHABLE: "the published file could not be fetched",
    EXIT_INTERRUPTED: "interrupted",
}
NOT_CHANGED = "The published database was not changed."


def _quiet(_: str) -> None:
    """Progress sink for --quiet and --json."""


def _add_refresh_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by ``refresh`` and ``schedule``."""
    add = parser.add_argument
    add(
        "--raw",
        type=Path,
        default=config.default_raw_dir(),
        help="Folder of input files (default %(default)s).",
    )
    add(
        "--db",
        type=Path,
        default=config.default_db_path(),
        help="The published database (default %(default)s).",
    )
    add(
        "--system",
        default=config.setting("system"),
        metavar="NAME",
        help="The school system: a name of systems/ (wales, ...) or a .toml file of your "
        "own (docs/systems.md; default %(default)s).",
    )
    add(
        "--reference",
        type=Path,
        default=None,
        help="Folder of reference files (default: the system's folder of "
        f"{config.default_reference_dir()}).",
    )
    add(
        "--max-shrink",
        type=float,
        default=DEFAULT_MAX_SHRINK,
        help="Largest share of a table's rows a refresh may lose before it is refused "
        "(default %(default)s).",
    )
    add(
        "--pseudonym-key-file",
        type=Path,
        default=None,
        metavar="FILE",
        help="File of the secret key that pseudonymises member ids; the refresh stops if it "
        "cannot be read (default: PLCNET_PSEUDONYM_KEY, PLCNET_PSEUDONYM_KEY_FILE, else "
        "data/pseudonym.key, created on first use).",
    )


def _add_demo_command(commands: argparse._SubParsersAction) -> None:
    demo = commands.add_parser("demo", help="Write the seeded demo data as contract files.")
    demo.add_argument(
        "--scale",
        choices=("wales", *SYSTEMS),
        default="wales",
        help="wales: the real schools of Wales (default); england: an England-sized "
        "synthetic system at England's real density; us: a United States-sized one "
        "(districts and states); both for benchmarks (docs/demo.md).",
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=int(config.setting("seed")),
        help="Seed of the generator (default %(default)s).",
    )
    demo.add_argument(
        "--out",
        type=Path,
        default=None,
        help="Output folder (default data/raw/demo, or data/SCALE for england and us).",
    )
    demo.add_argument(
        "--reference",
        type=Path,
        default=config.default_reference_dir(),
        help="Reference folder to build the Wales demo on (default %(default)s).",
    )


def _add_refresh_command(commands: argparse._SubParsersAction) -> None:
    run = commands.add_parser(
        "refresh",
        help="Validate and load the input files, compute the "
        "network measures and publish a new database.",
    )
    _add_refresh_options(run)
    run.add_argument("--trigger", default="manual", help="What started the run, for the record.")
    run.add_argument(
        "--force",
        action="store_true",
        help="Publish even if a table lost more rows than --max-shrink allows.",
    )
    run.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="If another refresh is running, wait this long for it "
        "(default: exit at once with a message).",
    )
    run.add_argument(
        "--archive",
        type=Path,
        default=None,
        metavar="DIR",
        help="Where input files are archived by checksum (default: archive/ beside the database).",
    )
    output = run.add_mutually_exclusive_group()
    output.add_argument("--quiet", action="store_true", help="Print nothing but errors.")
    output.add_argument("--json", action="store_true", help="Print the run summary as JSON.")


def _add_schedule_command(commands: argparse._SubParsersAction) -> None:
    sched = commands.add_parser(
        "schedule",
        help="Run refreshes on a cron schedule (stays in the foreground; Ctrl-C stops it).",
    )
    sched.add_argument(
        "--cron", required=True, help='Crontab expression, e.g. "0 2 * * *" for 02:00 every night.'
    )
    sched.add_argument(
        "--timezone",
        default="Europe/London",
        help="Time zone of the cron expression (default %(default)s).",
    )
    sched.add_argument("--run-now", action="store_true", help="Also refresh once at start.")
    _add_refresh_options(sched)


def _add_pull_command(commands: argparse._SubParsersAction) -> None:
    pull = commands.add_parser(
        "pull",
        help="On a dashboard replica: fetch the published database from the refresh "
        "machine if it changed, and swap it in (docs/deployment.md).",
    )
    pull.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="URL",
        help="http(s) URL of the published database, as the refresh machine serves it.",
    )
    pull.add_argument(
        "--db",
        type=Path,
        default=config.default_db_path(),
        help="This replica's copy, the file its dashboard serves (default %(default)s).",
    )
    pull.add_argument(
        "--every",
        type=float,
        default=None,
        metavar="SECONDS",
        help="Keep pulling, this many seconds apart, until stopped (default: pull once).",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    _add_demo_command(commands)
    _add_refresh_command(commands)
    _add_schedule_command(commands)
    _add_pull_command(commands)
    doc = commands.add_parser(
        "contract-doc",
        help="Rewrite the generated part of docs/data-contract.md from etl/contract.py.",
    )
    doc.add_argument("--path", type=Path, default=CONTRACT_DOC, help="Default %(default)s.")
    return parser


def run_contract_doc(args: argparse.Namespace) -> int:
    write_contract_doc(args.path)
    print(f"Wrote the generated part of {args.path}")
    return EXIT_OK


def run_demo(args: argparse.Namespace) -> int:
    from etl.demo import generate_synthetic, generate_wales
    from etl.sources.reference import read_reference

    if args.scale in SYSTEMS:
        out = args.out or config.DATA_DIR / args.scale
        counts = generate_synthetic(out, SYSTEMS[args.scale], seed=args.seed)
        print(
            f"{args.scale} demo written to {out}: load it with\n"
            f"  python -m etl refresh --raw {out / 'raw'} --reference {out / 'reference'} "
            f"--db data/{args.scale}.duckdb"
        )
    else:
        out = args.out or config.default_raw_dir() / "demo"
        counts = generate_wales(read_reference(args.reference), out, seed=args.seed)
        print(f"Demo Wales written to {out}")
    for name, rows in counts.items():
        print(f"  {name:<24} {rows:>10,} rows")
    return EXIT_OK


def print_summary(result: RefreshResult) -> None:
    print(f"\nRefresh {result.run_id}: {result.status} in {result.seconds:.1f} s")
    print(f"  {'table':<24} {'rows':>10} {'set aside':>10}")
    for table, rows in result.row_counts.items():
        if table == "rejected_rows":
            continue
        print(f"  {table:<24} {rows:>10,} {result.rejected_counts.get(table, 0):>10,}")
    if result.top_reasons:
        print("  Top reasons rows were set aside (see the rejected_rows table):")
        for table, reason, rows in result.top_reasons:
            print(f"    {rows:>7,}  {table}: {reason}")
    steps = ", ".join(f"{name} {secs:.1f} s" for name, secs in result.step_seconds.items())
    print(f"  Steps: {steps}")
    print(f"  Published {result.db_path}")


def run_refresh(args: argparse.Namespace) -> int:
    progress = _quiet if args.quiet or args.json else print
    try:
        result = _refresh(args, progress)
    except SystemConfigError as error:
        return _failed(f"the system cannot be read: {error}", EXIT_REFUSED)
    except (InputError, TableShrankError) as error:
        return _failed(str(error), EXIT_REFUSED)
    except RefreshLockedError as error:
        print(f"Refresh not started: {error}", file=sys.stderr)
        return EXIT_LOCKED
    except KeyboardInterrupt:
        print(f"Refresh interrupted. {NOT_CHANGED}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except DiskFullError as error:
        return _failed(str(error), EXIT_DISK_FULL)
    except UnexpectedError as error:
        return _failed(f"{error}. {_where_recorded(error, args.db)}", EXIT_UNEXPECTED)
    except Exception as error:  # before a run began: the lock file, the database's folder
        return _failed_before_the_run(error, args)
    if args.json:
        print(json.dumps(result.as_dict(), indent=2, default=str))
    elif not args.quiet:
        print_summary(result)
    return EXIT_OK


def _failed(message: str, code: int) -> int:
    print(f"Refresh failed: {message}\n{NOT_CHANGED}", file=sys.stderr)
    return code


def _where_recorded(error: UnexpectedError, db_path: Path) -> str:
    if error.recorded:
        return (
            f"Its traceback is in the run log {run_log_path(db_path)}; if it happens again, "
            "send that record to whoever maintains plcnet"
        )
    return "Its traceback is in the record above; send it to whoever maintains plcnet"


def _failed_before_the_run(error: Exception, args: argparse.Namespace) -> int:
    """A failure outside any run: record it here, as a run would have, and say it plainly."""
    raised = explained_failure(error, args.db)
    record: dict[str, object] = {
        "run_id": None,
        "status": "failed",
        "db_path": str(args.db),
        "message": str(raised),
        "trigger": args.trigger,
        "started_at": datetime.now(UTC).isoformat(),
        "error_type": type(error).__name__,
    }
    if isinstance(raised, UnexpectedError):
        record["traceback"] = "".join(traceback.format_exception(error))
        raised.recorded = log_run(args.db, record)
        return _failed(f"{raised}. {_where_recorded(raised, args.db)}", EXIT_UNEXPECTED)
    log_run(args.db, record)
    return _failed(str(raised), EXIT_DISK_FULL)


def _reference_dir(args: argparse.Namespace, folder: str) -> Path:
    """--reference as given, else the system's folder of the shipped reference data."""
    return args.reference or config.default_reference_dir() / folder


def _refresh(args: argparse.Namespace, progress: Callable[[str], None]) -> RefreshResult:
    system = load_system(args.system)
    return refresh(
        args.raw,
        args.db,
        _reference_dir(args, system.reference_folder),
        trigger=args.trigger,
        progress=progress,
        force=args.force,
        max_shrink=args.max_shrink,
        wait_seconds=args.wait,
        archive_dir=args.archive,
        pseudonym_key_file=args.pseudonym_key_file,
        system=system,
    )


def run_schedule(args: argparse.Namespace) -> int:
    from etl.schedule import ScheduledRefresh, build_scheduler, run_scheduled_refresh

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    try:
        system = load_system(args.system)
        reference = _reference_dir(args, system.reference_folder)
        job = ScheduledRefresh(
            args.raw, args.db, reference, args.max_shrink, args.pseudonym_key_file, system
        )
        scheduler = build_scheduler(job, args.cron, args.timezone)
    except ValueError as error:  # a wrong cron expression, or system file (SystemConfigError)
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    if args.run_now:
        run_scheduled_refresh(job)
    next_run = scheduler.get_job("refresh").trigger.get_next_fire_time(None, datetime.now(UTC))
    print(
        f"Refreshing {args.db} from {args.raw} on '{args.cron}' ({args.timezone}); "
        f"next run {next_run:%Y-%m-%d %H:%M %Z}. Ctrl-C stops.",
        flush=True,
    )
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        print("Schedule stopped.")
    return EXIT_OK


def run_pull(args: argparse.Namespace) -> int:
    """One pull; with ``--every``, one pull after another until Ctrl-C. A failed pull in
    the loop is said and the loop goes on: the copy in service stays."""
    code = _pull_once(args)
    while args.every is not None and code != EXIT_INTERRUPTED:
        try:
            time.sleep(args.every)
        except KeyboardInterrupt:
            print("Pulling stopped.")
            return EXIT_INTERRUPTED
        code = _pull_once(args)
    return code


def _pull_once(args: argparse.Namespace) -> int:
    from etl.pull import OriginUnreachableError, PullRefusedError, pull

    kept = f"The copy in service, {args.db}, was not changed."
    try:
        pulled = pull(args.source, args.db)
    except PullRefusedError as error:
        print(f"Pull refused: {error}\n{kept}", file=sys.stderr, flush=True)
        return EXIT_REFUSED
    except OriginUnreachableError as error:
        print(f"Pull failed: {error} Try again later.\n{kept}", file=sys.stderr, flush=True)
        return EXIT_UNREACHABLE
    except DiskFullError as error:
        print(f"Pull failed: {error}\n{kept}", file=sys.stderr, flush=True)
        return EXIT_DISK_FULL
    except KeyboardInterrupt:
        print(f"Pull interrupted. {kept}", file=sys.stderr)
        return EXIT_INTERRUPTED
    if pulled.changed:
        print(f"Pulled refresh {pulled.run_id} into {args.db}", flush=True)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    commands = {
        "demo": run_demo,
        "refresh": run_refresh,
        "schedule": run_schedule,
        "pull": run_pull,
        "contract-doc": run_contract_doc,
    }
    return commands[args.command](args)
