#!/usr/bin/env bash
# The README's GNU parallel recipe, run for real: a generated roster and survey export,
# four shards with `--shard auto/4` (K from PARALLEL_SEQ), one merge — and the merged
# overview must equal a single run's, byte for byte. Installs Debian's `parallel` when
# missing. Run from the project root (or anywhere: it finds it).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v parallel >/dev/null; then
  apt-get update -qq >/dev/null && apt-get install -y -qq parallel >/dev/null
fi
. tests/binary.sh
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import random, sys
r = random.Random(7)
work = sys.argv[1]
depts = ["研发部", "客服部", "财务部", "市场部"]
words = ["可靠", "冷静", "耐心", "善良", "睿智", "风趣", "友好", "自信", "安静", "博学"]
with open(f"{work}/roster.csv", "w", encoding="utf-8") as f:
    f.write("工号,姓名,部门,职业路线,职级,出生年份\n")
    for i in range(1, 241):
        track, level = r.choice([("technical", "中级"), ("technical", "初级"), ("administrative", "主管")])
        f.write(f"E{i:04},员工{i},{r.choice(depts)},{track},{level},{r.randint(1970, 2000)}\n")
with open(f"{work}/survey.csv", "w", encoding="utf-8") as f:
    f.write("序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、被评价同事的工号：,2、请选择最能描述他/她的词（多选题）\n")
    for n in range(1, 1201):
        picks = "┋".join(r.sample(words, 5))
        f.write(f"{n},2026/10/8 10:00:01,40秒,手机提交,直接访问,10.0.0.{n % 250}(上海),E{r.randint(1, 240):04},{picks}\n")
PY
common=(--feedback "$work/survey.csv" -f json --today 2026-11-23 -q)
"$bin" batch "$work/roster.csv" "${common[@]}" -o "$work/single" >/dev/null 2>&1
parallel -N0 -j 4 "$bin" batch "$work/roster.csv" "${common[@]}" -o "$work/sharded" \
  --shard auto/4 ::: 1 2 3 4 >/dev/null 2>"$work/parallel.err" || { cat "$work/parallel.err" >&2; exit 1; }
for k in 1 2 3 4; do
  test -s "$work/sharded/_overview-$k-of-4.json" || { echo "parallel.sh: shard $k wrote no counts" >&2; exit 1; }
done
"$bin" overview "$work/sharded" -o "$work/merged" >/dev/null
for f in _overview.html _overview.csv; do
  cmp "$work/single/$f" "$work/merged/$f" || { echo "parallel.sh: $f differs from a single run's" >&2; exit 1; }
done
echo "parallel.sh: 4 shards by GNU parallel (--shard auto/4), merged overview equals a single run's"
