"""Read the published DuckDB file, read-only, through the named SQL files in queries/
(or, for what SQL alone cannot do, a function given a read-only connection).

The ETL publishes a new database by renaming a complete file over the old one
(etl/publish.py). Each query first looks at the file's identity (device, inode,
modification time, size). The file of one identity is opened once and kept: opening
it costs about 20 ms, a cursor on the open file about 1 ms, and a page asks several
queries at a time. When a refresh swaps a new file in, the identity changes: the next
query opens the new file, and the old one is closed as soon as the queries still
running on it finish. While that query opens and checks the new file, the worker's
other threads keep answering from the old one rather than all waiting for it (a
refresh is seen by every thread a fraction of a second later, not at the cost of
stalling them all at once). Results are cached under the identity too, so the old
cache entries simply stop being asked for.

The file is attached to a private in-memory DuckDB rather than opened with
``duckdb.connect(path)``: DuckDB shares one instance per path within a process, and
a shared instance would keep serving the old file after the rename.

Each new file is checked when it is opened (dashboard/core/db_check.py: every table there
and readable to its last block). A file that fails is never served: the file in
service before it, if any, stays open and keeps answering (its rename over it does
not touch the open file), and the problem is told to the data team once per file
(``report``: the server log and the audit log, dashboard/core/unreadable.py). With no good
file to fall back on, queries raise DatabaseUnreadableError, and the app answers every
page with a plain "the data cannot be read" page (HTTP 503).

Every query and call is run for the user of the request (dashboard/access/scope.py): the
user's region scope is read here, from the server's session
(``access.current_scope``), never from a parameter a page passes; it is set on the
connection as the DuckDB variable ``plcnet_scope`` (a bound value) before the SQL
runs, and results are cached under it too, so that one user's rows never answer
another's query.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import duckdb
import flask
import pandas as pd

from dashboard.access.scope import SET_SCOPE_SQL, check_query_scoped, scope_value
from dashboard.access.users import Scope, current_scope
from dashboard.core.db_check import DamagedFileError, check_published_file
from dashboard.core.db_report import tell_data_team

__all__ = [
    "QUERIES_DIR",
    "Database",
    "DatabaseMissingError",
    "DatabaseUnreadableError",
    "apply_macros",
    "current_db",
    "query_names",
    "query_path",
    "read_query",
    "set_scope",
]

# A page's queries live in its folder, ``pages/<page>/queries/<name>.sql``, and are
# named ``<page>__<name>``; the ones every page shares are core/queries/shell__*.sql.
QUERIES_DIR = Path(__file__).resolve().parent / "queries"
PAGES_DIR = QUERIES_DIR.parent.parent / "pages"
CONFIG_KEY = "PLCNET_DATABASE"

Params = dict[str, object]
T = TypeVar("T")
FileIdentity = tuple[int, int, int, int]


class DatabaseMissingError(FileNotFoundError):
    """The published database file is not there (no refresh has run yet)."""


class DatabaseUnreadableError(RuntimeError):
    """The published file is there but damaged, and no good file was open before it."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"the published database {path} cannot be read: {problem}")
        self.path = path
        self.problem = problem


# Told once for each file found damaged: its path, what is wrong, and whether an
# older good file stays in service.
Report = Callable[[Path, str, bool], None]
# The damaged files remembered, so that each is checked and told once.
BAD_FILES_KEPT = 16


def query_path(name: str) -> Path:
    """The file of the query ``name``: ``<page>__<query>`` in its page's folder.

    >>> query_path("regions__pairs").relative_to(PAGES_DIR).as_posix()
    'regions/queries/pairs.sql'
    >>> query_path("shell__years").name
    'shell__years.sql'
    """
    page, _, query = name.partition("__")
    if query and (PAGES_DIR / page / "queries").is_dir():
        return PAGES_DIR / page / "queries" / f"{query}.sql"
    return QUERIES_DIR / f"{name}.sql"


def query_names() -> list[str]:
    """The name of every query file, shared and of every page."""
    shared = [path.stem for path in QUERIES_DIR.glob("*.sql") if not path.stem.startswith("_")]
    pages = [
        f"{path.parent.parent.name}__{path.stem}" for path in PAGES_DIR.glob("*/queries/*.sql")
    ]
    return sorted(shared + pages)


def read_query(name: str) -> str:
    """The text of the query ``name`` (:func:`query_path`)."""
    path = query_path(name)
    if not path.is_file():
        raise ValueError(f"no query named {name!r} (looked for {path})")
    return path.read_text(encoding="utf-8")


def apply_macros(con: duckdb.DuckDBPyConnection) -> None:
    """Create the macros of ``queries/_macros.sql`` (small-number suppression) on ``con``."""
    con.execute(read_query("_macros"))


def set_scope(con: duckdb.DuckDBPyConnection, scope: Scope) -> None:
    """Give ``scope`` to the SQL on ``con``: the variable the scope macros read."""
    con.execute(SET_SCOPE_SQL, {"scope": scope_value(scope)})


