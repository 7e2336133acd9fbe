/*
 * Repeatable rows on the paralegal form (form.js): 添加 / 上移 / 下移 / 删除, the focus kept
 * on the row acted on, rows of paired lists (static/pairs.js) drawn and moved with theirs,
 * and a deleted row offered back (「已删除保证人第2项（王强） 撤销」) with its paired rows
 * and whatever its hidden blocks held.
 */
(function () {
  'use strict';

  var parts = window.docgenParts = window.docgenParts || {};

  // what a deleted row is called in the notice: its name, a party's name or its text
  function nameOf(item) {
    var name = item && typeof item === 'object' ? (item.name || (item.party && item.party.name)) : item;
    if (typeof name !== 'string' || !name.trim()) { return ''; }
    name = name.trim();
    return '（' + (name.length > 20 ? name.slice(0, 20) + '…' : name) + '）';
  }

  // ctx.state: the case; ctx.render: node(node, path), all(); ctx.offerUndo(what)
  parts.rows = function (ctx) {
    var el = parts.el, idOf = parts.idOf;
    var state = ctx.state;
    var paired = parts.pairs(ctx);

    function blankItem(node) { return node.item.kind === 'field' ? undefined : {}; }

    function rowTools(node, i, count, act) {
      var label = node.title + '第' + (i + 1) + '项';
      var tools = el('div', { 'class': 'row-tools', role: 'group', 'aria-label': label });
      tools.appendChild(el('span', { 'class': 'row-title', text: '第' + (i + 1) + '项' }));
      [['up', '上移', i === 0], ['down', '下移', i === count - 1], ['remove', '删除', count <= (node.min || 0)]].forEach(function (spec) {
        var button = el('button', { type: 'button', 'class': spec[0], 'aria-label': spec[1] + label, text: spec[1], disabled: spec[2] });
        button.addEventListener('click', function () { act(spec[0], i); });
        tools.appendChild(button);
      });
      return tools;
    }

    return function renderArray(node, path) {
      var box = ctx.render.group(node, path, 'array');
      var list = el('ol', { 'class': 'rows' });
      box.appendChild(list);
      if (!Array.isArray(state.get(path))) {
        var rows = [];
        for (var n = 0; n < (node.min || 0); n++) { rows.push(blankItem(node)); }
        if (rows.length) { state.quiet(path, rows); }
      }
      var add = el('button', { type: 'button', 'class': 'add', text: '添加一项' + node.title });
      var pairs = paired(node, path);
      box.appendChild(pairs.anchor);

      var draw = function (focusIndex, focusWhat) {
        pairs.align();
        list.textContent = '';
        var items = state.get(path) || [];
        items.forEach(function (_, i) {
          var rowPath = path.concat([i]);
          var row = el('li', { 'class': 'row', 'data-path': idOf(rowPath) });
          row.appendChild(rowTools(node, i, items.length, act));
          // the row's own heading is 第N项: the summary reads 欠款明细 › 第1项 › 金额（元）
          var itemNode = Object.assign({}, node.item, { title: '第' + (i + 1) + '项', name: i, rowItem: true });
          row.appendChild(ctx.render.node(itemNode, rowPath));
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

      var remove = function (i) {
        var items = state.get(path).slice();
        var gone = items.splice(i, 1)[0];
        var goneWith = pairs.take(i);
        state.set(path, items);
        draw(Math.min(i, items.length - 1), 'remove');
        if (!items.length) { add.focus(); }
        var words = node.title + '第' + (i + 1) + '项' + nameOf(gone);
        ctx.offerUndo({
          text: '已删除' + words,
          done: '已恢复' + words,
          restore: function () {
            var back = (state.get(path) || []).slice();
            back.splice(i, 0, gone);
            pairs.give(i, goneWith);
            state.set(path, back);
            if (list.isConnected) { draw(i, 'none'); } else { ctx.render.all(); }
          }
        });
      };

      var act = function (action, i) {
        if (action === 'remove') { remove(i); return; }
        var items = state.get(path).slice();
        var j = action === 'up' ? i - 1 : i + 1;
        pairs.move(i, j);
        var moved = items[i]; items[i] = items[j]; items[j] = moved;
        state.set(path, items);
        draw(j, action);
      };

      add.addEventListener('click', function () {
        var items = (state.get(path) || []).slice();
        items.push(blankItem(node));
        state.set(path, items);
        draw(items.length - 1, 'none');
      });
      box.appendChild(add);
      draw();
      return box;
    };
  };
}());
