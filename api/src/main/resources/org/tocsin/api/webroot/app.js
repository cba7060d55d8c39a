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
  return !!m;
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
  // a refusal counts only if the key it was asked with is still the tab's key: an answer to a
  // request sent before signing in must not bring the sign-in form back
  if (r.status === 401 && headers.Authorization === authHeaders().Authorization) {
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
  document.getElementById('sign-out').hidden = !me;
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
  const open = () => openPost(p.platform, p.id);
  li.addEventListener('click', open);
  // preventDefault: the focus moves to the panel's Close button, which the same Enter would press
  li.addEventListener('keydown', ev => { if (ev.key === 'Enter') { ev.preventDefault(); open(); } });
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

// The score filters of the search page ({minIncitement: 0.16, ...}); a band chip sets minIncitement
// to its band's threshold.
const SCORE_PARAMS = ['minIncitement', 'minHate', 'minOffensive', 'minDehumanization'];
const mins = {};
let searchSeq = 0;

// "10,000+" when the node counted no further (its total is then a lower bound).
function count(r) {
  return r.total.toLocaleString() + (r.totalExact === false ? '+' : '');
}

async function search() {
  const seq = ++searchSeq;
  await loadBands();
  bandChips();
  const status = document.getElementById('status');
  const list = document.getElementById('results');
  status.className = 'status';
  status.textContent = 'searching…';
  const params = new URLSearchParams({ q: state.q, sort: state.sort, offset: state.offset, limit: PAGE });
  addFilters(params);
  facets(seq);
  try {
    const r = await getJson('/api/v1/posts/search?' + params);
    if (seq !== searchSeq) return; // a newer search has started
    state.total = r.total;
    list.replaceChildren(...r.hits.map(renderHit));
    const last = Math.min(r.total, state.offset + r.hits.length);
    searchExport(r.total);
    hints(r.hints || []);
    status.textContent = r.total === 0 ? 'no posts match'
      : (state.offset + 1) + '–' + last + ' of ' + count(r) + ' posts (' + (r.tookMicros / 1000).toFixed(1) + ' ms)';
    status.dataset.total = String(r.total);
    status.dataset.exact = String(r.totalExact !== false);
  } catch (e) {
    if (seq !== searchSeq) return;
    list.replaceChildren();
    hints([]);
    status.className = 'status error';
    status.textContent = e.message;
    state.total = 0;
  }
  document.getElementById('prev').disabled = state.offset === 0;
  document.getElementById('next').disabled = state.offset + PAGE >= state.total;
}

// The node's plain-language hints (a target group typed by another name); one with a replacement
// offers the corrected search as a button.
function hints(list) {
  const box = document.getElementById('hints');
  box.replaceChildren(...list.map(h => {
    const p = el('p', { class: 'hint', 'data-kind': h.kind }, h.message);
    if (h.replace && h.with && state.q.includes(h.replace)) {
      const fixed = state.q.split(h.replace).join(h.with);
      const b = el('button', { type: 'button', class: 'link' }, 'search ' + fixed);
      b.addEventListener('click', () => {
        state.q = fixed;
        document.getElementById('q').value = fixed;
        state.offset = 0;
        navigate();
        search();
      });
      p.append(' ', b);
    }
    return p;
  }));
}

// One chip per alertable band ("elevated", "high"): shows posts whose incitement reaches the band.
function bandChips() {
  const box = document.getElementById('band-chips');
  if (!bands) { box.replaceChildren(); return; }
  const chips = bands.bands.filter(b => b.threshold > 0).map(b => {
    const on = mins.minIncitement === b.threshold;
    const chip = el('button', { type: 'button', class: 'chip band-chip band-' + b.name, 'data-band': b.name,
      'aria-pressed': String(on), title: bandMeaning(b) }, 'incitement band ' + b.name + ' or above');
    chip.addEventListener('click', () => {
      setMin('minIncitement', on ? undefined : b.threshold);
      document.querySelector('#band-chips [data-band="' + CSS.escape(b.name) + '"]').focus();
    });
    return chip;
  });
  box.replaceChildren(...chips);
}

function setMin(param, value) {
  if (value === undefined || value === '' || isNaN(Number(value))) delete mins[param]; else mins[param] = Number(value);
  syncScoreInputs();
  state.offset = 0;
  navigate();
  search();
}

function syncScoreInputs() {
  for (const input of document.querySelectorAll('#score-filters input')) {
    const v = mins[input.dataset.param];
    input.value = v === undefined ? '' : String(v);
  }
}

// Facet filters of the search page: {param: Set of values}; a click on a facet value toggles it.
const FACETS = [
  { name: 'target', param: 'target', key: 'target', title: 'Target groups' },
  { name: 'label', param: 'label', key: 'label', title: 'Labels' },
  { name: 'lang', param: 'lang', key: 'language', title: 'Languages' },
  { name: 'platform', param: 'platform', key: 'platform', title: 'Platforms' },
];
const filters = {};
let refocus = null; // the facet value whose button had the focus when it was toggled

function addFilters(params) {
  for (const [param, values] of Object.entries(filters)) {
    if (values.size) params.set(param, [...values].join(','));
  }
  for (const [param, v] of Object.entries(mins)) params.set(param, String(v));
}

function toggleFilter(param, value, fromButton) {
  filters[param] = filters[param] || new Set();
  if (filters[param].has(value)) filters[param].delete(value); else filters[param].add(value);
  refocus = fromButton ? { param, value } : null;
  state.offset = 0;
  navigate();
  search();
}

async function facets(seq) {
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
    if (seq !== searchSeq) return;
    const groups = FACETS.map(f => {
      const top = r.facets[f.key] ? r.facets[f.key].top : [];
      const list = el('ul', { class: 'facet', 'data-facet': f.name });
      for (const v of top) {
        const on = !!(filters[f.param] && filters[f.param].has(v.value));
        const b = el('button', { type: 'button', class: on ? 'facet-value on' : 'facet-value', 'aria-pressed': String(on),
          'data-param': f.param, 'data-value': v.value }, v.value, el('span', { class: 'count' }, v.count.toLocaleString()));
        b.addEventListener('click', () => toggleFilter(f.param, v.value, true));
        list.appendChild(el('li', {}, b));
      }
      return el('div', {}, el('h3', {}, f.title), top.length ? list : el('p', { class: 'meta' }, '—'));
    });
    box.replaceChildren(chips, ...groups);
    if (refocus) {
      const again = [...box.querySelectorAll('button.facet-value')]
        .find(b => b.dataset.param === refocus.param && b.dataset.value === refocus.value);
      if (again) again.focus();
      refocus = null;
    }
  } catch (e) {
    if (seq !== searchSeq) return;
    box.replaceChildren(chips, el('p', { class: 'status error' }, 'facets: ' + e.message));
  }
}

