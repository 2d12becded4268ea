"""The page: title, map frame, legend, locator inset and footer, laid out in millimetres.

Sizes follow the humanitarian layout in MAP_LAYOUT.md, so the page looks the same at any
resolution and nothing is drawn inside the margins. Paper pages (A4, A3, Letter) carry
the full footer; pixel pages (social media) a compact legend and a one-line source.
"""
from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from shapely.ops import polylabel
from shapely.prepared import prep

from carto_desktop.carto.drawn import DrawnPage
from carto_desktop.carto.basemap import TilePack, draw_tile_pack
from carto_desktop.carto.drawing import draw_lines, draw_outlines, draw_polygons
from carto_desktop.carto.elements import (
    TEXT_COLOUR, area_labels, draw_inset, draw_north_arrow, draw_scale_bar, furniture_boxes,
)
from carto_desktop.carto.labels import Label, place
from carto_desktop.carto.legend import LegendSpec, draw_legend, legend_height
from carto_desktop.carto.palettes import category_colours
from carto_desktop.carto.projection import MapProjection, choose_projection, reprojected, to_crs
from carto_desktop.carto.reference import draw_reference, reference_groups
from carto_desktop.carto.templates import Template
from carto_desktop.carto.thematic import (
    MapData, choropleth_style, draw_choropleth, draw_grid, draw_larger_areas, draw_points, draw_presence, draw_sector_panel, draw_symbols,
    sector_legend, sector_order,
)
from carto_desktop.number_format import format_number
from carto_desktop.i18n import translate
from carto_desktop.reuse import kept_shapes
from carto_desktop.match.boundary_keys import BoundaryKeys

MM_PER_INCH = 25.4
PAPER_MM = {"A4": (297.0, 210.0), "A3": (420.0, 297.0), "Letter": (279.4, 215.9)}
PIXEL_PAGES = {"square_1080": (1080, 1080), "landscape_1200x675": (1200, 675), "story_1080x1920": (1080, 1920)}
PIXEL_DPI = 150  # pixel pages are laid out as if printed at 150 dpi


@dataclass
class PageTexts:
    """Every text on the page, already in the map's language."""

    title: str
    subtitle: str
    sources: list[str]
    disclaimer: str
    producer: str = ""
    created: date = field(default_factory=date.today)
    footnote: str = ""  # rows not on the map, said on it (`rows_account.RowsAccount.footnote`)


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
    legend: Rect
    inset: Rect | None
    footer: Rect
    compact: bool = False
    pixels: tuple[int, int] | None = None
    side_panel: bool = False  # landscape paper: title, legend, inset and footer in a column beside the map
    scale: float = 1.0  # A3 = 1.41 × the A4 anatomy

    def fraction(self, r: Rect) -> list[float]:
        return [r.x / self.width, r.y / self.height, r.w / self.width, r.h / self.height]


def page_layout(size: str = "A4", orientation: str = "landscape", margin: float = 8.0, inset: bool = True) -> PageLayout:
    """Boxes for header, map, legend, inset and footer that never overlap and keep the margins.

    The map takes about two thirds of the page, as on MapAction's and OCHA's sheets. Landscape:
    the map the full height of the page, and one column beside it with the title, legend,
    locator and footer (their heights are measured once drawn: `_fit_panel`). Portrait: a compact
    title band, the map, then legend and locator side by side, and the footer the full width.
    """
    if size in PIXEL_PAGES:
        return _pixel_layout(size)
    w, h = PAPER_MM[size]
    if orientation == "portrait":
        w, h = h, w
    scale = min(w, h) / 210.0  # A3 scales the A4 anatomy
    gap = 3 * scale
    inner_w, inner_h = w - 2 * margin, h - 2 * margin
    if orientation != "portrait":  # "auto" is decided by the caller (`choose_orientation`); landscape else
        panel_w = inner_w * 0.215
        map_r = Rect(margin, margin, inner_w - panel_w - gap, inner_h)
        px = margin + map_r.w + gap
        header_h, footer_h = 34 * scale, 30 * scale  # first guesses; `_fit_panel` measures the drawn texts
        header = Rect(px, h - margin - header_h, panel_w, header_h)
        footer = Rect(px, margin, panel_w, footer_h)
        inset_h = panel_w * 0.72 if inset else 0
        inset_r = Rect(px, margin + footer_h + gap, panel_w, inset_h) if inset else None
        legend_y = margin + footer_h + gap + (inset_h + gap if inset else 0)
        legend = Rect(px, legend_y, panel_w, header.y - gap - legend_y)
        return PageLayout(w, h, header, map_r, legend, inset_r, footer, side_panel=True, scale=scale)
    header_h, footer_h, panel_h = 13 * scale, 13 * scale, 31 * scale
    header = Rect(margin, h - margin - header_h, inner_w, header_h)
    footer = Rect(margin, margin, inner_w, footer_h)
    panel_y = margin + footer_h + gap
    map_y = panel_y + panel_h + gap
    map_r = Rect(margin, map_y, inner_w, header.y - gap - map_y)
    inset_w = panel_h * 1.15 if inset else 0
    legend = Rect(margin, panel_y, inner_w - inset_w - (gap if inset else 0), panel_h)
    inset_r = Rect(margin + inner_w - inset_w, panel_y, inset_w, panel_h) if inset else None
    return PageLayout(w, h, header, map_r, legend, inset_r, footer, scale=scale)


def _pixel_layout(size: str) -> PageLayout:
    px_w, px_h = PIXEL_PAGES[size]
    w, h = px_w / PIXEL_DPI * MM_PER_INCH, px_h / PIXEL_DPI * MM_PER_INCH
    m = 0.03 * min(w, h)
    header_h, legend_h, footer_h = 0.125 * min(w, h), 0.13 * min(w, h), 0.055 * min(w, h)
    header = Rect(m, h - m - header_h, w - 2 * m, header_h)
    footer = Rect(m, m, w - 2 * m, footer_h)
    legend = Rect(m, m + footer_h + 0.01 * h, w - 2 * m, legend_h)
    map_y = legend.y + legend_h + 0.012 * h
    map_r = Rect(m, map_y, w - 2 * m, header.y - 0.012 * h - map_y)
    return PageLayout(w, h, header, map_r, legend, None, footer, compact=True, pixels=(px_w, px_h))


def _gap(layout: PageLayout) -> float:
    """The space between the page's boxes, in mm: 3 mm on A4 paper (scaled on A3), 1.2 % of a card's height."""
    return 0.012 * layout.height if layout.compact else 3 * layout.scale


def _fit_panel(fig: Figure, layout: PageLayout, header_bottom: float, footer_top: float) -> PageLayout:
    """The boxes once the title and footer are drawn and measured, so no band is left blank.

    Landscape: the locator just above the footer, the legend in all the height left below the
    subtitle. Portrait and pixel pages: legend (and locator) just above the footer, the map in
    everything between them and the subtitle.
    """
    gap = _gap(layout)
    if layout.side_panel:
        x, w = layout.legend.x, layout.legend.w
        inset = None
        bottom = footer_top + gap
        if layout.inset is not None:
            inset = Rect(x, bottom, w, layout.inset.h)
            bottom += layout.inset.h + gap
        return replace(layout, legend=Rect(x, bottom, w, max(header_bottom - gap - bottom, 10.0)), inset=inset)
    if layout.compact:  # a card: the map from footer to title, its legend over the frame's foot
        map_r = Rect(layout.map.x, footer_top + 0.6 * gap, layout.map.w, header_bottom - gap - footer_top - 0.6 * gap)
        legend = Rect(map_r.x + 1.5, map_r.y + 1.0, map_r.w - 3, layout.legend.h)
        return replace(layout, legend=legend, map=map_r)
    panel_y = footer_top + gap
    legend = replace(layout.legend, y=panel_y)
    # the locator level with the legend's top (a legend taller than the usual panel grows downwards from it)
    inset = replace(layout.inset, y=panel_y + layout.legend.h - layout.inset.h) if layout.inset is not None else None
    map_y = panel_y + layout.legend.h + gap
    map_r = Rect(layout.map.x, map_y, layout.map.w, header_bottom - gap - map_y)
    return replace(layout, legend=legend, inset=inset, map=map_r)


