"""Two dashboard replicas behind a real nginx, as docs/deployment.md sets them up.

On this machine (loopback only): a refresh publishes into a folder that nginx serves
as the refresh machine would; each replica runs ``python -m etl pull --every 1`` into
its own copy and serves it with ``python -m dashboard``; nginx balances the two. Users
send page loads through nginx all along, while (1) a new refresh is published, which
every replica must serve within FOLLOW_WITHIN_S, and (2) one replica is stopped, which
nginx must route around. No request may fail.
"""

from __future__ import annotations

import getpass
import http.client
import json
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from tests.dashboard.proxied import router_payload
from tests.etl.cli_run import run_refresh, tiny_raw
from tests.serving import PROJECT_ROOT, find_free_port, serving, stop_process

NGINX = os.environ.get("PLCNET_NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"
TEMPLATE = Path(__file__).with_name("replicas") / "nginx.conf"
DEPLOYMENT_DOC = PROJECT_ROOT / "docs" / "deployment.md"
# How soon after a refresh is published every replica must serve it: the pull loop
# asks every second, and a tiny database copies in well under one.
FOLLOW_WITHIN_S = 30
USERS = 4
PAGES = ("/", "/regions", "/network", "/plcs", "/data")
# Bounds on the load, so that it always stops by itself.
MOST_SECONDS = 240
PAUSE_S = 0.05


@dataclass
class Answer:
    sent_at: float
    status: int
    replica: str
    seconds: float


@dataclass
class Load:
    """Simulated users sending page loads through the balancer until told to stop."""

    port: int
    years: list[str]
    answers: list[Answer]
    stop: threading.Event

    def user(self, seed: int) -> None:
        pick = random.Random(seed)
        deadline = time.monotonic() + MOST_SECONDS
        while not self.stop.is_set() and time.monotonic() < deadline:
            path = pick.choice(PAGES)
            search = f"?year={pick.choice(self.years)}" if pick.random() < 0.7 else ""
            self.answers.append(self.send(router_payload(path, search), path + search))
            time.sleep(PAUSE_S)

    def send(self, payload: dict[str, object], referer: str) -> Answer:
        body = json.dumps(payload).encode()
        sent_at = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=90)
        try:
            connection.request(
                "POST",
                "/_dash-update-component",
                body=body,
                headers={"Content-Type": "application/json", "Referer": referer},
            )
            response = connection.getresponse()
            response.read()
            status, replica = response.status, response.getheader("X-Plcnet-Replica", "")
        except OSError:
            status, replica = 0, ""
        finally:
            connection.close()
        return Answer(sent_at, status, replica, time.monotonic() - sent_at)


def nginx_config(folder: Path, ports: dict[str, int], published: Path) -> Path:
    # As root, nginx would hand its workers to "nobody", who cannot write the test folder.
    user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in {"folder": folder, "published": published, "user": user, **ports}.items():
        text = text.replace("{" + name + "}", str(value))
    config = folder / "nginx.conf"
    config.write_text(text, encoding="utf-8")
    return config


@contextmanager
def running_nginx(config: Path, ports: list[int]) -> Iterator[None]:
    folder = config.parent
    log = (folder / "nginx.out").open("wb")
    process = subprocess.Popen(
        [NGINX, "-p", str(folder), "-c", str(config), "-e", str(folder / "error.log")],
        stdout=log,
        stderr=log,
    )
    try:
        wait_for_ports(ports, process, folder)
        yield
    finally:
        stop_process(process)
        log.close()


def wait_for_ports(ports: list[int], process: subprocess.Popen[bytes], folder: Path) -> None:
    deadline = time.monotonic() + 30
    waiting = set(ports)
    while waiting and time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nginx exited: {(folder / 'error.log').read_text()}")
        for port in list(waiting):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=2).connect()
                waiting.discard(port)
            except OSError:
                time.sleep(0.1)
    assert not waiting, f"nginx did not listen on {waiting}"


@contextmanager
def pulling(url: str, db: Path) -> Iterator[subprocess.Popen[bytes]]:
    """``python -m etl pull --from URL --db DB --every 1``, as a replica's timer would."""
    command = [sys.executable, "-m", "etl", "pull", "--from", url, "--db", str(db), "--every", "1"]
    log = db.with_name("pull.log").open("wb")
    process = subprocess.Popen(
        command,
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        stdout=log,
        stderr=log,
    )
    try:
        yield process
    finally:
        stop_process(process)
        log.close()


def refresh_id(port: int) -> str | None:
    """The refresh a replica serves, by its /readyz."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", "/readyz")
        response = connection.getresponse()
        body = response.read()
    except OSError:
        return None
    finally:
        connection.close()
    return json.loads(body)["refresh_id"] if response.status == 200 else None


def published_refresh_id(db: Path) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        sql = "SELECT run_id FROM etl_runs WHERE status = 'success' ORDER BY finished_at DESC"
        return con.execute(sql).fetchone()[0]


def wait_until(ready: Callable[[], bool], seconds: float) -> float:
    """Seconds until ``ready()`` is true, polling; fails after ``seconds``."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if ready():
            return time.monotonic() - started
        time.sleep(0.2)
    pytest.fail(f"not within {seconds} s")


