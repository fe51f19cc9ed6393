"""A running dashboard follows each newly published database, without a restart
and without one failed request during the swaps.

The real server (``python -m dashboard``) serves a database built by the real
refresh; another process refreshes it nine times, alternating between two input
folders whose numbers differ, while this test keeps requesting the page, its
layout (which reads the refresh in service) and the overview's callbacks.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from dashboard.core.parts import outputs_of
from dashboard.pages.overview.layout import OverviewParts
from etl.refresh import refresh
from tests.dashboard.proxied import router_payload
from tests.serving import PROJECT_ROOT, serving, stop_process

REFERENCE_DIR = PROJECT_ROOT / "data" / "reference"
TINY = PROJECT_ROOT / "tests" / "data" / "raw_tiny"
REFRESHES = 9  # B, A, B, ... B: each swaps the figures shown
MAX_REQUESTS = 300
MAX_SECONDS = 120  # a deadline, not a goal: 40 s ran out on a loaded machine
ROUND_PAUSE = 0.5  # seconds between one user's rounds
PER_USER = MAX_REQUESTS // 2 - 4  # two users; the last round after the refreshes

# In folder B school 6602131 (Isle of Anglesey) is replaced in PLC P1 by 6612000
# (Gwynedd): the same rows, so no table shrinks, but in 2016/17 the one tie of
# the network crosses LA lines, and the overview's headline figures change.
SWAP = ("P1,6602131,", "P1,6612000,")
YEAR = "2016/17"

# The refresher: one process that says when it is ready, waits for the word, then
# runs the refreshes back to back, printing each run id once published.
REFRESHER = """
import sys
from pathlib import Path
from etl.refresh import refresh
db, reference, *folders = map(Path, sys.argv[1:])
print("ready", flush=True)
sys.stdin.readline()
for raw in folders:
    result = refresh(raw, db, reference, progress=lambda line: None)
    print(result.run_id, raw.name, flush=True)
"""

PAGES_CALLBACK = router_payload("/")
# What the overview's view callback returns (dashboard/core/views.py): the URL and the
# filter bar, then the page's parts, as the page declares them.
OVERVIEW_OUTPUTS = [
    ("overview-url", "search"),
    ("overview-year", "value"),
    ("overview-consortium", "value"),
    ("overview-la", "value"),
    ("overview-sector", "value"),
    ("overview-medium", "value"),
    ("overview-la", "options"),
    *((o.component_id, o.component_property) for o in outputs_of(OverviewParts)),
]
OVERVIEW_CALLBACK = {
    "output": "..{}..".format("...".join(f"{i}.{p}" for i, p in OVERVIEW_OUTPUTS)),
    "outputs": [{"id": i, "property": p} for i, p in OVERVIEW_OUTPUTS],
    "inputs": [
        {"id": "overview-url", "property": "search", "value": ""},
        {"id": "overview-year", "property": "value", "value": YEAR},
        {"id": "overview-consortium", "property": "value", "value": None},
        {"id": "overview-la", "property": "value", "value": None},
        {"id": "overview-sector", "property": "value", "value": None},
        {"id": "overview-medium", "property": "value", "value": None},
    ],
    "changedPropIds": ["overview-year.value"],
    "state": [{"id": "overview-url", "property": "pathname", "value": "/"}],
}


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def _post(url: str, payload: dict) -> tuple[int, bytes]:
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read()


def _find(component: object, wanted: str) -> object:
    """The ``children`` of the component with id ``wanted`` in a Dash JSON tree."""
    if isinstance(component, dict):
        props = component.get("props", {})
        if props.get("id") == wanted:
            return props.get("children")
        children = props.get("children") if "props" in component else list(component.values())
        return _find(children, wanted)
    if isinstance(component, list):
        for child in component:
            found = _find(child, wanted)
            if found is not None:
                return found
    return None


def _headline_values(component: object) -> tuple[str, ...]:
    """The figures shown in the headline cards, in order."""
    if isinstance(component, list):
        return tuple(v for child in component for v in _headline_values(child))
    if not isinstance(component, dict):
        return ()
    props = component.get("props", {})
    if props.get("className") == "headline-value":
        return (str(props.get("children")),)
    return _headline_values(props.get("children"))


def _run_id_in(as_at: str) -> str:
    # "Data as at 23 November 2026 10:51 · refresh 20261123T105149Z-7bb264"
    assert "refresh " in as_at, as_at
    return as_at.rsplit("refresh ", 1)[1].strip()


class Client:
    """Requests to the dashboard, each checked: HTTP 200 and no error in the payload."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.count = 0
        self.failures: list[str] = []

    def _call(self, what: str, send) -> dict | None:
        self.count += 1
        try:
            status, body = send()
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            self.failures.append(f"{what}: {error}")
            return None
        if status != 200:
            self.failures.append(f"{what}: HTTP {status}")
            return None
        return {"body": body}

    def page(self) -> None:
        answer = self._call("GET /", lambda: _get(self.url + "/"))
        if answer is not None and b'id="react-entry-point"' not in answer["body"]:
            self.failures.append("GET /: not the app's page")

    def as_at(self) -> str | None:
        """The run id the layout says is in service."""
        answer = self._call("GET /_dash-layout", lambda: _get(self.url + "/_dash-layout"))
        if answer is None:
            return None
        text = _find(json.loads(answer["body"]), "shell-as-at")
        if not isinstance(text, str) or "refresh " not in text:
            self.failures.append(f"GET /_dash-layout: no refresh in service ({text!r})")
            return None
        return _run_id_in(text)

    def callback(self, name: str, payload: dict, component: str) -> tuple[str, ...] | None:
        """Run a callback; the headline figures in the ``component`` it returns."""
        update = self.url + "/_dash-update-component"
        answer = self._call(f"POST {name}", lambda: _post(update, payload))
        if answer is None:
            return None
        reply = json.loads(answer["body"]).get("response", {})
        # A callback's reply is keyed by output id; the page content is a tree.
        found = reply[component]["children"] if component in reply else _find(reply, component)
        if found is None:
            self.failures.append(f"POST {name}: no {component} in {answer['body'][:300]!r}")
            return None
        values = _headline_values(found)
        if len(values) != 4:
            self.failures.append(f"POST {name}: headline figures {values}")
            return None
        return values

    def round(self) -> tuple[str | None, tuple[str, ...] | None]:
        """One user's page load and year change: the run in service and the figures."""
        self.page()
        run_id = self.as_at()
        self.callback("page content", PAGES_CALLBACK, "overview-headlines")
        headlines = self.callback("overview", OVERVIEW_CALLBACK, "overview-headlines")
        return run_id, headlines


