// Tocsin dashboard: the overview. Volume over time split by target group (SVG drawn with DOM
// calls, no inline script or style) on a time axis, facets, latest alerts and source health. Every
// bar and facet value opens the posts behind it in Search. Values from posts are hostile: they
// reach the page as text nodes or SVG <title> text only.
'use strict';

(() => {
  const SVG = 'http://www.w3.org/2000/svg';
  const COLORS = ['#b3261e', '#b26a00', '#1a73e8', '#188038', '#8430ce', '#5f6368'];
  const BINS = 90;
  let loaded = false;

  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    return e;
  }

  function day(d) { return d.toISOString().slice(0, 10); }

  // Opens Search on the posts behind a bar or a facet value (a new history entry).
  function openSearch(params) {
    const p = new URLSearchParams(params);
    if (!p.get('q')) p.delete('q');
    history.pushState(null, '', '?' + p);
    window.tocsin.applyUrl();
  }

  function dayAfter(iso, days) {
    const d = new Date(iso);
    d.setUTCDate(d.getUTCDate() + days);
    return day(d);
  }

  // The query of the overview narrowed to some days (createdAt ranges include both ends).
  function withDays(q, first, last) {
    const range = 'createdAt:[' + first + ' TO ' + last + ']';
    return q.trim() ? '(' + q.trim() + ') AND ' + range : range;
  }

  // Folds daily counts into at most BINS equal bins so that any span draws legibly.
  function bin(starts, counts) {
    const n = counts.length;
    const size = Math.max(1, Math.ceil(n / BINS));
    const out = [];
    for (let i = 0; i < n; i += size) {
      let c = 0;
      for (let j = i; j < Math.min(n, i + size); j++) c += counts[j];
      out.push({ start: starts[i], days: Math.min(size, n - i), count: c });
    }
    return out;
  }

  function drawVolume(h) {
    const { el } = window.tocsin;
    const chart = document.getElementById('volume');
    const legend = document.getElementById('volume-legend');
    chart.replaceChildren();
    legend.replaceChildren();
    const starts = h.buckets.map(b => b.start);
    const total = bin(starts, h.buckets.map(b => b.count));
    const series = (h.series || []).slice(0, COLORS.length - 1).map(s => ({ value: s.value, bins: bin(starts, s.counts) }));
    const w = 1000, ht = 190, pad = 30;
    const q = document.getElementById('ov-q').value;
    chart.setAttribute('viewBox', '0 0 ' + w + ' ' + (ht + pad));
    chart.setAttribute('preserveAspectRatio', 'none');
    const max = Math.max(1, ...total.map(b => b.count));
    const bw = w / Math.max(1, total.length);
    total.forEach((b, i) => {
      const x = i * bw;
      let y = ht;
      const first = b.start.slice(0, 10);
      const last = dayAfter(b.start, b.days - 1);
      const group = svg('g', { class: 'bar-group', tabindex: 0, role: 'link',
        'aria-label': b.count + ' posts from ' + first + (b.days > 1 ? ' to ' + last : '') + ': open in Search' });
      const open = () => openSearch({ q: withDays(q, first, last) });
      group.addEventListener('click', open);
      group.addEventListener('keydown', ev => { if (ev.key === 'Enter') { ev.preventDefault(); open(); } });
      chart.appendChild(group);
      const bar = (count, color, label) => {
        const hgt = ht * count / max;
        if (hgt <= 0) return;
        y -= hgt;
        const r = svg('rect', { x: x + 0.5, y, width: Math.max(1, bw - 1), height: hgt, fill: color });
        const t = svg('title', {});
        t.textContent = label;
        r.appendChild(t);
        group.appendChild(r);
      };
      let rest = b.count;
      series.forEach((s, k) => {
        const c = s.bins[i].count;
        rest -= c;
        bar(c, COLORS[k], s.value + ': ' + c + ' posts from ' + b.start.slice(0, 10) + ' (' + b.days + ' days)');
      });
      bar(Math.max(0, rest), '#dadce0', 'no or other target: ' + Math.max(0, rest) + ' posts from ' + b.start.slice(0, 10));
    });
    // the time axis: a line, up to six dated ticks, and the scale of a bar
    chart.appendChild(svg('line', { x1: 0, y1: ht + 0.5, x2: w, y2: ht + 0.5, stroke: '#9aa0a6' }));
    const ticks = Math.min(6, total.length);
    for (let k = 0; k < ticks; k++) {
      const i = Math.round(k * (total.length - 1) / Math.max(1, ticks - 1));
      const x = i * bw + bw / 2;
      chart.appendChild(svg('line', { x1: x, y1: ht, x2: x, y2: ht + 5, stroke: '#5f6368' }));
      const label = svg('text', { x: Math.min(w - 70, Math.max(0, x - 35)), y: ht + 19, 'font-size': 12, fill: '#5f6368', class: 'tick' });
      label.textContent = total[i].start.slice(0, 10);
      chart.appendChild(label);
    }
    const scale = svg('text', { x: w - 4, y: 13, 'font-size': 12, fill: '#5f6368', 'text-anchor': 'end' });
    scale.textContent = 'tallest bar: ' + max + ' posts' + (total[0] && total[0].days > 1 ? ' in ' + total[0].days + ' days' : ' a day');
    chart.appendChild(scale);
    chart.dataset.bars = String(total.length);
    series.forEach((s, k) => {
      const sw = el('span', { class: 'swatch' });
      sw.style.background = COLORS[k];
      legend.appendChild(el('span', {}, sw, s.value));
    });
    const sw = el('span', { class: 'swatch' });
    sw.style.background = '#dadce0';
    legend.appendChild(el('span', {}, sw, 'no or other target'));
  }

  // A facet's top values, each a button that opens its posts in Search.
  function facetTable(id, param, counts) {
    const { el } = window.tocsin;
    const q = document.getElementById('ov-q').value;
    const rows = (counts ? counts.top : []).map(v => {
      const b = el('button', { type: 'button', class: 'link', 'data-value': v.value }, v.value);
      b.addEventListener('click', () => openSearch({ q, [param]: v.value }));
      return el('tr', {}, el('td', {}, b), el('td', {}, v.count.toLocaleString()));
    });
    document.getElementById(id).replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', {}, '—'))]));
  }

  function clear() {
    document.getElementById('volume').replaceChildren();
    document.getElementById('volume').dataset.bars = '0';
    document.getElementById('volume-legend').replaceChildren();
    for (const [id, param] of FACET_TABLES) facetTable(id, param, null);
  }
  const FACET_TABLES = [['facet-target', 'target'], ['facet-label', 'label'], ['facet-lang', 'lang'], ['facet-platform', 'platform']];

  async function alerts() {
    const { el, fmtTime, getJson } = window.tocsin;
    const table = document.getElementById('alert-feed');
    try {
      const first = await getJson('/api/v1/alerts?limit=1');
      const since = Math.max(0, first.total - 10);
      const r = await getJson('/api/v1/alerts?limit=10&since=' + since);
      const rows = r.alerts.reverse().map(a => el('tr', {},
        el('td', {}, fmtTime(a.createdAt)), el('td', {}, a.rule.name),
        el('td', {}, a.post.text.slice(0, 140)), el('td', { class: 'mono' }, 'seq ' + a.evidence.seq)));
      table.replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', {}, 'no alerts yet (rules: /api/v1/alerts/rules)'))]));
    } catch (e) {
      table.replaceChildren(el('tr', {}, el('td', {}, 'alerts: ' + e.message)));
    }
  }

  async function sources() {
    const { el, fmtTime, getJson } = window.tocsin;
    const table = document.getElementById('source-health');
    try {
      const r = await getJson('/api/v1/sources');
      const rows = r.sources.map(s => el('tr', {},
        el('td', {}, s.name), el('td', {}, s.state), el('td', {}, s.lastSuccess ? fmtTime(s.lastSuccess) : 'never'),
        el('td', {}, s.postsPerMinute.toFixed(1) + '/min'), el('td', {}, s.lastError || '')));
      table.replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', {}, 'no live sources configured (crawler.sources in the config)'))]));
    } catch (e) {
      table.replaceChildren(el('tr', {}, el('td', {}, 'sources: ' + e.message)));
    }
  }

  async function load() {
    const { getJson } = window.tocsin;
    const status = document.getElementById('overview-status');
    status.className = 'status';
    status.textContent = 'loading…';
    try {
      // without dates the node covers the matching posts' own range, and says which it took
      const params = new URLSearchParams({ q: document.getElementById('ov-q').value });
      const from = document.getElementById('ov-from').value;
      const to = document.getElementById('ov-to').value;
      if (from) params.set('from', from);
      if (to) params.set('to', dayAfter(to, 1));
      const [h, f] = await Promise.all([
        getJson('/api/v1/stats/histogram?' + params + '&interval=day&split=target'),
        getJson('/api/v1/stats/facets?' + params + '&facets=target,label,lang,platform&top=8'),
      ]);
      if (h.total === 0) {
        clear();
        status.textContent = 'no posts match';
        loaded = true;
        return;
      }
      drawVolume(h);
      facetTable('facet-target', 'target', f.facets.target);
      facetTable('facet-label', 'label', f.facets.label);
      facetTable('facet-lang', 'lang', f.facets.language);
      facetTable('facet-platform', 'platform', f.facets.platform);
      const shownFrom = h.from.slice(0, 10);
      const shownTo = dayAfter(h.to, -1);
      status.textContent = h.total.toLocaleString() + ' posts from ' + shownFrom + ' to ' + shownTo
        + (h.rangeFromData ? ' (all of them: leave the dates empty)' : '')
        + ' · click a bar or a value to open its posts';
      loaded = true;
    } catch (e) {
      clear(); // a bad query must not leave the last good chart on screen
      status.className = 'status error';
      status.textContent = e.message;
    }
    alerts();
    sources();
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('overview-form').addEventListener('submit', ev => { ev.preventDefault(); load(); });
  });
  document.addEventListener('tocsin:view', ev => {
    if (ev.detail === 'overview-view' && !loaded) load();
  });
})();
