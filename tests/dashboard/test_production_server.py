"""The production server (gunicorn, dashboard/serve.py) as ``python -m dashboard`` starts it:
two worker processes on a free port, the pages, /healthz and /readyz, a refresh followed
by every worker, a missing database, no server banner; ``--dev`` for Werkzeug; and a
signed-in session good in every worker."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import pytest
import requests

from dashboard.__main__ import parse_args
from dashboard.core.headers import SERVER_NAME
from dashboard.serve import default_workers
from tests.idp.serving import SignInServed, sign_in
from tests.serving import PROJECT_ROOT, Served, serving

WORKERS = 2
# Fresh connections until every worker has answered: gunicorn's workers take turns
# at the shared socket as they please, so it takes a few.
MAX_ASKS = 400
BANNERS = ("gunicorn", "werkzeug", "python/")


def get(served: Served | SignInServed, path: str) -> http.client.HTTPResponse:
    """GET ``path`` on a new connection (so that any worker may take it), read."""
    connection = http.client.HTTPConnection(urlsplit(served.url).netloc, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    connection.close()
    return response


def own_error_head(served: Served) -> str:
    """The head of the server's own answer to a request with more headers than it reads."""
    host, port = urlsplit(served.url).netloc.split(":")
    many = b"".join(b"X-Header-%d: x\r\n" % i for i in range(120))
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: " + host.encode() + b"\r\n" + many + b"\r\n")
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer.decode("latin-1").split("\r\n\r\n", 1)[0]


def worker_pids(log: Path) -> set[str]:
    return set(re.findall(r"Booting worker with pid: (\d+)", log.read_text()))


def readyz_answers(served: Served) -> list[str]:
    """The worker (pid) that answered each /readyz, in order, from the access log."""
    return re.findall(r'"GET /readyz HTTP/1\.1" 200 .* pid=<(\d+)>', served.log.read_text())


def ask_until_every_worker_answered(served: Served, expected_run: str) -> None:
    """Ask /readyz on fresh connections until each worker has answered since this
    call; every answer must carry ``expected_run``."""
    pids = worker_pids(served.log)
    assert len(pids) == WORKERS, served.log.read_text()
    seen_before = len(readyz_answers(served))
    for _ in range(MAX_ASKS):
        response = get(served, "/readyz")
        assert response.status == 200, response.body
        assert json.loads(response.body)["refresh_id"] == expected_run
        answered = set(readyz_answers(served)[seen_before:])
        if answered >= pids:
            return
    pytest.fail(f"only workers {answered} of {pids} answered /readyz in {MAX_ASKS} requests")


def master_pid(log: Path) -> str:
    [pid] = re.findall(r"Listening at: \S+ \((\d+)\)", log.read_text())
    return pid


def files_open(pid: str) -> set[Path]:
    """What the process ``pid`` holds open (Linux: /proc/<pid>/fd)."""
    held = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            held.add(Path(os.readlink(fd)))
        except FileNotFoundError:  # closed while we looked: a socket or a pipe
            continue
    return held


def publish_copy_with_run(source: Path, published: Path, run_id: str) -> None:
    """Publish a copy of ``source`` whose latest refresh is ``run_id``, by an atomic
    rename over ``published``, as a refresh does (etl/publish.py)."""
    building = published.with_name(f".building-{run_id}.duckdb")
    shutil.copyfile(source, building)
    with duckdb.connect(str(building)) as con:
        con.execute(
            "update etl_runs set finished_at = now() + interval 1 day, run_id = $new "
            "where run_id = (select run_id from etl_runs where status = 'success' "
            "order by finished_at desc limit 1)",
            {"new": run_id},
        )
    os.replace(building, published)


def latest_run(db: Path) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        [(run,)] = con.execute(
            "select run_id from etl_runs where status = 'success' order by finished_at desc limit 1"
        ).fetchall()
    return run


