"""One refresh: read, validate, load, transform, measure, then publish whole.

The published database is replaced only by a complete one; a refresh that
fails leaves it exactly as it was, and says why, naming the file and what to do.
"""

from __future__ import annotations

import json
import resource
import time
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import duckdb

from etl import config
from etl.archive import (
    archive_dir_for,
    archive_inputs,
    check_inputs_unchanged,
    snapshot_inputs,
)
from etl.contract import CONTRACT, ContractFile, contract_for
from etl.drawing import LAYOUT_TABLES, compute_layout
from etl.gias_load import load_gias, read_snapshots
from etl.impact import IMPACT_TABLES, compute_impact
from etl.load import hide_member_ids_set_aside, load_contract_file, load_reference, run_model
from etl.lock import refresh_lock
from etl.network import (
    FOCUS_TABLES,
    NETWORK_TABLES,
    compute_focus_networks,
    compute_network,
)
from etl.network.plcs import PLC_TABLES, compute_plc_measures
from etl.pseudonym import PseudonymKey, resolve_key
from etl.publish import (
    DiskFullError,
    UnexpectedError,
    building_path,
    disk_full_error,
    keep_aside,
    log_run,
    publish,
    remove_partial,
)
from etl.schema import apply_schema
from etl.settings_table import SETTINGS_TABLES, record_settings, record_system, recorded_system
from etl.sources.common import InputError
from etl.sources.detect import find_inputs
from etl.sources.reference import InputFile, Reference, file_sha256, read_reference
from etl.systems import System, available_systems, load_system

__all__ = [
    "GUARDED_TABLES",
    "PUBLISHED_TABLES",
    "RefreshResult",
    "SystemChangedError",
    "TableShrankError",
    "refresh",
]

Progress = Callable[[str], None]
T = TypeVar("T")

# Tables whose row counts each run reports, in the order the pipeline fills them.
PUBLISHED_TABLES = (
    "local_authorities",
    "schools",
    "la_boundaries",
    *(spec.table for spec in CONTRACT),
    "academic_years",
    *NETWORK_TABLES,
    *LAYOUT_TABLES,
    *FOCUS_TABLES,
    *PLC_TABLES,
    *IMPACT_TABLES,
    *SETTINGS_TABLES,
    "rejected_rows",
)


# Tables loaded from input; a refresh that loses more than the allowed share of
# any of them is refused (a truncated file, a folder half copied).
GUARDED_TABLES = ("local_authorities", "schools", *(spec.table for spec in CONTRACT))
DEFAULT_MAX_SHRINK = 0.10


class TableShrankError(Exception):
    """The new database lost more rows of a table than allowed; the old one stays."""


class SystemChangedError(InputError):
    """The published database holds another school system; the old one stays."""


@dataclass
class RefreshResult:
    run_id: str
    status: str
    db_path: Path
    seconds: float = 0.0
    row_counts: dict[str, int] = field(default_factory=dict)
    rejected_counts: dict[str, int] = field(default_factory=dict)
    top_reasons: list[tuple[str, str, int]] = field(default_factory=list)
    step_seconds: dict[str, float] = field(default_factory=dict)
    # CPU seconds of each step: this process's threads and the worker processes it
    # started and ended in the step. On a shared machine the wall clock also counts
    # other people's work.
    step_cpu_seconds: dict[str, float] = field(default_factory=dict)
    input_files: list[InputFile] = field(default_factory=list)
    ignored_files: list[str] = field(default_factory=list)
    # Files that loaded but hold something the data team should look at.
    warnings: list[str] = field(default_factory=list)
    # Where the pseudonym key came from and its fingerprint (never the key).
    pseudonym_key: str = ""
    message: str = ""
    # The school system loaded (etl/systems.py).
    system: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "run_id": self.run_id,
            "status": self.status,
            "db_path": str(self.db_path),
            "seconds": round(self.seconds, 3),
            "row_counts": self.row_counts,
            "rejected_counts": self.rejected_counts,
            "top_reasons": [{"table": t, "reason": r, "rows": n} for t, r, n in self.top_reasons],
            "step_seconds": {k: round(v, 3) for k, v in self.step_seconds.items()},
            "step_cpu_seconds": {k: round(v, 3) for k, v in self.step_cpu_seconds.items()},
            "input_files": [f.as_dict() for f in self.input_files],
            "ignored_files": self.ignored_files,
            "warnings": self.warnings,
            "pseudonym_key": self.pseudonym_key,
            "message": self.message,
            "system": self.system,
        }


