#!/usr/bin/env bash
# Starts the sandbox from a fresh clone: installs npm packages if needed, builds the plugin and the
# Grafana-like shell, then serves both with the emulated Grafana API. Extra arguments go to the
# server (for example --seed FILE, --port N).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build --silent
node sandbox/shell/build.mjs
exec npx tsx sandbox/server/main.ts "$@"
