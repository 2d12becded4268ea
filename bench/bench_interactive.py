"""Interactive maps (`render -o map.html`): file size, time to write, time to open in headless Chromium.

Usage: python bench/bench_interactive.py [--runs 3]
For the Mali sample (every template, and French), the 10,000 "village areas" of
tests/data/real/bench/mali_voronoi_10k.gpkg (a sum per area), Chad's 3W, HNO and DTM sites,
Niger's departments from the Cadre Harmonisé, and hexagons of the fake Kobo household survey:
the command's wall time (reading, matching and writing included), the file's size, and the
median time from navigation to the map drawn (two animation frames after its script ends) in
Debian's headless Chromium with the network off (tests/headless_browser.py), with how many
requests left the page (must be 0). Prints a Markdown table for docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from headless_browser import missing, open_page, start_browser  # noqa: E402
from carto_desktop import cli  # noqa: E402

REAL = ROOT / "tests" / "data" / "real"
SAMPLE = ROOT / "sample_data"
MALI_3W = ["--table", str(SAMPLE / "mali_3w_2023-12.xlsx"), "--sheet", "ML_5W", "--boundaries",
           str(SAMPLE / "mali_adm2.geojson"), "--key-column", "admin2Pcod", "--value", "Organisation Accronyme",
           "--agg", "distinct"]


def cases(tmp: Path) -> list[tuple[str, list[str]]]:
    import pyogrio

    voronoi = REAL / "bench" / "mali_voronoi_10k.gpkg"
    values = tmp / "village_values.csv"
    pyogrio.read_dataframe(voronoi, columns=["pcode", "value"], read_geometry=False).to_csv(values, index=False)
    tables = REAL / "tables"
    return [
        ("Mali sample, choropleth (53 cercles)", MALI_3W + ["--lang", "en"]),
        ("Mali sample, choropleth, French", MALI_3W + ["--lang", "fr"]),
        ("Mali sample, presence", MALI_3W + ["--template", "presence"]),
        ("Mali sample, symbols", MALI_3W + ["--template", "symbols"]),
        ("Mali sample, sectors (chooser)", MALI_3W + ["--template", "sectors", "--category", "Cluster"]),
        ("Mali sample, social card", MALI_3W + ["--template", "social_card"]),
        ("Mali admin seats, points", ["--table", str(SAMPLE / "mali_admin_seats_geonames.csv"), "--boundaries",
                                      str(SAMPLE / "mali_adm1.geojson"), "--template", "points", "--category",
                                      "type"]),
        ("Mali 10,000 village areas (sum)", ["--table", str(values), "--boundaries", str(voronoi), "--key-column",
                                             "pcode", "--value", "value", "--agg", "sum"]),
        ("Chad 3W (built-in provinces)", ["--table", str(tables / "tcd_3w_ocha_2021-10.xlsx")]),
        ("Chad HNO 2023 (built-in departments)", ["--table", str(tables / "tcd_hno2023_pin_cible_adm2.xlsx")]),
        ("Chad DTM Lac sites, points", ["--table", str(tables / "tcd_dtm_r16_lac_site_village_assessment.xlsx"),
                                        "--template", "points"]),
        ("Niger, Cadre Harmonisé rows per department", [
            "--table", str(tables / "wca_cadre_harmonise_caf_ipc_2014-2023.xlsx"), "--boundaries",
            str(REAL / "boundaries" / "ner_adm2.geojson")]),
        ("Kobo household survey, hexagons", [
            "--table", str(ROOT / "tests" / "data" / "privacy" / "kobo_household_survey.csv"), "--boundaries",
            str(SAMPLE / "mali_adm2.geojson"), "--template", "points", "--people-points", "hexagons"]),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    reason = missing()
    if reason:
        sys.exit(f"cannot measure open times: {reason}")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        rows = []
        driver = start_browser()
        try:
            for i, (name, arguments) in enumerate(cases(tmp)):
                out = tmp / f"map{i}.html"
                start = time.perf_counter()
                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                    code = cli.main(["render", *arguments, "-o", str(out)] +
                                    ([] if "--lang" in arguments else ["--lang", "en"]))
                made = time.perf_counter() - start
                if code != 0:
                    rows.append(f"| {name} | failed (exit {code}) | | | |")
                    continue
                opened = [open_page(driver, out) for _ in range(args.runs)]
                seconds = statistics.median(page.seconds for page in opened)
                outside = sum(len(page.outside_requests) for page in opened)
                errors = sum(len(page.errors) for page in opened)
                areas = driver.execute_script("return cartoMap.drawnAreas()")
                rows.append(f"| {name} | {areas:,} | {out.stat().st_size / 1e6:.2f} MB | {made:.1f} s | "
                            f"{seconds:.2f} s | {outside} / {errors} |")
                print(rows[-1], file=sys.stderr)
        finally:
            driver.quit()
    print("| map | areas drawn | file | `render -o map.html` | opened (median) | requests out / errors |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
