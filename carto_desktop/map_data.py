"""The map's data as a table: one row per area (per area and category for sectors), what volunteers
continue with in QGIS or Excel, and what tests check.

Columns: `area_id`, `area_name`, `value` (the number behind the colour), `records` (rows behind
it), `shown` (`value`, `fewer_than` or `no_data`), `class` (the legend's label), `colour` (hex fill),
`note` (why a figure is not given); a sectors map adds `category`. The classes and colours are the
ones the page draws (`thematic.*_style`), so the file and the map cannot disagree.

The file hides what the map hides: an area the map shows as "fewer than 5" (`MapData.suppressed`, the
one small-count rule) has neither its figure nor its rows in the file, and its `note` says why; a
file of exact figures is the map with the threshold off (`min_count` 0), where the map shows them too.
"""
from __future__ import annotations

import os
import re
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from matplotlib.colors import to_hex

from carto_desktop.aggregate import RECORDS
from carto_desktop.carto.palettes import category_colours
from carto_desktop.carto.templates import Template
from carto_desktop.carto.thematic import (
    BASE_AREA_FILL, MapData, choropleth_style, presence_style, sector_order, sector_present, symbol_style,
)
from carto_desktop.errors import ExportError, OptionError
from carto_desktop.files import spreadsheet_safe, write_atomically
from carto_desktop.i18n import translate

FORMATS = (".csv", ".gpkg", ".geojson")
COLUMNS = ["area_id", "area_name", "value", "records", "shown", "class", "colour", "note"]


def _label(text: str) -> str:
    """A legend line without its "(n)" count of areas."""
    return re.sub(r"\s+\(\d[\d\s,.\u202f]*\)$", "", text.strip())


def map_table(data: MapData, template: Template, lang: str = "en") -> gpd.GeoDataFrame:
    """The table of what the map shows, with each area's geometry (EPSG:4326)."""
    if template.kind == "points" or data.outlines is not None:
        raise OptionError("The map's data can be written for maps of areas only, not for points or hexagons.",
                          hint="Use an area template (choropleth, presence, symbols, sectors).")
    areas = data.areas
    ids = areas[data.keys.id_column].astype(str).to_numpy()
    names = areas[data.keys.name_column].astype(str).to_numpy() if data.keys.name_column else ids
    values = areas["value"].to_numpy(dtype=float)
    records = areas[RECORDS].to_numpy(dtype=float) if RECORDS in areas else np.full(len(areas), np.nan)
    hidden = data.suppressed()
    shown = np.where(hidden, "fewer_than", np.where(np.isfinite(values), "value", "no_data"))
    if template.kind == "sectors":
        return _sectors_table(data, template, lang, ids, names)
    style = {"choropleth": choropleth_style, "presence": presence_style,
             "symbols": symbol_style}[template.kind](data, template, lang)
    lines = style.legend.entries + ([style.legend.no_data] if style.legend.no_data else [])
    classes = [_label(lines[i].label) if 0 <= i < len(lines) else "" for i in style.entries]
    if template.kind == "symbols":  # circles: the class is the figure as the legend writes it
        classes = [_label(lines[i].label) if h else "" for i, h in zip(style.entries, hidden)]
    why = data.suppression_texts(lang)[1] if hidden.any() else ""
    table = pd.DataFrame({"area_id": ids, "area_name": names, "value": np.where(hidden, np.nan, values),
                          "records": np.where(hidden, np.nan, records), "shown": shown, "class": classes,
                          "colour": [to_hex(c) for c in style.fills], "note": np.where(hidden, why, "")})
    return gpd.GeoDataFrame(table, geometry=areas.geometry.to_numpy(), crs=areas.crs).to_crs(4326)