def new_run_id() -> str:
    """A sortable, unique run id: UTC time and a short random suffix."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


class _Steps:
    """Times each step of a run and reports it as it starts."""

    def __init__(self, result: RefreshResult, progress: Progress) -> None:
        self.result = result
        self.progress = progress

    def run(self, name: str, work: Callable[[], T]) -> T:
        self.progress(f"  {name} ...")
        started, cpu = time.perf_counter(), _cpu_seconds()
        value = work()
        self.result.step_seconds[name] = time.perf_counter() - started
        self.result.step_cpu_seconds[name] = _cpu_seconds() - cpu
        return value


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have ended."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


@dataclass(frozen=True)
class RefreshOptions:
    trigger: str = "manual"
    force: bool = False
    max_shrink: float = DEFAULT_MAX_SHRINK
    # Where read files are archived by checksum; None: archive/ beside the database.
    archive_dir: Path | None = None
    # The file of the key that pseudonymises member ids; None: the settings decide.
    pseudonym_key_file: Path | None = None
    # The school system; None: the setting system (PLCNET_SYSTEM), by default Wales.
    system: System | None = None


def refresh(
    raw_dir: Path,
    db_path: Path,
    reference_dir: Path,
    trigger: str = "manual",
    progress: Progress = print,
    *,
    force: bool = False,
    max_shrink: float = DEFAULT_MAX_SHRINK,
    wait_seconds: float = 0.0,
    archive_dir: Path | None = None,
    pseudonym_key_file: Path | None = None,
    system: System | None = None,
) -> RefreshResult:
    """Run one refresh of ``system`` (default: the setting ``system``) and publish its
    database.

    Raises InputError on unreadable input or an unreadable pseudonym key
    (PseudonymKeyError), SystemConfigError when the system's file is wrong,
    SystemChangedError when the published database holds another system, and
    TableShrankError when a table would lose more than ``max_shrink`` of its rows
    (both unless ``force``), RefreshLockedError when another refresh of ``db_path``
    holds the lock past ``wait_seconds``.
    """
    system = system or load_system(config.setting("system"))
    options = RefreshOptions(trigger, force, max_shrink, archive_dir, pseudonym_key_file, system)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with refresh_lock(db_path, wait_seconds, progress):
        return _refresh_locked(raw_dir, db_path, reference_dir, options, progress)


def _refresh_locked(
    raw_dir: Path,
    db_path: Path,
    reference_dir: Path,
    options: RefreshOptions,
    progress: Progress,
) -> RefreshResult:
    remove_leftovers(db_path, progress)
    system = options.system or load_system(config.setting("system"))
    result = RefreshResult(new_run_id(), "running", db_path, system=system.name)
    started_at = datetime.now(UTC)
    clock = time.perf_counter()
    built = building_path(db_path, result.run_id)
    failure: dict[str, object] = {}
    raised: Exception | None = None
    try:
        # Before anything is read, so that a file written to during the run is caught.
        snapshot = snapshot_inputs((reference_dir, raw_dir))
        progress(f"plcnet refresh {result.run_id} of {system.name}: {raw_dir} -> {db_path}")
        replaces_damaged = _published_is_damaged(db_path, result, progress)
        if not (options.force or replaces_damaged):
            check_same_system(db_path, system)
        key = resolve_key(progress, options.pseudonym_key_file)
        result.pseudonym_key = f"{key.source} (fingerprint {key.fingerprint})"
        progress(f"  member ids pseudonymised with the key from {result.pseudonym_key}")
        _build(built, raw_dir, reference_dir, key, system, result, _Steps(result, progress))
        check_inputs_unchanged(result.input_files, snapshot)
        if not (options.force or replaces_damaged):
            check_shrinkage(db_path, result.row_counts, options.max_shrink)
        result.status = "success"
        result.seconds = time.perf_counter() - clock
        history = db_path if db_path.exists() and not replaces_damaged else None
        _record_run(built, history, result, started_at, options.trigger)
        archive = options.archive_dir or archive_dir_for(db_path)
        manifest = archive_inputs(result.input_files, archive, result.run_id, snapshot, progress)
        progress(f"  input files archived by checksum: {manifest}")
        if replaces_damaged:
            progress(f"  the damaged database is kept as {keep_aside(db_path, result.run_id)}")
        publish(built, db_path)
    except KeyboardInterrupt:
        result.status, result.message = "interrupted", "stopped by an interrupt (Ctrl-C)"
        raise
    except Exception as error:
        raised = explained_failure(error, db_path)
        result.status, result.message = "failed", str(raised)
        failure = _failure_details(error, raised)
        if raised is error:
            raise
        raise raised from error
    finally:
        result.seconds = time.perf_counter() - clock
        for suffix in ("", ".wal", ".tmp"):  # the build, its journal, DuckDB's spill folder
            remove_partial(built.with_name(built.name + suffix))
        record = {
            **result.as_dict(),
            **failure,
            "trigger": options.trigger,
            "started_at": started_at.isoformat(),
        }
        recorded = log_run(db_path, record)
        if isinstance(raised, DiskFullError | UnexpectedError):
            raised.recorded = recorded
    return result


# Failures the refresh foresees and explains in words; any other is an UnexpectedError.
EXPLAINED = (InputError, TableShrankError, DiskFullError)


def explained_failure(error: Exception, db_path: Path) -> Exception:
    """``error`` if foreseen, a DiskFullError if the disk is full, else an UnexpectedError."""
    if isinstance(error, EXPLAINED):
        return error
    return disk_full_error(error, db_path) or UnexpectedError(error)


def _failure_details(error: Exception, raised: Exception) -> dict[str, object]:
    """What the run log keeps of a failure: its type, and the traceback if unforeseen."""
    details: dict[str, object] = {"error_type": type(error).__name__}
    if isinstance(raised, UnexpectedError):
        details["traceback"] = "".join(traceback.format_exception(error))
    return details


def remove_leftovers(db_path: Path, progress: Progress) -> None:
    """Delete half-built databases of killed runs; safe because we hold the refresh lock."""
    for leftover in sorted(db_path.parent.glob(f".{db_path.name}.*.building*")):
        progress(f"  removing {leftover.name}, left by a refresh that did not finish")
        remove_partial(leftover)


def published_row_counts(db_path: Path) -> dict[str, int]:
    """Rows per guarded table in the published database (empty if there is none)."""
    if not db_path.exists():
        return {}
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in GUARDED_TABLES}
    finally:
        con.close()


def published_problem(db_path: Path) -> str | None:
    """Why the published database cannot give a refresh its row counts and run history
    (a damaged or foreign file), or None when it can or there is none."""
    if not db_path.exists():
        return None
    try:
        published_row_counts(db_path)
        with duckdb.connect(str(db_path), read_only=True) as con:
            con.execute("SELECT * FROM etl_runs").fetchall()
    except duckdb.Error as error:
        return str(error).splitlines()[0]
    return None


def _published_is_damaged(db_path: Path, result: RefreshResult, progress: Progress) -> bool:
    """Say so when the published database cannot be read: this refresh replaces it.

    Refusing would leave a damaged file in service for good (the dashboard shows its
    last good file, or none), and nothing in it can be compared or carried over.
    """
    problem = published_problem(db_path)
    if problem is None:
        return False
    warning = (
        f"the published database {db_path} cannot be read ({problem}); this refresh "
        "replaces it without comparing row counts, and its run history starts again; "
        "the damaged file is kept beside it"
    )
    progress(f"  warning: {warning}")
    result.warnings.append(warning)
    return True


def published_system(db_path: Path) -> str | None:
    """The system the published database holds (Wales if it predates systems), or None
    when there is none."""
    if not db_path.exists():
        return None
    with duckdb.connect(str(db_path), read_only=True) as con:
        return recorded_system(con)


def check_same_system(db_path: Path, system: System) -> None:
    """Refuse to publish one system's database over another's: the whole file would be
    replaced, every table shrinking or growing at once, and its run history mixed."""
    published = published_system(db_path)
    if published is not None and published != system.name:
        raise SystemChangedError(
            f"not published: {db_path} holds the system {published!r}, and this refresh "
            f"loads {system.name!r}. Give another --db for {system.name!r}, or, if the "
            "database is meant to change system, run again with --force."
        )


def check_shrinkage(db_path: Path, new_counts: dict[str, int], max_shrink: float) -> None:
    """Refuse to publish when a guarded table lost more than ``max_shrink`` of its rows."""
    shrunk = []
    for table, old in published_row_counts(db_path).items():
        new = new_counts.get(table, 0)
        if old and (old - new) / old > max_shrink:
            shrunk.append(f"{table} {old:,} -> {new:,} rows")
    if shrunk:
        raise TableShrankError(
            f"not published: {'; '.join(shrunk)} (more than {max_shrink:.0%} lost). "
            f"The published {db_path} stays in service. If the loss is meant, run again "
            "with --force."
        )


def _build(
    built: Path,
    raw_dir: Path,
    reference_dir: Path,
    key: PseudonymKey,
    system: System,
    result: RefreshResult,
    steps: _Steps,
) -> None:
    if not raw_dir.is_dir():
        raise InputError(
            f"{raw_dir}: no such folder of input files; run `python -m etl demo` "
            "for the demo data, or pass --raw with the folder of your files."
        )
    con = duckdb.connect(str(built))
    try:
        apply_schema(con)
        record_group_kinds(con, system)
        if system.reads_gias:
            _load_gias_snapshots(con, raw_dir, reference_dir, system, result, steps)
        else:
            _load_reference_and_contract(con, raw_dir, reference_dir, key, system, result, steps)
        steps.run("network measures", lambda: compute_network(con, progress=steps.progress))
        steps.run("network layout", lambda: compute_layout(con, progress=steps.progress))
        steps.run(
            "focus-area networks",
            lambda: compute_focus_networks(
                con, progress=steps.progress, focus_areas=system.focus_area_codes
            ),
        )
        steps.run("PLC measures", lambda: compute_plc_measures(con, progress=steps.progress))
        steps.run("impact analysis", lambda: compute_impact(con, progress=steps.progress))
        steps.run("refresh settings", lambda: _record_settings(con, system))
        _count(con, result)
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _load_reference_and_contract(
    con: duckdb.DuckDBPyConnection,
    raw_dir: Path,
    reference_dir: Path,
    key: PseudonymKey,
    system: System,
    result: RefreshResult,
    steps: _Steps,
) -> None:
    """Wales's way: the reference files, then the contract files of the raw folder."""
    others = other_systems_folders(system, reference_dir)
    reference = steps.run(
        "read reference files", lambda: read_reference(reference_dir, raw_dir, exclude=others)
    )
    _keep_system_readers(reference, system, result, steps.progress)
    result.input_files.extend(reference.input_files)
    steps.run("load reference", lambda: load_reference(con, reference, result.run_id))
    contract = contract_for(system)
    steps.run(
        "load contract files",
        lambda: _load_contract(con, raw_dir, key, contract, result, steps),
    )
    steps.run("transform", lambda: run_model(con, "academic_years"))


