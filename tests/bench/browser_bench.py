"""The browser bench: click-to-redraw in headless Chromium, beside the server's time.

For every registered page (pages with a path variable get the sample school or PLC
of dashboard_bench.find_samples), served by ``python -m dashboard`` and opened in
Debian's Chromium through Playwright at 1366 x 900, it changes the page's dropdowns
one at a time (the page's own controls first, then the year and the LA; REPEATS
changes, each to the next option) and measures:

- **click to redraw**: from the press on the option to the last change of the
  page's DOM (plotly draws into the DOM, so a figure counts once drawn), the page
  then quiet for QUIET_MS with no callback in flight;
- **the baseline, the server**: the summed round trips (request sent to response
  received, as Chromium timed them) of the ``/_dash-update-component`` requests the
  change set off: the server's own time for the same callbacks, network included;
- **main thread busy**: the summed long tasks (over 50 ms) Chromium reported in the
  same span, the browser's own work (scripts, layout, plotly).

Median and 95th percentile of each per page, against the goal (GOAL_S).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import dash
import numpy as np
from playwright.sync_api import Page, Request, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.bench.dashboard_bench import _create_app, find_samples, list_page_targets
from tests.browser.charts import scroll_to_every_chart
from tests.serving import serving

__all__ = ["GOAL_S", "bench_browser"]

GOAL_S = 1.0
REPEATS = 6
QUIET_MS = 800
TIMEOUT_S = 60
CHROMIUM = os.environ.get("PLCNET_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Dropdowns of the shared filter bar; a page's own controls (measure, view, sort) are
# changed first, as a user exploring one view does.
SHARED = ("year", "consortium", "la", "sector", "medium", "focus")
CONTROLS_PER_PAGE = 3

# Records the last DOM change and the long tasks, from the press on an option.
WATCH_JS = """
() => {
  const w = window.__bench = {pressed: 0, lastChange: 0, longTasks: []};
  new MutationObserver(() => { w.lastChange = performance.now(); })
    .observe(document.body, {subtree: true, childList: true, attributes: true,
                             characterData: true});
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.longTasks.push([e.startTime, e.duration]);
  }).observe({type: "longtask", buffered: false});
  document.addEventListener("pointerdown", () => { w.pressed = performance.now(); }, true);
}
"""

READ_JS = """
() => {
  const w = window.__bench;
  const busy = w.longTasks.filter(([s]) => s >= w.pressed)
    .reduce((sum, [, d]) => sum + d, 0);
  return {pressed: w.pressed, lastChange: w.lastChange, now: performance.now(), busy};
}
"""


@dataclass
class PageFigures:
    path: str
    redraw: list[float] = field(default_factory=list)
    server: list[float] = field(default_factory=list)
    busy: list[float] = field(default_factory=list)
    requests: list[int] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    skipped: str = ""


class CallbackWatch:
    """The ``/_dash-update-component`` requests of a page: in flight, and their timings."""

    def __init__(self, page: Page) -> None:
        self.in_flight = 0
        self.finished: list[float] = []
        page.on("request", self._sent)
        page.on("requestfinished", self._done)
        page.on("requestfailed", self._failed)

    @staticmethod
    def _is_callback(request: Request) -> bool:
        return "/_dash-update-component" in request.url

    def _sent(self, request: Request) -> None:
        self.in_flight += self._is_callback(request)

    def _done(self, request: Request) -> None:
        if self._is_callback(request):
            self.in_flight -= 1
            timing = request.timing
            self.finished.append(max(0.0, timing["responseEnd"] - timing["requestStart"]) / 1000)

    def _failed(self, request: Request) -> None:
        self.in_flight -= self._is_callback(request)

    def take(self) -> list[float]:
        taken, self.finished = self.finished, []
        return taken


def _wait_quiet(page: Page, watch: CallbackWatch) -> dict:
    """Wait until no callback is in flight and the DOM has not changed for QUIET_MS."""
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        page.wait_for_timeout(100)
        state = page.evaluate(READ_JS)
        if watch.in_flight == 0 and state["now"] - state["lastChange"] >= QUIET_MS:
            return state
    raise TimeoutError(f"the page was not quiet after {TIMEOUT_S} s")


def _controls(page: Page, prefix: str) -> list[str]:
    """The page's dropdowns: its own first, then the year and the LA."""
    found = page.eval_on_selector_all("button.dash-dropdown[id]", "els => els.map(e => e.id)")
    own = [i for i in found if not any(i == f"{prefix}-{s}" for s in SHARED)]
    shared = [i for i in found if i in (f"{prefix}-year", f"{prefix}-la")]
    return (own + shared)[:CONTROLS_PER_PAGE]


