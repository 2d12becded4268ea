"""The printed page: title, map frame, side panel (legend, inset) and footer.

Sizes are in millimetres, from the humanitarian layout in MAP_LAYOUT.md, so the page
looks the same at any resolution and nothing is drawn inside the margins.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from datetime import date

import geopandas as gpd
import numpy as np
from matplotlib import colormaps
from matplotlib.colors import to_hex
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from carto_desktop.aggregate import AreaValues
from carto_desktop.carto.classify import Classes, classify
from carto_desktop.carto.elements import TEXT_COLOUR, draw_inset, draw_legend, draw_north_arrow, draw_scale_bar, place_labels
from carto_desktop.carto.projection import MapProjection, choose_projection
from carto_desktop.carto.templates import Template
from carto_desktop.i18n import translate
from carto_desktop.match.boundary_keys import BoundaryKeys

MM_PER_INCH = 25.4
PAGE_SIZES_MM = {"A4": (297.0, 210.0), "A3": (420.0, 297.0), "Letter": (279.4, 215.9)}


@dataclass
class PageTexts:
    """Every text on the page, already in the map's language."""

    title: str
    subtitle: str
    legend_heading: str
    sources: list[str]
    disclaimer: str
    producer: str = ""
    created: date = field(default_factory=date.today)
    legend_notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Rect:
    """A box on the page in mm from the lower-left corner."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class PageLayout:
    width: float
    height: float
    header: Rect
    map: Rect
    panel: Rect
    footer: Rect

    def fraction(self, r: Rect) -> list[float]:
        return [r.x / self.width, r.y / self.height, r.w / self.width, r.h / self.height]


def page_layout(size: str = "A4", orientation: str = "landscape", margin: float = 10.0) -> PageLayout:
    """Boxes for header, map, side panel and footer that never overlap and keep the margins."""
    w, h = PAGE_SIZES_MM[size]
    if orientation == "portrait":
        w, h = h, w
    scale = min(w, h) / 210.0  # A3 scales the A4 anatomy
    header_h, footer_h, gap = 22 * scale, 19 * scale, 4 * scale
    inner_w, inner_h = w - 2 * margin, h - 2 * margin
    header = Rect(margin, h - margin - header_h, inner_w, header_h)
    footer = Rect(margin, margin, inner_w, footer_h)
    body_y = margin + footer_h + gap
    body_h = inner_h - header_h - footer_h - 2 * gap
    if orientation == "landscape":
        panel_w = inner_w * 0.26
        map_r = Rect(margin, body_y, inner_w - panel_w - gap, body_h)
        panel = Rect(margin + map_r.w + gap, body_y, panel_w, body_h)
    else:
        panel_h = body_h * 0.28
        map_r = Rect(margin, body_y + panel_h + gap, inner_w, body_h - panel_h - gap)
        panel = Rect(margin, body_y, inner_w, panel_h)
    return PageLayout(w, h, header, map_r, panel, footer)


def class_colours(palette: str, n: int) -> list[str]:
    """`n` colours from a ColorBrewer sequential palette, light to dark, skipping the palest tint."""
    cmap = colormaps[palette]
    return [to_hex(cmap(x)) for x in np.linspace(0.15, 0.95, n)] if n > 1 else [to_hex(cmap(0.6))]


def _frame_limits(bounds: np.ndarray, aspect: float, pad: float = 0.04) -> tuple[tuple[float, float], tuple[float, float]]:
    """Expand data bounds to the frame's aspect ratio so the map fills the frame."""
    minx, miny, maxx, maxy = bounds
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    w, h = (maxx - minx) * (1 + 2 * pad), (maxy - miny) * (1 + 2 * pad)
    if w / h > aspect:
        h = w / aspect
    else:
        w = h * aspect
    return (cx - w / 2, cx + w / 2), (cy - h / 2, cy + h / 2)


