"""The dossier's two figures, drawn as SVG from coordinates and dates alone.

No basemap: world boundary data would be a download or a large vendored file, and a briefing
needs only where the reported places lie relative to each other. So the map is an
equirectangular plot on a labelled latitude/longitude graticule, with a small world locator
showing which part of the globe it covers. Both figures are plain strings, inlined in the HTML
and drawn the same by browsers and WeasyPrint.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from html import escape

INK = "#1f2933"
MUTED = "#7b8794"
GRID = "#d9dee3"
ACCENT = "#9b2c2c"
ECHO = "#c99a9a"
DENIAL = "#2c5282"
FONT = "font-family='DejaVu Sans, sans-serif'"


@dataclass
class MapPoint:
    label: str
    latitude: float
    longitude: float
    weight: int = 1
    approximate: bool = False


@dataclass(frozen=True)
class MapRoute:
    origin: tuple[float, float]  # (latitude, longitude)
    destination: tuple[float, float]
    weight: int = 1


def _merge(points: list[MapPoint]) -> list[MapPoint]:
    """Points that fall on one spot (a city and the country drawn at it) become one, so their
    labels do not print over each other."""
    merged: dict[tuple[float, float], MapPoint] = {}
    for p in points:
        key = (round(p.latitude, 1), round(p.longitude, 1))
        if key in merged:
            m = merged[key]
            m.label = f"{m.label} · {p.label}" if p.label not in m.label else m.label
            m.weight += p.weight
            m.approximate = m.approximate and p.approximate
        else:
            merged[key] = MapPoint(p.label, p.latitude, p.longitude, p.weight, p.approximate)
    return list(merged.values())


def _step(span: float) -> float:
    for step in (0.5, 1, 2, 5, 10, 20, 30, 60):
        if span / step <= 7:
            return step
    return 90


def map_svg(
    points: list[MapPoint], routes: list[MapRoute], width: int = 640, height: int = 230
) -> str | None:
    """The places and routes on a graticule; None when nothing can be placed."""
    points = _merge(points)
    if not points:
        return None
    lats = [p.latitude for p in points] + [c[0] for r in routes for c in (r.origin, r.destination)]
    lons = [p.longitude for p in points] + [c[1] for r in routes for c in (r.origin, r.destination)]
    mid_lat = (min(lats) + max(lats)) / 2
    scale_x = max(math.cos(math.radians(mid_lat)), 0.2)
    pad = 28
    inner_w, inner_h = width - 2 * pad, height - 2 * pad
    lat_span = max(max(lats) - min(lats), 4.0) * 1.35
    lon_span = max(max(lons) - min(lons), 4.0) * 1.35
    # Grow one span so that degrees have the same length on the page in both directions.
    if lon_span * scale_x / inner_w > lat_span / inner_h:
        lat_span = lon_span * scale_x * inner_h / inner_w
    else:
        lon_span = lat_span * inner_w / (inner_h * scale_x)
    lat0 = (min(lats) + max(lats)) / 2 - lat_span / 2
    lon0 = (min(lons) + max(lons)) / 2 - lon_span / 2

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (
            pad + (lon - lon0) / lon_span * inner_w,
            pad + (1 - (lat - lat0) / lat_span) * inner_h,
        )

    out = [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' "
        f"role='img' aria-label='Map of reported places'>",
        "<defs><marker id='arrow' viewBox='0 0 10 10' refX='9' refY='5' markerWidth='7' "
        f"markerHeight='7' orient='auto-start-reverse'><path d='M0,0 L10,5 L0,10 z' "
        f"fill='{ACCENT}'/></marker></defs>",
        f"<rect x='{pad}' y='{pad}' width='{inner_w}' height='{inner_h}' fill='#f7f9fa' "
        f"stroke='{GRID}'/>",
    ]
    step = _step(max(lat_span, lon_span))
    lat = math.ceil(lat0 / step) * step
    while lat < lat0 + lat_span:
        _, y = xy(lat, lon0)
        out.append(
            f"<line x1='{pad}' y1='{y:.1f}' x2='{width - pad}' y2='{y:.1f}' stroke='{GRID}'/>"
        )
        out.append(f"<text x='{pad - 4}' y='{y + 3:.1f}' font-size='9' fill='{MUTED}' "
                   f"text-anchor='end' {FONT}>{_degrees(lat, 'N', 'S')}</text>")  # fmt: skip
        lat += step
    lon = math.ceil(lon0 / step) * step
    while lon < lon0 + lon_span:
        x, _ = xy(lat0, lon)
        out.append(
            f"<line x1='{x:.1f}' y1='{pad}' x2='{x:.1f}' y2='{height - pad}' stroke='{GRID}'/>"
        )
        out.append(f"<text x='{x:.1f}' y='{height - pad + 12}' font-size='9' fill='{MUTED}' "
                   f"text-anchor='middle' {FONT}>{_degrees(lon, 'E', 'W')}</text>")  # fmt: skip
        lon += step
    for route in routes:
        (x1, y1), (x2, y2) = xy(*route.origin), xy(*route.destination)
        # A gentle arc, so a route stays visible where it passes over another place.
        mx, my = (x1 + x2) / 2 - (y2 - y1) * 0.2, (y1 + y2) / 2 + (x2 - x1) * 0.2
        out.append(
            f"<path d='M{x1:.1f},{y1:.1f} Q{mx:.1f},{my:.1f} {x2:.1f},{y2:.1f}' fill='none' "
            f"stroke='{ACCENT}' stroke-width='{1 + min(route.weight, 4) * 0.5:.1f}' "
            "stroke-opacity='0.7' marker-end='url(#arrow)'/>"
        )
    placed: list[tuple[float, float, float, float]] = []
    marks = []
    for p in sorted(points, key=lambda p: -p.weight):
        x, y = xy(p.latitude, p.longitude)
        r = 3 + min(p.weight, 12) * 0.5
        placed.append((x - r, y - r, x + r, y + r))
        marks.append((p, x, y, r))
    corner = _locator_corner([(x, y) for _, x, y, _ in marks], width, height, pad)
    placed.append(corner)
    for p, x, y, r in marks:
        fill = "white" if p.approximate else ACCENT
        out.append(f"<circle cx='{x:.1f}' cy='{y:.1f}' r='{r:.1f}' fill='{fill}' "
                   f"stroke='{ACCENT}' stroke-width='1.5'/>")  # fmt: skip
        tx, ty, anchor, leader = _label_spot(p.label, x, y, r, placed, width, height, pad)
        if leader:
            out.append(f"<line x1='{x:.1f}' y1='{y:.1f}' x2='{tx:.1f}' y2='{ty - 3.5:.1f}' "
                       f"stroke='{MUTED}' stroke-width='0.6'/>")  # fmt: skip
        out.append(f"<text x='{tx:.1f}' y='{ty:.1f}' font-size='10.5' fill='{INK}' "
                   f"text-anchor='{anchor}' {FONT}>{escape(p.label)}</text>")  # fmt: skip
    out.append(_locator(lat0, lon0, lat_span, lon_span, corner))
    out.append("</svg>")
    return "".join(out)


def _degrees(value: float, positive: str, negative: str) -> str:
    text = f"{abs(value):g}°"
    return text + (positive if value > 0 else negative if value < 0 else "")


LOCATOR_W, LOCATOR_H = 96.0, 48.0
CHAR_W = 6.2
"""About the mean advance of DejaVu Sans at 10.5 px, to keep labels from printing over others."""


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _locator_corner(
    marks: list[tuple[float, float]], width: int, height: int, pad: int
) -> tuple[float, float, float, float]:
    """The corner for the world locator that hides the fewest places."""
    corners = []
    for cx in (pad + 6, width - pad - LOCATOR_W - 6):
        for cy in (height - pad - LOCATOR_H - 6, pad + 6):
            box = (cx - 4, cy - 4, cx + LOCATOR_W + 4, cy + LOCATOR_H + 4)
            corners.append((sum(_overlaps(box, (x, y, x, y)) for x, y in marks), box))
    return min(corners, key=lambda c: c[0])[1]


def _label_spot(
    label: str,
    x: float,
    y: float,
    r: float,
    placed: list[tuple[float, float, float, float]],
    width: int,
    height: int,
    pad: int,
) -> tuple[float, float, str, bool]:
    """Where the label collides with nothing drawn so far: beside the dot first (right, left,
    above, below, diagonals), then on rings farther out, joined to the dot by a leader line.
    Returns the text position, its anchor and whether a leader line is needed."""
    w, h = len(label) * CHAR_W, 11.0
    directions = [(1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1)]
    for distance in (0.0, 14.0, 28.0, 44.0, 62.0):
        for dx, dy in directions:
            reach = r + 3 + distance
            tx = x + dx * reach
            ty = y + dy * reach + (3.5 if dy == 0 else 9 if dy > 0 else -1)
            anchor = "start" if dx > 0 else "end" if dx < 0 else "middle"
            left = tx if anchor == "start" else tx - w if anchor == "end" else tx - w / 2
            box = (left, ty - h + 2, left + w, ty + 2)
            inside = (
                box[0] >= pad and box[2] <= width - pad and box[1] >= pad and box[3] <= height - pad
            )
            if inside and not any(_overlaps(box, other) for other in placed):
                placed.append(box)
                return tx, ty, anchor, distance > 0
    return x + r + 3, y + 3.5, "start", False


def _locator(
    lat0: float,
    lon0: float,
    lat_span: float,
    lon_span: float,
    box: tuple[float, float, float, float],
) -> str:
    """A small world frame in the map's corner with the mapped area outlined."""
    w, h = LOCATOR_W, LOCATOR_H
    x0, y0 = box[0] + 4, box[1] + 4
    parts = [f"<g><rect x='{x0}' y='{y0}' width='{w}' height='{h}' fill='white' "
             f"stroke='{MUTED}' stroke-width='0.8'/>"]  # fmt: skip
    for lon in range(-150, 180, 30):
        x = x0 + (lon + 180) / 360 * w
        parts.append(f"<line x1='{x:.1f}' y1='{y0}' x2='{x:.1f}' y2='{y0 + h}' stroke='{GRID}' "
                     "stroke-width='0.5'/>")  # fmt: skip
    for lat in range(-60, 90, 30):
        y = y0 + (90 - lat) / 180 * h
        stroke = MUTED if lat == 0 else GRID
        parts.append(f"<line x1='{x0}' y1='{y:.1f}' x2='{x0 + w}' y2='{y:.1f}' stroke='{stroke}' "
                     "stroke-width='0.5'/>")  # fmt: skip
    bx = x0 + (max(lon0, -180) + 180) / 360 * w
    by = y0 + (90 - min(lat0 + lat_span, 90)) / 180 * h
    bw = max(min(lon_span, 360) / 360 * w, 2.5)
    bh = max(min(lat_span, 180) / 180 * h, 2.5)
    parts.append(f"<rect x='{bx:.1f}' y='{by:.1f}' width='{bw:.1f}' height='{bh:.1f}' "
                 f"fill='{ACCENT}' fill-opacity='0.25' stroke='{ACCENT}'/>")  # fmt: skip
    parts.append(f"<text x='{x0 + 3}' y='{y0 + h - 3}' font-size='7' fill='{MUTED}' {FONT}>"
                 "world</text></g>")  # fmt: skip
    return "".join(parts)


