#!/usr/bin/env bash
# Calendar test with a real iCalendar parser: renders the bundled 2026 profile and a
# profile with text that needs escaping to `-f ics`, parses both with Python's
# `icalendar` package (installed into a venv under target/ when missing) and checks the
# events, their dates, summaries, escaping round trips and unique, stable UIDs; a
# hostile name and a long goal check that every TEXT property (the calendar's NAME
# too) is escaped and every line is at most 75 octets; two people with the same goal
# and reviews get different UIDs.
# usage: tests/calendar.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/binary.sh
venv="$target/pyenv-calendar"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import icalendar' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check 'icalendar>=5' >/dev/null || { echo "calendar: could not install icalendar" >&2; exit 2; }
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cat > "$work/tricky.yaml" <<'YAML'
person:
  name: 林晓
  id: C1
actions:
  - goal: "Ship v2; then, rest: a \\ backslash — and 中文，很长很长很长很长很长很长很长很长很长很长很长很长的目标"
    due: 2027-02
    steps: "第一步；第二步\n第三步"
    status: in_progress
reviews: { every: half_year, start: 2027-01 }
YAML
cat > "$work/hostile.yaml" <<'YAML'
person:
  name: "Wang, Li; Jr\\ \"王\"\n — 第二行"
  id: H1
actions:
  - goal: "目标，很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长；a, b; c\\d"
    due: 2027-02
    steps: "第一步\n第二步"
    support: "é, ü; 中"
reviews: { every: half_year, start: 2027-01 }
YAML
# two people, the same goal and reviews
for who in P1 P2; do
  printf 'person:\n  name: 同名\n  id: %s\nactions:\n  - { goal: 考证, due: 2027-06 }\nreviews: { every: year, start: 2027-01 }\n' "$who" > "$work/$who.yaml"
  "$bin" render "$work/$who.yaml" -f ics -o "$work/a" --today 2026-11-23 -q
done
"$bin" render "$work/hostile.yaml" -f ics -o "$work/a" --today 2026-11-23 -q
"$bin" render profiles/cycle/2026/chen-li.zh.yaml --previous profiles/cycle/2025/chen-li.zh.yaml \
  -f ics -o "$work/a" --today 2026-11-23 -q
"$bin" render "$work/tricky.yaml" -f ics -o "$work/a" --today 2026-11-23 -q
"$bin" render profiles/cycle/2026/chen-li.zh.yaml --previous profiles/cycle/2025/chen-li.zh.yaml \
  -f ics -o "$work/b" --today 2026-11-23 -q
cmp "$work/a/E3521.ics" "$work/b/E3521.ics"
"$venv/bin/python" - "$work/a/E3521.ics" "$work/a/C1.ics" "$work/a/H1.ics" "$work/a/P1.ics" "$work/a/P2.ics" <<'PY'
import sys, datetime
from icalendar import Calendar
# RFC 5545 §3.1: every line at most 75 octets without its CRLF, CRLF everywhere
for path in sys.argv[1:]:
    raw = open(path, 'rb').read()
    assert raw.endswith(b'\r\n') and b'\n' not in raw.replace(b'\r\n', b''), path
    for line in raw.split(b'\r\n'):
        assert len(line) <= 75, (path, len(line), line)
        line.decode('utf-8')  # never folded inside a character
def events(path):
    cal = Calendar.from_ical(open(path, 'rb').read())
    assert cal.get('VERSION') == '2.0', cal.get('VERSION')
    return [c for c in cal.walk('VEVENT')]
ev = events(sys.argv[1])
reviews = [e for e in ev if str(e['SUMMARY']) == '职业发展计划复盘']
actions = [e for e in ev if str(e['SUMMARY']).startswith('行动到期：')]
# quarterly from 2026-03: 8 reviews; 4 actions with a due date (one carried over)
assert len(reviews) == 8, len(reviews)
assert len(actions) == 4, [str(e['SUMMARY']) for e in actions]
assert reviews[0].decoded('DTSTART') == datetime.date(2026, 3, 1)
assert any(str(e['SUMMARY']) == '行动到期：学习用数据分析库存周转' for e in actions)
due = {str(e['SUMMARY']): e.decoded('DTSTART') for e in actions}
assert due['行动到期：完成基层管理培训'] == datetime.date(2026, 9, 30), due
uids = [str(e['UID']) for e in ev]
assert len(set(uids)) == len(uids), uids
for e in ev:
    assert e.decoded('DTSTAMP') == datetime.datetime(2026, 11, 23, tzinfo=datetime.timezone.utc)
ev = events(sys.argv[2])
goal = 'Ship v2; then, rest: a \\ backslash — and 中文，很长很长很长很长很长很长很长很长很长很长很长很长的目标'
action = [e for e in ev if str(e['SUMMARY']).startswith('Action') or str(e['SUMMARY']).startswith('行动')][0]
assert str(action['SUMMARY']) == '行动到期：' + goal, repr(str(action['SUMMARY']))
assert '第一步；第二步\n第三步' in str(action['DESCRIPTION']), repr(str(action['DESCRIPTION']))
assert action.decoded('DTSTART') == datetime.date(2027, 2, 28)
# a hostile name: NAME and X-WR-CALNAME both parse back to it
cal = Calendar.from_ical(open(sys.argv[3], 'rb').read())
name = 'Wang, Li; Jr\\ "王"\n — 第二行 — 职业发展计划'
# (the parser keeps both as written, not knowing them: read them as TEXT, RFC 5545 §3.3.11)
import re
def text(written):
    assert not re.search(r'(?<!\\)(?:\\\\)*[;,]', written), written  # every ; and , escaped
    return re.sub(r'\\([\\;,nN])', lambda m: '\n' if m.group(1) in 'nN' else m.group(1), written)
for prop in ['NAME', 'X-WR-CALNAME']:
    written = cal[prop].to_ical().decode()
    assert text(written) == name, (prop, written)
[action] = [e for e in cal.walk('VEVENT') if str(e['SUMMARY']).startswith('行动到期：')]
assert str(action['SUMMARY']) == '行动到期：目标，' + '很长' * 22 + '；a, b; c\\d', repr(str(action['SUMMARY']))
assert 'é, ü; 中' in str(action['DESCRIPTION']) and '第一步\n第二步' in str(action['DESCRIPTION'])
# the UIDs include the person: two people with the same goal share none
p1 = {str(e['UID']) for e in events(sys.argv[4])}
p2 = {str(e['UID']) for e in events(sys.argv[5])}
assert len(p1) == 4 and len(p2) == 4 and not (p1 & p2), (p1, p2)
print(f"calendar: ok ({len(uids)} events parsed from the 2026 workbook, escaping round-trips)")
PY
