"""Mutation fuzz of the engine's front doors on the real files in the repository.

Each case copies one real file (a table, a boundary file, a project file) into a fresh
folder, damages it the way files get damaged or crafted (cut short, bytes flipped, NaN
coordinates, a cell reference far beyond any sheet, a row of a million empty cells, values
of the wrong type…), and runs `read_table` (+ `detect_roles`), `read_layer`,
`read_project` or `build_map` on it in a forked child with a memory limit and a time limit.
A case fails when anything but a `CartoError` escapes, the child dies (a signal: SIGABRT,
the memory limit, the time limit), or the input folder changed.

    python tools/fuzz.py --minutes 60 --seed 1 --report /tmp/fuzz.jsonl   # the long run
    python tools/fuzz.py --cases 40 --seed 7                               # a few cases

`tests/test_fuzz.py` runs a short, fixed set of cases with the suite. Linux/macOS only (fork).
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import re
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
import zipfile
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # no BLAS threads held across fork()
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MPLBACKEND", "Agg")

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

CASE_SECONDS = 30  # a case taking longer is a failure ("time")
CASE_MEMORY = 1536 * 1024 * 1024  # address space a case may add to the fuzzer's own (1.5 GB)

INTAKE = REPO / "tests" / "data" / "intake"
REAL = REPO / "tests" / "data" / "real"
SAMPLE = REPO / "sample_data"
TABLE_SUFFIXES = {".csv", ".txt", ".tsv", ".xls", ".xlsx", ".ods"}
LAYER_SUFFIXES = {".shp", ".zip", ".gpkg", ".geojson", ".kml", ".kmz", ".gpx"}
SMALL = 400_000  # bytes: bigger real files are left to the benchmarks


def _sources() -> dict[str, list[Path]]:
    tables = [p for p in sorted(INTAKE.rglob("*")) if p.suffix.lower() in TABLE_SUFFIXES]
    tables += [p for p in sorted((REAL / "tables").iterdir())
               if p.suffix.lower() in TABLE_SUFFIXES and p.stat().st_size <= SMALL]
    tables.append(SAMPLE / "mali_admin_seats_geonames.csv")
    layers = [p for p in sorted(INTAKE.rglob("*")) if p.suffix.lower() in LAYER_SUFFIXES]
    layers += [REAL / "boundaries" / f"{c}_adm1.geojson" for c in ("mali", "bfa", "ner", "tcd")]
    layers.append(REAL / "boundaries" / "tcd_adm2.geojson")
    return {"table": tables, "layer": layers}


# (table, boundaries, project fields): real pairs for build_map; one of the two files is damaged
MAPS = [
    (REAL / "tables" / "mli_hno2024_hpc_adm2_pcodes.csv", REAL / "boundaries" / "mali_adm2.geojson",
     {"key_column": "Admin 2 PCode", "value_column": "In Need", "agg": "sum"}),
    (REAL / "tables" / "mli_hno2024_hpc_adm2_pcodes.csv", REAL / "boundaries" / "mali_adm2.geojson", {}),
    (REAL / "tables" / "tcd_hno2023_pin_cible_adm2.xlsx", REAL / "boundaries" / "tcd_adm2.geojson", {}),
    (SAMPLE / "mali_admin_seats_geonames.csv", REAL / "boundaries" / "mali_adm1.geojson",
     {"template": "points", "category_column": "type"}),
    (REAL / "tables" / "mli_health_facilities_oms_macroman.csv", REAL / "boundaries" / "mali_adm1.geojson", {}),
]


# --- mutations -------------------------------------------------------------------------

TOKENS = [b"NaN", b"nan", b"Infinity", b"-Infinity", b"1e309", b"-1e309", b"", b"null", b"0", b"-0",
          b"=HYPERLINK(\"x\")", b"+1", b"@SUM(A1)", b"\x00", b"\xff\xfe", b"\"", b"\r", b"\n", b";", b",",
          b"99999999999999999999999", b"ZZZZZZ1", b"XFD1048577", b"A0", b"\xc3\xa9"]
_NUMBER = re.compile(rb"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_CELL_REF = re.compile(rb'\b(r|ref)="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"')


def mutate_bytes(data: bytes, rnd: random.Random) -> bytes:
    """A damage a file can suffer in transit or by hand: cut, flipped, removed, repeated or odd tokens."""
    b = bytearray(data)
    if not b:
        return bytes(rnd.choice(TOKENS))
    how = rnd.randrange(9)
    if how == 0:
        return bytes(b[: rnd.randrange(0, len(b))])
    if how == 1:
        for _ in range(rnd.randint(1, max(1, len(b) // 200))):
            b[rnd.randrange(len(b))] = rnd.randrange(256)
        return bytes(b)
    if how == 2:
        i = rnd.randrange(len(b))
        del b[i:i + rnd.randint(1, 64)]
        return bytes(b)
    if how == 3:  # a run repeated (rows, rings, properties)
        i = rnd.randrange(len(b))
        chunk = bytes(b[i:i + rnd.randint(1, 400)])
        b[i:i] = chunk * rnd.choice((2, 10, 200, 3000))
        return bytes(b)
    if how == 4:  # a number replaced by an odd token
        numbers = list(_NUMBER.finditer(b))
        if numbers:
            picked = rnd.sample(numbers, min(len(numbers), rnd.choice((1, 1, 5, 50))))
            for m in sorted(picked, key=lambda m: m.start(), reverse=True):
                b[m.start():m.end()] = rnd.choice(TOKENS[:10] + [b"1e308", b"-999999999"])
            return bytes(b)
    if how == 5:  # a line with very many separators (a row of empty cells, a header of many columns)
        i = _line_start(b, rnd)
        b[i:i] = rnd.choice((b",", b";", b"\t")) * rnd.choice((1000, 30000, 200000)) + b"\n"
        return bytes(b)
    if how == 6:  # lines shuffled
        lines = bytes(b).split(b"\n")
        rnd.shuffle(lines)
        return b"\n".join(lines)
    if how == 7:  # a formula or odd text inserted
        i = _line_start(b, rnd)
        b[i:i] = rnd.choice(TOKENS)
        return bytes(b)
    i = rnd.randrange(len(b))
    b[i:i] = rnd.choice(TOKENS)
    return bytes(b)


def _line_start(b: bytearray, rnd: random.Random) -> int:
    i = rnd.randrange(len(b) + 1)
    j = b.rfind(b"\n", 0, i)
    return j + 1


def mutate_json(data: bytes, rnd: random.Random) -> bytes:
    """A JSON document with one node replaced by a value of another shape (GeoJSON, project files)."""
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return mutate_bytes(data, rnd)
    nodes: list[tuple[object, object]] = []

    def walk(node: object, depth: int) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                nodes.append((node, k))
                if depth < 12:
                    walk(v, depth + 1)
        elif isinstance(node, list):
            for i, v in enumerate(node[:50]):
                nodes.append((node, i))
                if depth < 12:
                    walk(v, depth + 1)

    walk(doc, 0)
    for _ in range(rnd.choice((1, 1, 3, 20))):
        if not nodes:
            break
        parent, key = rnd.choice(nodes)
        parent[key] = _odd_value(rnd, parent[key])
    text = json.dumps(doc, allow_nan=True)
    return text.encode("utf-8").replace(b'"__inf__"', b"1e309").replace(b'"__deep__"', b"[" * 5000 + b"]" * 5000)


def _odd_value(rnd: random.Random, old: object) -> object:
    choices = [None, "", "x" * rnd.choice((1, 100, 20000)), 0, -1, 1.5, float("nan"), float("inf"), "__inf__",
               [], {}, [old, old], {"a": old}, True, "NaN", "1", "__deep__", [[[]]], str(old), 2 ** 70]
    if isinstance(old, (int, float)) and not isinstance(old, bool):
        choices += [old * 1e300, -old, str(old)]
    return rnd.choice(choices)


def mutate_zip(data: bytes, rnd: random.Random) -> bytes:
    """A workbook or zipped layer with one member damaged (an xlsx cell reference far off, a sheet cut…)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = [(i, z.read(i)) for i in z.infolist()]
    except Exception:
        return mutate_bytes(data, rnd)
    if not members:
        return mutate_bytes(data, rnd)
    k = rnd.randrange(len(members))
    info, content = members[k]
    if _CELL_REF.search(content) and rnd.random() < 0.6:
        content = _mutate_refs(content, rnd)
    elif info.filename.endswith((".json", ".geojson")):
        content = mutate_json(content, rnd)
    else:
        content = mutate_bytes(content, rnd)
    members[k] = (info, content)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for i, c in members:
            z.writestr(i.filename, c)
    return out.getvalue()