def _legend_room(layout: PageLayout, need: float) -> PageLayout:
    """A landscape page's legend `need` mm high where its column leaves it less: the locator under it
    gives up the height, down to half its own; a legend taller still takes the locator's place (the
    legend says what the map means, the locator only where it is). Other pages as they are (a portrait
    page is drawn with the legend's height: `_draw_page`)."""
    short = need - layout.legend.h
    if not layout.side_panel or short <= 0 or layout.inset is None:
        return layout
    x, w = layout.legend.x, layout.legend.w
    if short <= layout.inset.h / 2:
        inset = replace(layout.inset, h=layout.inset.h - short)
        legend = Rect(x, layout.legend.y - short, w, layout.legend.h + short)
        return replace(layout, legend=legend, inset=inset)
    legend = Rect(x, layout.inset.y, w, layout.legend.y + layout.legend.h - layout.inset.y)
    return replace(layout, legend=legend, inset=None)


def choose_orientation(bounds, size: str, margin: float, inset: bool) -> str:
    """Landscape or portrait, whichever frame the data fills more (Chad portrait, Mali landscape)."""
    minx, miny, maxx, maxy = bounds
    aspect = (maxx - minx) / max(maxy - miny, 1e-9)
    best, fill = "landscape", -1.0
    for orientation in ("landscape", "portrait"):
        frame = page_layout(size, orientation, margin, inset).map
        frame_aspect = frame.w / frame.h
        share = min(aspect, frame_aspect) / max(aspect, frame_aspect) * frame.w * frame.h
        if share > fill * 1.05:  # landscape unless portrait is clearly better
            best, fill = orientation, share
    return best


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


def render_page(data: MapData, template: Template, texts: PageTexts, **options) -> tuple[Figure, DrawnPage]:
    """Draw the whole page (options as `_draw_page`); the caller exports it (see `export.save_map`).

    Returns the Figure and what the page knows about itself (`DrawnPage`: a pixel page's size, the
    map axes, the areas as drawn…), which export, the app's outline of an area and the layout
    report need beside it.

    People type titles such as "10$ to 20$ per household": matplotlib would read the text
    between two dollar signs as mathematics and drop the signs, so no text on a map is maths.
    """
    with rc_context({"text.parse_math": False}):
        return _draw_page(data, template, texts, **options)


def _draw_page(
    data: MapData,
    template: Template,
    texts: PageTexts,
    *,
    lang: str = "en",
    countries: gpd.GeoDataFrame | None = None,
    country_code: str | None = None,
    projection: MapProjection | None = None,
    tile_pack: TilePack | None = None,
    highlight: str | None = None,
    legend_h: float | None = None,
) -> tuple[Figure, DrawnPage]:
    """Draw the whole page; the caller exports it (see `export.save_map`).

    `data` is in any CRS; it is drawn in `projection` (default: equal-area centred on it).
    `highlight` is an area id to outline boldly with its name (see `draw_highlight`).
    `legend_h`: a portrait page's legend panel height (mm), when its entries need more than the
    usual panel: the page is then drawn again with it (the legend is known once the map is drawn).
    """
    again = dict(lang=lang, countries=countries, country_code=country_code, projection=projection,
                 tile_pack=tile_pack, highlight=highlight)
    source = data
    spec = template.spec
    page = spec["page"]
    projection = again["projection"] = projection or choose_projection(data.areas)
    inset = spec.get("inset", True) and countries is not None
    orientation = page.get("orientation", "auto")
    if orientation == "auto":
        orientation = "landscape" if page["size"] in PIXEL_PAGES else choose_orientation(
            _data_bounds(data, projection.crs), page["size"], page.get("margin_mm", 8), inset)
    layout = page_layout(page["size"], orientation, page.get("margin_mm", 8), inset=inset)
    usual_h = layout.legend.h  # the legend panel's height before its entries are known
    if legend_h is not None:
        layout = replace(layout, legend=replace(layout.legend, h=legend_h))
    fig = Figure(figsize=(layout.width / MM_PER_INCH, layout.height / MM_PER_INCH))
    FigureCanvasAgg(fig)  # label placement measures text, which needs a renderer
    drawn = DrawnPage(pixels=layout.pixels)  # export.save_map reads a pixel page's size
    fig.set_facecolor("white")
    body_pt = template.font("body_pt", 8)

    crs = projection.crs
    # the texts first: the map then takes every millimetre they leave
    header_bottom = _header(fig, layout, template, texts)
    # the title band's artists (the page holds nothing else yet): the app may write another title (`retitle_page`)
    drawn.header = _Header(layout, header_bottom, fig.dpi, tuple(a for a in fig.get_children() if a is not fig.patch))
    footer_top = _footer(fig, layout, template, texts, projection, lang)
    layout = _fit_panel(fig, layout, header_bottom, footer_top)
    if layout.side_panel:
        usual_h = layout.legend.h
    data = _projected(data, crs, layout, template)

    drawn.areas, drawn.keys, drawn.font_pt = data.areas, data.keys, body_pt  # for draw_highlight
    if template.kind == "sectors":
        layout = sectors_layout(layout, min(len(sector_order(data)), spec.get("max_panels", 8)))
        legend = _draw_sector_panels(fig, drawn, layout, data, template, lang, countries, country_code, body_pt)
    else:
        outlines = outlines_of(data)
        ax = _map_axes(fig, drawn, layout, layout.map, data, template, lang, countries, country_code, body_pt,
                       tile_pack, outer=outlines.outer[0])
        drawn.map_axes, drawn.map_crs = [ax], data.areas.crs
        mm_to_units = (ax.get_xlim()[1] - ax.get_xlim()[0]) / layout.map.w
        outlines = _closed(outlines, mm_to_units ** 2, _metres_per_unit(data.areas.crs))
        legend = {
            "choropleth": lambda: (draw_grid if data.outlines is not None else draw_choropleth)(ax, data, template, lang),
            "presence": lambda: draw_presence(ax, data, template, lang),
            "symbols": lambda: draw_symbols(ax, data, template, lang, mm_to_units),
            "points": lambda: draw_points(ax, data, template, lang),
        }[template.kind]()
        legend.caveats = ["\n".join(textwrap.wrap(c, 90 if layout.compact else 36)) for c in legend.caveats]
        larger = draw_larger_areas(ax, data) if data.outlines is None and template.kind != "points" else None
        if larger:
            legend.entries.append(larger)  # rows that name only a region, drawn on it
        reference = draw_reference(ax, data.areas.crs, outlines.outer[0], country_code, lang, body_pt - 1,
                                   reference_groups(spec, layout.compact))
        legend.reference = reference.legend
        need = 0.0 if layout.compact else legend_height(legend, body_pt, layout.legend.w, usual_h)
        if need > usual_h and legend_h is None and not layout.side_panel:
            return _draw_page(source, template, texts, legend_h=need, **again)  # the map leaves the legend its height
        layout = _legend_room(layout, need)
        if template.kind == "choropleth" and data.outlines is None:  # the app may colour it again (`recolour_page`)
            drawn.colouring = _Colouring(layout, body_pt, larger, reference.legend, usual_h, need)
        _outlines(ax, outlines, template)
        drawn.scale_bar = draw_scale_bar(ax, body_pt - 1, lang,
                                             bottom_mm=layout.legend.h + 2.5 if layout.compact else 0.0)
        draw_north_arrow(ax, body_pt)
        renderer = fig.canvas.get_renderer()
        named, keys = (data.outlines, data.outline_keys) if data.outlines is not None else (data.areas, data.keys)
        labels = reference.labels + getattr(ax, "carto_labels", [])
        if spec.get("labels", True) and keys and keys.name_column and template.kind not in ("points", "symbols"):
            # over a hexagon grid the admin areas are named, never the cells (whose counts may be small)
            values = named["value"].to_numpy(dtype=float) if "value" in named and data.outlines is None else None
            towns = {_folded(lb.texts[0]) for lb in reference.labels if lb.kind in ("capital", "town_label")}
            labels += [lb for lb in area_labels(ax, named, named[keys.name_column].astype(str).tolist(), body_pt - 1.5,
                                                renderer, values=values)
                       if _folded(lb.texts[0]) not in towns]  # the town's name names its cercle too
        obstacles = furniture_boxes(ax, renderer)
        if layout.compact:
            obstacles.append(_display_box(fig, layout.legend))
        place(ax, labels, renderer, obstacles=obstacles)

    _page_legend(fig, layout, legend, body_pt)
    if layout.inset is not None and countries is not None:
        inset_ax = fig.add_axes(layout.fraction(layout.inset), gid="inset")
        draw_inset(inset_ax, countries, country_code, template.colour("highlight", "#c0392b"),
                   frame=_view_of(drawn, countries.crs))
    if highlight is not None:
        draw_highlight(drawn, highlight)
    return fig, drawn


