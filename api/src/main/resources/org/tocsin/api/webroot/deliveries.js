// Tocsin dashboard: a rule's delivery log (GET /api/v1/alerts/rules/{id}/deliveries): every
// attempt to deliver its alerts to its webhook, newest first, in plain words, with the receiver's
// status, the latency and whether it was a retry. Rule names are hostile: text nodes only.
'use strict';

(() => {
  async function showDeliveries(rule) {
    const { el, fmtTime, getJson, openPost } = window.tocsin;
    const box = document.getElementById('rule-deliveries');
    box.hidden = false;
    box.replaceChildren(el('p', { class: 'status' }, 'loading the delivery log of ' + rule.name + '…'));
    try {
      const r = await getJson('/api/v1/alerts/rules/' + encodeURIComponent(rule.id) + '/deliveries?limit=50');
      const rows = r.deliveries.map(d => {
        const post = d.post ? el('button', { type: 'button', class: 'link' }, 'the post') : null;
        if (post) post.addEventListener('click', () => openPost(d.post.platform, d.post.id));
        return el('tr', { class: 'delivery ' + (d.delivered ? 'delivered' : 'failed'), 'data-outcome': d.outcome },
          el('td', {}, fmtTime(d.at)),
          el('td', {}, d.message, post ? ' · ' : null, post),
          el('td', {}, d.status ? 'HTTP ' + d.status : 'no answer'),
          el('td', {}, d.latencyMillis + ' ms'),
          el('td', {}, d.test ? 'test' : d.retry ? 'retry ' + (d.attempt - 1) : 'first try'),
          el('td', { class: 'mono' }, d.error || ''));
      });
      const close = el('button', { type: 'button', id: 'close-deliveries' }, 'Close');
      close.addEventListener('click', () => { box.hidden = true; });
      box.replaceChildren(
        el('h2', { class: 'section' }, 'Deliveries of ' + rule.name),
        el('p', { id: 'deliveries-summary' }, r.summary),
        rows.length ? el('table', { class: 'campaigns deliveries' },
          el('tr', {}, ...['when', 'what happened', 'answer', 'latency', 'try', 'error'].map(h => el('th', {}, h))), ...rows) : null,
        close);
      box.dataset.total = String(r.total);
      box.dataset.rule = rule.id;
    } catch (e) {
      box.replaceChildren(el('p', { class: 'status error' }, 'delivery log: ' + e.message));
    }
  }

  window.tocsin.showDeliveries = showDeliveries;
})();
