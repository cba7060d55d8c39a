// Tocsin dashboard: alert rules and the live alert feed. Rule names, queries and post text are
// hostile: they reach the page as text nodes only.
//
// The feed reads /api/v1/alerts/stream (server-sent events) with fetch() and a stream reader
// rather than EventSource: EventSource cannot send the Authorization header, and putting the API
// key in the URL would leak it into logs and history. The reader keeps the last event id and
// resumes with Last-Event-ID after a drop, as EventSource would.
'use strict';

(() => {
  const FEED_ROWS = 200;
  const BACKLOG = 20;
  let loaded = false;
  let feed = null; // { abort: AbortController, lastId }

  function num(v) { return v === null || v === undefined ? '—' : Number(v).toFixed(2); }

  function conditions(r) {
    const parts = [];
    if (r.query) parts.push('query: ' + r.query);
    if (r.minHate !== undefined) parts.push('hate ≥ ' + r.minHate);
    if (r.minIncitement !== undefined) parts.push('incitement ≥ ' + r.minIncitement);
    if (r.incitementBand !== undefined) parts.push('incitement band ≥ ' + r.incitementBand);
    if (r.minDehumanization !== undefined) parts.push('dehumanization ≥ ' + r.minDehumanization);
    if (r.labels.length) parts.push('labels: ' + r.labels.join(', '));
    if (r.targets.length) parts.push('targets: ' + r.targets.join(', '));
    if (r.conditions && r.conditions.length) parts.push('and ' + JSON.stringify(r.conditions));
    return parts.length ? parts.join(' · ') : 'every post';
  }

  function webhookText(w) {
    if (!w) return '—';
    let t = w.url;
    if (w.deliveredThrough !== undefined) t += ' · delivered through alert ' + w.deliveredThrough;
    if (w.consecutiveFailures) t += ' · ' + w.consecutiveFailures + ' failures';
    if (w.lastError) t += ' · last error: ' + w.lastError;
    return t;
  }

  async function loadRules() {
    const { el, fmtTime, getJson, request } = window.tocsin;
    const status = document.getElementById('rules-status');
    const table = document.getElementById('rules-table');
    status.className = 'status';
    try {
      const r = await getJson('/api/v1/alerts/rules');
      const head = el('tr', {}, ...['name', 'conditions', 'webhook', 'created', ''].map(h => el('th', {}, h)));
      const rows = r.rules.map(rule => {
        const del = el('button', { type: 'button', class: 'delete', 'data-id': rule.id }, 'Delete');
        del.addEventListener('click', async () => {
          del.disabled = true;
          try {
            await request('DELETE', '/api/v1/alerts/rules/' + encodeURIComponent(rule.id));
            status.textContent = 'rule deleted: ' + rule.name;
            loadRules();
          } catch (e) {
            del.disabled = false;
            status.className = 'status error';
            status.textContent = e.message;
          }
        });
        return el('tr', { class: 'rule', 'data-id': rule.id },
          el('td', {}, rule.name), el('td', { class: 'mono' }, conditions(rule)),
          el('td', { class: 'mono' }, webhookText(rule.webhook)),
          el('td', {}, fmtTime(rule.createdAt) + (rule.createdBy ? ' by ' + rule.createdBy : '')), el('td', {}, del));
      });
      table.replaceChildren(head, ...(rows.length ? rows : [el('tr', {}, el('td', {}, 'no rules yet'))]));
      table.dataset.rules = String(r.rules.length);
      loaded = true;
    } catch (e) {
      status.className = 'status error';
      status.textContent = e.message;
    }
  }

  function numberField(id) {
    const v = document.getElementById(id).value.trim();
    return v === '' ? undefined : Number(v);
  }

  async function createRule(ev) {
    ev.preventDefault();
    const { request } = window.tocsin;
    const status = document.getElementById('rule-form-status');
    const body = {
      name: document.getElementById('rule-name').value,
      labels: [...document.querySelectorAll('input[name=rule-label]:checked')].map(c => c.value),
      targets: document.getElementById('rule-targets').value.split(',').map(t => t.trim()).filter(t => t),
    };
    const query = document.getElementById('rule-query').value.trim();
    if (query) body.query = query;
    for (const [field, id] of [['minHate', 'rule-min-hate'], ['minIncitement', 'rule-min-incitement'],
      ['minDehumanization', 'rule-min-dehumanization']]) {
      const v = numberField(id);
      if (v !== undefined) body[field] = v;
    }
    const band = document.getElementById('rule-incitement-band').value;
    if (band) {
      if (body.minIncitement !== undefined) {
        status.className = 'status error';
        status.textContent = 'give either an incitement score or an incitement band, not both';
        return;
      }
      body.incitementBand = band;
    }
    const url = document.getElementById('rule-webhook-url').value.trim();
    if (url) body.webhook = { url, secret: document.getElementById('rule-webhook-secret').value };
    status.className = 'status';
    status.textContent = 'creating…';
    try {
      const r = await request('POST', '/api/v1/alerts/rules', body);
      status.textContent = 'rule created: ' + r.name + ' (' + r.id + ')';
      document.getElementById('rule-form').reset();
      loadRules();
    } catch (e) {
      status.className = 'status error';
      status.textContent = e.message;
    }
  }

  function alertRow(a) {
    const { el, fmtTime, showDetail } = window.tocsin;
    const p = a.post, s = a.score;
    const evidence = el('button', { type: 'button', class: 'mono' }, 'seq ' + a.evidence.seq);
    evidence.addEventListener('click', () => showDetail(p.platform, p.id));
    const author = p.author.handle ? '@' + p.author.handle : p.author.id;
    return el('tr', { class: 'alert', 'data-n': String(a.n) },
      el('td', {}, fmtTime(a.createdAt)),
      el('td', {}, a.rule.name),
      el('td', {}, el('div', { class: 'meta' }, p.platform + ' · ' + author + ' · ' + fmtTime(p.createdAt)),
        el('div', { class: 'text' }, p.text.length > 400 ? p.text.slice(0, 400) + ' …' : p.text)),
      el('td', { class: 'mono pre' }, 'hate ' + num(s.hate) + '\nincitement ' + num(s.incitement)
        + (window.tocsin.bandFor(s.incitement) ? ' (' + window.tocsin.bandFor(s.incitement).name + ')' : '')
        + '\ndehumanization ' + num(s.dehumanization)
        + (s.targets.length ? '\ntargets ' + s.targets.map(t => t.group).join(', ') : '')),
      el('td', {}, a.reasons.join('; ')),
      el('td', {}, evidence, el('div', { class: 'mono' }, a.evidence.sha256.slice(0, 16) + '…')));
  }

  function showAlert(a) {
    const table = document.getElementById('alert-stream');
    const empty = table.querySelector('tr.empty');
    if (empty) empty.remove();
    const head = table.querySelector('tr.head');
    head.after(alertRow(a));
    const rows = table.querySelectorAll('tr.alert');
    for (let i = FEED_ROWS; i < rows.length; i++) rows[i].remove();
    table.dataset.alerts = String(table.querySelectorAll('tr.alert').length);
  }

  // Parses the text/event-stream format (the subset the node sends: id, event, data, comments).
  function parseEvents(buffer, onEvent) {
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const ev = { id: null, event: 'message', data: [] };
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') ev.id = value;
        else if (field === 'event') ev.event = value;
        else if (field === 'data') ev.data.push(value);
      }
      if (ev.data.length) onEvent(ev);
    }
    return buffer;
  }

  async function connect(state) {
    const { authHeaders } = window.tocsin;
    const status = document.getElementById('alert-stream-status');
    const table = document.getElementById('alert-stream');
    const headers = authHeaders({ Accept: 'text/event-stream' });
    if (state.lastId !== null) headers['Last-Event-ID'] = state.lastId;
    try {
      const r = await fetch('/api/v1/alerts/stream?since=' + state.since, { headers, signal: state.abort.signal });
      if (!r.ok) {
        const body = await r.json().catch(() => ({}));
        throw new Error(body.detail || ('HTTP ' + r.status));
      }
      status.className = 'status';
      status.textContent = 'live: new alerts appear here as posts arrive';
      table.dataset.connected = 'true';
      const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer = parseEvents(buffer + value.replace(/\r\n?/g, '\n'), ev => {
          if (ev.id !== null) state.lastId = ev.id;
          if (ev.event === 'alert') showAlert(JSON.parse(ev.data.join('\n')));
        });
      }
      throw new Error('stream closed by the node');
    } catch (e) {
      table.dataset.connected = 'false';
      if (state.abort.signal.aborted) return;
      status.className = 'status error';
      status.textContent = 'feed interrupted (' + e.message + '); reconnecting…';
      setTimeout(() => { if (feed === state) connect(state); }, 2000);
    }
  }

  async function startFeed() {
    const { el, getJson } = window.tocsin;
    stopFeed();
    const table = document.getElementById('alert-stream');
    table.replaceChildren(
      el('tr', { class: 'head' }, ...['alerted', 'rule', 'post', 'scores', 'why', 'evidence'].map(h => el('th', {}, h))),
      el('tr', { class: 'empty' }, el('td', {}, 'no alerts yet')));
    table.dataset.alerts = '0';
    const status = document.getElementById('alert-stream-status');
    let since = 0;
    try {
      const first = await getJson('/api/v1/alerts?limit=1');
      since = Math.max(0, first.total - BACKLOG);
    } catch (e) {
      status.className = 'status error';
      status.textContent = e.message;
      return;
    }
    feed = { abort: new AbortController(), lastId: null, since };
    connect(feed);
  }

  function stopFeed() {
    if (feed) feed.abort.abort();
    feed = null;
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('rule-form').addEventListener('submit', createRule);
  });
  document.addEventListener('tocsin:view', ev => {
    if (ev.detail === 'alerts-view') {
      if (!loaded) loadRules();
      if (!feed) startFeed();
    } else {
      stopFeed();
    }
  });
})();
