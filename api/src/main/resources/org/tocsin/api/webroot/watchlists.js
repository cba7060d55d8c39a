// Tocsin dashboard: watchlists of coded terms per context. Names and terms are analyst input and
// may be hostile: they reach the page as text nodes only.
'use strict';

(() => {
  let loaded = false;

  async function load(note) {
    const { el, getJson, request, hasRole } = window.tocsin;
    const status = document.getElementById('watchlists-status');
    const table = document.getElementById('watchlists-table');
    status.className = 'status';
    try {
      const r = await getJson('/api/v1/watchlists');
      // decided after the fetch: the key's role may have arrived meanwhile (tocsin:me reloads too)
      const editable = hasRole('analyst', 'admin');
      document.getElementById('watchlist-form').hidden = !editable;
      const head = el('tr', {}, ...['name', 'context', 'risk', 'terms', ''].map(h => el('th', {}, h)));
      const rows = r.watchlists.map(w => {
        let del = null;
        if (editable) {
          del = el('button', { type: 'button', class: 'delete', 'data-id': w.id }, 'Delete');
          del.addEventListener('click', async () => {
            del.disabled = true;
            try {
              await request('DELETE', '/api/v1/watchlists/' + encodeURIComponent(w.id));
              load('watchlist deleted: ' + w.name);
            } catch (e) {
              del.disabled = false;
              status.className = 'status error';
              status.textContent = e.message;
            }
          });
        }
        const terms = el('ul', { class: 'terms' }, ...w.terms.map(t => el('li', {}, t)));
        return el('tr', { class: 'watchlist', 'data-id': w.id },
          el('td', {}, w.name), el('td', {}, w.context), el('td', {}, Number(w.risk).toFixed(2)),
          el('td', {}, terms), el('td', {}, del));
      });
      table.replaceChildren(head, ...(rows.length ? rows : [el('tr', {}, el('td', {}, 'no watchlists yet'))]));
      table.dataset.watchlists = String(r.watchlists.length);
      status.textContent = (note ? note + ' · ' : '') + r.watchlists.length + ' watchlists'
        + (editable ? '' : ' (analysts and admins edit them)');
      loaded = true;
    } catch (e) {
      status.className = 'status error';
      status.textContent = e.message;
    }
  }

  async function create(ev) {
    ev.preventDefault();
    const { request } = window.tocsin;
    const status = document.getElementById('watchlist-form-status');
    const body = {
      name: document.getElementById('wl-name').value,
      context: document.getElementById('wl-context').value,
      risk: Number(document.getElementById('wl-risk').value),
      terms: document.getElementById('wl-terms').value.split('\n').map(t => t.trim()).filter(t => t),
    };
    status.className = 'status';
    status.textContent = 'creating…';
    try {
      const w = await request('POST', '/api/v1/watchlists', body);
      status.textContent = 'watchlist created: ' + w.name + ' (' + w.id + '); it applies to the next post scored';
      document.getElementById('watchlist-form').reset();
      load();
    } catch (e) {
      status.className = 'status error';
      status.textContent = e.message;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('watchlist-form').addEventListener('submit', create);
  });
  document.addEventListener('tocsin:view', ev => {
    if (ev.detail === 'watchlists-view' && !loaded) load();
  });
  document.addEventListener('tocsin:me', () => { if (loaded) load(); });
})();
