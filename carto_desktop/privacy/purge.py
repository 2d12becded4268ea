"""`purge_project`: remove the copies of a project the app keeps on its own.

Besides the `.cartoproj` a person saves, the app leaves an autosave (crash recovery) in
its app-data folder and, after a crash mid-save, half-written temporary files next to
the project. When a project is finished, or its data must go, these copies go too. The
project file itself and the input tables are the user's: they are not touched.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from carto_desktop.errors import DataError
from carto_desktop.project_file import Autosave

APP_FOLDER = ("Carto Desktop", "Carto Desktop")  # organisation, application (as gui/app.py tells Qt)


def default_data_folder() -> Path:
    """The app's own data folder (where Qt's AppDataLocation puts the autosave), found without Qt."""
    home = Path.home()
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base.joinpath(*APP_FOLDER)


def _same_file(a: str | Path | None, b: Path) -> bool:
    if not a:
        return False
    try:
        return Path(a).resolve() == b.resolve()
    except OSError:
        return False


def purge_project(path: str | Path, data_folder: str | Path | None = None) -> list[Path]:
    """Delete the autosave/recovery file of the project at `path` and its leftover temporary files.

    `data_folder` is the app's data folder (default: `default_data_folder()`). Returns the
    files removed; raises `DataError` if the project file does not exist.
    """
    project = Path(path)
    if not project.is_file():
        raise DataError("The project file does not exist.", hint="Check the name and the folder.", file=project)
    removed: list[Path] = []
    autosave = Autosave(data_folder if data_folder is not None else default_data_folder())
    found = autosave.recover()
    if autosave.path.exists() and found is not None and _same_file(found.saved_from, project):
        autosave.clear()
        removed.append(autosave.path)
        removed += _remove(autosave.folder.glob(".~" + autosave.path.stem + "*.tmp"))
    # half-written saves of this project (project_file.write_text_atomically's temporary files)
    removed += _remove(project.parent.glob(".~" + project.stem + "*.tmp"))
    return removed


def _remove(paths) -> list[Path]:
    gone = []
    for p in paths:
        try:
            p.unlink()
            gone.append(p)
        except FileNotFoundError:
            pass
    return gone

