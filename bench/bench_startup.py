"""App start-up: time from launch until the main window is shown, and what the UI process imported.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_startup.py [--runs 7]

Each run starts a new Python process that does what `python -m carto_desktop.gui` does
(`carto_desktop.gui.app.App`: translator, main window, engine process started) and prints
the time since launch when the event loop first runs after `show()` — the window is on
screen. The launch time is taken in this script just before the process is started, so
interpreter start-up and every import are counted. It also reports whether the heavy map
stack (geopandas, matplotlib, pandas) was imported in the UI process: it must not be; the
engine process imports it in the background. A second figure is the whole round trip of
the real entry point with CARTO_DESKTOP_QUIT_AFTER_SHOWN=1 (launch, show, quit, exit).
Prints medians; target from issue 6: window shown < 1.5 s.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

DRIVER = r"""
import json, os, sys, time
t0 = float(os.environ["BENCH_LAUNCH"])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from carto_desktop.gui.app import App
import tempfile
qapp = QApplication(sys.argv)
app = App(qapp, sys.argv[1], tempfile.mkdtemp(), None)
app.window.show()
def shown():
    heavy = sorted(m for m in ("geopandas", "matplotlib", "pandas", "shapely", "pyogrio") if m in sys.modules)
    print(json.dumps({"shown": time.time() - t0, "heavy": heavy}), flush=True)
    app.window.shutdown()
    qapp.quit()
QTimer.singleShot(0, shown)
qapp.exec()
"""


def time_to_shown(lang: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["BENCH_LAUNCH"] = repr(time.time())
    out = subprocess.run([sys.executable, "-c", DRIVER, lang], capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def round_trip(lang: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "CARTO_DESKTOP_QUIT_AFTER_SHOWN": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "carto_desktop.gui", lang], capture_output=True, env=env, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for lang in ("en", "fr"):
        runs = [time_to_shown(lang) for _ in range(args.runs)]
        shown = statistics.median(r["shown"] for r in runs)
        heavy = sorted({m for r in runs for m in r["heavy"]})
        trips = statistics.median(round_trip(lang) for _ in range(max(3, args.runs // 2)))
        print(f"{lang}: window shown {shown:.2f} s after launch (median of {args.runs}; "
              f"min {min(r['shown'] for r in runs):.2f}, max {max(r['shown'] for r in runs):.2f}); "
              f"launch→shown→quit→exit {trips:.2f} s; heavy modules in the UI process: {heavy or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