@pytest.fixture
def folders(tmp_path):
    """Two input folders, A (the tiny files) and B (the same with one school moved)."""
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(TINY, a)
    shutil.copytree(TINY, b)
    memberships = b / "plc_memberships.csv"
    text = memberships.read_text(encoding="utf-8")
    assert text.count(SWAP[0]) == 1
    memberships.write_text(text.replace(*SWAP), encoding="utf-8")
    return a, b


@pytest.fixture
def server(tmp_path, folders):
    """The dashboard served by its own command on a database the refresh published."""
    db = tmp_path / "plcnet.duckdb"
    first = refresh(folders[0], db, REFERENCE_DIR, progress=lambda line: None)
    with serving(db) as served:
        yield served.url, db, first.run_id, served.log


def test_dashboard_follows_refreshes_without_a_failed_request(server, folders):
    url, db, first_run, log = server
    a, b = folders
    user, other = Client(url), Client(url)
    order = [b if i % 2 == 0 else a for i in range(REFRESHES)]
    command = [sys.executable, "-c", REFRESHER, str(db), str(REFERENCE_DIR), *map(str, order)]
    refresher = subprocess.Popen(
        command,
        cwd=PROJECT_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    stop = threading.Event()
    # A second user at the same time, on the server's other threads.
    other_thread = threading.Thread(target=_keep_requesting, args=(other, stop), daemon=True)
    seen: list[tuple[str, tuple[str, ...]]] = []  # (run, figures) as each round saw them
    try:
        # Before: the first run is in service, with folder A's figures for 2016/17:
        # schools in PLCs, active PLCs, ties crossing LA lines, isolated schools.
        run_id, figures_a = user.round()
        assert user.failures == []
        assert run_id == first_run
        assert figures_a == ("2", "2", "0.0%", "1,496")

        assert refresher.stdout.readline() == "ready\n", refresher.stderr.read()
        refresher.stdin.write("go\n")
        refresher.stdin.flush()
        other_thread.start()
        deadline = time.monotonic() + MAX_SECONDS
        while refresher.poll() is None and time.monotonic() < deadline:
            if user.count + 4 > PER_USER:
                time.sleep(0.05)  # the request budget is spent; let the refreshes end
                continue
            run_id, figures = user.round()
            if run_id is not None and figures is not None:
                seen.append((run_id, figures))
            # Paced, so that the request budget lasts across the refreshes, however
            # quickly the server answers.
            time.sleep(ROUND_PAUSE)
        published, errors = refresher.communicate(timeout=max(deadline - time.monotonic(), 1))
    finally:
        stop.set()
        if other_thread.is_alive():
            other_thread.join(timeout=30)
        stop_process(refresher)
    assert refresher.returncode == 0, errors
    runs = [line.split()[0] for line in published.splitlines()]
    assert len(runs) == REFRESHES, published

    # After: the last run is in service, with folder B's figures, and no restart.
    run_id, figures_b = user.round()
    failures = user.failures + other.failures
    requests = user.count + other.count
    server_log = log.read_text(encoding="utf-8", errors="replace")
    assert failures == [], f"{len(failures)} of {requests} requests failed:\n" + (
        "\n".join(failures[:10]) + f"\nserver log:\n{server_log[-3000:]}"
    )
    assert "Traceback" not in server_log, server_log[-3000:]
    assert requests <= MAX_REQUESTS
    assert run_id == runs[-1], "the dashboard is not serving the last published run"
    assert figures_b == ("2", "2", "100.0%", "1,496"), "folder B's tie crosses LA lines"

    # Each round saw a published run, never going back to an older one, and its figures.
    order_of = {run: i for i, run in enumerate([first_run, *runs])}
    assert all(run in order_of for run, _ in seen), seen
    indexes = [order_of[run] for run, _ in seen]
    assert indexes == sorted(indexes), f"a request was served an older database: {indexes}"
    assert len(set(indexes)) >= 3, f"the rounds saw only runs {sorted(set(indexes))}"
    assert {figures for _, figures in seen} <= {figures_a, figures_b}


def _keep_requesting(client: Client, stop: threading.Event) -> None:
    while not stop.is_set() and client.count + 2 <= PER_USER:
        try:
            client.as_at()
            client.callback("overview", OVERVIEW_CALLBACK, "overview-headlines")
        except Exception as error:  # a reply that is not even JSON: a failure, not a dead thread
            client.failures.append(f"unexpected reply: {error!r}")
