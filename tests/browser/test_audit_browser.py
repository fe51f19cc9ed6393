"""The audit log in Chromium: the page for an admin (the owner of an open dashboard has
every role) in English and Welsh, axe at zero serious or critical violations; and a
click on a chart's camera recorded as an "image" event by the real server."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard.access.audit import AuditEvent, read_events, record_event
from dashboard.access.users import User
from tests.browser.axe import describe, run_axe
from tests.browser.charts import camera_button, scroll_to_chart
from tests.serving import Served, serving

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def audit_served(
    browser_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Served, Path]]:
    """The dashboard (open mode) writing its audit log to a file of this module's."""
    log = tmp_path_factory.mktemp("audit") / "audit.jsonl"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLCNET_AUDIT_LOG", str(log))
        with serving(browser_db) as served:
            yield served, log


@pytest.fixture
def audit_server(audit_served: tuple[Served, Path], monkeypatch: pytest.MonkeyPatch) -> Served:
    """The served dashboard, its log emptied and read and written by this test too."""
    served, log = audit_served
    log.write_text("", encoding="utf-8")
    monkeypatch.setenv("PLCNET_AUDIT_LOG", str(log))
    return served


def _seed() -> None:
    analyst = User("analyst", "analyst", frozenset({"national"}))
    record_event("sign-in", "signed in", user=analyst)
    record_event(
        "download", "plcnet-regions-measure-2018-19-wales.csv", {"year": "2018/19"},
        user=analyst, page="/regions",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("query", "lang", "heading"),
    [("", "en", "Audit log"), ("?lang=cy", "cy", "Log archwilio")],
    ids=["english", "welsh"],
)
def test_the_audit_page_for_an_admin_has_no_serious_or_critical_violations(
    page: Page, audit_server: Served, query: str, lang: str, heading: str
) -> None:
    _seed()
    page.goto(audit_server.url + "/audit" + query)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    rows = page.locator("#audit-table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("plcnet-regions-measure-2018-19-wales.csv")  # newest first
    expect(page.locator("#shell-nav")).to_contain_text(heading)
    violations = run_axe(page)
    assert violations == [], describe(violations)
    # A day typed in "To" chooses the events up to it: none before 2000.
    page.locator("#audit-to").fill("2000-01-01")
    page.locator("#audit-to").press("Enter")
    expect(page.locator("#audit-status")).to_contain_text("0")
    expect(rows).to_have_count(0)


def _wait_for_image_event(timeout_s: float = 10) -> list[AuditEvent]:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        images = [e for e in read_events() if e.kind == "image"]
        if images:
            return images
        time.sleep(0.1)
    return []


def test_the_camera_of_a_chart_records_an_image_event(page: Page, audit_server: Served) -> None:
    page.goto(audit_server.url + "/?year=2018/19")
    graph = scroll_to_chart(page.locator(".dash-graph").first)
    expect(graph.locator(".js-plotly-plot")).to_have_count(1)
    chart = graph.get_attribute("id")
    graph.hover()
    camera = camera_button(page, graph)
    with page.expect_download() as download:
        camera.click()
    assert download.value.suggested_filename.endswith(".png")
    images = _wait_for_image_event()
    assert [(e.user, e.page, e.what) for e in images] == [("local", "/", chart)]
    assert images[0].filters == {}
