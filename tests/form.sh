#!/usr/bin/env bash
# Real-browser test of the fill-in form: Playwright for Python drives Debian's chromium
# (installed with apt-get when missing; Playwright and PyYAML go into a venv under
# target/). See tests/form-browser.py for what is checked.
# usage: tests/form.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null 2>&1 || { echo "form: could not install chromium" >&2; exit 2; }
fi
. tests/binary.sh
venv="$target/pyenv-browser"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import playwright, yaml' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check playwright pyyaml >/dev/null || { echo "form: could not install playwright" >&2; exit 2; }
fi
"$venv/bin/python" tests/form-browser.py "$bin" "$(command -v chromium)"
