"""Where the app's own data lives, in a source checkout and in a frozen bundle.

The one place that knows: every other module asks here instead of using `__file__`.
"""
from __future__ import annotations

import sys
from pathlib import Path

# The repository's top-level folders of app data. A checkout reads them where they are; the
# wheel carries them as carto_desktop/_app/<folder> (hatch_build.py); the PyInstaller bundle
# as <bundle>/<folder> (installer/carto-desktop.spec). All three read this one list.
APP_DATA_DIRS = ("styles", "sample_data", "ui", "boundaries", "reference", "web")
INSTALLED_DATA = "_app"  # the folder inside the installed package that holds them


def app_root() -> Path:
    """The folder holding styles/, sample_data/, ui/ and the other APP_DATA_DIRS."""
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller in a frozen app
    if bundle:
        return Path(bundle)
    package = Path(__file__).resolve().parent
    installed = package / INSTALLED_DATA
    if installed.is_dir():  # a regular (non-editable) install from the wheel
        return installed
    return package.parent  # a source checkout or an editable install


def styles_dir() -> Path:
    return app_root() / "styles"


def sample_data_dir() -> Path:
    return app_root() / "sample_data"


def ui_dir() -> Path:
    return app_root() / "ui"


def boundaries_dir() -> Path:
    """The built-in boundary library."""
    return app_root() / "boundaries"


def reference_dir() -> Path:
    """Reference features of the map page: capitals, towns, lakes, rivers."""
    return app_root() / "reference"


def web_dir() -> Path:
    """The map library and styles inlined into interactive HTML maps."""
    return app_root() / "web"


def proj_data_dir() -> Path | None:
    """In a frozen bundle, the one PROJ database both pyproj and GDAL read; None elsewhere.

    pyproj's wheel and pyogrio's GDAL each ship PROJ's data (9 MB each). The bundle keeps
    GDAL's, the newer one (PROJ reads any database of a newer minor layout), and leaves
    pyproj's out, so pyproj must be told where it is before it is imported.
    """
    if not getattr(sys, "_MEIPASS", None):
        return None
    return app_root() / "pyogrio" / "proj_data"
