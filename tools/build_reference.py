"""Rebuild reference/ (the towns, lakes and rivers drawn on every map page) from Natural Earth.

Run by hand from the repository root, naming the folder that holds the Natural Earth 1:10m
Africa extracts (see reference/SOURCES.md):

    python tools/build_reference.py PATH/TO/data/reference

Only what a page draws is kept, so the shipped folder stays small: national and regional
capitals and the towns of rank ≤ 8 (about 5–15 per country), lakes of rank ≤ 6 and rivers of
rank ≤ 8, with their names in English and French, written as FlatGeobuf (fast to read at every
map). Geometry is not edited, only rounded to 3 decimals (about 100 m, a tenth of a millimetre
at 1:1,000,000) and rivers simplified to the same 0.001°.
"""
from __future__ import annotations

import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "reference"

# Natural Earth writes English transliterations; French maps use the French names.
FRENCH = {
    "Timbuktu": "Tombouctou", "Ndjamena": "N'Djaména", "Bobo Dioulasso": "Bobo-Dioulasso",
    "Fada Ngourma": "Fada N'Gourma", "Faya Largeau": "Faya-Largeau", "Yaounde": "Yaoundé",
    "Birni Nkonni": "Birni N'Konni", "Cairo": "Le Caire", "Algiers": "Alger", "Tripoli": "Tripoli",
    "Khartoum": "Khartoum", "Addis Ababa": "Addis-Abeba", "Mogadishu": "Mogadiscio",
    "Cape Town": "Le Cap", "Kinshasa": "Kinshasa", "Lome": "Lomé", "Conakry": "Conakry",
    "Djibouti": "Djibouti", "Porto-Novo": "Porto-Novo", "Sao Tome": "São Tomé",
}
ENGLISH = {"Ndjamena": "N'Djamena", "Bobo Dioulasso": "Bobo-Dioulasso", "Lome": "Lomé"}
LAKES_FR = {"Lake Chad": "Lac Tchad", "Lake Volta": "Lac Volta", "Kainji Reservoir": "Lac de Kainji",
            "Lake Victoria": "Lac Victoria", "Lake Tanganyika": "Lac Tanganyika", "Lake Malawi": "Lac Malawi",
            "Lake Albert": "Lac Albert", "Lake Turkana": "Lac Turkana", "Lake Tana": "Lac Tana",
            "Lake Kariba": "Lac Kariba", "Lake Nasser": "Lac Nasser", "Lake Kivu": "Lac Kivu",
            "Lake Edward": "Lac Édouard", "Lake Kyoga": "Lac Kyoga", "Lake Rukwa": "Lac Rukwa"}


def _kind(featurecla: str, adm0cap: float) -> str:
    if adm0cap == 1:
        return "capital"
    return "regional" if str(featurecla).startswith("Admin-1") else "town"


def places(src: Path) -> gpd.GeoDataFrame:
    p = gpd.read_file(src / "ne_10m_populated_places_africa.geojson", engine="pyogrio")
    keep = (p["ADM0CAP"] == 1) | (p["SCALERANK"] <= 8)
    p = p[keep].copy()
    out = gpd.GeoDataFrame({
        "name": [ENGLISH.get(n, n) for n in p["NAME"]],
        "name_fr": [FRENCH.get(n, ENGLISH.get(n, n)) for n in p["NAME"]],
        "kind": [_kind(f, c) for f, c in zip(p["FEATURECLA"], p["ADM0CAP"])],
        "rank": p["SCALERANK"].astype(int).to_numpy(),
        "population": p["POP_MAX"].fillna(0).astype(int).to_numpy(),
        "country": p["ADM0_A3"].to_numpy(),
    }, geometry=shapely.set_precision(p.geometry.to_numpy(), 0.001), crs=4326)
    return out.sort_values(["country", "rank", "population"], ascending=[True, True, False]).reset_index(drop=True)


def lakes(src: Path) -> gpd.GeoDataFrame:
    lk = gpd.read_file(src / "ne_10m_lakes_africa.geojson", engine="pyogrio")
    lk = lk[lk["scalerank"] <= 6].copy()
    names = lk["name"].fillna("").astype(str)
    geoms = shapely.set_precision(shapely.simplify(lk.geometry.to_numpy(), 0.001), 0.001)
    return gpd.GeoDataFrame({"name": names.to_numpy(), "name_fr": [LAKES_FR.get(n, n) for n in names],
                             "rank": lk["scalerank"].astype(int).to_numpy()}, geometry=geoms, crs=4326)


def rivers(src: Path) -> gpd.GeoDataFrame:
    rv = gpd.read_file(src / "ne_10m_rivers_africa.geojson", engine="pyogrio")
    rv = rv[rv["scalerank"] <= 8].copy()
    names = rv["name"].fillna("").astype(str)
    geoms = shapely.set_precision(shapely.simplify(rv.geometry.to_numpy(), 0.002), 0.001)
    ok = ~shapely.is_empty(geoms)
    return gpd.GeoDataFrame({"name": names.to_numpy()[ok], "rank": rv["scalerank"].astype(int).to_numpy()[ok]},
                            geometry=geoms[ok], crs=4326)


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print(__doc__)
        return 2
    src = Path(argv[0])
    OUT.mkdir(exist_ok=True)
    for name, frame in (("places", places(src)), ("lakes", lakes(src)), ("rivers", rivers(src))):
        # FlatGeobuf: read in a sixth of GeoJSON's time at each map; no spatial index, so the features keep
        # their order, and Polygon/MultiPolygon kept as they are (not all promoted to multi-part)
        path = OUT / f"{name}.fgb"
        frame.to_file(path, driver="FlatGeobuf", engine="pyogrio", layer_options={"SPATIAL_INDEX": "NO"},
                      promote_to_multi=False)
        print(f"{path.relative_to(ROOT)}: {len(frame)} features, {path.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
