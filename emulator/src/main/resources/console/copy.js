// Copy buttons of the console: copies the text of the element named by data-copy. Without JavaScript the text
// stays selectable, so nothing depends on this script.
(function () {
  function fallback(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } finally { document.body.removeChild(area); }
  }
  document.querySelectorAll('button.copy[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var source = document.getElementById(button.getAttribute('data-copy'));
      if (!source) { return; }
      var text = source.textContent;
      var done = function () {
        button.textContent = 'Copied';
        button.setAttribute('data-copied', 'true');
        document.body.setAttribute('data-last-copied', button.getAttribute('data-copy'));
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
      } else {
        fallback(text);
        done();
      }
    });
  });
})();
