"""plcnet installed without a checkout: the wheel ``uv build`` makes, installed into a new
virtual environment outside the repository, makes the demo, refreshes and serves with
its console scripts, from a folder of its own (docs/operations.md)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.serving import PROJECT_ROOT, find_free_port, stop_process

START_TIMEOUT_S = 60


def find_uv() -> str:
    """uv as the Makefile finds it: on PATH, else the project's .tools/bin/uv."""
    found = shutil.which("uv") or PROJECT_ROOT / ".tools" / "bin" / "uv"
    assert Path(found).is_file(), "no uv: run make setup"
    return str(found)


def run(command: list[str], cwd: Path, env: dict[str, str], timeout: int = 300) -> str:
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def environment_outside(repo: Path) -> dict[str, str]:
    """This environment without anything that would find the checkout's code."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    assert str(repo) not in env.get("PATH", "").split(os.pathsep)
    return env


def install_wheel(tmp: Path, env: dict[str, str]) -> Path:
    """The wheel built and installed, with the locked versions, into ``tmp/venv``:
    its bin folder."""
    uv = find_uv()
    dist = tmp / "dist"
    run([uv, "build", "--wheel", "--out-dir", str(dist)], PROJECT_ROOT, env)
    [wheel] = dist.glob("plcnet-*.whl")
    locked = tmp / "requirements.txt"
    export = [uv, "export", "--frozen", "--no-dev", "--no-emit-project", "--no-hashes"]
    run([*export, "--output-file", str(locked)], PROJECT_ROOT, env)
    venv = tmp / "venv"
    run([uv, "venv", "--python", sys.executable, str(venv)], tmp, env)
    # From uv's cache (make setup filled it) where it can; a package whose registry
    # metadata the cache lacks is asked of the registry.
    install = [uv, "pip", "install", "--python", str(venv / "bin" / "python")]
    packages = ["-r", str(locked), str(wheel)]
    offline = subprocess.run(
        [*install, "--offline", *packages], cwd=tmp, env=env, capture_output=True, check=False
    )
    if offline.returncode != 0:
        run([*install, *packages], tmp, env)
    return venv / "bin"


def wait_for_ready(url: str, process: subprocess.Popen[bytes], log: Path) -> dict:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the installed dashboard exited:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=10) as response:
                return json.loads(response.read())
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    pytest.fail(
        f"the installed dashboard did not answer in {START_TIMEOUT_S} s:\n{log.read_text()}"
    )


def test_the_wheel_installed_elsewhere_refreshes_and_serves(tmp_path: Path) -> None:
    env = environment_outside(PROJECT_ROOT)
    bin_dir = install_wheel(tmp_path, env)
    home = tmp_path / "plcnet-home"
    home.mkdir()
    # The code is the installed copy, not the checkout's.
    where = run(
        [str(bin_dir / "python"), "-c", "import etl, dashboard; print(etl.__file__)"], home, env
    )
    assert str(tmp_path / "venv") in where and str(PROJECT_ROOT) not in where
    # The demo and a refresh, with the reference files the wheel carries, into ./data.
    run([str(bin_dir / "plcnet-etl"), "demo"], home, env)
    refreshed = json.loads(run([str(bin_dir / "plcnet-etl"), "refresh", "--json"], home, env))
    db = home / "data" / "plcnet.duckdb"
    assert db.is_file()
    # The system's configuration comes with the wheel (etl/system_files): Wales by default.
    assert refreshed["system"] == "wales"
    port = find_free_port()
    log = tmp_path / "server.log"
    command = [str(bin_dir / "plcnet-dashboard"), "--port", str(port), "--workers", "2"]
    with log.open("wb") as out:
        server = subprocess.Popen(command, cwd=home, env=env, stdout=out, stderr=out)
    try:
        url = f"http://127.0.0.1:{port}"
        ready = wait_for_ready(url, server, log)
        assert ready == {"status": "ready", "refresh_id": refreshed["run_id"]}
        with urllib.request.urlopen(f"{url}/regions?lang=cy", timeout=30) as page:
            assert page.status == 200
            assert b"react-entry-point" in page.read()
        with urllib.request.urlopen(f"{url}/_dash-layout", timeout=60) as layout:
            assert refreshed["run_id"].encode() in layout.read()
    finally:
        stop_process(server)
    assert "Starting gunicorn" in log.read_text()
