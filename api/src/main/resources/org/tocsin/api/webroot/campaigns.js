// Tocsin dashboard: the campaigns view. Account names and shared objects are hostile input:
// they reach the page only as text nodes or as Cytoscape labels (drawn on a canvas, not HTML).
'use strict';

(() => {
  let loaded = false;

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
      if (wanted) showCampaign(wanted === 'first' && r.campaigns.length ? r.campaigns[0].id : wanted, wanted === 'first');
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

  // "@handle" of an account when the campaign's profiles know it, else its id.
  function who(c, account) {
    const p = c.profiles && c.profiles[account];
    return p && p.handle ? '@' + p.handle : account;
  }

  function edgeTable(c) {
    const { el, showDetail, fmtTime } = window.tocsin;
    const edgeRows = [el('tr', {}, el('th', {}, 'accounts'), el('th', {}, 'what they shared'), el('th', {}, 'how often'),
      el('th', {}, 'shared objects'), el('th', {}, 'time between their posts'), el('th', {}, 'the posts (open them)'))];
    for (const e of c.edges) {
      for (const s of e.signals) {
        const evidence = el('td', {});
        for (const sample of s.samples.slice(0, 2)) {
          for (const ref of [sample.first, sample.second]) {
            const a = el('button', { type: 'button', class: 'link evidence-ref',
              title: ref.evidence ? 'ledger seq ' + ref.evidence.seq : ref.platform + '/' + ref.id },
            'post ' + (ref.evidence ? 'captured ' + fmtTime(ref.evidence.capturedAt) : ref.platform + '/' + ref.id));
            a.addEventListener('click', () => showDetail(ref.platform, ref.id));
            evidence.appendChild(a);
          }
        }
        const gap = s.gapSeconds.min === s.gapSeconds.max ? s.gapSeconds.min + ' s apart'
          : s.gapSeconds.min + ' to ' + s.gapSeconds.max + ' s apart';
        edgeRows.push(el('tr', {}, el('td', {}, who(c, e.source) + ' and ' + who(c, e.target)), el('td', {}, s.signal),
          el('td', {}, s.coShares + ' times'), el('td', { class: 'mono' }, s.objects.slice(0, 3).join(' · ')),
          el('td', {}, gap), evidence));
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

  function drawGraph(c, onSelect) {
    window.tocsin.campaignGraph.draw(document.getElementById('campaign-graph'), c.accounts, c.edges, c.profiles,
      onSelect || (() => {}));
  }

  // Puts the open campaign in the URL (a new history entry), so that Back and shared links work.
  function remember(id) {
    const p = new URLSearchParams(location.search);
    if (p.get('view') === 'campaigns' && p.get('campaign') === id) return;
    history.pushState(null, '', '?' + new URLSearchParams({ view: 'campaigns', campaign: id }));
  }

  async function showCampaign(id, push) {
    const { el, fmtTime, getJson, request } = window.tocsin;
    const box = document.getElementById('campaign-detail');
    const head = document.getElementById('campaign-head');
    const body = document.getElementById('campaign-body');
    const account = document.getElementById('campaign-account');
    if (push !== false) remember(id);
    box.hidden = false;
    account.hidden = true;
    head.replaceChildren(el('p', {}, 'loading…'));
    body.replaceChildren();
    try {
      const c = await getJson('/api/v1/campaigns/' + encodeURIComponent(id));
      if (c.source === 'live') {
        showLive(c, head, body);
        box.scrollIntoView({ behavior: 'smooth', block: 'start' });
        return;
      }
      const reading = window.tocsin.campaignReading;
      const a = await request('GET', '/api/v1/campaigns/' + encodeURIComponent(id) + '/attribution').catch(() => null);
      head.replaceChildren(
        el('h2', {}, 'Campaign ' + c.id),
        el('p', {}, c.accounts.length + ' accounts · ' + c.posts.length + ' coordinated posts · '
          + fmtTime(c.firstPost) + ' – ' + fmtTime(c.lastPost) + ' · strength ' + c.strength.toFixed(2)
          + ' · reach ' + c.reach.toLocaleString() + ' followers · signals: ' + signalsText(c.signals)),
        reading.actions(c),
        a ? reading.why(a) : el('p', { class: 'status error' }, 'the attribution summary could not be read'),
        el('h3', {}, 'Accounts'),
        el('p', { class: 'help' }, 'Each circle is an account (its size: its posts in the campaign), each line a repeated tie. Click an account, here or in the list, to read its posts.'));
      const select = acc => {
        window.tocsin.campaignGraph.select(acc);
        reading.accountPosts(acc, c.profiles && c.profiles[acc], c);
      };
      drawGraph(c, acc => reading.accountPosts(acc, c.profiles && c.profiles[acc], c));
      const list = el('ul', { class: 'account-list chips' }, ...c.accounts.map(acc => {
        const n = c.profiles && c.profiles[acc] ? c.profiles[acc].posts.length : 0;
        const b = el('button', { type: 'button', class: 'chip account', 'data-account': acc },
          window.tocsin.campaignGraph.accountLabel(acc, c.profiles && c.profiles[acc]).replace('\n', ' ') + ' (' + n + ')');
        b.addEventListener('click', () => select(acc));
        return el('li', {}, b);
      }));
      body.replaceChildren(
        list,
        el('h3', {}, 'Timeline'), reading.timeline(c.timeline),
        el('h3', {}, 'Languages and targets'),
        el('p', {}, 'languages: ' + (Object.entries(c.harm.languages).map(([k, v]) => k + ' ' + v).join(', ') || '—')
          + ' · targets: ' + (Object.entries(c.harm.targets).map(([k, v]) => k + ' ' + v).join(', ') || '—')
          + ' · hate ' + share(c.harm.hateShare) + ' · incitement ' + share(c.harm.incitementShare)),
        el('details', { class: 'edges' }, el('summary', {}, 'Every tie between two accounts and the posts behind it'), edgeTable(c)));
      box.scrollIntoView({ behavior: 'smooth', block: 'start' });
    } catch (e) {
      head.replaceChildren(el('p', { class: 'status error' }, e.message));
    }
  }

  // Back and Forward within the campaigns view: open or close the campaign the URL names.
  function followUrl() {
    const p = new URLSearchParams(location.search);
    if (p.get('view') !== 'campaigns' || !loaded) return;
    const id = p.get('campaign');
    if (id) showCampaign(id, false); else document.getElementById('campaign-detail').hidden = true;
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('close-campaign').addEventListener('click', () => {
      document.getElementById('campaign-detail').hidden = true;
      history.pushState(null, '', '?view=campaigns');
    });
  });
  window.addEventListener('popstate', followUrl);
  document.addEventListener('tocsin:view', ev => {
    if (ev.detail === 'campaigns-view' && !loaded) loadList();
  });
  window.tocsin.showCampaign = showCampaign;
})();