def _page_legend(fig: Figure, layout: PageLayout, legend: LegendSpec, body_pt: float) -> Axes:
    legend_ax = fig.add_axes(layout.fraction(layout.legend), gid="legend")
    if layout.compact:
        legend.notes = []
        legend.heading = legend.heading.replace("\n", " ")
    draw_legend(legend_ax, legend, body_pt, layout.legend.w, layout.legend.h, compact=layout.compact)
    if layout.compact:  # over the map: on a white ground
        from matplotlib.patches import Rectangle

        legend_ax.add_patch(Rectangle((-1.0, -layout.legend.h), layout.legend.w + 2.0, layout.legend.h + 1.0,
                                      facecolor="white", edgecolor="none", alpha=0.92, zorder=0, clip_on=False))
    return legend_ax


@dataclass(frozen=True)
class _Colouring:
    """What a choropleth page's legend was drawn with besides its classes (`recolour_page`)."""

    layout: PageLayout
    body_pt: float
    larger: object | None  # the legend entry of rows naming only a region
    reference: list  # the legend entries of the capital, towns, lakes and rivers
    usual_h: float = 0.0  # the legend panel's height before its entries were known (mm)
    need: float = 0.0  # the height the legend needed (`legend_height`): the panel and locator were fitted to it


@dataclass(frozen=True)
class _Header:
    """The title band as drawn: the layout it was drawn in, where it ends, at what resolution, its artists."""

    layout: PageLayout
    bottom: float  # mm from the page's foot: the map and panel start below it
    dpi: float  # the figure's while it was laid out (texts are wrapped as measured)
    artists: tuple


def retitle_page(fig: Figure, drawn: DrawnPage, template: Template, texts: PageTexts) -> bool:
    """Write another title and subtitle on a drawn page, in place, when they end where the old ones did:
    the map, legend and footer then stay where a page drawn afresh puts them (the app's title and
    subtitle edits, typed a word at a time). False, with nothing changed, when the band would grow or shrink
    (another number of lines): draw the page afresh."""
    header = getattr(drawn, "header", None)
    if header is None:
        return False
    dpi = fig.dpi
    scratch = Figure(figsize=fig.get_size_inches(), dpi=header.dpi)
    FigureCanvasAgg(scratch)
    with rc_context({"text.parse_math": False}):
        if _header(scratch, header.layout, template, texts) != header.bottom:
            return False
        fig.set_dpi(header.dpi)  # measured and wrapped as when the page was laid out
        try:
            for artist in header.artists:
                artist.remove()
            before = set(map(id, fig.get_children()))
            bottom = _header(fig, header.layout, template, texts)
        finally:
            fig.set_dpi(dpi)
    drawn.header = replace(header, bottom=bottom,
                           artists=tuple(a for a in fig.get_children() if id(a) not in before))
    return True


def recolour_page(fig: Figure, drawn: DrawnPage, data: MapData, template: Template, lang: str) -> bool:
    """Colour a drawn choropleth page again, in place, for `template`'s classes and palette: the areas'
    fills and the legend; everything else (frame, neighbours, outlines, names placed, texts) is what a
    page drawn afresh would show, as the same areas with the same values are drawn in the same frame.

    The app's palette, classification and class edits: laying the page out again took most of a
    preview's processor time (Nigeria's 774 LGAs: 0.1 s). False, with nothing changed, when the page
    cannot be coloured again this way (not a plain choropleth, other areas or values): draw it afresh.
    """
    colouring = getattr(drawn, "colouring", None)
    if colouring is None or template.kind != "choropleth" or data.outlines is not None or not drawn.map_axes:
        return False
    areas = drawn.areas
    if len(areas) != len(data.areas) or not areas.index.equals(data.areas.index) or not np.array_equal(
            areas["value"].to_numpy(dtype=float), data.areas["value"].to_numpy(dtype=float), equal_nan=True):
        return False
    ax = drawn.map_axes[0]
    fills = next((c for c in ax.collections if c.get_gid() == "areas"), None)
    legend_ax = next((a for a in fig.axes if a.get_gid() == "legend"), None)
    if fills is None or legend_ax is None:
        return False
    style = choropleth_style(data, template, lang)
    legend = style.legend
    if colouring.larger:
        legend.entries.append(colouring.larger)
    legend.reference = colouring.reference
    if not colouring.layout.compact and legend_height(legend, colouring.body_pt, colouring.layout.legend.w,
                                                      colouring.usual_h) != colouring.need:
        return False  # another number of classes needs another height of legend: the page is laid out again
    fresh = draw_polygons(ax, areas.geometry.to_numpy(), style.fills, template.colour("area_edge", "#ffffff"), 0.35)
    fills.set_paths(fresh.get_paths())  # the same collection, where it was among the map's layers
    fills.set_facecolor(fresh.get_facecolor())
    fresh.remove()
    fig.delaxes(legend_ax)
    with rc_context({"text.parse_math": False}):  # as `render_page`: "$" in a legend heading is a dollar
        _page_legend(fig, colouring.layout, legend, colouring.body_pt)
    return True


def map_view(areas: gpd.GeoDataFrame, template: Template):
    """The box (in the areas' CRS, already the map's) the page's frame will show for these areas:
    the frame's shape on the template's page, the data centred with its padding."""
    page = template.spec["page"]
    inset = template.spec.get("inset", True)
    orientation = page.get("orientation", "auto")
    bounds = areas.total_bounds
    if orientation == "auto":
        orientation = "landscape" if page["size"] in PIXEL_PAGES else choose_orientation(
            bounds, page["size"], page.get("margin_mm", 8), inset)
    frame = page_layout(page["size"], orientation, page.get("margin_mm", 8), inset=inset).map
    (x0, x1), (y0, y1) = _frame_limits(bounds, frame.w / frame.h)
    return shapely.box(x0, y0, x1, y1)


def _display_box(fig: Figure, r: Rect):
    """A page box (mm) in display pixels."""
    from matplotlib.transforms import Bbox

    k = fig.dpi / MM_PER_INCH
    return Bbox.from_bounds(r.x * k, r.y * k, r.w * k, r.h * k)


