"""Read the published DuckDB file, read-only, through the named SQL files in queries/
(or, for what SQL alone cannot do, a function given a read-only connection).

The ETL publishes a new database by renaming a complete file over the old one
(etl/publish.py). Each query first looks at the file's identity (device, inode,
modification time, size). The file of one identity is opened once and kept: opening
it costs about 20 ms, a cursor on the open file about 1 ms, and a page asks several
queries at a time. When a refresh swaps a new file in, the identity changes: the next
query opens the new file, and the old one is closed as soon as the queries still
running on it finish. Results are cached under the identity too, so the old cache
entries simply stop being asked for.

The file is attached to a private in-memory DuckDB rather than opened with
``duckdb.connect(path)``: DuckDB shares one instance per path within a process, and
a shared instance would keep serving the old file after the rename.

Every query and call is run for the user of the request (dashboard/scope.py): the
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

from dashboard.access import Scope, current_scope
from dashboard.scope import SET_SCOPE_SQL, check_query_scoped, scope_value

__all__ = [
    "QUERIES_DIR",
    "Database",
    "DatabaseMissingError",
    "apply_macros",
    "current_db",
    "read_query",
    "set_scope",
]

QUERIES_DIR = Path(__file__).resolve().parent / "queries"
CONFIG_KEY = "PLCNET_DATABASE"

Params = dict[str, object]
T = TypeVar("T")
FileIdentity = tuple[int, int, int, int]


class DatabaseMissingError(FileNotFoundError):
    """The published database file is not there (no refresh has run yet)."""


def read_query(name: str) -> str:
    """The text of ``queries/<name>.sql``."""
    path = QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise ValueError(f"no query named {name!r} in {QUERIES_DIR}")
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

    @classmethod
    def open(cls, path: Path, identity: FileIdentity) -> _OpenFile:
        instance = duckdb.connect(":memory:")
        instance.execute(f"ATTACH $path AS {ATTACHED} (READ_ONLY)", {"path": str(path)})
        return cls(identity, instance)

    def close_if_unused(self) -> None:
        """Close the instance once no query is running on it (a newer file replaced it)."""
        if self.in_use == 0:
            self.idle.clear()
            self.instance.close()

    def new_cursor(self) -> duckdb.DuckDBPyConnection:
        # USE and temporary macros belong to one connection; a cursor is one.
        cursor = self.instance.cursor()
        cursor.execute(f"USE {ATTACHED}")
        apply_macros(cursor)
        return cursor


@dataclass
class Database:
    """The published database at ``path``, queried by name with parameters."""

    path: Path
    cache_size: int = 256

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        # Frames of query() and results of call(), by file identity and request.
        self._cache: OrderedDict[tuple[object, ...], object] = OrderedDict()
        self._lock = threading.Lock()
        self._open: _OpenFile | None = None

    def identity(self) -> FileIdentity:
        """What changes when a refresh swaps a new file in."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError as error:
            raise DatabaseMissingError(f"no database at {self.path}") from error
        return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)

    def query(self, name: str, **params: object) -> pd.DataFrame:
        """Run ``queries/<name>.sql`` with named parameters (``$name`` in the SQL).

        Only the rows of the user's scope come back (the query's own scope macros); a
        query that uses none and is not listed as aggregate-only is refused. The frame
        returned is a copy: callers may change it freely.
        """
        scope = current_scope()
        before = self.identity()
        key = (before, scope.cache_key(), name, tuple(sorted(params.items())))
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached.copy()
        # Checked here, before it first runs: what is cached was checked.
        sql = read_query(name)
        check_query_scoped(name, sql)
        frame = self._run(sql, params, before, scope)
        # A swap between the stat and the open would file new data under the
        # old identity; only cache when the file stayed the same throughout.
        if self.identity() == before:
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
        before = self.identity()
        name = f"{function.__module__}.{function.__qualname__}"
        key = (before, scope.cache_key(), "call", name, tuple(sorted(params.items())))
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]  # type: ignore[return-value]
        with self._cursor(before, scope) as con:
            result = function(con, **params)
        if self.identity() == before:
            self._remember(key, result)
        return result

    def _run(self, sql: str, params: Params, identity: FileIdentity, scope: Scope) -> pd.DataFrame:
        with self._cursor(identity, scope) as con:
            return con.execute(sql, params).fetchdf()

    @contextmanager
    def _cursor(self, identity: FileIdentity, scope: Scope) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor on the file of ``identity``, set to ``scope``, given back for reuse
        afterwards."""
        with self._lock:
            opened = self._open_file(identity)
            cursor = opened.idle.pop() if opened.idle else None
            opened.in_use += 1
        try:
            if cursor is None:
                cursor = opened.new_cursor()
            # Set on every use: a cursor from the pool carries its last user's scope.
            set_scope(cursor, scope)
            yield cursor
        finally:
            self._give_back(opened, cursor)

    def _open_file(self, identity: FileIdentity) -> _OpenFile:
        # Called under the lock. A file replaced stays open for the queries still
        # running on it and closes when the last of them gives its cursor back.
        if self._open is None or self._open.identity != identity:
            replaced, self._open = self._open, _OpenFile.open(self.path, identity)
            if replaced is not None:
                replaced.close_if_unused()
        return self._open

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