// Prosecutors and admins export every post of the search as one bundle. An export request takes a
// query, so the facet and score filters are written into it in the query syntax (label:"hate",
// incitement:[0.16 TO 1]), which selects the same posts.
const EXPORT_FIELDS = { target: 'target', label: 'label', lang: 'lang', platform: 'platform' };
const SCORE_FIELDS = { minIncitement: 'incitement', minHate: 'hate', minOffensive: 'offensive', minDehumanization: 'dehumanization' };

function exportQuery() {
  const quote = v => '"' + v.replace(/[\\"]/g, c => '\\' + c) + '"';
  const parts = state.q.trim() ? ['(' + state.q.trim() + ')'] : [];
  for (const [param, values] of Object.entries(filters)) {
    if (values.size && EXPORT_FIELDS[param]) {
      parts.push('(' + [...values].map(v => EXPORT_FIELDS[param] + ':' + quote(v)).join(' OR ') + ')');
    }
  }
  for (const [param, v] of Object.entries(mins)) parts.push(SCORE_FIELDS[param] + ':[' + v + ' TO 1]');
  return parts.join(' AND ');
}

function searchExport(total) {
  const box = document.getElementById('search-export');
  const query = exportQuery();
  if (!hasRole('prosecutor', 'admin') || !query || total === 0) {
    box.replaceChildren();
    return;
  }
  const form = exportForm(undefined, query);
  form.dataset.query = query;
  box.replaceChildren(el('p', { class: 'help' }, 'Export all posts of this search (' + total.toLocaleString()
    + '): originals, inclusion proofs and custody log in one BagIt bundle. Exported as the query ',
  el('code', {}, query), '.'), form);
}

// The view's state lives in the URL (tab, query, sort, facets, score filters, page, open post), so
// that Back and Forward work and a link shows a colleague the same view. Changes push a history
// entry; Back re-applies the URL it returns to.
let currentView = 'search-view';

function stateUrl() {
  const p = new URLSearchParams();
  if (currentView !== 'search-view') p.set('view', currentView.replace(/-view$/, ''));
  if (state.q) p.set('q', state.q);
  if (state.sort !== (state.q ? 'relevance' : 'newest')) p.set('sort', state.sort);
  addFilters(p);
  if (state.offset) p.set('offset', String(state.offset));
  if (state.post) p.set('post', state.post);
  const campaign = new URLSearchParams(location.search).get('campaign');
  if (currentView === 'campaigns-view' && campaign) p.set('campaign', campaign);
  const s = p.toString();
  return s ? '?' + s : location.pathname;
}

function navigate() {
  const url = stateUrl();
  if (url !== (location.search || location.pathname)) history.pushState(null, '', url);
}

function showView(view) {
  if (!document.getElementById(view) || !document.getElementById(view).classList.contains('view')) view = 'search-view';
  const changed = view !== currentView;
  currentView = view;
  for (const t of document.querySelectorAll('.tab')) {
    const on = t.dataset.view === view;
    t.classList.toggle('active', on);
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
  }
  for (const v of document.querySelectorAll('.view')) v.hidden = v.id !== view;
  if (changed || !viewsAnnounced) document.dispatchEvent(new CustomEvent('tocsin:view', { detail: view }));
  viewsAnnounced = true;
}
let viewsAnnounced = false;

// Reads the whole state from the URL: on load and whenever Back or Forward lands on an entry.
function applyUrl() {
  const p = new URLSearchParams(location.search);
  state.q = p.get('q') || '';
  const sort = p.get('sort');
  state.sort = sort && [...document.getElementById('sort').options].some(o => o.value === sort) ? sort
    : (state.q ? 'relevance' : 'newest');
  state.offset = Math.max(0, Math.min(10000, parseInt(p.get('offset') || '0', 10) || 0));
  for (const f of FACETS) filters[f.param] = new Set((p.get(f.param) || '').split(',').filter(v => v));
  for (const k of SCORE_PARAMS) {
    const v = p.get(k);
    if (v !== null && v !== '' && !isNaN(Number(v))) mins[k] = Number(v); else delete mins[k];
  }
  document.getElementById('q').value = state.q;
  document.getElementById('sort').value = state.sort;
  syncScoreInputs();
  showView((p.get('view') || 'search') + '-view');
  search();
  const post = p.get('post');
  const slash = post ? post.indexOf('/') : -1;
  if (slash > 0) {
    state.post = post;
    window.tocsin.renderDetail(post.slice(0, slash), post.slice(slash + 1));
    document.body.classList.add('detail-open');
  } else {
    closeDetail(false);
  }
}

// Opens a post in the detail panel, as a new history entry.
let opener = null;
function openPost(platform, id) {
  opener = document.activeElement;
  state.post = platform + '/' + id;
  navigate();
  document.body.classList.add('detail-open');
  window.tocsin.renderDetail(platform, id);
  document.getElementById('close-detail').focus({ preventScroll: true });
}

function closeDetail(push) {
  const box = document.getElementById('detail');
  const wasOpen = !box.hidden;
  box.hidden = true;
  document.body.classList.remove('detail-open');
  state.post = null;
  if (push && wasOpen) navigate();
  if (wasOpen && opener && document.contains(opener)) opener.focus();
  opener = null;
}


window.tocsin = { el, bar, bandFor, bandBadge, bandMeaning, loadBands, fmtTime, getJson, request, authHeaders, showDetail: openPost, openPost, closeDetail, hasRole, whoAmI, navigate, applyUrl };

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
  document.getElementById('search-form').addEventListener('submit', ev => {
    ev.preventDefault();
    state.q = document.getElementById('q').value;
    state.sort = document.getElementById('sort').value;
    state.offset = 0;
    navigate();
    search();
  });
  document.getElementById('sort').addEventListener('change', () => {
    state.sort = document.getElementById('sort').value;
    state.offset = 0;
    navigate();
    search();
  });
  for (const input of document.querySelectorAll('#score-filters input')) {
    input.addEventListener('change', () => {
      const v = input.value.trim();
      if (v !== '' && !(Number(v) >= 0 && Number(v) <= 1)) {
        input.setCustomValidity('a score between 0 and 1');
        input.reportValidity();
        return;
      }
      input.setCustomValidity('');
      setMin(input.dataset.param, v === '' ? undefined : v);
    });
  }
  document.getElementById('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); navigate(); search(); });
  document.getElementById('next').addEventListener('click', () => { state.offset += PAGE; navigate(); search(); });
  document.getElementById('close-detail').addEventListener('click', () => closeDetail(true));
  document.addEventListener('keydown', ev => {
    if (ev.key === 'Escape' && !document.getElementById('detail').hidden) {
      ev.preventDefault();
      closeDetail(true);
    }
  });
  const tabs = [...document.querySelectorAll('.tab')];
  for (const tab of tabs) {
    tab.addEventListener('click', () => {
      closeDetail(false);
      showView(tab.dataset.view);
      navigate();
    });
    // arrow keys move between tabs, as the ARIA tabs pattern asks
    tab.addEventListener('keydown', ev => {
      const i = tabs.indexOf(tab);
      const next = ev.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length]
        : ev.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : null;
      if (next) { ev.preventDefault(); next.focus(); next.click(); }
    });
  }
  // signing out forgets the key in this tab; a fresh page forgets everything shown with it
  document.getElementById('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(KEY_ITEM);
    location.replace(location.pathname);
  });
  window.addEventListener('popstate', applyUrl);
  // a sign-in link opened in a tab already on the dashboard changes only the fragment
  window.addEventListener('hashchange', () => {
    if (takeKeyFromFragment()) {
      document.getElementById('login').hidden = true;
      whoAmI();
      search();
    }
  });
  health();
  setInterval(health, 10000);
  whoAmI();
  applyUrl();
});
