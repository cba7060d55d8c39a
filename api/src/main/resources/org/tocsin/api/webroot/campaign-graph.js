// Tocsin dashboard: a campaign's coordination graph (Cytoscape.js on a canvas). Each node is an
// account, labelled with its display name and handle (canvas text, not HTML); a click or tap on a
// node calls back with the account. Labels never overlap: after the force layout the labels' boxes
// are compared, and if any two touch the nodes are laid out on a grid whose cells fit the labels.
// No inline style: the page links app.css under the id Cytoscape looks for before it would inject
// its own <style> element (see index.html), which the Content-Security-Policy forbids.
'use strict';

(() => {
  let graph = null;

  // "Display Name\n@handle", "@handle", or the account id when nothing else is known.
  function accountLabel(id, profile) {
    const handle = profile && profile.handle ? '@' + profile.handle : null;
    const name = profile && profile.displayName ? profile.displayName : null;
    if (name && handle) return name + '\n' + handle;
    return handle || name || id;
  }

  function overlaps(cy) {
    const boxes = cy.nodes().map(n => n.boundingBox({ includeLabels: true, includeNodes: true, includeOverlays: false }));
    let count = 0;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) count++;
      }
    }
    return count;
  }

  // Draws accounts and edges into container; onSelect(accountId) on a node click or tap.
  function draw(container, accounts, edges, profiles, onSelect) {
    if (graph) { graph.destroy(); graph = null; }
    container.replaceChildren();
    if (typeof cytoscape !== 'function') {
      container.textContent = 'graph library not loaded';
      return null;
    }
    const posts = a => (profiles && profiles[a] && profiles[a].posts ? profiles[a].posts.length : 0);
    const nodes = accounts.map(a => ({ data: { id: 'a:' + a, account: a, label: accountLabel(a, profiles && profiles[a]), posts: posts(a) } }));
    const links = edges.map((e, i) => ({ data: { id: 'e' + i, source: 'a:' + e.source, target: 'a:' + e.target, weight: e.weight } }));
    graph = cytoscape({
      container,
      elements: nodes.concat(links),
      minZoom: 0.3,
      maxZoom: 2.5,
      wheelSensitivity: 0.3,
      style: [
        { selector: 'node', style: {
          'background-color': '#b3261e', label: 'data(label)', 'font-size': 11, color: '#1d1d1f',
          width: 'mapData(posts, 0, 60, 14, 30)', height: 'mapData(posts, 0, 60, 14, 30)',
          'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-y': 3,
          'text-wrap': 'wrap', 'text-max-width': 120,
          'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 1 } },
        { selector: 'node:selected', style: { 'background-color': '#1a73e8', 'border-width': 3, 'border-color': '#0b4aa2' } },
        { selector: 'edge', style: { width: 'mapData(weight, 1, 20, 1, 6)', 'line-color': '#9aa0a6', opacity: 0.8 } },
      ],
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: 12000, idealEdgeLength: 110,
        nodeOverlap: 30, nodeDimensionsIncludeLabels: true, padding: 24 },
    });
    const cy = graph;
    const toGrid = (spacingFactor = 1) => {
      cy.layout({ name: 'grid', avoidOverlap: true, avoidOverlapPadding: 16, nodeDimensionsIncludeLabels: true,
        padding: 24, animate: false, condense: false, spacingFactor }).run();
      container.dataset.layout = 'grid';
    };
    if (overlaps(cy) > 0) {
      toGrid();
    } else {
      container.dataset.layout = 'cose';
    }
    // Label sizes are measured with the page's font, which may load after the first layout: look
    // again once fonts are ready and two frames are drawn, then say the layout is settled.
    const settle = () => {
      if (graph !== cy) return;
      // a grid whose cells were sized before the labels were measured is spread out until clear
      for (let f = 1; overlaps(cy) > 0 && f <= 3; f += 0.5) toGrid(f);
      container.dataset.overlaps = String(overlaps(cy));
      container.dataset.settled = 'true';
    };
    Promise.resolve(document.fonts ? document.fonts.ready : null)
      .then(() => requestAnimationFrame(() => requestAnimationFrame(settle)));
    graph.on('tap', 'node', ev => {
      graph.nodes().unselect();
      ev.target.select();
      onSelect(ev.target.data('account'));
    });
    container.dataset.nodes = String(nodes.length);
    container.dataset.edges = String(links.length);
    container.dataset.overlaps = String(overlaps(graph));
    delete container.dataset.settled;
    return graph;
  }

  // Marks an account's node as selected (when it was chosen from the list instead of the graph).
  function select(account) {
    if (!graph) return;
    graph.nodes().unselect();
    graph.getElementById('a:' + account).select();
  }

  window.tocsin.campaignGraph = { draw, select, accountLabel, current: () => graph };
})();
