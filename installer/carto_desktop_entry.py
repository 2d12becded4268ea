"""The frozen program's entry point (PyInstaller runs this script, not the package's __main__).

It only adapts what the operating system hands a desktop program to the `carto-desktop`
command line: a double-clicked `.cartoproj` file, or no console at all (Windows
"windowed" executable), then calls `carto_desktop.cli.main` like the installed command.
"""
from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import sys

PROJECT_SUFFIX = ".cartoproj"


def _app_accepts_project_file(path: str) -> bool:
    """True when this version's `carto-desktop app` takes a project file argument."""
    from carto_desktop.cli import build_parser

    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            build_parser().parse_args(["app", path])
        except SystemExit:
            return False
    return True


def program_arguments(argv: list[str]) -> list[str]:
    """Arguments for the CLI: a lone `.cartoproj` (file association, drag and drop) opens the app."""
    if len(argv) == 1 and argv[0].lower().endswith(PROJECT_SUFFIX):
        return ["app", argv[0]] if _app_accepts_project_file(argv[0]) else ["app"]
    return argv


def main() -> int:
    # The app's engine runs in a child process started with multiprocessing's "spawn": in a
    # frozen program that child is this executable again, with multiprocessing's own
    # arguments, which freeze_support() must take before the command line sees them.
    multiprocessing.freeze_support()
    # A windowed executable has no console: Python then has no stdout/stderr at all.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (lives as long as the process)
    from carto_desktop.cli import main as cli_main

    return cli_main(program_arguments(sys.argv[1:]))


if __name__ == "__main__":
    sys.exit(main())