def render_page(
    values: AreaValues,
    keys: BoundaryKeys,
    template: Template,
    texts: PageTexts,
    *,
    lang: str = "en",
    countries: gpd.GeoDataFrame | None = None,
    country_code: str | None = None,
    projection: MapProjection | None = None,
) -> Figure:
    """Draw the whole page; the caller exports it (see `export.save_map`)."""
    spec = template.spec
    layout = page_layout(spec["page"]["size"], spec["page"]["orientation"], spec["page"].get("margin_mm", 10))
    fig = Figure(figsize=(layout.width / MM_PER_INCH, layout.height / MM_PER_INCH))
    FigureCanvasAgg(fig)  # label placement measures text, which needs a renderer
    fig.set_facecolor("white")
    family = spec.get("fonts", {}).get("family", "DejaVu Sans")
    body_pt = template.font("body_pt", 8)

    projection = projection or choose_projection(values.areas)
    crs = projection.crs
    areas = values.areas.to_crs(crs)
    classes = classify(areas["value"].to_numpy(), spec["classification"]["scheme"], spec["classification"]["classes"])
    colours = class_colours(template.colour("palette", "YlOrRd"), len(classes))
    no_data_colour = template.colour("no_data", "#ffffff")
    idx = classes.assign(areas["value"].to_numpy())
    fill = [colours[i] if i >= 0 else no_data_colour for i in idx]

    # map frame
    m = layout.map
    ax = fig.add_axes(layout.fraction(m))
    ax.set_facecolor(template.colour("water", "#f7fbff"))
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#666666")
        spine.set_linewidth(0.6)
    xlim, ylim = _frame_limits(areas.total_bounds, m.w / m.h)
    if countries is not None:
        _draw_neighbours(ax, countries, crs, xlim, ylim, template, lang, body_pt, country_code)
    areas.plot(ax=ax, color=fill, edgecolor=template.colour("area_edge", "#ffffff"), linewidth=0.35, zorder=5)
    nodata = areas[idx < 0]
    if not nodata.empty:
        nodata.plot(ax=ax, facecolor="none", edgecolor="#9e9e9e", hatch="////", linewidth=0.0, zorder=6)
    parent = _parent_outlines(areas, keys)
    if parent is not None:
        parent.boundary.plot(ax=ax, color=template.colour("parent_edge", "#4d4d4d"), linewidth=0.8, zorder=7)
    areas.dissolve().boundary.plot(ax=ax, color="#333333", linewidth=1.1, zorder=8)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal", adjustable="box")
    draw_scale_bar(ax, body_pt - 1, lang)
    draw_north_arrow(ax, body_pt)
    if spec.get("labels", True) and keys.name_column:
        renderer = fig.canvas.get_renderer()
        place_labels(ax, areas, areas[keys.name_column].astype(str).tolist(), body_pt - 1.5, renderer)

    # header
    hd = layout.header
    fig.text(hd.x / layout.width, (hd.y + hd.h) / layout.height, texts.title, ha="left", va="top",
             fontsize=template.font("title_pt", 18), fontweight="bold", color=TEXT_COLOUR, family=family)
    fig.text(hd.x / layout.width, (hd.y + hd.h * 0.28) / layout.height, texts.subtitle, ha="left", va="center",
             fontsize=template.font("subtitle_pt", 11), color="#444444", family=family)
    fig.add_artist(_rule(layout, hd.y - 1.5))

    # side panel: legend on top, locator inset below
    p = layout.panel
    inset_h = min(p.h * 0.42, p.w * 0.95)
    legend_r = Rect(p.x, p.y + inset_h + 6, p.w, p.h - inset_h - 6)
    legend_ax = fig.add_axes(layout.fraction(legend_r))
    heading = "\n".join(textwrap.wrap(texts.legend_heading, 30)) or " "
    no_data = (translate("No data", lang), no_data_colour, int((idx < 0).sum()))
    draw_legend(legend_ax, heading, classes.labels(lang), colours, list(classes.counts), no_data, body_pt,
                heading_lines=texts.legend_notes)
    if countries is not None:
        inset_ax = fig.add_axes(layout.fraction(Rect(p.x, p.y, p.w, inset_h)))
        draw_inset(inset_ax, countries, country_code, template.colour("highlight", "#c0392b"))

    # footer
    f = layout.footer
    fig.add_artist(_rule(layout, f.y + f.h + 1.5))
    footer_pt = template.font("footer_pt", 6)
    chars = int(f.w / (footer_pt * 0.5 * 0.3528))  # average glyph ≈ half the font size
    created = texts.created.strftime("%d/%m/%Y" if lang == "fr" else "%Y-%m-%d")
    sep = " : " if lang == "fr" else ": "  # French puts a space before the colon
    joiner = " ; " if lang == "fr" else "; "
    lines = textwrap.wrap(f"{translate('Sources', lang)}{sep}{joiner.join(texts.sources)}", chars)
    meta = [f"{translate('Created', lang)} {created}", f"{translate('Projection', lang)}{sep}{projection.describe(lang)}"]
    if texts.producer:
        meta.insert(1, f"{translate('Producer', lang)}{sep}{texts.producer}")
    lines += textwrap.wrap(" · ".join(meta), chars)
    lines += textwrap.wrap(texts.disclaimer, chars)
    fig.text(f.x / layout.width, (f.y + f.h) / layout.height, "\n".join(lines), ha="left", va="top",
             fontsize=footer_pt, color="#444444", linespacing=1.35, family=family)
    return fig


