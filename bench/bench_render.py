"""Render times: whole processes side by side with QGIS and a naive geopandas script, then the steps.

Usage: python bench/bench_render.py [--runs 5] [--no-steps] [--qgis-python /usr/bin/python3]

Whole process (what a person waits for at the command line): the same A4 300 dpi PNG and the
PDF of the 10,000-polygon layer `tests/data/real/bench/mali_voronoi_10k.gpkg`, made by
`carto-desktop render` (a table of its 10,000 P-codes and values: read, match, aggregate, lay
out, write), by QGIS's print layout (`bench/baselines/qgis_layout.py`, run with a Python that
has Debian's `python3-qgis`) and by the naive geopandas script (`bench/baselines/naive_geopandas.py`,
PNG only); also `carto-desktop demo`. Every Python runs with compiled bytecode (written by the
untimed first round under the output folder, `PYTHONPYCACHEPREFIX`), as an installed program
does. The runs are interleaved (ours, QGIS, naive, ours…) so a change in the machine's load
falls on all of them; medians of `--runs`, with the wall-clock
time, the process's CPU time (user + system, `os.wait4`) and the load average before and after.

Then, in this process, the steps: build the page, write PNG and PDF (sample map and 10k layer).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "real"
GPKG = REAL / "bench" / "mali_voronoi_10k.gpkg"
BASELINES = ROOT / "bench" / "baselines"
sys.path.insert(0, str(ROOT))

from timing import median_time  # noqa: E402  (bench/ is on sys.path when run as a script)


def run_process(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, children included) of one command, run in `cwd`
    (not a checkout: `python -m` looks in the current folder first, PYTHONPATH says which code runs)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{err[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime


def qgis_python(choice: str | None) -> str | None:
    """A Python that can import qgis.core (Debian's python3-qgis), or None."""
    for python in [choice] if choice else ["/usr/bin/python3", "python3"]:
        exe = shutil.which(python) or python
        try:
            ok = subprocess.run([exe, "-c", "import qgis.core"], capture_output=True, timeout=60).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            ok = False
        if ok:
            return exe
    return None


def whole_processes(runs: int, out: Path, qgis: str | None, before: Path | None = None) -> None:
    import pyogrio

    table = out / "v10k.csv"
    pyogrio.read_dataframe(GPKG, read_geometry=False, columns=["pcode", "value"]).to_csv(table, index=False)
    # Compiled bytecode, as an installed program has it (pip compiles at install, the bundle ships it): a
    # checkout run with PYTHONDONTWRITEBYTECODE=1 (set on the team's machines) compiles the ~100 modules of
    # carto_desktop at each start, 0.1-0.15 s. Kept beside the outputs; the untimed first round writes it.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPYCACHEPREFIX": str(out / "bytecode")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    ours = [sys.executable, "-m", "carto_desktop", "render", "--table", str(table), "--boundaries", str(GPKG),
            "--value", "value", "--agg", "sum", "-o"]
    cases: dict[str, list[str]] = {
        "Carto Desktop render, PNG 300 dpi": ours + [str(out / "ours.png")],
        "Carto Desktop render, PDF": ours + [str(out / "ours.pdf")],
    }
    if qgis:
        cases["QGIS print layout, PNG 300 dpi"] = [qgis, str(BASELINES / "qgis_layout.py"), str(GPKG), str(out / "qgis.png")]
        cases["QGIS print layout, PDF"] = [qgis, str(BASELINES / "qgis_layout.py"), str(GPKG), str(out / "qgis.pdf")]
    if before is not None:  # another checkout of Carto Desktop (an earlier commit), in the same rounds
        cases["earlier checkout: render, PNG 300 dpi"] = ["env", f"PYTHONPATH={before}"] + ours + [str(out / "b.png")]
        cases["earlier checkout: render, PDF"] = ["env", f"PYTHONPATH={before}"] + ours + [str(out / "b.pdf")]
        cases["earlier checkout: demo"] = ["env", f"PYTHONPATH={before}", sys.executable, "-m", "carto_desktop",
                                           "demo", "-o", str(out / "bdemo.png")]
    cases["naive geopandas, PNG 300 dpi"] = [sys.executable, str(BASELINES / "naive_geopandas.py"), str(GPKG),
                                             str(out / "naive.png")]
    cases["carto-desktop demo (sample, PNG 300 dpi)"] = [sys.executable, "-m", "carto_desktop", "demo", "-o",
                                                        str(out / "demo.png")]
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    load_before = os.getloadavg()
    for name, cmd in cases.items():  # one untimed round: file cache, compiled bytecode
        run_process(cmd, env, out)
    for _ in range(runs):
        for name, cmd in cases.items():
            times[name].append(run_process(cmd, env, out))
    load_after = os.getloadavg()
    med = {name: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t)) for name, t in times.items()}
    print(f"Whole process, 10,000 polygons, interleaved, median of {runs} (load average "
          f"{load_before[0]:.1f} before, {load_after[0]:.1f} after, {os.cpu_count()} CPUs)")
    print(f"{'':44s} {'wall (s)':>9s} {'CPU (s)':>8s} {'min–max wall':>14s}")
    for name, (wall, cpu) in med.items():
        walls = [w for w, _ in times[name]]
        print(f"{name:44s} {wall:9.2f} {cpu:8.2f} {min(walls):6.2f}–{max(walls):.2f}")
    if not qgis:
        print("QGIS: not installed here (python3-qgis); no same-run QGIS figure")
    for fmt in ("PNG 300 dpi", "PDF"):
        our = med[f"Carto Desktop render, {fmt}"][0]
        q = med.get(f"QGIS print layout, {fmt}")
        if q:
            # ratio per interleaved round too: the load changes less within a round than over the whole run
            rounds = [qt[0] / ot[0] for qt, ot in zip(times[f"QGIS print layout, {fmt}"], times[f"Carto Desktop render, {fmt}"])]
            print(f"{fmt}: QGIS time / ours = {q[0] / our:.2f} (medians; per round median {statistics.median(rounds):.2f})")
    naive = med["naive geopandas, PNG 300 dpi"][0]
    print(f"PNG 300 dpi: naive time / ours = {naive / med['Carto Desktop render, PNG 300 dpi'][0]:.2f}")


