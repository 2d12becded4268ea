"""Recognising the built-in boundary set a table refers to, and reading a built-in set.

    .venv/bin/python bench/bench_boundaries.py [--runs 5]

Prints medians (wall and CPU) of `recognise` on: the Mali 3W (24,088 rows × 40 columns, P-codes
and names), a generated 25,000-row table naming Nigeria's LGAs by name only (upper case, no
accents, with a state column and eight other columns: numbers, organisations, free text), and the
Cadre Harmonisé (28,286 × 61, 19 countries: asked, not guessed). "cold" = the first call in a
process (catalogue read and indexed), "warm" = later calls. Also `read_builtin` of Nigeria's 774
LGAs. Target: recognition under 0.5 s on a 25,000-row table.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
REAL = REPO / "tests" / "data" / "real"

import pandas as pd  # noqa: E402

from timing import median_time  # noqa: E402  (bench/ is on sys.path when run as a script)
from carto_desktop.builtin_boundaries import catalogue, recognise as recognition  # noqa: E402
from carto_desktop.intake import read_table  # noqa: E402


def nigeria_table(rows: int = 25_000) -> pd.DataFrame:
    rnd = random.Random(16)
    library = catalogue.load_library()
    states = {r[0]: r[1] for r in library.areas["NGA/1"]}
    lgas = library.areas["NGA/2"]
    clusters = ["Health", "Education", "Food security", "Protection", "WASH", "Shelter"]
    out = []
    for i in range(rows):
        lga = rnd.choice(lgas)
        out.append({"id": f"{i:06d}", "Organisation": f"NGO {rnd.randint(1, 300)}", "State": states[lga[3]].upper(),
                    "LGA": lga[1].upper(), "Cluster": rnd.choice(clusters), "People reached": str(rnd.randint(0, 5000)),
                    "Budget USD": f"{rnd.uniform(0, 1e6):.2f}", "Date": f"2024-{rnd.randint(1, 12):02d}-01",
                    "Comment": f"distribution round {rnd.randint(1, 40)}", "Status": rnd.choice(["Ongoing", "Done"])})
    return pd.DataFrame(out)


def cold(fn):
    def run():
        recognition.clear_caches()
        return fn()
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tables = {
        "Mali 3W, 24,088 × 40": read_table(REAL / "tables" / "mli_3w_ocha_2023-12.xlsx").data,
        "generated Nigeria LGAs by name, 25,000 × 10": nigeria_table(),
        "Cadre Harmonisé, 28,286 × 61": read_table(REAL / "tables" /
                                                   "wca_cadre_harmonise_caf_ipc_2014-2023.xlsx").data,
    }
    for name, data in tables.items():
        found = recognition.recognise(data)
        said = found.sentence("en") or "asked: " + ", ".join(c.name() for c in recognition.countries_of(found))
        for label, fn in (("cold", cold(lambda d=data: recognition.recognise(d))),
                          ("warm", lambda d=data: recognition.recognise(d))):
            wall, cpu = median_time(fn, args.runs, warm_up=label == "warm")
            print(f"recognise, {name}, {label}: {wall:.3f} s wall, {cpu:.3f} s CPU  ({said})")
    wall, cpu = median_time(lambda: catalogue.read_builtin("builtin:NGA/2"), args.runs, warm_up=True)
    print(f"read_builtin builtin:NGA/2 (774 LGAs): {wall:.3f} s wall, {cpu:.3f} s CPU")
    size = sum(p.stat().st_size for p in (REPO / "boundaries").rglob("*") if p.is_file())
    print(f"boundaries/ on disk: {size / 2**20:.2f} MB")


if __name__ == "__main__":
    main()
