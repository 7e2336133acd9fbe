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

  function showFigures(report) {
    var list = figuresEl.querySelector('dl');
    list.textContent = '';
    (report.figures || []).forEach(function (f) {
      list.appendChild(el('dt', { text: f.label }));
      list.appendChild(el('dd', { text: f.value }));
    });
    figuresEl.hidden = !(report.figures && report.figures.length);
  }

  // --- talking to the server ------------------------------------------------------------

  function validate() {
    say('正在校验…', '');
    return fetch(form.dataset.validateUrl, {
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
        showReport(body);
        return body;
      });
    }).catch(function () {
      say('无法连接服务器，请稍后重试（已填写的内容仍保留在页面中）', 'bad');
      return null;
    });
  }

  function submitRender(format, disposition) {
    ctx.persist.rendered();
    var target = document.getElementById('render-form');
    target.elements['case'].value = JSON.stringify(currentCase());
    target.elements.format.value = format;
    target.elements.disposition.value = disposition;
    target.submit();
  }

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

    document.getElementById('compute').addEventListener('click', function () {
      validate().then(function (report) {
        if (!report) { return; }
        showFigures(report);
        if (report.valid) { say('计算完成', 'ok'); figuresEl.scrollIntoView({ block: 'nearest' }); }
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
      button.addEventListener('click', function () {
        validate().then(function (report) {
          if (report && report.valid) {
            submitRender(button.dataset.format, 'attachment');
            say('正在生成' + button.dataset.format.toUpperCase() + '文件，完成后浏览器会开始下载', 'ok');
          }
        });
      });
    });

    // carry the shared facts into another document: saved as that form's last case,
    // which its page loads when opened with ?carried=<this type>
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
            try { localStorage.setItem('docgen.case.' + target, JSON.stringify(result[1]['case'])); } catch (e) { /* storage off */ }
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
  if (form.dataset.carriedFrom) {
    // from the case list the page brings the case; from another form, local storage
    var given = document.getElementById('form-data');
    var carried = null;
    try { carried = JSON.parse(given ? given.textContent : (ctx.persist.stored() || 'null')); } catch (e) { carried = null; }
    if (carried) {
      ctx.persist.loadCase(carried, '');
      say('已从' + form.dataset.carriedFrom + '带入当事人、合同和金额，请补充本文书的其他内容', 'ok');
      // a court or a case number the case already knew is not asked for again
      document.querySelectorAll('#to-fill [data-unless-carried]').forEach(function (item) {
        var value = item.dataset.field.split('.').reduce(function (v, key) {
          return v && typeof v === 'object' ? v[key] : undefined;
        }, carried);
        if (value !== undefined && value !== null && value !== '') { item.remove(); }
      });
    }
  }
  document.documentElement.classList.add('form-ready');
}());
