// The network page: draws the JSON embedded in the page (the same as /api/network) with
// Cytoscape. Clicking a node opens its page; the tables under the graph hold the same data for
// keyboard and screen-reader users. Colours match the legend in network.html and viz.css.
(function () {
  "use strict";

  const COLOURS = {
    group: "#b4532a",
    person: "#7b4a9b",
    place: "#2e7d4f",
    allegation: "#1f5c99",
  };
  const data = JSON.parse(document.getElementById("network-data").textContent);
  const container = document.getElementById("network-graph");
  const hover = document.getElementById("network-hover");
  const unlinkedBox = document.getElementById("network-unlinked");
  const drawn = document.getElementById("network-drawn");

  const linked = new Set();
  data.edges.forEach(function (e) {
    linked.add(e.source);
    linked.add(e.target);
  });

  function describe(node) {
    const d = node.data();
    if (d.type === "allegation") {
      const parts = [d.label, d.grade ? "grade " + d.grade : "ungraded"];
      parts.push(d.reports + (d.reports === 1 ? " report" : " reports"));
      if (d.first_reported) parts.push("first reported " + d.first_reported);
      if (d.perpetrators.length) parts.push("alleged against " + d.perpetrators.join(", "));
      if (d.places.length) parts.push("in " + d.places.join(", "));
      return "Allegation: " + parts.join(" · ");
    }
    const kind = d.type.charAt(0).toUpperCase() + d.type.slice(1);
    return kind + ": " + d.label + " · " + d.allegations +
      (d.allegations === 1 ? " allegation" : " allegations") + " · click to open";
  }

  const elements = data.nodes.map(function (n) {
    const size = n.type === "allegation"
      ? 10 + 4 * Math.sqrt(n.reports || 1)
      : 16 + 5 * Math.sqrt(n.allegations || 1);
    return {
      group: "nodes",
      data: Object.assign({}, n, { size: size, colour: COLOURS[n.type] || "#59606b" }),
      classes: n.type + (linked.has(n.id) ? "" : " unlinked"),
    };
  }).concat(data.edges.map(function (e, i) {
    return { group: "edges", data: { id: "e" + i, source: e.source, target: e.target, role: e.role } };
  }));

  const cy = cytoscape({
    container: container,
    elements: elements,
    minZoom: 0.2,
    maxZoom: 4,
    style: [
      {
        selector: "node",
        style: {
          "background-color": "data(colour)",
          width: "data(size)",
          height: "data(size)",
          label: "data(label)",
          "font-family": "DejaVu Sans, Liberation Sans, Arial, sans-serif",
          "font-size": 11,
          color: "#1d232b",
          "text-valign": "bottom",
          "text-margin-y": 3,
          "text-background-color": "#fbfaf7",
          "text-background-opacity": 0.85,
          "text-background-padding": 1,
          "font-weight": 600,
          "border-width": 1,
          "border-color": "#ffffff",
        },
      },
      { selector: "node.place", style: { shape: "round-diamond" } },
      { selector: "node.group", style: { shape: "round-rectangle" } },
      {
        selector: "node.allegation",
        style: {
          shape: "ellipse",
          "font-size": 8,
          "font-weight": 400,
          color: "#4a5462",
          "min-zoomed-font-size": 10,
          "background-opacity": 0.85,
        },
      },
      { selector: "node.unlinked", style: { display: "none" } },
      { selector: "node.show", style: { display: "element" } },
      {
        selector: "edge",
        style: { width: 1, "line-color": "#b9bec6", "curve-style": "haystack", opacity: 0.8 },
      },
      { selector: "edge[role = 'perpetrator']", style: { "line-color": "#d8a48c" } },
      { selector: "node.hovered", style: { "border-width": 3, "border-color": "#c2410c" } },
      { selector: "edge.hovered", style: { "line-color": "#c2410c", width: 2 } },
      { selector: ".faded", style: { opacity: 0.25 } },
    ],
  });

  function layout() {
    const shown = cy.elements(":visible");
    shown.layout({
      name: "cose",
      animate: false,
      randomize: true,
      nodeDimensionsIncludeLabels: true,
      nodeRepulsion: function () { return 60000; },
      idealEdgeLength: function () { return 60; },
      edgeElasticity: function () { return 60; },
      nodeOverlap: 12,
      gravity: 4,
      numIter: 2500,
      componentSpacing: 40,
      padding: 24,
      // Laid out in the container's own size, so the fitted zoom is about 1 and labels keep
      // their set size instead of shrinking to fit a sprawling layout.
      boundingBox: { x1: 0, y1: 0, w: container.clientWidth, h: container.clientHeight },
    }).run();
    cy.fit(shown, 24);
    const count = cy.nodes(":visible").length;
    container.dataset.nodes = String(count);
    drawn.textContent = String(count);
    container.dataset.ready = "true";
  }

  cy.on("mouseover", "node", function (evt) {
    const node = evt.target;
    const near = node.closedNeighborhood();
    cy.elements().not(near).addClass("faded");
    near.addClass("hovered");
    node.removeClass("faded");
    hover.textContent = describe(node);
    container.style.cursor = "pointer";
  });
  cy.on("mouseout", "node", function () {
    cy.elements().removeClass("faded hovered");
    container.style.cursor = "";
  });
  cy.on("tap", "node", function (evt) {
    window.location.assign(evt.target.data("href"));
  });

  unlinkedBox.addEventListener("change", function () {
    cy.nodes(".unlinked").toggleClass("show", unlinkedBox.checked);
    layout();
  });
  document.getElementById("network-fit").addEventListener("click", function () {
    cy.fit(cy.elements(":visible"), 24);
  });

  window.clewNetwork = cy;
  layout();
})();
