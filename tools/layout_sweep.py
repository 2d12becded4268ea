"""Sweep the page layout over every built-in country, both levels, three templates, three pages and two
languages, and list what the engine's own layout checker finds (`carto/layout_report.py`).

A cartographer redoes a page whose legend runs over the footer or whose title runs off the sheet; this
finds such pages before a user does. Each table is generated (one row per area, a seeded number, the
built-in layer's own P-codes), so the sweep needs nothing but the repository.

    PYTHONPATH=. python tools/layout_sweep.py [--countries MOZ,MWI] [--out sweep.json] [--png-dir DIR]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

TEMPLATES = ("choropleth", "presence", "symbols")
PAGES = ("A4 portrait", "A4 landscape", "A3 portrait")
LANGS = ("en", "fr")


def builtin_sets() -> list[str]:
    """Every built-in boundary set, "builtin:ISO/level"."""
    from carto_desktop.builtin_boundaries.catalogue import load_library

    return sorted(b.spec for b in load_library().sets.values())


VARIANTS = ("plain", "gaps")


def generated_table(boundaries: str, folder: Path, seed: int = 11, variant: str = "plain") -> tuple[Path, str]:
    """One row per area of the set: its P-code and a seeded number (people reached), spread over
    several orders of magnitude so every class of a choropleth is used.

    "gaps": as a real table is, 15 % of the areas have no row (the legend's "no data") and 10 % a count
    under 5 people (a "fewer than 5" class and its note): the legend's longest form."""
    from carto_desktop.builtin_boundaries.catalogue import read_builtin

    layer = read_builtin(boundaries)
    level = boundaries.rsplit("/", 1)[1]
    code = next(c for c in layer.columns if c.lower() == f"adm{level}_pcode")
    rng = np.random.default_rng(seed)
    values = np.round(10 ** rng.uniform(2, 5.5, len(layer))).astype(int)
    table = pd.DataFrame({"pcode": layer[code], "People reached": values})
    if variant == "gaps":
        draw = rng.uniform(size=len(table))
        table.loc[draw < 0.10, "People reached"] = rng.integers(1, 5, int((draw < 0.10).sum()))
        table = table[draw < 0.85]
    path = folder / (boundaries.replace("builtin:", "").replace("/", "_") + f"_{variant}.csv")
    table.to_csv(path, index=False)
    return path, "pcode"


def check_page(table: Path, key: str, boundaries: str, template: str, page: str, lang: str,
               png: Path | None = None, variant: str = "plain") -> dict:
    """Draw one page and run the layout checker on it: the problems, the frame's share, the time."""
    from carto_desktop.carto.layout_report import frame_share, layout_problems, layout_report
    from carto_desktop.choices import Project
    from carto_desktop.project import build_map

    project = Project(table=table, boundaries=boundaries, key_column=key, value_column="People reached",
                      agg="sum", template=template, page=page, lang=lang, created=date(2026, 11, 23))
    if template == "choropleth":
        project = replace(project, classes=5)
    if template == "presence":
        project = replace(project, agg="count")
    t0 = time.process_time()
    result = build_map(project)
    result.figure.canvas.draw()
    report = layout_report(result.figure, result.drawn)
    problems = layout_problems(report)
    # what the checker does not say itself: a legend past its panel, over the map or the footer's rule
    kinds = {e["kind"] for e in report["elements"]}
    for needed in ("map_frame", "title", "legend", "scale_bar", "north_arrow", "footer"):
        if needed not in kinds:
            problems.append(f"no {needed} on the page")
    legend = next((e["bbox_mm"] for e in report["elements"] if e["kind"] == "legend"), None)
    frames = [e["bbox_mm"] for e in report["elements"] if e["kind"] == "map_frame"]
    if legend is not None:  # (the checker itself tells a legend over the inset)
        for f in frames:
            if min(legend[2], f[2]) - max(legend[0], f[0]) > 0.05 and min(legend[3], f[3]) - max(legend[1], f[1]) > 0.05:
                problems.append("the legend overlaps the map frame")
        panel = next(a for a in result.figure.axes if a.get_gid() == "legend").get_window_extent()
        px = [v * 25.4 / result.figure.dpi for v in (panel.x0, panel.y0, panel.x1, panel.y1)]
        past = max(px[0] - legend[0], px[1] - legend[1], legend[2] - px[2], legend[3] - px[3])
        if past > 0.5:
            problems.append(f"the legend is drawn {past:.1f} mm past its panel")
    seconds = time.process_time() - t0
    if png is not None and problems:
        result.figure.savefig(png, dpi=60)
    return {"boundaries": boundaries, "variant": variant, "template": template, "page": page, "lang": lang,
            "problems": problems,
            "frame_share": round(frame_share(report), 3), "cpu_s": round(seconds, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--countries", help="ISO3 codes, comma-separated (default: all built-in)")
    parser.add_argument("--templates", default=",".join(TEMPLATES))
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--langs", default=",".join(LANGS))
    parser.add_argument("--variants", default=",".join(VARIANTS), help="plain, gaps (see generated_table)")
    parser.add_argument("--out", type=Path, help="write every page's result as JSON")
    parser.add_argument("--png-dir", type=Path, help="save the pages with problems as PNG (60 dpi)")
    args = parser.parse_args(argv)
    sets = builtin_sets()
    if args.countries:
        wanted = set(args.countries.upper().split(","))
        sets = [s for s in sets if s.split(":")[1].split("/")[0] in wanted]
    if args.png_dir:
        args.png_dir.mkdir(parents=True, exist_ok=True)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for boundaries, variant in ((b, v) for b in sets for v in args.variants.split(",")):
            table, key = generated_table(boundaries, Path(tmp), variant=variant)
            for template in args.templates.split(","):
                for page in args.pages.split(","):
                    for lang in args.langs.split(","):
                        name = (f"{boundaries[8:].replace('/', '_')}_{variant}_{template}_{page.replace(' ', '_')}"
                                f"_{lang}.png")
                        png = args.png_dir / name if args.png_dir else None
                        try:
                            r = check_page(table, key, boundaries, template, page, lang, png, variant)
                        except Exception as exc:  # noqa: BLE001 - a sweep reports every page, failing ones too
                            r = {"boundaries": boundaries, "variant": variant, "template": template, "page": page,
                                 "lang": lang,
                                 "problems": [f"failed: {type(exc).__name__}: {exc}"], "frame_share": 0, "cpu_s": 0}
                        results.append(r)
                        flag = "OK " if not r["problems"] else "BAD"
                        print(f"{flag} {boundaries:14} {variant:5} {template:10} {page:12} {lang} {r['cpu_s']:5.1f}s "
                              f"share {r['frame_share']:.2f} " + "; ".join(r["problems"][:3]), flush=True)
    bad = [r for r in results if r["problems"]]
    print(f"{len(results)} pages checked, {len(bad)} with problems, "
          f"{sum(len(r['problems']) for r in bad)} problems; CPU {sum(r['cpu_s'] for r in results):.0f} s")
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