def steps(runs: int, out: Path) -> None:
    import geopandas as gpd

    from carto_desktop.carto.page import PageTexts, render_page
    from carto_desktop.carto.templates import load_template
    from carto_desktop.carto.thematic import MapData
    from carto_desktop.export import save_map
    from carto_desktop.match.boundary_keys import boundary_keys
    from carto_desktop.project import build_map, country_outlines, sample_project

    rows = []
    project = sample_project("en")
    rows.append(("sample: read + match + aggregate + lay out", median_time(lambda: build_map(project), runs)))
    sample = build_map(project)
    fig, drawn = sample.figure, sample.drawn
    rows.append(("sample: A4 PNG 300 dpi", median_time(lambda: save_map(fig, out / "sample.png", 300, drawn=drawn), runs)))
    rows.append(("sample: A4 PDF", median_time(lambda: save_map(fig, out / "sample.pdf", drawn=drawn), runs)))
    sample_pdf_kb = (out / "sample.pdf").stat().st_size / 1024

    layer = gpd.read_file(GPKG, engine="pyogrio")
    layer = layer.rename(columns={"pcode": "adm3_pcode", "name": "adm3_name"})
    areas = layer.assign(value=layer["value"].astype(float))
    data = MapData(areas=areas, keys=boundary_keys(layer), indicator="Value")
    template = load_template("choropleth")
    countries = country_outlines()
    texts = PageTexts(title="10,000 village areas", subtitle="Benchmark", sources=["GeoNames", "OCHA"], disclaimer="")

    def build_10k():
        return render_page(data, template, texts, countries=countries, country_code="MLI")

    rows.append(("10k polygons: lay out", median_time(build_10k, runs)))
    fig10, drawn10 = build_10k()
    rows.append(("10k polygons: A4 PNG 300 dpi", median_time(lambda: save_map(fig10, out / "v10k.png", 300, drawn=drawn10), runs)))
    rows.append(("10k polygons: A4 PDF", median_time(lambda: save_map(fig10, out / "v10k.pdf", drawn=drawn10), runs)))
    pdf_10k_mb = (out / "v10k.pdf").stat().st_size / 1024 / 1024

    print(f"\nIn one process (load average {os.getloadavg()[0]:.1f})")
    print(f"{'step':45s} {'wall (s)':>9s} {'CPU (s)':>8s}   median of {runs} runs")
    for name, (wall, cpu) in rows:
        print(f"{name:45s} {wall:9.2f} {cpu:8.2f}")
    print(f"{'10k polygons: lay out + PNG':45s} {rows[3][1][0] + rows[4][1][0]:9.2f} {rows[3][1][1] + rows[4][1][1]:8.2f}")
    print(f"sample PDF size: {sample_pdf_kb:.0f} KB; 10k-polygon PDF size: {pdf_10k_mb:.2f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-steps", action="store_true", help="only the whole-process comparison")
    parser.add_argument("--qgis-python", help="a Python with qgis.core (default: /usr/bin/python3 if it has it)")
    parser.add_argument("--before", type=Path, help="an earlier checkout of Carto Desktop, timed in the same rounds")
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="carto-bench-"))
    whole_processes(args.runs, out, qgis_python(args.qgis_python), args.before)
    if not args.no_steps:
        steps(args.runs, out)
    print(f"files in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
