"""The load bench: many simulated users at once, replaying what a real browser sends.

1. **Capture.** Debian's Chromium (Playwright) opens the dashboard as an analyst
   would: for each page of SESSION_PAGES, the page itself, then a change of year, a
   change of consortium, and the first CSV download the page offers. Every request
   it sends to the server is kept, with its Referer (the dashboard reads the
   language from it): the page's HTML, ``/_dash-layout``, ``/_dash-dependencies``
   and each callback (``/_dash-update-component``). Scripts and styles are left
   out: a browser fetches them once and then caches them.
2. **Replay.** Each simulated user replays the captured session from start to end,
   again and again, with no pause (a closed loop: the hardest case for the server).
   On every pass each year in it is swapped for a year drawn at random, so users do
   not all ask for what the server has just cached.
3. **Levels.** 1, 10, 20 and 50 users for LEVEL_SECONDS each: requests a second,
   the 50th, 95th and 99th percentiles of each request's time, and errors (a status
   other than 200 or 204, Dash's "nothing to update", or no answer). Then 20 users
   while a real ``python -m etl refresh`` publishes a new database under the server:
   the same figures for the requests sent during the refresh, and apart those of the
   AFTER_SWAP_S seconds after it (on the new file). The refresh runs at ``nice 10``,
   as docs/deployment.md runs it on a machine that also serves.
4. **Processor time**: the server's (gunicorn's master and workers, from /proc) per
   request answered at each level, which a shared machine hardly moves.

All of it against ``python -m dashboard`` (gunicorn, its defaults) and, in the same
run, against ``python -m dashboard --dev`` (Flask's development server): the baseline.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import numpy as np

from tests.serving import PROJECT_ROOT, serving

__all__ = ["bench_load_levels"]

SESSION_PAGES = ("/", "/network", "/regions", "/plcs")
LEVELS = (1, 10, 20, 50)
LEVEL_SECONDS = 20
REFRESH_USERS = 20
REFRESH_NICE = 10
AFTER_SWAP_S = 5
SLOWEST_AT = 20  # the levels from which the slowest kinds of request are listed
TIMEOUT_S = 60
YEAR = re.compile(r"20\d\d/\d\d")
OK_STATUSES = (200, 204)
OURS, BASELINE = "gunicorn", "--dev (baseline)"
# The goals of issue 13, on a 2-core machine at Wales scale.
GOAL_P95_MS_20_USERS = 500
GOAL_RPS_50_USERS = 50
GOAL_P99_MS_REFRESH = 1000


@dataclass(frozen=True)
class Sent:
    """One request of the captured session."""

    method: str
    path: str
    body: str | None
    referer: str


@dataclass(frozen=True)
class Answered:
    sent_at: float
    seconds: float
    ok: bool
    kind: str


def kind_of(sent: Sent) -> str:
    """What a request is, for the table of the slowest: a path, or a callback's output."""
    if sent.body is None:
        return f"{sent.method} {urlsplit(sent.path).path}"
    output = json.loads(sent.body).get("output", "?")
    return "callback " + (output[:60] + "..." if len(output) > 60 else output)


@dataclass(frozen=True)
class Figures:
    requests: int
    per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    # The server's processor time per request answered: unlike the times above, hardly
    # moved by other work on a shared machine (only by what the server itself does).
    cpu_ms: float = float("nan")

    def line(self) -> str:
        return (
            f"{self.per_second:7.1f} req/s  p50 {self.p50_ms:6.0f} ms  p95 {self.p95_ms:6.0f} ms"
            f"  p99 {self.p99_ms:6.0f} ms  errors {self.errors}/{self.requests}"
            f"  cpu {self.cpu_ms:5.1f} ms/req"
        )


