/*
 * Issuing a case once on the paralegal form (form.js; the server's side is
 * docgen/web/form_issue.py): before a download the page asks whether the tenant issued
 * this very case already. If so the same documents download, and a second letter is
 * issued only when the user asks for it beside the documents shown; a new document under
 * a letter number the register holds already is confirmed first. Two quick clicks give
 * one document: the second waits until the server names the first's. A case the tenant
 * issued through another channel (the API, a batch) is named, with its channel, and a new
 * letter is issued beside it only when the user asks.
 */
(function () {
  'use strict';

  var parts = window.docgenParts = window.docgenParts || {};

  // ctx.form, ctx.csrf, ctx.el, ctx.say, ctx.validate, ctx.submitRender, ctx.currentCase
  parts.issue = function (ctx) {
    var form = ctx.form, csrf = ctx.csrf, el = ctx.el, say = ctx.say;
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
        if (!response.ok) { say('无法确认本案是否已出具，请稍后重试', 'bad'); return null; }
        return response.json().then(function (body) {
          elsewhere = body.elsewhere || [];
          return body.documents || [];
        });
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

    // the case was issued through another channel: nothing downloads; a new letter is
    // issued by the form only if the user asks for it here, beside the documents named
    var againTitle = document.getElementById('issue-again-title');
    var againHelp = document.getElementById('issue-again-help');
    var sameWords = againTitle && againHelp ? [againTitle.textContent, againHelp.textContent] : null;
    var ELSEWHERE_WORDS = ['本案已通过其他途径出具',
      '本案已经接口、批量生成或命令行出具，未经本表单：未下载任何文书，也未出具新文书。确需就本案由本表单再出具一份新的函件的（新的文书编号和校验码；原文书仍记录在登记簿中），请点击「重新出具一份新的函件」；否则请点击「不重新出具」。'];

    function boxWords(words) {
      if (!sameWords) { return; }
      againTitle.textContent = words[0];
      againHelp.textContent = words[1];
    }

    function showElsewhere(format, documents) {
      boxWords(ELSEWHERE_WORDS);
      var list = document.getElementById('issue-again-text');
      list.textContent = '';
      documents.forEach(function (d) {
        list.appendChild(el('li', { text: documentWords(d) + '，经' + d.channel + '出具' }));
      });
      document.getElementById('issue-again-lead').textContent = '本案已通过其他途径出具（未经本表单），尚未另行出具新文书：';
      againFormat = format;
      againIds = idsOf(documents);
      againBox.hidden = false;
      againBox.scrollIntoView({ block: 'nearest' });
      say('本案已通过' + documents[documents.length - 1].channel + '出具（文书编号 ' + againIds.replace(/,/g, '、') + '）：如确需再出具一份新的函件，请点击「重新出具一份新的函件」', 'bad');
    }

    function showAgain(format, documents) {
      boxWords(sameWords);
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
          if (elsewhere.length) { release(); showElsewhere(format, elsewhere); return; }
          var reused = (report.warnings || []).filter(function (w) { return w.code === 'letter_number_reused'; });
          if (reused.length) { release(); askToConfirm(format, reused); return; }
          submitRender(format, 'attachment');
          say('正在生成' + formatWords(format) + '文件，完成后浏览器会开始下载', 'ok');
          releaseWhenIssued(POLL_TRIES, '');
        });
      });
    }

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

    return { download: download, bind: bindConfirm };
  };
}());
