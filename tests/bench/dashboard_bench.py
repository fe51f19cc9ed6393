"""The dashboard bench: every registered page, served by ``python -m dashboard``.

For each page of ``dash.page_registry`` (pages with a path variable get a sample
school or PLC from the database), it reports:

- **first render**: what the browser asks for to draw the page, over HTTP: the
  page's HTML, ``/_dash-layout``, ``/_dash-dependencies``, the router callback
  that returns the page's layout, and the callbacks the page's components fire
  when they mount (a ``dcc.Location`` reports its URL; callbacks without
  ``prevent_initial_call``). It is the server's share of a first render: the
  browser's own work (parsing scripts, drawing figures) is not in it. The
  scripts and styles the browser fetches once (then caches) are reported apart.
- **each callback** of the page, on its own, over a scripted series of changes
  (a chain, where one callback's output is another's input, is timed link by
  link, not end to end; replies 204, PreventUpdate, are counted): every option
  of each dropdown that is an input (up to MAX_OPTIONS, spread over the list;
  clearing it too when it is set), one change at a time from the page's view;
  each button that is an input (CSV downloads) clicked once in each of up to
  MAX_CLICK_VIEWS of the views the series produced; any other input sent once
  with the page's values. Median and 95th percentile of the HTTP round trip.
- **the floor**: the same queries run directly in DuckDB. The bench replays each
  request in its own process on the same database, records which named queries
  (``Database.query``) it runs, and times each query (best of FLOOR_REPEAT) on a
  read-only connection with the macros applied. A query counts only the first
  time the series meets it, as the served dashboard caches it after that; the
  queries of every page's default view count under none, as Dash runs them on
  its first request (it builds a validation layout from every page), so a first
  render of the default view finds them cached.
- **CPU**: the same replay in this process is timed by ``time.process_time`` (every
  thread of the process: Python and DuckDB's), the cost of each callback whatever
  else shares the machine, where the round trip grows with the load average.
- **bytes**: the first render's bytes (HTML and JSON) and the largest callback
  reply, against the page budget.

Callbacks are found generically from ``/_dash-dependencies`` and the ids in the
page's layout, so pages added later are benched without changes here.
Pattern-matching callbacks (dict ids) are listed but not scripted.
"""

from __future__ import annotations

import json
import os
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import dash
import duckdb
import numpy as np

from dashboard.access.users import OPEN_USER, acting_as
from dashboard.core.db import CONFIG_KEY, Database, apply_macros, read_query, set_scope
from tests.serving import serving

__all__ = [
    "FIRST_RENDER_GOAL_S",
    "PAGE_BYTES_GOAL",
    "Dependency",
    "PageTarget",
    "Step",
    "bench_dashboard",
    "build_payload",
    "find_samples",
    "list_page_targets",
    "plan_steps",
    "read_components",
]

FIRST_RENDER_GOAL_S = 2.0
PAGE_BYTES_GOAL = 3 * 1024 * 1024
MAX_OPTIONS = 8  # options tried per dropdown, spread over its list
MAX_CLICK_VIEWS = 6  # views in which each button is clicked
FLOOR_REPEAT = 3
TIMEOUT_S = 60
ROUTER_CONTENT = "_pages_content"
ROUTER_NAME = "router: the page's layout (first render)"
LOCATION_PROPS = ("pathname", "search", "href", "hash")

Key = tuple[str, str]  # (component id, property)


@dataclass(frozen=True)
class PageTarget:
    """A page to bench: its registry module, template and the concrete path asked for."""

    module: str
    template: str
    path: str


@dataclass(frozen=True)
class Dependency:
    """One server-side callback as ``/_dash-dependencies`` lists it."""

    output: str
    outputs: tuple[Key, ...]
    inputs: tuple[Key, ...]
    state: tuple[Key, ...]
    prevent_initial_call: bool

    @property
    def name(self) -> str:
        first = ".".join(self.outputs[0])
        more = f" (+{len(self.outputs) - 1} outputs)" if len(self.outputs) > 1 else ""
        return first + more


@dataclass(frozen=True)
class Step:
    """One scripted request: the values of the inputs changed, and which they are."""

    changes: tuple[tuple[Key, object], ...]
    label: str


@dataclass
class Timing:
    """The requests of one callback (or of a first render)."""

    seconds: list[float] = field(default_factory=list)
    floors: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # process CPU of the in-process replay
    bytes: list[int] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    no_update: int = 0  # replies 204: the callback raised PreventUpdate


