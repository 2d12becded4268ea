"""Interactive maps: one HTML file that opens offline, from the same `MapData` as the static page.

Field teams pass maps on by USB stick and e-mail, often without internet: the file holds the
map library (Leaflet, vendored in `web/`), its style, the legend, the texts and the data, and
its own Content-Security-Policy forbids any request, so nothing is fetched when it is opened.
Classes, colours and the legend come from the same style functions as the static page
(`carto/thematic.py`), the texts from `project.page_inputs`, so both say the same thing.

What a reader can see never goes beyond the static map: areas hidden as "fewer than N" carry
neither their value nor their number of rows; only the area names, values, rows and the
categories the map shows are written; no file path, no other column.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.ops import polylabel

from carto_desktop.aggregate import RECORDS
from carto_desktop.carto.basemap import TilePack, read_pack_image, warp_to_grid
from carto_desktop.carto.legend import LegendSpec
from carto_desktop.number_format import format_number
from carto_desktop.carto.page import footer_lines, logo_path, outlines_of, page_layout, simplified
from carto_desktop.carto.palettes import category_colours
from carto_desktop.carto.reference import (
    CAPITAL_COLOUR, TOWN_COLOUR, WATER_EDGE, WATER_FILL, reference_features, reference_groups,
)
from carto_desktop.carto.templates import Template
from carto_desktop.carto.thematic import (
    BASE_AREA_EDGE, BASE_AREA_FILL, LARGER_EDGE, SHARED_RING, AreaStyle, MapData, choropleth_style, grid_cells,
    grid_style, larger_areas_entry, larger_areas_shown, points_style, presence_style, sector_legend, sector_order, sector_present,
    symbol_style,
)
from carto_desktop.files import write_text_atomically
from carto_desktop.hexagons import size_text
from carto_desktop.i18n import translate
from carto_desktop.paths import web_dir
from carto_desktop.privacy.sensitive import is_people_points
from carto_desktop.project import MapResult, PageInputs, PreparedMap, Project, page_inputs, prepare_map
from carto_desktop.rows_account import larger_area_label

HTML_SUFFIXES = (".html", ".htm")
QUANTUM = 1 / 50_000  # coordinates kept to 1/50,000 of the map's extent (38 m across Mali's 1,900 km)
TOLERANCE = 1 / 8_000  # areas simplified to 1/8,000 of the extent: under a pixel until zoomed 8 times
PEOPLE_POINT_STEP = 50  # points of people (drawn by choice) kept to 50 grid steps: 1/1,000 of the extent
CANVAS_FROM = 3_000  # more areas than this are drawn on a canvas (SVG paths slow the page down)
MM_TO_PX = 96 / 25.4  # legend and circle sizes given in millimetres, shown at 96 px an inch
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
       "font-src data:; form-action 'none'; base-uri 'none'")

UI_TEXTS = {  # the page's own words (French in messages/interactive.py)
    "search": "Search an area…",
    "no_match": "No area found",
    "reset": "Whole map",
    "rows": "Rows in the table",
    "hint": "Hover or tap an area",
    "legend": "Legend",
    "legend_hint": "Click a line to show its areas",
    "about": "Sources and notes",
    "sector": "Sector",
    "zoom_in": "Zoom in",
    "zoom_out": "Zoom out",
    "site": "Site",
    "sites_here": "{n} sites at this location, drawn as one dot",
}


@dataclass
class Geometry:
    """Coordinates on an integer grid (`QUANTUM` of the extent) from `origin`, each ring delta-encoded."""

    origin: tuple[float, float]
    step: float

    def rings(self, geom) -> list[list[list[int]]]:
        """A (multi)polygon as [[ring, hole…], …], each ring [x0, y0, dx1, dy1, …] without the closing point."""
        out = []
        for part in shapely.get_parts(geom):
            if part.is_empty or part.geom_type != "Polygon":
                continue
            outer = self._ring(part.exterior)
            if outer:  # a part smaller than the grid is left out, and its holes with it
                out.append([outer, *[hole for hole in map(self._ring, part.interiors) if hole]])
        return out

    def _ring(self, ring) -> list[int]:
        xy = np.round((shapely.get_coordinates(ring) - self.origin) / self.step).astype(np.int64)[:-1]
        if len(xy) > 1:  # points that fall on the same grid cell as the one before add nothing
            keep = np.r_[True, np.any(np.diff(xy, axis=0) != 0, axis=1)]
            xy = xy[keep]
        if len(xy) < 3:
            return []
        delta = np.vstack([xy[:1], np.diff(xy, axis=0)])
        return delta.ravel().tolist()

    def lines(self, geom) -> list[list[int]]:
        """A (multi)line as delta-encoded coordinate lists, one per part."""
        out = []
        for part in shapely.get_parts(geom):
            if part.is_empty or part.geom_type != "LineString":
                continue
            xy = np.round((shapely.get_coordinates(part) - self.origin) / self.step).astype(np.int64)
            xy = xy[np.r_[True, np.any(np.diff(xy, axis=0) != 0, axis=1)]]
            if len(xy) >= 2:
                out.append(np.vstack([xy[:1], np.diff(xy, axis=0)]).ravel().tolist())
        return out

    def points(self, xs: np.ndarray, ys: np.ndarray) -> list[int]:
        xy = np.round((np.column_stack([xs, ys]) - self.origin) / self.step).astype(np.int64)
        return xy.ravel().tolist()


def interactive_html(data: MapData, template: Template, page: PageInputs, lang: str, people: bool = False) -> str:
    """The whole page as text: Leaflet, its style, the map's data and texts (`people`: see `map_payload`)."""
    payload = map_payload(data, template, page, lang, people)
    web = web_dir()
    leaflet_css = _offline_css((web / "leaflet.css").read_text(encoding="utf-8"))
    script = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    title = _escape(page.texts.title)
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Carto Desktop">
<title>{title}</title>
<style>{leaflet_css}</style>
<style>{(web / "carto-map.css").read_text(encoding="utf-8")}</style>
</head>
<body>
<header id="head">{_logo(template)}<h1 id="title"></h1><p id="subtitle"></p></header>
<main id="map" role="application"></main>
<footer id="foot"><p id="footnote"></p><details><summary id="about"></summary><p id="sources"></p><p id="meta"></p><p id="disclaimer"></p>
</details></footer>
<script type="application/json" id="carto-data">{script}</script>
<!-- Leaflet {_leaflet_version(web)}, BSD-2-Clause licence: see the end of this file -->
<script>{(web / "leaflet.js").read_text(encoding="utf-8")}</script>
<script>{(web / "carto-map.js").read_text(encoding="utf-8")}</script>
<!--
{(web / "LICENSE-leaflet.txt").read_text(encoding="utf-8").replace("--", "- -")}
-->
</body>
</html>
"""


def map_payload(data: MapData, template: Template, page: PageInputs, lang: str, people: bool = False) -> dict:
    """Everything the page's script draws, as plain JSON values.

    `people`: the points are people or households, drawn because the user chose so (`raw_points`):
    they are kept only to `PEOPLE_POINT_STEP` of the extent, about what a printed dot shows, since
    a reader can zoom in on an interactive map as nobody can on paper.
    """
    crs = page.projection.crs
    kind = template.kind
    grid = data.outlines is not None
    projected = replace(data, areas=data.areas.to_crs(crs),
                        outlines=data.outlines.to_crs(crs) if grid else None,
                        points=data.points.to_crs(crs) if data.points is not None else None,
                        larger_areas=data.larger_areas.to_crs(crs) if data.larger_areas is not None else None,
                        context=data.context.to_crs(crs) if data.context is not None else None)
    if grid:
        projected = grid_cells(projected)
    extent_of = projected.outlines if grid else projected.areas
    minx, miny, maxx, maxy = extent_of.total_bounds
    size = max(maxx - minx, maxy - miny)
    geometry = Geometry((float(minx), float(miny)), size * QUANTUM)
    tolerance = size * TOLERANCE
    areas = simplified(projected.areas, tolerance)
    projected = replace(projected, areas=areas,
                        outlines=simplified(projected.outlines, tolerance) if grid else None)
    outlines = outlines_of(projected, min_hole=(size / 300) ** 2)

    style, sectors = _style(projected, template, lang, kind)
    legend = style.legend if style else sector_legend(lang)
    payload: dict = {
        "lang": lang,
        "kind": "grid" if grid else kind,
        "origin": geometry.origin,
        "step": geometry.step,
        "view": list(map(float, _view_bounds(projected))),
        "texts": _texts(page, lang),
        "ui": {key: translate(text, lang) for key, text in UI_TEXTS.items()},
        "legend": _legend(legend),
        "canvas": len(areas) > CANVAS_FROM,
        "areas": _areas(projected, style if kind not in ("points", "sectors") else None, geometry, lang, template),
        "parents": [geometry.rings(g) for g in outlines.parents] if outlines.parents is not None else [],
        "outer": [geometry.rings(g) for g in outlines.outer],
        "neighbours": _neighbours(page, projected, geometry, tolerance, lang),
        "context": _context(projected, template, geometry, tolerance),
        "reference": _reference(page, template, projected, outlines, geometry, tolerance, lang),
        "colours": {"area_edge": template.colour("area_edge", "#ffffff"),
                    "parent_edge": template.colour("parent_edge", "#4d4d4d"),
                    "water": template.colour("water", "#f7fbff"),
                    "neighbours": template.colour("neighbours", "#eeeeee"),
                    "base": BASE_AREA_FILL, "base_edge": BASE_AREA_EDGE},
    }
    if grid:
        keys = projected.outline_keys
        admin = projected.outlines
        payload["places"] = {"names": admin[keys.name_column].astype(str).tolist() if keys and keys.name_column
                             else [], "geoms": [geometry.rings(g) for g in admin.geometry]}
        payload["cell"] = translate("Hexagon of {size} km", lang, size=size_text(data.cell_size_km or 0, lang))
    if kind == "points":
        payload["points"] = _points(projected, style, geometry, PEOPLE_POINT_STEP if people else 1)
    if kind == "symbols":
        pts = areas.geometry.representative_point()
        payload["symbols"] = {"xy": geometry.points(pts.x.to_numpy(), pts.y.to_numpy()),
                              "r": [None if not np.isfinite(r) else round(float(r) * MM_TO_PX, 1) for r in style.sizes],
                              "fill": style.fills, "hidden": projected.suppressed().tolist()}
    if sectors:
        payload["sectors"] = sectors
    larger = larger_areas_shown(projected) if not grid else None
    if larger is not None:  # rows naming only a region: outlined and its blank areas hatched, as on the page
        payload["larger"] = {"outlines": [geometry.rings(g) for g in
                                          shapely.simplify(larger.geometry.to_numpy(), tolerance)],
                             "edge": LARGER_EDGE}
        if sectors:  # on a sector's map, the regions reported for that sector, hatched whole (as each panel)
            order = sector_order(projected)
            payload["larger"]["sector"] = [order.index(c) if c in order else -1
                                           for c in larger.get("category", pd.Series([None] * len(larger)))]
        payload["legend"]["larger"] = _legend_entry(larger_areas_entry(projected)) | {
            "label": " ".join(data.larger_label.split())}
    if page.tile_pack is not None:
        payload["basemap"] = _basemap(page.tile_pack, crs, _view_bounds(projected))
    payload["legend"]["reference"] = payload["reference"].pop("legend")
    return payload


def _style(data: MapData, template: Template, lang: str, kind: str) -> tuple[AreaStyle | None, dict | None]:
    if data.outlines is not None:
        return grid_style(data, template, lang), None
    if kind == "sectors":
        order = sector_order(data)
        colours = category_colours(template.colour("palette", "Dark2"), len(order))
        present = [np.flatnonzero(sector_present(data, cat)).tolist() for cat in order]
        return None, {"names": [f"{cat} ({len(p)})" for cat, p in zip(order, present)], "colours": colours,
                      "present": present}
    return {
        "choropleth": choropleth_style, "presence": presence_style, "symbols": symbol_style, "points": points_style,
    }[kind](data, template, lang), None


def _areas(data: MapData, style: AreaStyle | None, geometry: Geometry, lang: str, template: Template) -> dict:
    """Per area: outline, name, the value as the legend writes numbers (or why there is none), rows behind it.

    Areas in the "fewer than N" class get the class's label instead of a value and no row count:
    the file must not hold what the static map hides.
    """
    areas = data.areas
    keys = data.keys
    names = areas[keys.name_column].astype(str).tolist() if keys.name_column and keys.name_column in areas else []
    spots = areas.geometry.representative_point()
    out: dict = {"geoms": [geometry.rings(g) for g in areas.geometry], "names": names,
                 "spots": geometry.points(spots.x.to_numpy(), spots.y.to_numpy())}
    parent = next((c for c in (*keys.parent_name_columns, keys.parent_id_column) if c and c in areas), None)
    if names and parent is not None:  # areas of the same name told apart by their parent (search, info)
        twice = areas[keys.name_column].astype(str).duplicated(keep=False).to_numpy()
        if twice.any():
            out["parents"] = [str(p) if t else "" for p, t in zip(areas[parent], twice)]
    if style is None:  # points over light areas, sectors: the areas carry only their names
        return out
    values = areas["value"].to_numpy(dtype=float)
    hidden = data.suppressed()
    rows = areas[RECORDS].to_numpy(dtype=float) if RECORDS in areas else np.full(len(areas), np.nan)
    hidden_label = data.suppression_texts(lang)[0]
    no_data = translate("No data", lang)
    palette = sorted(set(style.fills))
    out["palette"] = palette
    out["fill"] = [palette.index(f) for f in style.fills]
    out["entry"] = [int(e) for e in style.entries]
    out["value"] = [hidden_label if h else (format_number(float(v), lang) if np.isfinite(v) else no_data)
                    for v, h in zip(values, hidden)]
    out["rows"] = [None if h or not np.isfinite(r) or not np.isfinite(v) else format_number(float(r), lang)
                   for v, r, h in zip(values, rows, hidden)]
    above = data.blank_but_reported_above()  # blank inside a region reported for: its hatch, not "no data"
    out["no_data"] = [bool(not np.isfinite(v)) and not h and not a for v, h, a in zip(values, hidden, above)]
    if above.any():
        out["larger"] = above.tolist()
    region = data.region_rows()  # rows naming only the area's region: its blank reads "no data" with them said
    if region.any():
        out["value"] = [f"{v} · " + larger_area_label(int(n), data.larger_level, lang) if n and blank else v
                        for v, n, blank in zip(out["value"], region, ~np.isfinite(values) & ~hidden)]
    return out


def _points(data: MapData, style: AreaStyle, geometry: Geometry, step: int = 1) -> dict:
    points = data.points
    if points is None or not len(points):
        return {"xy": [], "entry": [], "fill": []}
    labels = [e.label.rsplit("  (", 1)[0] for e in style.legend.entries]
    x, y = points.geometry.x.to_numpy(), points.geometry.y.to_numpy()
    xy = geometry.points(x, y)
    out = {"xy": [int(round(v / step)) * step for v in xy] if step > 1 else xy,
           "entry": [int(e) for e in style.entries], "fill": style.fills, "labels": labels}
    group = pd.DataFrame({"x": x, "y": y}).groupby(["x", "y"], sort=False).ngroup().to_numpy()
    here = np.bincount(group)[group]
    if (here > 1).any():  # sites at the same coordinates, one dot: hovering it says how many (`shared_locations`)
        out["here"], out["group"], out["ring"] = here.tolist(), group.tolist(), SHARED_RING
    return out


def _view_bounds(data: MapData) -> np.ndarray:
    """What the page first shows: the whole layer, or for sites the areas that hold them (as the static page)."""
    bounds = data.areas.total_bounds
    if data.outlines is not None:
        ob = data.outlines.total_bounds
        bounds = np.r_[np.minimum(bounds[:2], ob[:2]), np.maximum(bounds[2:], ob[2:])]
    if data.points is not None and len(data.points):
        hit = data.areas.sindex.query(data.points.geometry.to_numpy(), predicate="intersects")[1]
        if len(hit):
            bounds = data.areas.iloc[np.unique(hit)].total_bounds
        pb = data.points.total_bounds
        bounds = np.r_[np.minimum(bounds[:2], pb[:2]), np.maximum(bounds[2:], pb[2:])]
    return bounds


def _neighbours(page: PageInputs, data: MapData, geometry: Geometry, tolerance: float, lang: str) -> dict:
    """Neighbouring countries, light grey with their names, as on the static page (clipped to around the map)."""
    countries = page.countries
    if countries is None:
        return {"geoms": [], "labels": []}
    crs = data.areas.crs
    minx, miny, maxx, maxy = (data.outlines if data.outlines is not None else data.areas).total_bounds
    pad = max(maxx - minx, maxy - miny) * 1.2  # beyond what the page shows zoomed out
    view = shapely.box(minx - pad, miny - pad, maxx + pad, maxy + pad)
    x0, y0, x1, y1 = gpd.GeoSeries([view], crs=crs).to_crs(4326).total_bounds
    near = countries.cx[x0 - 2:x1 + 2, y0 - 2:y1 + 2]
    if near.empty:
        return {"geoms": [], "labels": []}
    near = near.to_crs(crs)
    clipped = shapely.intersection(shapely.make_valid(near.geometry.to_numpy()), view)
    clipped = shapely.simplify(clipped, tolerance * 4)
    name_col = "NAME_FR" if lang == "fr" and "NAME_FR" in near.columns else "NAME"
    frame = shapely.box(minx, miny, maxx, maxy)
    labels = []
    for geom, name, code in zip(near.geometry, near[name_col], near["ADM0_A3"]):
        if code == page.country_code:
            continue
        part = shapely.intersection(shapely.make_valid(geom), shapely.buffer(frame, (maxx - minx) * 0.15))
        if part.is_empty or part.area < 0.04 * frame.area:
            continue
        pt = part.representative_point()
        labels.append({"name": str(name).upper(), "xy": geometry.points(np.array([pt.x]), np.array([pt.y]))})
    return {"geoms": [geometry.rings(g) for g in clipped if not g.is_empty], "labels": labels}


CONTEXT_EDGE = "#b0b0b0"  # the regions around a region's map: their borders as on the static page (names: carto-map.css)


def _context(data: MapData, template: Template, geometry: Geometry, tolerance: float) -> dict:
    """The regions around a region's map (`framing.regions_around`), as the static page draws them: the borders
    they share with each other and with the region, thin and light grey, and their names in grey italics where
    a good part of them is in the first view. Nothing a reader can point at: they are not the map's data."""
    context = data.context
    if context is None or not len(context):
        return {"borders": [], "labels": [], "edge": CONTEXT_EDGE}
    shapes = np.concatenate([shapely.make_valid(context.geometry.to_numpy()),
                             [shapely.union_all(data.areas.geometry.to_numpy())]])
    left, right = shapely.STRtree(shapes).query(shapes, predicate="intersects")
    pairs = left < right
    borders = shapely.intersection(shapely.boundary(shapes[left[pairs]]), shapely.boundary(shapes[right[pairs]]))
    borders = shapely.simplify(shapely.get_parts(shapely.get_parts(borders)), tolerance)
    lines = [line for g in borders for line in geometry.lines(g)]
    spec = template.spec["page"]
    frame = page_layout(spec["size"], spec.get("orientation", "landscape")).map
    minx, miny, maxx, maxy = _view_bounds(data)
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    width = max(maxx - minx, (maxy - miny) * frame.w / frame.h)  # what the page first shows, at the page's shape
    height = max(maxy - miny, width * frame.h / frame.w)
    view = shapely.box(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
    labels = []
    for geom, name in zip(shapes[:-1], context["name"]):
        part = shapely.intersection(geom, view)
        if part.is_empty or part.area < 0.02 * view.area:
            continue
        part = max(shapely.get_parts(part), key=lambda g: g.area)
        spot = polylabel(part, tolerance=width / 500) if part.geom_type == "Polygon" else part.representative_point()
        labels.append({"name": str(name), "xy": geometry.points(np.array([spot.x]), np.array([spot.y]))})
    return {"borders": lines, "labels": labels, "edge": CONTEXT_EDGE}


BASEMAP_PX = 1600  # the tile pack's picture under the areas, this many pixels across


def _basemap(pack: TilePack, crs, bounds) -> dict:
    """The offline tile pack warped into the page's projection over the map and around it, as one PNG
    written into the page (a data: address, which its security policy allows for pictures)."""
    import base64
    import io

    from PIL import Image

    minx, miny, maxx, maxy = bounds
    pad = max(maxx - minx, maxy - miny) * 0.25
    x0, x1, y0, y1 = minx - pad, maxx + pad, miny - pad, maxy + pad
    width = BASEMAP_PX
    height = max(1, round(width * (y1 - y0) / (x1 - x0)))
    rgba = warp_to_grid(read_pack_image(pack), pack.bounds, crs, (x0, x1, y0, y1), width, height)
    buffer = io.BytesIO()
    Image.fromarray(rgba, "RGBA").save(buffer, format="PNG", optimize=True)
    return {"image": "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii"),
            "bounds": [x0, y0, x1, y1]}


