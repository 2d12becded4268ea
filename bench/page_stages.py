"""Where one command's page time goes: the steps of laying out (`render_page`) and writing (`save_map`).

    PYTHONPATH=$PWD python bench/page_stages.py demo -o /tmp/demo.png
    PYTHONPATH=$PWD python bench/page_stages.py render --table v10k.csv --boundaries \
        tests/data/real/bench/mali_voronoi_10k.gpkg --value value --agg sum -o /tmp/v10k.png

Runs the command in this process as `python -m carto_desktop …` does (`cli.main`), with a clock (processor
time, no profiler: cProfile inflates Python-heavy steps) around the page's steps, and prints them on stderr,
largest first. One cold process is what a person waits for: the first map of a process pays for caches (fonts,
transformers, text metrics) that a second one finds filled, so run this script again rather than looping inside
it. Steps nest: `_map_axes` holds `_draw_neighbours`, which holds `_neighbour_shapes`; "Agg draw" and "PNG
encode" are inside `save_map`. Use `PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=/tmp/carto-bytecode` in a
checkout whose environment sets PYTHONDONTWRITEBYTECODE=1, as `bench/command_stages.py` explains.
"""
from __future__ import annotations

import sys
import time
from collections import Counter

SPENT: Counter = Counter()

PAGE_STEPS = ["_header", "_footer", "_projected", "_data_bounds", "outlines_of", "_closed", "_map_axes",
              "_draw_neighbours", "_neighbour_shapes", "draw_choropleth", "draw_presence", "draw_symbols",
              "draw_points", "draw_grid", "draw_larger_areas", "draw_reference", "_outlines", "draw_scale_bar",
              "area_labels", "furniture_boxes", "place", "draw_legend", "draw_inset", "_view_of"]


def timed(module, name: str, label: str | None = None) -> None:
    real = getattr(module, name)

    def step(*args, **kwargs):
        start = time.process_time()
        try:
            return real(*args, **kwargs)
        finally:
            SPENT[label or name] += time.process_time() - start

    setattr(module, name, step)


def main() -> int:
    import carto_desktop.cli as cli
    import carto_desktop.carto.page as page
    import carto_desktop.carto.reference as reference
    import carto_desktop.export as export
    import carto_desktop.project as project
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    for name in PAGE_STEPS:
        if hasattr(page, name):
            timed(page, name)
    timed(reference, "reference_features")
    timed(reference, "reference_layers", "reference_layers (read)")
    timed(project, "render_page", "render_page (lay out)")
    timed(export, "save_map", "save_map (draw and write)")
    timed(FigureCanvasAgg, "draw", "  Agg draw")
    timed(export, "png_bytes", "  PNG encode")
    try:
        return cli.main(sys.argv[1:])
    finally:
        for name, seconds in SPENT.most_common():
            print(f"{name:32s} CPU {seconds:6.3f} s", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
