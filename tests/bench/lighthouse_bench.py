"""Lighthouse in ``make bench``: every page, desktop and mobile presets, a first visit.

Lighthouse 12.2.3 (the npm package pinned in tests/bench/lighthouse/package-lock.json;
``npm ci`` there installs it, which ``make bench`` does; 13 needs Node 22) runs
against Debian's Chromium (CHROME_PATH) headless. For each page it reports the
performance, accessibility and best-practices scores, the bytes transferred, and
the metrics the performance score is made of (first and largest contentful paint,
speed index, total blocking time, cumulative layout shift) with time to interactive,
against the goals (GOALS). A first visit paints the server's first view of the page
before Dash's scripts start (docs/dashboard.md, "How fast"), so the paints and the
layout shift are small and what is left is the main thread's work after it (TBT).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

__all__ = ["GOALS", "LIGHTHOUSE_DIR", "bench_lighthouse", "run_lighthouse"]

LIGHTHOUSE_DIR = Path(__file__).resolve().parent / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = os.environ.get("PLCNET_CHROMIUM", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
CATEGORIES = ("performance", "accessibility", "best-practices")
# Scores out of 100 (performance by preset) and bytes of a first visit.
GOALS = {"desktop": 90, "mobile": 70, "accessibility": 100, "bytes": 1.5 * 1024 * 1024}
TIMEOUT_S = 240
ATTEMPTS = 2


def run_lighthouse(url: str, preset: str) -> dict:
    """Lighthouse's report (its JSON) of one first visit to ``url``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--quiet",
        ]
        if preset == "desktop":
            command.append("--preset=desktop")
        # A loaded machine can time out one DevTools call (getResponseBody of a big
        # script): try once more before reporting a failure.
        for attempt in range(ATTEMPTS):
            try:
                _run(command)
                break
            except subprocess.CalledProcessError:
                if attempt == ATTEMPTS - 1:
                    raise
        return json.loads(out.read_text())


def _run(command: list[str]) -> None:
    subprocess.run(
        command,
        check=True,
        timeout=TIMEOUT_S,
        env={**os.environ, "CHROME_PATH": CHROME_PATH},
        capture_output=True,
    )


def summarise(result: dict) -> dict[str, float]:
    """The figures the bench reports from one Lighthouse report."""
    audits = result["audits"]

    def value(name: str) -> float:
        return float(audits[name].get("numericValue") or 0)

    scores = {name: round(100 * (result["categories"][name]["score"] or 0)) for name in CATEGORIES}
    return scores | {
        "bytes": value("total-byte-weight"),
        "tti": value("interactive") / 1000,
        "tbt": value("total-blocking-time"),
        "lcp": value("largest-contentful-paint") / 1000,
        "fcp": value("first-contentful-paint") / 1000,
        "si": value("speed-index") / 1000,
        "cls": value("cumulative-layout-shift"),
    }


def meets(figures: dict[str, float], preset: str) -> bool:
    return (
        figures["performance"] >= GOALS[preset]
        and figures["accessibility"] >= GOALS["accessibility"]
        and figures["bytes"] <= GOALS["bytes"]
    )


def bench_lighthouse(url: str, paths: list[str], say: Callable[[str], None] = print) -> bool:
    """Lighthouse on every page at ``url``; whether every page met every goal."""
    if not LIGHTHOUSE.exists():
        say(f"  lighthouse: not installed: run `npm ci` in {LIGHTHOUSE_DIR}")
        return False
    say(
        f"  lighthouse 12 (Chromium {CHROME_PATH}): goals performance >= {GOALS['desktop']} "
        f"desktop, >= {GOALS['mobile']} mobile, accessibility 100, <= 1.5 MB transferred"
    )
    met = True
    for path in paths:
        for preset in ("desktop", "mobile"):
            try:
                figures = summarise(run_lighthouse(url + path, preset))
            except subprocess.CalledProcessError as error:
                said = (error.stderr or b"").decode("utf-8", "replace").strip().splitlines()
                say(f"  FAILED {path} {preset}: lighthouse exited {error.returncode}: {said[-3:]}")
                met = False
                continue
            except (subprocess.SubprocessError, OSError, ValueError, KeyError) as error:
                say(f"  FAILED {path} {preset}: {type(error).__name__}: {str(error)[:300]}")
                met = False
                continue
            ok = meets(figures, preset)
            met = met and ok
            say(
                f"  {'ok  ' if ok else 'OVER'} {path:<18} {preset:<7} performance "
                f"{figures['performance']:3.0f}  accessibility {figures['accessibility']:3.0f}  "
                f"best practices {figures['best-practices']:3.0f}  "
                f"{figures['bytes'] / 1024 / 1024:5.2f} MB  TTI {figures['tti']:4.1f} s  "
                f"TBT {figures['tbt']:5.0f} ms  FCP {figures['fcp']:4.1f} s  "
                f"LCP {figures['lcp']:4.1f} s  SI {figures['si']:4.1f} s  CLS {figures['cls']:5.3f}"
            )
    return met