def _data_bounds(data: MapData, crs) -> np.ndarray:
    """What the frame must show, in the map's CRS (the areas, or the sites' areas), for the page's shape."""
    layer = data.outlines if data.outlines is not None else data.areas
    bounds = layer.total_bounds
    return shapely.total_bounds(reprojected([shapely.box(*bounds).segmentize((bounds[2] - bounds[0]) / 10)], layer.crs,
                                            crs))


def _folded(name: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if c.isalnum())


def _view_of(drawn: DrawnPage, crs):
    """The single map's view as a polygon in `crs` (None for a grid of small maps)."""
    if len(drawn.map_axes) != 1 or drawn.map_crs is None:
        return None
    (x0, x1), (y0, y1) = drawn.map_axes[0].get_xlim(), drawn.map_axes[0].get_ylim()
    return reprojected([shapely.box(x0, y0, x1, y1).segmentize((x1 - x0) / 20)], drawn.map_crs, crs)[0]


HIGHLIGHT_EDGE = "#111111"


def draw_highlight(drawn: DrawnPage, area_id: str) -> list:
    """Outline one area boldly and write its name on a page `render_page` drew.

    The app's Match step shows the area a person is about to choose this way. Returns the
    artists added (empty if the page has no such area), so a caller that keeps the page can
    draw them over a saved copy of its pixels and remove them afterwards, instead of drawing
    the whole page again.
    """
    import matplotlib.patheffects as pe

    areas, keys = drawn.areas, drawn.keys
    if areas is None or keys is None:
        return []
    hit = areas[areas[keys.id_column].astype(str) == str(area_id)]
    if hit.empty:
        return []
    geoms = hit.geometry.to_numpy()
    name = str(hit[keys.name_column].iloc[0]) if keys.name_column else str(area_id)
    font_pt = drawn.font_pt
    added = []
    for ax in drawn.map_axes:
        halo = draw_outlines(ax, geoms, "white", 4.2, zorder=20)
        line = draw_outlines(ax, geoms, HIGHLIGHT_EDGE, 2.2, zorder=21)
        added += [halo, line]
        minx, miny, maxx, maxy = shapely.total_bounds(geoms)
        x0, x1 = ax.get_xlim()
        if max(maxx - minx, maxy - miny) < 0.04 * (x1 - x0):  # too small to see its outline: ring it
            ring, = ax.plot([(minx + maxx) / 2], [(miny + maxy) / 2], marker="o", markersize=16,
                            markerfacecolor="none", markeredgecolor=HIGHLIGHT_EDGE, markeredgewidth=2.2, zorder=21,
                            path_effects=[pe.withStroke(linewidth=4.2, foreground="white")])
            added.append(ring)
        spot = shapely.union_all(geoms).representative_point()
        label = ax.text(spot.x, spot.y, name, ha="center", va="center", fontsize=font_pt + 2, fontweight="bold",
                        color=HIGHLIGHT_EDGE, zorder=22, clip_on=True, parse_math=False,
                        path_effects=[pe.withStroke(linewidth=3, foreground="white")])
        added.append(label)
    return added


def _projected(data: MapData, crs, layout: PageLayout, template: Template) -> MapData:
    """Reproject, and simplify areas to a tenth of a millimetre on paper (shared borders kept)."""
    areas = _to_crs(data.areas, crs)
    outlines = _to_crs(data.outlines, crs) if data.outlines is not None else None  # admin areas over a grid
    minx, miny, maxx, maxy = (outlines if outlines is not None else areas).total_bounds
    tolerance = max(maxx - minx, maxy - miny) / max(layout.map.w, layout.map.h) * 0.1  # 0.1 mm in map units
    areas = simplified(areas, tolerance)
    outlines = simplified(outlines, tolerance) if outlines is not None else None
    points = to_crs(data.points, crs) if data.points is not None else None
    larger = to_crs(data.larger_areas, crs) if data.larger_areas is not None else None  # a few regions, dissolved
    if larger is not None:  # dissolved regions keep the file's gaps as holes: closed, as the outlines' are
        width = SLIVER_M / _metres_per_unit(larger.crs)
        larger = larger.set_geometry([_without_small_holes(g, (10 * tolerance) ** 2, width)
                                      for g in shapely.simplify(larger.geometry.to_numpy(), tolerance)])
    context = to_crs(data.context, crs) if data.context is not None else None  # regions around a region's map
    return replace(data, areas=areas, points=points, outlines=outlines, larger_areas=larger, context=context)


def _to_crs(frame: gpd.GeoDataFrame, crs) -> gpd.GeoDataFrame:
    """`frame.to_crs(crs)`; the app's engine process keeps the projected shapes between previews."""
    geoms = frame.geometry.to_numpy()
    projected = kept_shapes("projected", (geoms,), (frame.crs, crs),
                            lambda: reprojected(geoms, frame.crs, crs))
    return frame.set_geometry(gpd.GeoSeries(projected, index=frame.index, crs=crs, name=frame.geometry.name))


def simplified(areas: gpd.GeoDataFrame, tolerance: float) -> gpd.GeoDataFrame:
    """Areas simplified to `tolerance` (map units) with shared borders kept (`coverage_simplify`), so
    neighbours still meet; an area the simplification breaks keeps its own shape. Layers already
    light (≤ 20 points an area on average) are left as they are."""
    geoms = areas.geometry.to_numpy()
    if shapely.get_num_coordinates(geoms).sum() > 20 * len(geoms):
        def simplify():
            simplified = shapely.coverage_simplify(geoms, tolerance)
            ok = shapely.is_valid(simplified) & ~shapely.is_empty(simplified)
            return np.where(ok, simplified, geoms)

        areas = areas.set_geometry(kept_shapes("simplified", (geoms,), (tolerance,), simplify), crs=areas.crs)
    return areas


def _map_axes(fig: Figure, drawn: DrawnPage, layout: PageLayout, frame: Rect, data: MapData, template: Template,
              lang: str,
              countries, country_code, font_pt: float, tile_pack: TilePack | None = None, outer=None,
              name_neighbours: bool = True) -> Axes:
    ax = fig.add_axes(layout.fraction(frame))
    ax.set_facecolor(template.colour("water", "#f7fbff"))
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#666666")
        spine.set_linewidth(0.6)
    bounds = data.areas.total_bounds
    if data.outlines is not None:  # a grid: the frame shows the whole boundary layer around the cells
        ob = data.outlines.total_bounds
        bounds = np.array([min(bounds[0], ob[0]), min(bounds[1], ob[1]), max(bounds[2], ob[2]), max(bounds[3], ob[3])])
    if data.points is not None and len(data.points):
        # sites frame their own areas: 223 DTM sites around Lake Chad are not a map of the whole of Chad
        hit = data.areas.sindex.query(data.points.geometry.to_numpy(), predicate="intersects")[1]
        if len(hit):
            bounds = data.areas.iloc[np.unique(hit)].total_bounds
        pb = data.points.total_bounds
        bounds = np.array([min(bounds[0], pb[0]), min(bounds[1], pb[1]), max(bounds[2], pb[2]), max(bounds[3], pb[3])])
    # a card's legend lies over the frame's foot; a sectors card's panels sit beside or above it
    over = (layout.legend.x < frame.x + frame.w and frame.x < layout.legend.x + layout.legend.w
            and layout.legend.y < frame.y + frame.h and frame.y < layout.legend.y + layout.legend.h)
    reserve = layout.legend.h + 2.5 if layout.compact and over else 0.0
    xlim, ylim = _frame_limits(bounds, frame.w / (frame.h - reserve))
    ylim = (ylim[0] - reserve * (xlim[1] - xlim[0]) / frame.w, ylim[1])
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal", adjustable="box")
    ax.set_autoscale_on(False)
    if tile_pack is not None and not draw_tile_pack(ax, tile_pack, data.areas.crs, pixels=drawn.pixels):
        drawn.basemap_partial = True  # said to the user (`project.build_map` notices)
    if countries is not None and template.spec.get("basemap", "outlines") != "none":
        ax.carto_labels = _draw_neighbours(ax, countries, data.areas.crs, xlim, ylim, template, lang, font_pt,
                                           country_code, fill=tile_pack is None, outer=outer,
                                           names=name_neighbours)
    if data.context is not None and len(data.context):
        ax.carto_labels = getattr(ax, "carto_labels", []) + _draw_context(ax, data.areas, data.context, xlim, ylim,
                                                                          font_pt, names=name_neighbours)
    return ax