def first_pull(url: str, db: Path) -> None:
    command = [sys.executable, "-m", "etl", "pull", "--from", url, "--db", str(db)]
    done = subprocess.run(
        command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Pulled refresh" in done.stdout


def test_two_replicas_behind_nginx_follow_a_refresh_and_survive_a_stopped_one(tmp_path):
    raw = tiny_raw(tmp_path)
    published = tmp_path / "published"
    published.mkdir()
    origin_db = published / "plcnet.duckdb"
    assert run_refresh(raw, origin_db).returncode == 0
    ports = {name: find_free_port() for name in ("origin_port", "balancer_port")}
    ports |= {"replica_a": find_free_port(), "replica_b": find_free_port()}
    lb_folder = tmp_path / "nginx"
    lb_folder.mkdir()
    config = nginx_config(lb_folder, ports, published)
    url = f"http://127.0.0.1:{ports['origin_port']}/plcnet.duckdb"
    replicas = {name: tmp_path / name / "plcnet.duckdb" for name in ("replica_a", "replica_b")}

    with ExitStack() as stack:
        stack.enter_context(running_nginx(config, [ports["origin_port"], ports["balancer_port"]]))
        served = {}
        for name, db in replicas.items():
            db.parent.mkdir()
            first_pull(url, db)
            stack.enter_context(pulling(url, db))
            args = ("--workers", "1", "--threads", "4")
            served[name] = stack.enter_context(
                serving(db, args=args, port=ports[name], ready_path="/readyz")
            )
        first_id = published_refresh_id(origin_db)
        assert {refresh_id(ports[name]) for name in replicas} == {first_id}

        with duckdb.connect(str(origin_db), read_only=True) as con:
            years = [row[0] for row in con.execute("SELECT year FROM academic_years").fetchall()]
        load = Load(ports["balancer_port"], years, [], threading.Event())
        users = [threading.Thread(target=load.user, args=(seed,)) for seed in range(USERS)]
        for user in users:
            user.start()
        try:
            time.sleep(5)
            # A new refresh of the same files: a new refresh id, published mid-load.
            assert run_refresh(raw, origin_db).returncode == 0
            second_id = published_refresh_id(origin_db)
            assert second_id != first_id
            followed = wait_until(
                lambda: {refresh_id(ports[n]) for n in replicas} == {second_id}, FOLLOW_WITHIN_S
            )
            time.sleep(3)
            stopped_at = time.monotonic()
            stop_process(served["replica_b"].process)
            time.sleep(8)
        finally:
            load.stop.set()
            for user in users:
                user.join(timeout=120)

    answers = load.answers
    failed = [a for a in answers if a.status != 200]
    assert answers and not failed, f"{len(failed)} of {len(answers)} requests failed: {failed[:5]}"
    address = {name: f"127.0.0.1:{ports[name]}" for name in replicas}
    before = {a.replica for a in answers if a.sent_at < stopped_at}
    assert before == set(address.values()), f"both replicas served before the stop: {before}"
    # Sent after the stop: every one answered by replica A (nginx tried B, found it gone,
    # and passed the request on within the same request).
    after = [a for a in answers if a.sent_at > stopped_at + 1]
    assert after, "no request was sent after the stop"
    assert {a.replica.split(", ")[-1] for a in after} == {address["replica_a"]}
    print(
        f"\n{len(answers)} requests, 0 failed; both replicas served {second_id} "
        f"{followed:.1f} s after it was published"
    )


def documented_block(name: str) -> list[str]:
    """The lines of the template's block marked ``as in docs/deployment.md: name``."""
    text = TEMPLATE.read_text(encoding="utf-8")
    block = re.search(rf"# as in docs/deployment.md: {name}\n(.*?)\n\s*# end", text, re.DOTALL)
    assert block, f"{TEMPLATE} has no block {name}"
    return [line.strip() for line in block.group(1).splitlines() if line.strip()]


def normalised(line: str) -> str:
    # The docs name real replicas where the test has its own ports.
    return re.sub(r"^server \S+", "server ADDRESS", line.strip())


@pytest.mark.parametrize("name", ["upstream", "location"])
def test_the_documented_balancer_is_the_one_tested(name):
    doc = {normalised(line) for line in DEPLOYMENT_DOC.read_text(encoding="utf-8").splitlines()}
    missing = [line for line in map(normalised, documented_block(name)) if line not in doc]
    assert missing == [], f"docs/deployment.md lacks these lines of the tested {name}: {missing}"
