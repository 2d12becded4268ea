"""Rebuild geonames_sahel_places.tsv.gz from ../shared/data/gazetteer_geonames (GeoNames, CC BY 4.0).

Keeps the populated places (no admin-area points, no abandoned/historical/destroyed places)
of Mali, Burkina Faso, Niger and Chad, the columns the matcher reads, and Latin-script
alternate names only.  Run: .venv/bin/python sample_data/gazetteer/build_gazetteer.py
"""
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parents[2] / "shared" / "data" / "gazetteer_geonames" / "geonames_sahel_P_A.tsv.gz"
COUNTRIES = ("ML", "BF", "NE", "TD")
COLUMNS = ["geonameid", "name", "alternatenames", "latitude", "longitude", "feature_class", "feature_code",
           "country_code", "population"]


def latin(names: str) -> str:
    return ",".join(n for n in names.split(",") if n and all(ord(ch) < 0x250 for ch in n))


def main() -> None:
    g = pd.read_csv(SOURCE, sep="\t", dtype=str, keep_default_na=False)
    g = g[g["country_code"].isin(COUNTRIES) & (g["feature_class"] == "P") & ~g["feature_code"].isin(["PPLQ", "PPLH", "PPLW"])]
    g = g[COLUMNS].copy()
    g["alternatenames"] = g["alternatenames"].map(latin)
    g.sort_values(["country_code", "geonameid"]).to_csv(HERE / "geonames_sahel_places.tsv.gz", sep="\t", index=False,
                                                        compression={"method": "gzip", "mtime": 0})
    print(len(g), "places")


if __name__ == "__main__":
    main()