def _draw_context(ax: Axes, areas: gpd.GeoDataFrame, context: gpd.GeoDataFrame, xlim, ylim, font_pt: float,
                  names: bool = True) -> list[Label]:
    """The regions around a region's map (`framing.regions_around`): the borders they share with each other
    and with the region, light grey, and their names for the placement pass, in grey italics as a
    neighbouring country's are, but not in capitals: they are regions of the same country. A country's
    outer border is not drawn again here: the neighbouring countries' edges show it."""
    vx = shapely.box(xlim[0], ylim[0], xlim[1], ylim[1])
    shapes = np.concatenate([context.geometry.to_numpy(), [shapely.union_all(areas.geometry.to_numpy())]])
    tree = shapely.STRtree(shapes)
    left, right = tree.query(shapes, predicate="intersects")
    pairs = left < right
    borders = shapely.intersection(shapely.boundary(shapes[left[pairs]]), shapely.boundary(shapes[right[pairs]]))
    if len(borders):
        draw_lines(ax, borders, "#b0b0b0", 0.5, zorder=1.5)
    if not names:
        return []
    mm = (xlim[1] - xlim[0]) / (ax.get_position().width * ax.figure.get_size_inches()[0] * MM_PER_INCH)
    return _grey_names(ax, context.geometry.to_numpy(), [str(n) for n in context["name"]], vx, mm, font_pt, " -")


@dataclass(frozen=True)
class Outlines:
    """Parent-level borders and the layer's outer border, dissolved once per page."""

    parents: np.ndarray | None
    outer: np.ndarray


def outlines_of(data: MapData, min_hole: float = 0.0) -> Outlines:
    """Region and country outlines; holes smaller than `min_hole` (map units², about 1 mm² of paper)
    are closed: boundary files have gaps between neighbours (Mali's COD: dozens of 0.1–8 km²) that a
    dissolve turns into holes, drawn as stray dark dashes inside a region. Real enclaves
    (Bamako in Koulikoro, 240 km²) stay."""
    areas, keys = (data.outlines, data.outline_keys or data.keys) if data.outlines is not None else (data.areas, data.keys)
    columns = keys.parent_columns(areas.columns)
    parent_of = tuple(areas[columns[0]].tolist()) if columns is not None else None

    def dissolve() -> Outlines:
        parent = _parent_outlines(areas, keys)
        parents = parent.geometry.to_numpy() if parent is not None else None
        # the country from its regions when every area has one: the same area, a tenth as many pieces to
        # union (Nigeria's 774 LGAs, not a clean coverage: 0.20 s → 0.10 s from the 37 states' outlines)
        whole = parents if parents is not None and not areas[columns[0]].isna().any() else areas.geometry.to_numpy()
        outer = np.array([_union(whole)])
        return _closed(Outlines(parents, outer), min_hole, _metres_per_unit(areas.crs))

    return kept_shapes("outlines", (areas.geometry.to_numpy(),), (parent_of, min_hole, areas.crs), dissolve)


def _metres_per_unit(crs) -> float:
    if crs is None or crs.is_geographic:
        return 111_320.0  # a degree, near enough to tell a 500 m sliver from a town
    return float(crs.axis_info[0].unit_conversion_factor) if crs.axis_info else 1.0


def _closed(outlines: Outlines, min_hole: float, unit_m: float = 1.0) -> Outlines:
    if min_hole <= 0:
        return outlines
    width = SLIVER_M / unit_m

    def close() -> Outlines:
        parents = None if outlines.parents is None else np.array(
            [_without_small_holes(g, min_hole, width) for g in outlines.parents])
        return Outlines(parents, np.array([_without_small_holes(g, min_hole, width) for g in outlines.outer]))

    parents = () if outlines.parents is None else outlines.parents
    return kept_shapes("closed", (parents, outlines.outer), (outlines.parents is None, min_hole, width), close)


NEIGHBOUR_REACH_M = 20000.0  # how far a neighbour is stretched to meet the official outline, at least
SLIVER_M = 500.0  # a hole narrower than this on average (2 × area / perimeter) is a gap between two files' edges


def _without_small_holes(geom, min_area: float, min_width: float = 0.0):
    """Holes under `min_area`, or long thin ones (Chad's COD: 70 gaps 0.1–260 m wide, up to 400 km long,
    drawn as stray black dashes when the map zooms in) closed; a real enclave is neither."""
    parts = shapely.get_parts(geom)
    kept = []
    for p in parts:
        if p.geom_type != "Polygon":
            kept.append(p)
            continue
        rings = shapely.get_interior_ring(p, np.arange(shapely.get_num_interior_rings(p)))
        kept.append(shapely.Polygon(p.exterior, list(rings[_real_holes(rings, min_area, min_width)])))
    return shapely.multipolygons(kept) if len(kept) > 1 else kept[0]


def _real_holes(rings: np.ndarray, min_area: float, min_width: float) -> np.ndarray:
    """Which holes (rings) are no gap: an area of `min_area` or more, `min_width` wide or more on average. All of
    a polygon's holes at once: Nigeria's outline has 2,900, tested one by one in Python 0.03-0.05 s of a first map."""
    area = shapely.area(shapely.polygons(rings))
    return (area >= min_area) & (2 * area / np.maximum(shapely.length(rings), 1e-12) >= min_width)


def _outlines(ax: Axes, outlines: Outlines, template: Template) -> None:
    """Draw parent-level outlines (regions around cercles) and the outline of the whole layer."""
    if outlines.parents is not None:
        draw_outlines(ax, outlines.parents, template.colour("parent_edge", "#4d4d4d"), 0.8, zorder=7)
    draw_outlines(ax, outlines.outer, "#333333", 1.1, zorder=8)


PANEL_GAP = 2.0  # mm between sector panels; none at the frame's outer edge, so the panels fill it


def _sector_grid(frame: Rect, n: int) -> tuple[int, int, float, float]:
    """Columns, rows and cell size (mm) of `n` panels in `frame`, cells as square as the frame allows."""
    cols = max(1, min(int(np.ceil(np.sqrt(n * frame.w / frame.h))), n))
    rows = int(np.ceil(n / cols))
    return cols, rows, (frame.w - (cols - 1) * PANEL_GAP) / cols, (frame.h - (rows - 1) * PANEL_GAP) / rows


