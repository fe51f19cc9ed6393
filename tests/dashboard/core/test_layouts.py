"""Each page's layout kept per worker (dashboard/core/layouts.py): built once for the
first view and Dash's router alike, never one user's page for another's scope, forgotten
when a refresh swaps a new file in, and bounded."""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import dash
import duckdb
import flask
import pytest

from dashboard.access.signin import AccessConfig
from dashboard.core.layouts import LAYOUTS_KEY, LayoutCache, LayoutKey, is_kept
from dashboard.ui.tables import build_table, freeze_tables
from tests.dashboard.proxied import (
    PROXY,
    headers_of,
    post_callback,
    proxy_config,
    router_payload,
    serving_as,
)
from tests.dashboard.test_first_view import FirstView

# Gwynedd's schools (GwE) and Cardiff's (tests/dashboard/fixtures.py).
GWYNEDD = "?la=661"
GWE_SCHOOL = "Ysgol Caernarfon"
CARDIFF_SCHOOL = "Fairwater Primary"


@pytest.fixture
def cache(app: dash.Dash) -> LayoutCache:
    kept: LayoutCache = app.server.config[LAYOUTS_KEY]
    kept.clear()
    return kept


@pytest.fixture
def proxied(app: dash.Dash, tmp_path: Path) -> Iterator[flask.Flask]:
    with serving_as(app, proxy_config(tmp_path)) as server:
        yield server


def words_as(server: flask.Flask, user: str, path: str) -> str:
    response = server.test_client().get(
        path, headers=headers_of(user), environ_base={"REMOTE_ADDR": PROXY}
    )
    assert response.status_code == 200
    view = FirstView(response.get_data(as_text=True))
    assert view.found
    return view.words


def test_one_scope_never_gets_the_page_kept_for_another(proxied, cache) -> None:
    # Each in turn, twice: the second visit of each is answered from what was kept.
    for _ in range(2):
        officer = words_as(proxied, "cardiff", "/network" + GWYNEDD)
        analyst = words_as(proxied, "analyst", "/network" + GWYNEDD)
        assert GWE_SCHOOL not in officer
        assert GWE_SCHOOL in analyst
    # Dash's router, asked by each, answers from what the first view of each kept.
    built = cache.built
    client = proxied.test_client()
    _, officer_json = post_callback(client, "cardiff", router_payload("/network", GWYNEDD))
    _, analyst_json = post_callback(client, "analyst", router_payload("/network", GWYNEDD))
    assert cache.built == built
    assert GWE_SCHOOL not in officer_json and GWE_SCHOOL in analyst_json
    # A layout and its first view's HTML for each of the two users.
    assert built == 4


def test_a_page_is_built_once_for_the_first_view_and_the_router(app, cache) -> None:
    client = app.server.test_client()
    first = client.get("/regions")
    assert first.status_code == 200
    assert cache.built == 2  # the layout, and its HTML
    answer = client.post("/_dash-update-component", json=router_payload("/regions"))
    again = client.get("/regions")
    assert answer.status_code == 200
    # The same first view (the rest of the page holds a token made for each answer).
    assert FirstView(again.get_data(True)).tags == FirstView(first.get_data(True)).tags
    assert FirstView(again.get_data(True)).words == FirstView(first.get_data(True)).words
    assert cache.built == 2
    # Another view of the page is another layout.
    assert client.get("/regions?year=2016/17").status_code == 200
    assert cache.built == 4


