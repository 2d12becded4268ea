"""How well personal-data columns are found on real column sets: found, missed, false alarms.

Truth: tests/data/privacy/expected_sensitive.json (hand-labelled; "real:" = tests/data/real,
"repo:" = this checkout), plus the fake Kobo household survey and its own truth.
Run: .venv/bin/python bench/privacy_detection.py
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REAL = REPO / "tests" / "data" / "real"
TRUTH = REPO / "tests" / "data" / "privacy" / "expected_sensitive.json"
RUNS = 5  # detection time: median of 5
sys.path.insert(0, str(REPO))

from carto_desktop.intake import read_table  # noqa: E402
from carto_desktop.privacy import detect_sensitive, is_people_points  # noqa: E402


def column_sets() -> list[dict]:
    """The labelled sets, with their real paths, plus the fake survey."""
    sets = json.loads(TRUTH.read_text(encoding="utf-8"))["sets"]
    for s in sets:
        where, _, rel = s["file"].partition(":")
        s["path"] = (REAL if where == "real" else REPO) / rel
    sys.path.insert(0, str(TRUTH.parent))
    from make_kobo_survey import OUT, SENSITIVE

    sets.append({"file": "repo:tests/data/privacy/kobo_household_survey.csv", "sheet": None, "path": OUT,
                 "what": "fake KoboToolbox household survey (tests/data/privacy)", "sensitive": SENSITIVE})
    return sets


def evaluate(s: dict) -> dict:
    table = read_table(s["path"], s["sheet"])
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        findings = detect_sensitive(table.data)
        times.append(time.perf_counter() - t0)
    seconds = statistics.median(times)
    found = {f.column for f in findings}
    truth = set(s["sensitive"])
    return {"name": s["path"].name, "what": s["what"], "columns": table.data.shape[1], "rows": table.data.shape[0],
            "truth": len(truth), "found": len(found & truth), "missed": sorted(truth - found),
            "false_alarms": sorted(found - truth), "seconds": seconds, "held_out": s.get("held_out", False),
            "points": "people" if is_people_points(table.data) else "places"}


def main() -> None:
    results = [evaluate(s) for s in column_sets()]
    print("| column set | columns | personal (truth) | found | missed | false alarms | rows are | detection (median) |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['name']}{' (held out)' if r['held_out'] else ''} ({r['what']}) | {r['columns']} | {r['truth']} | {r['found']} | {len(r['missed'])} | "
              f"{len(r['false_alarms'])}{' ' + ', '.join(r['false_alarms']) if r['false_alarms'] else ''} | "
              f"{r['points']} | {r['seconds'] * 1000:.0f} ms |")
    truth = sum(r["truth"] for r in results)
    found = sum(r["found"] for r in results)
    alarms = sum(len(r["false_alarms"]) for r in results)
    cols = sum(r["columns"] for r in results)
    print(f"\n{len(results)} column sets, {cols} columns: {found}/{truth} personal columns found, "
          f"{truth - found} missed, {alarms} false alarms.")
    for r in results:
        if r["missed"]:
            print(f"missed in {r['name']}: {', '.join(r['missed'])}")


if __name__ == "__main__":
    main()
