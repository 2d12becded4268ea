"""The app's map preview: how long after an edit the new map is on screen, and the first map after choosing files.

    QT_QPA_PLATFORM=offscreen python bench/bench_preview.py [--edits 9] [--cases sample,niger,nigeria]

Each case starts a fresh app window (offscreen) in its own process, as a person would: the
window opens, its engine process warms up in the background (waited for, as a person takes a
few seconds to find their files), then the table and the boundary file are chosen one after
the other (`MainWindow.use_table`, `use_boundaries`) and the time until the first map is shown
(`preview_ready`) is "first map". Then a series of edits a person makes while styling
(palette, number of classes, title, classification, colours again…, as `edits.Choose`), each waited for before the
next; "edit → map" is the time from the edit to the new map on screen, debounce included;
"engine CPU" (beside the first map too) the processor time the preview engine process spent per edit and "window CPU" the
window's process (what each costs on a loaded machine, where wall times stretch; engine: Linux
only). Medians, with the load average.

With `--pause S` (default 3) each case also runs as a person choosing the files in two dialogs: the
table, then the boundary file S seconds later; "first map" is then timed from the boundary file (the
engine process reads and inspects the table meanwhile, as it does in the app).

Cases: the sample (the Mali 3W workbook, 24,088 rows, on the sample's 49 cercles); Niger's
departments (67) and Nigeria's LGAs (774) from the built-in boundaries, written to a GeoPackage
as a person's own file would be, with a table of 5 rows per area (P-code and a number, seeded).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

EDITS = [{"palette": "Blues"}, {"classes": 4}, {"title": "People reached per area"}, {"scheme": "equal_interval"},
         {"palette": "Greens"}, {"classes": 6}, {"subtitle": "January to June"}, {"scheme": "natural_breaks"},
         {"palette": "YlOrRd"}]

DRIVER = r"""
import json, os, sys, time
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from carto_desktop.edits import Choose
from carto_desktop.engine_messages import ListTemplates
from carto_desktop.gui.main_window import MainWindow

table, boundaries, n_edits, edits = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
pause = float(sys.argv[5])  # seconds between choosing the table and the boundary file (0: both at once)
qapp = QApplication(sys.argv[:1])
import tempfile
window = MainWindow(lang="en", data_dir=tempfile.mkdtemp())
window.resize(1366, 768)
window.show()

def engine_cpu():  # processor seconds the preview engine process has used (Linux /proc; None elsewhere)
    try:
        fields = open(f"/proc/{window.engine._process.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, AttributeError, IndexError, ValueError):
        return None

def wait(signal, timeout=180.0):
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)

# the engine warms up in the background while the person looks for files: wait for its first answer
done = []
window.engine.finished.connect(lambda job, value: done.append(job))
probe = window.engine.submit(ListTemplates())
while probe not in done:
    QApplication.processEvents()
    time.sleep(0.01)
time.sleep(0.5)

shown = []
window.preview_ready.connect(lambda: shown.append(time.perf_counter()))
first_cpu = engine_cpu()
start = time.perf_counter()
window.use_table(table)
if pause:  # the person looks for the boundary file in a second dialog: the clock starts when it is chosen
    until = time.perf_counter() + pause
    while time.perf_counter() < until:
        QApplication.processEvents()
        time.sleep(0.01)
    first_cpu, start = engine_cpu(), time.perf_counter()
window.use_boundaries(boundaries)
wait(window.preview_ready)
first = shown[-1] - start
after = engine_cpu()
first_cpu = None if first_cpu is None or after is None else after - first_cpu
width = window.last_preview.page.width
times, cpu, ui_cpu = [], [], []
for i in range(n_edits):
    edit = edits[i % len(edits)]
    cpu_before, ui_before = engine_cpu(), time.process_time()
    start = time.perf_counter()
    window.edit(Choose(edit))  # the style step's widgets emit these
    wait(window.preview_ready)
    times.append(shown[-1] - start)
    cpu_after = engine_cpu()
    ui_cpu.append(time.process_time() - ui_before)
    if cpu_before is not None and cpu_after is not None:
        cpu.append(cpu_after - cpu_before)
