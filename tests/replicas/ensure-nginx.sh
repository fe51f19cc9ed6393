#!/usr/bin/env bash
# Make sure nginx is available for tests/test_replicas.py (the load balancer in front
# of two replicas), or fail loudly: the test never skips. Debian's package when
# running as root; otherwise ask for it.
set -euo pipefail
nginx="${1:-/usr/sbin/nginx}"

if [ -x "$nginx" ]; then
  echo "nginx: $nginx"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "nginx missing: installing Debian's nginx package"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  [ -x "$nginx" ] && { echo "nginx: $nginx"; exit 0; }
fi
echo "ERROR: no nginx for the load-balancer test. Install one (apt-get install nginx)" \
     "or set NGINX=/path/to/nginx." >&2
exit 1
