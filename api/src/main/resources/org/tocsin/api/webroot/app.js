// Tocsin dashboard. Post text is hostile: everything user-supplied is inserted with textContent
// or as text nodes, never as HTML. The page runs under a strict CSP (no inline script, no eval).
'use strict';

const PAGE = 20;
const HL_START = '\u0002';
const HL_END = '\u0003';
let state = { q: '', sort: 'relevance', offset: 0, total: 0 };

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return e;
}

// Turns a fragment with \u0002..\u0003 match markers into text nodes and <mark> elements.
function highlighted(fragment) {
  const span = el('span');
  let rest = fragment;
  while (rest.length > 0) {
    const s = rest.indexOf(HL_START);
    if (s < 0) { span.appendChild(document.createTextNode(rest)); break; }
    span.appendChild(document.createTextNode(rest.slice(0, s)));
    const e = rest.indexOf(HL_END, s + 1);
    const end = e < 0 ? rest.length : e;
    span.appendChild(el('mark', {}, rest.slice(s + 1, end)));
    rest = e < 0 ? '' : rest.slice(e + 1);
  }
  return span;
}

function bar(value) {
  const b = el('span', { class: 'bar', title: value.toFixed(2) });
  const fill = el('span');
  fill.style.width = Math.round(Math.max(0, Math.min(1, value)) * 100) + '%';
  b.appendChild(fill);
  return b;
}

