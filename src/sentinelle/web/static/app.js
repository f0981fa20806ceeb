/* Sentinelle web app: CSRF header for htmx, charts (Chart.js) and network graphs (Cytoscape.js).
   No inline script anywhere (the Content-Security-Policy forbids it): pages carry data-src
   attributes and this file fetches the JSON and draws. Every drawing sets data-ready="1". */
(function () {
  "use strict";

  function csrfToken() {
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.getAttribute("content") : "";
  }

  document.addEventListener("htmx:configRequest", function (e) {
    e.detail.headers["X-CSRF-Token"] = csrfToken();
  });

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) { throw new Error(url + ": HTTP " + r.status); }
        return r.json();
      });
  }

  function failed(el, err) {
    el.setAttribute("data-ready", "error");
    var p = document.createElement("p");
    p.className = "error";
    p.textContent = "Could not draw: " + err.message;  // textContent: never parsed as HTML
    el.parentNode.insertBefore(p, el.nextSibling);
  }

  var PALETTE = ["#c0392b", "#2471a3", "#7f8c8d", "#d68910", "#229954", "#8e44ad", "#17a589",
                 "#a04000", "#2e4053", "#b03a2e", "#1f618d", "#7d3c98"];
  var CATEGORY_COLOURS = { sale: "#c0392b", recruitment: "#d68910", other: "#95a5a6" };

  function volumeChart(canvas) {
    getJSON(canvas.getAttribute("data-src")).then(function (data) {
      var datasets = Object.keys(data.series).map(function (cat) {
        return { label: cat, data: data.series[cat], backgroundColor: CATEGORY_COLOURS[cat] || "#555", stack: "posts" };
      });
      new window.Chart(canvas, {
        type: "bar",
        data: { labels: data.labels, datasets: datasets },
        options: { animation: false, responsive: true, maintainAspectRatio: false,
                   scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
      });
      canvas.setAttribute("data-points", String(data.labels.length));
      canvas.setAttribute("data-ready", "1");
    }).catch(function (err) { failed(canvas, err); });
  }

  function priceChart(canvas) {
    getJSON(canvas.getAttribute("data-src")).then(function (data) {
      var datasets = data.series.map(function (s, i) {
        return { label: s.label, data: s.data, borderColor: PALETTE[i % PALETTE.length],
                 backgroundColor: PALETTE[i % PALETTE.length], spanGaps: true, tension: 0.2 };
      });
      new window.Chart(canvas, {
        type: "line",
        data: { labels: data.labels, datasets: datasets },
        options: { animation: false, responsive: true, maintainAspectRatio: false,
                   scales: { y: { beginAtZero: false, title: { display: true, text: "median unit price" } } } }
      });
      canvas.setAttribute("data-series", String(datasets.length));
      canvas.setAttribute("data-ready", "1");
    }).catch(function (err) { failed(canvas, err); });
  }

  var NODE_COLOURS = { account: "#2471a3", handle: "#7d3c98", phone: "#c0392b", crypto: "#d68910" };

  function graph(div) {
    getJSON(div.getAttribute("data-src")).then(function (data) {
      var elements = [];
      data.nodes.forEach(function (n) {
        elements.push({ data: { id: n.id, label: n.label, kind: n.kind, posts: n.posts } });
      });
      data.edges.forEach(function (e, i) {
        elements.push({ data: { id: "e" + i, source: e.source, target: e.target, type: e.type,
                                weight: e.weight, explanation: e.explanation } });
      });
      var cy = window.cytoscape({
        container: div,
        elements: elements,
        style: [
          { selector: "node", style: { "label": "data(label)", "font-size": 10, "text-valign": "bottom",
                                       "background-color": function (n) { return NODE_COLOURS[n.data("kind")] || "#555"; },
                                       "width": function (n) { return 14 + Math.min(26, 2 * (n.data("posts") || 0)); },
                                       "height": function (n) { return 14 + Math.min(26, 2 * (n.data("posts") || 0)); } } },
          { selector: "edge", style: { "width": function (e) { return 1 + 2 * (e.data("weight") || 0); },
                                       "line-color": "#aab", "target-arrow-color": "#aab",
                                       "target-arrow-shape": "triangle", "curve-style": "bezier" } },
          { selector: ":selected", style: { "background-color": "#f1c40f", "line-color": "#f1c40f" } }
        ],
        layout: { name: data.nodes.length > 300 ? "grid" : "cose", animate: false, randomize: false, padding: 40 },
        maxZoom: 1.6, minZoom: 0.05
      });
      var info = document.createElement("p");
      info.className = "graph-info";
      div.parentNode.insertBefore(info, div.nextSibling);
      cy.on("tap", "edge", function (evt) {
        info.textContent = evt.target.data("type") + ": " + evt.target.data("explanation");
      });
      cy.on("tap", "node", function (evt) {
        info.textContent = evt.target.data("kind") + " " + evt.target.data("label");
      });
      div.setAttribute("data-nodes", String(cy.nodes().length));
      div.setAttribute("data-edges", String(cy.edges().length));
      div.setAttribute("data-ready", "1");
    }).catch(function (err) { failed(div, err); });
  }

  function start() {
    var v = document.getElementById("volume-chart");
    if (v && window.Chart) { volumeChart(v); }
    var p = document.getElementById("price-chart");
    if (p && window.Chart) { priceChart(p); }
    var g = document.getElementById("graph");
    if (g && window.cytoscape) { graph(g); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
