/*
 * The paralegal form, built in the browser from the form description the server derives
 * from the document model (see docgen/web/formspec.py). The case being typed is kept as
 * one plain object (`state`); inputs write into it, repeatable rows and the person /
 * organisation switch re-draw only their own part, and the object is what is validated,
 * rendered, saved in the browser and downloaded as JSON.
 *
 * Talks only to this page's own routes (same origin, session cookie + CSRF token).
 */
(function () {
  'use strict';

  var specEl = document.getElementById('form-spec');
  var form = document.getElementById('case-form');
  if (!specEl || !form) { return; }
  var spec = JSON.parse(specEl.textContent);
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var storeKey = 'docgen.case.' + form.dataset.type;
  var fieldsEl = document.getElementById('fields');
  var statusEl = document.getElementById('status');
  var summaryEl = document.getElementById('error-summary');
  var figuresEl = document.getElementById('figures');
  var state = {};

  // --- helpers --------------------------------------------------------------------------

  function idOf(path) { return ['f'].concat(path).join('.'); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) { return; }
      if (key === 'text') { node.textContent = value; } else { node.setAttribute(key, value === true ? '' : value); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function getAt(path) {
    var value = state;
    for (var i = 0; i < path.length; i++) {
      if (value === null || typeof value !== 'object') { return undefined; }
      value = value[path[i]];
    }
    return value;
  }

  function setAt(path, value) {
    var target = state;
    for (var i = 0; i < path.length - 1; i++) {
      if (target[path[i]] === null || typeof target[path[i]] !== 'object') {
        target[path[i]] = typeof path[i + 1] === 'number' ? [] : {};
      }
      target = target[path[i]];
    }
    var last = path[path.length - 1];
    if (value === undefined) {
      if (Array.isArray(target)) { target[last] = {}; } else { delete target[last]; }
    } else {
      target[last] = value;
    }
    untouchedSample = false;  // an edited sample is the user's case now
    remember();
    refreshConditions();
  }

  // a sample shown but not edited or rendered yet is not saved as 「上次的案件」
  var untouchedSample = false;
  var saveTimer = null;
  function remember() {
    if (form.dataset.mode === 'profile') { return; }
    clearTimeout(saveTimer);
    saveTimer = setTimeout(rememberNow, 200);
  }

  function rememberNow() {
    clearTimeout(saveTimer);
    saveTimer = null;
    if (form.dataset.mode === 'profile') { return; }
    try { localStorage.setItem(storeKey, JSON.stringify(state)); } catch (e) { /* storage full or off */ }
  }

  function say(text, kind) {
    statusEl.textContent = text;
    statusEl.className = kind || '';
  }

  function helpFor(node, id) {
    if (!node.description) { return null; }
    return el('p', { 'class': 'help', id: 'help-' + id, text: node.description });
  }

  function labelFor(node, id) {
    var label = el('label', { 'for': id, text: node.title });
    if (node.required) { label.appendChild(el('span', { 'class': 'req', text: '（必填）' })); }
    return label;
  }

  // --- fields ---------------------------------------------------------------------------

  // dates and amounts as people type them: static/typed.js
  var typed = window.docgenTyped;
  var parseDate = typed.parseDate, rmbUpper = typed.rmbUpper, plainAmount = typed.plainAmount;
  var groupThousands = typed.groupThousands, regroup = typed.regroup, twoDecimals = typed.twoDecimals;

  // inputs of a form that has since been redrawn (another case loaded) must not write
  // into the new case, e.g. when the browser reports a late blur of a removed input
  var generation = 0;
  function writer(path) {
    var born = generation;
    return function (value) { if (born === generation) { setAt(path, value); } };
  }

  function scalarInput(node, path, id) {
    var value = getAt(path);
    var write = writer(path);
    var described = node.description ? 'help-' + id : null;
    var common = { id: id, name: id, 'aria-describedby': described, 'aria-required': node.required ? 'true' : null };
    var input;
    switch (node.widget) {
      case 'select':
        input = el('select', common);
        var blank = node.default !== undefined ? '默认（' + titleOf(node, node.default) + '）' : '请选择';
        input.appendChild(el('option', { value: '', text: blank }));
        node.choices.forEach(function (choice, i) {
          input.appendChild(el('option', { value: String(i), text: choice.title, selected: choice.value === value }));
        });
        input.addEventListener('change', function () {
          write(input.value === '' ? undefined : node.choices[Number(input.value)].value);
        });
        return input;
      case 'checkbox':
        // a yes/no left blank shows the default the server will apply
        input = el('input', Object.assign({ type: 'checkbox', checked: value === true || (value === undefined && node.default === true) }, common));
        input.addEventListener('change', function () { write(input.checked); });
        return input;
      case 'textarea':
      case 'json':
        input = el('textarea', Object.assign({ rows: 3, maxlength: node.max_length }, common));
        input.value = value === undefined ? '' : (node.widget === 'json' ? JSON.stringify(value) : String(value));
        break;
      case 'date':
        // a text input: a native date input turns 2026/3/5 typed in some locales into 0635
        input = el('input', Object.assign({ type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: '2026-03-05', 'class': 'date' }, common));
        input.value = value === undefined ? '' : String(value);
        input.addEventListener('input', function () {
          var text = input.value.trim();
          var parsed = text ? parseDate(text) : {};
          write(text === '' ? undefined : (parsed.iso || text));
          showAside(input, parsed.cn || parsed.error || parsed.hint || '', parsed.error ? 'bad' : '');
        });
        return input;
      case 'integer':
        input = el('input', Object.assign({ type: 'number', step: 1, min: node.min, max: node.max, inputmode: 'numeric' }, common));
        input.value = value === undefined ? '' : String(value);
        break;
      case 'money':
      case 'decimal':
        input = el('input', Object.assign({ type: 'text', inputmode: 'decimal', autocomplete: 'off', 'class': node.widget }, common));
        input.value = value === undefined ? '' : String(value);
        if (node.widget === 'money') {
          input.value = groupThousands(input.value);
          input.addEventListener('input', function () {
            var plain = regroup(input);
            write(plain === '' ? undefined : plain);
            showAside(input, moneyWords(plain), '');
          });
          input.addEventListener('blur', function () {
            if (input.value === '') { return; }
            var plain = twoDecimals(plainAmount(input.value));
            input.value = groupThousands(plain);
            write(plain);
            showAside(input, moneyWords(plain), '');
          });
          return input;
        }
        break;
      default:
        input = el('input', Object.assign({ type: 'text', maxlength: node.max_length }, common));
        input.value = value === undefined ? '' : String(value);
    }
    input.addEventListener('input', function () { write(parseValue(node, input.value)); });
    return input;
  }

  function moneyWords(plain) {
    var words = plain ? rmbUpper(plain) : null;
    return words ? '大写：' + words : '';
  }

  // the line beside a date or an amount: 2026年3月5日 / 大写：壹拾万元整
  function showAside(input, text, kind) {
    var aside = document.getElementById('aside-' + input.id);
    if (!aside) { return; }
    aside.textContent = text;
    aside.className = 'aside' + (kind ? ' ' + kind : '');
  }

  function asideText(node, value) {
    if (value === undefined || value === '') { return ['', '']; }
    if (node.widget === 'money') { return [moneyWords(plainAmount(String(value))), '']; }
    var parsed = parseDate(String(value));
    return [parsed.cn || parsed.error || parsed.hint || '', parsed.error ? 'bad' : ''];
  }

  function titleOf(node, value) {
    var found = (node.choices || []).filter(function (c) { return c.value === value; })[0];
    return found ? found.title : String(value);
  }

  function parseValue(node, text) {
    if (text.trim() === '') { return undefined; }
    if (node.widget === 'integer' && /^-?\d+$/.test(text.trim())) { return parseInt(text, 10); }
    if (node.widget === 'json') {
      try { return JSON.parse(text); } catch (e) { return text; }
    }
    return text;
  }

  function renderField(node, path) {
    var id = idOf(path);
    var input = scalarInput(node, path, id);
    var box = el('div', { 'class': 'field field-' + node.widget, 'data-path': id });
    if (node.widget === 'checkbox') {
      box.appendChild(input);
      box.appendChild(labelFor(node, id));
    } else {
      box.appendChild(labelFor(node, id));
      box.appendChild(input);
    }
    if (node.widget === 'date' || node.widget === 'money') {
      var initial = asideText(node, getAt(path));
      box.appendChild(el('p', { 'class': 'aside' + (initial[1] ? ' ' + initial[1] : ''), id: 'aside-' + id, 'aria-live': 'polite', text: initial[0] }));
      input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' aside-' + id).trim());
    }
    var help = helpFor(node, id);
    if (help) { box.appendChild(help); }
    return box;
  }

  // --- groups ---------------------------------------------------------------------------

  function group(node, path, extraClass) {
    var id = idOf(path);
    var box = el('fieldset', { id: id, 'class': 'group ' + (extraClass || ''), tabindex: '-1', 'data-path': id });
    // a row's group repeats the row's visible 第N项 only for screen readers and the summary
    box.appendChild(el('legend', { text: node.title, 'class': node.rowItem ? 'visually-hidden' : null }));
    if (node.description) { box.appendChild(el('p', { 'class': 'help', text: node.description })); }
    return box;
  }

  // fields drawn only after a choice (仲裁机构 after 申请仲裁): re-checked on every change
  var conditionals = [];
  function refreshConditions() {
    conditionals.forEach(function (c) { c(); });
  }

  function hasValue(value) {
    if (value === undefined || value === null || value === '') { return false; }
    if (Array.isArray(value)) { return value.length > 0; }
    if (typeof value === 'object') { return Object.keys(value).some(function (k) { return hasValue(value[k]); }); }
    return true;
  }

  function conditional(child, fields, path) {
    var rule = child.shown_when;
    var sibling = fields.filter(function (f) { return f.name === rule.field; })[0];
    var box = el('div', { 'class': 'conditional', 'data-when': rule.field });
    var shown = null;
    var born = generation;
    var update = function () {
      if (born !== generation) { return; }
      var value = getAt(path.concat([rule.field]));
      if (value === undefined && sibling) { value = sibling.default; }
      var show = rule['in'].indexOf(value) >= 0;
      if (show === shown) { return; }
      shown = show;
      box.textContent = '';
      if (show) {
        box.appendChild(renderNode(child, path.concat([child.name])));
      } else if (getAt(path.concat([child.name])) !== undefined) {
        setAtQuiet(path.concat([child.name]), undefined);
      }
    };
    conditionals.push(update);
    update();
    return box;
  }

  function renderChild(child, fields, path) {
    if (child.shown_when) { return conditional(child, fields, path); }
    // a list matched row by row to this one (保证信息 to 保证人) is drawn under its rows
    var pairs = fields.filter(function (f) { return f.paired_with === child.name && f.kind === 'array'; });
    if (child.kind === 'array' && pairs.length) { child = Object.assign({}, child, { pairs: pairs }); }
    return renderNode(child, path.concat([child.name]));
  }

  function isPairedAway(child, fields) {
    return child.paired_with && fields.some(function (f) { return f.name === child.paired_with && f.kind === 'array'; });
  }

  function renderFields(fields, path, into) {
    var advanced = [];
    fields.forEach(function (child) {
      if (child.picker) { return; }  // set by the profile picker, not typed
      if (isPairedAway(child, fields)) { return; }  // drawn under its partner's rows
      if (child.advanced) { advanced.push(child); return; }
      into.appendChild(renderChild(child, fields, path));
    });
    if (!advanced.length) { return; }
    // rarely needed fields wait behind 「更多信息」, open when one of them holds a value
    var more = el('details', { 'class': 'more', 'data-path': idOf(path) + '.__more' });
    var names = advanced.map(function (f) { return f.title; }).join('、');
    more.appendChild(el('summary', { text: '更多信息', title: names }, []));
    more.querySelector('summary').appendChild(el('span', { 'class': 'help', text: '（' + names + '）' }));
    more.open = advanced.some(function (f) { return hasValue(getAt(path.concat([f.name]))); });
    advanced.forEach(function (child) { more.appendChild(renderChild(child, fields, path)); });
    into.appendChild(more);
  }

  function renderObject(node, path) {
    var box = group(node, path, 'object');
    if (node.optional) {
      var toggleId = idOf(path) + '.__present';
      var present = getAt(path) !== undefined && getAt(path) !== null;
      var toggle = el('input', { type: 'checkbox', id: toggleId, checked: present });
      var inner = el('div', { 'class': 'inner' });
      box.appendChild(el('div', { 'class': 'field field-checkbox' }, [toggle, el('label', { 'for': toggleId, text: '填写' + node.title })]));
      box.appendChild(inner);
      var draw = function () {
        inner.textContent = '';
        if (getAt(path) !== undefined && getAt(path) !== null) { renderFields(node.fields, path, inner); }
      };
      toggle.addEventListener('change', function () {
        setAt(path, toggle.checked ? {} : undefined);
        draw();
      });
      draw();
      return box;
    }
    if (getAt(path) === undefined && path.length) { setAtQuiet(path, {}); }
    renderFields(node.fields, path, box);
    return box;
  }

  function setAtQuiet(path, value) {
    var target = state;
    for (var i = 0; i < path.length - 1; i++) { target = target[path[i]]; }
    if (value === undefined && !Array.isArray(target)) { delete target[path[path.length - 1]]; return; }
    target[path[path.length - 1]] = value;
  }

  function renderUnion(node, path) {
    var box = group(node, path, 'union');
    var current = getAt(path);
    if (!current || typeof current !== 'object') { current = {}; setAtQuiet(path, current); }
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
      var option = node.options[choose.selectedIndex];
      renderFields(option.fields, path, inner);
    };
    choose.addEventListener('change', function () {
      // keep what both kinds share (name, address, phone) when switching
      var option = node.options[choose.selectedIndex];
      var old = getAt(path) || {};
      var next = {};
      next[node.tag] = option.value;
      option.fields.forEach(function (f) { if (old[f.name] !== undefined) { next[f.name] = old[f.name]; } });
      setAt(path, next);
      draw();
    });
    draw();
    return box;
  }

  // the lists paired with an array's rows (a letter's 保证信息 with its 保证人): row i of
  // each belongs to row i of the array, so it is drawn in that row, titled with the name
  // typed there, and moved, added and deleted with it
  function paired(node, path) {
    var pairs = (node.pairs || []).map(function (p) { return { node: p, path: path.slice(0, -1).concat([p.name]) }; });
    var anchor = el('div', { 'class': 'paired-anchors' });
    var count = function () { return (getAt(path) || []).length; };
    var titleOf = function (p, i) {
      var name = getAt(path.concat([i, 'name']));
      name = typeof name === 'string' && name.trim() ? name.trim() : '尚未填写名称';
      return p.node.title + '（' + node.title + '第' + (i + 1) + '项：' + name + '）';
    };
    var drawAnchors = function () {
      anchor.textContent = '';
      pairs.forEach(function (p) {
        // problems of the list as a whole (too many, too few) are shown here
        var box = el('fieldset', { id: idOf(p.path), 'class': 'group paired-anchor', tabindex: '-1', 'data-path': idOf(p.path) });
        box.appendChild(el('legend', { 'class': 'visually-hidden', text: p.node.title }));
        var extra = (getAt(p.path) || []).length - count();
        if (extra > 0) {
          box.appendChild(el('p', { 'class': 'help', text: '另有 ' + extra + ' 条' + p.node.title + '没有对应的' + node.title }));
          var drop = el('button', { type: 'button', 'class': 'drop-extra', text: '删除多余的' + p.node.title });
          drop.addEventListener('click', function () {
            setAt(p.path, (getAt(p.path) || []).slice(0, count()));
            drawAnchors();
          });
          box.appendChild(drop);
        }
        anchor.appendChild(box);
      });
    };
    return {
      anchor: anchor,
      align: function () {
        var n = count();
        pairs.forEach(function (p) {
          var rows = getAt(p.path);
          if ((Array.isArray(rows) ? rows.length : 0) >= n) { return; }
          rows = Array.isArray(rows) ? rows.slice() : [];
          while (rows.length < n) { rows.push({}); }
          setAtQuiet(p.path, rows);
        });
        drawAnchors();
      },
      drawRow: function (row, i) {
        pairs.forEach(function (p) {
          var item = Object.assign({}, p.node.item, { title: titleOf(p, i), name: i });
          var block = renderNode(item, p.path.concat([i]));
          block.classList.add('paired');
          var legend = block.querySelector('legend');
          conditionals.push(function () { if (legend.isConnected) { legend.textContent = titleOf(p, i); } });
          row.appendChild(block);
        });
      },
      act: function (action, i) {
        pairs.forEach(function (p) {
          var rows = (getAt(p.path) || []).slice();
          if (action === 'remove') {
            rows.splice(i, 1);
          } else {
            var j = action === 'up' ? i - 1 : i + 1;
            var moved = rows[i]; rows[i] = rows[j]; rows[j] = moved;
          }
          setAtQuiet(p.path, rows);
        });
      }
    };
  }

  function renderArray(node, path) {
    var box = group(node, path, 'array');
    var list = el('ol', { 'class': 'rows' });
    box.appendChild(list);
    var rows = getAt(path);
    if (!Array.isArray(rows)) {
      rows = [];
      for (var n = 0; n < (node.min || 0); n++) { rows.push(node.item.kind === 'field' ? undefined : {}); }
      if (rows.length) { setAtQuiet(path, rows); }
    }
    var add = el('button', { type: 'button', 'class': 'add', text: '添加一项' + node.title });
    var pairs = paired(node, path);
    box.appendChild(pairs.anchor);
    var draw = function (focusIndex, focusWhat) {
      pairs.align();
      list.textContent = '';
      var items = getAt(path) || [];
      items.forEach(function (_, i) {
        var rowPath = path.concat([i]);
        var row = el('li', { 'class': 'row', 'data-path': idOf(rowPath) });
        var label = node.title + '第' + (i + 1) + '项';
        var tools = el('div', { 'class': 'row-tools', role: 'group', 'aria-label': label });
        tools.appendChild(el('span', { 'class': 'row-title', text: '第' + (i + 1) + '项' }));
        [['up', '上移', i === 0], ['down', '下移', i === items.length - 1], ['remove', '删除', items.length <= (node.min || 0)]].forEach(function (spec) {
          var button = el('button', { type: 'button', 'class': spec[0], 'aria-label': spec[1] + label, text: spec[1], disabled: spec[2] });
          button.addEventListener('click', function () { rowAction(spec[0], i); });
          tools.appendChild(button);
        });
        row.appendChild(tools);
        // the row's own heading is 第N项: the summary reads 欠款明细 › 第1项 › 金额（元）
        var itemNode = Object.assign({}, node.item, { title: '第' + (i + 1) + '项', name: i, rowItem: true });
        row.appendChild(renderNode(itemNode, rowPath));
        pairs.drawRow(row, i);
        list.appendChild(row);
      });
      add.disabled = node.max !== undefined && items.length >= node.max;
      if (focusIndex !== undefined) {
        var target = list.children[focusIndex];
        var focusable = target && (target.querySelector('button.' + focusWhat + ':not([disabled])') || target.querySelector('input, select, textarea'));
        if (focusable) { focusable.focus(); } else { add.focus(); }
      }
    };
    var rowAction = function (action, i) {
      var items = getAt(path).slice();
      pairs.act(action, i);
      if (action === 'remove') {
        items.splice(i, 1);
        setAt(path, items);
        draw(Math.min(i, items.length - 1), 'remove');
        if (!items.length) { add.focus(); }
        return;
      }
      var j = action === 'up' ? i - 1 : i + 1;
      var moved = items[i]; items[i] = items[j]; items[j] = moved;
      setAt(path, items);
      draw(j, action);
    };
    add.addEventListener('click', function () {
      var items = (getAt(path) || []).slice();
      items.push(node.item.kind === 'field' ? undefined : {});
      setAt(path, items);
      draw(items.length - 1, 'none');
    });
    box.appendChild(add);
    draw();
    return box;
  }

  function renderNode(node, path) {
    switch (node.kind) {
      case 'object': return renderObject(node, path);
      case 'union': return renderUnion(node, path);
      case 'array': return renderArray(node, path);
      default: return renderField(node, path);
    }
  }

  function renderAll() {
    generation++;
    conditionals = [];
    fieldsEl.textContent = '';
    renderFields(spec.fields, [], fieldsEl);
    clearProblems();
    showPickedProfile();
  }

  // the profile id has no input of its own: say which profile the case names, and let
  // it be dropped again
  function showPickedProfile() {
    var applied = document.getElementById('profile-applied');
    var field = spec.fields.filter(function (f) { return f.picker === 'profile'; })[0];
    if (!applied || !field) { return; }
    applied.textContent = '';
    var id = state[field.name];
    if (id === undefined || id === null) { return; }
    var option = document.querySelector('#profile-list option[data-id="' + String(id) + '"]');
    applied.appendChild(document.createTextNode('本案使用：' + (option ? option.value : '档案 ' + id) + ' '));
    var drop = el('button', { type: 'button', 'class': 'drop-profile', text: '不使用' });
    drop.addEventListener('click', function () {
      setAt([field.name], undefined);
      showPickedProfile();
      say('本案不再使用发件人资料（已填入的内容保留）', 'ok');
    });
    applied.appendChild(drop);
  }

  // --- the case as sent: empty groups left out ------------------------------------------

  // a group left entirely blank is sent as missing (the server then names the group);
  // rows are kept even when blank, so that their numbering matches what is shown
  function prune(value, inArray) {
    if (Array.isArray(value)) {
      return value.map(function (item) { var p = prune(item, true); return p === undefined ? {} : p; });
    }
    if (value !== null && typeof value === 'object') {
      var out = {};
      Object.keys(value).forEach(function (key) {
        var p = prune(value[key], false);
        if (p !== undefined) { out[key] = p; }
      });
      return Object.keys(out).length || inArray ? out : undefined;
    }
    return value === '' ? undefined : value;
  }

  // an optional party left untouched holds only the kind its switch shows: not sent
  function dropBareUnions(fields, value) {
    if (!value || typeof value !== 'object') { return; }
    fields.forEach(function (node) {
      var inner = value[node.name];
      if (inner === undefined || inner === null) { return; }
      if (node.kind === 'union') {
        var keys = Object.keys(inner);
        if (!node.required && keys.length === 1 && keys[0] === node.tag) { delete value[node.name]; return; }
        node.options.forEach(function (o) { if (o.value === inner[node.tag]) { dropBareUnions(o.fields, inner); } });
      } else if (node.kind === 'object') {
        dropBareUnions(node.fields, inner);
      } else if (node.kind === 'array' && Array.isArray(inner) && node.item && node.item.fields) {
        inner.forEach(function (item) { dropBareUnions(node.item.fields, item); });
      }
    });
  }

  function currentCase() {
    var value = prune(state, true);
    dropBareUnions(spec.fields, value);
    return value;
  }

  function loadCase(data, origin, sample) {
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      say('文件内容不是一份案件数据（应为 JSON 对象）', 'bad');
      return;
    }
    if (sample && saveTimer !== null) { rememberNow(); }  // the last typing is kept
    state = JSON.parse(JSON.stringify(data));
    renderAll();
    untouchedSample = !!sample;
    if (!sample) { remember(); }
    figuresEl.hidden = true;
    say('已载入' + origin, 'ok');
  }

  // what an empty form sends (its parties' kinds): anything else was typed or loaded
  var blankCase = null;
  function holdsTypedCase() {
    return !untouchedSample && JSON.stringify(currentCase() || {}) !== blankCase;
  }

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
    if (untouchedSample) { untouchedSample = false; rememberNow(); }  // a rendered sample is kept
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

    // --- starting points and saving -------------------------------------------------------

    var sampleButton = document.getElementById('load-sample');
    if (sampleButton) {
      sampleButton.addEventListener('click', function () {
        var choice = document.getElementById('sample-choice');
        var name = choice.value;
        var title = choice.selectedIndex >= 0 ? choice.options[choice.selectedIndex].text : name;
        if (holdsTypedCase() && !window.confirm('载入示例会替换页面上已填写的案件。确定载入示例吗？')) {
          say('未载入示例，已填写的内容保留', 'ok');
          return;
        }
        fetch(sampleButton.dataset.url.replace('__NAME__', encodeURIComponent(name)), { credentials: 'same-origin' })
          .then(function (r) { return r.json(); })
          .then(function (data) {
            loadCase(data, '示例案件「' + title + '」', true);
            say('已载入示例案件「' + title + '」（修改或生成文书后才保存为「上次的案件」）', 'ok');
          })
          .catch(function () { say('示例案件载入失败', 'bad'); });
      });
    }

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

    document.getElementById('load-last').addEventListener('click', function () {
      var saved = null;
      try { saved = JSON.parse(localStorage.getItem(storeKey) || 'null'); } catch (e) { saved = null; }
      if (saved) { loadCase(saved, '上次的案件'); } else { say('本浏览器中没有保存过此类文书的案件', 'bad'); }
    });

    document.getElementById('upload-json').addEventListener('change', function (event) {
      var file = event.target.files[0];
      if (!file) { return; }
      file.text().then(function (text) {
        var data;
        try { data = JSON.parse(text); } catch (e) { say('文件不是有效的 JSON：' + file.name, 'bad'); return; }
        loadCase(data, '文件 ' + file.name);
      });
      event.target.value = '';
    });

    document.getElementById('download-json').addEventListener('click', function () {
      var blob = new Blob([JSON.stringify(currentCase(), null, 2)], { type: 'application/json' });
      var link = el('a', { href: URL.createObjectURL(blob), download: form.dataset.type + '-案件.json' });
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    });

    document.getElementById('clear-case').addEventListener('click', function () {
      state = {};
      untouchedSample = false;
      renderAll();
      figuresEl.hidden = true;
      say('已清空', 'ok');
    });
  }

  function bindProfile() {
    var initial = document.getElementById('form-data');
    if (initial) { state = JSON.parse(initial.textContent) || {}; }
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

  function profileIdByName(name) {
    var options = document.querySelectorAll('#profile-list option');
    for (var i = 0; i < options.length; i++) {
      if (options[i].value === name.trim()) { return options[i].dataset.id; }
    }
    return null;
  }

  // fill what the case leaves blank; a party already typed as another kind is kept
  function applyMerge(m) {
    if (!m.path.length) { Object.assign(state, m.values); return 0; }  // the picker's own field
    var current = m.path.length ? getAt(m.path) : state;
    var target = current && typeof current === 'object' ? Object.assign({}, current) : {};
    if (m.values.kind !== undefined && target.kind !== undefined && target.kind !== m.values.kind) {
      var typed = Object.keys(target).some(function (k) { return k !== 'kind' && hasValue(target[k]); });
      if (typed) { return 0; }
      target = {};
    }
    var filled = 0;
    Object.keys(m.values).forEach(function (key) {
      if (!hasValue(target[key]) || (key === 'kind' && target[key] !== m.values[key])) {
        target[key] = m.values[key];
        filled++;
      }
    });
    setAtQuiet(m.path, target);
    return filled;
  }

  function bindPrefill() {
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
          untouchedSample = false;
          remember();
          renderAll();
          say('已套用发件人资料，填入 ' + filled + ' 项（案件中已填写的内容不变）', 'ok');
        })
        .catch(function () { say('发件人资料载入失败', 'bad'); });
    };
    button.addEventListener('click', apply);
    choice.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') { event.preventDefault(); apply(); }
    });
  }

  // for the page's own tests and for profile prefill: read and replace the case
  window.docgenForm = {
    currentCase: currentCase,
    loadCase: function (data) { loadCase(data, ''); },
    lastReport: problems.last,
    rmbUpper: rmbUpper,
    setValue: function (path, value) { setAt(path, value); },
    parseDate: parseDate,
    showReport: showReport,
    say: say,
    merge: function (path, values) {
      var target = getAt(path) || {};
      setAt(path, Object.assign({}, target, values));
      renderAll();
    }
  };

  // the filing bundle page (bundle.js) builds and sends the case itself
  if (form.dataset.mode === 'profile') {
    bindProfile();
  } else if (form.dataset.mode !== 'bundle') {
    bindDocument();
    bindPrefill();
  }
  renderAll();
  blankCase = JSON.stringify(currentCase() || {});
  if (form.dataset.carriedFrom) {
    // from the case list the page brings the case; from another form, local storage
    var given = document.getElementById('form-data');
    var carried = null;
    try { carried = JSON.parse(given ? given.textContent : (localStorage.getItem(storeKey) || 'null')); } catch (e) { carried = null; }
    if (carried) {
      loadCase(carried, '');
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