def _reference(page: PageInputs, template: Template, data: MapData, outlines, geometry: Geometry, tolerance: float,
               lang: str) -> dict:
    """The capital, main towns, lakes and rivers the static page shows, chosen for the same paper scale."""
    spec = template.spec["page"]
    frame = page_layout(spec["size"], spec.get("orientation", "landscape")).map
    minx, miny, maxx, maxy = _view_bounds(data)
    width = max(maxx - minx, (maxy - miny) * frame.w / frame.h) * 1.08
    view = shapely.box(*shapely.buffer(shapely.box(minx, miny, maxx, maxy), width * 0.04).bounds)
    found = reference_features(data.areas.crs, view, width / frame.w, outlines.outer[0], page.country_code, lang,
                               reference_groups(template.spec, compact=False))
    if found is None:
        return {"rivers": [], "lakes": [], "capital": [], "towns": [], "legend": []}
    rivers = shapely.simplify(found.rivers, tolerance) if len(found.rivers) else found.rivers
    lakes = shapely.simplify(found.lakes, tolerance) if len(found.lakes) else found.lakes
    return {
        "rivers": [{"lines": geometry.lines(g), "wide": bool(rank <= 4)} for g, rank in zip(rivers, found.river_ranks)],
        "lakes": [{"geom": geometry.rings(g), "name": name,
                   "spot": geometry.points(*map(np.atleast_1d, shapely.get_coordinates(shapely.point_on_surface(g)).T))}
                  for g, name in zip(lakes, found.lake_names)],
        "capital": [{"xy": geometry.points(np.array([x]), np.array([y])), "name": str(name)}
                    for x, y, name in found.capital],
        "towns": [{"xy": geometry.points(np.array([x]), np.array([y])), "name": str(name)} for x, y, name in found.towns],
        "legend": [_legend_entry(e) for e in found.legend],
        "colours": {"water": WATER_FILL, "water_edge": WATER_EDGE, "capital": CAPITAL_COLOUR, "town": TOWN_COLOUR},
    }


