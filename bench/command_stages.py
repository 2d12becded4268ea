"""Where one `carto-desktop` command's time goes, as a whole process: imports, building the map, writing it.

    PYTHONPATH=$PWD python bench/command_stages.py demo -o /tmp/demo.png
    PYTHONPATH=$PWD python bench/command_stages.py render --table v10k.csv --boundaries \
        tests/data/real/bench/mali_voronoi_10k.gpkg --value value --agg sum -o /tmp/v10k.pdf

Runs the command in this process exactly as `python -m carto_desktop …` does (`cli.main`), with a
clock around its stages, and prints processor and wall-clock seconds per stage on stderr:
importing the command line, importing the map stack (pandas, geopandas, matplotlib and the
engine), `build_map` (read, match, aggregate, lay out the page), `save_map` (draw and encode),
and the total since the interpreter reached this script (Python's own start, about 0.02 s, is
not counted). Run it twice: the first run may compile bytecode. For the same figures with
compiled bytecode in a checkout whose environment sets PYTHONDONTWRITEBYTECODE=1, run with
`PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=/tmp/carto-bytecode`.
"""
from __future__ import annotations

import sys
import time

START_CPU, START_WALL = time.process_time(), time.perf_counter()
MARKS: list[tuple[str, float, float]] = []


def mark(name: str) -> None:
    MARKS.append((name, time.process_time(), time.perf_counter()))


def main() -> int:
    import carto_desktop.cli as cli

    mark("import the command line")
    import carto_desktop.export as export
    import carto_desktop.project as project

    mark("import the map stack (pandas, geopandas, matplotlib, engine)")
    real_build, real_save = project.build_map, export.save_map

    def build(p):
        result = real_build(p)
        mark("build_map (read, match, aggregate, lay out)")
        return result

    def save(*args, **kwargs):
        result = real_save(*args, **kwargs)
        mark("save_map (draw and encode)")
        return result

    project.build_map, export.save_map = build, save  # cli imports them inside its functions
    try:
        return cli.main(sys.argv[1:])
    finally:
        mark("the rest (messages, exit)")
        cpu, wall = START_CPU, START_WALL
        for name, c, w in MARKS:
            print(f"{name:64s} CPU {c - cpu:6.3f} s  wall {w - wall:6.3f} s", file=sys.stderr)
            cpu, wall = c, w
        print(f"{'total':64s} CPU {MARKS[-1][1] - START_CPU:6.3f} s  wall {MARKS[-1][2] - START_WALL:6.3f} s",
              file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
