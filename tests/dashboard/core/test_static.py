"""A first visit's cost (dashboard/core/static.py): answers compressed when the browser
asks, fingerprinted bundles and assets cached for a year, the partial plotly bundle
named by the page (for dcc.Graph to load with the first chart) instead of Dash's whole
plotly.js, and the page's scripts started by one deferred script after the first view."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli
import dash
import pytest

from dashboard.app import PACKAGE_DIR
from dashboard.core.static import LONG_CACHE, StaticCache

ASSETS = Path(PACKAGE_DIR) / "assets"
# The pages draw with plotly's cartesian bundle, an asset (README, NOTICE), loaded with
# the first chart from the address the page gives (assets/charts-on-demand.js).
PARTIAL_BUNDLE = re.compile(
    r'<body data-plotly-url="(/assets/plotly-cartesian-[\d.]+\.min\.js\?m=[\d.]+)"'
)
# The scripts the page starts after its first view (assets/first-view.js), in order.
LATER_SCRIPT = re.compile(r'<script type="plcnet/later" data-src="([^"]+)"></script>')
# The scripts the browser runs as it reads the page.
RUN_SCRIPT = re.compile(r"<script src=\"([^\"]+)\"([^>]*)>")


@pytest.fixture
def client(app: dash.Dash):
    return app.server.test_client()


def _page(client) -> str:
    return client.get("/regions").get_data(as_text=True)


def _bundle_path(client) -> str:
    """A fingerprinted Dash bundle the page names (dash_renderer's)."""
    return next(s for s in LATER_SCRIPT.findall(_page(client)) if "/dash-renderer/" in s)


@pytest.mark.parametrize(
    ("encoding", "decode"), [("gzip", gzip.decompress), ("br", brotli.decompress)]
)
def test_bundles_are_sent_compressed_when_asked(client, encoding: str, decode) -> None:
    path = _bundle_path(client)
    plain = client.get(path).get_data()
    packed = client.get(path, headers={"Accept-Encoding": encoding})
    assert packed.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert decode(packed.get_data()) == plain
    assert len(packed.get_data()) < len(plain) / 2


def test_pages_and_callback_layouts_are_compressed_too(client) -> None:
    page = client.get("/regions", headers={"Accept-Encoding": "gzip"})
    assert page.headers["Content-Encoding"] == "gzip"
    assert "<html" in gzip.decompress(page.get_data()).decode()
    layout = client.get("/_dash-layout", headers={"Accept-Encoding": "br"})
    assert layout.headers["Content-Encoding"] == "br"


def test_nothing_is_compressed_unasked(client) -> None:
    answer = client.get(_bundle_path(client))
    assert "Content-Encoding" not in answer.headers


def test_fingerprinted_bundles_and_assets_are_cached_for_a_year(client) -> None:
    assert client.get(_bundle_path(client)).headers["Cache-Control"] == LONG_CACHE
    asset = PARTIAL_BUNDLE.search(_page(client))[1]
    assert client.get(asset).headers["Cache-Control"] == LONG_CACHE
    # Without its fingerprint an asset may change under the same name: no promise.
    bare = client.get(asset.split("?")[0])
    assert "immutable" not in bare.headers.get("Cache-Control", "")
    # Pages are never cached for long: they carry the data of the moment.
    assert "immutable" not in client.get("/regions").headers.get("Cache-Control", "")


def test_the_page_names_the_partial_bundle_and_not_plotly_whole(client) -> None:
    page = _page(client)
    assert PARTIAL_BUNDLE.search(page)
    assert "plotly.min" not in page
    # Not a script of the page: a page with no chart never loads it.
    assert not any("plotly-cartesian" in src for src in LATER_SCRIPT.findall(page))
    assert not any("plotly-cartesian" in src for src, _ in RUN_SCRIPT.findall(page))
    bundle = client.get(PARTIAL_BUNDLE.search(page)[1]).get_data()
    # Half or less of the whole plotly.js (4.7 MB), and it defines window.Plotly, which
    # dcc.Graph then uses instead of fetching the whole one.
    assert 500_000 < len(bundle) < 2_000_000
    assert b"window.Plotly = Plotly" in bundle


def test_the_cache_keeps_static_files_only() -> None:
    cache = StaticCache()
    cache.set("br;/_dash-component-suites/dash/x.v1m2.js?", b"packed")
    cache.set("br;/assets/plcnet.css?m=1", b"css")
    cache.set("br;/_dash-update-component?", b"a reply")
    cache.set("gzip;/regions?year=2019/20", b"a page")
    assert cache.get("br;/_dash-component-suites/dash/x.v1m2.js?") == b"packed"
    assert cache.get("br;/assets/plcnet.css?m=1") == b"css"
    assert cache.get("br;/_dash-update-component?") is None
    assert cache.get("gzip;/regions?year=2019/20") is None


def test_the_shared_script_comes_before_the_scripts_that_use_it(client) -> None:
    # Dash adds the files of assets/ in the order of their names; audit-images.js and
    # chart-export.js take their helpers from window.plcnetCommon as they load.
    scripts = [
        src.removeprefix("/assets/").split("?")[0]
        for src in LATER_SCRIPT.findall(_page(client))
        if src.startswith("/assets/")
    ]
    users = [
        name
        for name in scripts
        if "window.plcnetCommon" in (ASSETS / name).read_text(encoding="utf-8")
        and name != "_plcnet-common.js"
    ]
    assert sorted(users) == ["audit-images.js", "chart-export.js"]
    assert all(scripts.index("_plcnet-common.js") < scripts.index(name) for name in users)


def test_the_page_runs_one_deferred_script_which_starts_the_others_in_order(client) -> None:
    page = _page(client)
    assert RUN_SCRIPT.findall(page) == [(RUN_SCRIPT.search(page)[1], " defer")]
    assert "/assets/first-view.js?m=" in RUN_SCRIPT.search(page)[1]
    later = LATER_SCRIPT.findall(page)
    names = [src.split("/")[-1].split("?")[0] for src in later]
    # React first, as Dash orders them; then the renderer and the components.
    assert [n.split("@")[0].split(".")[0] for n in names[:4]] == [
        "polyfill",
        "react",
        "react-dom",
        "prop-types",
    ]
    assert any("dash_renderer" in n for n in names)
    # Dash's renderer starts when they have run, not as the page is read.
    assert 'addEventListener("plcnet:scripts-loaded"' in page
    assert "new DashRenderer(" in page
