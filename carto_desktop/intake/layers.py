"""Boundary layers (admin areas) read with pyogrio, checked and put in WGS84.

Formats: GeoJSON, GeoPackage and other multi-layer files (a layer is chosen), shapefile
(its parts are checked first, so a missing .shx or .dbf is named; .cpg gives the text
encoding), a zipped shapefile (checked against path tricks and zip bombs, unpacked into
a private temporary folder), KML/KMZ from Google Earth or My Maps (folders merged; the
XML is checked with defusedxml first) and GPX. Everything comes out in EPSG:4326 with
repairs and assumptions listed in `attrs["warnings"]` as `Notice`s.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
import warnings as py_warnings
from pathlib import Path, PurePosixPath

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from carto_desktop.errors import DataError
from carto_desktop.files import private_folder
from carto_desktop.intake.notices import Notice
from carto_desktop.intake.safety import check_xml, check_zip, read_member
from carto_desktop.intake.tables import check_local_path
from carto_desktop.limits import MAX_FIELDS, MAX_PARTS, MAX_VERTICES

if TYPE_CHECKING:
    import geopandas as gpd
# geopandas, pyogrio and shapely are imported where used: a file refused by the safety
# checks (zip, XML, missing shapefile parts) is refused without loading GDAL

AREA_TYPES = {"Polygon", "MultiPolygon"}
LAYER_SUFFIXES = {".shp", ".zip", ".gpkg", ".geojson", ".json", ".kml", ".kmz", ".gpx", ".gml", ".fgb"}
DATASET_SUFFIXES = (".shp", ".gpkg", ".geojson", ".json", ".kml", ".gpx")
MAX_XML_BYTES = 512 * 1024**2
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|Ã©|Ã¨|Ã´")
_UNREADABLE_HINT = "Use a GeoJSON, GeoPackage or a complete shapefile (.shp with its .shx, .dbf and .prj)."


def _unreadable(p: Path, exc: Exception | None = None) -> DataError:
    err = DataError("The boundary file could not be read.", hint=_UNREADABLE_HINT, file=p)
    if exc is not None:
        err.__cause__ = exc
    return err


def _sibling(shp: Path, ext: str) -> Path | None:
    """The shapefile part with extension `ext`, whatever its case (".DBF" from old tools)."""
    for candidate in shp.parent.glob(shp.stem + ".*"):
        if candidate.stem == shp.stem and candidate.suffix.lower() == ext:
            return candidate
    return None


def _check_shapefile_parts(shp: Path, shown: Path) -> None:
    """Name a missing .shx/.dbf, and notice a .shp cut short (its header states its length)."""
    with open(shp, "rb") as f:
        head = f.read(100)
    declared = int.from_bytes(head[24:28], "big") * 2 if len(head) >= 28 else 0
    if len(head) < 100 or head[:4] != b"\x00\x00\x27\x0a" or shp.stat().st_size < declared:
        raise DataError(
            "The shapefile is damaged: it may have been cut short when it was copied or downloaded.",
            hint="Ask for a new copy, ideally zipped with its .shx, .dbf and .prj files.",
            file=shown,
        )
    for ext in (".shx", ".dbf"):
        if _sibling(shp, ext) is None:
            raise DataError(
                "The shapefile is incomplete: the \"{part}\" file is missing next to it.",
                hint="A shapefile is several files with the same name (.shp, .shx, .dbf, .prj): copy them all into the same folder, or send them zipped together.",
                file=shown,
                part=shp.stem + ext,
            )


def _check_layer_path(path: str | Path) -> Path:
    """A local, non-empty file of a kind we read as boundaries (GDAL is never handed others)."""
    p = check_local_path(path)
    if p.suffix.lower() not in LAYER_SUFFIXES:
        raise DataError(
            "This kind of file cannot be read as boundaries ({suffix}).",
            hint="Use a GeoJSON, GeoPackage, shapefile (.shp or zipped), KML/KMZ or GPX file.",
            file=p,
            suffix=p.suffix.lower() or "?",
        )
    if p.stat().st_size == 0:
        raise DataError("The file is empty.", hint="Open it to check that it holds data, or ask for a new copy.", file=p)
    return p


def list_layers(path: str | Path) -> list[str]:
    """The layers a file holds (GeoPackage tables, KML folders, shapefiles in a zip)."""
    import pyogrio

    p = _check_layer_path(path)
    suffix = p.suffix.lower()
    if suffix == ".zip":
        return [PurePosixPath(m.filename).name for m in check_zip(p) if m.filename.lower().endswith(DATASET_SUFFIXES)]
    with _scratch(p) as tmp:
        real = _unpacked(p, tmp, None)
        try:
            return [str(name) for name, _ in _quiet(pyogrio.list_layers, real)]
        except Exception as exc:
            raise _unreadable(p, exc) from exc


UNPACKED_SUFFIXES = (".zip", ".kmz")  # what `_unpacked` unpacks into a private folder


@contextmanager
def _scratch(p: Path) -> Iterator[Path | None]:
    """A private folder for an archive to be unpacked into (`files.private_folder`, which also removes those
    of reads that were killed), None for any other file: creating and removing a folder in the system's
    temporary folder at every read of a GeoPackage or GeoJSON took up to 0.7 s of an app's first map on a
    busy disk."""
    if p.suffix.lower() not in UNPACKED_SUFFIXES:
        yield None
        return
    with private_folder("carto-") as tmp:
        yield Path(tmp)


def _unpacked(p: Path, tmp: Path | None, layer: str | None, notes: list[str] | None = None) -> Path:
    """The path GDAL should open: archives are checked and unpacked into `tmp` (given for archives), XML
    checked."""
    notes = [] if notes is None else notes
    suffix = p.suffix.lower()
    if suffix in (".kml", ".gpx", ".gml"):
        if p.stat().st_size > MAX_XML_BYTES:
            raise _unreadable(p)
        check_xml(p.read_bytes(), p)
        return p
    if suffix == ".kmz":
        members = [m for m in check_zip(p) if m.filename.lower().endswith(".kml")]
        if not members:
            raise DataError("The KMZ file holds no KML document.", hint="Export it again from Google Earth or My Maps.", file=p)
        doc = next((m for m in members if PurePosixPath(m.filename).name.lower() == "doc.kml"), members[0])
        data = read_member(p, doc.filename, MAX_XML_BYTES)
        check_xml(data, p)
        out = tmp / "doc.kml"
        out.write_bytes(data)
        return out
    if suffix == ".zip":
        members = check_zip(p)
        datasets = [m for m in members if m.filename.lower().endswith(DATASET_SUFFIXES)
                    and not PurePosixPath(m.filename).name.startswith(("._", "."))]
        if not datasets:
            raise DataError(
                "The zip file holds no boundary file (.shp, .gpkg, .geojson, .kml).",
                hint="Check that you chose the right zip file.",
                file=p,
            )
        chosen = datasets[0]
        if layer is not None:
            named = [m for m in datasets if PurePosixPath(m.filename).name in (layer, layer + ".shp")]
            if not named:
                raise DataError(
                    "The file has no layer named \"{layer}\"; it has: {layers}.",
                    hint="Choose one of the layers listed.",
                    file=p,
                    layer=layer,
                    layers=", ".join(PurePosixPath(m.filename).name for m in datasets),
                )
            chosen = named[0]
        elif len(datasets) > 1:
            notes.append(Notice("Layer \"{layer}\" was read; the file also has: {others}.",
                                layer=PurePosixPath(chosen.filename).name,
                                others=", ".join(PurePosixPath(m.filename).name for m in datasets[1:])))
        stem = PurePosixPath(chosen.filename)
        wanted = [m for m in members if PurePosixPath(m.filename).parent == stem.parent
                  and PurePosixPath(m.filename).stem == stem.stem]
        for m in wanted:  # flat, under our own names: the member's folders and names are never used
            suffix = PurePosixPath(m.filename).suffix.lower()
            if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix):
                (tmp / f"layer{suffix}").write_bytes(read_member(p, m.filename))
        (tmp / "name.txt").write_text(stem.name, encoding="utf-8")
        return tmp / f"layer{stem.suffix.lower()}"
    return p


def read_layer(path: str | Path, layer: str | None = None, *, areas_only: bool = True) -> gpd.GeoDataFrame:
    """Read admin areas as polygons in EPSG:4326, repairing invalid geometries.

    `layer` picks a layer (GeoPackage table, KML folder, shapefile inside a zip); by
    default the first layer with areas. `areas_only=False` keeps points and lines (GPS
    points, tracks). `attrs["warnings"]` lists what was assumed or repaired.
    """
    p = _check_layer_path(path)
    with _scratch(p) as tmp:
        notes: list[str] = []
        real = _unpacked(p, tmp, layer, notes)
        zipped = p.suffix.lower() == ".zip"  # there `layer` named the file inside the zip
        gdf, warnings, chosen, names = _read(real, p, None if zipped else layer, areas_only)
        warnings[:0] = notes
        if zipped:
            chosen, names = (real.parent / "name.txt").read_text(encoding="utf-8"), list_layers(p)
    gdf = _clean(gdf, p, warnings, areas_only)
    gdf.attrs.update(warnings=warnings, path=str(p), layer=chosen, layers=names)
    return gdf


def _read(real: Path, shown: Path, layer: str | None, areas_only: bool):
    import geopandas as gpd
    import pyogrio

    warnings: list[str] = []
    if real.suffix.lower() == ".shp":
        _check_shapefile_parts(real, shown)
    try:
        infos = _quiet(pyogrio.list_layers, real)
    except Exception as exc:
        raise _unreadable(shown, exc) from exc
    names = [str(n) for n, _ in infos]
    kinds = {str(n): str(t or "") for n, t in infos}
    multi_folder = real.suffix.lower() in (".kml",) and layer is None and len(names) > 1
    if layer is not None and layer not in names:
        raise DataError(
            "The file has no layer named \"{layer}\"; it has: {layers}.",
            hint="Choose one of the layers listed.",
            file=shown,
            layer=layer,
            layers=", ".join(names),
        )
    if multi_folder:
        parts = [_read_one(real, shown, n, warnings) for n in names]
        parts = [g.assign(folder=n) for g, n in zip(parts, names) if not g.empty]
        if not parts:
            raise _no_areas(shown)
        gdf = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry", crs=parts[0].crs)
        warnings.append(Notice("The {count} folders of the KML file were read together (column \"folder\").",
                               count=len(parts)))
        return gdf, warnings, None, names
    if layer is None:
        if len(names) == 0:
            raise _no_areas(shown)
        wanted = [n for n in names if "Polygon" in kinds[n]] if areas_only else []
        if not wanted:  # types unknown (GeoJSON "Unknown") or no polygon layer: first non-empty one
            wanted = [n for n in names if _count(real, n)] or names
        layer = wanted[0]
        others = [n for n in names if n != layer and _count(real, n)] if len(names) > 1 else []
        if others:
            warnings.append(Notice("Layer \"{layer}\" was read; the file also has: {others}.",
                                   layer=layer, others=", ".join(others)))
    return _read_one(real, shown, layer, warnings), warnings, layer, names


def _count(real: Path, name: str) -> int:
    import pyogrio

    try:
        return max(int(_quiet(pyogrio.read_info, real, layer=name, force_feature_count=True).get("features") or 0), 0)
    except Exception:
        return 0


def _read_one(real: Path, shown: Path, layer: str, warnings: list[str]) -> gpd.GeoDataFrame:
    import pyogrio

    is_shp = real.suffix.lower() == ".shp"
    try:
        fields = len(_quiet(pyogrio.read_info, real, layer=layer).get("fields", ()))
    except Exception:  # noqa: BLE001 - the reading below says what is wrong
        fields = 0
    if fields > MAX_FIELDS:  # GeoJSON with 30,000 properties took 47 s
        raise DataError("The boundary file has {count} attribute columns; Carto Desktop reads at most {limit}.",
                        hint="Keep only the name and code columns (for example in QGIS), then open it again.",
                        file=shown, count=fields, limit=MAX_FIELDS)
    try:
        with py_warnings.catch_warnings(record=True) as caught:
            py_warnings.simplefilter("always")
            gdf = pyogrio.read_dataframe(real, layer=layer)
        _gdal_notes(caught, warnings)
    except Exception as exc:
        if is_shp:
            raise DataError(
                "The shapefile is damaged: it may have been cut short when it was copied or downloaded.",
                hint="Ask for a new copy, ideally zipped with its .shx, .dbf and .prj files.",
                file=shown,
            ) from exc
        raise _unreadable(shown, exc) from exc
    if is_shp and _sibling(real, ".cpg") is None:
        text_cols = [c for c in gdf.columns if c != gdf.geometry.name
                     and (gdf[c].dtype == object or pd.api.types.is_string_dtype(gdf[c]))]
        sample = " ".join(str(v) for c in text_cols for v in gdf[c].head(200))
        if _MOJIBAKE.search(sample):  # UTF-8 text read as Latin-1: read again as UTF-8
            try:
                with py_warnings.catch_warnings():
                    py_warnings.simplefilter("ignore")
                    gdf = pyogrio.read_dataframe(real, layer=layer, encoding="UTF-8")
                warnings.append(Notice("The shapefile has no .cpg file; its text was read as UTF-8."))
            except Exception:  # not UTF-8 after all: keep the first reading
                pass
    return gdf


def _quiet(fn, *args, **kwargs):
    """Call a pyogrio function without GDAL warnings reaching stderr (they are not the user's concern here)."""
    with py_warnings.catch_warnings():
        py_warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


def _gdal_notes(caught: list, warnings: list[str]) -> None:
    """GDAL's own warnings (unclosed rings, odd numbers…) for the user, not on stderr."""
    seen = list(dict.fromkeys(str(w.message).strip() for w in caught))
    if seen:
        details = "; ".join(m[:120] for m in seen[:3]) + (f"; … ({len(seen)})" if len(seen) > 3 else "")
        warnings.append(Notice("The file has small defects that were worked around: {details}.", details=details))


def _no_areas(p: Path) -> DataError:
    return DataError(
        "The boundary file holds no areas.",
        hint="Choose a file with the admin areas (polygons) of your country.",
        file=p,
    )


def _clean(gdf: gpd.GeoDataFrame, p: Path, warnings: list[str], areas_only: bool) -> gpd.GeoDataFrame:
    import shapely

    has_shape = (gdf.geometry.notna() & ~gdf.geometry.is_empty).to_numpy()
    if not has_shape.all():  # never silently: "2 areas" from 3 features said nothing
        warnings.append(Notice("{count} features of the boundary file have no shape (no coordinates) and were left out.",
                               count=int((~has_shape).sum())))
    gdf = gdf[has_shape]
    if gdf.empty:
        raise _no_areas(p)
    _check_coordinates(gdf, p)
    if gdf.geometry.has_z.any():
        gdf = gdf.set_geometry(shapely.force_2d(gdf.geometry.values))
    if gdf.crs is None:
        minx, miny, maxx, maxy = gdf.total_bounds
        if -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90:
            gdf = gdf.set_crs(4326)
            warnings.append(Notice("The file gives no coordinate system (no .prj file); the coordinates look like longitude/latitude, so WGS84 was assumed."))
        else:
            raise DataError(
                "The file gives no coordinate system (no .prj file) and its coordinates are not longitude/latitude, so it cannot be placed on a map.",
                hint="Copy the .prj file next to the .shp file, or export the layer again from QGIS with its coordinate system.",
                file=p,
            )
    elif not gdf.crs.equals("EPSG:4326"):
        try:
            name = gdf.crs.to_string()
            gdf = gdf.to_crs(4326)
        except Exception as exc:
            raise DataError(
                "The coordinate system of the file cannot be converted to longitude/latitude.",
                hint="Export the layer again from QGIS in WGS 84 (EPSG:4326).",
                file=p,
            ) from exc
        warnings.append(Notice("The layer was reprojected from {crs} to WGS84 longitude/latitude.", crs=name))
    if gdf.crs.is_geographic:
        minx, miny, maxx, maxy = gdf.total_bounds
        if minx < -180.5 or maxx > 180.5 or miny < -90.5 or maxy > 90.5:
            raise DataError(
                "The coordinates are outside the range of longitude and latitude, so the file's coordinate system is wrong.",
                hint="The file probably holds projected coordinates (metres): export it again from QGIS with its real coordinate system.",
                file=p,
            )
    invalid = ~gdf.geometry.is_valid
    if invalid.any():
        gdf = gdf.copy()
        gdf.loc[invalid, "geometry"] = [_repaired(g, p, i) for i, g in zip(np.flatnonzero(invalid.to_numpy()),
                                                                         gdf.geometry[invalid])]
        warnings.append(Notice("{count} invalid geometries were repaired.", count=int(invalid.sum())))
    if areas_only:
        gdf = _areas(gdf, p, warnings)
    return _text_attributes(gdf).reset_index(drop=True)


def _text_attributes(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Attribute columns holding values of several kinds (names as text and numbers, ids with nulls)
    as text, empty as None: sorting str with float and `len(float)` crashed matching and labels."""
    for c in gdf.columns:
        if c == gdf.geometry.name or gdf[c].dtype != object:
            continue
        values = gdf[c].to_numpy()
        kinds = {type(v) for v in values}
        if kinds <= {str}:
            continue
        gdf[c] = [None if v is None or (isinstance(v, float) and v != v) else v if isinstance(v, str) else
                  _number_text(v) for v in values]
    return gdf


def _number_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _check_coordinates(gdf: gpd.GeoDataFrame, p: Path) -> None:
    """Coordinates that are numbers, and not more of them than `limits` allow, before any geometry work.

    NaN or infinite coordinates made GEOS fail in `make_valid` and matplotlib refuse the axis
    limits; a multipolygon of 10⁵ parts took minutes."""
    import shapely

    geoms = gdf.geometry.to_numpy()
    counts = shapely.get_num_coordinates(geoms)
    total = int(counts.sum())
    if total > MAX_VERTICES:
        raise DataError("The boundary file has {count} points; Carto Desktop draws at most {limit}.",
                        hint="Simplify the boundaries first (for example with mapshaper.org or QGIS), then open them again.",
                        file=p, count=total, limit=MAX_VERTICES)
    parts = shapely.get_num_geometries(geoms)
    if len(parts) and int(parts.max()) > MAX_PARTS:
        at = int(np.argmax(parts))
        raise DataError(
            "Area {area} of the boundary file is made of {count} separate parts; Carto Desktop reads at most {limit} per area.",
            hint="Simplify the boundaries first (for example with mapshaper.org or QGIS), then open them again.",
            file=p, area=at + 1, count=int(parts[at]), limit=MAX_PARTS)
    coords, index = shapely.get_coordinates(geoms, return_index=True)
    bad = ~np.isfinite(coords).all(axis=1)
    if bad.any():
        features = sorted({int(i) + 1 for i in index[bad]})
        raise DataError(
            "Some areas of the boundary file have coordinates that are not numbers (NaN or infinite): feature {features}.",
            hint="The file is damaged: export it again from QGIS, or ask for a new copy.",
            file=p, features=", ".join(map(str, features[:5])) + ("…" if len(features) > 5 else ""))


def _repaired(geom, p: Path, position: int):
    """An invalid geometry made valid; a ring that retraces itself first reduced to its distinct points
    (a 271 KB KML whose ring went back and forth took 3.2 GB and 27 s in `make_valid`)."""
    import shapely

    try:
        return shapely.make_valid(_untangled(geom))
    except Exception as exc:  # GEOS gives up on some damage
        raise DataError("Area {area} of the boundary file has a shape that cannot be repaired.",
                        hint="The file is damaged: export it again from QGIS, or ask for a new copy.",
                        file=p, area=position + 1) from exc


def _untangled(geom):
    import shapely

    if geom.geom_type not in AREA_TYPES:
        return geom
    polygons = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
    changed = False
    out = []
    for poly in polygons:
        rings = [poly.exterior, *poly.interiors]
        fixed = []
        for ring in rings:
            coords = shapely.get_coordinates(ring)
            distinct = np.unique(coords, axis=0)
            if len(coords) > 8 and len(distinct) * 2 < len(coords):  # the ring goes over itself again
                first = list(dict.fromkeys(map(tuple, coords.tolist())))
                fixed.append(first + first[:1] if len(first) >= 3 else [])
                changed = True
            else:
                fixed.append(coords)
        if len(fixed[0]) >= 4:
            out.append(shapely.Polygon(fixed[0], [r for r in fixed[1:] if len(r) >= 4]))
    if not changed:
        return geom
    return out[0] if len(out) == 1 else shapely.MultiPolygon(out) if out else shapely.Polygon()


def _areas(gdf: gpd.GeoDataFrame, p: Path, warnings: list[str]) -> gpd.GeoDataFrame:
    """Polygons only: polygon parts of collections kept, points and lines left out (and counted)."""
    types = gdf.geom_type
    collections = types == "GeometryCollection"
    if collections.any():
        gdf = gdf.copy()
        gdf.loc[collections, "geometry"] = [_polygon_parts(g) for g in gdf.geometry[collections]]
        types = gdf.geom_type
    keep = types.isin(AREA_TYPES) & ~gdf.geometry.is_empty
    if not keep.any():
        raise DataError(
            "The boundary file has no polygons (only points or lines).",
            hint="A choropleth needs admin areas: choose the boundaries file, not a points file.",
            file=p,
        )
    if not keep.all():
        warnings.append(Notice("{count} features that are not areas (points or lines) were left out.",
                               count=int((~keep).sum())))
    return gdf[keep]


def _polygon_parts(geom):
    import shapely

    parts = [g for g in shapely.get_parts(geom) if g.geom_type in AREA_TYPES]
    if not parts:
        return shapely.Polygon()
    flat = [q for g in parts for q in (g.geoms if g.geom_type == "MultiPolygon" else [g])]
    return flat[0] if len(flat) == 1 else shapely.MultiPolygon(flat)