def _load_gias_snapshots(
    con: duckdb.DuckDBPyConnection,
    raw_dir: Path,
    reference_dir: Path,
    system: System,
    result: RefreshResult,
    steps: _Steps,
) -> None:
    """England's way: the GIAS snapshots of the raw folder, each a year (etl/gias_load.py)."""
    gias = steps.run("read GIAS snapshots", lambda: read_snapshots(raw_dir, reference_dir, system))
    result.input_files.extend(gias.input_files)
    for warning in gias.warnings:
        steps.progress(f"    warning: {warning}")
    result.warnings.extend(gias.warnings)
    years = ", ".join(gias.years["year"])
    steps.progress(f"    {len(gias.years)} snapshot(s), academic year(s) {years}")
    steps.run("load GIAS snapshots", lambda: load_gias(con, gias, result.run_id))


def other_systems_folders(system: System, reference_dir: Path) -> tuple[Path, ...]:
    """The reference folders of the other shipped systems inside ``reference_dir``
    (England's data/reference/england inside Wales's data/reference): a system reads
    only its own reference files."""
    root = config.default_reference_dir()
    mine = (root / system.reference_folder).resolve()
    folders = []
    for name in available_systems():
        if name == system.name:
            continue
        folder = (root / load_system(name).reference_folder).resolve()
        if folder != mine and folder.is_relative_to(reference_dir.resolve()):
            folders.append(folder)
    return tuple(folders)