# ---------------------------------------------------------------- discovery


def _fill_template(template: str, samples: Mapping[str, str]) -> str | None:
    """``/school/<school_id>`` with the sample school; None for a variable without one."""

    def sample_for(match: re.Match[str]) -> str:
        name = match.group(1).lower()
        for kind, value in samples.items():
            if kind in name:
                return value
        raise KeyError(name)

    try:
        return re.sub(r"<([^>]+)>", sample_for, template)
    except KeyError:
        return None


def list_page_targets(
    registry: Mapping[str, Mapping[str, object]], samples: Mapping[str, str]
) -> tuple[list[PageTarget], list[str]]:
    """Every registered page with a concrete path, in the registry's order; and the
    templates that have a variable no sample fills (reported, not benched)."""
    targets, missing = [], []
    for module, page in registry.items():
        template = str(page.get("path_template") or page["path"])
        path = _fill_template(template, samples)
        if path is None:
            missing.append(template)
        else:
            targets.append(PageTarget(module, template, path))
    return targets, missing


def find_samples(db: Path) -> dict[str, str]:
    """A sample for path variables: the school with the most ties in the latest year
    and the PLC with the most member schools (the heaviest profiles to draw)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        school = con.execute(
            "SELECT school_id FROM net_school_metrics ORDER BY year DESC, degree DESC, "
            "school_id LIMIT 1"
        ).fetchone()
        plc = con.execute(
            "SELECT plc_id FROM plc_memberships GROUP BY plc_id "
            "ORDER BY count(DISTINCT school_id) DESC, plc_id LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    samples = {}
    if school is not None:
        samples["school"] = str(school[0])
    if plc is not None:
        samples["plc"] = str(plc[0])
    return samples


def read_dependencies(raw: list[dict]) -> tuple[list[Dependency], int]:
    """The server-side callbacks, and how many pattern-matching ones were left out."""
    deps, pattern = [], 0
    for dep in raw:
        if dep.get("clientside_function"):
            continue
        keys = [*dep["inputs"], *dep["state"]]
        if any(isinstance(k["id"], dict) or k["id"].startswith("{") for k in keys):
            pattern += 1
            continue
        deps.append(
            Dependency(
                output=dep["output"],
                outputs=_split_outputs(dep["output"]),
                inputs=tuple((k["id"], k["property"]) for k in dep["inputs"]),
                state=tuple((k["id"], k["property"]) for k in dep["state"]),
                prevent_initial_call=bool(dep.get("prevent_initial_call")),
            )
        )
    return deps, pattern


def _split_outputs(output: str) -> tuple[Key, ...]:
    """``..a.b...c.d..`` (several outputs) or ``a.b`` (one) -> ((a, b), (c, d))."""
    parts = output[2:-2].split("...") if output.startswith("..") else [output]
    return tuple(tuple(part.rsplit(".", 1)) for part in parts)  # type: ignore[misc]


def read_components(tree: object) -> Iterator[dict]:
    """Every component (``{"type", "namespace", "props"}``) in a Dash JSON tree."""
    if isinstance(tree, list):
        for item in tree:
            yield from read_components(item)
    elif isinstance(tree, dict):
        if "props" in tree and "type" in tree:
            yield tree
            for value in tree["props"].values():
                yield from read_components(value)
        else:
            for value in tree.values():
                yield from read_components(value)


def _index(tree: object) -> dict[str, dict]:
    return {
        c["props"]["id"]: c for c in read_components(tree) if isinstance(c["props"].get("id"), str)
    }


# ---------------------------------------------------------------- requests


def build_payload(
    dep: Dependency, values: Mapping[Key, object], changed: list[Key]
) -> dict[str, object]:
    """The body Dash's renderer posts to ``/_dash-update-component``."""
    outputs = [{"id": i, "property": p} for i, p in dep.outputs]
    return {
        "output": dep.output,
        "outputs": outputs if dep.output.startswith("..") else outputs[0],
        "inputs": [{"id": i, "property": p, "value": values.get((i, p))} for i, p in dep.inputs],
        "state": [{"id": i, "property": p, "value": values.get((i, p))} for i, p in dep.state],
        "changedPropIds": [f"{i}.{p}" for i, p in changed],
    }


