// Tocsin dashboard: the overview. Volume over time split by target group (SVG drawn with DOM
// calls, no inline script or style), facets, latest alerts and source health. Values from posts
// are hostile: they reach the page as text nodes or SVG <title> text only.
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

  async function range() {
    const { getJson } = window.tocsin;
    const newest = await getJson('/api/v1/posts/search?sort=newest&limit=1');
    const oldest = await getJson('/api/v1/posts/search?sort=oldest&limit=1');
    if (!newest.hits.length) return null;
    const to = new Date(newest.hits[0].post.createdAt);
    const from = new Date(oldest.hits[0].post.createdAt);
    to.setUTCDate(to.getUTCDate() + 1);
    return { from: day(from), to: day(to) };
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
    const w = 1000, ht = 200, pad = 20;
    chart.setAttribute('viewBox', '0 0 ' + w + ' ' + (ht + pad));
    chart.setAttribute('preserveAspectRatio', 'none');
    const max = Math.max(1, ...total.map(b => b.count));
    const bw = w / Math.max(1, total.length);
    total.forEach((b, i) => {
      const x = i * bw;
      let y = ht;
      const bar = (count, color, label) => {
        const hgt = ht * count / max;
        if (hgt <= 0) return;
        y -= hgt;
        const r = svg('rect', { x: x + 0.5, y, width: Math.max(1, bw - 1), height: hgt, fill: color });
        const t = svg('title', {});
        t.textContent = label;
        r.appendChild(t);
        chart.appendChild(r);
      };
      let rest = b.count;
      series.forEach((s, k) => {
        const c = s.bins[i].count;
        rest -= c;
        bar(c, COLORS[k], s.value + ': ' + c + ' posts from ' + b.start.slice(0, 10) + ' (' + b.days + ' days)');
      });
      bar(Math.max(0, rest), '#dadce0', 'no or other target: ' + Math.max(0, rest) + ' posts from ' + b.start.slice(0, 10));
    });
    const axis = svg('text', { x: 2, y: ht + 15, 'font-size': 12, fill: '#5f6368' });
    axis.textContent = h.from.slice(0, 10) + ' … ' + h.to.slice(0, 10) + ' · peak ' + max + ' posts per bar';
    chart.appendChild(axis);
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

  function facetTable(id, counts) {
    const { el } = window.tocsin;
    const rows = (counts ? counts.top : []).map(v => el('tr', {}, el('td', {}, v.value), el('td', {}, v.count.toLocaleString())));
    document.getElementById(id).replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', {}, '—'))]));
  }

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
      let from = document.getElementById('ov-from').value;
      let to = document.getElementById('ov-to').value;
      if (!from || !to) {
        const r = await range();
        if (!r) { status.textContent = 'no posts yet'; return; }
        from = r.from; to = r.to;
        document.getElementById('ov-from').value = from;
        document.getElementById('ov-to').value = to;
      }
      const q = document.getElementById('ov-q').value;
      const common = 'q=' + encodeURIComponent(q) + '&from=' + from + '&to=' + to;
      const [h, f] = await Promise.all([
        getJson('/api/v1/stats/histogram?' + common + '&interval=day&split=target'),
        getJson('/api/v1/stats/facets?' + common + '&facets=target,label,lang,platform&top=8'),
      ]);
      drawVolume(h);
      facetTable('facet-target', f.facets.target);
      facetTable('facet-label', f.facets.label);
      facetTable('facet-lang', f.facets.language);
      facetTable('facet-platform', f.facets.platform);
      status.textContent = h.total.toLocaleString() + ' posts from ' + from + ' to ' + to;
      loaded = true;
    } catch (e) {
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
