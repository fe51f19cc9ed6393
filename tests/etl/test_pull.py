"""``python -m etl pull``: a replica fetches the published database over HTTP, only when
it changed, and never swaps in a file that is not a complete plcnet database."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from etl import cli
from etl.publish import run_log_path
from tests.etl.cli_run import run_refresh, sha256, tiny_raw
from tests.serving import find_free_port


@pytest.fixture(scope="module")
def origin(tmp_path_factory) -> Path:
    """A folder holding a published database and its run log, as a refresh leaves it."""
    folder = tmp_path_factory.mktemp("origin")
    done = run_refresh(tiny_raw(folder), folder / "plcnet.duckdb")
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture
def served(origin: Path) -> Iterator[str]:
    """``origin`` over HTTP (Python's own file server: Last-Modified, 304s)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(origin))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", find_free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def pull(url: str, db: Path) -> int:
    return cli.main(["pull", "--from", url, "--db", str(db)])


def test_a_pull_copies_the_published_file_and_its_run_log_then_asks_only(
    origin, served, tmp_path, capsys
):
    db = tmp_path / "plcnet.duckdb"
    assert pull(f"{served}/plcnet.duckdb", db) == cli.EXIT_OK
    assert sha256(db) == sha256(origin / "plcnet.duckdb")
    assert run_log_path(db).read_bytes() == run_log_path(origin / "plcnet.duckdb").read_bytes()
    assert "Pulled refresh" in capsys.readouterr().out
    identity = db.stat().st_ino
    assert pull(f"{served}/plcnet.duckdb", db) == cli.EXIT_OK
    # Unchanged at the origin: the origin said 304, nothing was swapped or said.
    assert db.stat().st_ino == identity
    assert capsys.readouterr().out == ""


def test_a_file_that_is_not_a_plcnet_database_is_refused_and_the_copy_in_service_stays(
    origin, served, tmp_path, capsys
):
    db = tmp_path / "plcnet.duckdb"
    assert pull(f"{served}/plcnet.duckdb", db) == cli.EXIT_OK
    before = sha256(db)
    (origin / "notes.txt").write_text("not a database\n", encoding="utf-8")
    with duckdb.connect(str(origin / "empty.duckdb")) as con:
        con.execute("CREATE TABLE etl_runs (run_id VARCHAR)")
    # Older than the copy in service: the validators remembered from plcnet.duckdb must not
    # make another URL answer 304 (they are the copy's, not these files').
    for name in ("notes.txt", "empty.duckdb"):
        os.utime(origin / name, (946_684_800, 946_684_800))
    for name, words in (("notes.txt", "not a DuckDB database"), ("empty.duckdb", "no table")):
        capsys.readouterr()
        assert pull(f"{served}/{name}", db) == cli.EXIT_REFUSED
        error = capsys.readouterr().err
        assert words in error and "was not changed" in error
        assert sha256(db) == before
        assert not list(tmp_path.glob(".*pulling")), "a refused file was left behind"


def test_an_origin_that_does_not_answer_is_said_plainly(tmp_path, capsys):
    closed = f"http://127.0.0.1:{find_free_port()}/plcnet.duckdb"
    assert pull(closed, tmp_path / "plcnet.duckdb") == cli.EXIT_UNREACHABLE
    assert "could not be reached" in capsys.readouterr().err


def test_a_missing_file_at_the_origin_is_its_status(served, tmp_path, capsys):
    assert pull(f"{served}/absent.duckdb", tmp_path / "plcnet.duckdb") == cli.EXIT_UNREACHABLE
    assert "answered 404" in capsys.readouterr().err


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/plcnet.duckdb"])
def test_only_http_urls_are_pulled(url, tmp_path, capsys):
    assert pull(url, tmp_path / "plcnet.duckdb") == cli.EXIT_REFUSED
    assert "not an http or https URL" in capsys.readouterr().err
    assert not (tmp_path / "plcnet.duckdb").exists()
