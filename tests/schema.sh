#!/usr/bin/env bash
# The editor schema against a real JSON Schema validator (check-jsonschema, installed
# with pip in a venv): every bundled profile must validate, and every invalid fixture
# is run through both `careerbook check` and the schema. The cases where they still
# disagree are listed; each must be in the allowed list below, with its reason, so a
# new disagreement fails the test.
# usage: tests/schema.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/binary.sh
venv="$target/pyenv-schema"
if [ ! -x "$venv/bin/check-jsonschema" ]; then
  if ! python3 -m venv "$venv" >/dev/null 2>&1; then
    (apt-get update -qq && apt-get install -y -qq python3-venv) >/dev/null 2>&1 || {
      echo "schema: could not install python3-venv" >&2; exit 2; }
    python3 -m venv "$venv"
  fi
  "$venv/bin/pip" install -q check-jsonschema >/dev/null 2>&1 || {
    echo "schema: could not install check-jsonschema" >&2; exit 2; }
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$bin" schema --ladders profiles/ladders -o "$work/careerbook.schema.json" >/dev/null
validate() { "$venv/bin/check-jsonschema" --schemafile "$work/careerbook.schema.json" "$1" >/dev/null 2>&1; }

fail=0
good=0
for f in profiles/*.yaml profiles/cycle/*/*.yaml tests/fixtures/pages/*.yaml; do
  ladders=profiles/ladders
  case "$f" in tests/fixtures/pages/stress-ladder*) continue ;; esac
  if ! validate "$f"; then
    echo "FAIL: the schema rejects the valid profile $f:" >&2
    "$venv/bin/check-jsonschema" --schemafile "$work/careerbook.schema.json" "$f" >&2 || true
    fail=1
  fi
  "$bin" check "$f" --ladders "$ladders" --today 2026-12-01 >/dev/null 2>&1 || {
    echo "FAIL: check rejects the bundled profile $f" >&2; fail=1; }
  good=$((good + 1))
done

# where check and the schema may disagree, and why (only rules a schema cannot state)
allowed="
future-birth.yaml: a birth year in the future depends on today's date
empty.yaml: an empty file is not a YAML document the validator can read
syntax.yaml: broken YAML is refused by both, but the validator as a parse error
duplicate-key.yaml: the YAML reader keeps the last of two equal keys
rung.yaml: whether a rung belongs to the chosen track is a rule across two fields
"
disagree=()
for f in tests/fixtures/invalid/*.yaml tests/fixtures/typing/*.yaml; do
  name=$(basename "$f")
  check_ok=1; "$bin" check "$f" --today 2026-12-01 >/dev/null 2>&1 || check_ok=0
  schema_ok=1; validate "$f" || schema_ok=0
  if [ "$check_ok" != "$schema_ok" ]; then
    why=$(grep -F "$name:" <<< "$allowed" || true)
    if [ -n "$why" ]; then
      disagree+=("$why")
    else
      echo "FAIL: $f: check says $([ $check_ok = 1 ] && echo valid || echo invalid), the schema $([ $schema_ok = 1 ] && echo valid || echo invalid)" >&2
      fail=1
    fi
  fi
done
echo "schema: ${#disagree[@]} known disagreement(s) between check and the schema:"
for d in "${disagree[@]}"; do echo "  $d"; done
if [ "$fail" -ne 0 ]; then exit 1; fi
echo "schema: ok ($good bundled profiles validate with check-jsonschema; every invalid fixture is refused by both, but the cases above)"
