"""The sample map's cost, to compare two checkouts with the same script (issue 17: +20 % at most).

Usage, from each checkout's root: PYTHONPATH=$PWD python bench/bench_page_cost.py LABEL
Medians of 5: `build_map` (read, match, aggregate, lay out the A4 page) and the 300 dpi PNG.
"""
import statistics, sys, time
from pathlib import Path
from carto_desktop.project import build_map, sample_project
from carto_desktop.export import save_map

def med(fn, runs=5):
    w, c = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time(); fn()
        w.append(time.perf_counter() - t0); c.append(time.process_time() - c0)
    return statistics.median(w), statistics.median(c)

p = sample_project("en")
build_map(p)  # warm
b = med(lambda: build_map(p))
r = build_map(p)
png = med(lambda: save_map(r.figure, Path("/tmp/h17_bench.png"), 300, drawn=r.drawn))
print(f"{sys.argv[1]}: build_map wall {b[0]:.2f} cpu {b[1]:.2f}; PNG300 wall {png[0]:.2f} cpu {png[1]:.2f}")