def _sectors_table(data: MapData, template: Template, lang: str, ids, names) -> gpd.GeoDataFrame:
    order = sector_order(data)
    colours = category_colours(template.colour("palette", "Dark2"), len(order)) if order else []
    present_word, absent_word = translate("Sector present", lang), translate("Not present", lang)
    # the panels show presence only; a small count of people per sector is not written either
    why = translate("Hidden: counts of people under {n}, to protect them.", lang, n=data.min_count)
    parts = []
    for category, colour in zip(order, colours):
        cells = data.categories[category]
        values = np.nan_to_num(pd.Series(ids).map(cells).to_numpy(dtype=float))
        present = sector_present(data, category)
        small = data.counts_people & (values > 0) & (values < data.min_count)
        parts.append(gpd.GeoDataFrame({
            "area_id": ids, "area_name": names, "category": category, "value": np.where(small, np.nan, values),
            "records": np.where(small, np.nan, values), "shown": np.where(present, "value", "no_data"),
            "class": np.where(present, present_word, absent_word),
            "colour": np.where(present, to_hex(colour), BASE_AREA_FILL), "note": np.where(small, why, "")},
            geometry=data.areas.geometry.to_numpy(), crs=data.areas.crs))
    table = pd.concat(parts, ignore_index=True) if parts else gpd.GeoDataFrame(columns=COLUMNS + ["category"])
    return gpd.GeoDataFrame(table, geometry="geometry", crs=data.areas.crs).to_crs(4326)


def withheld_notice(data: MapData, template: Template, path: str | Path, lang: str = "en") -> str:
    """The sentence to give whoever writes the map's data when the file withholds figures, as the map does.

    The CLI prints it after `--export-data`, the app shows it after "Export the map's data": someone
    expecting every figure learns why some are missing and how to get them (the threshold off, which
    shows them on the map too). Empty when nothing is withheld.
    """
    if template.kind == "points" or data.outlines is not None:
        return ""  # points and hexagons are not written
    if template.kind == "sectors":
        table = _sectors_table(data, template, lang, data.areas[data.keys.id_column].astype(str).to_numpy(),
                               data.areas[data.keys.id_column].astype(str).to_numpy())
        n = int((table["note"] != "").sum())
        if not n:
            return ""
        return translate("{n} figures per area and sector under {min} are not written in {file}, to protect the "
                         "people counted (the map shows presence only).", lang, n=n, min=data.min_count,
                         file=Path(path).name)
    hidden = data.suppressed()
    n = int(hidden.sum())
    if not n:
        return ""
    label = data.suppression_texts(lang)[0]
    label = label[:1].lower() + label[1:]  # inside a sentence: "fewer than 5"
    return translate("{n} areas shown as \"{label}\" on the map are written so in {file} too, without their figure "
                     "(column \"note\"); turn the small-count threshold off to have every figure, on the map too.",
                     lang, n=n, label=label, file=Path(path).name)


def check_data_path(path: str | Path) -> str:
    """The format of `--export-data`, refused before the slow part when it is none of ours."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ExportError("The map's data could not be written: {reason}.", file=path,
                          hint="Use a file name ending in .csv, .gpkg or .geojson.",
                          reason="not a .csv, .gpkg or .geojson file name")
    return suffix


def write_map_data(data: MapData, template: Template, path: str | Path, lang: str = "en") -> Path:
    """Write `map_table` as CSV (UTF-8 with BOM, no geometry), GeoPackage or GeoJSON, atomically."""
    suffix = check_data_path(path)
    table = map_table(data, template, lang)
    if suffix == ".csv":
        plain = spreadsheet_safe(pd.DataFrame(table.drop(columns="geometry")))
        return write_atomically(path, lambda tmp: plain.to_csv(tmp, index=False, encoding="utf-8-sig"))
    driver = "GPKG" if suffix == ".gpkg" else "GeoJSON"

    def write(tmp: str) -> None:
        os.remove(tmp)  # GDAL makes its own file: an empty one in the way is not a GeoPackage
        with warnings.catch_warnings():  # GDAL would like the temporary name to end in .gpkg
            warnings.simplefilter("ignore", RuntimeWarning)
            table.to_file(tmp, driver=driver, engine="pyogrio", layer="map_data" if driver == "GPKG" else None)

    return write_atomically(path, write)
