#!/usr/bin/env bash
# Refresh the translation catalogue from the GUI's source and compile it.
#
#   packaging/update-translations.sh
#
# 1. pyside6-lupdate collects every tr()/translate() text of hisconsole/ui into
#    resources/i18n/hisconsole_zh_CN.ts (new texts arrive as type="unfinished";
#    texts no longer in the code are dropped, -no-obsolete).
# 2. Translate the new texts (Qt Linguist: pyside6-linguist, or edit the .ts).
# 3. Run this script again: pyside6-lrelease compiles the .ts into the .qm the
#    program loads. tests/gui/test_translations.py fails while any text is
#    untranslated or the .qm is out of date.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
bin=${PYSIDE6_BIN:-}
if [ -z "$bin" ]; then
    if [ -x .venv/bin/pyside6-lupdate ]; then bin=.venv/bin; else bin=$(dirname "$(command -v pyside6-lupdate)"); fi
fi

ts=resources/i18n/hisconsole_zh_CN.ts
qm=resources/i18n/hisconsole_zh_CN.qm
mapfile -t sources < <(find hisconsole/ui -name '*.py' | LC_ALL=C sort)

"$bin/pyside6-lupdate" -no-obsolete -locations relative "${sources[@]}" -ts "$ts"
"$bin/pyside6-lrelease" "$ts" -qm "$qm"