def record_group_kinds(con: duckdb.DuckDBPyConnection, system: System) -> None:
    """The system's kinds of group, and which tie (table group_kinds)."""
    language = system.languages[0]
    tying = set(system.ties.tying_kinds)
    for position, term in enumerate(system.group_kinds, start=1):
        con.execute(
            "INSERT INTO group_kinds (kind, name, short, ties, position) "
            "VALUES ($kind, $name, $short, $ties, $position)",
            {
                "kind": term.code,
                "name": term.name.text(language),
                "short": term.short.text(language) if term.short else None,
                "ties": term.code in tying,
                "position": position,
            },
        )


# What each optional reader adds to the reference data (the local authorities and the
# address list of schools every system has).
_OPTIONAL_READERS = ("locations", "categorisation", "boundaries")


def _keep_system_readers(
    reference: Reference, system: System, result: RefreshResult, progress: Progress
) -> None:
    """Drop what readers the system does not name read (its [[reference.files]]): a
    categorisation list beside another system's files is not that system's data, and
    would load support categories it does not have. Each file dropped is a warning."""
    readers = {entry.reader for entry in system.reference_files}
    dropped = [f for f in reference.input_files if f.kind.split(":")[0] not in readers]
    for kind in set(_OPTIONAL_READERS) - readers:
        if kind == "locations":  # the columns left out load as NULL
            reference.schools = reference.schools.drop(columns=["latitude", "longitude"])
        elif kind == "categorisation":
            reference.categories = reference.categories.iloc[0:0]
        else:
            reference.boundaries = reference.boundaries.iloc[0:0]
    reference.rejections = [
        r for r in reference.rejections if r.source_file not in {f.path for f in dropped}
    ]
    reference.input_files = [f for f in reference.input_files if f not in dropped]
    for file in dropped:
        warning = (
            f"{file.path}: a {file.kind.split(':')[0]} file, which the system "
            f"{system.name} does not read ({system.source}): not loaded"
        )
        progress(f"    warning: {warning}")
        result.warnings.append(warning)