def sectors_layout(layout: PageLayout, n: int) -> PageLayout:
    """Where the grid of `n` panels leaves its last cells empty, the legend (and on paper the locator)
    goes there, as on MapAction's sheets: on portrait paper the panels also take the band the legend
    held, on a card the legend no longer lies over the lower panels (a full grid there stands above the
    legend instead). Landscape paper, with its side column, keeps its layout."""
    if layout.side_panel or n < 1:
        return layout
    gap = _gap(layout)
    if layout.compact:
        frame = layout.map
    else:
        frame = Rect(layout.map.x, layout.legend.y, layout.map.w, layout.map.y + layout.map.h - layout.legend.y)
    cols, rows, cell_w, cell_h = _sector_grid(frame, n)
    empty = rows * cols - n
    if empty == 0:
        if not layout.compact:
            return layout
        top = layout.legend.y + layout.legend.h + gap
        return replace(layout, map=Rect(frame.x, top, frame.w, frame.y + frame.h - top))
    free = Rect(frame.x + (cols - empty) * (cell_w + PANEL_GAP), frame.y, empty * cell_w + (empty - 1) * PANEL_GAP,
                cell_h)
    if layout.compact:
        return replace(layout, legend=Rect(free.x + gap, free.y + gap, free.w - gap,
                                           min(free.h - gap, layout.legend.h)))
    if layout.inset is None:
        return replace(layout, map=frame, legend=Rect(free.x + gap, free.y, free.w - gap, free.h - gap))
    iw, ih = min(layout.inset.w, free.w - gap), min(layout.inset.h, free.h * 0.4)
    return replace(layout, map=frame, inset=Rect(free.x + free.w - iw, free.y, iw, ih),
                   legend=Rect(free.x + gap, free.y + ih + gap, free.w - gap, free.h - ih - 2 * gap))


def _draw_sector_panels(fig, drawn, layout, data, template, lang, countries, country_code, body_pt) -> LegendSpec:
    """Small multiples: one map per category (largest first), in a grid inside the map frame."""
    every = sector_order(data)
    order = every[: template.spec.get("max_panels", 8)]
    if not order:
        ax = _map_axes(fig, drawn, layout, layout.map, data, template, lang, countries, country_code, body_pt)
        draw_sector_panel(ax, data, "", "#999999", template)
        return LegendSpec(heading=data.indicator)
    n = len(order)
    cols, rows, cell_w, cell_h = _sector_grid(layout.map, n)
    colours = category_colours(template.colour("palette", "Dark2"), n)
    g = PANEL_GAP
    # titles wrapped to their panel's width (bold DejaVu ≈ 0.66 em a glyph), never over the next one
    chars = max(8, int(cell_w / (body_pt * 0.3528 * 0.66)))
    titles = {cat: "\n".join(textwrap.wrap(cat, chars)[:2]) for cat in order}
    lines = max(t.count("\n") + 1 for t in titles.values())
    title_h = body_pt * 0.3528 * (1.8 + 1.25 * (lines - 1))
    minx, miny, maxx, maxy = data.areas.total_bounds
    outlines = outlines_of(data, min_hole=(max((maxx - minx) / cell_w, (maxy - miny) / cell_h)) ** 2)
    axes = []
    reference_legend, first_labels, larger = [], [], None
    for i, cat in enumerate(order):
        r, c = divmod(i, cols)
        frame = Rect(layout.map.x + c * (cell_w + g), layout.map.y + layout.map.h - (r + 1) * cell_h - r * g,
                     cell_w, cell_h - title_h)
        # the neighbours and the capital are named once, on the first panel, not eight times
        ax = _map_axes(fig, drawn, layout, frame, data, template, lang, countries, country_code, body_pt - 2,
                       outer=outlines.outer[0], name_neighbours=i == 0)
        drawn.map_axes.append(ax)
        count = draw_sector_panel(ax, data, cat, colours[i], template)
        larger = draw_larger_areas(ax, data, cat) or larger  # rows naming only a region, for this sector
        reference = draw_reference(ax, data.areas.crs, outlines.outer[0], country_code, lang, body_pt - 2.5,
                                   {"capital"} & reference_groups(template.spec, layout.compact))
        if i == 0:
            reference_legend, first_labels = reference.legend, reference.labels
        _outlines(ax, outlines, template)
        fig.text((frame.x) / layout.width, (frame.y + frame.h + 0.6) / layout.height, f"{titles[cat]} ({format_number(count, lang)})",
                 ha="left", va="bottom", fontsize=body_pt, fontweight="bold", color=colours[i], gid="panel_title")
        axes.append(ax)
    drawn.scale_bar = draw_scale_bar(axes[-1], body_pt - 2, lang)
    draw_north_arrow(axes[0], body_pt - 2)
    renderer = fig.canvas.get_renderer()
    for i, ax in enumerate(axes):
        labels = getattr(ax, "carto_labels", []) + (first_labels if i == 0 else [])
        place(ax, labels, renderer, obstacles=furniture_boxes(ax, renderer))
    legend = sector_legend(lang)
    if larger is not None:
        legend.entries.append(larger)
    if len(every) > len(order):  # every sector drawn, or named: none dropped silently
        more = translate("+{k} more not drawn: {names}", lang, k=len(every) - len(order),
                         names=", ".join(every[len(order):]))
        legend.caveats.append("\n".join(textwrap.wrap(more, 90 if layout.compact else 36)))
    legend.reference = reference_legend
    return legend


def _union(geoms: np.ndarray):
    """Dissolve areas: the fast coverage union when borders are clean, the general one otherwise.

    Boundary files simplified polygon by polygon (as many COD extracts are) have tiny gaps
    and overlaps that the coverage union refuses.
    """
    try:
        return shapely.coverage_union_all(geoms)
    except shapely.errors.GEOSException:
        pass
    try:
        return shapely.union_all(geoms)
    except shapely.errors.GEOSException:  # a TopologyException on a KML: snapped to a fine grid, then unioned
        x0, y0, x1, y1 = shapely.total_bounds(geoms)
        grid = max(x1 - x0, y1 - y0, 1.0) * 1e-8  # a centimetre on a country
        return shapely.union_all(shapely.set_precision(shapely.make_valid(geoms), grid))


def _header(fig: Figure, layout: PageLayout, template: Template, texts: PageTexts) -> float:
    """Title, subtitle right under it, logo; returns the bottom of what was drawn (mm from the page's foot)."""
    hd = layout.header
    family = template.spec.get("fonts", {}).get("family", "DejaVu Sans")
    logo = logo_path(template)
    title_pt, sub_pt = template.font("title_pt", 18), template.font("subtitle_pt", 11)
    top = hd.y + hd.h
    if layout.side_panel:  # a narrow column: the logo on top, then the title on up to four lines
        title_pt, sub_pt = min(title_pt, 15 * layout.scale), min(sub_pt, 9.5 * layout.scale)
        text_w, max_lines = hd.w, 4
        if logo:
            _logo(fig, layout, logo, Rect(hd.x, top - 14 * layout.scale, hd.w, 14 * layout.scale), "NW")
            top -= 14 * layout.scale + 2
    else:
        text_w, max_lines = hd.w - (hd.h * 1.6 + 4 if logo else 0), 2
        if logo:
            _logo(fig, layout, logo, Rect(hd.x + hd.w - hd.h * 1.6, hd.y, hd.h * 1.6, hd.h), "NE")
    chars = int(text_w / (title_pt * 0.3528 * 0.62))
    renderer = fig.canvas.get_renderer()
    t = fig.text(hd.x / layout.width, top / layout.height, "", ha="left", va="top", fontsize=title_pt,
                 fontweight="bold", color=TEXT_COLOUR, family=family, linespacing=1.1, gid="title")
    _wrap_to(t, texts.title, chars, text_w, max_lines, renderer)
    y = _mm_below(fig, t, renderer) - 1.5 * layout.scale
    sub_chars = int(text_w / (sub_pt * 0.3528 * 0.55))
    sub = fig.text(hd.x / layout.width, y / layout.height, "", ha="left", va="top", fontsize=sub_pt, color="#444444",
                   family=family, gid="subtitle")
    _wrap_to(sub, texts.subtitle, sub_chars, text_w, 3 if layout.side_panel else 2, renderer)
    bottom = _mm_below(fig, sub, renderer) if texts.subtitle.strip() else y
    if not layout.compact:
        bottom -= 1.5
        fig.add_artist(_rule(layout, bottom))
    return bottom


