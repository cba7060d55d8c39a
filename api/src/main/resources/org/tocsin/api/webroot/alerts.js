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

  // The webhook's delivery state in plain words.
  function webhookText(w) {
    if (!w) return 'no webhook (live feed only)';
    const { fmtTime } = window.tocsin;
    let t = w.url;
    if (!w.lastAttempt) return t + ' · nothing sent since the node started';
    t += ' · ' + (w.delivered || 0) + ' delivered since the node started · last attempt '
      + fmtTime(w.lastAttempt) + ': ' + (w.lastStatus ? 'HTTP ' + w.lastStatus + ' in ' + w.lastLatencyMillis + ' ms' : 'no answer');
    if (w.consecutiveFailures) t += ' · ' + w.consecutiveFailures + ' failed attempts in a row, retrying';
    if (w.lastError) t += ' · last error: ' + w.lastError;
    return t;
  }

  let editing = null; // the rule being edited in the form, or null when the form creates one

  function button(label, cls, onClick) {
    const b = window.tocsin.el('button', { type: 'button', class: cls }, label);
    b.addEventListener('click', () => onClick(b));
    return b;
  }

  // One action on a rule; the answer goes to the rules status line.
  async function act(b, method, url, done) {
    const { request } = window.tocsin;
    const status = document.getElementById('rules-status');
    b.disabled = true;
    status.className = 'status';
    try {
      const r = await request(method, url);
      status.textContent = done(r);
      if (r.delivered === false) status.className = 'status error';
      loadRules();
    } catch (e) {
      status.className = 'status error';
      status.textContent = e.message;
    } finally {
      b.disabled = false;
    }
  }

  function actions(rule) {
    const { el } = window.tocsin;
    const base = '/api/v1/alerts/rules/' + encodeURIComponent(rule.id);
    const cell = el('td', { class: 'actions' });
    if (rule.webhook) {
      cell.appendChild(button('Send test', 'test', b => act(b, 'POST', base + '/test', r =>
        'test to ' + rule.name + ': ' + r.message + (r.latencyMillis !== undefined ? ' (' + r.latencyMillis + ' ms)' : '')
        + (r.error ? ' · ' + r.error : '') + (r.answer !== undefined ? ' · the receiver said: ' + r.answer : ''))));
    }
    if (rule.webhook) cell.appendChild(button('Deliveries', 'deliveries', () => { window.tocsin.showDeliveries(rule); loadRules(); }));
    cell.appendChild(rule.paused
      ? button('Resume', 'resume', b => act(b, 'POST', base + '/resume', () => 'rule resumed: ' + rule.name))
      : button('Pause', 'pause', b => act(b, 'POST', base + '/pause', () => 'rule paused: ' + rule.name)));
    cell.appendChild(button('Edit', 'edit', () => startEdit(rule)));
    // deleting asks once more, in place (no browser dialog)
    const del = button('Delete', 'delete', () => {
      const confirm = button('Delete "' + rule.name + '" for good', 'confirm-delete', b =>
        act(b, 'DELETE', base, () => 'rule deleted: ' + rule.name));
      const cancel = button('Keep it', 'cancel-delete', () => cell.replaceWith(actions(rule)));
      cell.replaceChildren(confirm, cancel);
      confirm.focus();
    });
    del.dataset.id = rule.id;
    cell.appendChild(del);
    return cell;
  }

  async function loadRules() {
    const { el, fmtTime, getJson, request } = window.tocsin;
    const status = document.getElementById('rules-status');
    const table = document.getElementById('rules-table');
    status.className = 'status';
    try {
      const r = await getJson('/api/v1/alerts/rules');
      const head = el('tr', {}, ...['name', 'conditions', 'webhook', 'created', ''].map(h => el('th', {}, h)));
      const rows = r.rules.map(rule => el('tr', { class: rule.paused ? 'rule paused' : 'rule', 'data-id': rule.id },
        el('td', {}, rule.name, rule.paused ? el('span', { class: 'band' }, 'paused') : null),
        el('td', { class: 'mono' }, conditions(rule)),
        el('td', { class: 'mono' }, webhookText(rule.webhook)),
        el('td', {}, fmtTime(rule.createdAt) + (rule.createdByName ? ' by ' + rule.createdByName
          : rule.createdBy ? ' by key ' + rule.createdBy : '')),
        actions(rule)));
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

  // The rule the form describes, or null (with the reason shown) if it cannot be sent.
  function formRule(status) {
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
        return null;
      }
      body.incitementBand = band;
    }
    const url = document.getElementById('rule-webhook-url').value.trim();
    const secret = document.getElementById('rule-webhook-secret').value;
    // editing: an unchanged URL with no new secret keeps the rule's webhook
    if (url && !(editing && editing.webhook && url === editing.webhook.url && !secret)) body.webhook = { url, secret };
    return body;
  }

  async function createRule(ev) {
    ev.preventDefault();
    const { request } = window.tocsin;
    const status = document.getElementById('rule-form-status');
    const body = formRule(status);
    if (!body) return;
    status.className = 'status';
    status.textContent = editing ? 'saving…' : 'creating…';
    try {
      const r = editing
        ? await request('PUT', '/api/v1/alerts/rules/' + encodeURIComponent(editing.id), body)
        : await request('POST', '/api/v1/alerts/rules', body);
      status.textContent = (editing ? 'rule saved: ' : 'rule created: ') + r.name + ' (' + r.id + ')'
        + (r.targets.length ? ' · target groups: ' + r.targets.join(', ') : '');
      stopEdit();
      loadRules();
    } catch (e) {
      status.className = 'status error';
      status.textContent = e.message;
    }
  }

  // The back-test: how many indexed posts the rule in the form would have matched.
  async function backtest() {
    const { el, request, fmtTime } = window.tocsin;
    const status = document.getElementById('rule-form-status');
    const box = document.getElementById('rule-backtest');
    const body = formRule(status);
    if (!body) return;
    delete body.webhook;
    if (!body.name) delete body.name;
    status.className = 'status';
    status.textContent = 'counting…';
    try {
      const r = await request('POST', '/api/v1/alerts/rules/backtest', body);
      status.textContent = '';
      box.replaceChildren(el('p', { class: 'backtest-message' }, r.message
        + (r.targets.length ? ' (target groups: ' + r.targets.join(', ') + ')' : '')),
      ...(r.examples.length ? [el('table', { class: 'campaigns' },
        el('tr', {}, ...['written', 'label', 'incitement', 'text'].map(h => el('th', {}, h))),
        ...r.examples.map(x => el('tr', {}, el('td', {}, fmtTime(x.createdAt)),
          el('td', {}, el('span', { class: 'badge ' + x.label }, x.label)),
          el('td', {}, x.incitement.toFixed(2)), el('td', { class: 'text' }, x.text))))] : []));
      box.dataset.total = String(r.total);
    } catch (e) {
      status.className = 'status error';
      status.textContent = e.message;
      box.replaceChildren();
    }
  }

  function startEdit(rule) {
    editing = rule;
    const set = (id, v) => { document.getElementById(id).value = v === undefined || v === null ? '' : String(v); };
    set('rule-name', rule.name);
    set('rule-query', rule.query);
    set('rule-min-hate', rule.minHate);
    set('rule-min-incitement', rule.minIncitement);
    set('rule-incitement-band', rule.incitementBand || '');
    set('rule-min-dehumanization', rule.minDehumanization);
    set('rule-targets', rule.targets.join(', '));
    set('rule-webhook-url', rule.webhook ? rule.webhook.url : '');
    set('rule-webhook-secret', '');
    for (const c of document.querySelectorAll('input[name=rule-label]')) c.checked = rule.labels.includes(c.value);
    document.getElementById('rule-form-title').textContent = 'Edit rule ' + rule.name;
    document.getElementById('rule-submit').textContent = 'Save changes';
    document.getElementById('rule-cancel').hidden = false;
    document.getElementById('rule-webhook-secret').placeholder = 'leave empty to keep the secret';
    document.getElementById('rule-name').focus();
  }

  function stopEdit() {
    editing = null;
    document.getElementById('rule-form').reset();
    document.getElementById('rule-backtest').replaceChildren();
    document.getElementById('rule-form-title').textContent = 'New rule';
    document.getElementById('rule-submit').textContent = 'Create rule';
    document.getElementById('rule-cancel').hidden = true;
    document.getElementById('rule-webhook-secret').placeholder = 'signs X-Tocsin-Signature';
  }

  // The target groups for the form's pick-list (each group, with its other names as the label).
  async function targetGroups() {
    const { el, getJson } = window.tocsin;
    try {
      const r = await getJson('/api/v1/scoring/targets');
      document.getElementById('target-groups').replaceChildren(...r.groups.map(g =>
        el('option', { value: g.name, label: g.name + (g.aliases.length ? ' (' + g.aliases.slice(0, 4).join(', ') + ')' : '')
          + ' · ' + g.posts + ' posts' })));
    } catch (e) {
      // the pick-list is a help only; the node checks the groups when the rule is saved
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
    document.getElementById('rule-backtest-button').addEventListener('click', backtest);
    document.getElementById('rule-cancel').addEventListener('click', stopEdit);
  });
  document.addEventListener('tocsin:view', ev => {
    if (ev.detail === 'alerts-view') {
      if (!loaded) { loadRules(); targetGroups(); }
      if (!feed) startFeed();
    } else {
      stopFeed();
    }
  });
})();
