// Tocsin dashboard: the evidence page. The latest signed tree head, checked in this browser with
// the Web Crypto API from the signed bytes alone (the Ed25519 signature, the key id as the SHA-256
// of the public key, the signed size and root); an RFC 9162 inclusion check of one capture in a
// signed tree; and the custody history of any ledger record.
//
// What a prosecutor can trust here: the browser recomputes every hash and checks the signature
// itself, so a node that lies about its root or signature fails the check. What it cannot see
// from here: that the public key is the one the node published (compare the key id with the one
// on file) and the record bytes behind a leaf hash; an exported bundle, checked offline with
// `tocsin verify-bundle`, covers both.
'use strict';

(() => {
  const CONTEXT = 'TOCSIN-STH-V1';
  let loaded = false;

  function b64(s) { return Uint8Array.from(atob(s), c => c.charCodeAt(0)); }
  function hex(bytes) { return [...new Uint8Array(bytes)].map(b => b.toString(16).padStart(2, '0')).join(''); }
  function unhex(s) {
    if (!/^([0-9a-f]{2})*$/.test(s)) throw new Error('not hex: ' + s.slice(0, 20));
    const out = new Uint8Array(s.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = parseInt(s.substr(i * 2, 2), 16);
    return out;
  }
  async function sha256(bytes) { return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)); }
  function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) { out.set(p, o); o += p.length; }
    return out;
  }
  function pemToDer(pem) {
    const body = pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
    return b64(body);
  }

  // The signed message: context, version, ledger id (16), tree size (8), root (32), time (8), key id (32).
  function parseSigned(msg) {
    const ctx = new TextDecoder().decode(msg.slice(0, CONTEXT.length));
    if (ctx !== CONTEXT || msg.length !== CONTEXT.length + 97) throw new Error('not a version 1 tree head message');
    const view = new DataView(msg.buffer, msg.byteOffset + CONTEXT.length);
    return {
      version: view.getUint8(0),
      ledgerId: hex(msg.slice(CONTEXT.length + 1, CONTEXT.length + 17)),
      treeSize: Number(view.getBigUint64(17)),
      rootHash: hex(msg.slice(CONTEXT.length + 25, CONTEXT.length + 57)),
      timeMicros: view.getBigUint64(57),
      keyId: hex(msg.slice(CONTEXT.length + 65, CONTEXT.length + 97)),
    };
  }

  // Checks a rendered tree head against a PEM public key; returns a list of [check, ok, detail].
  async function checkHead(head, pem) {
    const checks = [];
    const der = pemToDer(pem);
    const keyId = hex(await sha256(der));
    checks.push(['key id is the SHA-256 of the public key', keyId === head.keyId, keyId]);
    const msg = b64(head.signedMessage);
    let signed;
    try {
      signed = parseSigned(msg);
      checks.push(['signed size is the size shown', signed.treeSize === head.treeSize, String(signed.treeSize)]);
      checks.push(['signed root is the root shown', signed.rootHash === head.rootHash, signed.rootHash]);
      checks.push(['signed key id is the key id shown', signed.keyId === head.keyId, signed.keyId]);
    } catch (e) {
      checks.push(['signed message is well formed', false, e.message]);
    }
    try {
      const key = await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']);
      const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, b64(head.signature), msg);
      checks.push(['Ed25519 signature verifies', ok, ok ? 'valid' : 'INVALID']);
    } catch (e) {
      checks.push(['Ed25519 signature verifies', false, 'this browser could not check it: ' + e.message]);
    }
    return checks;
  }

  // RFC 9162 section 2.1.3.2: the root an inclusion proof leads to, or null if malformed.
  async function rootFromInclusion(leaf, index, size, path) {
    if (index < 0 || index >= size) return null;
    let fn = index, sn = size - 1, r = leaf;
    const node = async (l, rt) => sha256(concat(Uint8Array.of(1), l, rt));
    for (const p of path) {
      if (sn === 0) return null;
      if (fn % 2 === 1 || fn === sn) {
        r = await node(p, r);
        if (fn % 2 === 0) {
          while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
        }
      } else {
        r = await node(r, p);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 ? r : null;
  }

  function checkTable(checks) {
    const { el } = window.tocsin;
    return el('table', { class: 'checks' }, ...checks.map(([what, ok, detail]) =>
      el('tr', { class: ok ? 'ok' : 'bad' }, el('td', {}, ok ? '✔' : '✘'), el('td', {}, what), el('td', { class: 'mono' }, detail))));
  }

  function row(k, v, mono) {
    const { el } = window.tocsin;
    return el('tr', {}, el('td', {}, k), el('td', mono ? { class: 'mono' } : {}, v));
  }

  async function loadHead() {
    const { el, fmtTime, getJson } = window.tocsin;
    const card = document.getElementById('tree-head');
    const status = document.getElementById('head-check');
    status.className = 'status';
    status.textContent = 'checking…';
    try {
      const r = await getJson('/api/v1/evidence/tree-head');
      loaded = true;
      if (!r.treeHead) {
        card.replaceChildren(el('p', {}, 'no tree head signed yet (ledger at seq ' + r.lastSeq + '); the node signs one at its configured interval'));
        status.textContent = '';
        return;
      }
      const h = r.treeHead;
      const stamps = h.timestamps || [];
      const stampRows = stamps.map(t => el('tr', {},
        el('td', {}, t.verified ? '✔' : '✘'), el('td', {}, t.verified ? fmtTime(t.genTime) : t.error),
        el('td', { class: 'mono' }, t.tsa || ''), el('td', { class: 'mono' }, 'ledger seq ' + t.seq)));
      card.replaceChildren(el('table', {},
        row('ledger', r.ledgerId, true),
        row('ledger records', r.lastSeq.toLocaleString()),
        row('tree size signed', h.treeSize.toLocaleString()),
        row('signed at', fmtTime(h.time) + ' (ledger seq ' + h.seq + ')'),
        row('root hash', h.rootHash, true),
        row('key id', h.keyId, true),
        row('signature (Ed25519, base64)', h.signature, true),
        row('public key', el('pre', { class: 'mono' }, r.publicKeyPem)),
        row('RFC 3161 time-stamps', stamps.length ? el('table', {}, ...stampRows) : 'none (no time-stamp authority configured, or not stamped yet)')));
      card.dataset.treeSize = String(h.treeSize);
      const checks = await checkHead(h, r.publicKeyPem);
      const ok = checks.every(c => c[1]);
      status.className = ok ? 'status ok' : 'status error';
      status.dataset.verified = String(ok);
      status.replaceChildren(
        el('p', {}, ok ? 'Tree head verified in this browser: the signature is valid for this key, over the size and root shown.'
          : 'Tree head did NOT verify in this browser: see below.'),
        checkTable(checks));
    } catch (e) {
      status.className = 'status error';
      status.textContent = e.message;
    }
  }

  async function checkInclusion(ev) {
    ev.preventDefault();
    const { el, getJson } = window.tocsin;
    const out = document.getElementById('inclusion-result');
    const seq = Number(document.getElementById('inclusion-seq').value);
    const reason = document.getElementById('inclusion-reason').value;
    out.replaceChildren(el('p', {}, 'checking…'));
    delete out.dataset.verified;
    try {
      const r = await getJson('/api/v1/evidence/' + encodeURIComponent(seq), { 'X-Tocsin-Reason': reason });
      const checks = [];
      const body = b64(r.capture.bodyBase64);
      const bodyHash = hex(await sha256(body));
      checks.push(['SHA-256 of the original bytes is the one recorded', bodyHash === r.capture.bodySha256, bodyHash]);
      const proof = r.inclusionProof;
      if (!proof) {
        checks.push(['a signed tree head covers this record', false, r.note || 'no proof yet']);
      } else {
        const root = await rootFromInclusion(unhex(proof.leafHash), seq - 1, proof.treeSize, proof.auditPath.map(unhex));
        checks.push(['audit path leads to the signed root (RFC 9162)', root !== null && hex(root) === proof.treeHead.rootHash,
          root === null ? 'malformed proof' : hex(root)]);
        checks.push(['proof is for the signed tree size', proof.treeSize === proof.treeHead.treeSize, String(proof.treeSize)]);
        const head = await getJson('/api/v1/evidence/tree-head');
        checks.push(...await checkHead(proof.treeHead, head.publicKeyPem));
      }
      const ok = checks.every(c => c[1]);
      out.dataset.verified = String(ok);
      out.replaceChildren(
        el('p', {}, (ok ? 'Record ' + seq + ' is in the signed tree.' : 'Record ' + seq + ' did NOT verify.')
          + ' Captured from ' + r.capture.url + ' (' + r.capture.format + ', received ' + r.capture.receivedAt + ').'),
        checkTable(checks),
        el('p', { class: 'help' }, 'The leaf hash is SHA-256(0x00 || record bytes); the record bytes themselves are in an export bundle, where tocsin verify-bundle checks them offline.'));
    } catch (e) {
      out.replaceChildren(el('p', { class: 'status error' }, e.message));
    }
  }

  async function showCustody(ev) {
    ev.preventDefault();
    const { custodyInto } = window.tocsin;
    await custodyInto(document.getElementById('custody-result'), document.getElementById('custody-seq').value);
  }

  function roleChanged() {
    const { hasRole } = window.tocsin;
    const may = hasRole('prosecutor', 'admin');
    document.getElementById('inclusion-form').hidden = !may;
    document.getElementById('inclusion-role').hidden = may;
  }

  window.tocsin.evidence = { checkHead, rootFromInclusion };

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('inclusion-form').addEventListener('submit', checkInclusion);
    document.getElementById('custody-form').addEventListener('submit', showCustody);
    roleChanged();
  });
  document.addEventListener('tocsin:me', roleChanged);
  document.addEventListener('tocsin:view', ev => {
    if (ev.detail !== 'evidence-view') return;
    if (!loaded) loadHead();
    // ?view=evidence&seq=N (the post detail's button): the capture to check, filled in
    const seq = new URLSearchParams(location.search).get('seq');
    if (seq && /^[0-9]{1,19}$/.test(seq)) {
      document.getElementById('inclusion-seq').value = seq;
      document.getElementById('custody-seq').value = seq;
      document.getElementById('inclusion-reason').focus();
    }
  });
})();
