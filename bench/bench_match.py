"""Matching speed: 10,000 and 100,000 table rows against 10,000 area names.

    .venv/bin/python bench/bench_match.py [--repeat 5] [--no-hdx] [--gazetteer none]

The areas are the 10,000 "village areas" of tests/data/real/bench/mali_voronoi_10k.gpkg
(real GeoNames place names, parent = admin-2 P-code). The rows are drawn from those names
with a fixed seed, written the ways people write them: as is (60 %), upper case or without
accents (15 %), with one letter dropped or doubled (15 %), and names that are no area (10 %);
every row carries its parent's P-code. Prints the median of --repeat runs of `match_table`
with the bundled GeoNames gazetteer (the app's default; `--gazetteer none`: names only),
and the time hdx-python-country (installed for benchmarks only) takes on the same rows,
calling `AdminLevel.get_pcode` once per distinct (name, parent) as a careful script would.

First it prints what the default gazetteer costs on the sample 3W (24,088 rows): matched on
its P-codes (the gazetteer is never opened) and on its place names with two typed slips
("Seguo", "Mopt", left for review, so the gazetteer is consulted): without the gazetteer,
with it already read, and with its first reading in the process included (cold).
"""
from __future__ import annotations

import argparse
import logging
import os
import random
import sys
import time
import unicodedata
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
LAYER = REPO / "tests" / "data" / "real" / "bench" / "mali_voronoi_10k.gpkg"

from timing import median_time  # noqa: E402  (bench/ is on sys.path when run as a script)
from carto_desktop.intake import read_layer  # noqa: E402
from carto_desktop.match import match_table  # noqa: E402
from carto_desktop.match.gazetteer import bundled_gazetteer  # noqa: E402


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def make_rows(layer, n: int, seed: int = 8) -> pd.DataFrame:
    rng = random.Random(seed)
    names, parents = layer["name"].astype(str).tolist(), layer["adm2_pcode"].astype(str).tolist()
    values, parent_values, truth = [], [], []
    ids = layer["pcode"].astype(str).tolist()
    for _ in range(n):
        i = rng.randrange(len(names))
        name, r = names[i], rng.random()
        if r < 0.60:
            value = name
        elif r < 0.75:
            value = _strip_accents(name).upper() if rng.random() < 0.5 else _strip_accents(name)
        elif r < 0.90 and len(name) > 4:
            k = rng.randrange(1, len(name) - 1)
            value = name[:k] + name[k + 1:] if rng.random() < 0.5 else name[:k] + name[k] + name[k:]
        else:
            value = "".join(rng.choice("abdefgikmnorstu") for _ in range(rng.randint(5, 10))).title()
            r = 1.0  # a made-up name: no area is right
        values.append(value)
        parent_values.append(parents[i])
        truth.append(ids[i] if r < 0.90 else None)
    return pd.DataFrame({"village": values, "cercle": parent_values, "truth": truth})


def wrong(ids, truth: pd.Series) -> int:
    """Accepted rows whose area is not the one the row was made from (made-up names: any area)."""
    ids = pd.Series(list(ids), index=truth.index)
    return int((ids.notna() & (truth.isna() | (ids != truth))).sum())


def time_carto(rows: pd.DataFrame, layer, repeat: int, gazetteer: str | None) -> tuple[float, float, dict, int]:
    """Median wall-clock and CPU seconds (CPU: all threads of this process; on a shared machine
    the wall clock also counts the time other processes hold the cores)."""
    results = []
    wall, cpu = median_time(lambda: results.append(
        match_table(rows[["village", "cercle"]], layer, "village", parent_column="cercle", gazetteer=gazetteer)),
        repeat)
    result = results[-1]
    accepted = result.rows["match_id"].where(result.rows["match_status"] == "matched")
    return wall, cpu, result.counts, wrong(accepted, rows["truth"])


def gazetteer_cost(repeat: int) -> None:
    """What the default gazetteer adds to matching the sample 3W, by P-code and by name."""
    from carto_desktop.intake import read_table
    from carto_desktop.project import sample_project

    sample = sample_project("en")
    data = read_table(sample.table, sample.sheet).data
    names = data[["Cercle"]].replace({"Cercle": {"Segou": "Seguo", "Mopti": "Mopt"}})
    mali = read_layer(sample.boundaries)

    def cold(frame, key):
        bundled_gazetteer.cache_clear()  # the first match of a session reads the extract
        return match_table(frame, mali, key, gazetteer="geonames")

    for label, frame, key in (("P-codes", data, "admin2Pcod"), ("names", names, "Cercle")):
        cases = (("no gazetteer", lambda: match_table(frame, mali, key, gazetteer=None)),
                 ("gazetteer, read", lambda: match_table(frame, mali, key, gazetteer="geonames")),
                 ("gazetteer, cold", lambda: cold(frame, key)))
        bundled_gazetteer()
        parts = []
        for name, fn in cases:
            wall, cpu = median_time(fn, repeat, warm_up=True)
            parts.append(f"{name} {wall:.3f} s wall / {cpu:.3f} s CPU")
        counts = match_table(frame, mali, key, gazetteer="geonames").counts
        print(f"sample 3W by {label} ({len(frame):,} rows; {counts}): " + " · ".join(parts), flush=True)


def time_hdx(rows: pd.DataFrame, layer) -> tuple[float, int]:
    from hdx.location.adminlevel import AdminLevel
    from hdx.location.country import Country

    Country.set_use_live_default(False)
    logging.disable(logging.CRITICAL)
    t0, c0 = time.perf_counter(), time.process_time()
    al = AdminLevel(admin_level=3)
    al.setup_from_iterable({"Location": "MLI", "Admin Level": "3", "P-Code": p, "Name": n, "Parent P-Code": q}
                           for p, n, q in zip(layer["pcode"], layer["name"], layer["adm2_pcode"]))
    cache: dict[tuple[str, str], str | None] = {}
    out = []
    for value, parent in zip(rows["village"], rows["cercle"]):
        key = (value, parent)
        if key not in cache:
            cache[key] = al.get_pcode("MLI", value, parent=parent)[0]
        out.append(cache[key])
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return seconds, cpu, sum(a is not None for a in out), wrong(out, rows["truth"])


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--no-hdx", action="store_true")
    p.add_argument("--gazetteer", default="geonames", help="\"geonames\" (the app's default) or \"none\"")
    args = p.parse_args()
    gazetteer = None if args.gazetteer.lower() == "none" else args.gazetteer
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    gazetteer_cost(args.repeat)
    layer = read_layer(LAYER)
    print(f"areas: {len(layer)} ({LAYER.name}); gazetteer: {gazetteer}")
    for n in (10_000, 100_000):
        rows = make_rows(layer, n)
        distinct = len(rows[["village", "cercle"]].drop_duplicates())
        seconds, cpu, counts, carto_wrong = time_carto(rows, layer, args.repeat, gazetteer)
        line = (f"{n:>7,} rows ({distinct:,} distinct): Carto Desktop median {seconds:.2f} s wall, {cpu:.2f} s CPU "
                f"of {args.repeat} (matched {counts['matched']:,}, review {counts['review']:,}, "
                f"unmatched {counts['unmatched']:,}; wrong {carto_wrong:,})")
        if not args.no_hdx:
            hdx_s, hdx_cpu, accepted, hdx_wrong = time_hdx(rows, layer)
            line += (f"; hdx-python-country {hdx_s:.2f} s wall, {hdx_cpu:.2f} s CPU (accepted {accepted:,}; "
                     f"wrong {hdx_wrong:,})")
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
