#!/usr/bin/env bash
# Real-browser safety test: headless Chromium opens the HTML workbook of a profile full
# of script, img-onerror, iframe and svg-onload payloads, and we prove that no script
# ran: every payload would change document.title or set an attribute on <html>, and the
# DOM Chromium dumps after running the page shows neither. A control page with a real
# script proves the browser does run scripts, so the check is not vacuous.
# usage: tests/browser-safety.sh   (installs Debian's chromium if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/binary.sh
if ! command -v chromium >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null 2>&1 || { echo "browser-safety: could not install chromium" >&2; exit 2; }
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cat > "$work/evil.yaml" <<'YAML'
person:
  name: "<script>document.title='PWNED'</script>"
  id: "../../evil"
  department: "<img src=x onerror=\"document.title='PWNED'\">"
  role: "<iframe src=\"javascript:parent.document.title='PWNED'\"></iframe>"
  manager: "</title><script>document.documentElement.setAttribute('data-pwned','yes')</script>"
johari:
  self: [calm]
  peers: [[calm], [kind], [wise]]
needs:
  extra: ["<svg onload=\"document.documentElement.setAttribute('data-pwned','yes')\"></svg>", "{{ 7 * 7 }}", "{% raw %}"]
answers:
  summary: "</p><script>document.title='PWNED'</script><p>"
  activities: ["<a href=\"javascript:document.title='PWNED'\">x</a>", "<style>body{display:none}</style>"]
actions:
  - goal: "<body onload=\"document.title='PWNED'\">"
    steps: "\"><script>document.title='PWNED'</script>"
service:
  internal_customers:
    - who: "<math><mtext><table><mglyph><style><img src=x onerror=document.title='PWNED'>"
      owe: ["<details open ontoggle=\"document.title='PWNED'\">"]
YAML
"$bin" render "$work/evil.yaml" -f html -o "$work/out" --today 2026-11-23 -q
html="$work/out/evil.html"
[ -f "$html" ] || { echo "FAIL: no HTML written" >&2; exit 1; }
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --virtual-time-budget=3000)
dump() { chromium "${flags[@]}" --user-data-dir="$work/profile-$2" --dump-dom "file://$1" 2>/dev/null; }

# control: a page whose script does run must show up as PWNED, or the check proves nothing
printf '<html><head><title>x</title></head><body><img src=x onerror="document.title=%s"><script>document.documentElement.setAttribute("data-pwned","yes")</script></body></html>' "'PWNED'" > "$work/control.html"
control=$(dump "$work/control.html" control)
if ! grep -q '<title>PWNED</title>' <<< "$control" || ! grep -q 'data-pwned="yes"' <<< "$control"; then
  echo "FAIL: the control page's scripts did not run; the browser check would prove nothing" >&2; exit 1
fi

dom=$(dump "$html" workbook)
title=$(grep -o '<title>[^<]*</title>' <<< "$dom" | head -1)
fail=0
if [ "$title" = "<title>PWNED</title>" ] || ! grep -q '职业发展工作手册' <<< "$title"; then
  echo "FAIL: document.title changed: $title" >&2; fail=1
fi
if grep -q 'data-pwned="yes"' <<< "$dom"; then
  echo "FAIL: a payload set an attribute on <html>" >&2; fail=1
fi
if grep -qi '<script>document' <<< "$dom"; then
  echo "FAIL: a payload became a <script> element" >&2; fail=1
fi
grep -q '{{ 7 \* 7 }}' <<< "$dom" || { echo "FAIL: template syntax was not printed literally" >&2; fail=1; }

# the form of the same profile: every payload is pre-filled into a field, none may run;
# the form's own script must run (it marks <html data-ready="yes"), or the check is vacuous
"$bin" form "$work/evil.yaml" -o "$work/out" --today 2026-11-23 >/dev/null
form=$(dump "$work/out/evil.form.html" form)
ftitle=$(grep -o '<title>[^<]*</title>' <<< "$form" | head -1)
if [ "$ftitle" = "<title>PWNED</title>" ]; then
  echo "FAIL: the form's title changed: $ftitle" >&2; fail=1
fi
grep -q 'data-ready="yes"' <<< "$form" || { echo "FAIL: the form's own script did not run" >&2; fail=1; }
if grep -q 'data-pwned="yes"' <<< "$form"; then
  echo "FAIL: a payload in the form set an attribute on <html>" >&2; fail=1
fi
if grep -qi '<script>document\|<img src="x"\|<iframe\|<svg onload\|<details open\|<math' <<< "$form"; then
  echo "FAIL: a payload became an element in the form" >&2; fail=1
fi
grep -q 'Content-Security-Policy' "$work/out/evil.form.html" || { echo "FAIL: the form has no CSP" >&2; fail=1; }
[ $fail -eq 0 ] && echo "browser-safety: ok (title $title; no payload ran in the workbook or the form; control page ran its script)"
exit $fail
