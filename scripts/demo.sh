#!/usr/bin/env bash
# One command from a fresh clone: install, build the dashboard and the server, create the SQLite database,
# load the 江临市 demo city and serve everything on http://127.0.0.1:5180 (PORT overrides).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pnpm >/dev/null 2>&1 || npm install -g pnpm@10
pnpm install --frozen-lockfile
# The dashboard, and the server bundled (apps/server/dist; `pnpm start` would also build it when missing or stale).
pnpm --filter @kaoping/dashboard --filter @kaoping/server build
exec pnpm start