def _values_of(components: Mapping[str, dict], path: str, search: str) -> dict[Key, object]:
    """Every prop of every component with an id, and a Location's URL as the browser has it."""
    values: dict[Key, object] = {}
    for cid, component in components.items():
        for prop, value in component["props"].items():
            values[(cid, prop)] = value
        if component["type"] == "Location":
            values.update(
                {(cid, "pathname"): path, (cid, "search"): search, (cid, "href"): None,
                 (cid, "hash"): ""}
            )  # fmt: skip
    return values


def _options_of(component: dict) -> list[object]:
    options = component["props"].get("options") or []
    return [o["value"] if isinstance(o, dict) else o for o in options]


def _spread(values: list[object], most: int) -> list[object]:
    if len(values) <= most:
        return values
    picks = np.linspace(0, len(values) - 1, most).round().astype(int)
    return [values[i] for i in sorted(set(picks.tolist()))]


def plan_steps(dep: Dependency, components: Mapping[str, dict]) -> list[Step]:
    """The scripted changes of one callback (see the module's docstring)."""
    steps = []
    for cid, prop in dep.inputs:
        component = components.get(cid)
        if component is None:
            continue
        if component["type"] == "Dropdown" and prop == "value":
            current = component["props"].get("value")
            choices = [v for v in _spread(_options_of(component), MAX_OPTIONS) if v != current]
            if current is not None and component["props"].get("clearable", True):
                choices.append(None)
            steps += [Step((((cid, prop), v),), f"{cid}={v}") for v in choices]
    if not steps and not _is_click(dep, components):
        first = dep.inputs[0]
        steps.append(Step(((first, None),), f"{'.'.join(first)} once"))
    return steps


def _is_click(dep: Dependency, components: Mapping[str, dict]) -> bool:
    return any(prop == "n_clicks" and cid in components for cid, prop in dep.inputs)


def _page_url(base: str, target: PageTarget, search: str) -> str:
    return base + target.path + search


class Client:
    """Timed requests to the served dashboard, each with the page as its Referer (the
    dashboard reads the language from it)."""

    def __init__(self, url: str) -> None:
        self.url = url

    def _send(self, request: urllib.request.Request) -> tuple[int, bytes, float]:
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
                body = response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            body, status = error.read(), error.code
        except (TimeoutError, urllib.error.URLError) as error:
            # No answer in TIMEOUT_S: a failure of that request (status 0), not of the bench.
            body, status = f"no answer: {error}".encode(), 0
        return status, body, time.perf_counter() - started

    def get(self, path: str, referer: str) -> tuple[int, bytes, float]:
        return self._send(urllib.request.Request(self.url + path, headers={"Referer": referer}))

    def post(self, payload: dict, referer: str) -> tuple[int, bytes, float]:
        request = urllib.request.Request(
            self.url + "/_dash-update-component",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json", "Referer": referer},
        )
        return self._send(request)


# ---------------------------------------------------------------- the floor


@contextmanager
def recording_queries() -> Iterator[list[tuple[str, dict]]]:
    """Every named query ``Database.query`` runs in this process while inside."""
    calls: list[tuple[str, dict]] = []
    original = Database.query

    def query(self: Database, name: str, **params: object) -> object:
        calls.append((name, params))
        return original(self, name, **params)

    Database.query = query  # type: ignore[method-assign]
    try:
        yield calls
    finally:
        Database.query = original  # type: ignore[method-assign]


class Floor:
    """Replays requests in this process to learn their queries, and times those queries
    directly in DuckDB, each counted once per database (the dashboard caches them)."""

    def __init__(self, app: object, db: Path) -> None:
        self.app = app
        self.db = db
        self.client = app.server.test_client()  # type: ignore[attr-defined]
        self.con = duckdb.connect(str(db), read_only=True)
        apply_macros(self.con)
        # The served dashboard is open: its queries run in the local owner's scope.
        set_scope(self.con, OPEN_USER.scope)
        self.seen: set[str] = set()
        # CPU seconds of the last request replayed (every thread of this process).
        self.last_cpu = 0.0
        # Dash's first request builds its validation layout from every page's default
        # layout, so the served dashboard has those queries cached before any page is
        # asked for: the same here, so that they count under no page. Each page's
        # layout is called too, as this app may have had its first request on
        # another database.
        with recording_queries() as calls:
            self.client.get("/")
            with app.server.test_request_context("/"), acting_as(OPEN_USER):  # type: ignore[attr-defined]
                for page in dash.page_registry.values():
                    if callable(page["layout"]):
                        page["layout"]()
        self.seen.update(self._key(name, params) for name, params in calls)

    @staticmethod
    def _key(name: str, params: dict) -> str:
        return name + json.dumps(params, sort_keys=True, default=str)

    def close(self) -> None:
        self.con.close()

    def _time_query(self, name: str, params: dict) -> float:
        sql = read_query(name)
        best = float("inf")
        for _ in range(FLOOR_REPEAT):
            started = time.perf_counter()
            self.con.execute(sql, params).fetchdf()
            best = min(best, time.perf_counter() - started)
        return best

    def _time_new(self, calls: list[tuple[str, dict]]) -> float:
        total = 0.0
        for name, params in calls:
            key = self._key(name, params)
            if key not in self.seen:
                self.seen.add(key)
                total += self._time_query(name, params)
        return total

    def of_get(self, path: str, referer: str) -> float:
        with recording_queries() as calls:
            started = time.process_time()
            self.client.get(path, headers={"Referer": referer})
            self.last_cpu = time.process_time() - started
        return self._time_new(calls)

    def of_post(self, payload: dict, referer: str) -> float:
        with recording_queries() as calls:
            started = time.process_time()
            self.client.post("/_dash-update-component", json=payload, headers={"Referer": referer})
            self.last_cpu = time.process_time() - started
        return self._time_new(calls)