def test_a_refresh_swapping_a_new_file_in_is_seen_at_once(
    app: dash.Dash, cache, overview_db_path: Path, tmp_path: Path
) -> None:
    published = tmp_path / "plcnet.duckdb"
    shutil.copy(overview_db_path, published)
    with serving_as(app, AccessConfig(), db=published) as server:
        client = server.test_client()
        assert CARDIFF_SCHOOL in FirstView(client.get("/network?la=681").get_data(True)).words
        # A refresh publishes by renaming a complete new file over the old one.
        fresh = tmp_path / "fresh.duckdb"
        shutil.copy(published, fresh)
        with duckdb.connect(str(fresh)) as con:
            con.execute(
                "UPDATE schools SET name = 'Fairwater Renamed' WHERE name = $n",
                {"n": CARDIFF_SCHOOL},
            )
        os.replace(fresh, published)
        words = FirstView(client.get("/network?la=681").get_data(True)).words
        router = client.post("/_dash-update-component", json=router_payload("/network", "?la=681"))
    assert "Fairwater Renamed" in words and CARDIFF_SCHOOL not in words
    assert "Fairwater Renamed" in router.get_data(True)
    # What the old file built was let go with it.
    assert len(cache) == 2


def test_pages_that_read_more_than_the_file_are_built_each_time(app, cache) -> None:
    pages = {page["path"]: page for page in dash.page_registry.values()}
    assert not is_kept(pages["/audit"])  # needs a role, and records a refusal without it
    assert not is_kept(pages["/data"])  # reads the refresh's run log
    assert is_kept(pages["/network"])
    client = app.server.test_client()
    for _ in range(2):
        assert client.get("/data").status_code == 200
    assert cache.built == 0


def key(n: int, file: tuple[int, int, int, int] = (1, 1, 1, 1)) -> LayoutKey:
    return LayoutKey(file=file, page="page", arguments=(("n", str(n)),), lang="en", user=())


@pytest.fixture
def in_service(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, int, int]]:
    """The file in service as the cache sees it: the last of the list."""
    files = [(1, 1, 1, 1)]
    monkeypatch.setattr("dashboard.core.layouts._file_in_service", lambda: files[-1])
    return files


def test_the_cache_is_bounded_least_recently_used_first(in_service) -> None:
    kept = LayoutCache(size=2)
    for n in (1, 2):
        kept.get(key(n), lambda n=n: f"layout {n}")
    kept.get(key(1), lambda: "built again")  # 1 is now the most recently used
    kept.get(key(3), lambda: "layout 3")
    assert len(kept) == 2
    assert kept.get(key(1), lambda: "built again") == "layout 1"
    assert kept.get(key(2), lambda: "built again") == "built again"


def test_what_a_file_swapped_out_built_is_not_kept(in_service) -> None:
    kept = LayoutCache()
    kept.get(key(1), lambda: "old")
    in_service.append((2, 2, 2, 2))  # a refresh renamed a new file in
    # A build of the old file that ends after the swap is not kept...
    assert kept.get(key(2), lambda: "late") == "late"
    assert len(kept) == 1
    # ...and the first layout of the new file lets the old file's go.
    kept.get(key(1, file=(2, 2, 2, 2)), lambda: "new")
    assert len(kept) == 1
    assert kept.get(key(1, file=(2, 2, 2, 2)), lambda: "again") == "new"


def test_threads_asking_at_once_wait_for_one_build(in_service) -> None:
    kept = LayoutCache()
    builds: list[int] = []

    def slow_build() -> str:
        builds.append(1)
        time.sleep(0.2)
        return "layout"

    answers: list[str] = []
    threads = [
        threading.Thread(target=lambda: answers.append(kept.get(key(1), slow_build)))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == ["layout"] * 4
    assert len(builds) == 1


def test_a_build_that_fails_leaves_the_next_asker_to_build(in_service) -> None:
    kept = LayoutCache()

    def broken() -> str:
        raise RuntimeError("cannot be built")

    with pytest.raises(RuntimeError):
        kept.get(key(1), broken)
    assert kept.get(key(1), lambda: "layout") == "layout"


def test_a_frozen_table_is_sent_as_it_was() -> None:
    table = build_table("Caption", ["LA", "Schools"], [["Cardiff", 3], ["Gwynedd", 4]])
    before = json.dumps(table.to_plotly_json())
    layout = dash.html.Div([dash.html.H2("Heading"), table])
    assert freeze_tables(layout) is layout
    assert json.dumps(table.to_plotly_json()) == before
    assert table._frozen_json is not None
