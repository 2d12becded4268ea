"""Map elements drawn on a page: scale bar, north arrow, legend, locator inset, labels."""
from __future__ import annotations

import math
from collections.abc import Sequence

import geopandas as gpd
import matplotlib.patheffects as pe
from matplotlib.axes import Axes
from matplotlib.patches import Polygon, Rectangle

from carto_desktop.carto.number_format import format_number

TEXT_COLOUR = "#222222"


def nice_length_km(width_m: float, fraction: float = 0.22) -> float:
    """A round scale-bar length (1, 2 or 5 × 10ⁿ km) no longer than `fraction` of the map."""
    target = width_m * fraction / 1000.0
    exp = math.floor(math.log10(target))
    for step in (5, 2, 1):
        length = step * 10**exp
        if length <= target:
            return float(length)
    return float(10**exp)


def draw_scale_bar(ax: Axes, font_pt: float, lang: str) -> None:
    """A two-segment bar in km at the lower left of a map in a metric projection."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    w, h = x1 - x0, y1 - y0
    km = nice_length_km(w)
    length = km * 1000
    bx, by, bh = x0 + 0.03 * w, y0 + 0.045 * h, 0.009 * h
    ax.add_patch(Rectangle((bx - 0.012 * w, by - 0.03 * h), length + 0.05 * w, 0.085 * h,
                           facecolor="white", edgecolor="none", alpha=0.8, zorder=20))
    for i, colour in enumerate(("#222222", "white")):
        ax.add_patch(Rectangle((bx + i * length / 2, by), length / 2, bh, facecolor=colour,
                               edgecolor="#222222", linewidth=0.6, zorder=21))
    decimals = 0 if km >= 2 else 1
    for frac in (0, 0.5, 1):
        label = format_number(km * frac, lang, decimals if frac == 0.5 else 0)
        if frac == 1:
            label += " km"
        ax.text(bx + frac * length, by + bh + 0.012 * h, label, ha="center", va="bottom",
                fontsize=font_pt, color=TEXT_COLOUR, zorder=22)


def draw_north_arrow(ax: Axes, font_pt: float) -> None:
    """A small arrow and N at the upper right of the map frame (axes coordinates)."""
    cx, top, half, height = 0.955, 0.955, 0.014, 0.07
    tr = ax.transAxes
    ax.add_patch(Polygon([(cx - half, top - height), (cx, top), (cx, top - height * 0.72)], closed=True,
                         facecolor="#222222", edgecolor="#222222", linewidth=0.6, transform=tr, zorder=21))
    ax.add_patch(Polygon([(cx + half, top - height), (cx, top), (cx, top - height * 0.72)], closed=True,
                         facecolor="white", edgecolor="#222222", linewidth=0.6, transform=tr, zorder=21))
    ax.text(cx, top - height - 0.01, "N", transform=tr, ha="center", va="top", fontsize=font_pt + 1,
            fontweight="bold", color=TEXT_COLOUR, zorder=22)


def draw_legend(
    ax: Axes,
    heading: str,
    labels: Sequence[str],
    colours: Sequence[str],
    counts: Sequence[int] | None,
    no_data: tuple[str, str, int] | None,
    font_pt: float,
    heading_lines: Sequence[str] = (),
) -> None:
    """Class boxes low to high, then a separate no-data entry; `ax` spans the panel (0–1 units)."""
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    y = 0.98
    ax.text(0, y, heading, ha="left", va="top", fontsize=font_pt + 1, fontweight="bold", color=TEXT_COLOUR)
    y -= 0.075 + 0.055 * heading.count("\n")
    for line in heading_lines:
        ax.text(0, y, line, ha="left", va="top", fontsize=font_pt - 0.5, color="#555555")
        y -= 0.055
    step, box_w, box_h = 0.085, 0.16, 0.062
    entries = list(zip(labels, colours, counts or [None] * len(labels)))
    for label, colour, count in entries:
        ax.add_patch(Rectangle((0, y - box_h), box_w, box_h, facecolor=colour, edgecolor="#666666", linewidth=0.5))
        text = label if count is None else f"{label}  ({count})"
        ax.text(box_w + 0.05, y - box_h / 2, text, ha="left", va="center", fontsize=font_pt, color=TEXT_COLOUR)
        y -= step
    if no_data is not None:
        label, colour, count = no_data
        y -= 0.03
        ax.add_patch(Rectangle((0, y - box_h), box_w, box_h, facecolor=colour, edgecolor="#666666",
                               linewidth=0.5, hatch="////"))
        ax.text(box_w + 0.05, y - box_h / 2, f"{label}  ({count})", ha="left", va="center",
                fontsize=font_pt, color=TEXT_COLOUR)


def draw_inset(ax: Axes, countries: gpd.GeoDataFrame, country_code: str | None, highlight: str) -> None:
    """The country highlighted among its neighbours: the reader sees where the map is."""
    ax.set_axis_off()
    countries.plot(ax=ax, color="#e6e6e6", edgecolor="#ffffff", linewidth=0.3)
    if country_code is not None:
        target = countries[countries["ADM0_A3"] == country_code]
        if not target.empty:
            target.plot(ax=ax, color=highlight, edgecolor=highlight, linewidth=0.3)
    ax.set_aspect("equal")
    ax.set_xlim(*_padded(countries.total_bounds[[0, 2]], 0.02))
    ax.set_ylim(*_padded(countries.total_bounds[[1, 3]], 0.02))
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_edgecolor("#999999")
        spine.set_linewidth(0.5)


def _padded(lims: Sequence[float], frac: float) -> tuple[float, float]:
    lo, hi = float(lims[0]), float(lims[1])
    pad = (hi - lo) * frac
    return lo - pad, hi + pad


def place_labels(ax: Axes, areas: gpd.GeoDataFrame, names: Sequence[str], font_pt: float, renderer) -> int:
    """Label areas largest first, dropping a label that collides or overflows its area.

    Returns how many labels were placed.
    """
    order = areas.geometry.area.sort_values(ascending=False).index
    points = areas.geometry.representative_point()
    placed = []
    ax_box = ax.get_window_extent(renderer)
    halo = [pe.withStroke(linewidth=2.2, foreground="white")]
    for i in order:
        name = names[areas.index.get_loc(i)]
        if not name:
            continue
        p = points.loc[i]
        t = ax.text(p.x, p.y, name, ha="center", va="center", fontsize=font_pt, color=TEXT_COLOUR,
                    path_effects=halo, zorder=15, clip_on=True)
        box = t.get_window_extent(renderer).expanded(1.08, 1.15)
        minx, miny, maxx, maxy = areas.geometry.loc[i].bounds
        (dx0, dy0), (dx1, dy1) = ax.transData.transform([(minx, miny), (maxx, maxy)])
        too_big = box.width > 1.5 * abs(dx1 - dx0) or box.height > 1.5 * abs(dy1 - dy0)
        outside = not (ax_box.x0 <= box.x0 and box.x1 <= ax_box.x1 and ax_box.y0 <= box.y0 and box.y1 <= ax_box.y1)
        if too_big or outside or any(box.overlaps(b) for b in placed):
            t.remove()
            continue
        placed.append(box)
    return len(placed)
