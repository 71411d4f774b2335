// bantin dev: reloads the page when the site is rebuilt, and shows content errors over the page.
(function () {
  var overlay;
  function hide() {
    if (overlay) overlay.remove();
    overlay = undefined;
  }
  function show(problems) {
    hide();
    overlay = document.createElement('div');
    overlay.id = 'bantin-problems';
    overlay.setAttribute('role', 'alert');
    overlay.style.cssText =
      'position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:1.5rem;background:rgba(20,20,20,.95);' +
      'color:#fff;font:1rem/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap';
    var title = document.createElement('h2');
    title.textContent = problems.title;
    title.style.cssText = 'margin:0 0 1rem;color:#ff8080;font:700 1.25rem/1.3 system-ui,sans-serif';
    overlay.appendChild(title);
    problems.lines.forEach(function (line) {
      var p = document.createElement('p');
      p.textContent = line;
      p.style.cssText = 'margin:0 0 .75rem;padding:.5rem;border-left:4px solid #ff8080;background:#333';
      overlay.appendChild(p);
    });
    var hint = document.createElement('p');
    hint.textContent = problems.hint;
    hint.style.cssText = 'color:#ccc;font-family:system-ui,sans-serif';
    overlay.appendChild(hint);
    document.body.appendChild(overlay);
  }
  var events = new EventSource('/__bantin/events');
  events.addEventListener('reload', function () {
    location.reload();
  });
  events.addEventListener('problems', function (event) {
    show(JSON.parse(event.data));
  });
  events.addEventListener('clear', hide);
})();
