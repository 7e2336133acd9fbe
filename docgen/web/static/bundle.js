/*
 * The filing bundle page: the exhibits list beside the generated case fields (form.js).
 *
 * Each exhibit has the evidence list's facts (field titles and help come from the model,
 * see docgen/web/bundle_pages.py) and either an uploaded file or the id of a document
 * docgen issued earlier. Exhibits are reordered by dragging the handle (HTML5 drag and
 * drop) or with the 上移 / 下移 buttons, which keep the keyboard focus on the moved row; a
 * deleted exhibit is offered back (static/undo.js). 生成起诉材料 posts the case and the
 * files to this page's own route with the CSRF token; problems come back by field and are
 * shown beside the inputs by form.js.
 */
(function () {
  'use strict';

  var form = document.getElementById('case-form');
  var fieldsSpec = document.getElementById('exhibit-fields');
  if (!form || form.dataset.mode !== 'bundle' || !fieldsSpec || !window.docgenForm || !window.docgenUndo) { return; }
  var facts = JSON.parse(fieldsSpec.textContent).filter(function (f) {
    return f.name !== 'file' && f.name !== 'register_id';
  });
  var byName = {};
  JSON.parse(fieldsSpec.textContent).forEach(function (f) { byName[f.name] = f; });
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var list = document.getElementById('exhibit-rows');
  var addButton = document.getElementById('add-exhibit');
  var download = document.getElementById('bundle-download');
  var rows = [];
  var dragFrom = null;

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

  function newRow() { return { mode: 'file', file: null, register_id: '', group: 1, provided_as: 'original' }; }

  function field(node, id, input) {
    var label = el('label', { 'for': id, text: node.title });
    if (node.required) { label.appendChild(el('span', { 'class': 'req', text: '（必填）' })); }
    var box = el('div', { 'class': 'field field-' + (node.widget || 'text'), 'data-path': id }, [label, input]);
    if (node.description) {
      input.setAttribute('aria-describedby', 'help-' + id);
      box.appendChild(el('p', { 'class': 'help', id: 'help-' + id, text: node.description }));
    }
    return box;
  }

  function factInput(node, row, id) {
    var input;
    var value = row[node.name];
    if (node.widget === 'select') {
      input = el('select', { id: id, name: id });
      node.choices.forEach(function (choice) {
        input.appendChild(el('option', { value: choice.value, text: choice.title, selected: choice.value === value }));
      });
      input.addEventListener('change', function () { row[node.name] = input.value; });
      return input;
    }
    if (node.widget === 'integer') {
      input = el('input', { type: 'number', id: id, name: id, step: 1, min: node.min, max: node.max, inputmode: 'numeric' });
    } else if (node.widget === 'textarea') {
      input = el('textarea', { id: id, name: id, rows: 2, maxlength: node.max_length });
    } else {
      input = el('input', { type: 'text', id: id, name: id, maxlength: node.max_length });
    }
    input.value = value === undefined || value === null ? '' : String(value);
    input.addEventListener('input', function () {
      row[node.name] = node.widget === 'integer' && /^\d+$/.test(input.value) ? parseInt(input.value, 10) : input.value;
    });
    return input;
  }

  function sourceFields(row, base) {
    var box = el('div', { 'class': 'inner' });
    var chooseId = base + '.__mode';
    var choose = el('select', { id: chooseId });
    [['file', '上传文件'], ['register', 'docgen 出具的文书（文书编号）']].forEach(function (o) {
      choose.appendChild(el('option', { value: o[0], text: o[1], selected: row.mode === o[0] }));
    });
    box.appendChild(field({ title: '证据文件' }, chooseId, choose));
    var slot = el('div');
    box.appendChild(slot);
    function draw() {
      slot.textContent = '';
      if (row.mode === 'register') {
        var idInput = el('input', { type: 'text', id: base + '.register_id', name: base + '.register_id', maxlength: byName.register_id.max_length, autocomplete: 'off' });
        idInput.value = row.register_id || '';
        idInput.addEventListener('input', function () { row.register_id = idInput.value.trim(); });
        slot.appendChild(field(byName.register_id, base + '.register_id', idInput));
        return;
      }
      var fileInput = el('input', { type: 'file', id: base + '.file', name: base + '.file', accept: 'application/pdf,image/jpeg,image/png,image/tiff,.pdf,.jpg,.jpeg,.png,.tif,.tiff' });
      var node = { title: '文件', required: true, description: 'PDF、JPEG、PNG 或 TIFF，按内容识别' };
      var box2 = field(node, base + '.file', fileInput);
      var chosen = el('p', { 'class': 'help chosen', text: row.file ? '已选择：' + row.file.name : '尚未选择文件' });
      box2.appendChild(chosen);
      fileInput.addEventListener('change', function () {
        row.file = fileInput.files[0] || null;
        chosen.textContent = row.file ? '已选择：' + row.file.name : '尚未选择文件';
        if (row.file && !row.name) {
          row.name = row.file.name.replace(/\.[^.]+$/, '');
          var nameInput = document.getElementById(base + '.name');
          if (nameInput) { nameInput.value = row.name; }
        }
      });
      slot.appendChild(box2);
    }
    choose.addEventListener('change', function () { row.mode = choose.value; draw(); });
    draw();
    return box;
  }

  function move(from, to) {
    if (from === to || from < 0 || to < 0 || from >= rows.length || to >= rows.length) { return; }
    window.docgenUndo.dismiss();
    var item = rows.splice(from, 1)[0];
    rows.splice(to, 0, item);
    render();
    window.docgenForm.say('已将证据「' + (item.name || '第' + (from + 1) + '份') + '」移到第 ' + (to + 1) + ' 位', 'ok');
  }

  function render(focusIndex, focusWhat) {
    list.textContent = '';
    rows.forEach(function (row, i) {
      var base = 'f.exhibits.' + i;
      var label = '证据第' + (i + 1) + '份';
      var li = el('li', { 'class': 'row exhibit', 'data-index': String(i) });
      var handle = el('span', { 'class': 'drag-handle', draggable: 'true', title: '拖动以调整顺序', 'aria-hidden': 'true', text: '⇅ 拖动排序' });
      var tools = el('div', { 'class': 'row-tools', role: 'group', 'aria-label': label }, [
        el('span', { 'class': 'row-title', text: '第' + (i + 1) + '份' }),
        handle
      ]);
      [['up', '上移', i === 0], ['down', '下移', i === rows.length - 1], ['remove', '删除', false]].forEach(function (spec) {
        var button = el('button', { type: 'button', 'class': spec[0], 'aria-label': spec[1] + label, text: spec[1], disabled: spec[2] });
        button.addEventListener('click', function () {
          if (spec[0] === 'remove') { remove(i); return; }
          var to = spec[0] === 'up' ? i - 1 : i + 1;
          move(i, to);
          focusRow(to, spec[0]);
        });
        tools.appendChild(button);
      });
      li.appendChild(tools);
      var box = el('fieldset', { id: base, 'class': 'group object', tabindex: '-1', 'data-path': base }, [
        el('legend', { text: label })
      ]);
      facts.forEach(function (node) { box.appendChild(field(node, base + '.' + node.name, factInput(node, row, base + '.' + node.name))); });
      box.appendChild(sourceFields(row, base));
      li.appendChild(box);

      handle.addEventListener('dragstart', function (event) {
        dragFrom = i;
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', String(i));
        if (event.dataTransfer.setDragImage) { event.dataTransfer.setDragImage(li, 20, 20); }
        li.classList.add('dragging');
      });
      handle.addEventListener('dragend', function () {
        dragFrom = null;
        Array.prototype.forEach.call(list.querySelectorAll('.dragging, .drop-target'), function (n) {
          n.classList.remove('dragging', 'drop-target');
        });
      });
      li.addEventListener('dragover', function (event) {
        if (dragFrom === null) { return; }
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        li.classList.add('drop-target');
      });
      li.addEventListener('dragleave', function () { li.classList.remove('drop-target'); });
      li.addEventListener('drop', function (event) {
        if (dragFrom === null) { return; }
        event.preventDefault();
        var from = dragFrom;
        dragFrom = null;
        move(from, i);
      });
      list.appendChild(li);
    });
    if (focusIndex !== undefined) { focusRow(focusIndex, focusWhat); }
  }

  // a deleted exhibit (its facts and its chosen file) is offered back until the next change
  function remove(i) {
    var gone = rows.splice(i, 1)[0];
    render(Math.min(i, rows.length - 1), 'remove');
    if (!rows.length) { addButton.focus(); }
    var words = '证据第' + (i + 1) + '份' + (gone.name ? '（' + gone.name + '）' : '');
    window.docgenUndo.offer({
      text: '已删除' + words,
      done: '已恢复' + words,
      say: window.docgenForm.say,
      restore: function () {
        rows.splice(i, 0, gone);
        render(i, 'none');
      }
    });
  }
  list.addEventListener('input', function () { window.docgenUndo.dismiss(); });
  list.addEventListener('change', function () { window.docgenUndo.dismiss(); });

  function focusRow(index, what) {
    var row = list.children[index];
    if (!row) { return; }
    var other = { up: 'down', down: 'up' }[what];
    var target = row.querySelector('button.' + what + ':not([disabled])') ||
      (other && row.querySelector('button.' + other + ':not([disabled])')) ||
      row.querySelector('input, select, textarea');
    if (target) { target.focus(); }
  }

  addButton.addEventListener('click', function () {
    window.docgenUndo.dismiss();
    rows.push(newRow());
    render(rows.length - 1, 'none');
  });

  document.getElementById('complaint-json').addEventListener('change', function (event) {
    var file = event.target.files[0];
    if (!file) { return; }
    file.text().then(function (text) {
      var data;
      try { data = JSON.parse(text); } catch (e) { window.docgenForm.say('文件不是有效的 JSON：' + file.name, 'bad'); return; }
      window.docgenForm.merge(['complaint'], { data: data });
      window.docgenForm.say('已载入起诉状案件数据：' + file.name, 'ok');
    });
    event.target.value = '';
  });

  function filenameOf(response) {
    var header = response.headers.get('Content-Disposition') || '';
    var match = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (match) { try { return decodeURIComponent(match[1]); } catch (e) { /* fall through */ } }
    match = /filename="?([^";]+)"?/i.exec(header);
    return match ? match[1] : 'bundle.pdf';
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var data = new FormData();
    var used = {};
    var exhibits = rows.map(function (row, i) {
      var item = {};
      facts.forEach(function (node) {
        var value = row[node.name];
        if (value !== undefined && value !== null && value !== '') { item[node.name] = value; }
      });
      if (row.mode === 'register') {
        if (row.register_id) { item.register_id = row.register_id; }
      } else if (row.file) {
        var name = row.file.name;
        if (used[name]) { name = (i + 1) + '-' + name; }
        used[name] = true;
        item.file = name;
        data.append('exhibit', row.file, name);
      }
      return item;
    });
    var kase = Object.assign({}, window.docgenForm.currentCase() || {}, { exhibits: exhibits });
    data.append('csrf_token', csrf);
    data.append('case', JSON.stringify(kase));
    data.append('output', document.getElementById('bundle-output').value);
    download.hidden = true;
    window.docgenForm.say('正在生成起诉材料（证据较多时需要一些时间）…', '');
    fetch(form.dataset.buildUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-CSRFToken': csrf },
      body: data
    }).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      if (response.ok && type.indexOf('application/json') < 0) {
        var pages = response.headers.get('X-Docgen-Pages');
        var name = filenameOf(response);
        var warnings = [];
        try { warnings = JSON.parse(response.headers.get('X-Docgen-Warnings') || '[]'); } catch (e) { warnings = []; }
        return response.blob().then(function (blob) {
          // the complaint's and the papers' warnings too, each beside its field
          window.docgenForm.showReport({ errors: [], warnings: warnings });
          if (download.href) { URL.revokeObjectURL(download.href); }
          download.href = URL.createObjectURL(blob);
          download.setAttribute('download', name);
          download.textContent = '下载 ' + name;
          download.hidden = false;
          var said = '已生成起诉材料，共 ' + pages + ' 页';
          var count = Number(response.headers.get('X-Docgen-Warnings-Count') || warnings.length);
          if (count) { said += '，有 ' + count + ' 条提醒（见上方列表），请逐条核实'; }
          if (response.headers.get('X-Docgen-Warnings-Truncated')) {
            said += '；提醒较多，部分只列出所在位置，完整内容见以 ZIP 生成时的 manifest.json';
          }
          window.docgenForm.say(said, 'ok');
          download.click();
        });
      }
      if (response.status === 413) {
        window.docgenForm.say('上传的文件总大小超过上限，请压缩扫描件或分册提交', 'bad');
        return null;
      }
      return response.json().then(function (report) {
        window.docgenForm.showReport(report);
        if (!(report.errors || []).length) { window.docgenForm.say('服务器拒绝了请求', 'bad'); }
      });
    }).catch(function () {
      window.docgenForm.say('无法连接服务器，请稍后重试（已填写的内容仍保留在页面中）', 'bad');
    });
  });

  window.docgenBundle = {
    exhibits: function () { return rows.map(function (r) { return r.name; }); }
  };
  rows.push(newRow());
  render();
  document.documentElement.classList.add('bundle-ready');
}());
