"""The frozen program's entry point (PyInstaller runs this script, not the package's __main__).

It only adapts the frozen process to the `carto-desktop` command line: multiprocessing's
child processes, no console at all (Windows "windowed" executable) and the one PROJ
database, then calls `carto_desktop.cli.main` like the installed command (which also
opens the app on a lone, double-clicked `.cartoproj`).
"""
from __future__ import annotations

import multiprocessing
import os
import sys


def main() -> int:
    # The app's engine runs in a child process started with multiprocessing's "spawn": in a
    # frozen program that child is this executable again, with multiprocessing's own
    # arguments, which freeze_support() must take before the command line sees them.
    from carto_desktop.paths import proj_data_dir

    proj_data = proj_data_dir()
    if proj_data is not None:  # frozen: pyproj reads GDAL's PROJ database (see paths.py), not a system one
        os.environ["PROJ_DATA"] = str(proj_data)
        os.environ.pop("PROJ_LIB", None)
    multiprocessing.freeze_support()
    # A windowed executable has no console: Python then has no stdout/stderr at all.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (lives as long as the process)
    from carto_desktop.cli import command

    command()  # a lone .cartoproj opens the app (cli.program_arguments); exits with the command's code
    return 0


if __name__ == "__main__":
    sys.exit(main())
