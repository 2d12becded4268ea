"""Where the app's own data lives, in a source checkout and in a frozen bundle.

The one place that knows: every other module asks here instead of using `__file__`.
"""
from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding styles/, sample_data/ and ui/."""
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller in a frozen app
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def styles_dir() -> Path:
    return app_root() / "styles"


def sample_data_dir() -> Path:
    return app_root() / "sample_data"


def ui_dir() -> Path:
    return app_root() / "ui"


def proj_data_dir() -> Path | None:
    """In a frozen bundle, the one PROJ database both pyproj and GDAL read; None elsewhere.

    pyproj's wheel and pyogrio's GDAL each ship PROJ's data (9 MB each). The bundle keeps
    GDAL's, the newer one (PROJ reads any database of a newer minor layout), and leaves
    pyproj's out, so pyproj must be told where it is before it is imported.
    """
    if not getattr(sys, "_MEIPASS", None):
        return None
    return app_root() / "pyogrio" / "proj_data"
