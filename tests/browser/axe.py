"""axe-core in the page under test (axe.min.js is vendored, see vendor/README.md)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
BLOCKING = {"serious", "critical"}


def run_axe(page: Page) -> list[dict]:
    """The serious and critical violations axe finds in the page as it is now."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document)")
    return [v for v in results["violations"] if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    """The violations, one a line, with up to five of the elements of each."""
    return "\n".join(
        f"{v['impact']} {v['id']}: {v['help']} -> "
        + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in violations
    )