def _wrap_to(artist, text: str, chars: int, width_mm: float, max_lines: int, renderer) -> None:
    """Wrap `text` on at most `max_lines` lines no wider than `width_mm`, as measured once drawn;
    a text longer than that ends in "…" at a word, so the reader sees that it goes on (in the footer)."""
    to_mm = MM_PER_INCH / artist.figure.dpi
    for breaking in (False, True):  # a file name longer than the line is cut only when nothing else fits
        n = chars
        while n >= 8:
            lines = textwrap.wrap(text, n, break_long_words=breaking)
            if len(lines) > max_lines:
                lines = lines[:max_lines]
                lines[-1] = lines[-1].rstrip(" ,;:·-") + "…"
            artist.set_text("\n".join(lines))
            if artist.get_window_extent(renderer).width * to_mm <= width_mm:
                return
            n -= 2


def _mm_below(fig: Figure, text, renderer) -> float:
    """The bottom of a drawn text, in mm from the page's foot."""
    return text.get_window_extent(renderer).y0 / fig.dpi * MM_PER_INCH


def _logo(fig: Figure, layout: PageLayout, logo: Path, box: Rect, anchor: str) -> None:
    import matplotlib.image as mpimg

    lax = fig.add_axes(layout.fraction(box), gid="logo")
    lax.imshow(mpimg.imread(str(logo)))
    lax.set_axis_off()
    lax.set_anchor(anchor)


def logo_path(template: Template) -> Path | None:
    """The organisation's logo the template names (relative to the template), if the file is there."""
    logo = template.spec.get("logo")
    if not logo:
        return None
    path = (template.path.parent / logo) if not Path(logo).is_absolute() else Path(logo)
    return path if path.is_file() else None


def _footer(fig: Figure, layout: PageLayout, template: Template, texts: PageTexts, projection: MapProjection,
            lang: str) -> float:
    """Sources, date, producer, projection and disclaimer set on the bottom margin (no blank band
    under them); returns the top of what was drawn (mm from the page's foot)."""
    f = layout.footer
    footer_pt = template.font("footer_pt", 6)
    if not layout.compact:  # a column, or the full width under a portrait map: the small print stays small
        footer_pt = min(footer_pt, 5.5 * layout.scale)
    chars = int(f.w / (footer_pt * 0.3528 * 0.6))  # DejaVu Sans averages about 0.6 em a glyph
    sources = sources_line(texts, lang)
    renderer = fig.canvas.get_renderer()
    note = textwrap.wrap(texts.footnote, chars, break_on_hyphens=False)  # rows not on the map come first
    if layout.compact:  # no footer block: the sources in at most two short lines
        lines = textwrap.wrap(sources, chars, break_on_hyphens=False)
        text = "\n".join(lines[:2]) if len(lines) <= 2 else lines[0] + "\n" + textwrap.shorten(" ".join(lines[1:]), chars, placeholder="…")
        text = "\n".join(note[:2] + [text])
        t = fig.text(f.x / layout.width, f.y / layout.height, text, ha="left", va="bottom", fontsize=footer_pt,
                     color="#555555", gid="footer", linespacing=1.3)
        return t.get_window_extent(renderer).y1 / fig.dpi * MM_PER_INCH
    sources, meta, disclaimer = footer_lines(texts, projection, lang)
    lines = (note + textwrap.wrap(sources, chars, break_on_hyphens=False) + textwrap.wrap(meta, chars)
             + textwrap.wrap(disclaimer, chars))
    t = fig.text(f.x / layout.width, f.y / layout.height, "\n".join(lines), ha="left", va="bottom",
                 fontsize=footer_pt, color="#444444", linespacing=1.35, gid="footer")
    top = t.get_window_extent(renderer).y1 / fig.dpi * MM_PER_INCH + 1.5
    fig.add_artist(_rule(layout, top))
    return top


def footer_lines(texts: PageTexts, projection: MapProjection, lang: str) -> tuple[str, str, str]:
    """The footer as three unwrapped lines: sources; date, producer and projection; disclaimer.

    The interactive map (`interactive.py`) writes the same lines under its map.
    """
    sep = " : " if lang == "fr" else ": "  # French puts a space before the colon
    created = texts.created.strftime("%d/%m/%Y" if lang == "fr" else "%Y-%m-%d")
    meta = [f"{translate('Created', lang)} {created}", f"{translate('Projection', lang)}{sep}{projection.describe(lang)}"]
    if texts.producer:
        meta.insert(1, f"{translate('Producer', lang)}{sep}{texts.producer}")
    return sources_line(texts, lang), " · ".join(meta), texts.disclaimer


def sources_line(texts: PageTexts, lang: str) -> str:
    """"Sources: a; b" in the map's language."""
    sep = " : " if lang == "fr" else ": "
    joiner = " ; " if lang == "fr" else "; "
    return f"{translate('Sources', lang)}{sep}{joiner.join(texts.sources)}"


def _rule(layout: PageLayout, y_mm: float) -> Line2D:
    x0 = layout.header.x / layout.width
    x1 = (layout.header.x + layout.header.w) / layout.width
    y = y_mm / layout.height
    return Line2D([x0, x1], [y, y], color="#bbbbbb", linewidth=0.6)


def _parent_outlines(areas: gpd.GeoDataFrame, keys: BoundaryKeys) -> gpd.GeoDataFrame | None:
    """Outlines of the parent level (regions around cercles), when the layer names them."""
    columns = keys.parent_columns(areas.columns)
    if columns is None:
        return None
    parent_col = columns[0]
    groups = areas.groupby(parent_col).geometry.apply(lambda g: _union(g.to_numpy()))
    return gpd.GeoDataFrame(geometry=list(groups), crs=areas.crs)


def _draw_neighbours(ax: Axes, countries: gpd.GeoDataFrame, crs, xlim, ylim, template: Template, lang: str,
                     font_pt: float, skip: str | None, fill: bool = True, outer=None, names: bool = True) -> list[Label]:
    """Light grey neighbouring countries: the map's context, not its data. Returns their names as
    labels for the page's placement pass.

    Natural Earth's frontiers do not follow the official (COD) outline: drawn as they are, they make
    a second border beside it, with slivers of background between the two. So the neighbours are
    cut along the official outline and stretched to meet it (within 3 mm of paper or 20 km), and their own
    edges are left out along it: one border, the official one.
    """
    from shapely.geometry import box

    vx = box(xlim[0], ylim[0], xlim[1], ylim[1])
    mm = (xlim[1] - xlim[0]) / (ax.get_position().width * ax.figure.get_size_inches()[0] * MM_PER_INCH)
    shapes = kept_shapes("neighbours", (countries.geometry.to_numpy(), [] if outer is None else [outer]),
                         (tuple(countries["ADM0_A3"]), countries.crs, crs, tuple(xlim), tuple(ylim), skip, mm),
                         lambda: _neighbour_shapes(countries, crs, xlim, ylim, skip, mm, outer))
    if shapes is None:
        return []
    geoms, codes, rows, edges = shapes
    near = countries.iloc[rows]
    draw_polygons(ax, geoms, template.colour("neighbours", "#eeeeee") if fill else "none", "none", 0, zorder=1)
    if len(edges):
        draw_lines(ax, edges, "#b0b0b0" if fill else "#666666", 0.5, zorder=1.5)
    if not names:
        return []
    name_col = "NAME_FR" if lang == "fr" and "NAME_FR" in near.columns else "NAME"
    other = codes != skip  # the country itself, beyond the outline, is drawn but not named
    return _grey_names(ax, geoms[other], [str(n).upper() for n in near[name_col][other]], vx, mm, font_pt, " ")


