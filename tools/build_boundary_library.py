"""Build the boundary library shipped with the app (`boundaries/`) from OCHA COD-AB files.

Run by hand by a developer, never at run or test time:

    python tools/build_boundary_library.py SOURCE_FOLDER

SOURCE_FOLDER holds `{iso3}_adm1.geojson` and `{iso3}_adm2.geojson` per country (Mali's
are `mali_adm*.geojson`), each with the columns `admN_pcode`, `admN_name`,
`admN_name_pcodelist`, `pcode_valid_from` (and `adm1_pcode`, `adm1_name` at admin 2), as
described in docs/boundaries.md. It writes, in `boundaries/` at the top of the repository:

- `boundaries.gpkg`: one table per country and level (`ner_adm2`), EPSG:4326, without the
  spatial index (the app reads whole tables; the index would only add size);
- `catalogue.json`: per set its publisher, edition date, licence and the attribution the map
  carries, per country its names (English, French) and level words; and every area's P-code,
  names and parent, so a table is recognised without opening the GeoPackage.

Adding a country is adding its two GeoJSON files and one line to COUNTRIES below.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "boundaries"
LIBRARY = "boundaries.gpkg"
CATALOGUE = "catalogue.json"

# iso3: ISO2, English name, French name, French "of <country>", level 1 and level 2 words
# (singular, plural) in English and in French, each as in the country's COD-AB and usual
# humanitarian reporting.
COUNTRIES: dict[str, tuple] = {
    "MLI": ("ML", "Mali", "Mali", "du Mali", ("region", "regions", "région", "régions"), ("cercle", "cercles", "cercle", "cercles")),
    "BFA": ("BF", "Burkina Faso", "Burkina Faso", "du Burkina Faso", ("region", "regions", "région", "régions"), ("province", "provinces", "province", "provinces")),
    "TCD": ("TD", "Chad", "Tchad", "du Tchad", ("province", "provinces", "province", "provinces"), ("department", "departments", "département", "départements")),
    "NER": ("NE", "Niger", "Niger", "du Niger", ("region", "regions", "région", "régions"), ("department", "departments", "département", "départements")),
    "CMR": ("CM", "Cameroon", "Cameroun", "du Cameroun", ("region", "regions", "région", "régions"), ("department", "departments", "département", "départements")),
    "COD": ("CD", "DR Congo", "RD Congo", "de la RD Congo", ("province", "provinces", "province", "provinces"), ("territory", "territories", "territoire", "territoires")),
    "NGA": ("NG", "Nigeria", "Nigeria", "du Nigeria", ("state", "states", "État", "États"), ("LGA", "LGAs", "LGA", "LGA")),
    "ETH": ("ET", "Ethiopia", "Éthiopie", "de l'Éthiopie", ("region", "regions", "région", "régions"), ("zone", "zones", "zone", "zones")),
    "SSD": ("SS", "South Sudan", "Soudan du Sud", "du Soudan du Sud", ("state", "states", "État", "États"), ("county", "counties", "comté", "comtés")),
    "SOM": ("SO", "Somalia", "Somalie", "de la Somalie", ("region", "regions", "région", "régions"), ("district", "districts", "district", "districts")),
    "MOZ": ("MZ", "Mozambique", "Mozambique", "du Mozambique", ("province", "provinces", "province", "provinces"), ("district", "districts", "district", "districts")),
    "MWI": ("MW", "Malawi", "Malawi", "du Malawi", ("region", "regions", "région", "régions"), ("district", "districts", "district", "districts")),
}
SOURCE_NAMES = {"MLI": "mali"}  # file stem when it is not the lower-case ISO3

PUBLISHER = "OCHA COD-AB"
LICENCE = "CC BY 3.0 IGO"
LICENCE_NOTE = ("The licence HDX gives OCHA COD-AB; the copied files do not record it: confirm it on the "
                "country's HDX COD-AB page before publishing.")
SIMPLIFIED = "Simplified by OCHA (0.005°, about 550 m): for country and region maps, not large-scale maps."
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre")


def _read(source: Path, iso3: str, level: int) -> gpd.GeoDataFrame:
    stem = SOURCE_NAMES.get(iso3, iso3.lower())
    layer = gpd.read_file(source / f"{stem}_adm{level}.geojson", engine="pyogrio")
    if layer.crs is None or layer.crs.to_epsg() != 4326:
        sys.exit(f"{stem}_adm{level}.geojson: expected EPSG:4326")
    code = f"adm{level}_pcode"
    if layer[code].duplicated().any() or layer[code].isna().any():
        sys.exit(f"{stem}_adm{level}.geojson: P-codes missing or repeated")
    if not layer.geometry.is_valid.all():
        sys.exit(f"{stem}_adm{level}.geojson: invalid geometries (repair them before building)")
    return layer.sort_values(code).reset_index(drop=True)


def _edition(layer: gpd.GeoDataFrame) -> str:
    """The COD edition as the latest "valid from" date of its P-codes (YYYY-MM-DD)."""
    return pd.to_datetime(layer["pcode_valid_from"]).max().date().isoformat()


def _attribution(country: tuple, edition: str) -> dict[str, str]:
    year, month = int(edition[:4]), int(edition[5:7])
    _, en, fr, of_fr, *_ = country
    return {
        "en": f"administrative boundaries: OCHA COD-AB ({en}, {MONTHS_EN[month - 1]} {year}, HDX), "
              f"national authorities of {en}",
        "fr": f"limites administratives : OCHA COD-AB ({fr}, {MONTHS_FR[month - 1]} {year}, HDX), "
              f"autorités nationales {of_fr}",
    }


def build(source: Path, out: Path = OUT) -> dict:
    out.mkdir(exist_ok=True)
    library = out / LIBRARY
    tmp = out / ".building.gpkg"  # GDAL wants the .gpkg extension
    tmp.unlink(missing_ok=True)
    catalogue: dict = {"format": 1, "file": LIBRARY, "publisher": PUBLISHER, "countries": {}, "sets": [],
                       "areas": {}}
    for iso3, country in COUNTRIES.items():
        iso2, en, fr, of_fr, words1, words2 = country
        catalogue["countries"][iso3] = {
            "iso2": iso2, "en": en, "fr": fr,
            "levels": {str(n): {"en": list(w[:2]), "fr": list(w[2:])} for n, w in ((1, words1), (2, words2))},
        }
        for level in (1, 2):
            layer = _read(source, iso3, level)
            if set(layer["adm0_iso3"].dropna()) - {iso3} if "adm0_iso3" in layer else False:
                sys.exit(f"{iso3} admin {level}: rows of another country")
            name, alias, code = f"adm{level}_name", f"adm{level}_name_pcodelist", f"adm{level}_pcode"
            keep = [code, name, alias] + (["adm1_pcode", "adm1_name"] if level == 2 else [])
            table = layer[keep + ["geometry"]].copy()
            table["adm0_iso3"] = iso3
            table_name = f"{iso3.lower()}_adm{level}"
            table.to_file(tmp, layer=table_name, driver="GPKG", engine="pyogrio",
                          layer_options={"SPATIAL_INDEX": "NO"})
            edition = _edition(layer)
            catalogue["sets"].append({
                "id": f"{iso3}/{level}", "country": iso3, "level": level, "table": table_name,
                "areas": len(layer), "publisher": PUBLISHER, "edition": edition,
                "licence": LICENCE, "licence_note": LICENCE_NOTE, "note": SIMPLIFIED,
                "attribution": _attribution(country, edition),
            })
            catalogue["areas"][f"{iso3}/{level}"] = [
                [r[code], r[name], r[alias] if r[alias] != r[name] else ""] + ([r["adm1_pcode"]] if level == 2 else [])
                for _, r in layer.iterrows()
            ]
    tmp.replace(library)
    text = json.dumps(catalogue, ensure_ascii=False, separators=(",", ":"))
    (out / CATALOGUE).write_text(text + "\n", encoding="utf-8")
    return catalogue


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="folder of {iso3}_adm1.geojson and {iso3}_adm2.geojson files")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write (default: boundaries/ of the repository)")
    args = parser.parse_args()
    catalogue = build(args.source, args.out)
    size = sum(p.stat().st_size for p in args.out.iterdir() if p.is_file())
    print(f"{len(catalogue['sets'])} sets, {len(catalogue['countries'])} countries, {size / 2**20:.2f} MB in {args.out}")


if __name__ == "__main__":
    main()
