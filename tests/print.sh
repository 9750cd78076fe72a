#!/usr/bin/env bash
# Real-browser print test: Debian's chromium prints the HTML workbook of every bundled
# profile on A4 and on Letter, and poppler reads the result back. Each print must
# - carry the footer on every page but the cover (title · name, page N of M, from CSS
#   paged media), with the right total, and none on the cover,
# - show Chinese as Chinese (fonts embedded, the Chinese title read back as text),
# - keep close to the PDF's page count (within two pages: browser metrics differ), and
# - hold no near-empty page (a lone heading, row or prompt: fewer than 6 text lines).
# usage: tests/print.sh   (installs chromium, fonts-noto-cjk and poppler-utils if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v qpdf >/dev/null || need+=(qpdf)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  (apt-get update -qq && apt-get install -y -qq "${need[@]}") >/dev/null 2>&1 || {
    echo "print: could not install ${need[*]}" >&2; exit 2; }
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cargo build -q --locked
bin=target/debug/careerbook
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --no-pdf-header-footer)
fail=0
checked=0
for profile in profiles/*.yaml; do
  for paper in a4 letter; do
    out="$work/$paper/$(basename "$profile" .yaml)"
    mkdir -p "$out"
    "$bin" render "$profile" -f html,pdf --paper "$paper" --ladders profiles/ladders \
      -o "$out" --today 2026-12-01 -q
    html=$(ls "$out"/*.html) pdf=$(ls "$out"/*.pdf)
    chromium "${flags[@]}" --user-data-dir="$work/chrome" --print-to-pdf="$out/print.pdf" \
      "file://$(realpath "$html")" >/dev/null 2>&1
    name="$(basename "$profile") $paper"
    [ -s "$out/print.pdf" ] || { echo "FAIL: $name: chromium printed nothing" >&2; fail=1; continue; }
    n=$(qpdf --show-npages "$out/print.pdf")
    m=$(qpdf --show-npages "$pdf")
    checked=$((checked + 1))
    if [ $((n - m)) -gt 2 ] || [ $((m - n)) -gt 2 ]; then
      echo "FAIL: $name: the print has $n pages, the PDF $m" >&2; fail=1
    fi
    # paper size: A4 is 595 × 842 pt, Letter 612 × 792
    size=$(pdfinfo "$out/print.pdf" | awk '/^Page size/ {printf "%d", $3 + 0.5}')
    want=$([ "$paper" = a4 ] && echo 595 || echo 612)
    [ "$size" = "$want" ] || { echo "FAIL: $name: printed $size pt wide, not $want" >&2; fail=1; }
    # (whole outputs in variables: `cmd | grep -q` fails under pipefail when grep stops early)
    fonts=$(pdffonts "$out/print.pdf")
    grep -q " yes " <<< "$fonts" || { echo "FAIL: $name: no embedded font in the print" >&2; fail=1; }
    all=$(pdftotext "$out/print.pdf" -)
    grep -Eq "职业发展工作手册|職涯發展工作手冊" <<< "$all" || {
      echo "FAIL: $name: the Chinese title is not in the printed text" >&2; fail=1; }
    cover=$(pdftotext -layout -f 1 -l 1 "$out/print.pdf" -)
    if grep -Eq "第 1 [页頁]|Page 1 of" <<< "$cover"; then
      echo "FAIL: $name: the cover carries a footer" >&2; fail=1
    fi
    for ((i = 2; i <= n; i++)); do
      text=$(pdftotext -layout -f "$i" -l "$i" "$out/print.pdf" -)
      if ! grep -Eq "第 $i [页頁] / 共 $n [页頁]|Page $i of $n" <<< "$text"; then
        echo "FAIL: $name: page $i lacks its footer (page $i of $n)" >&2; fail=1
      fi
      lines=$(grep -c '[^[:space:]]' <<< "$text" || true)
      if [ "$lines" -lt 6 ]; then
        echo "FAIL: $name: page $i is nearly empty ($lines lines)" >&2; fail=1
      fi
    done
  done
done
[ "$checked" -ge 12 ] || { echo "FAIL: only $checked prints checked" >&2; fail=1; }
if [ "$fail" -ne 0 ]; then exit 1; fi
echo "print: ok ($checked prints of bundled profiles on A4 and Letter: footers, Chinese, page counts, no near-empty page)"
