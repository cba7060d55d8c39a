// Tocsin dashboard: the post detail, a panel beside the results (Kibana's document flyout): score
// and incitement band, Rabat factors, explanation, evidence reference, every captured version, the
// posts most like it, the custody history and, for prosecutors and admins, the export. Post text is
// hostile: text nodes only. Shares the globals of app.js (el, getJson, bands ...), loaded before.
'use strict';

function factorRows(factors) {
  const t = el('table', {}, el('tr', {}, el('th', {}, 'Rabat factor'), el('th', {}, 'score'), el('th', {}, 'evidence')));
  for (const name of ['context', 'speaker', 'intent', 'content', 'extent', 'likelihood']) {
    const f = factors[name];
    t.appendChild(el('tr', {}, el('td', {}, name), el('td', {}, bar(f.score), ' ' + f.score.toFixed(2)),
      el('td', {}, f.evidence.length ? f.evidence.join('; ') : '—')));
  }
  return t;
}

async function renderDetail(platform, id) {
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
      copyReference(p, ev),
      hasRole('prosecutor', 'admin') ? inclusionButton(ev.seq) : null,
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
      open.addEventListener('click', () => openPost(h.post.platform, h.post.id));
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
      el('td', {}, fmtTime(e.time)), el('td', {}, e.type), el('td', {}, e.actorName ? e.actorName + ' ' : '', el('span', { class: 'mono' }, '(' + e.actor + ')')),
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

// The evidence reference as text for a case file: a readable block and the same as one JSON line.
function referenceText(p, ev) {
  const ref = { platform: p.platform, id: p.id, author: p.author.handle ? '@' + p.author.handle : p.author.id,
    createdAt: p.createdAt, seq: ev.seq, sha256: ev.sha256, capturedAt: ev.capturedAt };
  if (p.url) ref.url = p.url;
  return 'Tocsin evidence reference\n'
    + 'post: ' + p.platform + '/' + p.id + ' by ' + ref.author + ', posted ' + p.createdAt + '\n'
    + 'ledger seq: ' + ev.seq + '\n'
    + 'SHA-256 of the original bytes: ' + ev.sha256 + '\n'
    + 'captured at: ' + ev.capturedAt + '\n'
    + 'check: tocsin verify (whole ledger) or an export checked with tocsin verify-bundle\n'
    + JSON.stringify(ref) + '\n';
}

// "Copy reference": to the clipboard when the browser allows it; the text is shown either way,
// selected, so that it can be copied by hand.
function copyReference(p, ev) {
  const text = referenceText(p, ev);
  const area = el('textarea', { class: 'reference', readonly: '', rows: '8', 'aria-label': 'evidence reference' });
  area.value = text;
  area.hidden = true;
  const status = el('span', { class: 'meta', 'aria-live': 'polite' });
  const b = el('button', { type: 'button', class: 'copy-reference' }, 'Copy reference');
  b.addEventListener('click', async () => {
    area.hidden = false;
    area.select();
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = 'copied: paste it into the case file';
      status.dataset.copied = 'true';
    } catch (e) {
      status.textContent = 'the browser did not allow copying: the reference is selected below, press Ctrl+C';
      status.dataset.copied = 'false';
    }
  });
  return el('div', { class: 'copy' }, b, ' ', status, area);
}

// Opens the Evidence page with this capture's seq filled in, for the in-browser inclusion check.
function inclusionButton(seq) {
  const b = el('button', { type: 'button', class: 'check-inclusion' }, 'Check this capture against the signed tree');
  b.addEventListener('click', () => {
    history.pushState(null, '', '?view=evidence&seq=' + encodeURIComponent(seq));
    window.tocsin.applyUrl();
  });
  return b;
}

// The export as one zip: fetched with the key and the export's reason (the download is logged in
// custody), its SHA-256 computed here and compared with the one the node stated, then saved.
function downloadButton(r, reason) {
  const name = r.download.slice(r.download.lastIndexOf('/') + 1);
  const box = el('div', { class: 'download' });
  const b = el('button', { type: 'button', class: 'download-button' },
    'Download ' + name + ' (' + (r.downloadBytes / 1024).toFixed(0) + ' KB)');
  const check = el('div', { class: 'meta', 'aria-live': 'polite' });
  b.addEventListener('click', async () => {
    b.disabled = true;
    check.textContent = 'downloading…';
    try {
      const res = await fetch(r.download, { headers: authHeaders({ Accept: 'application/zip', 'X-Tocsin-Reason': reason }) });
      if (!res.ok) {
        const p = await res.json().catch(() => ({}));
        throw new Error(p.detail || ('HTTP ' + res.status));
      }
      const bytes = await res.arrayBuffer();
      const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
        .map(x => x.toString(16).padStart(2, '0')).join('');
      const ok = digest === r.downloadSha256;
      check.className = ok ? 'meta status ok' : 'meta status error';
      check.textContent = 'SHA-256 of the file received, computed in this browser: ' + digest
        + (ok ? ' (matches the node\'s)' : ' (DOES NOT match the node\'s ' + r.downloadSha256 + ')');
      box.dataset.verified = String(ok);
      const a = el('a', { href: URL.createObjectURL(new Blob([bytes], { type: 'application/zip' })), download: name }, 'Save ' + name);
      box.replaceChildren(a, check);
      a.click();
    } catch (e) {
      check.className = 'meta status error';
      check.textContent = 'download failed: ' + e.message;
      b.disabled = false;
    }
  });
  box.append(b, check);
  return box;
}

// Export for prosecutors: a BagIt bundle of the originals, their proofs and the custody log,
// verifiable offline with `tocsin verify-bundle`. The stated reason goes into the custody log.
function exportForm(ids, query) {
  const reason = el('input', { type: 'text', class: 'reason', maxlength: '500', required: '', placeholder: 'e.g. case file 2026/17' });
  const label = el('label', { class: 'reason-label' }, 'Reason for the export (recorded in the custody log)', reason);
  const out = el('div', { class: 'export-result', 'aria-live': 'polite' });
  const form = el('form', { class: 'export' }, label, el('button', { type: 'submit' }, 'Export for prosecutors'), out);
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
        el('tr', {}, el('td', {}, 'check it'), el('td', { class: 'mono' }, 'tocsin verify-bundle ' + r.bagName)),
        el('tr', {}, el('td', {}, 'one file'), el('td', {}, downloadButton(r, reason.value))),
        el('tr', {}, el('td', {}, 'sha256 of the zip'), el('td', { class: 'mono' }, r.downloadSha256))));
      out.dataset.bag = r.bagName;
    } catch (e) {
      out.className = 'export-result status error';
      out.textContent = e.message;
    }
  });
  return form;
}

Object.assign(window.tocsin, { renderDetail, custodyInto, exportForm });
