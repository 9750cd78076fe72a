'use strict';
// careerbook profile form: builds every field from the embedded data with
// textContent only (never innerHTML), checks as you type with the rules of
// `careerbook check`, and saves a YAML profile through a Blob link. No network.
(function () {
  const D = JSON.parse(document.getElementById('cb-data').textContent);
  const EN = D.lang === 'en';
  const t = (zh, en) => (EN ? en : zh);
  // a company ladder may give a text in one language only: it is shown in both
  const lab = (item) => (EN ? item.en || item.zh : item.zh || item.en);
  const TODAY = D.today;
  const YEAR = parseInt(TODAY.slice(0, 4), 10);
  const C = D.catalog;
  const M = D.model || {};

  // ---- the model, normalised so that every part exists ----
  const obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
  const arr = (v) => (Array.isArray(v) ? v : []);
  M.person = obj(M.person);
  M.career = obj(M.career);
  M.career.target = obj(M.career.target);
  M.career.assessment = obj(M.career.assessment);
  M.johari = obj(M.johari);
  M.johari.self = arr(M.johari.self);
  M.needs = obj(M.needs);
  M.needs.top = arr(M.needs.top);
  M.needs.next = arr(M.needs.next);
  M.needs.extra = arr(M.needs.extra);
  M.answers = obj(M.answers);
  M.answers.activities = arr(M.answers.activities);
  M.answers.skills_to_develop = arr(M.answers.skills_to_develop);
  M.strategy = obj(M.strategy);
  M.actions = arr(M.actions);
  M.reviews = obj(M.reviews);
  M.reviews.log = arr(M.reviews.log);
  M.self_check = obj(M.self_check);
  M.self_check.mediocrity = obj(M.self_check.mediocrity);
  M.self_check.burnout = arr(M.self_check.burnout);
  M.service = obj(M.service);
  M.service.internal_customers = arr(M.service.internal_customers);
  M.service.service_style = obj(M.service.service_style);
  M.service.quality_dimensions = obj(M.service.quality_dimensions);
  if (!M.locale) M.locale = D.lang;

  // ---- paths: "actions.2.goal" ----
  function get(path) {
    let o = M;
    for (const k of path.split('.')) {
      if (o == null) return undefined;
      o = o[k];
    }
    return o;
  }
  function set(path, v) {
    const ks = path.split('.');
    let o = M;
    for (const k of ks.slice(0, -1)) {
      if (o[k] == null || typeof o[k] !== 'object') o[k] = {};
      o = o[k];
    }
    o[ks[ks.length - 1]] = v;
  }

  // ---- DOM ----
  function el(tag, props, kids) {
    const e = document.createElement(tag);
    for (const k in props || {}) {
      const v = props[k];
      if (v == null || v === false) continue;
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), v);
      else if (k === 'checked' || k === 'value' || k === 'selected') e[k] = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of kids || []) {
      if (c == null || c === false) continue;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return e;
  }
  let uid = 0;
  const nextId = () => 'f' + ++uid;
  // strip control characters a paste may bring (tabs and line breaks stay)
  const clean = (s) => String(s).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');

  function field(path, label, opts) {
    opts = opts || {};
    const id = nextId();
    const v = get(path);
    const common = {
      id: id,
      'data-path': path,
      placeholder: opts.placeholder,
      oninput: (ev) => {
        const raw = clean(ev.target.value);
        if (opts.number) set(path, raw.trim() === '' ? null : raw.trim());
        else set(path, raw === '' ? null : raw);
        check();
      },
    };
    const input = opts.multi
      ? el('textarea', Object.assign({ rows: opts.rows || 3 }, common))
      : el('input', Object.assign({ type: 'text', inputmode: opts.number ? 'numeric' : null }, common));
    input.value = v == null ? '' : String(v);
    if (opts.multi) {
      // grow with the text, so that what is written can be read without scrolling
      const fit = () => { input.rows = Math.max(opts.rows || 3, input.value.split('\n').length + 1); };
      fit();
      input.addEventListener('input', fit);
    }
    return el('div', { class: 'field', 'data-field': path }, [
      el('label', { for: id }, [label, opts.hint ? el('span', { class: 'hint', text: opts.hint }) : null]),
      input,
      el('p', { class: 'msg', 'data-msg': path }),
    ]);
  }

  // a list of texts edited one per line
  function lines(path, label, opts) {
    opts = opts || {};
    const id = nextId();
    const ta = el('textarea', {
      id: id,
      rows: opts.rows || 4,
      'data-path': path,
      placeholder: opts.placeholder,
      oninput: (ev) => {
        set(path, clean(ev.target.value).split('\n').map((s) => s.trim()).filter((s) => s !== ''));
        check();
      },
    });
    ta.value = arr(get(path)).join('\n');
    return el('div', { class: 'field', 'data-field': path }, [
      el('label', { for: id }, [label, el('span', { class: 'hint', text: opts.hint || t('每行一项', 'One per line') })]),
      ta,
      el('p', { class: 'msg', 'data-msg': path }),
    ]);
  }

  function select(path, label, options, onchange) {
    const id = nextId();
    const cur = get(path);
    const s = el('select', {
      id: id,
      'data-path': path,
      onchange: (ev) => {
        set(path, ev.target.value === '' ? null : ev.target.value);
        if (onchange) onchange();
        check();
      },
    }, options.map((o) => el('option', { value: o[0], text: o[1], selected: (cur == null ? '' : String(cur)) === o[0] })));
    return el('div', { class: 'field', 'data-field': path }, [
      el('label', { for: id, text: label }),
      s,
      el('p', { class: 'msg', 'data-msg': path }),
    ]);
  }

  function card(id, zh, en, kids) {
    return el('section', { class: 'card', id: 'sec-' + id }, [
      el('h2', { text: t(zh, en) }),
      el('p', { class: 'gloss', text: t(en, zh) }),
    ].concat(kids));
  }

  function ratingTable(items, pathOf, low, high) {
    return el('table', { class: 'ratings' }, [
      el('thead', {}, [el('tr', {}, [el('th', { text: t('1 = ' + low[0] + '，5 = ' + high[0], '1 = ' + low[1] + ', 5 = ' + high[1]) })].concat([1, 2, 3, 4, 5].map((n) => el('th', { text: String(n) }))))]),
      el('tbody', {}, items.map((it) => {
        const path = pathOf(it);
        const name = nextId();
        return el('tr', { 'data-field': path }, [el('td', { text: lab(it) })].concat([1, 2, 3, 4, 5].map((n) => el('td', {}, [
          el('input', {
            type: 'radio',
            name: name,
            'aria-label': lab(it) + ' ' + n,
            checked: Number(get(path)) === n,
            onchange: () => { set(path, n); check(); },
          }),
        ]))));
      })),
    ]);
  }

  // ---- sections ----
  function person() {
    return card('person', '个人信息', 'About you', [
      el('div', { class: 'grid2' }, [
        field('person.name', t('姓名（必填）', 'Name (required)')),
        field('person.id', t('工号', 'Employee id'), { hint: t('文件按工号命名', 'Files are named from it') }),
        field('person.department', t('部门', 'Department')),
        field('person.role', t('岗位', 'Role')),
        field('person.birth_year', t('出生年份', 'Year of birth'), { number: true, placeholder: '1996' }),
        field('person.joined', t('入职时间', 'Joined'), { placeholder: '2021-07' }),
        field('person.manager', t('直属上级', 'Manager')),
        select('locale', t('手册语言', 'Workbook language'), [['zh-CN', '简体中文'], ['zh-TW', '繁體中文（台灣）'], ['en', 'English']]),
      ]),
    ]);
  }

  function ladderOf(id) {
    return D.ladders.find((l) => l.id === id);
  }

  let careerBox;
  function career() {
    careerBox = el('div');
    renderCareer();
    return card('career', '职业路线', 'Career path', [careerBox]);
  }
  function renderCareer() {
    careerBox.textContent = '';
    const c = M.career;
    const l = ladderOf(c.track);
    const rungs = l ? l.rungs : [];
    const rungOpts = [['', t('— 请选择 —', '— choose —')]].concat(rungs.map((r) => [r.id, lab(r.title) + ' (' + r.typical_age + ')']));
    const by = c.target.by_year != null ? 'year' : 'age';
    const byName = nextId();
    careerBox.appendChild(el('div', { class: 'grid2' }, [
      select('career.track', t('职业路线', 'Route'), [['', t('— 请选择 —', '— choose —')]].concat(D.ladders.map((x) => [x.id, lab(x.name)])), () => {
        c.level = null; c.target.level = null; renderCareer();
      }),
      select('career.level', t('当前职级', 'Current rung'), rungOpts, renderCareer),
      field('career.since', t('哪一年到这一级', 'Year you reached it'), { number: true, placeholder: String(YEAR - 2) }),
      select('career.target.level', t('目标职级', 'Target rung'), rungOpts),
    ]));
    const byField = field(by === 'age' ? 'career.target.by_age' : 'career.target.by_year', by === 'age' ? t('在多少岁前达到', 'By what age') : t('在哪一年前达到', 'By which year'), { number: true });
    careerBox.appendChild(el('div', { class: 'field' }, [
      el('div', { class: 'label', text: t('目标时间', 'When') }),
      el('div', { class: 'inline' }, [
        el('label', {}, [el('input', { type: 'radio', name: byName, checked: by === 'age', onchange: () => { c.target.by_age = c.target.by_year; c.target.by_year = null; renderCareer(); check(); } }), t('按年龄', 'by age')]),
        el('label', {}, [el('input', { type: 'radio', name: byName, checked: by === 'year', onchange: () => { c.target.by_year = c.target.by_age; c.target.by_age = null; renderCareer(); check(); } }), t('按年份', 'by year')]),
      ]),
    ]));
    careerBox.appendChild(byField);
    const i = rungs.findIndex((r) => r.id === c.level);
    if (l && i >= 0) {
      const shown = [rungs[i]].concat(rungs[i + 1] ? [rungs[i + 1]] : []);
      const stds = [];
      shown.forEach((r) => r.standards.forEach((s) => stds.push([r, s])));
      if (stds.length) {
        const marks = [['', '—'], ['towards', t('待提高', 'working towards')], ['meets', t('达到', 'meets')], ['exceeds', t('超出', 'exceeds')]];
        const marked = stds.some(([, s]) => { const a = obj(c.assessment[s.id]); return !blank(a.self) || !blank(a.manager) || !blank(a.evidence); });
        const box = el('details', { open: marked });
        box.appendChild(el('summary', {}, [el('b', { text: t('任职资格自评：当前和下一级，共 ' + stds.length + ' 项', 'Rung standards: current and next rung, ' + stds.length + ' in all') })]));
        box.appendChild(el('p', { class: 'gloss', text: t('每项标准写下你的自评；上级的评估由上级填写。', 'Mark yourself on each standard; your manager fills in theirs.') }));
        careerBox.appendChild(box);
        stds.forEach(([r, s]) => {
          const base = 'career.assessment.' + s.id;
          const area = C.areas.find((a) => a.id === s.area);
          box.appendChild(el('div', { class: 'std' }, [
            el('p', {}, [el('span', { class: 'area', text: lab(r.title) + ' · ' + (area ? lab(area) : s.area) + (s.item ? ' · ' + lab(s.item) : '') + (s.weight ? ' · ' + t('权重 ', 'weight ') + s.weight + '%' : '') + ' ' }), el('br'), lab(s.text)]),
            el('div', { class: 'grid3' }, [
              select(base + '.self', t('自评', 'Self'), marks),
              select(base + '.manager', t('上级评估', 'Manager'), marks),
              field(base + '.evidence', t('依据与事例', 'Evidence')),
            ]),
          ]));
        });
      }
    }
  }

  function johari() {
    const count = el('span', { class: 'count' });
    const grid = el('div', { class: 'chips' }, C.adjectives.map((a) => {
      const on = M.johari.self.indexOf(a.id) >= 0;
      const box = el('input', {
        type: 'checkbox',
        checked: on,
        value: a.id,
        onchange: (ev) => {
          const s = M.johari.self.filter((x) => x !== a.id);
          if (ev.target.checked) s.push(a.id);
          M.johari.self = C.adjectives.map((x) => x.id).filter((id) => s.indexOf(id) >= 0);
          ev.target.parentNode.classList.toggle('on', ev.target.checked);
          show();
          check();
        },
      });
      return el('label', { class: 'chip' + (on ? ' on' : ''), title: EN ? a.zh : a.en }, [box, el('span', { text: lab(a) })]);
    }));
    function show() {
      count.textContent = t('已选 ' + M.johari.self.length + ' 个（请选 5–6 个）', M.johari.self.length + ' picked (pick 5–6)');
    }
    show();
    return card('johari', '橱窗分析：你眼中的自己', 'Johari window: how you see yourself', [
      el('p', { text: t('从下面 55 个形容词中选出最能描述你的 5–6 个。同事的选择由 HR 匿名收集，不在这个表单里。', 'Pick the 5–6 of these 55 adjectives that describe you best. Colleagues’ picks are collected anonymously by HR and are not part of this form.') }),
      D.peers_kept_out ? el('p', { class: 'notice', text: t('你的档案里有同事的匿名选择：它们不会出现在表单里，保存的文件也不包含它们；HR 生成手册时会重新合并同事反馈。', 'Your profile holds colleagues’ anonymous picks: they are kept out of this form and out of the saved file; HR merges peer feedback again when making the workbook.') }) : null,
      el('div', { class: 'field', 'data-field': 'johari.self' }, [count, grid, el('p', { class: 'msg', 'data-msg': 'johari.self' })]),
    ]);
  }

  function needs() {
    const opts = [['', '—'], ['top.0', t('最重要 1', 'top 1')], ['top.1', t('最重要 2', 'top 2')], ['top.2', t('最重要 3', 'top 3')], ['next.0', t('其次 1', 'next 1')], ['next.1', t('其次 2', 'next 2')], ['next.2', t('其次 3', 'next 3')]];
    const rank = (id) => {
      const i = M.needs.top.indexOf(id);
      if (i >= 0) return 'top.' + i;
      const j = M.needs.next.indexOf(id);
      return j >= 0 ? 'next.' + j : '';
    };
    const box = el('div', { class: 'needs' });
    function render() {
      box.textContent = '';
      C.needs.forEach((n) => {
        const r = rank(n.id);
        box.appendChild(el('label', { class: 'need' }, [
          el('span', { text: lab(n) }),
          el('select', {
            'aria-label': lab(n),
            onchange: (ev) => {
              M.needs.top = M.needs.top.map((x) => (x === n.id ? null : x));
              M.needs.next = M.needs.next.map((x) => (x === n.id ? null : x));
              const v = ev.target.value;
              if (v) {
                const [list, k] = v.split('.');
                M.needs[list][Number(k)] = n.id;
              }
              const pack = (l) => { const out = []; l.forEach((x, i) => { if (x) out[i] = x; }); return out; };
              M.needs.top = pack(M.needs.top);
              M.needs.next = pack(M.needs.next);
              render();
              check();
            },
          }, opts.map((o) => el('option', { value: o[0], text: o[1], selected: o[0] === r }))),
        ]));
      });
    }
    render();
    return card('needs', '需要与问题', 'Needs and questions', [
      el('p', { text: lab(C.questions[0]) }),
      el('div', { class: 'field', 'data-field': 'needs.top' }, [box, el('p', { class: 'msg', 'data-msg': 'needs.top' }), el('p', { class: 'msg', 'data-msg': 'needs.next' })]),
      lines('needs.extra', lab(C.questions[1])),
      field('answers.current_job_fit', '3. ' + lab(C.questions[2]), { multi: true }),
      field('answers.next_job_expectation', '4. ' + lab(C.questions[3]), { multi: true }),
      field('answers.most_needed', '5. ' + lab(C.questions[4]), { multi: true }),
      lines('answers.activities', '6. ' + lab(C.questions[5]), { hint: t('每行一项，至少写 4 项', 'One per line; at least 4'), rows: 5 }),
      lines('answers.skills_to_develop', '7. ' + lab(C.questions[6])),
      field('answers.summary', '8. ' + lab(C.questions[7]), { multi: true }),
    ]);
  }

  function strategy() {
    return card('strategy', '策略实施', 'Strategy', C.strategy.map((s, i) => field('strategy.' + s.id, (i + 1) + '. ' + lab(s), { multi: true })));
  }

  const STATUS = [['planned', t('计划中', 'planned')], ['in_progress', t('进行中', 'in progress')], ['done', t('已完成', 'done')], ['dropped', t('已放弃', 'dropped')]];

  function rows(id, zh, en, listPath, make, blank, addZh, addEn, intro) {
    const box = el('div');
    function render() {
      box.textContent = '';
      arr(get(listPath)).forEach((_, i) => {
        box.appendChild(el('div', { class: 'row', 'data-row': listPath + '.' + i }, [
          el('div', { class: 'row-head' }, [
            el('span', { text: t('第 ' + (i + 1) + ' 项', 'Item ' + (i + 1)) }),
            el('button', { type: 'button', class: 'remove', onclick: () => { get(listPath).splice(i, 1); render(); check(); } }, [t('删除', 'Remove')]),
          ]),
        ].concat(make(listPath + '.' + i))));
      });
      box.appendChild(el('button', { type: 'button', class: 'add', onclick: () => { get(listPath).push(blank()); render(); check(); } }, [t(addZh, addEn)]));
    }
    render();
    return [intro ? el('p', { text: intro }) : null, box];
  }

  function actions() {
    return card('actions', '行动计划', 'Action plan', rows('actions', '', '', 'actions', (p) => [
      field(p + '.goal', t('目标', 'Goal')),
      field(p + '.steps', t('步骤', 'Steps'), { multi: true, rows: 2 }),
      el('div', { class: 'grid3' }, [
        field(p + '.due', t('完成时间', 'Due'), { placeholder: '2027-06' }),
        select(p + '.status', t('状态', 'Status'), STATUS),
        field(p + '.done_on', t('完成日期', 'Done on'), { placeholder: '2027-05-20' }),
      ]),
      el('div', { class: 'grid2' }, [
        field(p + '.support', t('所需支持', 'Support')),
        field(p + '.measure', t('衡量标准', 'Measure')),
      ]),
      field(p + '.note', t('进展说明', 'What happened')),
    ], () => ({ goal: null, status: 'planned' }), '＋ 添加一项行动', '+ Add an action', t('把目标拆成具体的行动：写清步骤、完成时间、需要的支持和衡量标准。', 'Break the goal into actions, each with steps, a due date, the support you need and a measure.')));
  }

  function reviews() {
    return card('reviews', '反馈与修正', 'Feedback and revision', [
      el('div', { class: 'grid2' }, [
        select('reviews.every', t('多久复盘一次', 'How often to review'), [['', '—'], ['month', t('每月', 'monthly')], ['quarter', t('每季度', 'quarterly')], ['half_year', t('每半年', 'every six months')], ['year', t('每年', 'yearly')]]),
        field('reviews.start', t('第一次复盘', 'First review'), { placeholder: '2027-01' }),
      ]),
      el('h3', { text: t('已经做过的复盘', 'Reviews held') }),
    ].concat(rows('reviews', '', '', 'reviews.log', (p) => [
      field(p + '.date', t('日期', 'Date'), { placeholder: TODAY }),
      field(p + '.notes', t('发现', 'What you found'), { multi: true, rows: 2 }),
      lines(p + '.changes', t('修正了什么', 'What you revised'), { rows: 2 }),
    ], () => ({ date: null, notes: null, changes: [] }), '＋ 记录一次复盘', '+ Log a review')));
  }

  function selfCheck() {
    return card('self_check', '自我检查', 'Self-check', [
      el('p', { text: t('下面是平庸的七种表现。请诚实地为每一项打分。', 'Seven marks of mediocre work. Rate each honestly.') }),
      ratingTable(C.mediocrity, (it) => 'self_check.mediocrity.' + it.id, ['完全不像我', 'not me at all'], ['非常像我', 'very me']),
      el('div', { class: 'field', 'data-field': 'self_check.burnout' }, [
        el('div', { class: 'label', text: t('最近出现了哪些倦怠信号？', 'Which signs of burnout have you noticed lately?') }),
        el('div', { class: 'chips' }, C.burnout.map((b) => {
          const on = M.self_check.burnout.indexOf(b.id) >= 0;
          return el('label', { class: 'chip' + (on ? ' on' : '') }, [el('input', {
            type: 'checkbox',
            checked: on,
            onchange: (ev) => {
              const s = M.self_check.burnout.filter((x) => x !== b.id);
              if (ev.target.checked) s.push(b.id);
              M.self_check.burnout = C.burnout.map((x) => x.id).filter((id) => s.indexOf(id) >= 0);
              ev.target.parentNode.classList.toggle('on', ev.target.checked);
              check();
            },
          }), el('span', { text: lab(b) })]);
        })),
      ]),
    ]);
  }

  function service() {
    return card('service', '服务意识（可选）', 'Service mindset (optional)', [
      el('h3', { text: t('内部客户', 'Internal customers') }),
    ].concat(rows('service', '', '', 'service.internal_customers', (p) => [
      field(p + '.who', t('内部客户（部门或同事）', 'Who (a department or colleague)')),
      lines(p + '.owe', t('我要为他们提供的', 'What I owe them'), { rows: 2 }),
    ], () => ({ who: null, owe: [] }), '＋ 添加内部客户', '+ Add an internal customer')).concat([
      el('h3', { text: t('服务风格', 'Service style') }),
      ratingTable([{ id: 'procedure', zh: '程序（按规范、流程办事）', en: 'Procedure (rules and process)' }, { id: 'warmth', zh: '个性（热情、体贴）', en: 'Personal warmth' }], (it) => 'service.service_style.' + it.id, ['很弱', 'weak'], ['很强', 'strong']),
      el('h3', { text: t('服务质量五个维度', 'Five dimensions of service quality') }),
      ratingTable(C.quality, (it) => 'service.quality_dimensions.' + it.id, ['很差', 'poor'], ['很好', 'excellent']),
    ]));
  }

  // ---- checks, as `careerbook check` does ----
  const DATE = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/;
  function parseDate(s) {
    const m = DATE.exec(String(s).trim());
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
  const blank = (v) => v == null || String(v).trim() === '';
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
    const p = M.person;
    if (blank(p.name)) err('person.name', '请填写姓名', 'Please write your name');
    else if (String(p.name).trim().length > 100) err('person.name', '姓名不能超过 100 个字', 'The name is longer than 100 characters');
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
  const txt = (v) => (blank(v) ? null : String(v).trim());
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
    const src = txt(M.person.id) || txt(M.person.name) || '';
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
    el('h1', { text: t('职业发展档案', 'Career development profile') + (txt(M.person.name) ? ' · ' + txt(M.person.name) : '') }),
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
