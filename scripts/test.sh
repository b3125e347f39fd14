#!/usr/bin/env bash
# The README's one test command, from a fresh clone on a fresh Debian machine: installs what is
# missing (pnpm, Debian Chromium and CJK fonts for the end-to-end tests), then the dependencies,
# then typechecks, builds and runs every test (domain, repositories on SQLite and PostgreSQL/PGlite,
# routers, CLI, Chromium end-to-end) through scripts/run-tests.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC

command -v pnpm >/dev/null 2>&1 || npm install -g pnpm@10

missing=()
command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (apt-get)"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

pnpm install --frozen-lockfile
exec pnpm test "$@"
