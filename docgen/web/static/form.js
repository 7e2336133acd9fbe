/*
 * The paralegal form, built in the browser from the form description the server derives
 * from the document model (see docgen/web/formspec.py). The case being typed is kept as
 * one plain object (static/state.js); inputs write into it, repeatable rows and the person
 * / organisation switch re-draw only their own part, and the object is what is validated,
 * rendered, saved in the browser and downloaded as JSON.
 *
 * The page loads, in this order: typed.js (dates and amounts as typed), problems.js,
 * state.js (the case), undo.js (「撤销」), fields.js (one input), pairs.js (lists matched
 * row by row), rows.js (repeatable rows), groups.js (the blocks), persist.js (where a case
 * comes from and is kept), prefill.js (sender profiles), issue.js (issuing a case once),
 * then this file, which puts them together and talks to the server (see
 * templates/form/_scripts.html).
 *
 * Talks only to this page's own routes (same origin, session cookie + CSRF token).
 */
(function () {
  'use strict';

  var specEl = document.getElementById('form-spec');
  var form = document.getElementById('case-form');
  if (!specEl || !form) { return; }
  var parts = window.docgenParts;
  var spec = JSON.parse(specEl.textContent);
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var statusEl = document.getElementById('status');
  var summaryEl = document.getElementById('error-summary');
  var figuresEl = document.getElementById('figures');
  var el = parts.el;
  var CARRIED = 'docgen.carried.';  // a case carried to another form, until that form takes it

  function say(text, kind) {
    statusEl.textContent = text;
    statusEl.className = kind || '';
  }

  var undo = window.docgenUndo;
  var ctx = {
    spec: spec,
    form: form,
    fieldsEl: document.getElementById('fields'),
    figuresEl: figuresEl || { hidden: true },
    say: say,
    undo: undo,
    offerUndo: function (what) { undo.offer(Object.assign({ say: say }, what)); },
    afterRender: function () { clearProblems(); ctx.prefill.showPicked(); }
  };
  // every change the user makes: saved, fields shown after a choice re-checked, and an
  // offered 撤销 withdrawn (what it would restore is no longer what was there)
  var state = ctx.state = parts.state(spec, {
    changed: function (really) {
      ctx.persist.touched();
      ctx.render.refresh();
      if (really) { undo.dismiss(); }
    }
  });
  var currentCase = state.currentCase;
  var render = parts.groups(ctx);
  ctx.persist = parts.persist(ctx);
  ctx.prefill = parts.prefill(ctx);

  // --- problems beside their fields and in the summary: static/problems.js -------------

  var problems = window.docgenProblems({ el: el, spec: spec, summary: summaryEl, say: say });
  var clearProblems = problems.clear, showReport = problems.show;

  // a figure still waiting for inputs (f.needs: their field ids) names them, each a link
  function showFigures(report) {
    var list = figuresEl.querySelector('dl');
    list.textContent = '';
    (report.figures || []).forEach(function (f) {
      list.appendChild(el('dt', { text: f.label }));
      if (!f.needs) { list.appendChild(el('dd', { text: f.value })); return; }
      var waiting = el('dd', { 'class': 'waiting', text: f.needs.length ? '待补充：' : '待补充：请先改正标出的问题' });
      f.needs.forEach(function (id, i) {
        if (i) { waiting.appendChild(document.createTextNode('、')); }
        waiting.appendChild(problems.fieldLink(id));
      });
      list.appendChild(waiting);
    });
    figuresEl.hidden = !(report.figures && report.figures.length);
  }

  // 计算 tells what it computed, what waits for which inputs, and what else is wrong
  function calculated(report) {
    var all = report.figures || [];
    var waiting = all.filter(function (f) { return f.needs; }).length;
    var errors = (report.errors || []).length;
    var rest = errors ? '；另有 ' + errors + ' 处需要修正（见上方列表）' : '';
    if (!all.length) {
      say('尚无可计算的结果：请先填写金额和日期' + rest, 'bad');
    } else if (waiting) {
      say('已按已填写的内容计算 ' + (all.length - waiting) + ' 项，' + waiting + ' 项待补充（见字段旁的说明）' + rest, errors ? 'bad' : 'ok');
    } else {
      say('计算完成' + rest, errors ? 'bad' : 'ok');
    }
  }

  // --- talking to the server ------------------------------------------------------------

  function validate() { return check(form.dataset.validateUrl, '正在校验…', true); }

  function check(url, words, focus) {
    say(words, '');
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRFToken': csrf },
      body: JSON.stringify(currentCase())
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          var message = Array.isArray(body) && body[0] ? body[0].message : '服务器拒绝了请求';
          say(message, 'bad');
          return null;
        }
        showReport(body, { focus: focus });
        return body;
      });
    }).catch(function () {
      say('无法连接服务器，请稍后重试（已填写的内容仍保留在页面中）', 'bad');
      return null;
    });
  }

  // extra: document_ids (the documents this case was issued as: the same documents are
  // given again), confirm_reused (a new document under a letter number already used) or
  // issue_new (the documents shown, beside which a second letter is confirmed). A preview
  // is shown in the page's frame; a download is fetched, so that the page knows when it
  // is done and what was refused: a promise of {ok} or {ok: false, status, problems}
  function submitRender(format, disposition, extra) {
    ctx.persist.rendered();
    var target = document.getElementById('render-form');
    target.elements['case'].value = JSON.stringify(currentCase());
    target.elements.format.value = format;
    target.elements.disposition.value = disposition;
    target.elements.document_ids.value = (extra && extra.document_ids) || '';
    target.elements.confirm_reused.value = (extra && extra.confirm_reused) || '';
    target.elements.issue_new.value = (extra && extra.issue_new) || '';
    if (disposition !== 'attachment') { target.submit(); return Promise.resolve({ ok: true }); }
    return fetch(target.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-CSRFToken': csrf },
      body: new FormData(target)
    }).then(function (response) {
      if (!response.ok) {
        return response.json().catch(function () { return []; }).then(function (body) {
          return { ok: false, status: response.status, problems: Array.isArray(body) ? body : [] };
        });
      }
      var name = savedName(response.headers.get('Content-Disposition'), format);
      return response.blob().then(function (blob) { save(blob, name); return { ok: true }; });
    }).catch(function () { return { ok: false, status: 0, problems: [] }; });
  }

  // the file's name as the server gave it (RFC 6266: the UTF-8 name, else the plain one)
  function savedName(header, format) {
    var utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header || '');
    if (utf8) { try { return decodeURIComponent(utf8[1]); } catch (e) { /* the plain one */ } }
    var plain = /filename="([^"]+)"/i.exec(header || '');
    return plain ? plain[1] : form.dataset.type + '.' + (format.indexOf(',') >= 0 ? 'zip' : format);
  }

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var link = el('a', { href: url, download: name });
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  // --- issuing a case once: static/issue.js ------------------------------------------

  var issue = parts.issue({
    form: form, csrf: csrf, el: el, say: say, validate: function () { return validate(); },
    submitRender: function (f, d, e) { return submitRender(f, d, e); }, currentCase: currentCase
  });
  var download = issue.download;

  var previewPending = false;

  function bindDocument() {
    var frame = document.getElementById('preview-frame');
    if (frame) {
      frame.addEventListener('load', function () {
        if (!previewPending) { return; }
        previewPending = false;
        say('预览已生成', 'ok');
      });
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      validate().then(function (report) {
        if (report && report.valid) { say(problems.passed(report), 'ok'); showFigures(report); }
      });
    });

    // 计算 needs no valid case: what is filled is computed, what is lacking is named
    document.getElementById('compute').addEventListener('click', function () {
      check(form.dataset.calculateUrl, '正在计算…', false).then(function (report) {
        if (!report) { return; }
        problems.showNeeded(report.needed);
        showFigures(report);
        calculated(report);
        if (!figuresEl.hidden) { figuresEl.scrollIntoView({ block: 'nearest' }); }
      });
    });

    document.getElementById('preview').addEventListener('click', function () {
      validate().then(function (report) {
        if (report && report.valid) {
          showFigures(report);
          submitRender('pdf', 'inline');
          say('正在生成预览…', 'ok');
          previewPending = true;
        }
      });
    });

    Array.prototype.forEach.call(document.querySelectorAll('button.download'), function (button) {
      button.addEventListener('click', function () { download(button.dataset.format); });
    });
    issue.bind();

    // carry the shared facts into another document: handed over in the browser's storage
    // to that form, which takes it when opened with ?carried=<this type>
    var carryButton = document.getElementById('carry-case');
    if (carryButton) {
      carryButton.addEventListener('click', function () {
        var target = document.getElementById('carry-target').value;
        fetch(carryButton.dataset.url, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-CSRFToken': csrf },
          body: JSON.stringify({ target: target, 'case': currentCase() || {} })
        }).then(function (r) { return r.json().then(function (body) { return [r.ok, body]; }); })
          .then(function (result) {
            if (!result[0]) { say(result[1][0] ? result[1][0].message : '无法转为该文书', 'bad'); return; }
            try { localStorage.setItem(CARRIED + target, JSON.stringify(result[1]['case'])); } catch (e) { /* storage off */ }
            window.location.assign(result[1].url);
          })
          .catch(function () { say('无法连接服务器，请稍后重试（已填写的内容仍保留在页面中）', 'bad'); });
      });
    }

    ctx.persist.bind();
  }

  function bindProfile() {
    var initial = document.getElementById('form-data');
    if (initial) { state.replace(JSON.parse(initial.textContent) || {}); }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      say('正在保存…', '');
      var id = form.dataset.profileId ? Number(form.dataset.profileId) : null;
      fetch(form.dataset.saveUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRFToken': csrf },
        body: JSON.stringify({ id: id, profile: currentCase() || {} })
      }).then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) {
            say(Array.isArray(body) && body[0] ? body[0].message : '服务器拒绝了请求', 'bad');
            return;
          }
          if (body.valid) { window.location.assign(body.next); return; }
          showReport(body);
        });
      }).catch(function () { say('无法连接服务器，请稍后重试（已填写的内容仍保留在页面中）', 'bad'); });
    });
  }

  // for the page's own tests and for profile prefill: read and replace the case
  window.docgenForm = {
    currentCase: currentCase,
    loadCase: function (data) { ctx.persist.loadCase(data, ''); },
    lastReport: problems.last,
    rmbUpper: window.docgenTyped.rmbUpper,
    setValue: function (path, value) { state.set(path, value); },
    parseDate: window.docgenTyped.parseDate,
    showReport: showReport,
    say: say,
    merge: function (path, values) {
      var target = state.get(path) || {};
      state.set(path, Object.assign({}, target, values));
      render.all();
    }
  };

  // the filing bundle page (bundle.js) builds and sends the case itself
  if (form.dataset.mode === 'profile') {
    bindProfile();
  } else if (form.dataset.mode !== 'bundle') {
    bindDocument();
    ctx.prefill.bind();
  }
  render.all();
  ctx.persist.start();
  if (form.dataset.carriedFrom) { carryIn(form.dataset.carriedFrom); }
  document.documentElement.classList.add('form-ready');

  // from the case list the page brings the case; from another form, the browser's storage
  // (taken once: opened again, the page shows the case saved since, as before)
  function carryIn(from) {
    var given = document.getElementById('form-data');
    var handed = null;
    try { handed = localStorage.getItem(CARRIED + form.dataset.type); localStorage.removeItem(CARRIED + form.dataset.type); } catch (e) { handed = null; }
    var carried = null;
    try { carried = JSON.parse(given ? given.textContent : (handed || 'null')); } catch (e) { carried = null; }
    if (!given && !handed) {
      try { carried = JSON.parse(ctx.persist.stored() || 'null'); } catch (e) { carried = null; }
      if (carried) { ctx.persist.loadCase(carried, '上次的案件'); }
      return;
    }
    if (carried && ctx.persist.carryIn(carried, from)) {
      say('已从' + from + '带入当事人、合同和金额，请补充本文书的其他内容', 'ok');
      // a court or a case number the case already knew is not asked for again
      document.querySelectorAll('#to-fill [data-unless-carried]').forEach(function (item) {
        var value = item.dataset.field.split('.').reduce(function (v, key) {
          return v && typeof v === 'object' ? v[key] : undefined;
        }, carried);
        if (value !== undefined && value !== null && value !== '') { item.remove(); }
      });
    }
  }
}());