def _choose_next(page: Page, dropdown: str) -> str | None:
    """Open ``dropdown`` and press the option after the one chosen; its label."""
    page.locator(f"#{dropdown}").click()
    options = page.get_by_role("option")
    try:
        options.first.wait_for(timeout=5_000)
    except PlaywrightTimeout:  # a dropdown with no options yet (an empty audit log)
        page.keyboard.press("Escape")
        return None
    labels = options.all_inner_texts()
    chosen = page.locator(f"#{dropdown}-value").inner_text().strip()
    candidates = [n for n in labels if n.strip() and n.strip() != chosen]
    if not candidates:
        page.keyboard.press("Escape")
        return None
    index = (labels.index(chosen) + 1) % len(labels) if chosen in labels else 0
    label = labels[index] if labels[index].strip() != chosen else candidates[0]
    options.nth(labels.index(label)).click()
    # Away from the figures, so that no hover label counts as a redraw.
    page.mouse.move(2, 2)
    return label.strip()


def bench_page(page: Page, url: str, path: str, figures: PageFigures) -> None:
    watch = CallbackWatch(page)
    page.goto(url + path)
    # The page's layout comes by a request of its own, after the load: until its
    # heading is drawn there is nothing to watch (on a busy machine the first quiet
    # spell came before it, and the page was reported as having no dropdown).
    page.locator("#_pages_content h1").first.wait_for(timeout=TIMEOUT_S * 1000)
    # Charts are drawn when they come into view: a reader who has scrolled through the
    # page has every chart drawn, and a change then redraws them all. Measure that, not
    # a change that only hands figures to charts still waiting below the fold.
    page.evaluate(WATCH_JS)
    _wait_quiet(page, watch)
    scroll_to_every_chart(page)
    page.evaluate("window.scrollTo(0, 0)")
    _wait_quiet(page, watch)
    watch.take()
    prefix = path.strip("/").split("/")[0] or "overview"
    controls = _controls(page, "data" if prefix == "data" else prefix)
    if not controls:
        figures.skipped = "no dropdown to change: only its first visit is measured (Lighthouse)"
        return
    for step in range(REPEATS):
        dropdown = controls[step % len(controls)]
        label = _choose_next(page, dropdown)
        if label is None:
            continue
        state = _wait_quiet(page, watch)
        served = watch.take()
        figures.redraw.append(max(0.0, state["lastChange"] - state["pressed"]) / 1000)
        figures.server.append(sum(served))
        figures.busy.append(state["busy"] / 1000)
        figures.requests.append(len(served))
        figures.steps.append(f"{dropdown}={label}")


def _stats(values: list[float]) -> str:
    if not values:
        return "   n/a"
    return (
        f"median {np.median(values) * 1000:6.0f} ms p95 {np.percentile(values, 95) * 1000:6.0f} ms"
    )


def report(figures: PageFigures, say: Callable[[str], None]) -> bool:
    if figures.skipped and not figures.failures:
        say(f"  ---- {figures.path}: {figures.skipped}")
        return True
    if not figures.redraw and not figures.failures:
        say(f"  ---- {figures.path}: no option to change to")
        return True
    ok = bool(figures.redraw) and not figures.failures
    ok = ok and float(np.percentile(figures.redraw, 95)) < GOAL_S
    say(f"  {'ok  ' if ok else 'OVER'} {figures.path}")
    for failure in figures.failures:
        say(f"    FAILED {failure}")
    if figures.redraw:
        say(f"    click to redraw     {_stats(figures.redraw)}   (goal < {GOAL_S:.0f} s)")
        calls = sum(figures.requests)
        say(f"    baseline: server    {_stats(figures.server)}   ({calls} callbacks)")
        say(f"    main thread busy    {_stats(figures.busy)}")
        say("    changes: " + ", ".join(figures.steps))
    return ok


def bench_browser(db: Path, say: Callable[[str], None] = print, only: str | None = None) -> bool:
    """Serve ``db``, open every page in Chromium and time its redraws; whether every page
    met the goal."""
    _create_app(db)  # fills dash.page_registry
    targets, _ = list_page_targets(dash.page_registry, find_samples(db))
    say(f"  browser: click to redraw in Chromium, {REPEATS} changes a page, 1366 x 900")
    met = True
    with serving(db) as served, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        for target in targets:
            if only and not re.search(only, target.path):
                continue
            figures = PageFigures(target.path)
            page = context.new_page()
            try:
                bench_page(page, served.url, target.path, figures)
            except Exception as error:  # a page's failure is reported, not fatal
                figures.failures.append(f"{type(error).__name__}: {str(error)[:200]}")
            finally:
                page.close()
            met = report(figures, say) and met
        browser.close()
    return met
