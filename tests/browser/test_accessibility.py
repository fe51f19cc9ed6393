"""axe-core in Chromium: no serious or critical violation on the overview, in English
and in Welsh (axe.min.js is vendored, see vendor/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
BLOCKING = {"serious", "critical"}


def _run_axe(page: Page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document)")
    return [v for v in results["violations"] if v["impact"] in BLOCKING]


def _describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['impact']} {v['id']}: {v['help']} -> "
        + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in violations
    )


@pytest.mark.parametrize(
    ("query", "lang"),
    [("", "en"), ("?year=2017/18&consortium=GWE&sector=primary&lang=cy", "cy")],
    ids=["english", "welsh"],
)
def test_overview_has_no_serious_or_critical_violations(
    page: Page, server_url: str, query: str, lang: str
) -> None:
    page.goto(server_url + "/" + query)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("#overview-headlines .headline")).to_have_count(4)
    expect(page.locator(".js-plotly-plot")).to_have_count(2)
    violations = _run_axe(page)
    assert violations == [], _describe(violations)
