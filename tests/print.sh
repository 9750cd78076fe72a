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
. tests/binary.sh
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

# the direct PDF writer (shared template font) against the printpdf writer: the same
# pages to the pixel, and text that poppler reads back whole
for profile in li-na.zh zhang-wei.zh lin-yating.zh-TW alex-chen.en; do
  d="$work/writers/$profile"
  mkdir -p "$d/direct" "$d/printpdf"
  "$bin" render "profiles/$profile.yaml" -f pdf -o "$d/direct" --today 2026-12-01 -q
  CAREERBOOK_PDF_WRITER=printpdf "$bin" render "profiles/$profile.yaml" -f pdf -o "$d/printpdf" --today 2026-12-01 -q
  pdftoppm -r 60 -gray "$d"/direct/*.pdf "$d/a"
  pdftoppm -r 60 -gray "$d"/printpdf/*.pdf "$d/b"
  python3 - "$d" "$profile" <<'PY' || fail=1
import glob, sys
d, name = sys.argv[1], sys.argv[2]
def pgm(f):
    p = open(f, 'rb').read().split(maxsplit=4)
    return p[4]
a, b = sorted(glob.glob(f'{d}/a-*.pgm')), sorted(glob.glob(f'{d}/b-*.pgm'))
if len(a) != len(b) or not a:
    sys.exit(f'FAIL: {name}: {len(a)} pages from the direct writer, {len(b)} from printpdf')
for x, y in zip(a, b):
    p, q = pgm(x), pgm(y)
    off = sum(1 for i in range(min(len(p), len(q))) if abs(p[i] - q[i]) > 64) / max(len(p), 1)
    # (coordinates are written to a hundredth of a point: edges may shift a pixel)
    if len(p) != len(q) or off > 0.002:
        sys.exit(f'FAIL: {name}: page {x[-6:-4]} differs between the writers ({off:.3%} of pixels)')
PY
  text=$(pdftotext "$d"/direct/*.pdf - | tr -d ' ')
  case $profile in
    li-na.zh) want="李娜 取得客户服务管理师 缺少带团队的机会 带教两名新员工" ;;
    zhang-wei.zh) want="职业发展工作手册" ;;
    lin-yating.zh-TW) want="林雅婷 職涯發展工作手冊 缺少帶團隊的機會 取得客戶服務管理師" ;;
    alex-chen.en) want="Careerdevelopmentworkbook" ;;
  esac
  for w in $want; do
    grep -qF "$w" <<< "$text" || { echo "FAIL: $profile: pdftotext lacks $w" >&2; fail=1; }
  done
  checked=$((checked + 1))
done
# the text layer gives back what was written: two characters of one glyph each get a
# code of their own, and what draws nothing is left out (no □, no visible hyphen)
d="$work/text-layer"
mkdir -p "$d"
"$bin" render tests/fixtures/print/text-layer.zh.yaml -f pdf -o "$d" --today 2026-12-01 2> "$d/err"
text=$(pdftotext "$d/text-layer.pdf" - | tr -d ' \n')
# (the whole strings: a □ or a hyphen drawn for the invisible ones would break them)
for w in "墫与壿，5〜6与7～8，A∕B与C／D，•与·。" "软连字符以及零宽空格，前后"; do
  grep -qF "$w" <<< "$text" || { echo "FAIL: text layer lacks $w" >&2; fail=1; }
done
if [ -s "$d/err" ]; then
  echo "FAIL: the text-layer render warned: $(cat "$d/err")" >&2
  fail=1
fi
checked=$((checked + 1))
if [ "$fail" -ne 0 ]; then exit 1; fi
echo "print: ok ($checked checks: prints of bundled profiles on A4 and Letter (footers, Chinese, page counts, no near-empty page); the direct and printpdf writers' pages pixel for pixel; pdftotext of our PDFs, and a text layer that gives back shared-glyph and invisible characters)"