@pytest.fixture(scope="module")
def published(overview_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("production") / "plcnet.duckdb"
    shutil.copyfile(overview_db_path, db)
    return db


@pytest.fixture(scope="module")
def served(published: Path) -> Iterator[Served]:
    """gunicorn with two workers of two threads on ``published``, on a free port."""
    args = ["--workers", str(WORKERS), "--threads", "2"]
    with serving(published, args=args) as running:
        yield running


@pytest.mark.parametrize("path", ["/", "/regions?lang=cy", "/_dash-layout", "/healthz", "/readyz"])
def test_gunicorn_serves_with_no_server_banner(served, path):
    response = get(served, path)
    assert response.status == 200
    assert response.headers.get_all("Server") == [SERVER_NAME]
    for name, value in response.headers.items():
        assert not any(banner in value.lower() for banner in BANNERS), (name, value)
    if path.startswith("/") and not path.startswith(("/_dash", "/healthz", "/readyz")):
        assert b"react-entry-point" in response.body


def test_it_is_gunicorn_with_the_workers_asked_for(served):
    log = served.log.read_text()
    assert "Starting gunicorn" in log and "Using worker: gthread" in log
    assert len(worker_pids(served.log)) == WORKERS
    assert "development server" not in log


def test_gunicorn_own_errors_name_no_server(served):
    head = own_error_head(served)
    assert head.startswith("HTTP/1.1 431 ")
    assert not any(banner in head.lower() for banner in (*BANNERS, "server:"))


def test_healthz_says_ok_and_readyz_gives_the_refresh_id(served, published):
    health = get(served, "/healthz")
    assert (health.status, health.body) == (200, b"ok")
    assert health.headers["Content-Type"].startswith("text/plain")
    ready = get(served, "/readyz")
    assert ready.status == 200
    assert json.loads(ready.body) == {"status": "ready", "refresh_id": latest_run(published)}


def test_every_worker_follows_a_refresh(served, published, overview_db_path):
    # Each worker has the file in service open before the refresh...
    ask_until_every_worker_answered(served, latest_run(published))
    # ...in its own DuckDB instance, opened after fork: the master holds no file of it.
    for pid in worker_pids(served.log):
        assert published in files_open(pid)
    assert published not in files_open(master_pid(served.log))
    publish_copy_with_run(overview_db_path, published, "20260101T000000-next")
    # ...and every one of them answers from the new file after it, with no restart.
    ask_until_every_worker_answered(served, "20260101T000000-next")
    assert get(served, "/").status == 200


def test_readyz_is_503_without_the_database_and_healthz_still_ok(
    served, published, overview_db_path
):
    kept = published.with_name("kept.duckdb")
    os.replace(published, kept)
    try:
        for _ in range(2 * WORKERS):
            missing = get(served, "/readyz")
            assert missing.status == 503
            assert missing.body == b"not ready: no published database"
            assert get(served, "/healthz").status == 200
    finally:
        os.replace(kept, published)
    assert get(served, "/readyz").status == 200
    # Published over with a file that is not a database: nothing good to serve.
    shutil.copyfile(published, kept)
    damaged = published.with_name("damaged.duckdb")
    damaged.write_bytes(b"not a database" * 1000)
    os.replace(damaged, published)
    try:
        fresh_worker_answers = {get(served, "/readyz").status for _ in range(2 * WORKERS)}
        # A worker that had the good file open keeps serving it (dashboard/core/db.py);
        # none answers 500.
        assert fresh_worker_answers <= {200, 503}
    finally:
        os.replace(kept, published)


def test_dev_starts_werkzeug_without_its_banner(published, tmp_path):
    db = tmp_path / "plcnet.duckdb"
    shutil.copyfile(published, db)
    with serving(db, args=["--dev"]) as dev:
        response = get(dev, "/readyz")
        assert response.status == 200
        assert response.headers.get_all("Server") == [SERVER_NAME]
        # Werkzeug's own answer (too many headers: the app never sees it) names nothing.
        head = own_error_head(dev)
        assert head.startswith("HTTP/1.1 431 ") and "Date:" in head
        assert not any(banner in head.lower() for banner in (*BANNERS, "server:"))
        log = dev.log.read_text()
    assert "gunicorn" not in log
    assert "development server" in log  # Werkzeug's own warning


def test_debug_needs_dev(published):
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "--db", str(published), "--debug"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "--debug works with --dev only" in result.stderr


def test_health_is_answered_without_sign_in_and_a_session_holds_in_every_worker(
    signin_served: SignInServed,
):
    assert get(signin_served, "/healthz").status == 200
    assert get(signin_served, "/readyz").status == 200
    # The pages themselves are not: they send the browser to sign in.
    assert get(signin_served, "/").status in {302, 303}
    http_session = requests.Session()
    assert sign_in(http_session, signin_served, "analyst").status_code == 200
    # Each request on a new connection, so that every worker reads the cookie: the
    # secret that signed it is the settings', the same in every worker.
    for _ in range(6 * WORKERS):
        layout = requests.get(
            f"{signin_served.url}/_dash-layout",
            cookies=http_session.cookies,
            allow_redirects=False,
            timeout=30,
        )
        assert layout.status_code == 200


def test_workers_and_threads_come_from_the_settings_and_the_command_line(monkeypatch):
    monkeypatch.delenv("PLCNET_WORKERS", raising=False)
    monkeypatch.delenv("PLCNET_THREADS", raising=False)
    defaults = parse_args([])
    assert (defaults.workers, defaults.threads, defaults.dev) == (default_workers(), 4, False)
    monkeypatch.setenv("PLCNET_WORKERS", "3")
    monkeypatch.setenv("PLCNET_THREADS", "2")
    assert (parse_args([]).workers, parse_args([]).threads) == (3, 2)
    assert parse_args(["--workers", "5", "--threads", "1"]).workers == 5


@pytest.mark.parametrize("option", ["--workers", "--threads", "--timeout"])
@pytest.mark.parametrize("value", ["0", "-1", "many"])
def test_a_count_below_one_is_refused(option, value, capsys):
    with pytest.raises(SystemExit) as stopped:
        parse_args([option, value])
    assert stopped.value.code == 2
    assert f"{value} is not a whole number of at least 1" in capsys.readouterr().err


def script_paths(index: bytes) -> list[str]:
    """The paths of the scripts a page's HTML asks for, Dash's own first."""
    return re.findall(r'data-src="(/_dash-component-suites/[^"]+)"', index.decode())


def test_a_fresh_worker_serves_a_burst_of_script_requests_whole(published):
    # A browser asks for a page's scripts all at once; on a fresh worker those requests
    # meet at its threads before it has answered anything. Each must be served, never
    # a 404 from a worker half set up (dashboard/serve.py, warm_up).
    args = ["--workers", str(WORKERS), "--threads", "4"]
    with serving(published, args=args) as fresh:
        scripts = script_paths(get(fresh, "/").body)
        assert len(scripts) > 5
        with ThreadPoolExecutor(max_workers=16) as pool:
            statuses = list(pool.map(lambda path: get(fresh, path).status, scripts * 4))
    assert statuses == [200] * len(scripts) * 4
