"""Natural breaks (Fisher-Jenks): ours (NumPy) against mapclassify's, 1,000 and 10,000 values.

Usage: python bench/bench_classify.py [--runs 5] [--reference-runs 1] [--classes 7]
Values: the `value` column of tests/data/real/bench/mali_voronoi_10k.gpkg (one per village
area; its first 1,000 for the small case) and, as the worst case for ours, 10,000 distinct
lognormal values. mapclassify runs its pure-Python loop when numba is absent (as here and in
the app's environment): minutes at 10,000 values, hence one run by default.
Prints medians of wall-clock and CPU seconds, the ratios mapclassify / ours, and whether the
breaks are the same (if not, which has the smaller within-class spread, what both minimise).
"""
from __future__ import annotations

import argparse
import sys
import warnings
from functools import partial
from pathlib import Path

import numpy as np
import pyogrio

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "real"
sys.path.insert(0, str(ROOT))

from timing import median_time  # noqa: E402  (bench/ is on sys.path when run as a script)
from carto_desktop.carto.classify import class_breaks  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reference-runs", type=int, default=1, help="runs of mapclassify (slow)")
    parser.add_argument("--classes", type=int, default=7)
    args = parser.parse_args()
    import mapclassify  # test-only dependency: the app never imports it

    k = args.classes
    voronoi = pyogrio.read_dataframe(REAL / "bench" / "mali_voronoi_10k.gpkg", columns=["value"],
                                     read_geometry=False)["value"].to_numpy(float)
    lognormal = np.random.default_rng(1).lognormal(8, 1.5, 10_000)
    cases = [("village areas, first 1,000", voronoi[:1000], True), ("village areas, all 10,000", voronoi, True),
             # mapclassify's time does not depend on the values: not run again on this one
             ("10,000 distinct lognormal values", lognormal, False)]
    print(f"Fisher-Jenks, {k} classes; median of {args.runs} runs (ours), {args.reference_runs} (mapclassify)")
    print(f"{'values':34} {'n':>6} {'distinct':>8} {'ours wall/CPU s':>17} {'mapclassify wall/CPU s':>24} "
          f"{'ratio wall/CPU':>15} breaks")
    for name, y, compare in cases:
        ours_wall, ours_cpu = median_time(partial(class_breaks, y, "natural_breaks", k), args.runs, warm_up=True)
        line = f"{name:34} {y.size:>6} {np.unique(y).size:>8} {ours_wall:>8.4f}/{ours_cpu:<8.4f}"
        if compare:
            reference = []
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "Numba not installed. Using slow pure python version."
                ref_wall, ref_cpu = median_time(lambda: reference.append(mapclassify.FisherJenks(y, k=k).bins),  # noqa: B023
                                                args.reference_runs)
            ours, theirs = class_breaks(y, "natural_breaks", k), reference[-1]
            if ours.shape == theirs.shape and np.allclose(ours, theirs, rtol=1e-12, atol=0):
                verdict = "same"
            else:  # what Fisher-Jenks minimises: the sum of squared deviations from the class means
                a, b = _spread(y, ours), _spread(y, theirs)
                verdict = f"differ: spread ours {a:.6g}, mapclassify {b:.6g} ({(a - b) / b:+.2e})"
            line += (f" {ref_wall:>11.2f}/{ref_cpu:<12.2f} {ref_wall / ours_wall:>7.0f}/{ref_cpu / ours_cpu:<7.0f} "
                     f"{verdict}")
        print(line, flush=True)
    return 0


def _spread(values: np.ndarray, bins: np.ndarray) -> float:
    """Sum of squared deviations from the class means (classes: x <= bin, as mapclassify)."""
    y = np.sort(values)
    cls = np.searchsorted(bins, y, side="left")
    return float(sum(((y[cls == c] - y[cls == c].mean()) ** 2).sum() for c in np.unique(cls)))


if __name__ == "__main__":
    raise SystemExit(main())
