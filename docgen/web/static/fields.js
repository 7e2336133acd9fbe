/*
 * One input of the paralegal form (form.js) per field of the form description: text,
 * choices, yes/no, dates and amounts as typed (static/typed.js) with the line beside them
 * (2026年3月5日, 大写：壹拾万元整), its label, required mark and help.
 */
(function () {
  'use strict';

  var parts = window.docgenParts = window.docgenParts || {};

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

  parts.el = el;
  parts.idOf = idOf;

  // ctx.state: the case; ctx.writer(path): what an input calls with its value
  parts.fields = function (ctx) {
    var typed = window.docgenTyped;
    var parseDate = typed.parseDate, rmbUpper = typed.rmbUpper, plainAmount = typed.plainAmount;
    var groupThousands = typed.groupThousands, regroup = typed.regroup, twoDecimals = typed.twoDecimals;

    function helpFor(node, id) {
      if (!node.description) { return null; }
      return el('p', { 'class': 'help', id: 'help-' + id, text: node.description });
    }

    function labelFor(node, id) {
      var label = el('label', { 'for': id, text: node.title });
      if (node.required) { label.appendChild(el('span', { 'class': 'req', text: '（必填）' })); }
      return label;
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
      if (value === undefined || value === null || value === '') { return ['', '']; }
      if (node.widget === 'money') { return [moneyWords(plainAmount(String(value))), '']; }
      var parsed = parseDate(String(value));
      return [parsed.cn || parsed.error || parsed.hint || '', parsed.error ? 'bad' : ''];
    }

    function selectInput(node, value, common, write) {
      var input = el('select', common);
      var blank = node.default !== undefined ? '默认（' + titleOf(node, node.default) + '）' : '请选择';
      input.appendChild(el('option', { value: '', text: blank }));
      node.choices.forEach(function (choice, i) {
        input.appendChild(el('option', { value: String(i), text: choice.title, selected: choice.value === value }));
      });
      input.addEventListener('change', function () {
        write(input.value === '' ? undefined : node.choices[Number(input.value)].value);
      });
      return input;
    }

    function dateInput(value, common, write) {
      // a text input: a native date input turns 2026/3/5 typed in some locales into 0635
      var input = el('input', Object.assign({ type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: '2026-03-05', 'class': 'date' }, common));
      input.value = value === undefined ? '' : String(value);
      input.addEventListener('input', function () {
        var text = input.value.trim();
        var parsed = text ? parseDate(text) : {};
        write(text === '' ? undefined : (parsed.iso || text));
        showAside(input, parsed.cn || parsed.error || parsed.hint || '', parsed.error ? 'bad' : '');
      });
      return input;
    }

    function moneyInput(value, common, write) {
      var input = el('input', Object.assign({ type: 'text', inputmode: 'decimal', autocomplete: 'off', 'class': 'money' }, common));
      input.value = groupThousands(value === undefined ? '' : String(value));
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

    function scalarInput(node, path, id) {
      var value = ctx.state.get(path);
      if (value === null) { value = undefined; }  // shown blank, not as the text 「null」
      var write = ctx.writer(path);
      var described = node.description ? 'help-' + id : null;
      var common = { id: id, name: id, 'aria-describedby': described, 'aria-required': node.required ? 'true' : null };
      var input;
      switch (node.widget) {
        case 'select': return selectInput(node, value, common, write);
        case 'checkbox':
          // a yes/no left blank shows the default the server will apply
          input = el('input', Object.assign({ type: 'checkbox', checked: value === true || (value === undefined && node.default === true) }, common));
          input.addEventListener('change', function () { write(input.checked); });
          return input;
        case 'date': return dateInput(value, common, write);
        case 'money': return moneyInput(value, common, write);
        case 'textarea':
        case 'json':
          input = el('textarea', Object.assign({ rows: 3, maxlength: node.max_length }, common));
          input.value = value === undefined ? '' : (node.widget === 'json' ? JSON.stringify(value) : String(value));
          break;
        case 'integer':
          input = el('input', Object.assign({ type: 'number', step: 1, min: node.min, max: node.max, inputmode: 'numeric' }, common));
          input.value = value === undefined ? '' : String(value);
          break;
        case 'decimal':
          input = el('input', Object.assign({ type: 'text', inputmode: 'decimal', autocomplete: 'off', 'class': 'decimal' }, common));
          input.value = value === undefined ? '' : String(value);
          break;
        default:
          input = el('input', Object.assign({ type: 'text', maxlength: node.max_length }, common));
          input.value = value === undefined ? '' : String(value);
      }
      input.addEventListener('input', function () { write(parseValue(node, input.value)); });
      return input;
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
        var initial = asideText(node, ctx.state.get(path));
        box.appendChild(el('p', { 'class': 'aside' + (initial[1] ? ' ' + initial[1] : ''), id: 'aside-' + id, 'aria-live': 'polite', text: initial[0] }));
        input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' aside-' + id).trim());
      }
      var help = helpFor(node, id);
      if (help) { box.appendChild(help); }
      return box;
    }

    return { render: renderField };
  };
}());
