// The timeline page: allegations per month of first report, stacked by act, drawn with d3 from
// the JSON embedded in the page (the same as /api/timeline). Brushing the chart, or choosing
// months in the two month fields, narrows the list under it and points a link at the
// allegations page with the same dates. Crimes are drawn in warm colours, the response to them
// (arrests, trials, rescues) in cool ones.
(function () {
  "use strict";

  const ACT_COLOURS = {
    organ_removal: "#9e2a2b",
    organ_sale: "#d17a22",
    trafficking_in_persons: "#7b4a9b",
    abduction: "#c15a8a",
    killing: "#4d1f1f",
    transplant_tourism: "#b59b2a",
    other_illicit_trade: "#a08a6e",
    arrest: "#1f5c99",
    prosecution: "#2e7d4f",
    rescue: "#3f9a9c",
    investigation: "#6b7b8c",
  };
  const FALLBACK = "#8a9099";
  const WIDTH = 1100;
  const HEIGHT = 300;
  const M = { top: 14, right: 16, bottom: 28, left: 40 };

  const data = JSON.parse(document.getElementById("timeline-data").textContent);
  const filter = JSON.parse(document.getElementById("timeline-filter").textContent);
  const holder = document.getElementById("timeline-chart");
  const items = Array.from(document.querySelectorAll("#timeline-list li[data-month]"));
  const shown = document.getElementById("timeline-shown");
  const status = document.getElementById("timeline-status");
  const link = document.getElementById("timeline-link");
  const fromField = document.getElementById("brush-from");
  const toField = document.getElementById("brush-to");

  function colour(act) {
    return ACT_COLOURS[act] || FALLBACK;
  }

  // Legend, and the colour dot of each list item.
  const legend = document.getElementById("timeline-legend");
  data.acts.forEach(function (act) {
    const li = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = colour(act.id);
    swatch.style.borderRadius = "2px";
    swatch.setAttribute("aria-hidden", "true");
    li.appendChild(swatch);
    li.appendChild(document.createTextNode(act.label + " (" + act.count + ")"));
    legend.appendChild(li);
  });
  document.querySelectorAll(".act-dot").forEach(function (dot) {
    dot.style.background = colour(dot.dataset.act);
  });

  if (!data.months.length) {
    holder.dataset.ready = "true";
    holder.dataset.bars = "0";
    return;
  }

  const acts = data.acts.map(function (a) { return a.id; });
  const rows = data.months.map(function (month) {
    const row = { month: month };
    acts.forEach(function (a) { row[a] = 0; });
    return row;
  });
  const byMonth = new Map(rows.map(function (r) { return [r.month, r]; }));
  data.counts.forEach(function (c) { byMonth.get(c.month)[c.act] = c.count; });
  const series = d3.stack().keys(acts)(rows);

  const x = d3.scaleBand().domain(data.months).range([M.left, WIDTH - M.right]).padding(0.18);
  const top = d3.max(rows, function (r) { return d3.sum(acts, function (a) { return r[a]; }); });
  const y = d3.scaleLinear().domain([0, top]).nice().range([HEIGHT - M.bottom, M.top]);
  const monthName = d3.utcFormat("%b %Y");
  function label(month) {
    return monthName(new Date(month + "-01T00:00:00Z"));
  }
  const every = Math.ceil(data.months.length / 14);

  const svg = d3.select(holder).append("svg").attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
  svg.append("g").attr("class", "grid")
    .attr("transform", "translate(" + M.left + ",0)")
    .call(d3.axisLeft(y).ticks(5).tickSize(-(WIDTH - M.left - M.right)).tickFormat(""));
  svg.append("g").attr("class", "axis")
    .attr("transform", "translate(0," + (HEIGHT - M.bottom) + ")")
    .call(d3.axisBottom(x).tickFormat(function (m, i) { return i % every ? "" : label(m); }));
  svg.append("g").attr("class", "axis")
    .attr("transform", "translate(" + M.left + ",0)")
    .call(d3.axisLeft(y).ticks(5).tickFormat(d3.format("d")));

  const bars = svg.append("g").selectAll("g")
    .data(series)
    .join("g")
    .attr("fill", function (s) { return colour(s.key); })
    .selectAll("rect")
    .data(function (s) { return s.map(function (d) { return Object.assign(d, { act: s.key }); }); })
    .join("rect")
    .filter(function (d) { return d[1] > d[0]; })
    .attr("class", "bar")
    .attr("x", function (d) { return x(d.data.month); })
    .attr("y", function (d) { return y(d[1]); })
    .attr("height", function (d) { return y(d[0]) - y(d[1]); })
    .attr("width", x.bandwidth());
  bars.append("title").text(function (d) {
    const act = data.acts.find(function (a) { return a.id === d.act; });
    return label(d.data.month) + ": " + (d[1] - d[0]) + " " + act.label.toLowerCase();
  });

  function lastDay(month) {
    const [yy, mm] = month.split("-").map(Number);
    return month + "-" + String(new Date(Date.UTC(yy, mm, 0)).getUTCDate()).padStart(2, "0");
  }

  // Shows only the allegations first reported in months first..last (inclusive), or all.
  function narrow(range) {
    let count = 0;
    items.forEach(function (li) {
      const keep = !range || (li.dataset.month >= range[0] && li.dataset.month <= range[1]);
      li.hidden = !keep;
      if (keep) count += 1;
    });
    bars.classed("outside", function (d) {
      return range !== null && (d.data.month < range[0] || d.data.month > range[1]);
    });
    shown.textContent = String(count);
    const params = new URLSearchParams(filter);
    if (range) {
      params.set("date_from", range[0] + "-01");
      params.set("date_to", lastDay(range[1]));
    }
    const query = params.toString();
    link.href = "/allegations" + (query ? "?" + query : "");
    status.firstChild.textContent = range
      ? "Showing " : "Showing all ";
    link.textContent = range
      ? "Open the allegations first reported " + label(range[0]) +
        (range[0] === range[1] ? "" : " to " + label(range[1])) + " in the allegations list"
      : "Open them in the allegations list";
    fromField.value = range ? range[0] : "";
    toField.value = range ? range[1] : "";
    holder.dataset.shown = String(count);
  }

  function monthsIn(px) {
    return data.months.filter(function (m) {
      const mid = x(m) + x.bandwidth() / 2;
      return mid >= px[0] && mid <= px[1];
    });
  }

  const brush = d3.brushX()
    .extent([[M.left, M.top], [WIDTH - M.right, HEIGHT - M.bottom]])
    .on("end", function (event) {
      if (!event.sourceEvent) return; // moved by code: narrow() was already called
      if (!event.selection) {
        narrow(null);
        return;
      }
      const picked = monthsIn(event.selection);
      if (!picked.length) {
        gBrush.call(brush.move, null);
        narrow(null);
        return;
      }
      const range = [picked[0], picked[picked.length - 1]];
      gBrush.call(brush.move, bandSpan(range));
      narrow(range);
    });
  const gBrush = svg.append("g").attr("class", "brush").call(brush);

  function bandSpan(range) {
    const step = x.step() * x.paddingInner() / 2;
    return [x(range[0]) - step, x(range[1]) + x.bandwidth() + step];
  }

  function fromFields() {
    let first = fromField.value || data.months[0];
    let last = toField.value || data.months[data.months.length - 1];
    if (first > last) [first, last] = [last, first];
    first = first < data.months[0] ? data.months[0] : first;
    last = last > data.months[data.months.length - 1] ? data.months[data.months.length - 1] : last;
    gBrush.call(brush.move, bandSpan([first, last]));
    narrow([first, last]);
  }
  fromField.addEventListener("change", fromFields);
  toField.addEventListener("change", fromFields);
  document.getElementById("brush-clear").addEventListener("click", function () {
    gBrush.call(brush.move, null);
    narrow(null);
  });

  holder.dataset.bars = String(bars.size());
  holder.dataset.ready = "true";
})();