window.shutdown()
print(json.dumps({"first": first, "first_cpu": first_cpu, "edits": times, "width": width, "engine_cpu": cpu, "window_cpu": ui_cpu}),
      flush=True)
"""


def write_case(name: str, out: Path) -> tuple[Path, Path, str]:
    """(table, boundary file, description) for a case."""
    if name == "sample":
        from carto_desktop.project import sample_project

        sample = sample_project("en")
        return Path(sample.table), Path(sample.boundaries), "sample: Mali 3W workbook (24,088 rows), 49 cercles"
    import numpy as np
    import pandas as pd

    from carto_desktop.builtin_boundaries.catalogue import read_builtin

    spec, label = {"niger": ("builtin:NER/2", "Niger departments"), "nigeria": ("builtin:NGA/2", "Nigeria LGAs")}[name]
    layer = read_builtin(spec)
    layer = layer[["adm2_pcode", "adm2_name", "adm1_pcode", "adm1_name", "geometry"]]
    boundaries = out / f"{name}_adm2.gpkg"
    layer.to_file(boundaries, driver="GPKG")
    rng = np.random.default_rng(19)
    codes = np.repeat(layer["adm2_pcode"].to_numpy(), 5)
    table = out / f"{name}_people_reached.csv"
    pd.DataFrame({"pcode": codes, "people_reached": rng.integers(10, 5000, len(codes))}).to_csv(table, index=False)
    return table, boundaries, f"{label} ({len(layer)} areas, {len(codes)} rows)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=9)
    parser.add_argument("--cases", default="sample,niger,nigeria")
    parser.add_argument("--pause", type=float, default=3.0,
                        help="also time the first map when the boundary file is chosen this many seconds after "
                             "the table (as with two file dialogs); 0 to skip")
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="carto-bench-preview-"))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    print(f"{'case':58s} {'first map (engine CPU)':>23s} {'edit → map (median, min–max)':>30s} {'engine CPU':>11s} "
          f"{'window CPU':>11s}  load")
    for name in args.cases.split(","):
        table, boundaries, label = write_case(name, out)
        load = os.getloadavg()[0]
        run = subprocess.run([sys.executable, "-c", DRIVER, str(table), str(boundaries), str(args.edits),
                              json.dumps(EDITS), "0"], capture_output=True, text=True, env=env, cwd=ROOT)
        if run.returncode != 0:
            print(f"{label}: failed\n{run.stderr[-3000:]}")
            continue
        result = json.loads(run.stdout.strip().splitlines()[-1])
        later = ""
        if args.pause:
            apart = subprocess.run([sys.executable, "-c", DRIVER, str(table), str(boundaries), "0",
                                    json.dumps(EDITS), str(args.pause)], capture_output=True, text=True, env=env,
                                   cwd=ROOT)
            if apart.returncode == 0:
                late = json.loads(apart.stdout.strip().splitlines()[-1])
                late_cpu = f" (engine {late['first_cpu']:.2f}s)" if late.get("first_cpu") is not None else ""
                later = (f"{label}: first map {late['first']:.2f}s{late_cpu} when the boundary file is chosen "
                         f"{args.pause:g} s after the table")
            else:
                later = f"{label}: the run with a pause failed\n{apart.stderr[-3000:]}"
        edits = result["edits"]
        cpu = f"{statistics.median(result['engine_cpu']):10.2f}s" if result.get("engine_cpu") else f"{'—':>11s}"
        first_cpu = f"({result['first_cpu']:.2f}s)" if result.get("first_cpu") is not None else ""
        print(f"{label:58s} {result['first']:9.2f}s {first_cpu:>12s} {statistics.median(edits):9.2f}s ({min(edits):.2f}–{max(edits):.2f})"
              f"      {cpu} {statistics.median(result['window_cpu']):10.2f}s  {load:.1f}→{os.getloadavg()[0]:.1f}"
              f"   preview {result['width']} px wide")
        if later:
            print(later)
    return 0


if __name__ == "__main__":
    sys.exit(main())
