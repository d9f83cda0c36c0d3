// fashion-kg graph view: builds vis-network items from the page's JSON data block.
// Every string from the data is shown as text (textContent, canvas labels, or a
// string tooltip, which vis-network shows with innerText): nothing is parsed as HTML.
(function () {
  "use strict";
  performance.mark("kg-start");
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var types = data.types, preds = data.predicates;
  var DIM_NODE = { background: "#e8e8e8", border: "#d0d0d0" };
  var DIM_FONT = { color: "rgba(0,0,0,0.2)" }, FONT = { color: "#222" };
  var DIM_EDGE = { color: "rgba(180,180,180,0.25)" };

  function nodeColor(t) {
    return { background: t.color, border: t.color, highlight: { background: t.color, border: "#111" } };
  }
  function edgeColor(p) { return { color: p.color, highlight: p.color, hover: p.color }; }

  var nodeItems = data.nodes.map(function (n, i) {
    var t = types[n[2]];
    return { id: i, iri: n[0], label: n[1], kgType: n[2], shape: t.shape, size: n[3], x: n[4], y: n[5],
             title: n[6], color: nodeColor(t), font: FONT, hidden: false };
  });
  var edgeItems = data.edges.map(function (e, i) {
    var p = preds[e[2]], item = { id: i, from: e[0], to: e[1], kgPred: e[2], label: data.big ? "" : p.name,
                                  title: e[4], color: edgeColor(p), hidden: false };
    if (e[0] === e[1]) item.selfReference = { angle: Math.PI / 4 + e[3] * Math.PI / 2 };  // e[3]: loop number
    else if (e[3]) item.smooth = { enabled: true, type: e[3] > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(e[3]) };
    return item;
  });
  var nodes = new vis.DataSet(nodeItems), edges = new vis.DataSet(edgeItems);
  var options = {
    autoResize: true,
    layout: { improvedLayout: false },
    physics: data.physics ? {
      enabled: true, solver: "barnesHut",
      barnesHut: { gravitationalConstant: -4000, springLength: 140, springConstant: 0.03, damping: 0.4, avoidOverlap: 0.1 },
      stabilization: { enabled: true, iterations: data.iterations, updateInterval: 50, fit: true }
    } : { enabled: false },
    interaction: { tooltipDelay: 150, hideEdgesOnDrag: data.big, hideEdgesOnZoom: data.big, keyboard: false },
    nodes: { borderWidth: 1, font: { size: 14, face: "sans-serif", strokeWidth: 3, strokeColor: "#ffffff" } },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, smooth: false, width: 1, selectionWidth: 2,
             font: { size: 10, align: "horizontal", color: "#555", strokeWidth: 3, strokeColor: "#ffffff" } }
  };
  var container = document.getElementById("kg-graph");
  performance.mark("kg-items");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  performance.mark("kg-network");

  function ready() {
    network.once("afterDrawing", function () {
      performance.mark("kg-ready");
      document.documentElement.setAttribute("data-kg-ready", "true");
    });
    network.redraw();
  }

  // Neighbourhood highlight: dim everything but the node and its neighbours.
  // Large graphs select the neighbourhood instead: one redraw, no per-item updates.
  var focused = null, labelled = [];
  function highlight(id) {
    focused = id;
    if (data.big) {  // and label only this node's edges: drawing every edge label is slow
      var around = network.getConnectedNodes(id), links = network.getConnectedEdges(id);
      around.push(id);
      edges.update(labelled.map(function (e) { return { id: e, label: "" }; }).concat(
        links.map(function (e) { return { id: e, label: preds[edges.get(e).kgPred].name }; })));
      labelled = links;
      network.setSelection({ nodes: around, edges: links }, { unselectAll: true, highlightEdges: false });
      return;
    }
    var near = new Set(network.getConnectedNodes(id)); near.add(id);
    var nearEdges = new Set(network.getConnectedEdges(id));
    var nu = [], eu = [];
    nodes.forEach(function (n) {
      var dim = !near.has(n.id);
      if (dim !== !!n.kgDim) nu.push({ id: n.id, kgDim: dim, color: dim ? DIM_NODE : nodeColor(types[n.kgType]), font: dim ? DIM_FONT : FONT });
    });
    edges.forEach(function (e) {
      var dim = !nearEdges.has(e.id);
      if (dim !== !!e.kgDim) eu.push({ id: e.id, kgDim: dim, color: dim ? DIM_EDGE : edgeColor(preds[e.kgPred]) });
    });
    nodes.update(nu); edges.update(eu);
  }
  function clearHighlight() {
    focused = null;
    if (data.big) {
      edges.update(labelled.map(function (e) { return { id: e, label: "" }; }));
      labelled = [];
      network.unselectAll();
      return;
    }
    nodes.update(nodes.get({ filter: function (n) { return n.kgDim; } }).map(function (n) {
      return { id: n.id, kgDim: false, color: nodeColor(types[n.kgType]), font: FONT };
    }));
    edges.update(edges.get({ filter: function (e) { return e.kgDim; } }).map(function (e) {
      return { id: e.id, kgDim: false, color: edgeColor(preds[e.kgPred]) };
    }));
  }
  network.on("click", function (params) {
    if (params.nodes.length) highlight(params.nodes[0]); else if (focused !== null) clearHighlight();
  });

  // Type and predicate filters.
  var hiddenTypes = new Set(), hiddenPreds = new Set();
  function applyFilters() {
    var nu = [], eu = [], shownNodes = 0, shownEdges = 0;
    nodes.forEach(function (n) {
      var hide = hiddenTypes.has(n.kgType);
      if (hide !== n.hidden) nu.push({ id: n.id, hidden: hide });
      if (!hide) shownNodes++;
    });
    nodes.update(nu);
    edges.forEach(function (e) {
      var hide = hiddenPreds.has(e.kgPred) || nodes.get(e.from).hidden || nodes.get(e.to).hidden;
      if (hide !== e.hidden) eu.push({ id: e.id, hidden: hide });
      if (!hide) shownEdges++;
    });
    edges.update(eu);
    document.getElementById("kg-count").textContent =
      shownNodes.toLocaleString("en") + " of " + nodes.length.toLocaleString("en") + " nodes, " +
      shownEdges.toLocaleString("en") + " of " + edges.length.toLocaleString("en") + " edges shown";
  }
  function legendRow(box, row, index, hiddenSet, swatch) {
    var label = document.createElement("label"), check = document.createElement("input");
    var name = document.createElement("span"), count = document.createElement("span");
    check.type = "checkbox"; check.checked = true; check.value = row.name;
    check.setAttribute("data-kg-filter", box.id === "kg-types" ? "type" : "predicate");
    check.addEventListener("change", function () {
      if (check.checked) hiddenSet.delete(index); else hiddenSet.add(index);
      applyFilters();
    });
    name.textContent = row.name;
    count.className = "kg-n"; count.textContent = row.count.toLocaleString("en");
    label.append(check, swatch, name, count);
    box.appendChild(label);
  }
  types.forEach(function (t, i) {
    var glyph = document.createElement("span");
    glyph.className = "kg-glyph"; glyph.textContent = t.glyph; glyph.style.color = t.color;
    legendRow(document.getElementById("kg-types"), t, i, hiddenTypes, glyph);
  });
  preds.forEach(function (p, i) {
    var line = document.createElement("span");
    line.className = "kg-line"; line.style.borderTopColor = p.color;
    legendRow(document.getElementById("kg-predicates"), p, i, hiddenPreds, line);
  });

  // Search: exact name, then a name or alias containing the text.
  var names = document.getElementById("kg-names"), byName = new Map();
  nodeItems.slice().sort(function (a, b) { return a.label.localeCompare(b.label); }).forEach(function (n) {
    var key = n.label.toLowerCase();
    if (!byName.has(key)) {
      byName.set(key, n.id);
      var option = document.createElement("option"); option.value = n.label; names.appendChild(option);
    }
  });
  function find(text) {
    var key = text.trim().toLowerCase();
    if (!key) return null;
    if (byName.has(key)) return byName.get(key);
    var hit = nodeItems.find(function (n) { return n.label.toLowerCase().indexOf(key) >= 0; }) ||
              nodeItems.find(function (n) { return n.title.toLowerCase().indexOf(key) >= 0 || n.iri.toLowerCase() === key; });
    return hit ? hit.id : null;
  }
  function focusNode(text) {
    var id = find(text), status = document.getElementById("kg-status");
    if (id === null) { status.textContent = "No node matches “" + text + "”."; return null; }
    var node = nodes.get(id);
    if (node.hidden) {
      hiddenTypes.delete(node.kgType);
      document.querySelectorAll("#kg-types input")[node.kgType].checked = true;
      applyFilters();
    }
    if (!data.big) network.selectNodes([id]);
    highlight(id);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: false });
    status.textContent = "Found: " + node.label + " (" + types[node.kgType].name + ")";
    return id;
  }
  document.getElementById("kg-find").addEventListener("submit", function (event) {
    event.preventDefault();
    focusNode(document.getElementById("kg-search").value);
  });
  document.getElementById("kg-search").addEventListener("change", function (event) {
    if (byName.has(event.target.value.trim().toLowerCase())) focusNode(event.target.value);
  });
  document.getElementById("kg-reset").addEventListener("click", function () {
    network.unselectAll(); clearHighlight(); network.fit();
    document.getElementById("kg-status").textContent = "";
  });

  applyFilters();
  window.kgView = { network: network, nodes: nodes, edges: edges, focus: focusNode, data: data };
  if (data.physics) {  // settle, then stop: a still graph is easier to read and costs nothing
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit();
      ready();
    });
  } else {
    network.fit();
    ready();
  }
})();
