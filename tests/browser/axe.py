"""axe-core in the page under test (axe.min.js is vendored, see vendor/README.md)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
BLOCKING = {"serious", "critical"}


def run_axe(page: Page) -> list[dict]:
    """The serious and critical violations axe finds in the page as it is now."""
    # Evaluated, not added as a <script>: the dashboard's Content-Security-Policy runs no
    # inline script it does not know, and Playwright's evaluation is not the page's.
    page.evaluate(AXE.read_text())
    results = page.evaluate("async () => await axe.run(document)")
    return [v for v in results["violations"] if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    """The violations, one a line, with up to five of the elements of each."""
    return "\n".join(
        f"{v['impact']} {v['id']}: {v['help']} -> "
        + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in violations
    )
