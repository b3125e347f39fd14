#!/usr/bin/env bash
# Renders the exported 考核细则 (.docx) to page images for looking at the layout by eye.
# Manual, not part of the tests: needs LibreOffice (soffice) and poppler (pdftoppm), which a user's
# machine does not have (Debian: libreoffice-writer-nogui poppler-utils, plus CJK fonts).
#   bash scripts/render-scheme-docx.sh [OUT_DIR]     # default test-output/scheme-render
# Writes OUT_DIR/<sample>.pdf and OUT_DIR/<sample>-<page>.png; open the PNGs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(realpath -m "${1:-$root/test-output/scheme-render}")"
mkdir -p "$out"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
cd "$root"
pnpm exec tsx packages/exporters/src/scheme/write-sample-docx.ts "$out"
for docx in "$out"/*.docx; do
  rm -f "${docx%.docx}"-*.png
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$docx" >/dev/null 2>&1
  pdftoppm -png -r 60 "${docx%.docx}.pdf" "${docx%.docx}"
done
ls "$out"/*.png
