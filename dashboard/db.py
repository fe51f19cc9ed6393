"""Read the published DuckDB file, read-only, through the named SQL files in queries/
(or, for what SQL alone cannot do, a function given a read-only connection).

The ETL publishes a new database by renaming a complete file over the old one
(etl/publish.py). So no connection is kept: each query opens the file as it is
now, and results are cached under the file's identity (inode, modification
time, size). After a refresh the identity changes and the next query reads the
new file; the old cache entries simply stop being asked for.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import duckdb
import flask
import pandas as pd

__all__ = [
    "QUERIES_DIR",
    "Database",
    "DatabaseMissingError",
    "apply_macros",
    "current_db",
    "read_query",
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

    def identity(self) -> FileIdentity:
        """What changes when a refresh swaps a new file in."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError as error:
            raise DatabaseMissingError(f"no database at {self.path}") from error
        return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)

    def query(self, name: str, **params: object) -> pd.DataFrame:
        """Run ``queries/<name>.sql`` with named parameters (``$name`` in the SQL).

        The frame returned is a copy: callers may change it freely.
        """
        before = self.identity()
        key = (before, name, tuple(sorted(params.items())))
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached.copy()
        frame = self._run(read_query(name), params)
        # A swap between the stat and the open would file new data under the
        # old identity; only cache when the file stayed the same throughout.
        if self.identity() == before:
            self._remember(key, frame)
        return frame.copy()

    def call(self, function: Callable[..., T], **params: Hashable) -> T:
        """``function(con, **params)`` on a read-only connection to the file as it is now
        (macros applied), for work one SQL file cannot do alone, such as measuring a
        subgraph (etl.network.subgraph.measure_subgraph).

        The result is cached like a query's, under the file's identity, the function
        and the parameters; it is shared by every caller that asks the same, so do
        not change it.
        """
        before = self.identity()
        name = f"{function.__module__}.{function.__qualname__}"
        key = (before, "call", name, tuple(sorted(params.items())))
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]  # type: ignore[return-value]
        con = duckdb.connect(str(self.path), read_only=True)
        try:
            apply_macros(con)
            result = function(con, **params)
        finally:
            con.close()
        if self.identity() == before:
            self._remember(key, result)
        return result

    def _run(self, sql: str, params: Params) -> pd.DataFrame:
        con = duckdb.connect(str(self.path), read_only=True)
        try:
            apply_macros(con)
            return con.execute(sql, params).fetchdf()
        finally:
            con.close()

    def _remember(self, key: tuple[object, ...], value: object) -> None:
        with self._lock:
            self._cache[key] = value
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)


def current_db() -> Database:
    """The database of the app serving the current request (set by create_app)."""
    return flask.current_app.config[CONFIG_KEY]
