// The Request Journal's live update: polls the page's feed for entries newer than the newest shown and puts the
// server-rendered rows on top. The page lists the journal without JavaScript too; this only keeps it current.
(function () {
  var table = document.getElementById('journal-rows');
  if (!table) { return; }
  var feed = table.getAttribute('data-feed');
  var status = document.getElementById('live-status');
  function poll() {
    var since = table.getAttribute('data-last') || '0';
    fetch(feed + '?since=' + encodeURIComponent(since), { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (data) {
        if (data.rows) {
          var empty = document.getElementById('journal-empty');
          if (empty) { empty.remove(); }
          table.insertAdjacentHTML('afterbegin', data.rows);
        }
        table.setAttribute('data-last', String(data.last));
        if (status) { status.textContent = 'Live'; status.className = 'live'; }
      })
      .catch(function () { if (status) { status.textContent = 'Reconnecting'; status.className = 'badge pending'; } })
      .finally(function () { setTimeout(poll, 1000); });
  }
  setTimeout(poll, 1000);
})();