def _mutate_refs(content: bytes, rnd: random.Random) -> bytes:
    refs = list(_CELL_REF.finditer(content))
    picked = rnd.sample(refs, min(len(refs), rnd.choice((1, 1, 3))))
    b = bytearray(content)
    for m in sorted(picked, key=lambda m: m.start(), reverse=True):
        col = rnd.choice((b"ZZZZZZ", b"XFD", b"AAAA", b"A", m.group(2)))
        row = rnd.choice((b"1048576", b"99999999", b"0", b"1", m.group(3)))
        new = m.group(1) + b'="' + col + row
        if m.group(4):
            new += b":" + rnd.choice((b"ZZZZZZ", b"XFD", m.group(4))) + rnd.choice((b"1048576", b"4000000000", m.group(5)))
        b[m.start():m.end()] = new + b'"'
    return bytes(b)


def mutate(path: Path, data: bytes, rnd: random.Random) -> bytes:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".ods", ".kmz", ".zip") and rnd.random() < 0.7:
        return mutate_zip(data, rnd)
    if suffix in (".geojson", ".json", ".cartoproj") and rnd.random() < 0.6:
        return mutate_json(data, rnd)
    return mutate_bytes(data, rnd)


# --- one case ----------------------------------------------------------------------------

@dataclass
class Case:
    number: int
    kind: str  # table | layer | project | map
    source: str  # the real file damaged (relative to the repository)
    seed: int


