"""Points of people counted per hexagon: 100,000 generated points over Mali.

Usage: python bench/bench_hexagons.py [--points 100000] [--runs 5]
The points are made up (no real person): three quarters around ten towns, a quarter spread
over the country's bounding box (some fall outside Mali and are left out). Timed:
`count_in_hexagons` as the map uses it (points in lon/lat → inside the cercles of
sample_data/mali_adm2.geojson → projected → axial rounding → counted → hexagons built), with
the automatic size and with 10 km cells, and the axial rounding + counting alone.
Prints medians of wall-clock and CPU seconds.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import median_time  # noqa: E402  (bench/ is on sys.path when run as a script)
from carto_desktop.carto.projection import choose_projection  # noqa: E402
from carto_desktop.hexagons import count_in_hexagons, hexagon_index  # noqa: E402

TOWNS = [(12.65, -8.0), (14.49, -4.19), (16.27, -0.04), (11.32, -5.67), (14.45, -11.44), (13.43, -6.26),
         (16.77, -3.0), (15.0, -10.0), (12.9, -7.6), (14.35, -3.6)]


def fake_points(layer: gpd.GeoDataFrame, n: int, seed: int = 11) -> gpd.GeoSeries:
    rng = np.random.default_rng(seed)
    near = n * 3 // 4
    town = rng.integers(0, len(TOWNS), near)
    lat = np.array([TOWNS[i][0] for i in town]) + rng.normal(0, 0.3, near)
    lon = np.array([TOWNS[i][1] for i in town]) + rng.normal(0, 0.3, near)
    minx, miny, maxx, maxy = layer.total_bounds
    lat = np.concatenate([lat, rng.uniform(miny, maxy, n - near)])
    lon = np.concatenate([lon, rng.uniform(minx, maxx, n - near)])
    return gpd.GeoSeries(gpd.points_from_xy(lon, lat), crs=4326)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    layer = gpd.read_file(ROOT / "sample_data" / "mali_adm2.geojson", engine="pyogrio")
    crs = choose_projection(layer).crs
    points = fake_points(layer, args.points)
    auto = count_in_hexagons(points, layer, crs)
    ten = count_in_hexagons(points, layer, crs, size_km=10)
    for label, size, result in (("automatic size", None, auto), ("10 km", 10, ten)):
        wall, cpu = median_time(lambda: count_in_hexagons(points, layer, crs, size_km=size), args.runs, warm_up=True)
        print(f"count_in_hexagons, {label} ({result.size_km:g} km): {args.points:,} points, {result.counted:,} inside, "
              f"{len(result.cells):,} cells: median {wall:.3f} s wall, {cpu:.3f} s CPU")
    projected = points.to_crs(crs)
    x, y = projected.x.to_numpy(), projected.y.to_numpy()

    def rounding_and_counting():
        q, r = hexagon_index(x, y, 10_000)
        return np.unique((q - q.min()) * (r.max() - r.min() + 1) + (r - r.min()), return_counts=True)

    wall, cpu = median_time(rounding_and_counting, args.runs, warm_up=True)
    print(f"axial rounding + counting alone, 10 km: {args.points:,} points: median {wall * 1000:.1f} ms wall, "
          f"{cpu * 1000:.1f} ms CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