def server_cpu_seconds(pid: int) -> float:
    """The processor time (user and system) of process ``pid`` and its children (the
    gunicorn master's workers) so far, read from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a process that ended meanwhile
        own_pid = int(stat.parent.name)
        # After ")": state, ppid, ... utime and stime are the 12th and 13th.
        if own_pid == pid or int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def capture_session(url: str) -> list[Sent]:
    """The requests Chromium sends to ``url`` in one analyst's session (see above)."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS

    sent: list[Sent] = []

    def keep(request: object) -> None:
        path = urlsplit(request.url).path
        if request.url.startswith(url) and not path.startswith(("/assets/", "/_dash-component")):
            body = request.post_data if request.method == "POST" else None
            referer = request.headers.get("referer", url + "/")
            sent.append(Sent(request.method, request.url[len(url) :], body, referer))

    chromium = os.environ.get("PLCNET_CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("request", keep)
        for path in SESSION_PAGES:
            page.goto(url + path, wait_until="networkidle")
            key = "overview" if path == "/" else path.strip("/")
            for field in ("year", "consortium"):
                _choose_second(page, f"#{key}-{field}")
            buttons = page.locator("button[id$='-csv-button']")
            if buttons.count():
                buttons.first.click()
                page.wait_for_load_state("networkidle")
        browser.close()
    return [s for s in sent if not s.path.startswith("/_dash-component-suites")]


def _choose_second(page: object, selector: str) -> None:
    control = page.locator(selector)
    if not control.count():
        return
    control.click()
    options = page.get_by_role("option")
    if options.count() > 1:
        options.nth(1).click()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # the view callback answers after the network settles


class User:
    """One simulated user: replays the session in a loop on its own connection."""

    def __init__(self, url: str, session: Sequence[Sent], years: Sequence[str], seed: int) -> None:
        self.netloc = urlsplit(url).netloc
        self.session = session
        self.years = years
        self.pick = random.Random(seed)
        self.answered: list[Answered] = []

    def run(self, stop: threading.Event) -> None:
        connection = http.client.HTTPConnection(self.netloc, timeout=TIMEOUT_S)
        while not stop.is_set():
            swap = {year: self.pick.choice(self.years) for year in self.years}
            for sent in self.session:
                if stop.is_set():
                    break
                connection = self.send(connection, sent, swap)
        connection.close()

    def send(
        self, connection: http.client.HTTPConnection, sent: Sent, swap: dict[str, str]
    ) -> http.client.HTTPConnection:
        def swapped(text: str) -> str:
            return YEAR.sub(lambda m: swap.get(m.group(0), m.group(0)), text)

        headers = {"Referer": swapped(sent.referer)}
        body = None
        if sent.body is not None:
            body = swapped(sent.body).encode()
            headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        try:
            connection.request(sent.method, swapped(sent.path), body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            ok = response.status in OK_STATUSES
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        except (OSError, http.client.HTTPException):
            ok = False
            connection.close()
            connection = http.client.HTTPConnection(self.netloc, timeout=TIMEOUT_S)
        elapsed = time.perf_counter() - started
        self.answered.append(Answered(started, elapsed, ok, kind_of(sent)))
        return connection


def run_users(
    url: str,
    session: Sequence[Sent],
    years: Sequence[str],
    users: int,
    seconds: float,
    during: Callable[[], tuple[float, float]] | None = None,
    server_pid: int | None = None,
) -> Figures:
    """``users`` users for ``seconds`` (or while ``during`` runs: then only the requests
    sent between the two times it returns count); the processor time of the server
    ``server_pid`` meanwhile, per request."""
    cpu_before = server_cpu_seconds(server_pid) if server_pid else float("nan")
    stop = threading.Event()
    crowd = [User(url, session, years, seed) for seed in range(users)]
    threads = [threading.Thread(target=user.run, args=(stop,), daemon=True) for user in crowd]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    window = (started, started + seconds)
    if during is None:
        time.sleep(seconds)
    else:
        time.sleep(2)
        window = during()
        # The refresh ends as its new file is renamed in: the first requests on the new
        # file (each worker opens and checks it; its caches are cold) come just after.
        time.sleep(AFTER_SWAP_S)
    stop.set()
    for thread in threads:
        thread.join(timeout=TIMEOUT_S + 5)
    cpu = server_cpu_seconds(server_pid) - cpu_before if server_pid else float("nan")
    every = [a for user in crowd for a in user.answered]
    answered = [a for a in every if window[0] <= a.sent_at <= window[1]]
    if users >= SLOWEST_AT:
        print_slowest(answered)
    if during is not None:
        after = [a for a in every if window[1] < a.sent_at <= window[1] + AFTER_SWAP_S]
        print(f"        {AFTER_SWAP_S} s after the swap: {summarise(after, AFTER_SWAP_S).line()}")
    figures = summarise(answered, window[1] - window[0])
    return replace(figures, cpu_ms=cpu * 1000 / max(len(every), 1))


def print_slowest(answered: list[Answered], most: int = 6) -> None:
    """The kinds of request slowest at their 95th percentile: where to look first."""
    by_kind: dict[str, list[float]] = {}
    for answer in answered:
        by_kind.setdefault(answer.kind, []).append(answer.seconds * 1000)
    ranked = sorted(by_kind.items(), key=lambda item: -np.percentile(item[1], 95))
    for kind, times in ranked[:most]:
        print(f"        slowest: p95 {np.percentile(times, 95):6.0f} ms  n {len(times):4}  {kind}")


def summarise(answered: list[Answered], seconds: float) -> Figures:
    if not answered:
        return Figures(0, 0.0, float("nan"), float("nan"), float("nan"), 0)
    times = np.array([a.seconds for a in answered]) * 1000
    p50, p95, p99 = np.percentile(times, [50, 95, 99])
    errors = sum(not a.ok for a in answered)
    return Figures(len(answered), len(answered) / seconds, p50, p95, p99, errors)


def refresh_under(
    raw: Path, db: Path, reference: Path, key_file: Path
) -> Callable[[], tuple[float, float]]:
    """A real refresh of ``db`` from ``raw``; returns when it finished, with its times."""

    def run() -> tuple[float, float]:
        started = time.perf_counter()
        command = [
            sys.executable,
            "-m",
            "etl",
            "refresh",
            "--raw",
            str(raw),
            "--db",
            str(db),
            "--reference",
            str(reference),
            "--pseudonym-key-file",
            str(key_file),
            "--quiet",
            "--trigger",
            "bench",
        ]
        subprocess.run(
            command,
            preexec_fn=lambda: os.nice(REFRESH_NICE),
            cwd=PROJECT_ROOT,
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        )
        return started, time.perf_counter()

    return run


def list_years(db: Path) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return [
            row[0] for row in con.execute("SELECT year FROM academic_years ORDER BY 1").fetchall()
        ]


def bench_load_levels(
    db: Path,
    raw: Path,
    reference: Path,
    key_file: Path,
    seconds: float = LEVEL_SECONDS,
    port: int | None = None,
    baseline: bool = True,
) -> bool:
    """The load table for ``db`` (see the module's text), served on ``port`` (a free one
    by default), beside the development server unless not ``baseline``; whether the
    goals are met."""
    years = list_years(db)
    results: dict[tuple[str, str], Figures] = {}
    session: list[Sent] = []
    servers = ((OURS, ()), (BASELINE, ("--dev",)))[: 2 if baseline else 1]
    for server, args in servers:
        with serving(db, args=args, ready_path="/readyz", port=port) as served:
            # One capture, replayed against both servers: the same work for each.
            session = session or capture_session(served.url)
            print(f"  load, {server}: a session of {len(session)} requests, replayed")
            for users in LEVELS:
                pid = served.process.pid if served.process else None
                figures = run_users(served.url, session, years, users, seconds, server_pid=pid)
                results[(server, str(users))] = figures
                print(f"    {users:>3} users              {figures.line()}  {load_average()}")
            during = refresh_under(raw, db, reference, key_file)
            figures = run_users(
                served.url, session, years, REFRESH_USERS, 0, during, server_pid=pid
            )
            results[(server, "refresh")] = figures
            print(f"    {REFRESH_USERS:>3} users, refresh    {figures.line()}  {load_average()}")
    return report_goals(results, baseline)


def load_average() -> str:
    """The machine's load average over the last minute: how shared it was meanwhile."""
    return f"load {os.getloadavg()[0]:.1f}"


def report_goals(results: dict[tuple[str, str], Figures], baseline: bool = True) -> bool:
    ours, base = OURS, BASELINE
    for level in (*map(str, LEVELS), "refresh") if baseline else ():
        a, b = results[(ours, level)], results[(base, level)]
        ratio = a.per_second / b.per_second if b.per_second else float("nan")
        print(
            f"    {level:>7}: gunicorn/baseline requests a second {ratio:5.2f}x, "
            f"p95 {a.p95_ms:.0f} vs {b.p95_ms:.0f} ms"
        )
    checks = {
        f"20 users p95 < {GOAL_P95_MS_20_USERS} ms": results[(ours, "20")].p95_ms
        < GOAL_P95_MS_20_USERS,
        f"50 users >= {GOAL_RPS_50_USERS} req/s": results[(ours, "50")].per_second
        >= GOAL_RPS_50_USERS,
        "0 errors": all(f.errors == 0 for (server, _), f in results.items() if server == ours),
        f"p99 during a refresh < {GOAL_P99_MS_REFRESH} ms": results[(ours, "refresh")].p99_ms
        < GOAL_P99_MS_REFRESH,
    }
    for goal, met in checks.items():
        print(f"    goal {goal}: {'met' if met else 'NOT met'}")
    return all(checks.values())