@dataclass
class Outcome:
    case: Case
    status: str  # ok | carto_error | failure
    seconds: float
    failure: str = ""  # "exception: Type at file:line" | "signal N" | "time" | "memory" | "input changed"
    detail: str = ""


def _fingerprint(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _where(exc: BaseException) -> str:
    """The innermost frame in Carto Desktop's code, so one bug is one failure however often it is hit."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "carto_desktop" in f.filename] or frames
    f = ours[-1] if ours else None
    return f"{Path(f.filename).name}:{f.lineno}" if f else "?"


def _run(case: Case, folder: Path) -> None:
    """In the child: the front door the case is about, on the damaged file in `folder`."""
    from carto_desktop.intake import read_layer, read_table
    from carto_desktop.intake.roles import detect_roles
    from carto_desktop.project_file import read_project

    if case.kind == "table":
        detect_roles(read_table(folder / Path(case.source).name))
    elif case.kind == "layer":
        opened = folder / Path(case.source).name
        layer = read_layer(opened)
        layer.geometry.area.sum()  # noqa: B018 (touch the geometries)
    elif case.kind == "project":
        read_project(folder / Path(case.source).name).project()
    else:
        import matplotlib.pyplot as plt

        from carto_desktop.project import Project, build_map

        table, boundaries, fields = MAPS[int(case.source.split("#")[1])]
        t = folder / table.name if (folder / table.name).exists() else table
        b = folder / boundaries.name if (folder / boundaries.name).exists() else boundaries
        result = build_map(Project(table=t, boundaries=b, **fields))
        if result.figure is not None:
            result.figure.canvas.draw()
            plt.close(result.figure)


def run_case(case: Case, work: Path) -> Outcome:
    """Build the case's damaged file and run it in a forked child with the limits above."""
    rnd = random.Random(case.seed)
    folder = work / f"case{case.number}"
    folder.mkdir(parents=True)
    if case.kind == "map":
        table, boundaries, _ = MAPS[int(case.source.split("#")[1])]
        target = table if rnd.random() < 0.6 else boundaries
    elif case.kind == "project":
        target = project_source(work)
    else:
        target = REPO / case.source
    for sibling in (target.parent.iterdir() if target.suffix.lower() == ".shp" else [target]):
        if sibling.is_file() and sibling.stem == target.stem:
            shutil.copy(sibling, folder / sibling.name)
    damaged = folder / target.name
    damaged.write_bytes(mutate(target, target.read_bytes(), rnd))
    before = _fingerprint(folder)
    read_end, write_end = os.pipe()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: limits, run, report through the pipe, never return
        os.close(read_end)
        code = 0
        message = b""
        try:
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
            signal.alarm(CASE_SECONDS)  # first: nothing below may hang unwatched
            soft = _address_space() + CASE_MEMORY
            resource.setrlimit(resource.RLIMIT_AS, (soft, soft))
            quiet = os.open(os.devnull, os.O_WRONLY)  # a Rust panic's backtrace, GDAL's chatter
            os.dup2(quiet, 2)
            import warnings

            from carto_desktop.errors import CartoError

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    _run(case, folder)
                except CartoError:
                    code = 1
        except MemoryError:
            code, message = 4, b"memory"
        except BaseException as exc:  # noqa: BLE001 - what the fuzz is looking for
            code = 3
            message = f"exception: {type(exc).__name__} at {_where(exc)}\n{str(exc)[:300]}".encode("utf-8", "replace")
        try:
            os.write(write_end, message[:4000])
        finally:
            os._exit(code)
    os.close(write_end)
    status = _wait(pid, start)
    seconds = time.monotonic() - start
    with os.fdopen(read_end, "rb") as f:
        message = f.read().decode("utf-8", "replace")
    outcome = Outcome(case, "ok", seconds)
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        outcome.status, outcome.failure = "failure", "time" if sig == signal.SIGALRM else f"signal {signal.Signals(sig).name}"
    else:
        code = os.WEXITSTATUS(status)
        if code == 1:
            outcome.status = "carto_error"
        elif code == 4:
            outcome.status, outcome.failure = "failure", "memory"
        elif code != 0:
            head, _, rest = message.partition("\n")
            outcome.status, outcome.failure, outcome.detail = "failure", head or f"exit {code}", rest
    if outcome.status != "failure" and _fingerprint(folder) != before:
        outcome.status, outcome.failure = "failure", "input changed"
    if outcome.status == "failure":
        keep = work / "failures" / f"case{case.number}"
        shutil.copytree(folder, keep, dirs_exist_ok=True)
    shutil.rmtree(folder, ignore_errors=True)
    return outcome


def _wait(pid: int, start: float) -> int:
    """The child's exit status; a child still running well past its alarm is killed (a "time" failure)."""
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        if time.monotonic() - start > CASE_SECONDS + 15:
            os.kill(pid, signal.SIGALRM)
            time.sleep(2)
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            return os.waitpid(pid, 0)[1] or signal.SIGALRM
        time.sleep(0.02)


def _address_space() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 4 * 1024 ** 3


def cases(seed: int, count: int | None = None):
    """An endless (or `count` long) deterministic stream of cases: tables and layers most, maps and projects too."""
    rnd = random.Random(seed)
    sources = _sources()
    n = 0
    while count is None or n < count:
        roll = rnd.random()
        if roll < 0.4:
            kind, source = "table", str(rnd.choice(sources["table"]).relative_to(REPO))
        elif roll < 0.75:
            kind, source = "layer", str(rnd.choice(sources["layer"]).relative_to(REPO))
        elif roll < 0.85:
            kind, source = "project", "sample.cartoproj"
        else:
            kind, source = "map", f"map#{rnd.randrange(len(MAPS))}"
        yield Case(n, kind, source, rnd.randrange(2 ** 32))
        n += 1


def project_source(work: Path) -> Path:
    """The sample project as Carto Desktop saves it, its inputs beside it (made once per run in `work`)."""
    path = work / "project" / "sample.cartoproj"
    if not path.exists():
        from dataclasses import replace

        from carto_desktop.project import sample_project
        from carto_desktop.project_file import save_project

        path.parent.mkdir(parents=True, exist_ok=True)
        base = sample_project("en")
        for p in (base.table, base.boundaries):
            shutil.copy(p, path.parent / p.name)
        save_project(path, replace(base, table=path.parent / base.table.name,
                                   boundaries=path.parent / base.boundaries.name))
    return path


def warm_up() -> None:
    """Import the engine once in the parent so every forked case starts at once."""
    import matplotlib

    matplotlib.use("Agg")
    import carto_desktop.project  # noqa: F401
    from carto_desktop.intake.roles import detect_roles  # noqa: F401


def fuzz(seed: int, *, count: int | None = None, seconds: float | None = None, report: Path | None = None,
         work: Path | None = None, echo=None) -> dict:
    """Run cases until `count` or `seconds`; a summary with the unique failures."""
    warm_up()
    work = work or Path(tempfile.mkdtemp(prefix="carto-fuzz-"))
    start = time.monotonic()
    summary = {"seed": seed, "cases": 0, "ok": 0, "carto_error": 0, "failures": 0, "unique": {},
               "slowest": 0.0, "work": str(work)}
    out = report.open("a", encoding="utf-8") if report else None
    try:
        for case in cases(seed, count):
            if seconds is not None and time.monotonic() - start > seconds:
                break
            outcome = run_case(case, work)
            summary["cases"] += 1
            summary["slowest"] = max(summary["slowest"], outcome.seconds)
            if outcome.status == "failure":
                summary["failures"] += 1
                key = f"{case.kind}: {outcome.failure}"
                summary["unique"].setdefault(key, []).append(
                    {"case": case.number, "source": case.source, "seed": case.seed, "detail": outcome.detail})
                if echo:
                    echo(f"FAIL {key} ({case.source}, seed {case.seed}) {outcome.detail[:200]}")
            else:
                summary[outcome.status] += 1
            if out:
                out.write(json.dumps({"case": case.number, "kind": case.kind, "source": case.source, "seed": case.seed,
                                      "status": outcome.status, "failure": outcome.failure,
                                      "seconds": round(outcome.seconds, 3)}) + "\n")
                out.flush()
    finally:
        if out:
            out.close()
    summary["seconds"] = round(time.monotonic() - start, 1)
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=None)
    parser.add_argument("--minutes", type=float, default=None)
    parser.add_argument("--report", type=Path, default=None, help="one JSON line per case")
    parser.add_argument("--work", type=Path, default=None, help="where cases run and failures are kept")
    args = parser.parse_args(argv)
    summary = fuzz(args.seed, count=args.cases, seconds=args.minutes * 60 if args.minutes else None,
                   report=args.report, work=args.work, echo=lambda s: print(s, flush=True))
    print(json.dumps({k: v for k, v in summary.items() if k != "unique"}))
    for key, hits in sorted(summary["unique"].items()):
        print(f"{len(hits):5d}  {key}  e.g. {hits[0]['source']} seed {hits[0]['seed']}")
    return 1 if summary["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
