// Tocsin dashboard: the campaigns view. Account names and shared objects are hostile input:
// they reach the page only as text nodes or as Cytoscape labels (drawn on a canvas, not HTML).
'use strict';

(() => {
  let loaded = false;
  let graph = null;

  function share(v) { return v === null || v === undefined ? '—' : Math.round(v * 100) + '%'; }

  function signalsText(signals) {
    return Object.entries(signals).filter(([, n]) => n > 0).map(([k, n]) => k + ' ' + n).join(', ');
  }

  async function loadList() {
    const { el, bar, fmtTime, getJson } = window.tocsin;
    const status = document.getElementById('campaigns-status');
    const table = document.getElementById('campaigns-table');
    status.className = 'status';
    status.textContent = 'loading campaigns…';
    try {
      const r = await getJson('/api/v1/campaigns?sort=harm&limit=200');
      if (r.status !== 'ready') {
        status.textContent = r.status === 'failed' ? 'campaign detection failed: ' + r.error
          : 'campaigns are being computed…';
        if (r.status === 'computing') setTimeout(loadList, 2000);
        return;
      }
      loaded = true;
      status.textContent = r.total + ' campaigns among ' + r.posts.toLocaleString() + ' posts of '
        + r.accounts.toLocaleString() + ' accounts (ledger through seq ' + r.throughSeq + ', computed ' + fmtTime(r.computedAt) + ')';
      const head = el('tr', {}, ...['campaign', 'accounts', 'posts', 'when', 'signals', 'strength', 'hate', 'incitement', 'targets']
        .map(h => el('th', {}, h)));
      const rows = r.campaigns.map(c => {
        const tr = el('tr', { class: 'row', tabindex: '0' },
          el('td', { class: 'mono' }, c.id),
          el('td', {}, String(c.accountCount)),
          el('td', {}, String(c.postCount)),
          el('td', {}, fmtTime(c.firstPost) + ' – ' + fmtTime(c.lastPost)),
          el('td', {}, signalsText(c.signals)),
          el('td', {}, bar(c.strength), ' ' + c.strength.toFixed(2)),
          el('td', {}, share(c.harm.hateShare)),
          el('td', {}, share(c.harm.incitementShare)),
          el('td', {}, Object.keys(c.harm.targets).join(', ') || '—'));
        const open = () => showCampaign(c.id);
        tr.addEventListener('click', open);
        tr.addEventListener('keydown', ev => { if (ev.key === 'Enter') open(); });
        return tr;
      });
      table.replaceChildren(head, ...rows);
      renderLive(r.live);
      const wanted = new URLSearchParams(location.search).get('campaign');
      if (wanted) showCampaign(wanted === 'first' && r.campaigns.length ? r.campaigns[0].id : wanted);
    } catch (e) {
      status.className = 'status error';
      status.textContent = e.message;
    }
  }

  // The live list: campaigns the streaming detector tracks now, each opening its detail.
  function renderLive(live) {
    const { el, fmtTime } = window.tocsin;
    const status = document.getElementById('live-status');
    const table = document.getElementById('live-table');
    if (!live || !Array.isArray(live.campaigns) || live.campaigns.length === 0) {
      status.textContent = 'No live campaigns: the streaming detector has found no coordination among the '
        + (live ? live.postsSeen.toLocaleString() : '0') + ' posts indexed since ' + (live ? fmtTime(live.since) : 'start') + '.';
      table.replaceChildren();
      return;
    }
    status.textContent = live.total + ' live campaigns among ' + live.postsSeen.toLocaleString()
      + ' posts indexed since ' + fmtTime(live.since);
    const head = el('tr', {}, ...['live campaign', 'accounts', 'posts', 'co-shares', 'signals', 'strength', 'batch campaign']
      .map(h => el('th', {}, h)));
    const rows = live.campaigns.map(c => {
      const tr = el('tr', { class: 'row live', tabindex: '0' },
        el('td', { class: 'mono' }, c.id),
        el('td', {}, String(c.accountCount)),
        el('td', {}, String(c.postCount)),
        el('td', {}, fmtTime(c.firstCoShare) + ' – ' + fmtTime(c.lastCoShare)),
        el('td', {}, signalsText(c.signals)),
        el('td', {}, c.strength.toFixed(2)),
        el('td', { class: 'mono' }, c.batchId || '—'));
      const open = () => showCampaign(c.id);
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', ev => { if (ev.key === 'Enter') open(); });
      return tr;
    });
    table.replaceChildren(head, ...rows);
  }

  function edgeTable(c) {
    const { el, showDetail } = window.tocsin;
    const edgeRows = [el('tr', {}, el('th', {}, 'accounts'), el('th', {}, 'signal'), el('th', {}, 'co-shares'),
      el('th', {}, 'shared objects'), el('th', {}, 'gap (s)'), el('th', {}, 'evidence'))];
    for (const e of c.edges) {
      for (const s of e.signals) {
        const evidence = el('td', {});
        for (const sample of s.samples.slice(0, 2)) {
          for (const ref of [sample.first, sample.second]) {
            const a = el('button', { type: 'button', class: 'mono' },
              ref.evidence ? 'seq ' + ref.evidence.seq : ref.platform + '/' + ref.id);
            a.addEventListener('click', () => showDetail(ref.platform, ref.id));
            evidence.appendChild(a);
          }
        }
        edgeRows.push(el('tr', {}, el('td', {}, e.source + ' ↔ ' + e.target), el('td', {}, s.signal),
          el('td', {}, String(s.coShares)), el('td', { class: 'mono' }, s.objects.slice(0, 3).join(' · ')),
          el('td', {}, s.gapSeconds.min + '–' + s.gapSeconds.max), evidence));
      }
    }
    return el('table', { class: 'campaigns' }, ...edgeRows);
  }

  // A live campaign's detail: its growth events instead of a post timeline and harm profile.
  function showLive(c, head, body) {
    const { el, fmtTime } = window.tocsin;
    const batch = c.batchId
      ? el('button', { type: 'button', class: 'mono', id: 'live-batch-link' }, c.batchId) : el('span', {}, 'none');
    if (c.batchId) batch.addEventListener('click', () => showCampaign(c.batchId));
    head.replaceChildren(
      el('h2', {}, 'Live campaign ' + c.id),
      el('p', {}, c.accountCount + ' accounts · ' + c.postCount + ' posts · ' + c.edgeCount + ' edges · '
        + fmtTime(c.firstCoShare) + ' – ' + fmtTime(c.lastCoShare) + ' · strength ' + c.strength.toFixed(2)
        + ' · signals: ' + signalsText(c.signals)),
      el('p', {}, 'batch campaign sharing most accounts: ', batch));
    drawGraph(c);
    const eventRows = [el('tr', {}, ...['event', 'at', 'accounts', 'posts', 'new accounts'].map(h => el('th', {}, h)))];
    for (const e of c.events) {
      eventRows.push(el('tr', {}, el('td', {}, e.type), el('td', {}, fmtTime(e.at)), el('td', {}, String(e.accounts)),
        el('td', {}, String(e.posts)), el('td', { class: 'mono' }, e.newAccounts.join(', '))));
    }
    body.replaceChildren(
      el('h3', {}, 'Growth'), el('table', { class: 'campaigns', id: 'live-events' }, ...eventRows),
      el('h3', {}, 'Accounts'), el('p', { class: 'mono' }, c.accounts.join(', ')),
      el('h3', {}, 'Edges and the evidence behind them'), edgeTable(c));
  }

  function drawGraph(c) {
    const container = document.getElementById('campaign-graph');
    if (graph) { graph.destroy(); graph = null; }
    if (typeof cytoscape !== 'function') {
      container.textContent = 'graph library not loaded';
      return;
    }
    const nodes = c.accounts.map(a => ({ data: { id: 'a:' + a, label: a } }));
    const edges = c.edges.map((e, i) => ({ data: { id: 'e' + i, source: 'a:' + e.source, target: 'a:' + e.target, weight: e.weight } }));
    graph = cytoscape({
      container,
      elements: nodes.concat(edges),
      style: [
        { selector: 'node', style: { 'background-color': '#b3261e', label: 'data(label)', 'font-size': 10, color: '#1d1d1f', width: 14, height: 14 } },
        { selector: 'edge', style: { width: 'mapData(weight, 1, 20, 1, 6)', 'line-color': '#9aa0a6', opacity: 0.8 } },
      ],
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: 8000 },
    });
    container.dataset.nodes = String(nodes.length);
    container.dataset.edges = String(edges.length);
  }

  async function showCampaign(id) {
    const { el, fmtTime, getJson } = window.tocsin;
    const box = document.getElementById('campaign-detail');
    const head = document.getElementById('campaign-head');
    const body = document.getElementById('campaign-body');
    box.hidden = false;
    head.replaceChildren(el('p', {}, 'loading…'));
    body.replaceChildren();
    try {
      const c = await getJson('/api/v1/campaigns/' + encodeURIComponent(id));
      if (c.source === 'live') {
        showLive(c, head, body);
        box.scrollIntoView({ behavior: 'smooth', block: 'start' });
        return;
      }
      head.replaceChildren(
        el('h2', {}, 'Campaign ' + c.id),
        el('p', {}, c.accounts.length + ' accounts · ' + c.posts.length + ' posts · '
          + fmtTime(c.firstPost) + ' – ' + fmtTime(c.lastPost) + ' · strength ' + c.strength.toFixed(2)
          + ' · reach ' + c.reach.toLocaleString() + ' followers · signals: ' + signalsText(c.signals)));
      drawGraph(c);
      const max = Math.max(1, ...c.timeline.map(b => b.posts));
      const timeline = el('div', { class: 'timeline', title: 'posts over time' });
      for (const b of c.timeline) {
        const s = el('span', { title: fmtTime(b.start) + ': ' + b.posts + ' posts' });
        s.style.height = Math.round(100 * b.posts / max) + '%';
        timeline.appendChild(s);
      }
      body.replaceChildren(
        el('h3', {}, 'Timeline'), timeline,
        el('h3', {}, 'Accounts'), el('p', { class: 'mono' }, c.accounts.join(', ')),
        el('h3', {}, 'Languages and targets'),
        el('p', {}, 'languages: ' + (Object.entries(c.harm.languages).map(([k, v]) => k + ' ' + v).join(', ') || '—')
          + ' · targets: ' + (Object.entries(c.harm.targets).map(([k, v]) => k + ' ' + v).join(', ') || '—')
          + ' · hate ' + share(c.harm.hateShare) + ' · incitement ' + share(c.harm.incitementShare)),
        el('h3', {}, 'Edges and the evidence behind them'), edgeTable(c));
      box.scrollIntoView({ behavior: 'smooth', block: 'start' });
    } catch (e) {
      head.replaceChildren(el('p', { class: 'status error' }, e.message));
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('close-campaign').addEventListener('click', () => {
      document.getElementById('campaign-detail').hidden = true;
    });
  });
  document.addEventListener('tocsin:view', ev => {
    if (ev.detail === 'campaigns-view' && !loaded) loadList();
  });
  window.tocsin.showCampaign = showCampaign;
})();
