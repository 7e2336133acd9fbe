/*
 * Problems of a case on the paralegal form (form.js): each beside its field, and all of
 * them in the summary above the form, grouped by the form's blocks with their counts.
 * After 计算, the inputs a figure still waits for are told so beside their fields too.
 */
(function () {
  'use strict';

  window.docgenProblems = function (options) {
    var el = options.el, spec = options.spec, summaryEl = options.summary, say = options.say;

    function clearProblems() {
      Array.prototype.forEach.call(document.querySelectorAll('.problem'), function (n) { n.remove(); });
      Array.prototype.forEach.call(document.querySelectorAll('.has-error, .has-warning, .has-needed'), function (n) {
        n.classList.remove('has-error', 'has-warning', 'has-needed');
      });
      Array.prototype.forEach.call(document.querySelectorAll('[aria-invalid]'), function (n) {
        n.removeAttribute('aria-invalid');
        var ids = (n.getAttribute('aria-describedby') || '').split(' ').filter(function (x) { return x && x.indexOf('problem-') !== 0; });
        if (ids.length) { n.setAttribute('aria-describedby', ids.join(' ')); } else { n.removeAttribute('aria-describedby'); }
      });
      summaryEl.hidden = true;
      summaryEl.querySelector('ul').textContent = '';
    }

    function targetFor(fieldId) {
      var parts = fieldId.split('.');
      while (parts.length > 1) {
        var found = document.getElementById(parts.join('.'));
        if (found) { return found; }
        parts.pop();
      }
      return null;
    }

    // where a problem is, in the words on screen: 债务人 › 证件号码
    function placeName(target, problem) {
      if (!target) { return problem.path || '整体'; }
      var names = [];
      var label = target.tagName === 'FIELDSET' ? null : document.querySelector('label[for="' + target.id + '"]');
      if (label) { names.unshift(label.firstChild ? label.firstChild.textContent : label.textContent); }
      for (var node = target; node; node = node.parentElement) {
        if (node.tagName === 'FIELDSET') {
          var legend = node.querySelector('legend');
          if (legend && names[0] !== legend.textContent) { names.unshift(legend.textContent); }
        }
      }
      return names.join(' › ');
    }

    var problemCount = 0;
    // severity: error, warning, or needed (an input a figure of 计算 waits for)
    function showProblem(problem, severity) {
      var target = targetFor(problem.field || 'f');
      var id = 'problem-' + (problemCount++);
      // a long list of warnings comes without its messages (the header's limit)
      var text = (problem.message || '此处有一条提醒（' + problem.code + '）') + (problem.hint ? '（' + problem.hint + '）' : '');
      var note = el('p', { 'class': 'problem ' + severity, id: id, text: (severity === 'warning' ? '提醒：' : '') + text });
      if (target) {
        var more = target.closest('details');
        if (more) { more.open = true; }  // a problem behind 「更多信息」 is shown, not hidden
        var box = target.tagName === 'FIELDSET' ? target : (target.closest('.field') || target.parentNode);
        box.classList.add('has-' + severity);
        if (target.tagName === 'FIELDSET') {
          target.insertBefore(note, target.querySelector('legend').nextSibling);
        } else {
          box.appendChild(note);
          var aside = document.getElementById('aside-' + target.id);
          if (aside && aside.classList.contains('bad')) { aside.textContent = ''; }  // said once
          if (severity === 'error') { target.setAttribute('aria-invalid', 'true'); }
          var described = target.getAttribute('aria-describedby');
          target.setAttribute('aria-describedby', (described ? described + ' ' : '') + id);
        }
      } else {
        summaryEl.hidden = false;
      }
      if (severity === 'error') { summaryEntry(problem, target, text); } else if (severity === 'warning') { warningEntry(problem, target, text); }
      return target;
    }

    // the summary lists every error grouped by the block of the form it is in, in the
    // order of the blocks on the page: 债务人（2 处） › 证件号码：…
    function blockOf(problem) {
      var top = (problem.field || 'f').split('.')[1];
      for (var i = 0; i < spec.fields.length; i++) {
        if (spec.fields[i].name === top) { return { key: top, title: spec.fields[i].title, order: i }; }
      }
      return { key: '', title: '整体', order: -1 };
    }

    function summaryEntry(problem, target, text) {
      var block = blockOf(problem);
      var list = summaryEl.querySelector('ul');
      var section = list.querySelector(':scope > li[data-block="' + block.key + '"]');
      if (!section) {
        section = el('li', { 'class': 'block', 'data-block': block.key, 'data-order': String(block.order) },
          [el('strong', { 'class': 'block-title', text: block.title }), el('ul')]);
        var after = Array.prototype.filter.call(list.children, function (n) { return Number(n.dataset.order) > block.order; })[0];
        list.insertBefore(section, after || null);
      }
      var place = placeName(target, problem);
      if (place.indexOf(block.title + ' › ') === 0) { place = place.slice(block.title.length + 3); }
      var words = place && place !== block.title ? place + '：' + text : text;
      section.querySelector('ul').appendChild(el('li', {}, [summaryLink(target, words)]));
      var count = section.querySelector('ul').children.length;
      section.querySelector('.block-title').textContent = block.title + '（' + count + ' 处）';
    }

    function summaryLink(target, words) {
      var link = el('a', { href: '#' + (target ? target.id : 'main'), text: words });
      link.addEventListener('click', function (event) {
        event.preventDefault();
        if (target) { target.focus(); target.scrollIntoView({ block: 'center' }); }
      });
      return link;
    }

    // warnings after every error, in one list of their own: 提醒（2 条） › 保证人 › …
    function warningEntry(problem, target, text) {
      var list = summaryEl.querySelector('ul');
      var section = list.querySelector(':scope > li.warnings');
      if (!section) {
        section = el('li', { 'class': 'warnings', 'data-order': '1000000' }, [el('strong', { 'class': 'warnings-title' }), el('ul')]);
        list.appendChild(section);
      }
      var place = placeName(target, problem);
      section.querySelector('ul').appendChild(el('li', {}, [summaryLink(target, (place ? place + '：' : '') + text)]));
      section.querySelector('.warnings-title').textContent = '提醒（' + section.querySelector('ul').children.length + ' 条）';
    }

    // a link to a field named as on screen (债务人 › 证件号码), for the figures of 计算
    function fieldLink(fieldId) {
      var target = targetFor(fieldId);
      return summaryLink(target, placeName(target, { path: '' }) || '整体');
    }

    var lastReport = null;
    // options.focus false: the first error is marked but neither scrolled to nor focused
    // (计算 shows its figures instead)
    function showReport(report, options) {
      var focus = !options || options.focus !== false;
      lastReport = report;
      clearProblems();
      var first = null;
      (report.errors || []).forEach(function (p) {
        var target = showProblem(p, 'error');
        if (!first) { first = target || summaryEl; }
      });
      var warnings = report.warnings || [];
      warnings.forEach(function (p) { showProblem(p, 'warning'); });
      summaryEl.classList.toggle('warnings-only', !(report.errors && report.errors.length));
      if (warnings.length && !(report.errors && report.errors.length)) {
        summaryEl.hidden = false;
        summaryEl.querySelector('h2').textContent = '校验通过，有 ' + warnings.length + ' 条提醒，请逐条核实';
      }
      if (report.errors && report.errors.length) {
        summaryEl.hidden = false;
        summaryEl.querySelector('h2').textContent = '请修正以下 ' + report.errors.length + ' 处问题';
        say('有 ' + report.errors.length + ' 处需要修正', 'bad');
        if (focus) {
          first.scrollIntoView({ block: 'center' });
          first.focus();
        }
      }
    }

    function showNeeded(notes) {
      (notes || []).forEach(function (p) { showProblem(p, 'needed'); });
    }

    // the status of a case without errors: 校验通过，有 2 条提醒
    function passedWords(report) {
      var n = (report.warnings || []).length;
      return n ? '校验通过，有 ' + n + ' 条提醒（见上方列表）' : '校验通过，可以预览或下载';
    }

    return {
      clear: clearProblems,
      show: showReport,
      showNeeded: showNeeded,
      fieldLink: fieldLink,
      passed: passedWords,
      last: function () { return lastReport; }
    };
  };
}());
