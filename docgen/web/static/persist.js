/*
 * Where a case on the paralegal form (form.js) comes from and where it is kept: saved in the
 * browser a moment after each change (「载入上次的案件」), a sample, an uploaded JSON file,
 * a case carried from another document, the JSON downloaded, the form cleared.
 *
 * A case typed on the form is never replaced without asking: a sample, the last case or a
 * file that would replace it asks first, and every replacement (and 清空) is offered back
 * for some seconds, the replaced case and what the browser had saved restored as they were.
 * A carried case arrives on an empty form but becomes this document's 「上次的案件」: when
 * that holds another case, it asks first and is offered back the same way.
 */
(function () {
  'use strict';

  var parts = window.docgenParts = window.docgenParts || {};

  // ctx.form, ctx.state, ctx.render, ctx.say, ctx.figuresEl, ctx.offerUndo(what)
  parts.persist = function (ctx) {
    var form = ctx.form, state = ctx.state, say = ctx.say;
    var storeKey = 'docgen.case.' + form.dataset.type;
    var saving = form.dataset.mode !== 'profile';

    // a sample shown but not edited or rendered yet is not saved as 「上次的案件」
    var untouchedSample = false;
    var saveTimer = null;
    function remember() {
      if (!saving) { return; }
      clearTimeout(saveTimer);
      saveTimer = setTimeout(rememberNow, 200);
    }

    function rememberNow() {
      clearTimeout(saveTimer);
      saveTimer = null;
      if (!saving) { return; }
      try { localStorage.setItem(storeKey, JSON.stringify(state.data())); } catch (e) { /* storage full or off */ }
    }

    function stored() {
      try { return localStorage.getItem(storeKey); } catch (e) { return null; }
    }

    function restoreStored(text) {
      clearTimeout(saveTimer);
      saveTimer = null;
      try {
        if (text === null) { localStorage.removeItem(storeKey); } else { localStorage.setItem(storeKey, text); }
      } catch (e) { /* storage off */ }
    }

    // what an empty form sends (its parties' kinds): anything else was typed or loaded
    var blankCase = null, blankData = null;
    function isBlank() { return JSON.stringify(state.currentCase() || {}) === blankCase; }
    function holdsTypedCase() { return !untouchedSample && !isBlank(); }

    function loadCase(data, origin, sample) {
      if (!data || typeof data !== 'object' || Array.isArray(data)) {
        say('文件内容不是一份案件数据（应为 JSON 对象）', 'bad');
        return false;
      }
      if (sample && saveTimer !== null) { rememberNow(); }  // the last typing is kept
      // a null (what a stored or carried case left empty) is a blank field, never 「null」
      state.replace(JSON.parse(JSON.stringify(data), function (key, value) {
        return value === null && !Array.isArray(this) ? undefined : value;
      }));
      ctx.render.all();
      untouchedSample = !!sample;
      if (!sample) { remember(); }
      ctx.figuresEl.hidden = true;
      say('已载入' + origin, 'ok');
      return true;
    }

    // the case on the form as it is now, to be put back by 撤销; the case object itself is
    // kept (it is replaced, never changed, from here on), with what its hidden blocks held
    function snapshot() {
      if (saveTimer !== null && !untouchedSample) { rememberNow(); }
      return { data: state.data(), untouched: untouchedSample, stored: stored(), blank: isBlank() };
    }

    // puts back the form and what the browser had saved as they were at snapshot()
    function restoring(before) {
      return function () {
        state.replace(before.data);
        untouchedSample = before.untouched;
        ctx.render.all();
        restoreStored(before.stored);
        ctx.figuresEl.hidden = true;
      };
    }

    function offerBack(before, text) {
      if (before.blank) { return; }  // an empty form is not worth a notice
      ctx.offerUndo({ text: text, done: '已恢复原来的案件', restore: restoring(before) });
    }

    // asks before a typed case is replaced by another; false when the user says no
    function mayReplace(what, verb, incoming) {
      if (!holdsTypedCase() || incoming === JSON.stringify(state.data()) ||
          incoming === JSON.stringify(state.currentCase())) { return true; }
      if (window.confirm(what + '会替换页面上已填写的案件。确定' + verb + '吗？')) { return true; }
      say('未' + verb + '，已填写的内容保留', 'ok');
      return false;
    }

    function replaceWith(data, origin, sample) {
      var before = snapshot();
      if (loadCase(data, origin, sample)) { offerBack(before, '已载入' + origin); }
    }

    // a case carried from another document (from: its title): it will be saved as this
    // document's 「上次的案件」, so another case saved there is replaced only after asking,
    // and can be had back; false when the user keeps the saved case
    function carryIn(data, from) {
      var text = stored();
      var incoming = JSON.stringify(data);
      var replaces = text !== null && text !== incoming && text !== blankData &&
        text !== blankCase && text !== '{}';
      if (replaces && !window.confirm('从' + from + '带入的案件会替换本浏览器中保存的本文书「上次的案件」。确定带入吗？')) {
        say('未带入' + from + '的案件，「上次的案件」保留（可点「载入上次的案件」继续填写）', 'ok');
        return false;
      }
      var before = snapshot();
      if (!loadCase(data, from + '的案件')) { return false; }
      if (replaces) {
        ctx.offerUndo({
          text: '已从' + from + '带入案件，替换了「上次的案件」',
          done: '已撤销带入，「上次的案件」已恢复',
          restore: restoring(before)
        });
      }
      return true;
    }

    function bindSample() {
      var button = document.getElementById('load-sample');
      if (!button) { return; }
      button.addEventListener('click', function () {
        var choice = document.getElementById('sample-choice');
        var name = choice.value;
        var title = choice.selectedIndex >= 0 ? choice.options[choice.selectedIndex].text : name;
        if (!mayReplace('载入示例', '载入示例', null)) { return; }
        fetch(button.dataset.url.replace('__NAME__', encodeURIComponent(name)), { credentials: 'same-origin' })
          .then(function (r) { return r.json(); })
          .then(function (data) {
            replaceWith(data, '示例案件「' + title + '」', true);
            say('已载入示例案件「' + title + '」（修改或生成文书后才保存为「上次的案件」）', 'ok');
          })
          .catch(function () { say('示例案件载入失败', 'bad'); });
      });
    }

    function bindFiles() {
      document.getElementById('load-last').addEventListener('click', function () {
        var text = stored();
        var saved = null;
        try { saved = JSON.parse(text || 'null'); } catch (e) { saved = null; }
        if (!saved) { say('本浏览器中没有保存过此类文书的案件', 'bad'); return; }
        if (mayReplace('载入上次的案件', '载入上次的案件', text)) { replaceWith(saved, '上次的案件'); }
      });

      document.getElementById('upload-json').addEventListener('change', function (event) {
        var file = event.target.files[0];
        if (!file) { return; }
        file.text().then(function (text) {
          var data;
          try { data = JSON.parse(text); } catch (e) { say('文件不是有效的 JSON：' + file.name, 'bad'); return; }
          if (mayReplace('载入文件「' + file.name + '」', '载入文件', JSON.stringify(data))) {
            replaceWith(data, '文件 ' + file.name);
          }
        });
        event.target.value = '';
      });

      document.getElementById('download-json').addEventListener('click', function () {
        var blob = new Blob([JSON.stringify(state.currentCase(), null, 2)], { type: 'application/json' });
        var link = parts.el('a', { href: URL.createObjectURL(blob), download: form.dataset.type + '-案件.json' });
        document.body.appendChild(link);
        link.click();
        setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      });

      document.getElementById('clear-case').addEventListener('click', function () {
        var before = snapshot();
        state.replace({});
        untouchedSample = false;
        ctx.render.all();
        ctx.figuresEl.hidden = true;
        say('已清空', 'ok');
        offerBack(before, '已清空');
      });
    }

    return {
      // after every change the user makes: the case is the user's and is saved
      touched: function () { untouchedSample = false; remember(); },
      remember: remember,
      // a rendered sample is kept as 「上次的案件」
      rendered: function () { if (untouchedSample) { untouchedSample = false; rememberNow(); } },
      loadCase: loadCase,
      carryIn: carryIn,
      stored: stored,
      storeKey: storeKey,
      start: function () {
        blankCase = JSON.stringify(state.currentCase() || {});
        blankData = JSON.stringify(state.data());
      },
      bind: function () { bindSample(); bindFiles(); }
    };
  };
}());
