"""``python -m tests.idp --port 9000 --client-id ID --client-secret S --redirect-uri URI``."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from tests.idp.provider import Client, create_provider


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.idp", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9000)
    parser.add_argument("--client-id", default="plcnet-dev")
    parser.add_argument(
        "--client-secret",
        default=os.environ.get("PLCNET_DEV_CLIENT_SECRET"),
        help="the client's secret (default: $PLCNET_DEV_CLIENT_SECRET)",
    )
    parser.add_argument("--redirect-uri", action="append", required=True)
    parser.add_argument("--post-logout-redirect-uri", action="append", default=[])
    parser.add_argument(
        "--groups-at-userinfo-only",
        action="store_true",
        help="leave the groups out of the ID token, as some providers do",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.client_secret:
        print("give --client-secret or set PLCNET_DEV_CLIENT_SECRET", file=sys.stderr)
        return 2
    issuer = f"http://{args.host}:{args.port}"
    client = Client(
        args.client_id, args.client_secret, args.redirect_uri, args.post_logout_redirect_uri
    )
    app = create_provider(issuer, [client], groups_in_id_token=not args.groups_at_userinfo_only)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    print(f"Development OpenID Connect provider at {issuer}", flush=True)
    app.run(host=args.host, port=args.port, threaded=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
