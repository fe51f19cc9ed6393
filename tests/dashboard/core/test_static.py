"""A first visit's cost (dashboard/core/static.py): answers compressed when the browser
asks, fingerprinted bundles and assets cached for a year, the partial plotly bundle in
the page instead of Dash's whole plotly.js."""

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
# The pages draw with plotly's cartesian bundle, an asset (README, NOTICE).
PARTIAL_BUNDLE = re.compile(r'src="(/assets/plotly-cartesian-[\d.]+\.min\.js\?m=[\d.]+)"')


@pytest.fixture
def client(app: dash.Dash):
    return app.server.test_client()


def _page(client) -> str:
    return client.get("/regions").get_data(as_text=True)


def _bundle_path(client) -> str:
    """A fingerprinted Dash bundle the page names (dash_renderer's)."""
    return re.search(r'src="(/_dash-component-suites/dash/dash-renderer/[^"]+)"', _page(client))[1]


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
    scripts = re.findall(r'src="/assets/([^"?]+\.js)\?m=', _page(client))
    users = [
        name
        for name in scripts
        if "window.plcnetCommon" in (ASSETS / name).read_text(encoding="utf-8")
        and name != "_plcnet-common.js"
    ]
    assert sorted(users) == ["audit-images.js", "chart-export.js"]
    assert all(scripts.index("_plcnet-common.js") < scripts.index(name) for name in users)
