'use strict';
// careerbook profile form: builds every field from the embedded data with
// textContent only (never innerHTML), checks as you type with the rules of
// `careerbook check`, and saves a YAML profile through a Blob link. No network.
// This file holds the data and the fields; form-save.js, which the page's one
// inline script continues with, the checks, the YAML and the page itself.
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
  // what was typed is kept as typed; the rules of `careerbook check` decide what is
  // refused (see validate): a text of spaces only counts as empty, as there, and
  // "spaces" are Unicode's White_Space, as Rust's trim() reads them (not JS's, which
  // also drops a BOM and keeps U+0085)
  const WS = '\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000';
  const TRIM = new RegExp('^[' + WS + ']+|[' + WS + ']+$', 'g');
  const rtrim = (s) => String(s).replace(TRIM, '');

  function field(path, label, opts) {
    opts = opts || {};
    const id = nextId();
    const v = get(path);
    const common = {
      id: id,
      'data-path': path,
      placeholder: opts.placeholder,
      oninput: (ev) => {
        const raw = ev.target.value;
        if (opts.number) set(path, rtrim(raw) === '' ? null : rtrim(raw));
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
        // one item a line, as typed; a line of spaces only is no item
        set(path, ev.target.value.split('\n').filter((s) => !blank(s)));
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

