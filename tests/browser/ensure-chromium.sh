#!/usr/bin/env bash
# Make sure a Chromium is available for the browser tests, or fail loudly:
# the system's Chromium if present; else Debian's package when running as root;
# else Playwright's own download. The browser tests never skip silently.
set -euo pipefail
chromium="${1:-/usr/bin/chromium}"

if [ -x "$chromium" ]; then
  echo "Chromium: $chromium"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chromium missing: installing Debian's chromium package"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x "$chromium" ] && { echo "Chromium: $chromium"; exit 0; }
fi
echo "Chromium missing and not root: trying Playwright's own download"
if .venv/bin/python -m playwright install chromium; then
  echo "Chromium: Playwright's own build"
  exit 0
fi
echo "ERROR: no Chromium for the browser tests. Install one (apt-get install chromium)" \
     "or set CHROMIUM=/path/to/chromium." >&2
exit 1
