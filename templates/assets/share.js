// Share buttons: the phone's share sheet (where Zalo lives), copy the link, print. Links work without this.
(function () {
  var group = document.querySelector('.share');
  if (!group) return;
  var status = group.querySelector('[role=status]');
  var canonical = document.querySelector('link[rel=canonical]');
  var url = canonical ? canonical.href : location.href;
  var zalo = group.querySelector('[data-share=native]');
  // No share sheet (a computer): the Zalo button says what it does instead, copy the link.
  if (zalo && !navigator.share) zalo.textContent = zalo.getAttribute('data-fallback');

  function say(text) {
    // Emptied first, so the same words said again are read out again.
    status.textContent = '';
    setTimeout(function () { status.textContent = text; }, 50);
  }

  function copy(done) {
    var failed = function () { say(group.getAttribute('data-failed') + ' ' + url); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () { say(done); }, failed);
    } else {
      failed();
    }
  }

  group.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-share]');
    if (!button) return;
    var action = button.getAttribute('data-share');
    if (action === 'print') window.print();
    else if (action === 'copy') copy(group.getAttribute('data-copied'));
    else if (navigator.share) navigator.share({ title: button.getAttribute('data-title'), url: url }).catch(function () {});
    else copy(group.getAttribute('data-copied-zalo'));
  });
})();