def _grey_names(ax: Axes, geoms, names, vx, mm: float, font_pt: float, breaks: str) -> list[Label]:
    """Names of what lies around the map's data (neighbouring countries, the regions around a region's map) for the
    placement pass: grey italics, each inside the largest piece of its shape in view (2 % of the view at least),
    with a form on two lines when the name has one of the `breaks` characters."""
    style = dict(fontsize=font_pt - 0.5, color="#8a8a8a", style="italic", zorder=2)
    labels = []
    for geom, text in zip(geoms, names):
        part = shapely.intersection(geom, vx)
        if part.is_empty or part.area < 0.02 * vx.area:
            continue
        part = max(shapely.get_parts(part), key=lambda g: g.area)
        spot = polylabel(part, tolerance=mm) if part.geom_type == "Polygon" else part.representative_point()
        texts = [text] + ([textwrap.fill(text, max(8, len(text) // 2 + 2))] if any(c in text for c in breaks) else [])
        labels.append(Label(texts, spot.x, spot.y, "neighbour_label", 50 - part.area / vx.area, style,
                            fits=_inside(ax, part)))
    return labels


def _neighbour_shapes(countries: gpd.GeoDataFrame, crs, xlim, ylim, skip: str | None, mm: float, outer):
    """The neighbouring countries in the frame, cut along the official outline (`_draw_neighbours`):
    (shapes in `crs`, their ADM0 codes, their rows in `countries`, their edges to draw), or None."""
    from shapely.geometry import box

    x0, y0, x1, y1 = shapely.total_bounds(reprojected([box(xlim[0], ylim[0], xlim[1], ylim[1])], crs, 4326))
    near = countries.reset_index(drop=True).cx[x0 - 2:x1 + 2, y0 - 2:y1 + 2]
    if near.empty:
        return None
    rows = near.index.to_numpy()  # positions in `countries`
    near = to_crs(near, crs)
    vx = box(xlim[0], ylim[0], xlim[1], ylim[1])
    geoms = shapely.make_valid(near.geometry.to_numpy())
    codes = near["ADM0_A3"].to_numpy()
    holes = np.array([], dtype=object)
    if outer is not None:
        # the gaps between a boundary file's areas are thousands of tiny holes in its outline (Nigeria's LGAs:
        # 2,900): the neighbours are cut along the outline without them, and the holes then filled by the
        # neighbours that cover them, as cutting along them did (0.25-0.3 s → 0.1 s, the same pixels)
        outer, holes = _without_holes(shapely.make_valid(outer))
        reach = max(3 * mm, NEIGHBOUR_REACH_M)  # Natural Earth 1:10m is kilometres off: seen on a zoomed map
        # only the strip along the outline matters: everything below works on small pieces (speed)
        near_outline = shapely.buffer(shapely.simplify(outer, mm / 2), reach, quad_segs=2)
        own = shapely.union_all(geoms[codes == skip]) if (codes == skip).any() else shapely.Polygon()
        gaps = shapely.difference(shapely.intersection(own, near_outline), outer)  # the country beyond the COD outline
        strip = shapely.buffer(_rims(shapely.simplify(outer, mm / 2)), 2 * reach, quad_segs=1)
        grown = []
        for g, c in zip(geoms, codes):
            if c == skip or gaps.is_empty or not shapely.intersects(g, strip):
                grown.append(g)
                continue
            edge = shapely.simplify(shapely.intersection(g, strip), mm / 4)
            grown.append(shapely.union(g, shapely.intersection(shapely.buffer(edge, reach, quad_segs=2), gaps)))
        cover = np.array(grown, dtype=object)
        geoms = shapely.difference(cover, outer)
    frame = shapely.buffer(vx, 5 * mm)
    geoms = shapely.intersection(geoms, frame)
    holes = holes[shapely.intersects(holes, frame)]
    if len(holes):
        geoms = _filled(geoms, cover, holes)
    keep = ~shapely.is_empty(geoms)
    geoms, codes, rows = geoms[keep], codes[keep], rows[keep]
    if not len(geoms):
        return None
    edges = shapely.get_parts(shapely.boundary(geoms))
    if outer is not None:  # only the few lines that come near the outline are cut (speed)
        along = shapely.buffer(_rims(shapely.simplify(outer, mm / 20)), 0.4 * mm)
        near_rims = shapely.STRtree(edges).query(along, predicate="intersects")
        # each line is cut by the piece of the strip around it, not the whole strip: GEOS's overlay costs grow with
        # both shapes' points (Mali's 10,000 areas: 156 lines, 0.063 → 0.011 s; the same lines to the last digit)
        pieces = [shapely.clip_by_rect(along, x0 - mm, y0 - mm, x1 + mm, y1 + mm)
                  for x0, y0, x1, y1 in shapely.bounds(edges[near_rims])]
        edges[near_rims] = shapely.difference(edges[near_rims], np.array(pieces, dtype=object))
    return geoms, codes, rows, edges[~shapely.is_empty(edges)]


def _without_holes(outline):
    """An outline without its holes, and its holes as polygons."""
    parts = shapely.get_parts(outline)
    parts = parts[shapely.get_type_id(parts) == 3]
    if not len(parts):
        return outline, np.array([], dtype=object)
    n = shapely.get_num_interior_rings(parts)
    which = np.concatenate([np.arange(k) for k in n])
    holes = shapely.polygons(shapely.get_interior_ring(np.repeat(parts, n), which))
    shells = shapely.polygons(shapely.get_exterior_ring(parts))
    island, lake = shapely.STRtree(holes).query(shells, predicate="within")  # an area inside a gap (rare)
    for h in np.unique(lake):
        holes[h] = shapely.difference(holes[h], shapely.union_all(parts[island[lake == h]]))
    return (shells[0] if len(shells) == 1 else shapely.union_all(shells)), holes


def _filled(geoms: np.ndarray, cover: np.ndarray, holes: np.ndarray) -> np.ndarray:
    """`geoms` with the holes (or their parts) that the neighbours in `cover` (the same order) cover."""
    tree = shapely.STRtree(holes)
    filled = []
    for g, whole in zip(geoms, cover):
        inside = tree.query(whole, predicate="contains")
        across = np.setdiff1d(tree.query(whole, predicate="intersects"), inside)
        if len(inside) or len(across):
            pieces = shapely.get_parts(np.concatenate([[g], holes[inside], shapely.intersection(holes[across], whole)]))
            g = shapely.multipolygons(pieces[shapely.get_type_id(pieces) == 3])
        filled.append(g)
    return np.array(filled, dtype=object)


def _rims(outline):
    """The outer rings of an outline, without its holes: the gaps between a boundary file's areas
    become hundreds of tiny holes in their union, which no neighbour meets, and buffering them
    took seconds (Nigeria's 774 LGAs: 4.6 s for the strip along the border, now milliseconds)."""
    return shapely.multilinestrings(shapely.get_exterior_ring(shapely.get_parts(outline)))


def _inside(ax: Axes, part) -> Callable:
    """A test that a text's box (display pixels) lies in `part` (map units), give or take 15 %."""
    prepared = prep(part)

    def fits(bbox) -> bool:
        (bx0, by0), (bx1, by1) = ax.transData.inverted().transform([[bbox.x0, bbox.y0], [bbox.x1, bbox.y1]])
        b = shapely.box(bx0, by0, bx1, by1)
        if prepared.contains(b):
            return True
        return shapely.difference(b, part).area <= 0.15 * b.area

    return fits
