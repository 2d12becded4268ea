"""Reading and matching, stage by stage, for the two command-line benchmarks (issue 19).

    PYTHONPATH=$PWD .venv/bin/python bench/bench_read_match.py [--runs 9] [--before CHECKOUT]

`carto-desktop demo` reads the sample 3W workbook (24,088 rows, 8.4 MB of sheet XML) and the
sample cercles; `carto-desktop render` of the 10,000-polygon benchmark reads a CSV of the layer's
10,000 P-codes and values (written here, as bench_render.py writes it) and the layer, and finds
the key column itself. For each, in one process: the stages that read the inputs and match
them (the workbook's span check, `read_table`, `read_layer`, the table's column roles that
`build_map` asks for, the key column choice, `match_table`, and `project._run_match`, which does
all of reading and matching), each the median processor time of --runs calls after one
untimed call. Processor time, so a shared machine's load matters less; wall-clock time is
printed beside it.

With --before, the same stages of another checkout of Carto Desktop (an earlier commit) are
timed in a child process after each of this checkout's rounds (interleaved, so a change in the
machine's load falls on both).
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import median_time  # noqa: E402  (bench/ is on sys.path when run as a script)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LAYER_10K = ROOT / "tests" / "data" / "real" / "bench" / "mali_voronoi_10k.gpkg"


def stages(runs: int, table_10k: Path) -> dict[str, tuple[float, float]]:
    """Median (processor, wall) seconds of each stage, in this process (the checkout on sys.path)."""
    gc.disable()  # as the command runs (cli.main)
    import zipfile

    import carto_desktop.intake.tables as tables
    import carto_desktop.project as project
    from carto_desktop.choices import Project
    from carto_desktop.intake import read_layer, read_table
    from carto_desktop.intake.roles import detect_roles
    from carto_desktop.match import match_table
    from carto_desktop.match.areas import AreaIndex
    from carto_desktop.match.boundary_keys import boundary_keys
    from carto_desktop.match.matcher import choose_key_columns

    demo = project.sample_project()
    big = Project(table=str(table_10k), boundaries=str(LAYER_10K), value_column="value", agg="sum")
    sheet_xml = zipfile.ZipFile(demo.table).read("xl/worksheets/sheet1.xml")
    span = getattr(tables, "_span", None) or __import__("carto_desktop.intake.sheet_span",
                                                        fromlist=["cell_span"]).cell_span
    sample, layer_10k = read_table(demo.table, demo.sheet), read_layer(LAYER_10K)
    data_10k = read_table(table_10k).data
    keys_10k = boundary_keys(layer_10k)
    cases = {
        "demo: the sheet's span (its 8.4 MB of XML, in memory)": lambda: span(sheet_xml),
        "demo: read_table, the sample workbook": lambda: read_table(demo.table, demo.sheet),
        "demo: read_layer, the sample cercles": lambda: read_layer(demo.boundaries),
        "demo: the table's column roles (detect_roles, no warnings)": lambda: detect_roles(sample, warnings=False),
        "demo: _run_match (read both, match on admin2Pcod)": lambda: project._run_match(demo),
        "10k: read_table, the CSV of 10,000 P-codes": lambda: read_table(table_10k),
        "10k: read_layer, 10,000 polygons": lambda: read_layer(LAYER_10K),
        "10k: choose_key_columns (a new AreaIndex each time)": lambda: choose_key_columns(
            data_10k, AreaIndex(layer_10k, keys_10k)),
        "10k: match_table (key column found)": lambda: match_table(data_10k, layer_10k, gazetteer="geonames"),
        "10k: _run_match (read both, find the key, match)": lambda: project._run_match(big),
    }
    out = {}
    for name, fn in cases.items():
        wall, cpu = median_time(fn, runs)
        out[name] = (cpu, wall)
    return out


def _child(checkout: Path, runs: int, table_10k: Path) -> dict[str, tuple[float, float]]:
    code = ("import json, sys; sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[2]); "
            "import bench_read_match as b; from pathlib import Path; "
            "print(json.dumps(b.stages(int(sys.argv[3]), Path(sys.argv[4]))))")
    run = subprocess.run([sys.executable, "-c", code, str(checkout), str(HERE), str(runs), str(table_10k)],
                         capture_output=True, text=True, check=True, cwd=checkout,
                         env={**os.environ, "PYTHONPATH": str(checkout)})
    return {k: tuple(v) for k, v in json.loads(run.stdout.splitlines()[-1]).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--rounds", type=int, default=3, help="with --before: rounds of both checkouts")
    parser.add_argument("--before", type=Path, help="an earlier checkout of Carto Desktop, timed in the same rounds")
    args = parser.parse_args()
    import pyogrio

    with tempfile.TemporaryDirectory() as tmp:
        table_10k = Path(tmp) / "v10k.csv"
        pyogrio.read_dataframe(LAYER_10K, read_geometry=False, columns=["pcode", "value"]).to_csv(table_10k,
                                                                                                 index=False)
        load = os.getloadavg()[0]
        if args.before is None:
            ours, theirs = stages(args.runs, table_10k), None
        else:
            mine, before = [], []
            for _ in range(args.rounds):
                mine.append(_child(ROOT, args.runs, table_10k))
                before.append(_child(args.before.resolve(), args.runs, table_10k))
            ours = {k: tuple(sorted(r[k][i] for r in mine)[len(mine) // 2] for i in (0, 1)) for k in mine[0]}
            theirs = {k: tuple(sorted(r[k][i] for r in before)[len(before) // 2] for i in (0, 1)) for k in before[0]}
    print(f"load average {load:.1f} before, {os.getloadavg()[0]:.1f} after ({os.cpu_count()} CPUs); "
          f"median of {args.runs} calls{f', median of {args.rounds} interleaved rounds' if theirs else ''}")
    print(f"{'stage':62s} {'CPU':>8s} {'wall':>8s}" + (f" {'before CPU':>11s} {'wall':>8s}" if theirs else ""))
    for name, (cpu, wall) in ours.items():
        line = f"{name:62s} {cpu * 1000:6.1f}ms {wall * 1000:6.1f}ms"
        if theirs:
            line += f" {theirs[name][0] * 1000:9.1f}ms {theirs[name][1] * 1000:6.1f}ms"
        print(line)


if __name__ == "__main__":
    main()
