#!/usr/bin/env bash
# Runs every check from a fresh clone: installs what is missing (npm packages, Debian's Chromium),
# then lockfile check, typecheck, lint, unit and component tests, build, and browser journeys.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Debian's Chromium (needs root)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium > /dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
fi

echo "== lockfile resolves from the npm registry only"
node scripts/check-lockfile.mjs

echo "== typecheck";  npx tsc --noEmit -p .
echo "== lint";       npx eslint --max-warnings 0 .
echo "== jest";       npx jest --ci --maxWorkers 2
echo "== LDAP demo against a real slapd"; bash scripts/check-ldap-demo.sh
echo "== build";      npm run build --silent
echo "== sandbox shell"; node sandbox/shell/build.mjs
echo "== browser journeys (Playwright, Debian Chromium)"
npx playwright test
