/*
 * Lists matched row by row on the paralegal form (form.js): a letter's 保证信息 with its
 * 保证人. Row i of each paired list belongs to row i of the array it is paired with, so it
 * is drawn in that row, titled with the name typed there, and moved, added, deleted and
 * restored with it.
 */
(function () {
  'use strict';

  var parts = window.docgenParts = window.docgenParts || {};

  // ctx.state: the case; ctx.render: node(node, path) and watch(fn); ctx.offerUndo(what)
  parts.pairs = function (ctx) {
    var el = parts.el, idOf = parts.idOf;
    var state = ctx.state;

    // the paired lists' row i moved, taken out and put back with their partner's row i
    function rowMoves(pairs) {
      return {
        move: function (i, j) {
          pairs.forEach(function (p) {
            var rows = (state.get(p.path) || []).slice();
            var moved = rows[i]; rows[i] = rows[j]; rows[j] = moved;
            state.quiet(p.path, rows);
          });
        },
        // row i of each paired list, taken out with its partner's row i: what give puts back
        take: function (i) {
          return pairs.map(function (p) {
            var rows = (state.get(p.path) || []).slice();
            var gone = rows.splice(i, 1);
            state.quiet(p.path, rows);
            return gone;
          });
        },
        give: function (i, taken) {
          pairs.forEach(function (p, k) {
            var rows = (state.get(p.path) || []).slice();
            Array.prototype.splice.apply(rows, [i, 0].concat(taken[k]));
            state.quiet(p.path, rows);
          });
        }
      };
    }

    return function paired(node, path) {
      var pairs = (node.pairs || []).map(function (p) { return { node: p, path: path.slice(0, -1).concat([p.name]) }; });
      var anchor = el('div', { 'class': 'paired-anchors' });
      var count = function () { return (state.get(path) || []).length; };
      var titleOf = function (p, i) {
        var name = state.get(path.concat([i, 'name']));
        name = typeof name === 'string' && name.trim() ? name.trim() : '尚未填写名称';
        return p.node.title + '（' + node.title + '第' + (i + 1) + '项：' + name + '）';
      };

      // rows of a paired list beyond its partner's rows: dropped on request, and restorable
      var dropExtra = function (p) {
        var rows = state.get(p.path) || [];
        var extra = rows.slice(count());
        state.set(p.path, rows.slice(0, count()));
        drawAnchors();
        ctx.offerUndo({
          text: '已删除多余的' + p.node.title + '（' + extra.length + ' 条）',
          done: '已恢复多余的' + p.node.title,
          restore: function () {
            state.set(p.path, (state.get(p.path) || []).concat(extra));
            if (anchor.isConnected) { drawAnchors(); } else { ctx.render.all(); }
          }
        });
      };

      var drawAnchors = function () {
        anchor.textContent = '';
        pairs.forEach(function (p) {
          // problems of the list as a whole (too many, too few) are shown here
          var box = el('fieldset', { id: idOf(p.path), 'class': 'group paired-anchor', tabindex: '-1', 'data-path': idOf(p.path) });
          box.appendChild(el('legend', { 'class': 'visually-hidden', text: p.node.title }));
          var extra = (state.get(p.path) || []).length - count();
          if (extra > 0) {
            box.appendChild(el('p', { 'class': 'help', text: '另有 ' + extra + ' 条' + p.node.title + '没有对应的' + node.title }));
            var drop = el('button', { type: 'button', 'class': 'drop-extra', text: '删除多余的' + p.node.title });
            drop.addEventListener('click', function () { dropExtra(p); });
            box.appendChild(drop);
          }
          anchor.appendChild(box);
        });
      };

      return Object.assign({
        anchor: anchor,
        align: function () {
          var n = count();
          pairs.forEach(function (p) {
            var rows = state.get(p.path);
            if ((Array.isArray(rows) ? rows.length : 0) >= n) { return; }
            rows = Array.isArray(rows) ? rows.slice() : [];
            while (rows.length < n) { rows.push({}); }
            state.quiet(p.path, rows);
          });
          drawAnchors();
        },
        drawRow: function (row, i) {
          pairs.forEach(function (p) {
            var item = Object.assign({}, p.node.item, { title: titleOf(p, i), name: i });
            var block = ctx.render.node(item, p.path.concat([i]));
            block.classList.add('paired');
            var legend = block.querySelector('legend');
            ctx.render.watch(function () {
              if (!legend.isConnected) { return false; }
              legend.textContent = titleOf(p, i);
            });
            row.appendChild(block);
          });
        }
      }, rowMoves(pairs));
    };
  };
}());
