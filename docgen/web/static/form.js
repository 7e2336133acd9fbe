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
 * comes from and is kept), prefill.js (sender profiles), then this file, which puts them
 * together and talks to the server (see templates/form/_scripts.html).
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
  // issue_new (the documents shown, beside which a second letter is confirmed)
  function submitRender(format, disposition, extra) {
    ctx.persist.rendered();
    var target = document.getElementById('render-form');
    target.elements['case'].value = JSON.stringify(currentCase());
    target.elements.format.value = format;
    target.elements.disposition.value = disposition;
    target.elements.document_ids.value = (extra && extra.document_ids) || '';
    target.elements.confirm_reused.value = (extra && extra.confirm_reused) || '';
    target.elements.issue_new.value = (extra && extra.issue_new) || '';
    target.submit();
  }

  // --- issuing a case once: the tenant's register remembers each case the form issued --

  function formatWords(format) {
    return format.indexOf(',') >= 0 ? 'PDF 与 DOCX' : format.toUpperCase();
  }

  // the documents this very case was issued as (empty: not yet), or null on failure
  function issuedAs() {
    return fetch(form.dataset.issuedUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRFToken': csrf },
      body: JSON.stringify(currentCase())
    }).then(function (response) {
      if (!response.ok) { say('无法确认本案是否已出具，请稍后重试', 'bad'); return null; }
      return response.json().then(function (body) { return body.documents || []; });
    }).catch(function () {
      say('无法连接服务器，请稍后重试（已填写的内容仍保留在页面中）', 'bad');
      return null;
    });
  }

  var confirmBox = document.getElementById('issue-confirm');
  var confirmFormat = null, confirmField = null;

  function askToConfirm(format, reused) {
    var list = document.getElementById('issue-confirm-text');
    list.textContent = '';
    reused.forEach(function (w) { list.appendChild(el('li', { text: w.message })); });
    confirmFormat = format;
    confirmField = reused[0].field;
    confirmBox.hidden = false;
    confirmBox.scrollIntoView({ block: 'nearest' });
    document.getElementById('issue-confirm-no').focus();
    say('该函号已用于另一份文书：请确认是否仍要出具新文书', 'bad');
  }

  function closeConfirm() {
    confirmBox.hidden = true;
    confirmFormat = confirmField = null;
  }

  // the case was issued already: the same documents are downloading; a second letter is
  // issued only if the user asks for it here, beside the documents shown
  var againBox = document.getElementById('issue-again');
  var againFormat = null, againIds = '';

  function idsOf(documents) {
    return (documents || []).map(function (d) { return d.document_id; }).join(',');
  }

  function documentWords(d) {
    var words = '文书编号 ' + d.document_id + '（校验码 ' + d.verification_code + '）';
    if (d.letter_number) { words += '，函号 ' + d.letter_number; }
    return words + '，出具于 ' + d.issued_on + '（北京时间）';
  }

  function showAgain(format, documents) {
    var list = document.getElementById('issue-again-text');
    list.textContent = '';
    documents.forEach(function (d) { list.appendChild(el('li', { text: documentWords(d) })); });
    var times = documents[0].issues > 1 ? '本案已出具 ' + documents[0].issues + ' 次，最近一次出具的文书：' : '本案已出具的文书：';
    document.getElementById('issue-again-lead').textContent = times;
    againFormat = format;
    againIds = idsOf(documents);
    againBox.hidden = false;
  }

  function closeAgain() { againBox.hidden = true; againFormat = null; againIds = ''; }

  // a second download started before the first's answer reached the browser would not
  // know the document the first issued (the register records it with that answer): it
  // waits until the server names a document other than those it named before (none
  // before a first issue), then goes on by itself
  var downloading = false, pending = null;
  var POLL_MS = 300, POLL_TRIES = 30;

  function release() {
    downloading = false;
    if (pending) { var next = pending; pending = null; download(next); }
  }

  function releaseWhenIssued(tries, before) {
    setTimeout(function () {
      issuedAs().then(function (documents) {
        var now = idsOf(documents);
        if ((now && now !== before) || tries <= 1) { release(); return; }
        releaseWhenIssued(tries - 1, before);
      });
    }, POLL_MS);
  }

  function download(format) {
    if (downloading) {
      pending = format;
      say('上一份文件生成后，将接着下载同一份文书的' + formatWords(format), '');
      return;
    }
    downloading = true;
    closeConfirm();
    closeAgain();
    validate().then(function (report) {
      if (!report || !report.valid) { release(); return null; }
      return issuedAs().then(function (documents) {
        if (documents === null) { release(); return; }
        if (documents.length) {
          submitRender(format, 'attachment', { document_ids: idsOf(documents) });
          say('本案已出具（文书编号 ' + idsOf(documents).replace(/,/g, '、') + '），正在下载同一份文书的' + formatWords(format) + '，不另出具新文书', 'ok');
          showAgain(format, documents);
          release();
          return;
        }
        var reused = (report.warnings || []).filter(function (w) { return w.code === 'letter_number_reused'; });
        if (reused.length) { release(); askToConfirm(format, reused); return; }
        submitRender(format, 'attachment');
        say('正在生成' + formatWords(format) + '文件，完成后浏览器会开始下载', 'ok');
        releaseWhenIssued(POLL_TRIES, '');
      });
    });
  }

  var previewPending = false;

  // the confirm step before a new document under a letter number already registered
  function bindConfirm() {
    document.getElementById('issue-confirm-no').addEventListener('click', function () {
      say('未出具新文书：请修改函号后再下载', '');
      var number = confirmField && document.getElementById(confirmField);
      closeConfirm();
      if (number) { number.focus(); }
    });
    // what was confirmed is the case as it was: a change asks again at the next download
    form.addEventListener('input', function () {
      if (!confirmBox.hidden) { closeConfirm(); }
      if (!againBox.hidden) { closeAgain(); }
    });
    document.getElementById('issue-again-no').addEventListener('click', function () {
      closeAgain();
      say('未另行出具新文书：本案仍为已出具的那一份文书', '');
    });
    // the user asks in so many words for a second letter beside the documents shown; the
    // server issues it only if those are still the case's latest (else it says so)
    document.getElementById('issue-again-yes').addEventListener('click', function () {
      var format = againFormat, before = againIds;
      closeAgain();
      if (!format || downloading) { return; }
      downloading = true;
      submitRender(format, 'attachment', { issue_new: before });
      say('正在重新出具一份新的函件（新的文书编号和校验码，' + formatWords(format) + '），完成后浏览器会开始下载', 'ok');
      releaseWhenIssued(POLL_TRIES, before);
    });
    document.getElementById('issue-confirm-yes').addEventListener('click', function () {
      var format = confirmFormat;
      closeConfirm();
      if (!format) { return; }
      submitRender(format, 'attachment', { confirm_reused: '1' });
      say('正在以该函号出具新文书（' + formatWords(format) + '），完成后浏览器会开始下载', 'ok');
    });
  }

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
    bindConfirm();

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
