"""The least a Python map command can take here: the field's libraries imported, and nothing else.

    PYTHONPATH=$PWD python bench/bench_floor.py [--runs 5]

Each line is a whole process, as `bench_render.py` times them (wall clock, and processor time
of the process), interleaved round by round, median of `--runs`, with compiled bytecode:
Python alone; importing pyogrio (which imports pandas and geopandas itself, whatever the
caller reads with it); importing matplotlib's figure with the Agg and PDF backends; both, which
is what any command that reads a boundary file and writes a page with these libraries pays
before doing anything; then `carto-desktop render` of the 10,000-polygon layer to PDF and QGIS's
print layout to PDF (`bench/baselines/qgis_layout.py`, with Debian's python3-qgis), for scale.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_render import GPKG, BASELINES, qgis_python, run_process  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="carto-floor-"))
    import pyogrio

    table = out / "v10k.csv"
    pyogrio.read_dataframe(GPKG, read_geometry=False, columns=["pcode", "value"]).to_csv(table, index=False)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(out / "bytecode")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    py = sys.executable
    mpl = "import matplotlib.figure, matplotlib.backends.backend_agg, matplotlib.backends.backend_pdf"
    cases = {
        "Python alone": [py, "-c", "pass"],
        "import pyogrio (+ pandas, geopandas)": [py, "-c", "import pyogrio"],
        "import matplotlib figure, Agg, PDF": [py, "-c", mpl],
        "both: the floor of a map command": [py, "-c", f"import pyogrio, pyproj; {mpl}"],
        "carto-desktop render, PDF (10k polygons)": [py, "-m", "carto_desktop", "render", "--table", str(table),
                                                      "--boundaries", str(GPKG), "--value", "value", "--agg", "sum",
                                                      "-o", str(out / "ours.pdf")],
    }
    qgis = qgis_python(None)
    if qgis:
        cases["QGIS print layout, PDF (10k polygons)"] = [qgis, str(BASELINES / "qgis_layout.py"), str(GPKG),
                                                          str(out / "qgis.pdf")]
    for cmd in cases.values():  # untimed: bytecode, file cache
        run_process(cmd, env, out)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    load = os.getloadavg()[0]
    for _ in range(args.runs):
        for name, cmd in cases.items():
            times[name].append(run_process(cmd, env, out))
    print(f"Whole processes, median of {args.runs}, interleaved (load average {load:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after, {os.cpu_count()} CPUs)")
    print(f"{'':44s} {'wall (s)':>9s} {'CPU (s)':>8s}")
    for name, t in times.items():
        print(f"{name:44s} {statistics.median(w for w, _ in t):9.2f} {statistics.median(c for _, c in t):8.2f}")
    if not qgis:
        print("QGIS: not installed here (python3-qgis)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