# The name the published file is attached under in each private instance.
ATTACHED = "published"


@dataclass
class _OpenFile:
    """The published file of one identity, attached read-only to a private instance,
    with the cursors not in use (each already set up: attached schema chosen, macros)."""

    identity: FileIdentity
    instance: duckdb.DuckDBPyConnection
    idle: list[duckdb.DuckDBPyConnection] = field(default_factory=list)
    in_use: int = 0
    closed: bool = False

    @classmethod
    def open(cls, path: Path, identity: FileIdentity) -> _OpenFile:
        """The file attached and checked; DamagedFileError if it cannot be served."""
        instance = duckdb.connect(":memory:")
        try:
            instance.execute(f"ATTACH $path AS {ATTACHED} (READ_ONLY)", {"path": str(path)})
            check_published_file(instance, ATTACHED, path)
        except duckdb.Error as error:
            instance.close()
            raise DamagedFileError(f"DuckDB cannot open it: {error}") from error
        except DamagedFileError:
            instance.close()
            raise
        return cls(identity, instance)

    def close_if_unused(self) -> None:
        """Close the instance once no query is running on it (a newer file replaced it)."""
        if self.in_use == 0 and not self.closed:
            self.idle.clear()
            self.instance.close()
            self.closed = True

    def new_cursor(self) -> duckdb.DuckDBPyConnection:
        # USE and temporary macros belong to one connection; a cursor is one.
        cursor = self.instance.cursor()
        cursor.execute(f"USE {ATTACHED}")
        apply_macros(cursor)
        return cursor


