#!/usr/bin/env bash
# Rebuilds the old-format fixtures (.xls, .doc) in fixtures/scheme from the generated .xlsx/.docx,
# the way an office's Excel/Word 97–2003 files are made: saved again by an office suite.
# Manual (LibreOffice is not part of the project's install): needs `soffice` with Writer and Calc
# (Debian: libreoffice-writer-nogui libreoffice-calc-nogui).
#   bash packages/exporters/src/scheme/build-legacy-fixtures.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
dir="$root/fixtures/scheme"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
convert() { soffice -env:UserInstallation="file://$profile" --headless --convert-to "$1" --outdir "$dir" "$2" >/dev/null; }
convert xls "$dir/district-portal-website-2023.xlsx"
convert doc "$dir/shicheng-2018-river-chief.docx"
convert doc "$dir/shicheng-2018-river-chief-single-table.docx"
convert doc "$dir/township-2010-info-disclosure-excerpt.docx"
# A Word 97 file with no table at all (only the notice's text), for the refusal.
printf '关于印发考核细则的通知\n考核细则见附件。\n' >"$profile/legacy-no-table.txt"
convert doc "$profile/legacy-no-table.txt"
ls -l "$dir"/*.xls "$dir"/*.doc
