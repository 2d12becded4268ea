"""Render times and PDF sizes: the sample map and a 10,000-polygon layer, A4 at 300 dpi.

Usage: python bench/bench_render.py [--runs 5]
Prints the median of several runs for building the page (classify, project, lay out)
and for writing PNG and PDF, next to the naive geopandas baseline in bench/baselines.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import geopandas as gpd

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "real"
sys.path.insert(0, str(ROOT))

from timing import median_time  # noqa: E402  (bench/ is on sys.path when run as a script)
from carto_desktop.carto.page import PageTexts, render_page  # noqa: E402
from carto_desktop.carto.templates import load_template  # noqa: E402
from carto_desktop.carto.thematic import MapData  # noqa: E402
from carto_desktop.export import save_map  # noqa: E402
from carto_desktop.match.boundary_keys import boundary_keys  # noqa: E402
from carto_desktop.project import build_map, country_outlines, sample_project  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="carto-bench-"))
    rows = []

    project = replace(sample_project("en"))
    rows.append(("sample: read + match + aggregate + lay out", median_time(lambda: build_map(project), args.runs)))
    fig = build_map(project).figure
    rows.append(("sample: A4 PNG 300 dpi", median_time(lambda: save_map(fig, out / "sample.png", 300), args.runs)))
    rows.append(("sample: A4 PDF", median_time(lambda: save_map(fig, out / "sample.pdf"), args.runs)))
    sample_pdf_kb = (out / "sample.pdf").stat().st_size / 1024

    layer = gpd.read_file(REAL / "bench" / "mali_voronoi_10k.gpkg", engine="pyogrio")
    layer = layer.rename(columns={"pcode": "adm3_pcode", "name": "adm3_name"})
    areas = layer.assign(value=layer["value"].astype(float))
    data = MapData(areas=areas, keys=boundary_keys(layer), indicator="Value")
    template = load_template("choropleth")
    countries = country_outlines()
    texts = PageTexts(title="10,000 village areas", subtitle="Benchmark", sources=["GeoNames", "OCHA"], disclaimer="")

    def build_10k():
        return render_page(data, template, texts, countries=countries, country_code="MLI")

    rows.append(("10k polygons: lay out", median_time(build_10k, args.runs)))
    fig10 = build_10k()
    rows.append(("10k polygons: A4 PNG 300 dpi", median_time(lambda: save_map(fig10, out / "v10k.png", 300), args.runs)))
    rows.append(("10k polygons: A4 PDF", median_time(lambda: save_map(fig10, out / "v10k.pdf"), args.runs)))
    pdf_10k_mb = (out / "v10k.pdf").stat().st_size / 1024 / 1024

    naive = ROOT / "bench" / "baselines" / "naive_geopandas.py"
    gpkg = REAL / "bench" / "mali_voronoi_10k.gpkg"
    naive_s = None
    if naive.is_file():
        def run_naive():
            subprocess.run([sys.executable, str(naive), str(gpkg), str(out / "naive.png")], check=True,
                           capture_output=True)
        naive_s = median_time(run_naive, 3)[0]

    print(f"{'step':45s} {'wall (s)':>9s} {'CPU (s)':>8s}   median of {args.runs} runs")
    for name, (wall, cpu) in rows:
        print(f"{name:45s} {wall:9.2f} {cpu:8.2f}")
    total_10k_png = rows[3][1][0] + rows[4][1][0]
    print(f"{'10k polygons: lay out + PNG':45s} {total_10k_png:9.2f} {rows[3][1][1] + rows[4][1][1]:8.2f}")
    print(f"sample PDF size: {sample_pdf_kb:.0f} KB; 10k-polygon PDF size: {pdf_10k_mb:.2f} MB")
    if naive_s is not None:
        print(f"naive geopandas baseline (whole script, 3 runs): {naive_s:.2f} s; ratio ours/naive: {total_10k_png / naive_s:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
