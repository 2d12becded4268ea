"""Wheel build hook: the app's data folders go into the wheel as carto_desktop/_app/<folder>.

The repository keeps styles/, sample_data/, ui/ (and the boundary library, reference features
and web assets) at its top level, where a checkout and the PyInstaller bundle read them. A wheel
holds only what is under a package, so each folder that exists is mapped into the package here;
carto_desktop/paths.py finds them there in a regular install. The list is read from paths.py
itself, the one place that names the folders.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _paths_module(root: Path):
    spec = importlib.util.spec_from_file_location("_carto_paths", root / "carto_desktop" / "paths.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class AppDataHook(BuildHookInterface):
    PLUGIN_NAME = "carto-app-data"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the checkout's folders directly
        root = Path(self.root)
        paths = _paths_module(root)
        for folder in paths.APP_DATA_DIRS:
            if (root / folder).is_dir():
                build_data["force_include"][str(root / folder)] = f"carto_desktop/{paths.INSTALLED_DATA}/{folder}"
