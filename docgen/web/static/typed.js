/*
 * Dates and amounts as people type them, for the paralegal form (form.js).
 *
 * Dates: 2026-03-05, 2026/3/5, 2026.3.5 and 2026年3月5日, years 1900-2100 (the server
 * applies the same rule, docgen/web/formdates.py). Amounts: thousands separators while
 * typing and 人民币大写 by the algorithm of docgen.domain.money.rmb_upper (a browser test
 * compares the two over a range of amounts).
 */
(function () {
  'use strict';

  // 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日 (or 号) and 20260305 (see
  // docgen/web/formdates.py)
  var DATE_FORMS = [/^(\d{1,4})-(\d{1,2})-(\d{1,2})$/, /^(\d{1,4})\/(\d{1,2})\/(\d{1,2})$/,
    /^(\d{1,4})\.(\d{1,2})\.(\d{1,2})$/, /^(\d{1,4})年(\d{1,2})月(\d{1,2})[日号]?$/,
    /^(\d{4})(\d{2})(\d{2})$/];
  function parseDate(text) {
    var plain = text.replace(/\s+/g, '');
    for (var i = 0; i < DATE_FORMS.length; i++) {
      var m = DATE_FORMS[i].exec(plain);
      if (!m) { continue; }
      var y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
      if (y < 1900 || y > 2100) { return { error: '年份应在1900年至2100年之间' }; }
      var probe = new Date(Date.UTC(y, mo - 1, d));
      if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
        return { error: '没有这一天：' + y + '年' + mo + '月' + d + '日' };
      }
      return { iso: y + '-' + ('0' + mo).slice(-2) + '-' + ('0' + d).slice(-2), cn: y + '年' + mo + '月' + d + '日' };
    }
    return { hint: '可写作 2026-03-05、2026/3/5 或 2026年3月5日' };  // maybe not typed yet
  }

  // 人民币大写, the same algorithm as docgen.domain.money.rmb_upper (a browser test
  // compares the two over a range of amounts)
  var DIGITS = '零壹贰叁肆伍陆柒捌玖';
  function integerUpper(yuan) {
    var digits = ('000000000000' + yuan).slice(-12);
    var small = ['仟', '佰', '拾', ''], groups = ['亿', '万', ''];
    var parts = [], pendingZero = false;
    for (var g = 0; g < 3; g++) {
      var group = digits.slice(g * 4, g * 4 + 4);
      for (var k = 0; k < 4; k++) {
        var digit = Number(group[k]);
        if (digit === 0) { pendingZero = pendingZero || parts.length > 0; continue; }
        if (pendingZero) { parts.push('零'); pendingZero = false; }
        parts.push(DIGITS[digit] + small[k]);
      }
      if (Number(group)) { parts.push(groups[g]); pendingZero = false; }
    }
    return parts.join('');
  }
  function rmbUpper(text) {
    var m = /^(\d{1,12})(?:\.(\d{0,2}))?$/.exec(String(text));
    if (!m) { return null; }
    var yuan = Number(m[1]), cents = Number(((m[2] || '') + '00').slice(0, 2));
    var jiao = Math.floor(cents / 10), fen = cents % 10;
    if (yuan === 0 && cents === 0) { return '零元整'; }
    var head = yuan ? integerUpper(yuan) + '元' : '';
    if (jiao === 0 && fen === 0) { return head + '整'; }
    var tail = jiao ? DIGITS[jiao] + '角' : (yuan ? '零' : '');
    return head + tail + (fen ? DIGITS[fen] + '分' : '');
  }

  function plainAmount(text) { return text.replace(/[,，\s]/g, '').replace(/元$/, ''); }

  // 1234567.5 -> 1,234,567.5 (the fraction as typed)
  function groupThousands(plain) {
    var m = /^(\d+)(\.\d*)?$/.exec(plain);
    if (!m) { return plain; }
    return m[1].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (m[2] || '');
  }

  // re-group the digits while typing and keep the caret after the same digit
  function regroup(input) {
    var caret = input.selectionStart === null ? input.value.length : input.selectionStart;
    var before = input.value.slice(0, caret).replace(/[^\d.]/g, '').length;
    var plain = plainAmount(input.value);
    if (!/^\d*(\.\d*)?$/.test(plain)) { return plain; }
    var shown = groupThousands(plain);
    if (shown !== input.value) {
      input.value = shown;
      var pos = 0, seen = 0;
      while (pos < shown.length && seen < before) { if (shown[pos] !== ',') { seen++; } pos++; }
      try { input.setSelectionRange(pos, pos); } catch (e) { /* not focused */ }
    }
    return plain;
  }

  function twoDecimals(text) {
    var plain = text.replace(/[,，\s]/g, '').replace(/元$/, '');
    var m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(plain);
    if (!m) { return text; }
    var fraction = ((m[2] || '') + '00').slice(0, 2);
    return m[1].replace(/^0+(?=\d)/, '') + '.' + fraction;
  }

  window.docgenTyped = {
    parseDate: parseDate,
    rmbUpper: rmbUpper,
    plainAmount: plainAmount,
    groupThousands: groupThousands,
    regroup: regroup,
    twoDecimals: twoDecimals
  };
}());
