/*
 * Sender profiles on the paralegal form (form.js): 「发件人资料」 and 套用 fill what the case
 * leaves blank (the server says which profile detail goes where, docgen/web/prefill.py),
 * and the line beside them says which profile the case names, with 不使用 to drop it.
 */
(function () {
  'use strict';

  var parts = window.docgenParts = window.docgenParts || {};

  // ctx.spec, ctx.state, ctx.say, ctx.render, ctx.persist, ctx.undo
  parts.prefill = function (ctx) {
    var state = ctx.state, say = ctx.say;
    var field = ctx.spec.fields.filter(function (f) { return f.picker === 'profile'; })[0];

    // the profile id has no input of its own: say which profile the case names, and let
    // it be dropped again
    function showPicked() {
      var applied = document.getElementById('profile-applied');
      if (!applied || !field) { return; }
      applied.textContent = '';
      var id = state.data()[field.name];
      if (id === undefined || id === null) { return; }
      var option = document.querySelector('#profile-list option[data-id="' + String(id) + '"]');
      applied.appendChild(document.createTextNode('本案使用：' + (option ? option.value : '发件人资料 ' + id) + ' '));
      var drop = parts.el('button', { type: 'button', 'class': 'drop-profile', text: '不使用' });
      drop.addEventListener('click', function () {
        state.set([field.name], undefined);
        showPicked();
        say('本案不再使用发件人资料（已填入的内容保留）', 'ok');
      });
      applied.appendChild(drop);
    }

    function profileIdByName(name) {
      var options = document.querySelectorAll('#profile-list option');
      for (var i = 0; i < options.length; i++) {
        if (options[i].value === name.trim()) { return options[i].dataset.id; }
      }
      return null;
    }

    // fill what the case leaves blank; a party already typed as another kind is kept
    function applyMerge(m) {
      if (!m.path.length) { Object.assign(state.data(), m.values); return 0; }  // the picker's own field
      var current = state.get(m.path);
      var target = current && typeof current === 'object' ? Object.assign({}, current) : {};
      if (m.values.kind !== undefined && target.kind !== undefined && target.kind !== m.values.kind) {
        var typed = Object.keys(target).some(function (k) { return k !== 'kind' && state.hasValue(target[k]); });
        if (typed) { return 0; }
        target = {};
      } else {
        state.carry(current, target);  // what its hidden blocks held stays with it
      }
      var filled = 0;
      Object.keys(m.values).forEach(function (key) {
        if (!state.hasValue(target[key]) || (key === 'kind' && target[key] !== m.values[key])) {
          target[key] = m.values[key];
          filled++;
        }
      });
      state.quiet(m.path, target);
      return filled;
    }

    function bind() {
      var button = document.getElementById('apply-profile');
      if (!button) { return; }
      var choice = document.getElementById('profile-choice');
      var apply = function () {
        var id = profileIdByName(choice.value);
        if (!id) { say('没有名为「' + choice.value + '」的发件人资料，请从列表中选择', 'bad'); choice.focus(); return; }
        fetch(button.dataset.url.replace(/\/0$/, '/' + encodeURIComponent(id)), { credentials: 'same-origin' })
          .then(function (r) { return r.json(); })
          .then(function (body) {
            var filled = 0;
            (body.merges || []).forEach(function (m) { filled += applyMerge(m); });
            ctx.persist.touched();
            ctx.undo.dismiss();  // a change: what an undo would restore is no longer so
            ctx.render.all();
            say('已套用发件人资料，填入 ' + filled + ' 项（案件中已填写的内容不变）', 'ok');
          })
          .catch(function () { say('发件人资料载入失败', 'bad'); });
      };
      button.addEventListener('click', apply);
      choice.addEventListener('keydown', function (event) {
        if (event.key === 'Enter') { event.preventDefault(); apply(); }
      });
    }

    return { showPicked: showPicked, bind: bind };
  };
}());
