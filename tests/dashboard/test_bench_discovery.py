"""The dashboard bench (tests/bench/dashboard_bench.py) finds pages and callbacks by
itself: its requests, built from /_dash-dependencies and the page's layout, are the
ones Dash answers, on the overview of the fixture database."""

from __future__ import annotations

import json
from pathlib import Path

import dash

from tests.bench.dashboard_bench import (
    Floor,
    build_payload,
    find_samples,
    list_page_targets,
    plan_steps,
    read_components,
    read_dependencies,
    recording_queries,
)


def _index(tree: object) -> dict[str, dict]:
    # Pattern-matching ids (dicts: the nav's links) cannot be keys, and are not scripted.
    return {
        c["props"]["id"]: c for c in read_components(tree) if isinstance(c["props"].get("id"), str)
    }


def _load_overview(app: dash.Dash) -> tuple[list, dict[str, dict]]:
    """The callbacks, and the components of the shell and of the overview's layout."""
    client = app.server.test_client()
    deps, pattern = read_dependencies(client.get("/_dash-dependencies").get_json())
    assert pattern == 0
    shell = _index(client.get("/_dash-layout").get_json())
    router = next(d for d in deps if d.outputs[0] == ("_pages_content", "children"))
    values = {("_pages_location", "pathname"): "/", ("_pages_location", "search"): ""}
    reply = client.post(
        "/_dash-update-component", json=build_payload(router, values, [router.inputs[0]])
    )
    assert reply.status_code == 200
    content = reply.get_json()["response"]["_pages_content"]["children"]
    return deps, {**shell, **_index(content)}


def test_samples_are_the_busiest_school_and_plc(overview_db_path: Path) -> None:
    # 2018/19: C is tied to A, B, D and F; P1 (A, B, C) and P3 (C, D, F) have three
    # schools each, and P1 comes first.
    assert find_samples(overview_db_path) == {"school": "6612001", "plc": "P1"}


def test_path_templates_are_filled_with_samples() -> None:
    registry = {
        "pages.overview": {"path": "/", "path_template": None},
        "pages.school": {"path": "/school/none", "path_template": "/school/<school_id>"},
        "pages.plc": {"path": "/plc/none", "path_template": "/plc/<plc_id>"},
        "pages.odd": {"path": "/odd/none", "path_template": "/odd/<thing>"},
    }
    targets, missing = list_page_targets(registry, {"school": "6612001", "plc": "P1"})
    assert [t.path for t in targets] == ["/", "/school/6612001", "/plc/P1"]
    assert missing == ["/odd/<thing>"]


def test_overview_callbacks_are_found_with_their_scripted_changes(app: dash.Dash) -> None:
    deps, components = _load_overview(app)
    view = next(d for d in deps if d.outputs[0] == ("overview-url", "search"))
    labels = [step.label for step in plan_steps(view, components)]
    # Every option but the one shown; the year cannot be cleared, the rest are unset.
    assert labels == [
        "overview-year=2016/17",
        "overview-year=2017/18",
        "overview-consortium=CSC",
        "overview-consortium=GWE",
        "overview-la=681",
        "overview-la=661",
        "overview-la=660",
        "overview-sector=primary",
        "overview-sector=secondary",
        "overview-medium=welsh",
        "overview-medium=bilingual",
        "overview-medium=english",
    ]
    # The overview's own downloads: those whose button is on the page (not the shell's
    # stores of a chart image's provenance, dashboard/core/exports.py).
    downloads = [
        d
        for d in deps
        if d.outputs
        and d.outputs[0][1] == "data"
        and d.inputs[0][0] in components
        and not d.outputs[0][0].startswith("shell-")
    ]
    assert {d.outputs[0][0] for d in downloads} == {
        "overview-headlines-csv",
        "overview-support-csv",
    }


def test_scripted_change_is_answered_and_its_queries_recorded(app: dash.Dash) -> None:
    deps, components = _load_overview(app)
    view = next(d for d in deps if d.outputs[0] == ("overview-url", "search"))
    values = {
        (cid, prop): value for cid, c in components.items() for prop, value in c["props"].items()
    }
    values[("overview-url", "search")] = ""
    values[("overview-consortium", "value")] = "CSC"
    payload = build_payload(view, values, [("overview-consortium", "value")])
    with recording_queries() as calls:
        reply = app.server.test_client().post("/_dash-update-component", json=payload)
    assert reply.status_code == 200
    response = json.loads(reply.get_data())["response"]
    assert response["overview-url"]["search"] == "?year=2018/19&consortium=CSC"
    assert response["overview-summary"]["children"].startswith("In 2018/19, 2 schools (66.7%)")
    asked = {(name, params.get("consortium")) for name, params in calls}
    assert {("overview__yearly", "CSC"), ("overview__support", "CSC")} <= asked


def test_floor_times_each_query_once(app: dash.Dash, overview_db_path: Path) -> None:
    deps, _ = _load_overview(app)
    view = next(d for d in deps if d.outputs[0] == ("overview-url", "search"))
    # A region: the overview's queries follow the region, not the year, and the
    # default view's (all of Wales) ran when Dash built its validation layout.
    values = {("overview-url", "search"): "", ("overview-consortium", "value"): "GWE"}
    payload = build_payload(view, values, [("overview-consortium", "value")])
    floor = Floor(app, overview_db_path)
    try:
        first = floor.of_post(payload, "http://localhost/")
        again = floor.of_post(payload, "http://localhost/")
    finally:
        floor.close()
    assert first > 0
    assert again == 0  # the same queries: the served dashboard has them cached
