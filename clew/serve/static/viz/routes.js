// The routes page: places and origin -> destination routes on a map drawn with d3-geo from the
// Natural Earth boundaries shipped in /static/vendor (no tiles, nothing fetched from elsewhere).
// The data is the JSON embedded in the page, the same as /api/routes. Places and routes are
// focusable: Enter or a click lists their allegations in the side panel.
(function () {
  "use strict";

  const WIDTH = 900;
  const HEIGHT = 560;
  const data = JSON.parse(document.getElementById("routes-data").textContent);
  const holder = document.getElementById("routes-map");
  const panelHint = document.getElementById("routes-panel-hint");
  const panelList = document.getElementById("routes-panel-list");

  function isoKey(n) {
    return String(n).padStart(3, "0");
  }

  // A country is drawn at the centroid of its largest polygon, so overseas territories do not
  // pull the point into the sea.
  function mainCentroid(feature) {
    const geom = feature.geometry;
    if (geom.type !== "MultiPolygon") return d3.geoCentroid(feature);
    let best = null;
    let bestArea = -1;
    geom.coordinates.forEach(function (coords) {
      const poly = { type: "Polygon", coordinates: coords };
      const area = d3.geoArea(poly);
      if (area > bestArea) {
        bestArea = area;
        best = poly;
      }
    });
    return d3.geoCentroid(best);
  }

  function showList(title, ids) {
    panelHint.textContent = title;
    panelList.replaceChildren();
    ids.forEach(function (id) {
      const a = data.allegations[id];
      const li = document.createElement("li");
      const link = document.createElement("a");
      link.href = a.href;
      link.textContent = a.act_label + (a.grade ? " (" + a.grade + ")" : "");
      li.appendChild(link);
      const detail = [];
      if (a.perpetrators.length) detail.push("against " + a.perpetrators.join(", "));
      if (a.first_reported) detail.push("first reported " + a.first_reported);
      if (detail.length) li.appendChild(document.createTextNode(" · " + detail.join(" · ")));
      panelList.appendChild(li);
    });
  }

  function activate(selection, onSelect) {
    selection
      .attr("tabindex", 0)
      .attr("role", "button")
      .on("click", function (event, d) {
        d3.selectAll(".map .selected").classed("selected", false);
        d3.select(this).classed("selected", true);
        onSelect(d);
      })
      .on("keydown", function (event, d) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          d3.selectAll(".map .selected").classed("selected", false);
          d3.select(this).classed("selected", true);
          onSelect(d);
        }
      });
  }

  function draw(world) {
    const countries = topojson.feature(world, world.objects.countries).features;
    const byIso = new Map(countries.map(function (f) { return [f.id, f]; }));
    // Natural Earth gives a few disputed countries (Kosovo among them) no ISO code: those are
    // found by name.
    const byName = new Map(countries.map(function (f) { return [f.properties.name, f]; }));
    const named = new Set();
    const located = [];
    data.places.forEach(function (p) {
      let coords = null;
      const country = p.iso_numeric === null
        ? null
        : byIso.get(isoKey(p.iso_numeric)) || byName.get(p.name);
      if (p.position === "point") {
        coords = [p.longitude, p.latitude];
      } else if (p.position === "country" && country) {
        coords = mainCentroid(country);
      }
      if (country) named.add(country);
      if (coords) located.push(Object.assign({ coords: coords }, p));
    });
    const at = new Map(located.map(function (p) { return [p.id, p]; }));
    const flows = data.flows.filter(function (f) { return at.has(f.origin) && at.has(f.destination); });

    const projection = d3.geoNaturalEarth1();
    if (located.length > 1) {
      projection.fitExtent([[70, 50], [WIDTH - 70, HEIGHT - 50]], {
        type: "MultiPoint",
        coordinates: located.map(function (p) { return p.coords; }),
      });
    } else {
      projection.fitExtent([[10, 10], [WIDTH - 10, HEIGHT - 10]], { type: "Sphere" });
      if (located.length === 1) projection.center(located[0].coords);
    }
    const path = d3.geoPath(projection);

    const svg = d3.select(holder).append("svg")
      .attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT)
      .attr("aria-hidden", null);
    svg.append("defs").append("marker")
      .attr("id", "route-arrow")
      .attr("viewBox", "0 0 10 10")
      .attr("refX", 8).attr("refY", 5)
      .attr("markerWidth", 3.5).attr("markerHeight", 3.5)
      .attr("markerUnits", "strokeWidth")
      .attr("orient", "auto")
      .append("path").attr("d", "M0,0L10,5L0,10z").attr("fill", "#a12a2a");

    const layer = svg.append("g");
    layer.append("g").selectAll("path")
      .data(countries)
      .join("path")
      .attr("class", function (f) { return "country" + (named.has(f) ? " named" : ""); })
      .attr("d", path)
      .append("title").text(function (f) { return f.properties.name; });

    const most = d3.max(flows, function (f) { return f.count; }) || 1;
    const width = d3.scaleSqrt().domain([1, Math.max(most, 2)]).range([2, 7]);
    const flowPaths = layer.append("g").selectAll("path")
      .data(flows)
      .join("path")
      .attr("class", "flow")
      .attr("stroke-width", function (f) { return width(f.count); })
      .attr("marker-end", "url(#route-arrow)")
      .attr("aria-label", function (f) {
        return "Route from " + f.origin_name + " to " + f.destination_name + ", " +
          f.count + (f.count === 1 ? " allegation" : " allegations");
      })
      .attr("d", function (f) {
        const a = projection(at.get(f.origin).coords);
        const b = projection(at.get(f.destination).coords);
        const dx = b[0] - a[0];
        const dy = b[1] - a[1];
        // Curved to one side, so routes both ways between two places stay apart.
        const mx = (a[0] + b[0]) / 2 - dy * 0.2;
        const my = (a[1] + b[1]) / 2 + dx * 0.2;
        return "M" + a[0] + "," + a[1] + "Q" + mx + "," + my + " " + b[0] + "," + b[1];
      });
    flowPaths.append("title").text(function (f) {
      return f.origin_name + " → " + f.destination_name + ": " + f.count +
        (f.count === 1 ? " allegation" : " allegations");
    });
    activate(flowPaths, function (f) {
      showList("Route " + f.origin_name + " → " + f.destination_name + ":", f.allegations);
    });

    const radius = d3.scaleSqrt()
      .domain([1, d3.max(located, function (p) { return p.count; }) || 1])
      .range([4, 13]);
    const placed = located.slice().sort(function (a, b) { return b.count - a.count; });
    const dots = layer.append("g").selectAll("circle")
      .data(placed)
      .join("circle")
      .attr("class", function (p) { return "place" + (p.position === "country" ? " country-place" : ""); })
      .attr("cx", function (p) { return projection(p.coords)[0]; })
      .attr("cy", function (p) { return projection(p.coords)[1]; })
      .attr("r", function (p) { return radius(p.count); })
      .attr("aria-label", function (p) {
        return p.name + ", " + p.count + (p.count === 1 ? " allegation" : " allegations");
      });
    dots.append("title").text(function (p) {
      return p.name + ": " + p.count + (p.count === 1 ? " allegation" : " allegations");
    });
    activate(dots, function (p) { showList(p.name + ":", p.allegations); });

    const labels = layer.append("g").selectAll("text")
      .data(placed)
      .join("text")
      .attr("class", function (p) { return "place-label" + (p.position === "country" ? " country-label" : ""); })
      .attr("x", function (p) { return projection(p.coords)[0] + radius(p.count) + 3; })
      .attr("y", function (p) { return projection(p.coords)[1] + 4; })
      .text(function (p) { return p.name; });

    // Zooming scales the map but not the marks: radii, line widths and labels are divided by
    // the zoom factor so a close look at a crowded region separates places instead of
    // enlarging them.
    const zoom = d3.zoom().scaleExtent([1, 12]).translateExtent([[0, 0], [WIDTH, HEIGHT]])
      .on("zoom", function (event) {
        const k = event.transform.k;
        layer.attr("transform", event.transform);
        layer.selectAll(".country").style("stroke-width", 0.5 / k);
        flowPaths.attr("stroke-width", function (f) { return width(f.count) / k; });
        dots.attr("r", function (p) { return radius(p.count) / k; }).style("stroke-width", 1.5 / k);
        labels
          .style("font-size", 11 / k + "px")
          .style("stroke-width", 3 / k + "px")
          .attr("x", function (p) { return projection(p.coords)[0] + (radius(p.count) + 3) / k; })
          .attr("y", function (p) { return projection(p.coords)[1] + 4 / k; });
        declutter();
      });

    // Labels are placed busiest place first; one that would overlap a label already placed is
    // hidden until zooming in makes room (the place keeps its tooltip and its table row).
    function declutter() {
      labels.attr("display", null);
      const kept = [];
      labels.each(function () {
        const box = this.getBBox();
        const clash = kept.some(function (o) {
          return box.x < o.x + o.width && o.x < box.x + box.width &&
            box.y < o.y + o.height && o.y < box.y + box.height;
        });
        if (clash) this.setAttribute("display", "none");
        else kept.push(box);
      });
    }
    svg.call(zoom);
    declutter();
    document.getElementById("routes-zoom-in").addEventListener("click", function () {
      svg.transition().duration(250).call(zoom.scaleBy, 2);
    });
    document.getElementById("routes-zoom-out").addEventListener("click", function () {
      svg.transition().duration(250).call(zoom.scaleBy, 0.5);
    });
    document.getElementById("routes-zoom-reset").addEventListener("click", function () {
      svg.transition().duration(250).call(zoom.transform, d3.zoomIdentity);
    });

    document.getElementById("routes-places").textContent = String(placed.length);
    holder.dataset.places = String(placed.length);
    holder.dataset.flows = String(flows.length);
    holder.dataset.ready = "true";
  }

  fetch("/static/vendor/countries-50m.json")
    .then(function (response) {
      if (!response.ok) throw new Error("country boundaries: HTTP " + response.status);
      return response.json();
    })
    .then(draw)
    .catch(function (error) {
      holder.textContent = "The map could not be drawn (" + error.message + "); the tables below hold the same data.";
      holder.dataset.ready = "error";
    });
})();