# ---------------------------------------------------------------- one page


@dataclass
class PageResult:
    target: PageTarget
    first_render: Timing
    callbacks: dict[str, Timing]


def _router(deps: list[Dependency]) -> Dependency:
    return next(d for d in deps if any(o[0] == ROUTER_CONTENT for o in d.outputs))


def _search_of(reply: bytes) -> str | None:
    """The query string a callback wrote to a Location, if it wrote one."""
    try:
        response = json.loads(reply).get("response", {})
    except ValueError:
        return None
    for props in response.values():
        if isinstance(props, dict) and isinstance(props.get("search"), str):
            return props["search"]
    return None


def _record(
    timing: Timing, what: str, answer: tuple[int, bytes, float], floor: float, cpu: float
) -> None:
    status, body, seconds = answer
    if status not in (200, 204):
        timing.failures.append(f"{what}: HTTP {status} {body[:200]!r}")
        return
    timing.seconds.append(seconds)
    timing.floors.append(floor)
    timing.cpu.append(cpu)
    timing.bytes.append(len(body))
    timing.no_update += status == 204


def _load_page(
    client: Client,
    floor: Floor,
    target: PageTarget,
    deps: list[Dependency],
    callbacks: dict[str, Timing],
) -> tuple[Timing, dict[str, dict], dict[Key, object], set[str]]:
    """Time a first render: HTML, layout, dependencies, router and mount callbacks;
    the router's own request (the page's layout, a callback too) goes in ``callbacks``."""
    timing = Timing()
    referer = _page_url(client.url, target, "")
    total_s, total_floor, total_bytes, total_cpu = 0.0, 0.0, 0, 0.0
    shell: object = None
    for path in (target.path, "/_dash-layout", "/_dash-dependencies"):
        status, body, seconds = client.get(path, referer)
        if status != 200:
            timing.failures.append(f"GET {path}: HTTP {status}")
            return timing, {}, {}, set()
        total_s, total_bytes = total_s + seconds, total_bytes + len(body)
        total_floor += floor.of_get(path, referer)
        total_cpu += floor.last_cpu
        if path == "/_dash-layout":
            shell = json.loads(body)
    router = _router(deps)
    shell_values = _values_of(_index(shell), target.path, "")
    payload = build_payload(router, shell_values, [router.inputs[0]])
    answer = client.post(payload, referer)
    status, body, seconds = answer
    router_floor = floor.of_post(payload, referer)
    _record(
        callbacks.setdefault(ROUTER_NAME, Timing()), "router", answer, router_floor, floor.last_cpu
    )
    total_floor += router_floor
    total_cpu += floor.last_cpu
    total_s, total_bytes = total_s + seconds, total_bytes + len(body)
    if status != 200:
        timing.failures.append(f"router: HTTP {status} {body[:300]!r}")
        return timing, {}, {}, set()
    content = json.loads(body)["response"][ROUTER_CONTENT]["children"]
    components = {**_index(shell), **_index(content)}
    values = _values_of(components, target.path, "")
    for dep, changed in _mount_callbacks(deps, components, router):
        payload = build_payload(dep, values, changed)
        status, body, seconds = client.post(payload, referer)
        total_floor += floor.of_post(payload, referer)
        total_cpu += floor.last_cpu
        total_s, total_bytes = total_s + seconds, total_bytes + len(body)
        if status not in (200, 204):
            timing.failures.append(f"mount {dep.name}: HTTP {status}")
    timing.seconds.append(total_s)
    timing.floors.append(total_floor)
    timing.cpu.append(total_cpu)
    timing.bytes.append(total_bytes)
    return timing, components, values, set(_index(shell))


