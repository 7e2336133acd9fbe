/*
 * The blocks of the paralegal form (form.js), drawn from the form description: groups,
 * optional blocks behind their tick box, the person / organisation switch, fields shown
 * only after a choice, 「更多信息」 and the lists (static/rows.js).
 *
 * A block hidden again (unticked, another 主体类型, a choice that no longer needs it) leaves
 * the case but keeps what it held (static/state.js); shown again, it holds it again.
 */
(function () {
  'use strict';

  var parts = window.docgenParts = window.docgenParts || {};

  // ctx.state, ctx.spec, ctx.fieldsEl; ctx.afterRender() once the whole form is drawn
  parts.groups = function (ctx) {
    var el = parts.el, idOf = parts.idOf;
    var state = ctx.state;
    var fields, renderArray;

    // inputs of a form that has since been redrawn (another case loaded) must not write
    // into the new case, e.g. when the browser reports a late blur of a removed input
    var generation = 0;
    function writer(path) {
      var born = generation;
      return function (value) { if (born === generation) { state.set(path, value); } };
    }

    function group(node, path, extraClass) {
      var id = idOf(path);
      var box = el('fieldset', { id: id, 'class': 'group ' + (extraClass || ''), tabindex: '-1', 'data-path': id });
      // a row's group repeats the row's visible 第N项 only for screen readers and the summary
      box.appendChild(el('legend', { text: node.title, 'class': node.rowItem ? 'visually-hidden' : null }));
      if (node.description) { box.appendChild(el('p', { 'class': 'help', text: node.description })); }
      if (node.from_profile) { box.appendChild(profileNote()); }
      return box;
    }

    // beside a block a sender profile fills in (收款账户, 联系方式): where profiles are
    // chosen (the page's 「发件人资料」) and kept (the profiles page)
    function profileNote() {
      var note = el('p', { 'class': 'help profile-note' });
      var url = ctx.form && ctx.form.dataset.profilesUrl;
      var picker = document.getElementById('profile-choice');
      var text = function (words) { note.appendChild(document.createTextNode(words)); };
      if (picker) {
        var jump = el('a', { href: '#profile-choice', text: '在页首「发件人资料」中选择并套用' });
        jump.addEventListener('click', function (event) { event.preventDefault(); picker.focus(); });
        note.appendChild(jump);
        text('，可不填本项');
        if (url) { text('；'); note.appendChild(el('a', { href: url, target: '_blank', rel: 'noopener', text: '管理发件人资料' })); }
      } else {
        text('尚未保存发件人资料');
        if (url) {
          text('：可');
          note.appendChild(el('a', { href: url, target: '_blank', rel: 'noopener', text: '新建发件人资料' }));
          text('（新窗口），刷新本页后在页首选择并套用');
        }
      }
      return note;
    }

    // fields drawn only after a choice (仲裁机构 after 申请仲裁): re-checked on every change;
    // one whose block has since been redrawn returns false and is dropped (it must not hide
    // again what the new one shows)
    var conditionals = [];
    function refresh() {
      conditionals = conditionals.filter(function (c) { return c() !== false; });
    }

    function conditional(child, siblings, path) {
      var rule = child.shown_when;
      // "../kind": a field of the enclosing group (a profile's kind for its account's field);
      // "/title/kind": a field named from the case's root (a respondent's notarised contract
      // after the instrument's kind)
      var up = rule.field.indexOf('../') === 0;
      var root = rule.field.charAt(0) === '/';
      var name = up ? rule.field.slice(3) : rule.field;
      var base = up ? path.slice(0, -1) : root ? [] : path;
      var names = root ? rule.field.slice(1).split('/') : [name];
      var sibling = up || root ? null : siblings.filter(function (f) { return f.name === name; })[0];
      var box = el('div', { 'class': 'conditional', 'data-when': rule.field });
      var childPath = path.concat([child.name]);
      var shown = null;
      var born = generation;
      var update = function () {
        if (born !== generation || (shown !== null && !box.isConnected)) { return false; }
        var value = state.get(base.concat(names));
        if (value === undefined && sibling) { value = sibling.default; }
        // a list's count (min_items: 履行人 once there are several 被执行人), else a choice
        var show = rule.min_items
          ? Array.isArray(value) && value.length >= rule.min_items
          : rule['in'].indexOf(value) >= 0;
        if (show === shown) { return; }
        shown = show;
        box.textContent = '';
        if (show) {
          var kept = state.unhide(childPath);
          if (kept !== undefined && state.get(childPath) === undefined) { state.quiet(childPath, kept); }
          box.appendChild(renderNode(child, childPath));
        } else {
          state.hide(childPath);
          if (state.get(childPath) !== undefined) { state.quiet(childPath, undefined); }
        }
      };
      conditionals.push(update);
      update();
      return box;
    }

    function renderChild(child, siblings, path) {
      if (child.shown_when) { return conditional(child, siblings, path); }
      // a list matched row by row to this one (保证信息 to 保证人) is drawn under its rows
      var pairs = siblings.filter(function (f) { return f.paired_with === child.name && f.kind === 'array'; });
      if (child.kind === 'array' && pairs.length) { child = Object.assign({}, child, { pairs: pairs }); }
      return renderNode(child, path.concat([child.name]));
    }

    function isPairedAway(child, siblings) {
      return child.paired_with && siblings.some(function (f) { return f.name === child.paired_with && f.kind === 'array'; });
    }

    function renderFields(list, path, into) {
      var advanced = [];
      list.forEach(function (child) {
        if (child.picker) { return; }  // set by the profile picker, not typed
        if (isPairedAway(child, list)) { return; }  // drawn under its partner's rows
        if (child.advanced) { advanced.push(child); return; }
        into.appendChild(renderChild(child, list, path));
      });
      if (!advanced.length) { return; }
      // rarely needed fields wait behind 「更多信息」, open when one of them holds a value
      var more = el('details', { 'class': 'more', 'data-path': idOf(path) + '.__more' });
      var names = advanced.map(function (f) { return f.title; }).join('、');
      more.appendChild(el('summary', { text: '更多信息', title: names }, []));
      more.querySelector('summary').appendChild(el('span', { 'class': 'help', text: '（' + names + '）' }));
      more.open = advanced.some(function (f) { return state.hasValue(state.get(path.concat([f.name]))); });
      advanced.forEach(function (child) { more.appendChild(renderChild(child, list, path)); });
      into.appendChild(more);
    }

    function present(path) { return state.get(path) !== undefined && state.get(path) !== null; }

    function renderObject(node, path) {
      var box = group(node, path, 'object');
      if (node.optional) {
        var toggleId = idOf(path) + '.__present';
        var toggle = el('input', { type: 'checkbox', id: toggleId, checked: present(path) });
        var inner = el('div', { 'class': 'inner' });
        box.appendChild(el('div', { 'class': 'field field-checkbox' }, [toggle, el('label', { 'for': toggleId, text: '填写' + node.title })]));
        box.appendChild(inner);
        var draw = function () {
          inner.textContent = '';
          if (present(path)) { renderFields(node.fields, path, inner); }
        };
        toggle.addEventListener('change', function () {
          // unticked, what was typed waits beside the case; ticked again, it comes back
          if (toggle.checked) {
            var kept = state.unhide(path);
            state.set(path, kept !== undefined && kept !== null ? kept : {});
          } else {
            state.hide(path);
            state.set(path, undefined);
          }
          draw();
        });
        draw();
        return box;
      }
      if (state.get(path) === undefined && path.length) { state.quiet(path, {}); }
      renderFields(node.fields, path, box);
      return box;
    }

    function renderUnion(node, path) {
      var box = group(node, path, 'union');
      var current = state.get(path);
      if (!current || typeof current !== 'object') { current = {}; state.quiet(path, current); }
      var values = node.options.map(function (o) { return o.value; });
      if (values.indexOf(current[node.tag]) < 0) { current[node.tag] = values[0]; }
      var id = idOf(path.concat([node.tag]));
      var choose = el('select', { id: id, name: id });
      node.options.forEach(function (option, i) {
        choose.appendChild(el('option', { value: String(i), text: option.title, selected: option.value === current[node.tag] }));
      });
      box.appendChild(el('div', { 'class': 'field field-select switch', 'data-path': id }, [el('label', { 'for': id, text: node.tag_title }), choose]));
      var inner = el('div', { 'class': 'inner' });
      box.appendChild(inner);
      var draw = function () {
        inner.textContent = '';
        renderFields(node.options[choose.selectedIndex].fields, path, inner);
      };
      choose.addEventListener('change', function () {
        state.switchKind(path, node, node.options[choose.selectedIndex]);
        draw();
      });
      draw();
      return box;
    }

    function renderNode(node, path) {
      switch (node.kind) {
        case 'object': return renderObject(node, path);
        case 'union': return renderUnion(node, path);
        case 'array': return renderArray(node, path);
        default: return fields.render(node, path);
      }
    }

    function renderAll() {
      generation++;
      conditionals = [];
      ctx.fieldsEl.textContent = '';
      renderFields(ctx.spec.fields, [], ctx.fieldsEl);
      ctx.afterRender();
    }

    var api = {
      all: renderAll,
      node: renderNode,
      group: group,
      refresh: refresh,
      watch: function (update) { conditionals.push(update); },
      writer: writer
    };
    ctx.render = api;
    ctx.writer = writer;
    fields = parts.fields(ctx);
    renderArray = parts.rows(ctx);
    return api;
  };
}());
