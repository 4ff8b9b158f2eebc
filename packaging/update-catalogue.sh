#!/usr/bin/env bash
# Refresh the gettext catalogue of the Qt-free layers (services, printing, CLI) and
# compile it (docs/translating.md).
#
#   packaging/update-catalogue.sh
#
# 1. pybabel extract collects every _()/ngettext() text and every KnownError
#    template (keyed by its code) of hisconsole/ (not ui/) into messages.pot.
# 2. pybabel update merges it into zh_CN/LC_MESSAGES/hisconsole.po: new texts
#    arrive with an empty msgstr (or "fuzzy" when Babel guessed one).
# 3. Translate them (hospital terms: /work/shared/mission/terms-zh.md) and run
#    this script again: pybabel compile writes the .mo the program loads.
#    tests/unit/test_i18n.py fails while any text is untranslated or the .mo is stale.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
bin=${PYBABEL_BIN:-}
if [ -z "$bin" ]; then
    if [ -x .venv/bin/pybabel ]; then bin=.venv/bin; else bin=$(dirname "$(command -v pybabel)"); fi
fi
dir=hisconsole/i18n
pot=$dir/messages.pot

PYTHONPATH="$top${PYTHONPATH:+:$PYTHONPATH}" "$bin/pybabel" extract -F babel.cfg -k N_ \
    --project=hisconsole --no-wrap --sort-by-file --omit-header -o "$pot" hisconsole
if [ -f "$dir/zh_CN/LC_MESSAGES/hisconsole.po" ]; then
    "$bin/pybabel" update -i "$pot" -d "$dir" -D hisconsole -l zh_CN --no-wrap --ignore-obsolete --ignore-pot-creation-date
else
    "$bin/pybabel" init -i "$pot" -d "$dir" -D hisconsole -l zh_CN --no-wrap --ignore-obsolete --ignore-pot-creation-date
fi
"$bin/pybabel" compile -d "$dir" -D hisconsole -l zh_CN --statistics