def _legend_entry(e) -> dict:
    return {"label": e.label, "colour": e.colour, "shape": e.shape, "size": round(e.size * MM_TO_PX, 1), "edge": e.edge}


def _legend(spec: LegendSpec) -> dict:
    """The legend lines as the static page has them (line breaks made for paper joined)."""
    return {"heading": " ".join(spec.heading.split()), "notes": [" ".join(n.split()) for n in spec.notes + spec.caveats],
            "entries": [_legend_entry(e) for e in spec.entries],
            "no_data": _legend_entry(spec.no_data) if spec.no_data else None}


def _texts(page: PageInputs, lang: str) -> dict:
    sources, meta, disclaimer = footer_lines(page.texts, page.projection, lang)
    return {"title": page.texts.title, "subtitle": page.texts.subtitle, "sources": sources, "meta": meta,
            "disclaimer": disclaimer, "footnote": " ".join(page.texts.footnote.split())}


def _logo(template: Template) -> str:
    """The organisation's logo, top right as on the static page, as a picture inside the page."""
    import base64

    path = logo_path(template)
    if path is None:
        return ""
    kind = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg"}.get(path.suffix.lower(), "png")
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return f'<img id="logo" alt="" src="data:image/{kind};base64,{data}">'


def _offline_css(css: str) -> str:
    """Leaflet's CSS without its image references (layer switcher and marker icons, unused here): the page
    loads nothing, not even from beside itself."""
    return re.sub(r"url\((?!#)[^)]*\)", "none", css)


