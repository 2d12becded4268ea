"""Installer bundle figures: size on disk, cold and warm start, peak memory.

    bash installer/build.sh
    .venv/bin/python bench/bench_bundle.py                       # /tmp/carto-build/dist/carto-desktop
    .venv/bin/python bench/bench_bundle.py --bundle DIR --runs 5

What it runs, each time in a new network namespace (`unshare -n`) with an empty environment
and PATH set to the bundle only, as installer/test_bundle.sh does:

- `carto-desktop demo -o demo.png` (the sample map, A4 at 300 dpi): wall time and peak memory;
- `carto-desktop` (the app) with QT_QPA_PLATFORM=offscreen and CARTO_DESKTOP_QUIT_AFTER_SHOWN=1:
  wall time from launch until the process has shown its window, quit and exited (an upper
  bound of "time to window shown") and peak memory.

"Cold" runs first evict the bundle's files from the page cache (posix_fadvise DONTNEED on
each file: the operating system's own libraries stay cached, as on a laptop that has booted),
"warm" runs follow one another. Peak memory is the child's maximum resident set size
(os.wait4). Prints medians; targets from issue 10: bundle < 350 MB unpacked, window shown
< 3 s, demo peak memory < 1 GB.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

DEFAULT_BUNDLE = Path("/tmp/carto-build/dist/carto-desktop")


def bundle_size(bundle: Path) -> tuple[int, int]:
    """Bytes of the files (symlinks counted once, as links) and number of files."""
    total = files = 0
    for root, _dirs, names in os.walk(bundle):
        for name in names:
            path = Path(root) / name
            total += path.lstat().st_size
            files += 1
    return total, files


def biggest_parts(bundle: Path, top: int = 8) -> list[tuple[str, int]]:
    """The largest first-level entries of the bundle's _internal folder (where the size goes)."""
    inner = bundle / "_internal"
    sizes = []
    for entry in inner.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            size = sum((Path(r) / n).lstat().st_size for r, _d, ns in os.walk(entry) for n in ns)
        else:
            size = entry.lstat().st_size
        sizes.append((entry.name, size))
    return sorted(sizes, key=lambda x: -x[1])[:top]


def evict(bundle: Path) -> None:
    """Drop the bundle's files from the page cache, so the next start reads them from disk."""
    for root, _dirs, names in os.walk(bundle):
        for name in names:
            path = Path(root) / name
            if path.is_symlink():
                continue
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def run_once(bundle: Path, args: list[str], home: Path, extra_env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (bytes) of one offline run of the bundled program."""
    env = ["PATH=" + str(bundle), "HOME=" + str(home), "LANG=en_GB.UTF-8", "QT_QPA_PLATFORM=offscreen"]
    env += [f"{k}={v}" for k, v in extra_env.items()]
    cmd = ["unshare", "-n", "env", "-i", *env, str(bundle / "carto-desktop"), *args]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args) or 'app'} failed (exit {proc.returncode}):\n{err}")
    return elapsed, usage.ru_maxrss * 1024  # ru_maxrss is in KiB on Linux


def measure(bundle: Path, args: list[str], runs: int, extra_env: dict[str, str]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as home:
        cold, warm, peaks = [], [], []
        for _ in range(runs):
            evict(bundle)
            seconds, peak = run_once(bundle, args, Path(home), extra_env)
            cold.append(seconds)
            peaks.append(peak)
        for _ in range(runs):
            seconds, peak = run_once(bundle, args, Path(home), extra_env)
            warm.append(seconds)
            peaks.append(peak)
    return {"cold": statistics.median(cold), "warm": statistics.median(warm),
            "peak": statistics.median(peaks), "peak_max": max(peaks)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE, help="the unpacked bundle folder")
    parser.add_argument("--runs", type=int, default=5, help="runs of each kind (cold, warm)")
    opts = parser.parse_args()
    bundle = opts.bundle.resolve()
    if not (bundle / "carto-desktop").is_file():
        raise SystemExit(f"no bundle at {bundle}. Hint: run bash installer/build.sh first.")

    size, files = bundle_size(bundle)
    print(f"bundle: {bundle}")
    print(f"size unpacked: {size / 1e6:.0f} MB ({size / 2**20:.0f} MiB) in {files} files  (target < 350 MB)")
    print("largest parts: " + ", ".join(f"{name} {s / 1e6:.0f} MB" for name, s in biggest_parts(bundle)))
    archives = sorted(bundle.parent.glob("carto-desktop-*.tar.gz"))
    if archives:
        print(f"archive: {archives[-1].name} {archives[-1].stat().st_size / 1e6:.0f} MB")

    with tempfile.TemporaryDirectory() as out:
        demo = measure(bundle, ["demo", "-o", str(Path(out) / "demo.png")], opts.runs, {})
    print(f"demo (A4 PNG 300 dpi), median of {opts.runs}: cold {demo['cold']:.2f} s, warm {demo['warm']:.2f} s; "
          f"peak memory {demo['peak'] / 1e6:.0f} MB (max {demo['peak_max'] / 1e6:.0f} MB)  (target < 1 GB)")
    app = measure(bundle, [], opts.runs, {"CARTO_DESKTOP_QUIT_AFTER_SHOWN": "1"})
    print(f"app window shown and closed, median of {opts.runs}: cold {app['cold']:.2f} s, warm {app['warm']:.2f} s; "
          f"peak memory {app['peak'] / 1e6:.0f} MB  (target < 3 s)")


if __name__ == "__main__":
    main()