function fmtTime(iso) {
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

// The API key lives in this tab's sessionStorage only. `tocsin demo` prints a link whose
// fragment (#key=...) carries it; fragments never reach the server, and the page removes it.
const KEY_ITEM = 'tocsin.key';

function takeKeyFromFragment() {
  const m = /^#key=([A-Za-z0-9_-]+)$/.exec(location.hash);
  if (m) {
    sessionStorage.setItem(KEY_ITEM, m[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
}

function showLogin(message) {
  const form = document.getElementById('login');
  form.hidden = false;
  document.getElementById('key').placeholder = message || document.getElementById('key').placeholder;
}

function authHeaders(extra) {
  const headers = Object.assign({ Accept: 'application/json' }, extra || {});
  const key = sessionStorage.getItem(KEY_ITEM);
  if (key) headers.Authorization = 'Bearer ' + key;
  return headers;
}

// One API call: JSON in and out, problem JSON turned into an Error carrying its detail.
async function request(method, url, body, extraHeaders) {
  const headers = authHeaders(extraHeaders);
  const init = { method, headers };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const r = await fetch(url, init);
  const json = r.status === 204 ? {} : await r.json().catch(() => ({}));
  if (r.status === 401) {
    showLogin(headers.Authorization ? 'that key was refused; paste another' : null);
  }
  if (!r.ok) throw new Error(json.detail || ('HTTP ' + r.status));
  return json;
}

function getJson(url, extraHeaders) { return request('GET', url, undefined, extraHeaders); }

// Who is signed in: the role decides which controls are shown (the API enforces it regardless).
let me = null;
async function whoAmI() {
  try {
    me = await getJson('/api/v1/me');
  } catch (e) {
    me = null;
  }
  document.body.dataset.role = me ? me.role : '';
  const who = document.getElementById('who');
  who.textContent = me ? 'signed in as ' + me.name + ' (' + me.role + ')' : '';
  document.dispatchEvent(new CustomEvent('tocsin:me', { detail: me }));
  return me;
}

function hasRole(...roles) { return !!me && roles.includes(me.role); }

async function health() {
  const box = document.getElementById('health');
  try {
    const h = await getJson('/health');
    box.className = 'health' + (h.index.lag > 0 ? ' bad' : '');
    box.textContent = 'ledger: ' + h.ledger.lastSeq.toLocaleString() + ' records · index: '
      + h.index.posts.toLocaleString() + ' posts · '
      + (h.index.lag > 0 ? h.index.lag.toLocaleString() + ' records not yet indexed' : 'index up to date')
      + ' · scorer: ' + h.scorer.model + ' v' + h.scorer.version;
  } catch (e) {
    box.className = 'health bad';
    box.textContent = 'node unreachable: ' + e.message;
  }
}

function renderHit(hit) {
  const p = hit.post, s = hit.score;
  const li = el('li', { class: 'hit', tabindex: '0' });
  const author = p.author.handle ? '@' + p.author.handle : p.author.id;
  li.appendChild(el('div', { class: 'meta' },
    el('span', { class: 'badge ' + s.label }, s.label),
    el('span', {}, p.platform), el('span', {}, author), el('span', {}, fmtTime(p.createdAt)),
    p.lang ? el('span', {}, p.lang) : null,
    el('span', {}, 'incitement ', bar(s.incitement), ' ', bandBadge(s.incitement)),
    s.targets.length ? el('span', {}, 'targets: ' + s.targets.map(t => t.group).join(', ')) : null));
  const LIST_CHARS = 600;
  const text = hit.highlight ? highlighted(hit.highlight)
    : el('span', {}, p.text.length > LIST_CHARS ? p.text.slice(0, LIST_CHARS) + ' …' : p.text);
  li.appendChild(el('div', { class: 'text' }, text));
  li.appendChild(el('div', { class: 'meta mono' }, 'evidence seq ' + hit.evidence.seq + ' · sha256 ' + hit.evidence.sha256.slice(0, 16) + '…'));
  const open = () => showDetail(p.platform, p.id);
  li.addEventListener('click', open);
  li.addEventListener('keydown', ev => { if (ev.key === 'Enter') open(); });
  return li;
}

// The incitement band table (GET /api/v1/scoring/bands), fetched once a key is accepted.
let bands = null;

async function loadBands() {
  if (bands) return bands;
  try {
    bands = await getJson('/api/v1/scoring/bands');
  } catch (e) {
    bands = null; // no key yet, or the node is down: scores are shown without their band
  }
  return bands;
}

// What a band means, in one line: its threshold and its precision / recall on the test half.
function bandMeaning(b) {
  if (!b.test) return b.name + ': incitement below every other band';
  const t = b.test;
  const pct = v => (v * 100).toFixed(0) + '%';
  return b.name + ': incitement ≥ ' + b.threshold.toFixed(4) + '; on the incitement test set '
    + pct(t.precision) + ' of such posts are incitement (95% interval ' + pct(t.precisionInterval[0])
    + '–' + pct(t.precisionInterval[1]) + '), finding ' + pct(t.recall) + ' of it (calibrated '
    + bands.calibratedOn + ' for ' + bands.scorer + ')';
}

// The band an incitement score falls in (the last whose threshold it reaches), or null while the
// table is unknown.
function bandFor(value) {
  if (!bands) return null;
  let band = bands.bands[0];
  for (const b of bands.bands) if (value >= b.threshold) band = b;
  return band;
}

// The badge of that band, its meaning as the tooltip; null while the table is unknown.
function bandBadge(value) {
  const band = bandFor(value);
  return band ? el('span', { class: 'band band-' + band.name, title: bandMeaning(band) }, band.name) : null;
}

async function search() {
  await loadBands();
  const status = document.getElementById('status');
  const list = document.getElementById('results');
  status.className = 'status';
  status.textContent = 'searching…';
  const params = new URLSearchParams({ q: state.q, sort: state.sort, offset: state.offset, limit: PAGE });
  addFilters(params);
  facets();
  try {
    const r = await getJson('/api/v1/posts/search?' + params);
    state.total = r.total;
    list.replaceChildren(...r.hits.map(renderHit));
    const last = Math.min(r.total, state.offset + r.hits.length);
    searchExport(r.total);
    status.textContent = r.total === 0 ? 'no posts match'
      : (state.offset + 1) + '–' + last + ' of ' + r.total.toLocaleString() + ' posts (' + (r.tookMicros / 1000).toFixed(1) + ' ms)';
  } catch (e) {
    list.replaceChildren();
    status.className = 'status error';
    status.textContent = e.message;
    state.total = 0;
  }
  document.getElementById('prev').disabled = state.offset === 0;
  document.getElementById('next').disabled = state.offset + PAGE >= state.total;
}

// Facet filters of the search page: {param: Set of values}; a click on a facet value toggles it.
const FACETS = [
  { name: 'target', param: 'target', key: 'target', title: 'Target groups' },
  { name: 'label', param: 'label', key: 'label', title: 'Labels' },
  { name: 'lang', param: 'lang', key: 'language', title: 'Languages' },
  { name: 'platform', param: 'platform', key: 'platform', title: 'Platforms' },
];
const filters = {};

function addFilters(params) {
  for (const [param, values] of Object.entries(filters)) {
    if (values.size) params.set(param, [...values].join(','));
  }
}

function toggleFilter(param, value) {
  filters[param] = filters[param] || new Set();
  if (filters[param].has(value)) filters[param].delete(value); else filters[param].add(value);
  state.offset = 0;
  search();
}

async function facets() {
  const box = document.getElementById('facets');
  const params = new URLSearchParams({ q: state.q, facets: FACETS.map(f => f.name).join(','), top: 8 });
  addFilters(params);
  const chips = el('div', { class: 'chips' });
  for (const [param, values] of Object.entries(filters)) {
    for (const v of values) {
      const chip = el('button', { type: 'button', class: 'chip', 'data-param': param }, param + ': ' + v + ' ×');
      chip.addEventListener('click', () => toggleFilter(param, v));
      chips.appendChild(chip);
    }
  }
  try {
    const r = await getJson('/api/v1/stats/facets?' + params);
    const groups = FACETS.map(f => {
      const top = r.facets[f.key] ? r.facets[f.key].top : [];
      const list = el('ul', { class: 'facet', 'data-facet': f.name });
      for (const v of top) {
        const on = filters[f.param] && filters[f.param].has(v.value);
        const b = el('button', { type: 'button', class: on ? 'facet-value on' : 'facet-value' },
          v.value, el('span', { class: 'count' }, v.count.toLocaleString()));
        b.addEventListener('click', () => toggleFilter(f.param, v.value));
        list.appendChild(el('li', {}, b));
      }
      return el('div', {}, el('h3', {}, f.title), top.length ? list : el('p', { class: 'meta' }, '—'));
    });
    box.replaceChildren(chips, ...groups);
  } catch (e) {
    box.replaceChildren(chips, el('p', { class: 'status error' }, 'facets: ' + e.message));
  }
}

// Prosecutors and admins export every post of the query as one bundle; facet filters are not part
// of an export request, so the form is offered only for an unfiltered query.
function searchExport(total) {
  const box = document.getElementById('search-export');
  const filtered = Object.values(filters).some(v => v.size);
  if (!hasRole('prosecutor', 'admin') || !state.q.trim() || filtered || total === 0) {
    box.replaceChildren();
    return;
  }
  box.replaceChildren(el('p', { class: 'help' }, 'Export all posts of this query (' + total.toLocaleString()
    + '): originals, inclusion proofs and custody log in one BagIt bundle.'), exportForm(undefined, state.q));
}

function factorRows(factors) {
  const t = el('table', {}, el('tr', {}, el('th', {}, 'Rabat factor'), el('th', {}, 'score'), el('th', {}, 'evidence')));
  for (const name of ['context', 'speaker', 'intent', 'content', 'extent', 'likelihood']) {
    const f = factors[name];
    t.appendChild(el('tr', {}, el('td', {}, name), el('td', {}, bar(f.score), ' ' + f.score.toFixed(2)),
      el('td', {}, f.evidence.length ? f.evidence.join('; ') : '—')));
  }
  return t;
}

async function showDetail(platform, id) {
  const box = document.getElementById('detail');
  const body = document.getElementById('detail-body');
  box.hidden = false;
  body.replaceChildren(el('p', {}, 'loading…'));
  try {
    const d = await getJson('/api/v1/posts/' + encodeURIComponent(platform) + '/' + encodeURIComponent(id));
    const p = d.post, s = d.score, ev = d.evidence;
    // null entries (absent optional parts) are dropped: replaceChildren would print them as "null"
    body.replaceChildren(...[
      el('h2', {}, (p.author.handle ? '@' + p.author.handle : p.author.id) + ' · ' + fmtTime(p.createdAt)),
      el('div', { class: 'text' }, p.text),
      p.url ? el('p', { class: 'mono' }, 'URL (as captured, not a link): ' + p.url) : null,
      el('h3', {}, 'Score'),
      el('table', {},
        el('tr', {}, el('td', {}, 'label'), el('td', {}, el('span', { class: 'badge ' + s.label }, s.label))),
        el('tr', {}, el('td', {}, 'hate / offensive / normal'), el('td', {}, s.hate.toFixed(2) + ' / ' + s.offensive.toFixed(2) + ' / ' + s.normal.toFixed(2))),
        el('tr', {}, el('td', {}, 'incitement'), el('td', {}, bar(s.incitement), ' ' + s.incitement.toFixed(2) + ' ', bandBadge(s.incitement),
          bands ? el('div', { class: 'meta' }, bandMeaning(bandFor(s.incitement))) : null)),
        el('tr', {}, el('td', {}, 'dehumanization'), el('td', {}, bar(s.dehumanization), ' ' + s.dehumanization.toFixed(2))),
        el('tr', {}, el('td', {}, 'targets'), el('td', {}, s.targets.length ? s.targets.map(t => t.group + ' (' + t.ground + ', ' + t.confidence.toFixed(2) + ')').join(', ') : '—')),
        el('tr', {}, el('td', {}, 'model'), el('td', {}, s.model + ' v' + s.version))),
      el('h3', {}, 'Rabat six-part test'), factorRows(s.factors),
      el('h3', {}, 'Why'),
      el('p', {}, s.explanation.tokens.length ? 'tokens: ' + s.explanation.tokens.map(t => t.token + ' (' + t.weight.toFixed(2) + ')').join(', ') : 'no decisive tokens'),
      s.explanation.lexicon.length ? el('p', {}, 'lexicon: ' + s.explanation.lexicon.map(h => h.term + ' [' + h.category + ']').join(', ')) : null,
      ...s.explanation.notes.map(n => el('p', { class: 'meta' }, n)),
      el('h3', {}, 'Evidence'),
      el('table', {},
        el('tr', {}, el('td', {}, 'ledger seq'), el('td', { class: 'mono' }, String(ev.seq))),
        el('tr', {}, el('td', {}, 'sha256 of original bytes'), el('td', { class: 'mono' }, ev.sha256)),
        el('tr', {}, el('td', {}, 'captured at'), el('td', {}, fmtTime(ev.capturedAt)))),
      el('h3', {}, 'Versions'), el('div', { id: 'detail-versions' }, 'loading…'),
      el('h3', {}, 'Similar posts'), el('div', { id: 'detail-similar' }, 'loading…'),
      el('h3', {}, 'Custody history'), el('div', { id: 'detail-custody' }, 'loading…'),
      hasRole('prosecutor', 'admin') ? exportForm([p.platform + '/' + p.id]) : null].filter(c => c));
    await versions(p.platform, p.id);
    await similar(p.platform, p.id);
    await custodyInto(document.getElementById('detail-custody'), ev.seq);
  } catch (e) {
    body.replaceChildren(el('p', { class: 'status error' }, e.message));
  }
  box.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

async function versions(platform, id) {
  const box = document.getElementById('detail-versions');
  try {
    const r = await getJson('/api/v1/posts/' + encodeURIComponent(platform) + '/' + encodeURIComponent(id) + '/versions');
    const rows = r.versions.map((v, i) => el('tr', {},
      el('td', {}, String(i + 1) + (i === r.versions.length - 1 ? ' (latest)' : '')),
      el('td', {}, v.post.edited ? 'edited ' + fmtTime(v.post.edited) : 'as first captured'),
      el('td', { class: 'mono' }, 'seq ' + v.evidence.seq + ' · ' + v.evidence.sha256.slice(0, 16) + '…'),
      el('td', {}, el('span', { class: 'badge ' + v.score.label }, v.score.label)),
      el('td', { class: 'text' }, v.post.text)));
    box.replaceChildren(el('table', { class: 'campaigns versions' },
      el('tr', {}, ...['version', 'when', 'evidence', 'label', 'text'].map(h => el('th', {}, h))), ...rows));
  } catch (e) {
    box.replaceChildren(el('p', { class: 'status error' }, 'versions: ' + e.message));
  }
}

// The posts whose text is most like this one (Lucene MoreLikeThis); each opens its own detail.
async function similar(platform, id) {
  const box = document.getElementById('detail-similar');
  try {
    const r = await getJson('/api/v1/posts/' + encodeURIComponent(platform) + '/' + encodeURIComponent(id) + '/similar?limit=5');
    if (!r.hits.length) {
      box.replaceChildren(el('p', { class: 'meta' }, 'no post shares enough words with this one'));
      return;
    }
    const rows = r.hits.map(h => {
      const open = el('button', { type: 'button', class: 'link' }, h.post.author.handle ? '@' + h.post.author.handle : h.post.author.id);
      open.addEventListener('click', () => showDetail(h.post.platform, h.post.id));
      return el('tr', { class: 'similar-hit' },
        el('td', {}, open), el('td', {}, fmtTime(h.post.createdAt)),
        el('td', {}, el('span', { class: 'badge ' + h.score.label }, h.score.label)),
        el('td', { class: 'text' }, h.post.text));
    });
    box.replaceChildren(el('table', { class: 'campaigns similar' },
      el('tr', {}, ...['author', 'when', 'label', 'text'].map(h => el('th', {}, h))), ...rows));
  } catch (e) {
    box.replaceChildren(el('p', { class: 'status error' }, 'similar posts: ' + e.message));
  }
}

// The custody log of one capture (every access is an event: who, which role, why).
async function custodyInto(box, seq) {
  try {
    const r = await getJson('/api/v1/evidence/' + encodeURIComponent(seq) + '/custody');
    const rows = r.events.map(e => el('tr', {},
      el('td', {}, fmtTime(e.time)), el('td', {}, e.type), el('td', { class: 'mono' }, e.actor),
      el('td', {}, e.role), el('td', {}, e.reason || '—'), el('td', { class: 'mono' }, e.query || ''),
      el('td', { class: 'mono' }, Object.entries(e.details || {}).map(([k, v]) => k + ': ' + v).join('; ')),
      el('td', { class: 'mono' }, 'record ' + e.recordSeq)));
    box.replaceChildren(el('table', { class: 'campaigns custody' },
      el('tr', {}, ...['time', 'event', 'key', 'role', 'reason', 'query', 'details', 'ledger'].map(h => el('th', {}, h))),
      ...(rows.length ? rows : [el('tr', {}, el('td', {}, 'no custody events'))])));
    box.dataset.events = String(r.events.length);
  } catch (e) {
    box.replaceChildren(el('p', { class: 'status error' }, 'custody: ' + e.message));
  }
}

// Export for prosecutors: a BagIt bundle of the originals, their proofs and the custody log,
// verifiable offline with `tocsin verify-bundle`. The stated reason goes into the custody log.
function exportForm(ids, query) {
  const reason = el('input', { type: 'text', class: 'reason', maxlength: '500', required: '', placeholder: 'reason (recorded in the custody log), e.g. case file 2026/17' });
  const out = el('div', { class: 'export-result', 'aria-live': 'polite' });
  const form = el('form', { class: 'export' }, reason, el('button', { type: 'submit' }, 'Export for prosecutors'), out);
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    out.className = 'export-result status';
    out.textContent = 'exporting…';
    try {
      const r = await request('POST', '/api/v1/evidence/exports',
        query === undefined ? { reason: reason.value, ids } : { reason: reason.value, query });
      out.replaceChildren(el('table', {},
        el('tr', {}, el('td', {}, 'bundle'), el('td', { class: 'mono' }, r.bagName)),
        el('tr', {}, el('td', {}, 'captures'), el('td', {}, String(r.captures))),
        el('tr', {}, el('td', {}, 'sha256 of the bundle'), el('td', { class: 'mono' }, r.bagSha256)),
        el('tr', {}, el('td', {}, 'on the node at'), el('td', { class: 'mono' }, r.path)),
        el('tr', {}, el('td', {}, 'export event'), el('td', { class: 'mono' }, 'ledger seq ' + r.exportEventSeq)),
        el('tr', {}, el('td', {}, 'check it'), el('td', { class: 'mono' }, 'tocsin verify-bundle ' + r.bagName))));
      out.dataset.bag = r.bagName;
    } catch (e) {
      out.className = 'export-result status error';
      out.textContent = e.message;
    }
  });
  return form;
}

window.tocsin = { el, bar, bandFor, bandBadge, loadBands, fmtTime, getJson, request, authHeaders, showDetail, hasRole, custodyInto, exportForm, whoAmI };

document.addEventListener('DOMContentLoaded', () => {
  takeKeyFromFragment();
  document.getElementById('login').addEventListener('submit', ev => {
    ev.preventDefault();
    const v = document.getElementById('key').value.trim();
    if (v) sessionStorage.setItem(KEY_ITEM, v);
    document.getElementById('login').hidden = true;
    document.getElementById('key').value = '';
    whoAmI();
    search();
  });
  const form = document.getElementById('search-form');
  const params = new URLSearchParams(location.search);
  document.getElementById('q').value = params.get('q') || '';
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    state.q = document.getElementById('q').value;
    state.sort = document.getElementById('sort').value;
    state.offset = 0;
    history.replaceState(null, '', '?q=' + encodeURIComponent(state.q));
    search();
  });
  document.getElementById('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); search(); });
  document.getElementById('next').addEventListener('click', () => { state.offset += PAGE; search(); });
  document.getElementById('close-detail').addEventListener('click', () => { document.getElementById('detail').hidden = true; });
  for (const tab of document.querySelectorAll('.tab')) {
    tab.addEventListener('click', () => {
      for (const t of document.querySelectorAll('.tab')) t.classList.toggle('active', t === tab);
      for (const v of document.querySelectorAll('.view')) v.hidden = v.id !== tab.dataset.view;
      document.dispatchEvent(new CustomEvent('tocsin:view', { detail: tab.dataset.view }));
    });
  }
  state.q = document.getElementById('q').value;
  state.sort = state.q ? 'relevance' : 'newest';
  document.getElementById('sort').value = state.sort;
  health();
  setInterval(health, 10000);
  whoAmI();
  search();
  const view = params.get('view');
  if (view) {
    const tab = document.querySelector('.tab[data-view="' + CSS.escape(view) + '-view"]');
    if (tab) tab.click();
  }
});
