#!/usr/bin/env bash
# Peak memory of `careerbook batch` against roster length: generates CSV rosters of
# 10k, 100k and 1M rows and measures the peak RSS of a run over each (the 1M roster
# with --shard 1/1000, as the hardening report did). Prints one line per run.
#   usage: scripts/roster-memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q
bin=$PWD/target/release/careerbook
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import sys
out = sys.argv[1]
for n, name in [(10_000, '10k'), (100_000, '100k'), (1_000_000, '1m')]:
    with open(f'{out}/roster-{name}.csv', 'w', encoding='utf-8') as f:
        f.write('工号,姓名,部门,出生年份,职业路线,职级\n')
        for i in range(n):
            f.write(f'M{i:07d},员工{i},部门{i % 40},{1970 + i % 30},administrative,职员\n')
PY
run() { # label, args...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/t" "$bin" batch "$@" -o "$work/out-$label" -f json --today 2026-11-23 -q >/dev/null 2>"$work/err" || true
  read -r wall kb < "$work/t"
  printf '%-28s %8s s %8d MiB peak\n' "$label" "$wall" $((kb / 1024))
  rm -rf "$work/out-$label"
}
run "10k rows"                "$work/roster-10k.csv"
run "100k rows"               "$work/roster-100k.csv"
run "1M rows, --shard 1/1000" "$work/roster-1m.csv" --shard 1/1000
