#!/usr/bin/env bash
# Measures careerbook against its targets and against headless Chromium printing
# careerbook's own HTML to PDF, and prints one table. Installs what it needs
# (chromium, fonts-noto-cjk, hyperfine) with apt-get when missing.
#   usage: scripts/bench.sh [COUNT]     (default 1000 generated zh-CN profiles)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
today=2026-11-23
need=()
command -v chromium >/dev/null || need+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v bc >/dev/null || need+=(bc)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} ..." >&2
  (apt-get update -qq && apt-get install -y -qq "${need[@]}") >/dev/null 2>&1 || { echo "bench: could not install ${need[*]}" >&2; exit 2; }
fi
cargo build --release --locked -q
bin=target/release/careerbook
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# 1. generate COUNT zh-CN profiles from the bundled full example
python3 - "$work/in" "$count" <<'PY'
import os, random, sys
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out)
random.seed(7)
src = open('profiles/li-na.zh.yaml', encoding='utf-8').read()
surn, given = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗', '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉萍红玲芬燕'
depts = ['客服部', '研发中心', '财务部', '销售部', '人力资源部']
for i in range(n):
    name = random.choice(surn) + random.choice(given) + random.choice(given)
    # whole fields only: a bare replace of '1996' rewrote ids such as G01996, and the
    # rewritten ids collided from about 2,000 profiles up
    year = random.randint(1975, 2000)
    s = (src.replace('name: 李娜', f'name: {name}').replace('id: E2041', f'id: G{i:06d}')
            .replace('department: 客服部', f'department: {random.choice(depts)}')
            .replace('birth_year: 1996', f'birth_year: {year}'))
    assert f'id: G{i:06d}' in s and f'birth_year: {year}' in s
    open(f'{out}/p{i:05d}.yaml', 'w', encoding='utf-8').write(s)
PY

measure() { # label, command...: prints wall s, cpu s, peak MiB
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r wall user sys kb < "$work/time"
  echo "$label $wall $(echo "$user + $sys" | bc -l) $((kb / 1024))"
}
pdf_run=$(measure pdf "$bin" batch "$work/in" -o "$work/pdf" -f pdf --today $today -q)
html_run=$(measure html "$bin" batch "$work/in" -o "$work/html" -f html --today $today -q)
read -r _ pdf_wall pdf_cpu pdf_mem <<< "$pdf_run"
read -r _ html_wall html_cpu html_mem <<< "$html_run"

# 2. one whole-process render of li-na.zh.yaml to PDF
hyperfine -N -w 3 -r 30 --export-json "$work/one.json" "$bin render profiles/li-na.zh.yaml -f pdf -o $work/one --today $today -q" >/dev/null 2>&1
one_ms=$(python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['results'][0]['mean']*1000, 1))" "$work/one.json")
"$bin" render profiles/li-na.zh.yaml -f pdf,html -o "$work/one" --today $today -q
our_bytes=$(stat -c %s "$work/one/E2041.pdf")

# 3. the peer: headless Chromium printing careerbook's own HTML of the same profile
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --no-pdf-header-footer)
runs=5
start=$(date +%s.%N)
for i in $(seq $runs); do
  chromium "${flags[@]}" --user-data-dir="$work/chrome$i" --print-to-pdf="$work/chrome.pdf" "file://$work/one/E2041.html" >/dev/null 2>&1
done
end=$(date +%s.%N)
chrome_ms=$(echo "($end - $start) * 1000 / $runs" | bc -l)
chrome_bytes=$(stat -c %s "$work/chrome.pdf")

per_doc_ms=$(echo "$pdf_wall * 1000 / $count" | bc -l)
cpu_per_doc=$(echo "$pdf_cpu * 1000 / $count" | bc -l)
speedup=$(echo "$chrome_ms / $per_doc_ms" | bc -l)
ok() { if [ "$(echo "$1" | bc -l)" = 1 ]; then echo PASS; else echo FAIL; fi; }
scaled_wall=$(echo "$pdf_wall * 1000 / $count" | bc -l)   # seconds per 1,000

printf '\n%-44s %12s %12s %10s\n' "measure ($(nproc) cores)" careerbook chromium ratio
printf '%-44s %12.1f %12.1f %9.0fx\n' "ms per workbook PDF (batch of $count)" "$per_doc_ms" "$chrome_ms" "$speedup"
printf '%-44s %12d %12d %9.2fx\n' "PDF bytes, li-na.zh.yaml" "$our_bytes" "$chrome_bytes" "$(echo "$chrome_bytes / $our_bytes" | bc -l)"
printf '\n%-44s %10s %10s %10s\n' "batch of $count zh-CN profiles" "wall s" "CPU s" "peak MiB"
printf '%-44s %10.2f %10.2f %10d\n' "to PDF" "$pdf_wall" "$pdf_cpu" "$pdf_mem"
printf '%-44s %10.2f %10.2f %10d\n' "to HTML" "$html_wall" "$html_cpu" "$html_mem"
printf '%-44s %10.1f ms\n' "one whole-process render (li-na, PDF)" "$one_ms"
printf '\n%-44s %s\n' "target" "result"
printf '%-44s %s (%.1f s per 1,000)\n' "1,000 workbooks to PDF in <= 10 s wall" "$(ok "$scaled_wall <= 10")" "$scaled_wall"
printf '%-44s %s (%.1f ms)\n' "<= 20 ms CPU per workbook" "$(ok "$cpu_per_doc <= 20")" "$cpu_per_doc"
printf '%-44s %s (%.1f ms)\n' "one whole-process render <= 60 ms" "$(ok "$one_ms <= 60")" "$one_ms"
printf '%-44s %s (%.0fx)\n' ">= 50x faster than Chromium per document" "$(ok "$speedup >= 50")" "$speedup"
printf '%-44s %s (%d bytes)\n' "li-na.zh.yaml PDF <= 150 KB" "$(ok "$our_bytes <= 153600")" "$our_bytes"
printf '%-44s %s (%d MiB)\n' "batch peak memory <= 200 MB" "$(ok "$pdf_mem <= 190")" "$pdf_mem"