def _rule(layout: PageLayout, y_mm: float):
    from matplotlib.lines import Line2D

    x0 = layout.header.x / layout.width
    x1 = (layout.header.x + layout.header.w) / layout.width
    y = y_mm / layout.height
    return Line2D([x0, x1], [y, y], color="#bbbbbb", linewidth=0.6)


def _parent_outlines(areas: gpd.GeoDataFrame, keys: BoundaryKeys) -> gpd.GeoDataFrame | None:
    """Outlines of the parent level (regions around cercles), when the layer names them."""
    level = "".join(ch for ch in keys.id_column if ch.isdigit())
    if not level or int(level) < 2:
        return None
    parent_col = next((c for c in areas.columns if c.lower() == keys.id_column.lower().replace(level, str(int(level) - 1))), None)
    if parent_col is None:
        return None
    return areas[[parent_col, areas.geometry.name]].dissolve(by=parent_col)


def _draw_neighbours(
    ax, countries: gpd.GeoDataFrame, crs, xlim, ylim, template: Template, lang: str, font_pt: float, skip: str | None
) -> None:
    """Light grey neighbouring countries with their names: the map's context, not its data."""
    from shapely.geometry import box

    view = gpd.GeoSeries([box(xlim[0], ylim[0], xlim[1], ylim[1])], crs=crs)
    x0, y0, x1, y1 = view.to_crs(4326).total_bounds
    near = countries.cx[x0 - 2:x1 + 2, y0 - 2:y1 + 2]
    if near.empty:
        return
    near = near.to_crs(crs)
    near.plot(ax=ax, color=template.colour("neighbours", "#eeeeee"), edgecolor="#b0b0b0", linewidth=0.5, zorder=1)
    name_col = "NAME_FR" if lang == "fr" and "NAME_FR" in near.columns else "NAME"
    vx = box(xlim[0], ylim[0], xlim[1], ylim[1])
    for geom, name, code in zip(near.geometry, near[name_col], near["ADM0_A3"]):
        if code == skip:
            continue
        part = geom.intersection(vx)
        if part.is_empty or part.area < 0.04 * vx.area:
            continue
        pt = part.representative_point()
        ax.text(pt.x, pt.y, str(name).upper(), ha="center", va="center", fontsize=font_pt - 0.5,
                color="#9a9a9a", style="italic", zorder=2, clip_on=True)