@dataclass
class TimelineRow:
    """One row of the timeline: a line of evidence, or an allegation, with its reports."""

    label: str
    reports: list[tuple[date, str]] = field(default_factory=list)  # (published, kind)


def parse_date(text: str | None) -> date | None:
    """A possibly partial ISO date ("2025", "2025-03") as its first day; None if unreadable."""
    if not text:
        return None
    parts = text.split("-")
    try:
        numbers = [int(p) for p in parts[:3]] + [1] * (3 - min(len(parts), 3))
        return date(numbers[0], numbers[1], numbers[2])
    except ValueError:
        return None


def timeline_svg(rows: list[TimelineRow], width: int = 640, max_rows: int = 12) -> str | None:
    """Reports over time, one row per line of evidence: the first report of a line is a filled
    dot, its echoes hollow, denials blue diamonds. None when no report is dated."""
    rows = [r for r in rows if r.reports]
    if not rows:
        return None
    hidden = max(len(rows) - max_rows, 0)
    rows = rows[:max_rows]
    dates = [d for r in rows for d, _ in r.reports]
    start, end = min(dates), max(dates)
    span = max((end - start).days, 30)
    start = date.fromordinal(start.toordinal() - max(span // 20, 3))
    end = date.fromordinal(end.toordinal() + max(span // 20, 3))
    span = (end - start).days
    label_w, right, top, row_h = 212, 16, 14, 20
    height = top + row_h * len(rows) + 34 + (14 if hidden else 0)
    plot_w = width - label_w - right

    def x(d: date) -> float:
        return label_w + (d - start).days / span * plot_w

    out = [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' "
        f"role='img' aria-label='Timeline of reports'>"
    ]
    axis_y = top + row_h * len(rows) + 4
    for tick in _ticks(start, end):
        tx = x(tick)
        out.append(f"<line x1='{tx:.1f}' y1='{top - 6}' x2='{tx:.1f}' y2='{axis_y}' "
                   f"stroke='{GRID}'/>")  # fmt: skip
        label = str(tick.year) if span > 3 * 365 else tick.strftime("%b %Y")
        out.append(f"<text x='{tx:.1f}' y='{axis_y + 13}' font-size='9' fill='{MUTED}' "
                   f"text-anchor='middle' {FONT}>{label}</text>")  # fmt: skip
    out.append(f"<line x1='{label_w}' y1='{axis_y}' x2='{width - right}' y2='{axis_y}' "
               f"stroke='{MUTED}'/>")  # fmt: skip
    for i, row in enumerate(rows):
        y = top + row_h * i + row_h / 2
        label = row.label if len(row.label) <= 32 else row.label[:31] + "…"
        out.append(f"<text x='{label_w - 8}' y='{y + 3.5:.1f}' font-size='10' fill='{INK}' "
                   f"text-anchor='end' {FONT}>{escape(label)}</text>")  # fmt: skip
        out.append(f"<line x1='{label_w}' y1='{y:.1f}' x2='{width - right}' y2='{y:.1f}' "
                   f"stroke='{GRID}' stroke-dasharray='2,3'/>")  # fmt: skip
        for d, kind in sorted(row.reports):
            cx = x(d)
            if kind == "denial":
                out.append(f"<path d='M{cx:.1f},{y - 5:.1f} l5,5 l-5,5 l-5,-5 z' "
                           f"fill='{DENIAL}'/>")  # fmt: skip
            elif kind == "echo":
                out.append(f"<circle cx='{cx:.1f}' cy='{y:.1f}' r='4' fill='white' "
                           f"stroke='{ACCENT}' stroke-width='1.5'/>")  # fmt: skip
            else:
                out.append(f"<circle cx='{cx:.1f}' cy='{y:.1f}' r='4.5' fill='{ACCENT}'/>")
    legend_y = axis_y + 28
    if hidden:
        more = f"and {hidden} more row{'s' if hidden > 1 else ''} not drawn"
        out.append(f"<text x='{label_w}' y='{legend_y}' font-size='9' fill='{MUTED}' {FONT}>"
                   f"{more}</text>")  # fmt: skip
    out.append("</svg>")
    return "".join(out)


def _ticks(start: date, end: date) -> list[date]:
    """Year starts for long spans, else month starts thinned to about six labels."""
    if (end - start).days > 3 * 365:
        return [date(y, 1, 1) for y in range(start.year + 1, end.year + 1)]
    months = []
    y, m = start.year, start.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        if date(y, m, 1) > end:
            break
        months.append(date(y, m, 1))
    every = max(math.ceil(len(months) / 6), 1)
    return months[::every]
