"""Bring the published database to a dashboard replica: ``python -m etl pull``.

The refresh stays one writer on one machine; it publishes one file. A replica (a
machine that only serves the dashboard) fetches that file over HTTP(S) from wherever
the refresh machine exposes its folder (nginx, an object store), checks it, and swaps
it in for its own copy atomically, as the refresh itself publishes
(``etl.publish.publish``). The dashboard's workers then follow it as they follow a
refresh: by the file's identity (dashboard/core/db.py).

Why a pull and not a shared volume: each replica reads its own local disk (DuckDB on a
network file system is neither fast nor safe to lock), a replica keeps serving its last
good copy when the refresh machine is away, and nothing but plain HTTP joins them.

The pull is conditional (``If-None-Match`` with the ``ETag`` of the copy in service):
an unchanged file costs one short request, so a timer can ask every minute. A file that
arrives short, or that is not a complete plcnet database, is refused and removed; the
copy in service stays. The run log published beside the database (the sources page
shows it) is fetched after it, when the origin has one.
"""

from __future__ import annotations

import json
import os
import shutil
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPResponse
from pathlib import Path
from urllib.parse import urlsplit

import duckdb

from etl.publish import disk_full_error, publish, remove_partial, run_log_path

__all__ = ["OriginUnreachableError", "PullRefusedError", "Pulled", "pull"]

CHUNK = 1 << 20
TIMEOUT_S = 60


class PullRefusedError(Exception):
    """What the origin sent cannot be served; the copy in service stays."""


class OriginUnreachableError(Exception):
    """The origin did not answer, or answered with an error; the copy in service stays."""


@dataclass(frozen=True)
class Pulled:
    """What a pull did: ``changed`` when a new file was swapped in."""

    changed: bool
    run_id: str | None


def pull(source: str, db_path: Path, timeout: float = TIMEOUT_S) -> Pulled:
    """Fetch ``source`` (an http or https URL) into ``db_path`` if it changed."""
    _check_url(source)
    state = _read_state(db_path)
    response = _open(source, _conditional_headers(state, source, db_path), timeout)
    if response is None:  # 304: the copy in service is the origin's
        return Pulled(changed=False, run_id=state.get("run_id"))
    partial = db_path.with_name(f".{db_path.name}.pulling")
    try:
        _download(response, partial, source)
        run_id = published_run_id(partial, source)
        publish(partial, db_path)
    except BaseException as error:
        remove_partial(partial)
        full = disk_full_error(error, db_path)
        if full is not None:
            raise full from error
        raise
    _write_state(db_path, {**_validators(response), "run_id": run_id, "source": source})
    _pull_run_log(source, db_path, timeout)
    return Pulled(changed=True, run_id=run_id)


def _check_url(source: str) -> None:
    # urllib would also open file: and ftp: URLs; a replica pulls over HTTP(S) only.
    if urlsplit(source).scheme not in ("http", "https"):
        raise PullRefusedError(
            f"{source} is not an http or https URL; give the published file's URL."
        )


def _open(source: str, headers: dict[str, str], timeout: float) -> HTTPResponse | None:
    request = urllib.request.Request(source, headers=headers)
    try:
        return urllib.request.urlopen(request, timeout=timeout)  # the scheme was checked above
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return None
        raise OriginUnreachableError(f"{source} answered {error.code} {error.reason}.") from error
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise OriginUnreachableError(f"{source} could not be reached ({reason}).") from error


def _download(response: HTTPResponse, partial: Path, source: str) -> None:
    expected = response.headers.get("Content-Length")
    with response, partial.open("wb") as out:
        shutil.copyfileobj(response, out, CHUNK)
        out.flush()
        os.fsync(out.fileno())
    got = partial.stat().st_size
    if expected is not None and got != int(expected):
        raise PullRefusedError(
            f"{source} arrived short ({got:,} of {int(expected):,} bytes); the pull is retried "
            "on the next run and the copy in service stays."
        )


def published_run_id(path: Path, source: str) -> str:
    """The refresh that published ``path``; refuses a file that is not a complete plcnet
    database (every published table present, a successful refresh recorded)."""
    from etl.refresh import PUBLISHED_TABLES  # the refresh's imports are heavy

    try:
        with duckdb.connect(str(path), read_only=True) as con:
            tables = {
                row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
            }
            missing = [name for name in (*PUBLISHED_TABLES, "etl_runs") if name not in tables]
            if missing:
                raise PullRefusedError(
                    f"{source} is not a complete plcnet database (no table {missing[0]}); "
                    "point the pull at the file the refresh publishes."
                )
            row = con.execute(
                "SELECT run_id FROM etl_runs WHERE status = 'success' "
                "ORDER BY finished_at DESC LIMIT 1"
            ).fetchone()
    except duckdb.Error as error:
        raise PullRefusedError(
            f"{source} is not a DuckDB database that opens ({error})."
        ) from error
    if row is None:
        raise PullRefusedError(f"{source} records no successful refresh; it is not served.")
    return str(row[0])


def _pull_run_log(source: str, db_path: Path, timeout: float) -> None:
    # The run log is a small text file beside the database; an origin without one is fine.
    log_url = source.rsplit("/", 1)[0] + "/" + run_log_path(Path(urlsplit(source).path)).name
    try:
        response = _open(log_url, {}, timeout)
    except OriginUnreachableError:
        return
    if response is None:
        return
    target = run_log_path(db_path)
    partial = target.with_name(f".{target.name}.pulling")
    _download(response, partial, log_url)
    os.replace(partial, target)


def _state_path(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.name}.pulled.json")


def _read_state(db_path: Path) -> dict[str, str]:
    try:
        return json.loads(_state_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_state(db_path: Path, state: dict[str, str | None]) -> None:
    path = _state_path(db_path)
    partial = path.with_name(f".{path.name}.writing")
    partial.write_text(json.dumps(state), encoding="utf-8")
    os.replace(partial, path)


def _conditional_headers(state: dict[str, str], source: str, db_path: Path) -> dict[str, str]:
    # Without the file itself, a remembered ETag means nothing: fetch it whole. Nor does
    # one remembered from another URL: a date or tag from one file says nothing of another.
    if not db_path.is_file() or state.get("source") != source:
        return {}
    headers = {}
    if state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state.get("last_modified"):
        headers["If-Modified-Since"] = state["last_modified"]
    return headers


def _validators(response: HTTPResponse) -> dict[str, str | None]:
    return {
        "etag": response.headers.get("ETag"),
        "last_modified": response.headers.get("Last-Modified"),
    }
