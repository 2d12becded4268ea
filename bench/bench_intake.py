"""Load times of the intake: a 100,000-row CSV and the 10,000-polygon Mali layer.

    .venv/bin/python bench/bench_intake.py [--runs 5]

Prints the median of several runs (after one warm-up) for: `read_table` on a generated
100,000-row, 10-column CSV (UTF-8, French-style `;` and decimal commas, P-codes); the
same file in Windows-1252; `read_layer` on tests/data/real/bench/mali_voronoi_10k.gpkg;
and `read_layer` on that layer converted to a shapefile in a temporary folder.
Target: each under 1.5 s on the project's 2-core machine.
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
REAL = REPO / "tests" / "data" / "real"

from timing import median_time  # noqa: E402  (bench/ is on sys.path when run as a script)
from carto_desktop.intake import read_layer, read_table  # noqa: E402


def make_csv(path: Path, rows: int = 100_000, encoding: str = "utf-8") -> None:
    rnd = random.Random(42)
    clusters = ["Santé", "Éducation", "Sécurité alimentaire", "Protection", "EHA", "Abris"]
    cercles = ["Ségou", "Kéniéba", "Diré", "Tombouctou", "Ménaka", "Kati", "Bla", "Niono"]
    with open(path, "w", encoding=encoding, newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["id", "organisation", "region_pcode", "cercle_pcode", "cercle", "cluster", "beneficiaires",
                    "montant_usd", "latitude", "longitude"])
        for i in range(rows):
            a1 = rnd.randint(1, 10)
            w.writerow([f"{i:06d}", f"ONG {rnd.randint(1, 160)}", f"ML{a1:02d}", f"ML{a1:02d}{rnd.randint(1, 9):02d}",
                        rnd.choice(cercles), rnd.choice(clusters), str(rnd.randint(0, 5000)),
                        f"{rnd.uniform(0, 1e6):.2f}".replace(".", ","), f"{rnd.uniform(10, 25):.5f}",
                        f"{rnd.uniform(-12, 4):.5f}"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    gpkg = REAL / "bench" / "mali_voronoi_10k.gpkg"
    with tempfile.TemporaryDirectory(prefix="carto-bench-") as tmp:
        tmp = Path(tmp)
        utf8, cp1252 = tmp / "activities_100k.csv", tmp / "activities_100k_cp1252.csv"
        make_csv(utf8)
        make_csv(cp1252, encoding="cp1252")
        layer = read_layer(gpkg)
        shp = tmp / "mali_voronoi_10k.shp"
        layer.to_file(shp, engine="pyogrio")
        results = [
            ("read_table, CSV 100,000 rows × 10 columns, UTF-8", lambda: read_table(utf8)),
            ("read_table, same CSV in Windows-1252", lambda: read_table(cp1252)),
            ("read_layer, GeoPackage 10,000 polygons", lambda: read_layer(gpkg)),
            ("read_layer, shapefile 10,000 polygons", lambda: read_layer(shp)),
        ]
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"median of {args.runs} runs (after one warm-up); {os.cpu_count()} CPUs, load average {load:.1f}")
        print(f"{'':<52} {'wall':>7} {'CPU':>7}")
        for label, fn in results:
            wall, cpu = median_time(fn, args.runs, warm_up=True)
            verdict = "ok" if wall < 1.5 else "SLOW (target 1.5 s)"
            print(f"{label:<52} {wall:6.2f}s {cpu:6.2f}s  {verdict}")


if __name__ == "__main__":
    main()
