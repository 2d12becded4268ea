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