def _leaflet_version(web: Path) -> str:
    found = re.search(r'version\s*=\s*"(\d+\.\d+\.\d+)"', (web / "leaflet.js").read_text(encoding="utf-8")[:3000])
    return found.group(1) if found else "?"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def save_interactive_map(html: str, path: str | Path) -> Path:
    """Write the page atomically (a crash leaves the old file or the new one, never half of one)."""
    return write_text_atomically(path, html)


def build_interactive(project: Project) -> tuple[str, MapResult]:
    """The project's map as an interactive page, and a `MapResult` without a figure (for the share check)."""
    prepared = prepare_map(project)
    result = MapResult(figure=None, table=prepared.table, match=prepared.match, values=prepared.values,
                       data=prepared.data, notices=prepared.notices,
                       recognition=prepared.layer.attrs.get("recognition"), account=prepared.account,
                       template=prepared.template)
    return interactive_page(project, prepared), result


def interactive_page(project: Project, prepared: PreparedMap) -> str:
    """The page of a map already prepared (`project.prepare_map`), e.g. by an export that also writes a PDF."""
    page = page_inputs(project, prepared.template, prepared.data, prepared.layer, prepared.match)
    people = prepared.data.points is not None and bool(is_people_points(prepared.table.data))
    return interactive_html(prepared.data, prepared.template, page, project.lang, people)
