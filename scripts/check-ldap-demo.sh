#!/usr/bin/env bash
# Checks the demo's LDAP data against a real OpenLDAP, without Docker: starts Debian's slapd on a loopback port in a
# temporary directory, with the base DN and admin of docker-compose.yaml's ldap service, loads
# provisioning/ldap/demo.ldif with ldapadd as that image does, and runs provisioning/ldap/ldap.toml's user and group
# searches with ldapsearch for every demo login of the README (scripts/ldap-demo.ts). Installs slapd and ldap-utils
# when they are missing (root, or sudo). Stops its slapd and removes its directory whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
POLICY=/usr/sbin/policy-rc.d
ADDED_POLICY=""
WORK=""
SLAPD_PID=""

cleanup() {
  if [ -n "$SLAPD_PID" ] && kill -0 "$SLAPD_PID" 2>/dev/null; then
    kill "$SLAPD_PID"
    for _ in $(seq 50); do kill -0 "$SLAPD_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SLAPD_PID" 2>/dev/null || true
  fi
  [ -n "$WORK" ] && rm -rf "$WORK"
  [ -n "$ADDED_POLICY" ] && $SUDO rm -f "$POLICY"
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ ! -x /usr/sbin/slapd ] || ! command -v ldapsearch >/dev/null || ! command -v ldapwhoami >/dev/null; then
  echo "== installing Debian's slapd and ldap-utils"
  # The package would start the system's own slapd: keep it from starting any service while it installs.
  if [ ! -e "$POLICY" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null
    $SUDO chmod 755 "$POLICY"
    ADDED_POLICY=1
  fi
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slapd ldap-utils >/dev/null
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ldap-demo.XXXXXX")"
npx tsx scripts/ldap-demo.ts prepare "$WORK"
# shellcheck source=/dev/null
. "$WORK/ldap.env"

PORT="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
URL="ldap://127.0.0.1:$PORT"
# -d 0: stay in the foreground, so that $! is slapd itself.
/usr/sbin/slapd -f "$WORK/slapd.conf" -h "$URL/" -d 0 >"$WORK/slapd.log" 2>&1 &
SLAPD_PID=$!
for _ in $(seq 100); do
  ldapsearch -x -H "$URL" -b "" -s base -LLL namingContexts >/dev/null 2>&1 && break
  if ! kill -0 "$SLAPD_PID" 2>/dev/null; then
    echo "slapd did not start:" >&2
    cat "$WORK/slapd.log" >&2
    exit 1
  fi
  sleep 0.1
done
echo "== slapd $(/usr/sbin/slapd -VV 2>&1 | sed -n 's/.*slapd \([0-9.]*\).*/\1/p' | head -1) on $URL"

ldapadd -x -H "$URL" -D "$LDAP_ADMIN_DN" -w "$LDAP_ADMIN_PASSWORD" -f "$WORK/base.ldif" >/dev/null
ldapadd -x -H "$URL" -D "$LDAP_ADMIN_DN" -w "$LDAP_ADMIN_PASSWORD" -f provisioning/ldap/demo.ldif >/dev/null
echo "== loaded provisioning/ldap/demo.ldif; ldap.toml's searches for each demo login"
npx tsx scripts/ldap-demo.ts check "$URL"
