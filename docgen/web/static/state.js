/*
 * The case being typed on the paralegal form (form.js): one plain object, read and written
 * by field path, and the case as sent (empty groups left out).
 *
 * What a block hidden again holds (an unticked optional block, a field shown only after a
 * choice, the person's fields after switching 主体类型 to an organisation) is kept on a shelf
 * beside the case, not in it: it is never sent or saved, and comes back when the block is
 * shown again. The shelf is keyed by the object holding the block, so a row moved, deleted
 * and restored, or a whole case cleared and restored, keeps what its hidden blocks held.
 */
(function () {
  'use strict';

  var parts = window.docgenParts = window.docgenParts || {};

  // options.changed(really): after every write; really is false when the value is the same
  parts.state = function (spec, options) {
    var data = {};
    var shelf = new WeakMap();

    function get(path) {
      var value = data;
      for (var i = 0; i < path.length; i++) {
        if (value === null || typeof value !== 'object') { return undefined; }
        value = value[path[i]];
      }
      return value;
    }

    function set(path, value) {
      var really = typeof value === 'object' || get(path) !== value;
      var target = data;
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
      options.changed(really);
    }

    // a write the drawing of the form makes (a group's empty object), not the user's
    function quiet(path, value) {
      var target = data;
      for (var i = 0; i < path.length - 1; i++) { target = target[path[i]]; }
      if (value === undefined && !Array.isArray(target)) { delete target[path[path.length - 1]]; return; }
      target[path[path.length - 1]] = value;
    }

    function hasValue(value) {
      if (value === undefined || value === null || value === '') { return false; }
      if (Array.isArray(value)) { return value.length > 0; }
      if (typeof value === 'object') { return Object.keys(value).some(function (k) { return hasValue(value[k]); }); }
      return true;
    }

    // --- the shelf -------------------------------------------------------------------------

    function shelfOf(holder) {
      var kept = shelf.get(holder);
      if (!kept) { kept = { fields: {}, kinds: {} }; shelf.set(holder, kept); }
      return kept;
    }

    // the block at path is about to leave the case: what it holds waits on its holder's shelf
    function hide(path) {
      var holder = get(path.slice(0, -1));
      var name = path[path.length - 1];
      if (!holder || typeof holder !== 'object') { return; }
      if (holder[name] === undefined) { delete shelfOf(holder).fields[name]; return; }
      shelfOf(holder).fields[name] = holder[name];
    }

    // what the block at path held when it was hidden, taken off the shelf
    function unhide(path) {
      var holder = get(path.slice(0, -1));
      var kept = holder && typeof holder === 'object' ? shelf.get(holder) : null;
      var name = path[path.length - 1];
      if (!kept || !Object.prototype.hasOwnProperty.call(kept.fields, name)) { return undefined; }
      var value = kept.fields[name];
      delete kept.fields[name];
      return value;
    }

    // a party switched to another kind keeps the fields both kinds share (name, address,
    // phone); the fields of the kind it leaves wait on the shelf, and what was typed for
    // the kind it takes before comes back
    function switchKind(path, node, option) {
      var old = get(path) || {};
      var from = node.options.filter(function (o) { return o.value === old[node.tag]; })[0];
      var shared = {};
      (from ? from.fields : option.fields).forEach(function (f) { shared[f.name] = true; });
      var kept = shelfOf(old);
      var before = kept.kinds[option.value];
      var next = {};
      next[node.tag] = option.value;
      option.fields.forEach(function (f) {
        var source = shared[f.name] ? old : before;
        if (source && source[f.name] !== undefined) { next[f.name] = source[f.name]; }
      });
      var moved = shelfOf(next);
      Object.assign(moved.kinds, kept.kinds);
      if (from) { moved.kinds[from.value] = old; }
      delete moved.kinds[option.value];
      if (before) { Object.assign(moved.fields, shelfOf(before).fields); }
      Object.keys(kept.fields).forEach(function (name) {
        if (shared[name]) { moved.fields[name] = kept.fields[name]; }
      });
      set(path, next);
    }

    // a group copied to be written again (a profile filling its blanks) keeps its shelf
    function carry(from, to) {
      if (from && typeof from === 'object' && shelf.has(from)) { shelf.set(to, shelf.get(from)); }
    }

    // --- the case as sent: empty groups left out ----------------------------------------

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
      var value = prune(data, true);
      dropBareUnions(spec.fields, value);
      return value;
    }

    return {
      get: get,
      set: set,
      quiet: quiet,
      hasValue: hasValue,
      hide: hide,
      unhide: unhide,
      switchKind: switchKind,
      carry: carry,
      currentCase: currentCase,
      // the whole case: replaced when another is loaded, kept by reference for an undo
      data: function () { return data; },
      replace: function (value) { data = value; }
    };
  };
}());
