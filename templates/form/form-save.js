  // (continued from form.js: one script, cut in two files at this line)
  // The form's checks (the rules of `careerbook check`), the YAML it saves, and the
  // page it builds.
  // ---- checks, as `careerbook check` does ----
  const DATE = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/;
  function parseDate(s) {
    const m = DATE.exec(rtrim(s));
    if (!m) return null;
    const y = +m[1];
    const mo = m[2] ? +m[2] : null;
    const d = m[3] ? +m[3] : null;
    if (y < 1900 || y > 2200) return null;
    if (mo != null && (mo < 1 || mo > 12)) return null;
    if (d != null) {
      const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
      if (d < 1 || d > dim) return null;
    }
    const pad = (n) => String(n).padStart(2, '0');
    return { y: y, m: mo, d: d, first: y + '-' + pad(mo || 1) + '-' + pad(d || 1), text: mo == null ? String(y) : d == null ? y + '-' + pad(mo) : y + '-' + pad(mo) + '-' + pad(d) };
  }
  const blank = (v) => v == null || rtrim(v) === '';
  // check's rules for every text (profile/validate): read without the spaces at its
  // ends, no control characters but tab and line break, at most 20,000 characters;
  // lists of at most so many lines
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
  const MAX_TEXT = 20000;
  const MAX_LINES = { 'needs.extra': 20, 'answers.activities': 50, 'answers.skills_to_develop': 50, owe: 30, changes: 30 };
  const count = (s) => Array.from(s).length;
  function textRules(err) {
    document.querySelectorAll('input[type=text][data-path], textarea[data-path]').forEach((box) => {
      const path = box.getAttribute('data-path');
      const v = get(path);
      const items = Array.isArray(v) ? v : v == null ? [] : [String(v)];
      if (items.some((x) => CONTROL.test(rtrim(x)))) {
        err(path, '这里有看不见的控制字符（多半是从别处粘贴来的）：请删掉它们，或者重新以纯文本粘贴', 'This holds invisible control characters (pasted from elsewhere?): remove them, or paste the text again as plain text');
      }
      const long = items.find((x) => count(rtrim(x)) > MAX_TEXT);
      if (long != null) err(path, '一栏最多 ' + MAX_TEXT + ' 个字，这里有 ' + count(rtrim(long)) + ' 个', 'A field holds at most ' + MAX_TEXT + ' characters; this one has ' + count(rtrim(long)));
      const max = MAX_LINES[path] || MAX_LINES[path.split('.').pop()];
      if (Array.isArray(v) && max && v.length > max) err(path, '最多写 ' + max + ' 行，这里有 ' + v.length + ' 行', 'At most ' + max + ' lines; this has ' + v.length);
    });
  }
  const int = (v) => (/^\s*-?\d+\s*$/.test(String(v)) ? parseInt(v, 10) : NaN);

  function validate() {
    const out = [];
    const err = (path, zh, en) => out.push({ path: path, level: 'error', text: t(zh, en) });
    const warn = (path, zh, en) => out.push({ path: path, level: 'warning', text: t(zh, en) });
    const date = (path, v) => {
      if (blank(v)) return null;
      const d = parseDate(v);
      if (!d) err(path, '日期要写成 2027、2027-06 或 2027-06-15', 'Write a date as 2027, 2027-06 or 2027-06-15');
      return d;
    };
    textRules(err);
    const p = M.person;
    if (blank(p.name)) err('person.name', '请填写姓名', 'Please write your name');
    else if (count(rtrim(p.name)) > 100) err('person.name', '姓名不能超过 100 个字', 'The name is longer than 100 characters');
    if (!blank(p.birth_year)) {
      const y = int(p.birth_year);
      if (isNaN(y)) err('person.birth_year', '出生年份要写四位数字，例如 1996', 'Write the year of birth as four digits, e.g. 1996');
      else if (y > YEAR) err('person.birth_year', '出生年份不能在未来', 'The year of birth is in the future');
      else if (y < YEAR - 100 || y > YEAR - 14) err('person.birth_year', '这个出生年份对应的年龄不在 14–100 岁之间', 'That year gives an age outside 14–100');
    }
    const j = date('person.joined', p.joined);
    if (j && j.y > YEAR + 1) err('person.joined', '入职时间不能在未来', 'The date you joined is in the future');
    const c = M.career;
    const l = ladderOf(c.track);
    if (!blank(c.since)) {
      const y = int(c.since);
      if (isNaN(y) || y < 1900 || y > YEAR) err('career.since', '请写到这一级的年份，最晚 ' + YEAR, 'Write the year you reached the rung, up to ' + YEAR);
    }
    if (l) {
      const i = l.rungs.findIndex((r) => r.id === c.level);
      const k = l.rungs.findIndex((r) => r.id === c.target.level);
      if (i >= 0 && k >= 0 && k < i) err('career.target.level', '目标职级低于当前职级', 'The target rung is below the current rung');
    } else if (!blank(c.level)) err('career.track', '请先选择职业路线', 'Choose the route first');
    if (!blank(c.target.by_age)) {
      const a = int(c.target.by_age);
      if (isNaN(a) || a < 16 || a > 80) err('career.target.by_age', '年龄要在 16–80 之间', 'The age must be 16–80');
    }
    if (!blank(c.target.by_year)) {
      const y = int(c.target.by_year);
      if (isNaN(y) || y < YEAR || y > YEAR + 60) err('career.target.by_year', '年份要在 ' + YEAR + '–' + (YEAR + 60) + ' 之间', 'The year must be ' + YEAR + '–' + (YEAR + 60));
    }
    const n = M.johari.self.length;
    if (n > 10) err('johari.self', '最多选 10 个形容词', 'Pick at most 10 adjectives');
    else if (n > 0 && (n < 5 || n > 6)) warn('johari.self', '这个练习要选 5–6 个形容词，现在是 ' + n + ' 个', 'The exercise asks for 5–6 adjectives; you have ' + n);
    if (M.needs.top.filter(Boolean).length > 0 && M.needs.top.filter(Boolean).length < 3) warn('needs.top', '请选出最重要的 3 项需要', 'Pick the 3 needs that matter most');
    const acts = M.answers.activities.length;
    if (acts > 0 && acts < 4) warn('answers.activities', '问题 6 要写至少 4 项活动，现在是 ' + acts + ' 项', 'Question 6 asks for at least 4 activities; you have ' + acts);
    M.actions.forEach((a, i) => {
      const base = 'actions.' + i;
      const any = ['steps', 'due', 'support', 'measure', 'done_on', 'note'].some((k) => !blank(a[k]));
      if (blank(a.goal) && any) err(base + '.goal', '请写下这项行动的目标', 'Write the goal of this action');
      else if (blank(a.goal)) warn(base + '.goal', '空行在保存时会被略过', 'An empty row is left out when saving');
      date(base + '.due', a.due);
      const d = date(base + '.done_on', a.done_on);
      if (d && a.status !== 'done') err(base + '.done_on', '只有状态为“已完成”时才写完成日期', 'A done date needs the status “done”');
      else if (d && d.first > TODAY) err(base + '.done_on', '完成日期不能晚于今天（' + TODAY + '）', 'The done date is after today (' + TODAY + ')');
    });
    date('reviews.start', M.reviews.start);
    M.reviews.log.forEach((e, i) => {
      const base = 'reviews.log.' + i;
      if (blank(e.date)) {
        if (!blank(e.notes) || arr(e.changes).length) err(base + '.date', '请写下复盘的日期', 'Write the date of the review');
        return;
      }
      const d = date(base + '.date', e.date);
      if (d && d.first > TODAY) err(base + '.date', '只记录已经做过的复盘（不晚于今天 ' + TODAY + '）', 'Log reviews once held (not after today, ' + TODAY + ')');
    });
    M.service.internal_customers.forEach((cu, i) => {
      if (blank(cu.who) && arr(cu.owe).length) err('service.internal_customers.' + i + '.who', '请写下内部客户是谁', 'Write who the internal customer is');
    });
    return out;
  }

  let saveStatus;
  function check() {
    const msgs = validate();
    document.querySelectorAll('[data-msg]').forEach((m) => { m.textContent = ''; m.className = 'msg'; });
    document.querySelectorAll('.field.error').forEach((f) => f.classList.remove('error'));
    msgs.forEach((m) => {
      const box = document.querySelector('[data-msg="' + m.path + '"]');
      if (box && !box.textContent) {
        box.textContent = m.text;
        box.className = 'msg ' + m.level;
        if (m.level === 'error' && box.parentNode) box.parentNode.classList.add('error');
      }
    });
    const errors = msgs.filter((m) => m.level === 'error').length;
    const warnings = msgs.length - errors;
    if (saveStatus) {
      saveStatus.className = 'status' + (errors ? ' bad' : '');
      saveStatus.textContent = errors
        ? t('有 ' + errors + ' 处需要改正，改好后才能保存。', errors + ' problem(s) to fix before you can save.')
        : warnings
          ? t('可以保存；还有 ' + warnings + ' 条提醒（未完成的练习）。', 'Ready to save; ' + warnings + ' reminder(s) about unfinished exercises.')
          : t('可以保存。', 'Ready to save.');
    }
    return msgs;
  }

  // ---- YAML, written so that every text parses back to exactly what was typed ----
  function q(s) {
    let out = '"';
    for (const ch of String(s)) {
      const c = ch.codePointAt(0);
      if (ch === '"') out += '\\"';
      else if (ch === '\\') out += '\\\\';
      else if (c === 10) out += '\\n';
      else if (c === 9) out += '\\t';
      else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) out += '\\u' + c.toString(16).padStart(4, '0');
      else out += ch;
    }
    return out + '"';
  }
  // a text as typed (the spaces at its ends included), or nothing when it is blank
  const txt = (v) => (blank(v) ? null : String(v));
  function toYaml() {
    const L = [];
    const put = (ind, key, v) => { if (v != null) L.push(' '.repeat(ind) + key + ': ' + v); };
    const list = (ind, key, vs) => {
      vs = arr(vs).map(txt).filter((v) => v != null);
      if (!vs.length) return;
      L.push(' '.repeat(ind) + key + ':');
      vs.forEach((v) => L.push(' '.repeat(ind + 2) + '- ' + q(v)));
    };
    const ids = (ind, key, vs) => { vs = arr(vs).filter(Boolean); if (vs.length) L.push(' '.repeat(ind) + key + ': [' + vs.map(q).join(', ') + ']'); };
    const num = (v) => (blank(v) ? null : String(int(v)));
    const str = (v) => (txt(v) == null ? null : q(txt(v)));
    L.push(t('# 由 careerbook 表单保存于 ' + TODAY + '。检查：careerbook check 本文件；生成手册：careerbook render 本文件', '# Saved from the careerbook form on ' + TODAY + '. Check it: careerbook check FILE; make the workbook: careerbook render FILE'));
    L.push(t('# 同事的匿名选择不在这个文件里：HR 生成手册时合并。', '# Colleagues’ anonymous picks are not in this file: HR merges them when making the workbook.'));
    L.push('version: 1');
    L.push('locale: ' + (M.locale === 'en' || M.locale === 'zh-TW' ? M.locale : 'zh-CN'));
    const p = M.person;
    L.push('person:');
    put(2, 'name', q(txt(p.name) || ''));
    put(2, 'id', str(p.id));
    put(2, 'department', str(p.department));
    put(2, 'role', str(p.role));
    put(2, 'birth_year', num(p.birth_year));
    put(2, 'joined', blank(p.joined) ? null : q(parseDate(p.joined).text));
    put(2, 'manager', str(p.manager));
    const c = M.career;
    if (!blank(c.track)) {
      L.push('career:');
      put(2, 'track', q(c.track));
      put(2, 'level', str(c.level));
      put(2, 'since', num(c.since));
      const tg = c.target;
      if (!blank(tg.level) || !blank(tg.by_age) || !blank(tg.by_year)) {
        L.push('  target:');
        put(4, 'level', str(tg.level));
        put(4, 'by_age', num(tg.by_age));
        put(4, 'by_year', num(tg.by_year));
      }
      const l = ladderOf(c.track);
      const i = l ? l.rungs.findIndex((r) => r.id === c.level) : -1;
      const allowed = i >= 0 ? l.rungs.slice(i, i + 2).flatMap((r) => r.standards.map((s) => s.id)) : [];
      const marks = Object.keys(c.assessment).filter((id) => allowed.indexOf(id) >= 0).filter((id) => {
        const a = obj(c.assessment[id]);
        return !blank(a.self) || !blank(a.manager) || !blank(a.evidence);
      });
      if (marks.length) {
        L.push('  assessment:');
        marks.forEach((id) => {
          const a = c.assessment[id];
          L.push('    ' + q(id) + ':');
          put(6, 'self', str(a.self));
          put(6, 'manager', str(a.manager));
          put(6, 'evidence', str(a.evidence));
        });
      }
    }
    if (M.johari.self.length) { L.push('johari:'); ids(2, 'self', M.johari.self); }
    const nd = M.needs;
    if (nd.top.filter(Boolean).length || nd.next.filter(Boolean).length || nd.extra.length) {
      L.push('needs:');
      ids(2, 'top', nd.top);
      ids(2, 'next', nd.next);
      list(2, 'extra', nd.extra);
    }
    const a = M.answers;
    const ans = ['current_job_fit', 'next_job_expectation', 'most_needed', 'summary'];
    if (ans.some((k) => txt(a[k]) != null) || a.activities.length || a.skills_to_develop.length) {
      L.push('answers:');
      ['current_job_fit', 'next_job_expectation', 'most_needed'].forEach((k) => put(2, k, str(a[k])));
      list(2, 'activities', a.activities);
      list(2, 'skills_to_develop', a.skills_to_develop);
      put(2, 'summary', str(a.summary));
    }
    const st = C.strategy.map((s) => s.id).filter((k) => txt(M.strategy[k]) != null);
    if (st.length) { L.push('strategy:'); st.forEach((k) => put(2, k, str(M.strategy[k]))); }
    const acts = M.actions.filter((x) => txt(x.goal) != null);
    if (acts.length) {
      L.push('actions:');
      acts.forEach((x) => {
        L.push('  - goal: ' + q(txt(x.goal)));
        put(4, 'steps', str(x.steps));
        put(4, 'due', blank(x.due) ? null : q(parseDate(x.due).text));
        put(4, 'support', str(x.support));
        put(4, 'measure', str(x.measure));
        if (x.status && x.status !== 'planned') put(4, 'status', x.status);
        put(4, 'done_on', blank(x.done_on) ? null : q(parseDate(x.done_on).text));
        put(4, 'note', str(x.note));
      });
    }
    const r = M.reviews;
    const log = r.log.filter((e) => !blank(e.date));
    if (!blank(r.every) || !blank(r.start) || log.length) {
      L.push('reviews:');
      put(2, 'every', blank(r.every) ? null : r.every);
      put(2, 'start', blank(r.start) ? null : q(parseDate(r.start).text));
      if (log.length) {
        L.push('  log:');
        log.forEach((e) => {
          L.push('    - date: ' + q(parseDate(e.date).text));
          put(6, 'notes', str(e.notes));
          list(6, 'changes', e.changes);
        });
      }
    }
    const med = C.mediocrity.map((m) => m.id).filter((k) => !blank(M.self_check.mediocrity[k]));
    if (med.length || M.self_check.burnout.length) {
      L.push('self_check:');
      if (med.length) {
        L.push('  mediocrity:');
        med.forEach((k) => put(4, k, String(M.self_check.mediocrity[k])));
      }
      ids(2, 'burnout', M.self_check.burnout);
    }
    const sv = M.service;
    const cust = sv.internal_customers.filter((x) => txt(x.who) != null);
    const style = sv.service_style;
    const qd = C.quality.map((x) => x.id).filter((k) => !blank(sv.quality_dimensions[k]));
    if (cust.length || !blank(style.procedure) || !blank(style.warmth) || qd.length) {
      L.push('service:');
      if (cust.length) {
        L.push('  internal_customers:');
        cust.forEach((x) => {
          L.push('    - who: ' + q(txt(x.who)));
          list(6, 'owe', x.owe);
        });
      }
      if (!blank(style.procedure) && !blank(style.warmth)) {
        L.push('  service_style:');
        put(4, 'procedure', String(style.procedure));
        put(4, 'warmth', String(style.warmth));
      }
      if (qd.length) {
        L.push('  quality_dimensions:');
        qd.forEach((k) => put(4, k, String(sv.quality_dimensions[k])));
      }
    }
    return L.join('\n') + '\n';
  }

  function fileName() {
    const src = rtrim(txt(M.person.id) || txt(M.person.name) || '');
    let s = Array.from(src).slice(0, 80).map((ch) => (/[\p{L}\p{N}_-]/u.test(ch) ? ch : '_')).join('');
    s = s.replace(/^[_-]+|[_-]+$/g, '');
    return (s || 'profile') + '.yaml';
  }

  function save() {
    const msgs = check();
    const errors = msgs.filter((m) => m.level === 'error');
    if (errors.length) {
      const first = document.querySelector('[data-path="' + errors[0].path + '"]') || document.querySelector('[data-field="' + errors[0].path + '"]');
      if (first && first.focus) first.focus();
      if (first && first.scrollIntoView) first.scrollIntoView({ block: 'center' });
      return;
    }
    const yaml = toYaml();
    const blob = new Blob([yaml], { type: 'text/yaml;charset=utf-8' });
    const a = el('a', { href: URL.createObjectURL(blob), download: fileName() });
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    saveStatus.className = 'status ok';
    saveStatus.textContent = t('已保存 ' + fileName() + '。把这个文件交给 HR，或用 careerbook render 生成手册。', 'Saved ' + fileName() + '. Hand the file to HR, or make your workbook with careerbook render.');
  }

  // ---- the page ----
  const app = document.getElementById('app');
  app.appendChild(el('header', { class: 'top' }, [
    el('h1', { text: t('职业发展档案', 'Career development profile') + (txt(M.person.name) ? ' · ' + rtrim(M.person.name) : '') }),
    el('p', { text: t('填写后点“保存”，会下载一个档案文件（.yaml）。这个页面不联网，内容只保存在你的电脑里。', 'Fill it in and press Save: a profile file (.yaml) is downloaded. This page never goes online; what you write stays on your computer.') }),
    el('p', { text: t('不知道怎么写也没关系：空着的地方会在手册里留出空白，可以以后再填。', 'Leave blank what you are unsure of: the workbook leaves room to write it by hand later.') }),
  ]));
  [person(), career(), johari(), needs(), strategy(), actions(), reviews(), selfCheck(), service()].forEach((s) => app.appendChild(s));
  saveStatus = el('span', { class: 'status', role: 'status' });
  document.body.appendChild(el('div', { class: 'bar' }, [el('div', { class: 'inner' }, [
    saveStatus,
    el('button', { type: 'button', class: 'primary', id: 'save', onclick: save }, [t('保存档案', 'Save profile')]),
  ])]));
  document.documentElement.setAttribute('data-ready', 'yes');
  check();
})();
