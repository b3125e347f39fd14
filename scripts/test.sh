#!/usr/bin/env bash
# One command from a fresh clone: install, typecheck, build, and run every test
# (domain, repositories on SQLite and PostgreSQL/PGlite, routers, CLI, Chromium end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pnpm >/dev/null 2>&1 || npm install -g pnpm@10
pnpm install --frozen-lockfile
exec pnpm test