def _mount_callbacks(
    deps: list[Dependency], components: Mapping[str, dict], router: Dependency
) -> list[tuple[Dependency, list[Key]]]:
    """Callbacks the page fires as it mounts: those on a Location's URL (it reports the
    URL when it mounts) and those without prevent_initial_call whose inputs are there."""
    fired = []
    for dep in deps:
        if dep is router or not all(cid in components for cid, _ in dep.inputs):
            continue
        urls = [
            (cid, prop)
            for cid, prop in dep.inputs
            if components[cid]["type"] == "Location" and prop in LOCATION_PROPS
        ]
        if urls:
            fired.append((dep, urls))
        elif not dep.prevent_initial_call:
            fired.append((dep, list(dep.inputs)))
    return fired


def _page_callbacks(
    deps: list[Dependency], components: Mapping[str, dict], shell_ids: set[str]
) -> list[Dependency]:
    """The callbacks with an input on the page itself (not only in the shell)."""
    return [
        d for d in deps if any(cid in components and cid not in shell_ids for cid, _ in d.inputs)
    ]


def bench_page(
    client: Client, floor: Floor, target: PageTarget, deps: list[Dependency]
) -> PageResult:
    """First render, then each of the page's callbacks over its scripted series."""
    callbacks: dict[str, Timing] = {}
    first, components, values, shell_ids = _load_page(client, floor, target, deps, callbacks)
    result = PageResult(target, first, callbacks)
    if not components:
        return result
    page_deps = _page_callbacks(deps, components, shell_ids)
    views = [""]
    clicks = [d for d in page_deps if _is_click(d, components)]
    for dep in page_deps:
        if dep in clicks:
            continue
        timing = result.callbacks.setdefault(dep.name, Timing())
        for step in plan_steps(dep, components):
            changed = {**values, **dict(step.changes)}
            payload = build_payload(dep, changed, [key for key, _ in step.changes])
            referer = _page_url(client.url, target, "")
            answer = client.post(payload, referer)
            _record(timing, step.label, answer, floor.of_post(payload, referer), floor.last_cpu)
            search = _search_of(answer[1])
            if search is not None and search not in views:
                views.append(search)
    for dep in clicks:
        timing = result.callbacks.setdefault(dep.name, Timing())
        button = next(k for k in dep.inputs if k[1] == "n_clicks")
        for search in _spread(views, MAX_CLICK_VIEWS):
            shown = {**values, button: 1, **_url_values(components, target, str(search))}
            payload = build_payload(dep, shown, [button])
            referer = _page_url(client.url, target, str(search))
            answer = client.post(payload, referer)
            _record(
                timing,
                f"click {button[0]} at {search}",
                answer,
                floor.of_post(payload, referer),
                floor.last_cpu,
            )
    return result


def _url_values(components: Mapping[str, dict], target: PageTarget, search: str) -> dict:
    return {
        (cid, "search"): search
        for cid, component in components.items()
        if component["type"] == "Location"
    } | {
        (cid, "pathname"): target.path
        for cid, component in components.items()
        if component["type"] == "Location"
    }


# ---------------------------------------------------------------- report


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def _mb(n: float) -> str:
    return f"{n / 1024 / 1024:6.2f} MB"


def _verdict(ok: bool) -> str:
    return "ok  " if ok else "OVER"


def report_page(result: PageResult, goal_ms: float, say: Callable[[str], None]) -> bool:
    """Print one page's figures beside their goals; whether every goal is met."""
    target, first = result.target, result.first_render
    say(f"  page {target.path}  ({target.template}, {target.module})")
    met = True
    for failure in first.failures:
        say(f"    FAILED {failure}")
        met = False
    if first.seconds:
        seconds, sent = first.seconds[0], first.bytes[0]
        ok = seconds < FIRST_RENDER_GOAL_S and sent <= PAGE_BYTES_GOAL
        met = met and ok
        say(
            f"    {_verdict(ok)} first render {_ms(seconds)} (goal < {FIRST_RENDER_GOAL_S:.0f} s)"
            f"   floor {_ms(first.floors[0])}   cpu {_ms(first.cpu[0])}"
            f"   sends {_mb(sent)} (goal <= 3 MB)"
        )
    for name, timing in result.callbacks.items():
        met = _report_callback(name, timing, goal_ms, say) and met
    return met


