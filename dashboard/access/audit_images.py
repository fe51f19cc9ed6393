"""Chart images downloaded in the browser, reported to the audit log.

Plotly's "Download plot as a PNG" makes the image in the browser, so the server
never sees it: assets/audit-images.js POSTs ``{"page": "/regions", "chart":
"regions-measure-graph"}`` to ``/audit/image`` for each one. The payload is
checked strictly (a registered page, a chart of that page, nothing else, no data)
and anything else gets a 400 and is not logged. The user is the server's
(the request's session or proxy headers), never the payload's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import dash
import flask

from dashboard.access.audit import record_image
from dashboard.core.registry import page_key

__all__ = ["IMAGE_ROUTE", "ImageReport", "install_image_audit", "read_image_report"]

IMAGE_ROUTE = "/audit/image"
MAX_BODY_BYTES = 512  # a page path and a chart id; anything longer is not a report

# A path variable of a page of one thing: a school number, a PLC id.
_PATH_ID = r"[A-Za-z0-9][A-Za-z0-9._~%-]{0,63}"
# Chart ids are ids.chart_graph(page, what): "<page>-<what>-graph".
_CHART = re.compile(r"[a-z][a-z0-9-]{0,80}-graph")


@dataclass(frozen=True)
class ImageReport:
    page: str
    chart: str


def _page_patterns(pages: Iterable[Mapping[str, object]]) -> list[tuple[re.Pattern[str], str]]:
    """Each registered page's path as a pattern, with the prefix of its charts' ids."""
    patterns = []
    for page in pages:
        template = page.get("path_template") or page["path"]
        parts = re.split(r"<[^>]+>", str(template))
        pattern = re.compile(_PATH_ID.join(re.escape(part) for part in parts))
        prefix = page_key(page) + "-"
        patterns.append((pattern, prefix))
    return patterns


def read_image_report(payload: object, pages: Iterable[Mapping[str, object]]) -> ImageReport | None:
    """The report in ``payload``, or None unless it is exactly a registered page's path and
    the id of one of that page's charts."""
    if not isinstance(payload, dict) or set(payload) != {"page", "chart"}:
        return None
    page, chart = payload["page"], payload["chart"]
    if not isinstance(page, str) or not isinstance(chart, str) or not _CHART.fullmatch(chart):
        return None
    for pattern, prefix in _page_patterns(pages):
        if pattern.fullmatch(page) and chart.startswith(prefix):
            return ImageReport(page, chart)
    return None


def _is_same_origin(request: flask.Request) -> bool:
    """Whether the browser says the POST comes from a page of this server (Origin and
    Sec-Fetch-Site, when sent; a browser sends them with every fetch POST)."""
    origin = request.headers.get("Origin")
    if origin is not None and urlsplit(origin).netloc != request.host:
        return False
    return request.headers.get("Sec-Fetch-Site", "same-origin") == "same-origin"


def _answer(text: str, status: int) -> flask.Response:
    return flask.Response(text, status=status, mimetype="text/plain")


def receive_image_report() -> flask.Response:
    request = flask.request
    if not _is_same_origin(request):
        return _answer("Forbidden", 403)
    if request.mimetype != "application/json" or (request.content_length or 0) > MAX_BODY_BYTES:
        return _answer("Bad request", 400)
    # Read no more than a report can be, whatever the body (chunked, no length) holds.
    body = request.stream.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        return _answer("Bad request", 400)
    try:
        payload = json.loads(body)
    except ValueError:  # not JSON, or not UTF-8
        return _answer("Bad request", 400)
    report = read_image_report(payload, dash.page_registry.values())
    if report is None:
        return _answer("Bad request", 400)
    record_image(report.page, report.chart)
    return flask.Response(status=204)


def install_image_audit(server: flask.Flask) -> None:
    """Add the endpoint that records the chart images downloaded (POST only)."""
    server.add_url_rule(IMAGE_ROUTE, "plcnet_audit_image", receive_image_report, methods=["POST"])
