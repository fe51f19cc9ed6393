"""The headers as the served dashboard sends them (``python -m dashboard``: gunicorn,
started by tests/serving.py): on a page, Dash's layout, an asset, a 404 and a refused
callback, with one ``Server`` header that names no version, the server's own answers
included (Werkzeug's, under ``--dev``: tests/dashboard/test_production_server.py)."""

from __future__ import annotations

import http.client
import json
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from dashboard.core.headers import SERVER_NAME
from tests.serving import serving

EXPECTED = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@pytest.fixture(scope="module")
def address(overview_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """host:port of the dashboard served on a copy of the fixture database."""
    db = tmp_path_factory.mktemp("served") / "plcnet.duckdb"
    shutil.copy(overview_db_path, db)
    with serving(db) as served:
        yield urlsplit(served.url).netloc


def _request(
    address: str, method: str, path: str, body: dict | None = None
) -> tuple[http.client.HTTPResponse, str]:
    """The response, read, and its body as text."""
    connection = http.client.HTTPConnection(address, timeout=30)
    headers = {"Content-Type": "application/json"} if body is not None else {}
    connection.request(method, path, json.dumps(body) if body is not None else None, headers)
    response = connection.getresponse()
    text = response.read().decode("utf-8", "replace")
    connection.close()
    return response, text


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        ("/regions?lang=cy", 200),
        ("/_dash-layout", 200),
        ("/assets/plcnet.css", 200),
        ("/assets/no-such-file.css", 404),
        ("/_dash-component-suites/no/such.js", 404),
    ],
)
def test_each_response_has_the_headers(address: str, path: str, status: int) -> None:
    response, _ = _request(address, "GET", path)
    assert response.status == status
    for name, value in EXPECTED.items():
        assert response.headers.get_all(name) == [value], name
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy
    assert response.headers.get_all("Server") == [SERVER_NAME]


def test_a_refused_callback_has_the_headers_and_no_traceback(address: str) -> None:
    crafted = {
        "output": "_pages_content.children",
        "outputs": {"id": "_pages_content", "property": "children"},
        "inputs": [{"id": "_pages_location", "property": "search", "value": ["?la=661"]}],
        "changedPropIds": ["_pages_location.search"],
    }
    response, body = _request(address, "POST", "/_dash-update-component", crafted)
    assert response.status == 400
    assert "Traceback" not in body and "File " not in body
    assert response.headers.get_all("Server") == [SERVER_NAME]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_server_own_error_names_no_version(address: str) -> None:
    # More headers than the server reads (gunicorn: 100): it answers itself, not the app.
    host, port = address.split(":")
    many = b"".join(b"X-Header-%d: x\r\n" % i for i in range(120))
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: " + address.encode() + b"\r\n" + many + b"\r\n")
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head = answer.decode("latin-1").split("\r\n\r\n", 1)[0]
    assert head.startswith("HTTP/1.1 431 ")
    assert "Server:" not in head
    assert not any(name in head for name in ("gunicorn", "Werkzeug", "Python"))
