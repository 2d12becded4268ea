"""The hardening reproducers of issue 21 through the real `carto-desktop` command: exit code, time, peak memory.

Each case is a real file from tests/data/real changed as the audit found it (a cell "ZZZZZZ1",
a row of a million empty cells, 20,000 columns, NaN coordinates, a ring retracing itself,
30,000 properties, a damaged .xls…). The command must exit 0 or 2 (never 1, never a signal)
with one plain sentence, in under 30 s and 1.5 GB.

    python bench/bench_hardening.py
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REAL = REPO / "tests" / "data" / "real"


def _cases(tmp: Path) -> dict[str, list[str]]:
    cases: dict[str, list[str]] = {}
    src = REAL / "tables" / "tcd_3w_ocha_2021-10.xlsx"
    book = tmp / "zzzzzz1.xlsx"
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = data.replace(b'r="C5"', b'r="ZZZZZZ1"', 1)
            w.writestr(info, data)
    cases["xlsx cell ZZZZZZ1"] = ["inspect", "--table", str(book)]
    cases["damaged xls asking 4 GB"] = ["inspect", "--table", str(REPO / "tests" / "data" / "bad" / "xls_asks_4gb.xls")]
    lines = (REAL / "tables" / "mli_hno2024_hpc_adm2_pcodes.csv").read_text(encoding="utf-8").splitlines()
    wide = tmp / "row_of_a_million_cells.csv"
    wide.write_text("\n".join(lines[:40] + ["," * 1_000_000] + lines[40:]) + "\n", encoding="utf-8")
    cases["CSV row of 10^6 empty cells"] = ["inspect", "--table", str(wide)]
    rows = [ln.split(",") for ln in lines[:200]]
    for width in (5_000, 20_000):
        path = tmp / f"columns_{width}.csv"
        path.write_text("\n".join(",".join((r * (width // len(r) + 1))[:width]) for r in rows) + "\n", encoding="utf-8")
        cases[f"{width:,} columns"] = ["inspect", "--table", str(path)]
    regions = json.loads((REAL / "boundaries" / "mali_adm1.geojson").read_text(encoding="utf-8"))

    def ring(f):
        g = f["geometry"]
        return g["coordinates"][0] if g["type"] == "Polygon" else g["coordinates"][0][0]

    doc = json.loads(json.dumps(regions))
    ring(doc["features"][2])[3] = [float("nan"), ring(doc["features"][2])[3][1]]
    (tmp / "nan.geojson").write_text(json.dumps(doc), encoding="utf-8")
    cases["NaN coordinate"] = ["render", "--table", str(REPO / "sample_data" / "mali_admin_seats_geonames.csv"),
                               "--boundaries", str(tmp / "nan.geojson"), "--template", "points", "-o", str(tmp / "m.png")]
    doc = json.loads(json.dumps(regions))
    r = ring(doc["features"][0])[:300]
    doc["features"][0]["geometry"] = {"type": "Polygon", "coordinates": [(r + r[::-1]) * 150 + [r[0]]]}
    (tmp / "retrace.geojson").write_text(json.dumps(doc), encoding="utf-8")
    cases["ring retracing itself (90,000 points)"] = ["inspect", "--boundaries", str(tmp / "retrace.geojson")]
    doc = json.loads(json.dumps(regions))
    for f in doc["features"]:
        f["properties"].update({f"p{i}": i for i in range(30_000)})
    (tmp / "props.geojson").write_text(json.dumps(doc), encoding="utf-8")
    cases["30,000 properties"] = ["inspect", "--boundaries", str(tmp / "props.geojson")]
    w5 = tmp / "regions_only.csv"
    w5.write_text("Region,n\nKayes,1\nSegou,2\nMopti,3\nGao,4\nSikasso,5\n", encoding="utf-8")
    cases["regions against cercles"] = ["match", "--table", str(w5), "--boundaries",
                                        str(REAL / "boundaries" / "mali_adm2.geojson"), "-o", str(tmp / "r.csv")]
    return cases


def _run(args: list[str]) -> tuple[int, float, float, str]:
    """Exit code (negative: a signal), seconds, peak resident MB of this very run, the last line of stderr."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "carto_desktop", *args], stdout=subprocess.DEVNULL, stderr=err,
                                env={**os.environ, "PYTHONPATH": str(REPO)})
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    line = (text.strip().splitlines() or [""])[-1][:110]
    return proc.returncode, seconds, usage.ru_maxrss / 1024, line


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="carto-bench-") as tmp:
        cases = _cases(Path(tmp))
        print("| case | exit | seconds | peak MB | what the user reads |\n|---|---|---|---|---|")
        worst = 0
        for name, args in cases.items():
            code, seconds, mb, line = _run(args)
            worst = max(worst, code if code not in (0, 2) else 0)
            print(f"| {name} | {code} | {seconds:.1f} | {mb:.0f} | {line} |", flush=True)
    sys.path.insert(0, str(REPO))
    from carto_desktop.intake.tables import _check_sheet_span, read_table

    print("\n| real workbook | sheet span check | whole read_table |\n|---|---|---|")
    for name, sheet in (("mli_3w_ocha_2023-12.xlsx", "ML_5W"), ("wca_cadre_harmonise_caf_ipc_2014-2023.xlsx", "Sheet1")):
        path = REAL / "tables" / name
        start = time.perf_counter()
        _check_sheet_span(path, sheet)
        check = time.perf_counter() - start
        start = time.perf_counter()
        read_table(path, sheet)
        print(f"| {name} | {check:.2f} s | {time.perf_counter() - start:.2f} s |", flush=True)
    return 1 if worst else 0


if __name__ == "__main__":
    sys.exit(main())