def _report_callback(name: str, timing: Timing, goal_ms: float, say: Callable[[str], None]) -> bool:
    for failure in timing.failures[:5]:
        say(f"    FAILED {name}: {failure}")
    if not timing.seconds:
        say(f"    ---- {name}: no request answered")
        return False
    seconds = np.asarray(timing.seconds)
    floors = np.asarray(timing.floors)
    cpu = np.asarray(timing.cpu)
    p95 = float(np.percentile(seconds, 95))
    largest = max(timing.bytes)
    ok = p95 * 1000 < goal_ms and largest <= PAGE_BYTES_GOAL and not timing.failures
    say(
        f"    {_verdict(ok)} {name}: n={len(seconds)}"
        + (f" ({timing.no_update} no update)" if timing.no_update else "")
        + f"  median {_ms(float(np.median(seconds)))}"
        f"  p95 {_ms(p95)} (goal < {goal_ms:.0f} ms)   floor median "
        f"{_ms(float(np.median(floors)))} p95 {_ms(float(np.percentile(floors, 95)))}"
        f"   cpu median {_ms(float(np.median(cpu)))} p95 {_ms(float(np.percentile(cpu, 95)))}"
        f"   largest reply {_mb(largest)}"
    )
    return ok


def measure_static(client: Client) -> tuple[int, int]:
    """Bytes and files of the scripts and styles the shell's HTML names (fetched once,
    then cached by the browser). plotly.js is fetched apart, when a graph first mounts."""
    status, body, _ = client.get("/", client.url + "/")
    total, files = 0, 0
    for ref in re.findall(r'(?:src|href)="(/[^"]+)"', body.decode("utf-8", "replace")):
        status, content, _ = client.get(ref, client.url + "/")
        if status == 200:
            total, files = total + len(content), files + 1
    return total, files


# ---------------------------------------------------------------- entry


def _create_app(db: Path) -> object:
    """One Dash app per process (the page registry and callbacks are global): the first
    call builds it; later ones point it at ``db``."""
    global _APP
    if _APP is None:
        from dashboard.app import create_app

        _APP = create_app(db)
    else:
        _APP.server.config[CONFIG_KEY] = Database(db)
    return _APP


_APP: object | None = None


def _is_under(path: str, page: str) -> bool:
    """``path`` is ``page`` or a path under it (``/`` is the overview alone)."""
    return path == page or (path.startswith(page.rstrip("/") + "/") and page != "/")


def bench_dashboard(
    db: Path,
    goal_ms: float,
    say: Callable[[str], None] = print,
    port: int | None = None,
    pages: Sequence[str] = (),
) -> bool:
    """Serve ``db`` (on ``port``, else a free one) and bench every registered page, or
    those whose path is one of ``pages`` or under one (``/school``: ``/school/1``);
    whether every goal is met."""
    app = _create_app(db)
    samples = find_samples(db)
    targets, missing = list_page_targets(dash.page_registry, samples)
    if pages:
        targets = [t for t in targets if any(_is_under(t.path, p) for p in pages)]
    say(
        f"  dashboard: {len(targets)} pages; samples "
        + ", ".join(f"{k} {v}" for k, v in samples.items())
    )
    for template in missing:
        say(f"    not benched: {template} (no sample for its variable)")
    # Timings on a shared machine are only as good as its load: say what it was.
    say("    load average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    floor = Floor(app, db)
    met = not missing
    try:
        with serving(db, port=port) as served:
            client = Client(served.url)
            raw = json.loads(client.get("/_dash-dependencies", served.url + "/")[1])
            deps, pattern = read_dependencies(raw)
            if pattern:
                say(f"    {pattern} pattern-matching callbacks not scripted")
            # Warm up: the first request imports and compiles what every page needs.
            client.get("/", served.url + "/")
            static, files = measure_static(client)
            say(f"    scripts and styles of the shell: {_mb(static)} in {files} files (cached)")
            say(
                "    first render: each page's default view, whose queries Dash ran (and the "
                "dashboard cached) on its first request; callbacks: views not seen before"
            )
            for target in targets:
                result = bench_page(client, floor, target, deps)
                met = report_page(result, goal_ms, say) and met
    finally:
        floor.close()
    return met
