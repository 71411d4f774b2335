// Text-size controls: step the article text through the allowed sizes and remember the choice.
(function () {
  var group = document.querySelector('.text-size[data-sizes]');
  if (!group) return;
  var root = document.documentElement;
  var sizes = group.getAttribute('data-sizes').split(' ').map(Number);
  var key = 'bantin:co-chu';
  var status = group.querySelector('[role=status]');
  var buttons = group.querySelectorAll('button');
  var current = stored(); // the head's script set it

  function stored() {
    var size;
    try {
      size = Number(localStorage.getItem(key));
    } catch (e) {}
    return sizes.indexOf(size) < 0 ? 100 : size;
  }

  function show(size, announce) {
    // Each set lays out the page.
    if (size !== current) root.style.setProperty('--co-chu', size / 100);
    current = size;
    var index = sizes.indexOf(size);
    buttons[0].disabled = index === 0;
    buttons[1].disabled = size === 100;
    buttons[2].disabled = index === sizes.length - 1;
    if (announce) status.textContent = status.getAttribute('data-label') + ' ' + size + '%';
  }

  group.addEventListener('click', function (event) {
    var button = event.target.closest('button');
    if (!button || button.disabled) return;
    var step = Number(button.getAttribute('data-step'));
    var next = step === 0 ? 100 : sizes[Math.min(sizes.length - 1, Math.max(0, sizes.indexOf(current) + step))];
    show(next, true);
    try {
      localStorage.setItem(key, next);
    } catch (e) {
      // Storage off: it applies to this page.
    }
    if (button.disabled) (step < 0 ? buttons[2] : buttons[0]).focus();
  });

  // Back/Forward may restore the page with its old size.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) show(stored(), false);
  });

  show(current, false);
})();
