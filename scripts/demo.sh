#!/usr/bin/env bash
# One command from a fresh clone: install, build the dashboard, create the SQLite database,
# load the 江临市 demo city and serve everything on http://127.0.0.1:5180 (PORT overrides).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pnpm >/dev/null 2>&1 || npm install -g pnpm@10
pnpm install --frozen-lockfile
pnpm --filter @kaoping/dashboard build
exec pnpm start
