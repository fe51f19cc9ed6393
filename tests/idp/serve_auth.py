"""``make serve-auth``: the development provider and the dashboard requiring sign-in
with it, at http://127.0.0.1:8050; the provider stops when the dashboard stops.

Fresh secrets are made at each start (the client's and the session's), so nothing
secret is kept in the repository; sign in as one of the accounts of docs/access.md.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.idp.serving import provider_command, sign_in_environment
from tests.serving import PROJECT_ROOT, stop_process

START_TIMEOUT_S = 30


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.idp.serve_auth", description=__doc__)
    parser.add_argument("--db", type=Path, default=PROJECT_ROOT / "data" / "plcnet.duckdb")
    parser.add_argument("--port", type=int, default=8050, help="the dashboard's port")
    parser.add_argument("--idp-port", type=int, default=9000, help="the provider's port")
    return parser.parse_args(argv)


def wait_for(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise SystemExit(f"the development provider did not start at {url}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    dashboard_url = f"http://127.0.0.1:{args.port}"
    client_secret, session_secret = secrets.token_urlsafe(24), secrets.token_urlsafe(48)
    env = {**os.environ, "PLCNET_DEV_CLIENT_SECRET": client_secret}
    provider = subprocess.Popen(provider_command(args.idp_port, dashboard_url), env=env)
    issuer = f"http://127.0.0.1:{args.idp_port}"
    dashboard = None
    # Stopped by a signal (not only Ctrl-C), the finally below still stops both.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        wait_for(f"{issuer}/.well-known/openid-configuration", provider)
        settings = sign_in_environment(issuer, client_secret, session_secret, audit_log=None)
        print(f"Sign in at {dashboard_url} as analyst / plcnet-analyst (docs/access.md)")
        command = [sys.executable, "-m", "dashboard", "--db", str(args.db)]
        command += ["--port", str(args.port)]
        dashboard = subprocess.Popen(command, cwd=PROJECT_ROOT, env={**os.environ, **settings})
        return dashboard.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if dashboard is not None:
            stop_process(dashboard)
        stop_process(provider)


if __name__ == "__main__":
    sys.exit(main())