@dataclass
class Database:
    """The published database at ``path``, queried by name with parameters; a damaged
    file is told once through ``report`` (by default to the data team:
    dashboard/core/db_report.py)."""

    path: Path
    cache_size: int = 256
    report: Report = field(default=tell_data_team)

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        # Frames of query() and results of call(), by file identity and request.
        self._cache: OrderedDict[tuple[object, ...], object] = OrderedDict()
        self._lock = threading.Lock()
        self._open: _OpenFile | None = None
        # Files found damaged, by identity, with the problem: checked and told once.
        self._damaged: OrderedDict[FileIdentity, str] = OrderedDict()
        # New files being opened and checked (by one thread each), by identity.
        self._opening: dict[FileIdentity, threading.Event] = {}

    def identity(self) -> FileIdentity:
        """What changes when a refresh swaps a new file in."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError as error:
            raise DatabaseMissingError(f"no database at {self.path}") from error
        return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)

    def in_service(self) -> FileIdentity:
        """The identity of the file that answers queries now: the published file once it
        passed the check, or the last good one while the published file is damaged.

        Raises DatabaseMissingError when there is no file, DatabaseUnreadableError when
        the file is damaged and no good one was open before it.
        """
        return self._open_file(self.identity()).identity

    def damaged_problem(self) -> str | None:
        """What is wrong with the file published now, when it was found damaged and the
        last good one answers instead; None when it was not (or not looked at yet)."""
        try:
            identity = self.identity()
        except DatabaseMissingError:
            return None
        with self._lock:
            return self._damaged.get(identity)

    def query(self, name: str, **params: object) -> pd.DataFrame:
        """Run ``queries/<name>.sql`` with named parameters (``$name`` in the SQL).

        Only the rows of the user's scope come back (the query's own scope macros); a
        query that uses none and is not listed as aggregate-only is refused. The frame
        returned is a copy: callers may change it freely.
        """
        scope = current_scope()
        before = self.in_service()
        key = (before, scope.cache_key(), name, tuple(sorted(params.items())))
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached.copy()
        # Checked here, before it first runs: what is cached was checked.
        sql = read_query(name)
        check_query_scoped(name, sql)
        frame, served = self._run(sql, params, scope)
        # A swap between the first look and the run would file new data under the
        # old identity; only cache what the file looked up first answered.
        if served == before:
            self._remember(key, frame)
        return frame.copy()

    def call(self, function: Callable[..., T], **params: Hashable) -> T:
        """``function(con, **params)`` on a read-only connection to the file as it is now
        (macros applied), for work one SQL file cannot do alone, such as measuring a
        subgraph (etl.network.subgraph.measure_subgraph).

        The connection carries the user's scope like a query's (the scope macros work
        on it); a function that does not use them returns rows of every school, and
        its caller must keep those of the scope. The result is cached like a query's,
        under the file's identity, the user's scope, the function and the parameters;
        it is shared by every caller that asks the same, so do not change it.
        """
        scope = current_scope()
        before = self.in_service()
        name = f"{function.__module__}.{function.__qualname__}"
        key = (before, scope.cache_key(), "call", name, tuple(sorted(params.items())))
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]  # type: ignore[return-value]
        with self._cursor(scope) as (con, served):
            result = function(con, **params)
        if served == before:
            self._remember(key, result)
        return result

    def derive(self, build: Callable[[], T], *key: Hashable) -> T:
        """``build()``, worked out once per file in service, user's scope and ``key``, for
        what a page derives from several queries (frames merged, choices read): a
        worker then pays for it once per published file, not on every request.

        ``key`` must name everything ``build`` depends on besides the file and the
        scope. Like call()'s, the result is shared by every caller that asks the same:
        do not change it."""
        scope = current_scope()
        before = self.in_service()
        full = (before, scope.cache_key(), "derive", *key)
        with self._lock:
            if full in self._cache:
                self._cache.move_to_end(full)
                return self._cache[full]  # type: ignore[return-value]
        result = build()
        # As in query(): what a file swapped in meanwhile answered is not kept.
        if self.in_service() == before:
            self._remember(full, result)
        return result

    def _run(self, sql: str, params: Params, scope: Scope) -> tuple[pd.DataFrame, FileIdentity]:
        """The rows of ``sql`` and the identity of the file that answered."""
        with self._cursor(scope) as (con, served):
            return con.execute(sql, params).fetchdf(), served

    @contextmanager
    def _cursor(self, scope: Scope) -> Iterator[tuple[duckdb.DuckDBPyConnection, FileIdentity]]:
        """A cursor on the file in service, set to ``scope``, and that file's identity;
        the cursor is given back for reuse afterwards."""
        while True:
            opened = self._open_file(self.identity())
            with self._lock:
                # A newer file may have replaced (and closed) it meanwhile: look again.
                if opened.closed:
                    continue
                cursor = opened.idle.pop() if opened.idle else None
                opened.in_use += 1
                break
        try:
            if cursor is None:
                cursor = opened.new_cursor()
            # Set on every use: a cursor from the pool carries its last user's scope.
            set_scope(cursor, scope)
            yield cursor, opened.identity
        finally:
            self._give_back(opened, cursor)

    def _open_file(self, identity: FileIdentity) -> _OpenFile:
        """The open file that answers for the published file of ``identity``.

        A new file is opened and checked (db_check.py: a tenth of a second on the Wales
        demo, more on a busy machine) by the first thread that sees it, outside the
        lock: meanwhile the worker's other threads keep answering from the file in
        service, rather than all waiting at once. With no file in service yet, they
        wait for it. A file replaced stays open for the queries still running on it
        and closes when the last of them gives its cursor back."""
        while True:
            with self._lock:
                if self._open is not None and self._open.identity == identity:
                    return self._open
                problem = self._damaged.get(identity)
                if problem is not None:
                    if self._open is None:
                        raise DatabaseUnreadableError(self.path, problem)
                    return self._open  # the last good file, while the new one is damaged
                opening = self._opening.get(identity)
                if opening is None:
                    self._opening[identity] = threading.Event()
                    break
                if self._open is not None:
                    return self._open  # another thread opens the new file
            opening.wait()  # the first file of all, opened by another thread
        try:
            return self._open_new(identity)
        finally:
            with self._lock:
                self._opening.pop(identity).set()

    def _open_new(self, identity: FileIdentity) -> _OpenFile:
        """Open and check the file of ``identity`` (not under the lock), then serve it."""
        try:
            opened = _OpenFile.open(self.path, identity)
        except DamagedFileError as error:
            if self._swapped_since(identity):
                # A refresh renamed another file in while this one was checked:
                # what was read may be of either, so judge the new one instead.
                return self._open_file(self.identity())
            with self._lock:
                self._remember_damaged(identity, error.problem)
            return self._open_file(identity)
        if self._open is not None and self._swapped_since(identity):
            # A newer file was renamed in while this one was checked: serve that one
            # (maybe opened meanwhile by another thread), never go back to this.
            opened.close_if_unused()
            return self._open_file(self.identity())
        with self._lock:
            replaced, self._open = self._open, opened
            if replaced is not None:
                replaced.close_if_unused()
        return opened

    def _swapped_since(self, identity: FileIdentity) -> bool:
        try:
            return self.identity() != identity
        except DatabaseMissingError:
            return False

    def _remember_damaged(self, identity: FileIdentity, problem: str) -> None:
        # Called under the lock, once per damaged file: the only time it is told.
        self._damaged[identity] = problem
        while len(self._damaged) > BAD_FILES_KEPT:
            self._damaged.popitem(last=False)
        self.report(self.path, problem, self._open is not None)

    def _give_back(self, opened: _OpenFile, cursor: duckdb.DuckDBPyConnection | None) -> None:
        with self._lock:
            opened.in_use -= 1
            if cursor is not None:
                opened.idle.append(cursor)
            if opened is not self._open:
                opened.close_if_unused()

    def _remember(self, key: tuple[object, ...], value: object) -> None:
        with self._lock:
            self._cache[key] = value
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)


def current_db() -> Database:
    """The database of the app serving the current request (set by create_app)."""
    return flask.current_app.config[CONFIG_KEY]
