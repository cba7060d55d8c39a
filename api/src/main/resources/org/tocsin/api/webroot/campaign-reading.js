// Tocsin dashboard: what makes a batch campaign readable. A timeline on a dated time axis (SVG
// built with DOM calls), "why these accounts" in plain words with the organic baseline of what they
// shared, one account's posts when its node is chosen, and the buttons that open the campaign's
// posts in Search and export them. Names, texts and objects are hostile: text nodes only.
'use strict';

(() => {
  const SVG = 'http://www.w3.org/2000/svg';

  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    return e;
  }

  function day(iso) { return String(iso).slice(0, 10); }

  // Posts per bucket on a time axis: bars, a baseline, up to five dated ticks and the scale.
  function timeline(buckets) {
    const { el, fmtTime } = window.tocsin;
    const chart = svg('svg', { class: 'timeline-chart', id: 'campaign-timeline', role: 'img',
      'aria-label': 'the campaign\'s posts over time' });
    const w = 1000, ht = 120, pad = 26;
    chart.setAttribute('viewBox', '0 0 ' + w + ' ' + (ht + pad));
    chart.setAttribute('preserveAspectRatio', 'none');
    if (!buckets.length) return el('p', { class: 'meta' }, 'no posts');
    const t0 = Date.parse(buckets[0].start);
    const step = buckets.length > 1 ? Date.parse(buckets[1].start) - t0 : 3600000;
    const t1 = Date.parse(buckets[buckets.length - 1].start) + step;
    const x = t => (t - t0) / Math.max(1, t1 - t0) * w;
    const max = Math.max(1, ...buckets.map(b => b.posts));
    for (const b of buckets) {
      const s = Date.parse(b.start);
      const hgt = ht * b.posts / max;
      if (hgt <= 0) continue;
      const r = svg('rect', { x: x(s) + 0.5, y: ht - hgt, width: Math.max(1, x(s + step) - x(s) - 1), height: hgt, fill: '#5f6368', class: 'bucket' });
      const title = svg('title', {});
      title.textContent = fmtTime(b.start) + ': ' + b.posts + (b.posts === 1 ? ' post' : ' posts');
      r.appendChild(title);
      chart.appendChild(r);
    }
    chart.appendChild(svg('line', { x1: 0, y1: ht + 0.5, x2: w, y2: ht + 0.5, stroke: '#9aa0a6' }));
    const sameDay = day(buckets[0].start) === day(new Date(t1 - 1).toISOString());
    const ticks = 5;
    for (let k = 0; k < ticks; k++) {
      const t = t0 + k * (t1 - t0) / (ticks - 1);
      const xx = x(t);
      chart.appendChild(svg('line', { x1: xx, y1: ht, x2: xx, y2: ht + 5, stroke: '#5f6368' }));
      const iso = new Date(t).toISOString();
      const label = svg('text', { x: Math.min(w - 110, Math.max(0, xx - 40)), y: ht + 19, 'font-size': 12, fill: '#5f6368', class: 'tick' });
      label.textContent = sameDay ? iso.slice(11, 16) + ' UTC' : iso.slice(0, 10) + ' ' + iso.slice(11, 16);
      chart.appendChild(label);
    }
    const scale = svg('text', { x: w - 4, y: 13, 'font-size': 12, fill: '#5f6368', 'text-anchor': 'end' });
    scale.textContent = 'tallest bar: ' + max + ' posts in ' + duration(step) + (sameDay ? ' · ' + day(buckets[0].start) : '');
    chart.appendChild(scale);
    chart.dataset.buckets = String(buckets.length);
    return chart;
  }

  function duration(ms) {
    const m = Math.round(ms / 60000);
    return m < 120 ? m + ' min' : m < 2880 ? Math.round(m / 60) + ' h' : Math.round(m / 1440) + ' days';
  }

  // "Why these accounts": the attribution's grade, summary and reasons, the baseline of what they
  // shared, and what it cannot show.
  function why(a) {
    const { el } = window.tocsin;
    const b = a.baseline;
    const rows = (b ? b.objects : []).map(o => el('tr', { class: 'baseline-object' },
      el('td', {}, signalName(o.signal)), el('td', { class: 'mono' }, o.label),
      el('td', {}, o.campaignAccounts + ' of ' + b.campaignAccounts + ' (' + posts(o.campaignPosts) + ')'),
      el('td', {}, o.otherAccounts.toLocaleString() + ' of ' + Math.max(0, b.accountsInData - b.campaignAccounts).toLocaleString()
        + ' (' + posts(o.otherPosts) + ')')));
    return el('section', { id: 'campaign-why', class: 'why', 'data-grade': a.grade },
      el('h3', {}, 'Why these accounts'),
      el('p', {}, el('span', { class: 'grade grade-' + a.grade }, a.grade + ' evidence of coordination'), ' ', a.summary),
      el('ul', { class: 'reasons' }, ...a.reasons.map(r => el('li', {}, r))),
      el('h4', {}, 'Is what they shared unusual?'),
      el('p', { id: 'campaign-baseline', class: 'baseline' }, b ? b.summary : 'no baseline computed'),
      rows.length ? el('table', { class: 'campaigns baseline-table' },
        el('tr', {}, ...['signal', 'what they shared', 'campaign accounts that posted it', 'other accounts that posted it'].map(h => el('th', {}, h))),
        ...rows) : null,
      el('details', {}, el('summary', {}, 'What this does not show'),
        el('ul', {}, ...a.limits.map(l => el('li', {}, l)))));
  }

  function posts(n) { return n.toLocaleString() + (n === 1 ? ' post' : ' posts'); }

  function signalName(s) {
    return { text: 'near-identical text', url: 'the same link', hashtags: 'the same hashtags',
      media: 'the same media file', repost: 'reposts of the same post', burst: 'posting in the same burst' }[s] || s;
  }

  // One account's posts in the campaign, each opening the post detail; and its posts in Search.
  function accountPosts(account, profile, c) {
    const { el, fmtTime, openPost, campaignGraph } = window.tocsin;
    const box = document.getElementById('campaign-account');
    const posts = profile && profile.posts ? profile.posts : [];
    const rows = posts.map(p => {
      const b = el('button', { type: 'button', class: 'link' }, fmtTime(p.createdAt));
      b.addEventListener('click', () => openPost(p.platform, p.id));
      return el('tr', { class: 'account-post' }, el('td', {}, b),
        el('td', {}, el('span', { class: 'badge ' + p.label }, p.label)), el('td', { class: 'text' }, p.text));
    });
    const search = el('button', { type: 'button', class: 'account-search' }, 'Open all of this account\'s posts in Search');
    search.addEventListener('click', () => openSearch('author.id:' + quote(account)));
    box.replaceChildren(
      el('h4', {}, campaignGraph.accountLabel(account, profile).replace('\n', ' · ')
        + (profile && profile.followers !== undefined ? ' · ' + profile.followers.toLocaleString() + ' followers' : '')),
      el('p', { class: 'meta' }, posts.length + ' of the campaign\'s ' + c.posts.length + ' posts are this account\'s; account id ' + account),
      search,
      el('table', { class: 'campaigns account-posts' }, el('tr', {}, ...['when (opens the post)', 'label', 'text'].map(h => el('th', {}, h))), ...rows));
    box.hidden = false;
    box.dataset.account = account;
  }

  function quote(v) { return '"' + String(v).replace(/[\\"]/g, ch => '\\' + ch) + '"'; }

  // The query for the campaign's posts: its accounts' posts over the campaign's days.
  function searchQuery(c) {
    return 'author.id:(' + c.accounts.map(quote).join(' OR ') + ') AND createdAt:[' + day(c.firstPost) + ' TO ' + day(c.lastPost) + ']';
  }

  function openSearch(q) {
    history.pushState(null, '', '?' + new URLSearchParams({ q }));
    window.tocsin.applyUrl();
  }

  // Open in Search (everyone) and export the campaign's own posts (prosecutors and admins).
  function actions(c) {
    const { el, hasRole, exportForm } = window.tocsin;
    const q = searchQuery(c);
    const search = el('button', { type: 'button', id: 'campaign-search' }, 'Open these posts in Search');
    search.addEventListener('click', () => openSearch(q));
    const box = el('div', { class: 'campaign-actions' },
      search, el('span', { class: 'meta' }, ' the posts of its ' + c.accounts.length + ' accounts from '
        + day(c.firstPost) + ' to ' + day(c.lastPost) + ', its ' + c.posts.length + ' coordinated posts among them'));
    if (hasRole('prosecutor', 'admin')) {
      const form = exportForm(c.posts.map(p => p.platform + '/' + p.id));
      form.id = 'campaign-export';
      box.append(el('p', { class: 'help' }, 'Export this campaign: its ' + c.posts.length
        + ' coordinated posts (originals, inclusion proofs and custody log) in one BagIt bundle.'), form);
    }
    return box;
  }

  window.tocsin.campaignReading = { timeline, why, accountPosts, actions, searchQuery };
})();
