#!/usr/bin/env bash
# Prints what a feedback export of 50,000 rows of words that are no adjective costs:
# wall time, message lines and overview size (targets: ≤ 5 s, ≤ 500 lines, ≤ 2 MB).
# Usage: scripts/feedback-bound.sh [path/to/careerbook]   (default: a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/careerbook}
[ -x "$bin" ] || cargo build --release --locked -q
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
  echo "工号,姓名,部门"
  for i in $(seq 1 12); do printf 'E%03d,员工%d,研发部\n' "$i" "$i"; done
} > "$tmp/roster.csv"
python3 - "$tmp/unknown.csv" <<'PY'
import random, sys
r = random.Random(1)
with open(sys.argv[1], "w") as f:
    f.write("subject_id,rater,adjectives\n")
    for i in range(50000):
        f.write(f"E{r.randint(1, 12):03},rater{i},word{i};thing{i};calm\n")
PY
start=$(date +%s.%N)
"$bin" batch "$tmp/roster.csv" --feedback "$tmp/unknown.csv" -f json -o "$tmp/out" \
  --today 2026-11-23 >"$tmp/stdout" 2>"$tmp/stderr" || true
end=$(date +%s.%N)
secs=$(python3 -c "print(f'{$end - $start:.2f}')")
lines=$(cat "$tmp/stdout" "$tmp/stderr" | wc -l)
size=$(cat "$tmp/out/_overview.html" "$tmp/out/_overview.csv" | wc -c)
echo "50,000 rows of unknown words: ${secs} s (target ≤ 5), ${lines} message lines (≤ 500), overview ${size} bytes (≤ 2 MB)"
