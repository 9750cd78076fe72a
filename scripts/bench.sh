#!/usr/bin/env bash
# Measures careerbook against its targets and its peers — Typst in-process (PyPI's
# `typst`, on workbooks of the same text and length) and headless Chromium printing
# careerbook's own HTML — and prints one table with PASS/FAIL per target. Installs what
# it needs (chromium, fonts-noto-cjk, poppler-utils, hyperfine, bc with apt-get; typst
# into a venv under target/) when missing.
#   usage: scripts/bench.sh [COUNT]     (default 1000 rich zh-CN profiles; memory is
#                                        also measured at 10 × COUNT)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
big=$((count * 10))
today=2026-11-23
need=()
command -v chromium >/dev/null || need+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v bc >/dev/null || need+=(bc)
command -v pdftotext >/dev/null || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} ..." >&2
  (apt-get update -qq && apt-get install -y -qq "${need[@]}") >/dev/null 2>&1 || { echo "bench: could not install ${need[*]}" >&2; exit 2; }
fi
venv=target/pyenv-bench
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import typst' 2>/dev/null; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q --disable-pip-version-check typst >/dev/null \
    || { echo "bench: could not install typst" >&2; exit 2; }
fi
cargo build --release --locked -q
bin=target/release/careerbook
# output on tmpfs where there is one: the figures are of our work, not of the disk
work=$(mktemp -d -p "$( [ -d /dev/shm ] && echo /dev/shm || echo /tmp )"); trap 'rm -rf "$work"' EXIT

# 1. generate COUNT zh-CN profiles from the bundled full example
gen() { # folder, count
python3 - "$1" "$2" <<'PY'
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
}
gen "$work/in" "$count"
gen "$work/big" "$big"

measure() { # label, command...: prints wall s, cpu s, peak MiB
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r wall user sys kb < "$work/time"
  echo "$label $wall $(echo "$user + $sys" | bc -l) $(echo "$kb / 1024" | bc -l)"
}
pdf_run=$(measure pdf "$bin" batch "$work/in" -o "$work/pdf" -f pdf --today $today -q)
rm -rf "$work/pdf"
big_run=$(measure big "$bin" batch "$work/big" -o "$work/pdfbig" -f pdf --today $today -q)
rm -rf "$work/pdfbig"
html_run=$(measure html "$bin" batch "$work/in" -o "$work/html" -f html --today $today -q)
rm -rf "$work/html"
read -r _ pdf_wall pdf_cpu pdf_mem <<< "$pdf_run"
read -r _ big_wall big_cpu big_mem <<< "$big_run"
read -r _ html_wall html_cpu html_mem <<< "$html_run"

# 2. one whole-process render of li-na.zh.yaml to PDF
hyperfine -N -w 3 -r 30 --export-json "$work/one.json" "$bin render profiles/li-na.zh.yaml -f pdf -o $work/one --today $today -q" >/dev/null 2>&1
one_ms=$(python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['results'][0]['mean']*1000, 1))" "$work/one.json")
"$bin" render profiles/li-na.zh.yaml -f pdf,html -o "$work/one" --today $today -q
our_bytes=$(stat -c %s "$work/one/E2041.pdf")
our_pages=$(pdfinfo "$work/one/E2041.pdf" | awk '/^Pages/ {print $2}')

# 3. the peers: Typst in-process on comparable workbooks, Chromium printing our HTML
read -r typst_pages typst_ms <<< "$("$venv/bin/python" scripts/bench-typst.py "$work/one/E2041.pdf" 20)"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --no-pdf-header-footer)
runs=5
start=$(date +%s.%N)
for i in $(seq $runs); do
  chromium "${flags[@]}" --user-data-dir="$work/chrome$i" --print-to-pdf="$work/chrome.pdf" "file://$work/one/E2041.html" >/dev/null 2>&1
done
end=$(date +%s.%N)
chrome_ms=$(echo "($end - $start) * 1000 / $runs" | bc -l)

cpu_per_doc=$(echo "$pdf_cpu * 1000 / $count" | bc -l)
wall_per_1000=$(echo "$pdf_wall * 1000 / $count" | bc -l)
typst_ratio=$(echo "$typst_ms / $cpu_per_doc" | bc -l)
typst_page_ratio=$(echo "($typst_ms / $typst_pages) / ($cpu_per_doc / $our_pages)" | bc -l)
chrome_ratio=$(echo "$chrome_ms / $cpu_per_doc" | bc -l)
mem_growth=$(echo "$big_mem - $pdf_mem" | bc -l)
ok() { if [ "$(echo "$1" | bc -l)" = 1 ]; then echo PASS; else echo FAIL; fi; }

printf '\n%-48s %12s %12s\n' "measure ($(nproc) cores)" careerbook peer
printf '%-48s %12.2f %12.1f   Typst in-process (%d pages; ours %d)\n' "CPU ms per rich zh-CN workbook" "$cpu_per_doc" "$typst_ms" "$typst_pages" "$our_pages"
printf '%-48s %12s %12.1f   Chromium, whole process, per document\n' "" "" "$chrome_ms"
printf '\n%-48s %10s %10s %10s\n' "batch of rich zh-CN profiles" "wall s" "CPU s" "peak MiB"
printf '%-48s %10.2f %10.2f %10.1f\n' "$count to PDF" "$pdf_wall" "$pdf_cpu" "$pdf_mem"
printf '%-48s %10.2f %10.2f %10.1f\n' "$big to PDF" "$big_wall" "$big_cpu" "$big_mem"
printf '%-48s %10.2f %10.2f %10.1f\n' "$count to HTML" "$html_wall" "$html_cpu" "$html_mem"
printf '%-48s %10.1f ms\n' "one whole-process render (li-na, PDF)" "$one_ms"
printf '%-48s %10d bytes\n' "li-na.zh.yaml PDF" "$our_bytes"
printf '\n%-52s %s\n' "target" "result"
printf '%-52s %s (%.1fx; %.1fx per page)\n' ">= 15x less CPU per document than Typst" "$(ok "$typst_ratio >= 15")" "$typst_ratio" "$typst_page_ratio"
printf '%-52s %s (%.2f s per 1,000)\n' "1,000 rich zh-CN workbooks to PDF in <= 3 s wall" "$(ok "$wall_per_1000 <= 3")" "$wall_per_1000"
printf '%-52s %s (%.1f ms)\n' "one whole-process render <= 15 ms" "$(ok "$one_ms <= 15")" "$one_ms"
printf '%-52s %s (%d bytes)\n' "li-na.zh.yaml PDF <= 140 KiB" "$(ok "$our_bytes <= 143360")" "$our_bytes"
printf '%-52s %s (+%.1f MiB)\n' "peak memory at $big within 5 MB of $count" "$(ok "$mem_growth <= 4.77")" "$mem_growth"
printf '%-52s %.0fx\n' "Chromium per document against our CPU" "$chrome_ratio"
