"""Basemap tile packs: drawing a pack under an A4 map, and stitching a downloaded one.

Usage: python bench/bench_basemap.py [--runs 5]
Prints medians (wall and CPU seconds) for: warping the pack into the map's projection at
150 and 200 dpi (the default) on the sample map's A4 page, for the small synthetic test
pack and for a Mali-sized pack at zoom 8 (156 tiles, built here by `stitch_tiles` from
generated tiles: no network); opening that pack; the sample map built with and without it.
"""
from __future__ import annotations

import argparse
import io
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import median_time  # noqa: E402  (bench/ is on sys.path when run as a script)
from carto_desktop.carto.basemap import (  # noqa: E402
    choose_zoom, draw_tile_pack, open_tile_pack, stitch_tiles, tile_count, write_tile_pack,
)
from carto_desktop.carto.projection import choose_projection  # noqa: E402
from carto_desktop.project import build_map, sample_project  # noqa: E402

TEST_PACK = ROOT / "tests" / "data" / "basemap" / "test_pack.png"
MALI = (-12.5, 10.0, 4.5, 25.0)


def fake_tile(x: int, y: int, z: int) -> bytes:
    """A 256-pixel PNG with some texture, so the pack compresses like a real map, not a flat colour."""
    from PIL import Image

    rng = np.random.default_rng(x * 1000 + y)
    tile = np.full((256, 256, 3), (242, 239, 233), dtype="uint8")
    tile[rng.integers(0, 256, 40), :] = (170, 211, 223)  # "rivers" and "roads"
    tile[:, rng.integers(0, 256, 40)] = (255, 255, 255)
    buf = io.BytesIO()
    Image.fromarray(tile).save(buf, format="png")
    return buf.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="carto-bench-basemap-"))
    rows = []

    zoom = choose_zoom(MALI)
    image, bounds = stitch_tiles(MALI, zoom, fake_tile)
    rows.append((f"stitch {tile_count(MALI, zoom)} tiles (Mali, zoom {zoom}; fake fetch)",
                 median_time(lambda: stitch_tiles(MALI, zoom, fake_tile), max(1, args.runs // 2))))
    big = write_tile_pack(out / "mali.png", image, bounds, zoom=zoom, provider="bench", attribution="bench")
    size_mb = big.path.stat().st_size / 1e6
    rows.append(("open_tile_pack (header + .json)", median_time(lambda: open_tile_pack(big.path), args.runs)))

    project = sample_project("en")
    result = build_map(replace(project, basemap=TEST_PACK))
    fig = result.figure
    ax = next(a for a in fig.axes if a.images)  # the map
    crs = choose_projection(result.data.areas, project.projection).crs

    for name, pack in (("test pack 512 px", open_tile_pack(TEST_PACK)), (f"Mali zoom {zoom} {big.size[0]}×{big.size[1]} px", big)):
        for dpi in (150, 200):
            def draw(pack=pack, dpi=dpi):
                draw_tile_pack(ax, pack, crs, dpi=dpi)
                ax.images[-1].remove()
            rows.append((f"draw A4 map at {dpi} dpi: {name}", median_time(draw, args.runs, warm_up=True)))

    rows.append(("sample map, no basemap: build_map", median_time(lambda: build_map(project), args.runs)))
    with_big = replace(project, basemap=big.path)
    rows.append((f"sample map + Mali zoom {zoom} pack: build_map", median_time(lambda: build_map(with_big), args.runs)))

    print(f"{'step':55s} {'wall (s)':>9s} {'CPU (s)':>8s}   median of {args.runs} runs")
    for name, (wall, cpu) in rows:
        print(f"{name:55s} {wall:9.3f} {cpu:8.3f}")
    width_px = round(ax.get_position().width * fig.get_figwidth() * 150)
    print(f"A4 map frame at 150 dpi: {width_px} px wide; Mali pack: {size_mb:.1f} MB PNG")
    return 0


if __name__ == "__main__":
    sys.exit(main())
