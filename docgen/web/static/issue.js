/*
 * Issuing a case once on the paralegal form (form.js; the server's side is
 * docgen/web/form_issue.py): before a download the page asks whether the tenant issued
 * this very case already. If so the same documents download, and a second letter is
 * issued only when the user asks for it beside the documents shown; a new document under
 * a letter number the register holds already is confirmed first. Two quick clicks give
 * one document: the second waits for the first's answer. A case the tenant issued through
 * another channel (the API, a batch, the CLI) is named, with its channel, and nothing
 * downloads: a new letter is issued beside it only when the user clicks 「仍要出具新文书」.
 * What came of a download (done, or refused and why) is said beside the download buttons.
 */
(function () {
  'use strict';

  var parts = window.docgenParts = window.docgenParts || {};

  // ctx.form, ctx.csrf, ctx.el, ctx.validate, ctx.submitRender, ctx.currentCase
  parts.issue = function (ctx) {
    var form = ctx.form, csrf = ctx.csrf, el = ctx.el;
    var validate = ctx.validate, submitRender = ctx.submitRender, currentCase = ctx.currentCase;

    function formatWords(format) {
      return format.indexOf(',') >= 0 ? 'PDF 与 DOCX' : format.toUpperCase();
    }

    // documents the tenant issued of this case through another channel (the API, a
    // batch, the CLI), as the last answer of the server named them
    var elsewhere = [];

    // the documents this very case was issued as (empty: not yet), or null on failure
    function issuedAs() {
      return fetch(form.dataset.issuedUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRFToken': csrf },
        body: JSON.stringify(currentCase())
      }).then(function (response) {
        if (!response.ok) { tell('无法确认本案是否已出具，请稍后重试', 'bad'); return null; }
        return response.json().then(function (body) {
          elsewhere = body.elsewhere || [];
          return body.documents || [];
        });
      }).catch(function () {
        tell('无法连接服务器，请稍后重试（已填写的内容仍保留在页面中）', 'bad');
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
      tell('未下载：该函号已用于另一份文书，请确认是否仍要出具新文书', 'bad');
    }

    function closeConfirm() {
      confirmBox.hidden = true;
      confirmFormat = confirmField = null;
    }

    // what the page says of a download: beside the download buttons, where the user is
    var statusEl = document.getElementById('download-status');
    function tell(text, kind) {
      statusEl.textContent = text;
      statusEl.className = kind || '';
    }

    // the panel above the download buttons: the documents the case was issued as, and the
    // user's choice whether to issue a new one beside them (「仍要出具新文书」)
    var panel = document.getElementById('issue-again');
    var panelTitle = document.getElementById('issue-again-title');
    var panelLead = document.getElementById('issue-again-lead');
    var panelList = document.getElementById('issue-again-text');
    var panelHelp = document.getElementById('issue-again-help');
    var noButton = document.getElementById('issue-again-no');
    var yesButton = document.getElementById('issue-again-yes');
    var shown = { format: null, ids: '' };
    var opener = null;  // the download button that led here: focus goes back to it

    var WORDS = {
      again: ['本案已出具，下载的是同一份文书', '同一案件只出具一份函件：正在下载的是已出具的这份文书（同一文书编号和校验码），没有出具新文书。确需再出具一份新的函件的（例如原函件遗失），请点击「仍要出具新文书」：新文书有新的文书编号和校验码，案件有函号的沿用同一函号，原文书仍记录在登记簿中。要改函号或内容的，请直接修改案件后下载，改动后的案件作为新文书出具。', '不出具新文书'],
      elsewhere: ['本案已出具过，本次未下载', '上列文书是经接口、批量生成或命令行出具的，不是本表单出具的。本次没有下载任何文件，也没有出具新文书。确需由本表单再出具一份新的函件的，请点击「仍要出具新文书」（新文书有新的文书编号和校验码，原文书仍记录在登记簿中）；不需要的，请点击「不出具新文书」。', '不出具新文书'],
      since: ['本案刚刚已另行出具，本次未出具', '就在您这次操作时，其他同事（或另一个浏览器页面）已先出具了上列文书。本次没有出具，也没有下载任何文件。要这份文书，请直接点击下方的下载按钮（给出的是同一份文书）；确需再出具一份新的，请点击「仍要出具新文书」。', '不出具新文书'],
      renewed: ['已出具新文书', '已按您的确认出具了上列新文书（新的文书编号和校验码），浏览器已开始下载；此前的文书仍记录在登记簿中。以后再下载本案，给出的是这份新文书。', '关闭']
    };

    function idsOf(documents) {
      return (documents || []).map(function (d) { return d.document_id; }).join(',');
    }

    function numbers(documents) { return idsOf(documents).replace(/,/g, '、'); }

    function documentWords(d) {
      var words = '文书编号 ' + d.document_id + '（校验码 ' + d.verification_code + '）';
      if (d.letter_number) { words += '，函号 ' + d.letter_number; }
      return words + '，于 ' + d.issued_on + '（北京时间）' + (d.channel ? '经' + d.channel : '经本表单') + '出具';
    }

    // mode: a key of WORDS; focus: the panel takes the focus (nothing downloaded: the user
    // reads it and chooses; Tab reaches 「不出具新文书」, then 「仍要出具新文书」)
    function showPanel(mode, format, documents, lead, focus) {
      var words = WORDS[mode];
      panel.dataset.mode = mode;
      panelTitle.textContent = words[0];
      panelLead.textContent = lead;
      panelList.textContent = '';
      documents.forEach(function (d) { panelList.appendChild(el('li', { text: documentWords(d) })); });
      panelHelp.textContent = words[1];
      noButton.textContent = words[2];
      noButton.disabled = yesButton.disabled = false;
      yesButton.hidden = mode === 'renewed';
      panel.removeAttribute('aria-busy');
      shown = { format: format, ids: idsOf(documents) };
      panel.hidden = false;
      panel.scrollIntoView({ block: 'center' });
      if (focus) { panel.focus(); }
    }

    function closePanel(refocus) {
      var hadFocus = panel.contains(document.activeElement);
      panel.hidden = true;
      shown = { format: null, ids: '' };
      if (refocus && hadFocus && opener) { opener.focus(); }
    }

    function againLead(documents) {
      var times = documents[0].issues;
      return times > 1 ? '本案已出具 ' + times + ' 次，最近一次出具的文书：' : '本案已出具的文书：';
    }

    function showElsewhere(format) {
      var n = elsewhere.length;
      showPanel('elsewhere', format, elsewhere,
        '本案已经其他途径出具过' + (n > 1 ? ' ' + n + ' 份文书' : '') + '（未经本表单）：', true);
      var what = n > 1 ? '已出具过 ' + n + ' 份文书' : '已经' + elsewhere[0].channel + '出具';
      tell('未下载：本案' + what + '（文书编号 ' + numbers(elsewhere) + '），见上方说明。确需出具新文书，请点击「仍要出具新文书」', 'bad');
    }

    // a download the server refused: why, beside the buttons; a case issued meanwhile (by
    // a colleague, another tab, the API) is shown in the panel as it now is
    function refused(result, format) {
      var problem = result.problems[0];
      if (!result.status) {
        tell('无法连接服务器，未下载（已填写的内容仍保留在页面中），请稍后重试', 'bad');
        return null;
      }
      if (!problem) {
        tell('服务器未能生成文件（错误 ' + result.status + '），未下载，请稍后重试', 'bad');
        return null;
      }
      var code = problem.code;
      if (code !== 'case_issued_since' && code !== 'case_issued_elsewhere' && code !== 'case_changed') {
        var more = result.problems.length > 1 ? '（另有 ' + (result.problems.length - 1) + ' 处问题）' : '';
        tell('未下载：' + problem.message + more + (problem.hint ? '。' + problem.hint : ''), 'bad');
        return null;
      }
      return issuedAs().then(function (documents) {
        if (documents && documents.length) {
          showPanel('since', format, documents, '本案刚刚出具的文书：', true);
          tell('未出具，也未下载：本案刚刚已另行出具（文书编号 ' + numbers(documents) + '），见上方说明', 'bad');
        } else if (elsewhere.length) {
          showElsewhere(format);
        } else {
          tell('未下载：' + problem.message, 'bad');
        }
      });
    }

    // a render asked for: when its answer is in, what came of it, then the next download
    function finish(format, extra, done) {
      return submitRender(format, 'attachment', extra).then(function (result) {
        if (!result.ok) { return refused(result, format); }
        return done();
      }).then(release, release);
    }

    // a second download started before the first's answer reached the browser would not
    // know the document the first issued: it waits for that answer, then goes on by itself
    var downloading = false, pending = null;

    function release() {
      downloading = false;
      Array.prototype.forEach.call(document.querySelectorAll('button.download[aria-busy]'), function (b) {
        b.removeAttribute('aria-busy');
      });
      if (pending) { var next = pending; pending = null; download(next); }
    }

    function download(format) {
      if (downloading) {
        pending = format;
        tell('上一份文件生成后，将接着下载同一份文书的' + formatWords(format), '');
        return;
      }
      downloading = true;
      var active = document.activeElement;
      if (active && active.classList && active.classList.contains('download')) {
        opener = active;
        active.setAttribute('aria-busy', 'true');  // until its answer is in
      }
      closeConfirm();
      closePanel(false);
      tell('正在校验…', '');
      validate().then(function (report) {
        if (!report || !report.valid) {
          tell(report ? '未下载：请先改正标出的问题' : '未下载：见页面上方的说明', 'bad');
          release();
          return null;
        }
        return issuedAs().then(function (documents) {
          if (documents === null) { tell('未下载：无法确认本案是否已出具，请稍后重试', 'bad'); release(); return; }
          if (documents.length) {
            tell('本案已出具（文书编号 ' + numbers(documents) + '），正在下载同一份文书的' + formatWords(format) + '，不另出具新文书', 'ok');
            showPanel('again', format, documents, againLead(documents), false);
            return finish(format, { document_ids: idsOf(documents) }, function () {
              tell('本案已出具（文书编号 ' + numbers(documents) + '）：已下载同一份文书的' + formatWords(format) + '，未另出具新文书', 'ok');
            });
          }
          if (elsewhere.length) { release(); showElsewhere(format); return; }
          var reused = (report.warnings || []).filter(function (w) { return w.code === 'letter_number_reused'; });
          if (reused.length) { release(); askToConfirm(format, reused); return; }
          issueNew(format, {}, '正在生成' + formatWords(format) + '文件，完成后浏览器会开始下载');
        });
      });
    }

    // a new document: once its answer is in, the page names it
    function issueNew(format, extra, words) {
      downloading = true;
      tell(words, '');
      return finish(format, extra, function () {
        return issuedAs().then(function (documents) {
          var named = documents && documents.length ? '（文书编号 ' + numbers(documents) + '）' : '';
          tell('已出具' + named + '，浏览器已开始下载' + formatWords(format), 'ok');
        });
      });
    }

    function bindConfirm() {
      document.getElementById('issue-confirm-no').addEventListener('click', function () {
        tell('未出具新文书：请修改函号后再下载', '');
        var number = confirmField && document.getElementById(confirmField);
        closeConfirm();
        if (number) { number.focus(); }
      });
      // what was confirmed is the case as it was: a change asks again at the next download
      form.addEventListener('input', function () {
        if (!confirmBox.hidden) { closeConfirm(); }
        if (!panel.hidden && !panel.hasAttribute('aria-busy')) { closePanel(false); }
        if (!downloading) { tell('', ''); }  // what it said was of the case before
      });
      noButton.addEventListener('click', function () {
        var mode = panel.dataset.mode;
        closePanel(true);
        if (mode !== 'renewed') { tell('未出具新文书', ''); }
      });
      panel.addEventListener('keydown', function (event) {
        if (event.key === 'Escape' && !noButton.disabled) { noButton.click(); }
      });
      // the user asks in so many words for a second letter beside the documents shown; the
      // server issues it only if those are still the case's latest (else it says so). The
      // panel stays, its buttons off, until the answer is in: one click, one request
      yesButton.addEventListener('click', function () {
        var format = shown.format, before = shown.ids;
        if (!format || downloading) { return; }
        downloading = true;
        noButton.disabled = yesButton.disabled = true;
        panel.setAttribute('aria-busy', 'true');
        panel.focus();
        tell('正在出具新文书（新的文书编号和校验码，' + formatWords(format) + '），完成后浏览器会开始下载…', '');
        finish(format, { issue_new: before }, function () {
          return issuedAs().then(function (documents) {
            var made = documents || [];
            showPanel('renewed', format, made, '新出具的文书：', true);
            tell('已出具新文书（文书编号 ' + numbers(made) + '），浏览器已开始下载' + formatWords(format), 'ok');
          });
        });
      });
      document.getElementById('issue-confirm-yes').addEventListener('click', function () {
        var format = confirmFormat;
        closeConfirm();
        if (!format || downloading) { return; }
        issueNew(format, { confirm_reused: '1' }, '正在以该函号出具新文书（' + formatWords(format) + '），完成后浏览器会开始下载');
      });
    }

    return { download: download, bind: bindConfirm };
  };
}());