def _record_settings(con: duckdb.DuckDBPyConnection, system: System) -> None:
    record_settings(con)
    record_system(con, system)


def _load_contract(
    con: duckdb.DuckDBPyConnection,
    raw_dir: Path,
    key: PseudonymKey,
    contract: tuple[ContractFile, ...],
    result: RefreshResult,
    steps: _Steps,
) -> None:
    found = find_inputs(raw_dir)
    result.ignored_files = [str(p) for p in found.get("unknown", [])]
    for path in result.ignored_files:
        steps.progress(f"    not recognised, not loaded: {path} (its header matches no input)")
    # The system's contract: its vocabularies are the allowed values (etl/contract.py).
    for spec in contract:
        for path in found.get(f"contract:{spec.table}", []):
            loaded = load_contract_file(con, spec, path, result.run_id, key)
            result.input_files.append(
                InputFile(
                    str(path),
                    f"contract:{spec.table}",
                    file_sha256(path),
                    loaded.encoding,
                    loaded.rows + loaded.set_aside,
                )
            )
            steps.progress(
                f"    {path.name} ({loaded.encoding}): {loaded.rows:,} rows loaded, "
                f"{loaded.set_aside:,} set aside"
            )
            for warning in loaded.warnings:
                steps.progress(f"    warning: {warning}")
            result.warnings.extend(loaded.warnings)
    hide_member_ids_set_aside(con, key)


def _count(con: duckdb.DuckDBPyConnection, result: RefreshResult) -> None:
    for table in PUBLISHED_TABLES:
        result.row_counts[table] = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    result.rejected_counts = dict(
        con.execute(
            "SELECT table_name, count(DISTINCT (source_file, line)) FROM rejected_rows GROUP BY 1"
        ).fetchall()
    )
    result.top_reasons = [
        tuple(r)
        for r in con.execute(
            "SELECT table_name, reason, count(*) AS n FROM rejected_rows "
            "GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT 10"
        ).fetchall()
    ]


def _record_run(
    built: Path, history: Path | None, result: RefreshResult, started_at: datetime, trigger: str
) -> None:
    """Write the run into ``etl_runs``, after the runs of ``history`` (the published
    database, None when there is none or it cannot be read)."""
    con = duckdb.connect(str(built))
    try:
        if history is not None:
            con.execute("ATTACH $path AS previous (READ_ONLY)", {"path": str(history)})
            con.execute("INSERT INTO etl_runs SELECT * FROM previous.etl_runs")
            con.execute("DETACH previous")
        con.execute(
            "INSERT INTO etl_runs VALUES ($run_id, $started, $finished, $status, $trigger, "
            "$files, $rows, $rejected, $message)",
            {
                "run_id": result.run_id,
                "started": started_at.replace(tzinfo=None),
                "finished": datetime.now(UTC).replace(tzinfo=None),
                "status": result.status,
                "trigger": trigger,
                "files": json.dumps([f.as_dict() for f in result.input_files]),
                "rows": json.dumps(result.row_counts),
                "rejected": json.dumps(result.rejected_counts),
                # A run that loaded still has something to say: its warnings.
                "message": result.message or "\n".join(result.warnings),
            },
        )
        con.execute("CHECKPOINT")
    finally:
        con.close()
