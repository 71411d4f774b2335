// Share buttons: the phone's share sheet (where Zalo lives), copy the link, print. Links work without this.
(function () {
  var group = document.querySelector('.share');
  if (!group) return;
  var status = group.querySelector('[role=status]');
  var canonical = document.querySelector('link[rel=canonical]');
  var url = canonical ? canonical.href : location.href;

  function copy(button) {
    var done = function () { status.textContent = button.getAttribute('data-done'); };
    if (navigator.clipboard) navigator.clipboard.writeText(url).then(done, function () {});
  }

  group.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-share]');
    if (!button) return;
    var action = button.getAttribute('data-share');
    if (action === 'print') window.print();
    else if (action === 'copy') copy(button);
    else if (navigator.share) navigator.share({ title: button.getAttribute('data-title'), url: url }).catch(function () {});
    else copy(button);
  });
})();
