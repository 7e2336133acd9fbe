/*
 * 「已删除… 撤销」: after a row is deleted, the form cleared or another case loaded, the
 * paralegal form (form.js) and the bundle page (bundle.js) offer to take it back. The
 * notice stays for some seconds, longer while the pointer or the focus is on it, and goes
 * at the next change of the case: what it restores is then exactly what was there. Ctrl+Z
 * outside a text field does the same as its 撤销 button (after 删除 the focus is on a button).
 */
(function () {
  'use strict';

  var SHOWN_MS = 15000;
  var notice = null;

  function box() {
    if (notice) { return notice; }
    // present (empty) from the start, so that screen readers announce what it says
    notice = document.createElement('div');
    notice.id = 'undo-notice';
    notice.className = 'undo-notice';
    notice.setAttribute('role', 'status');
    notice.setAttribute('aria-live', 'polite');
    (document.getElementById('main') || document.body).appendChild(notice);
    notice.addEventListener('mouseenter', pause);
    notice.addEventListener('focusin', pause);
    notice.addEventListener('mouseleave', wait);
    notice.addEventListener('focusout', wait);
    return notice;
  }

  var offered = null;
  var timer = null;

  function pause() { clearTimeout(timer); timer = null; }

  function wait() {
    pause();
    if (offered) { timer = setTimeout(dismiss, SHOWN_MS); }
  }

  function dismiss() {
    pause();
    offered = null;
    if (notice) { notice.textContent = ''; }
  }

  function takeBack() {
    var taken = offered;
    dismiss();
    if (!taken) { return; }
    taken.restore();
    if (taken.say) { taken.say(taken.done || '已撤销', 'ok'); }
    // the button went with the notice: the focus is not left on nothing
    if (!document.activeElement || document.activeElement === document.body) {
      var main = document.getElementById('main');
      if (main) { main.focus({ preventScroll: true }); }
    }
  }

  // Ctrl+Z (⌘Z) while the notice is shown, except in a text field, where it undoes typing
  document.addEventListener('keydown', function (event) {
    if (!offered || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) { return; }
    if (event.key !== 'z' && event.key !== 'Z') { return; }
    var target = event.target;
    if (target && target.closest && target.closest('input, textarea, select, [contenteditable]')) { return; }
    event.preventDefault();
    takeBack();
  });

  // what.text: what was done (已删除保证人第2项（王强）); what.restore: takes it back;
  // what.done: the status line's words afterwards; what.say: writes the status line
  function offer(what) {
    dismiss();
    var node = box();
    offered = what;
    var words = document.createElement('span');
    words.textContent = what.text;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'undo';
    button.textContent = '撤销';
    button.title = '撤销（Ctrl+Z）';
    button.setAttribute('aria-keyshortcuts', 'Control+Z Meta+Z');
    button.addEventListener('click', takeBack);
    node.appendChild(words);
    node.appendChild(button);
    wait();
  }

  box();
  window.docgenUndo = { offer: offer, dismiss: dismiss, shownFor: SHOWN_MS };
}());
