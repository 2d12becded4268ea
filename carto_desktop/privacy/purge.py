"""`purge_project`: remove the copies of a project the app keeps on its own.

Besides the `.cartoproj` a person saves, the app leaves an autosave (crash recovery) in
its app-data folder, the project's path in its recent-projects list (`recent_projects.py`,
a file in the same folder) and, after a crash mid-save, half-written temporary files next
to the project. When a project is finished, or its data must go, these copies go too. The
project file itself and the input tables are the user's: they are not touched.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from carto_desktop.errors import DataError
from carto_desktop.i18n import translate
from carto_desktop.files import sweep_leftovers
from carto_desktop.project_file import Autosave
from carto_desktop.recent_projects import RecentProjects

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


@dataclass
class Purged:
    """What `purge_project` removed: files, and whether the project left the recent-projects list."""

    project: Path
    files: list[Path] = field(default_factory=list)
    recent_list: Path | None = None  # the list the project was taken out of

    def __bool__(self) -> bool:
        return bool(self.files or self.recent_list)

    def lines(self, lang: str = "en") -> list[str]:
        """One sentence per thing removed, in `lang`; one sentence when there was nothing."""
        out = [translate("Removed: {path}", lang, path=p) for p in self.files]
        if self.recent_list is not None:
            out.append(translate("Removed from the app's recent projects ({path}).", lang, path=self.recent_list))
        return out or [translate("Nothing to remove for {project}: no autosave, recovery or temporary file, and "
                                 "not in the recent projects.", lang, project=self.project)]


def purge_project(path: str | Path, data_folder: str | Path | None = None) -> Purged:
    """Delete the autosave/recovery file of the project at `path`, its leftover temporary files,
    and its line in the app's recent projects.

    `data_folder` is the app's data folder (default: `default_data_folder()`). Raises
    `DataError` if the project file does not exist.
    """
    project = Path(path)
    if not project.is_file():
        raise DataError("The project file does not exist.", hint="Check the name and the folder.", file=project)
    folder = Path(data_folder) if data_folder is not None else default_data_folder()
    purged = Purged(project)
    autosave = Autosave(folder)
    found = autosave.recover()
    if autosave.path.exists() and found is not None and _same_file(found.saved_from, project):
        autosave.clear()
        purged.files.append(autosave.path)
        purged.files += _remove(autosave.folder.glob(".~" + autosave.path.stem + "*.tmp"))
    # half-written saves of this project (`files.write_atomically`'s temporary files)
    purged.files += _remove(project.parent.glob(".~" + project.stem + "*.tmp"))
    # half-written maps of killed exports beside the project (their writer has died)
    purged.files += sweep_leftovers(project.parent, ".~")
    recent = RecentProjects(folder)
    if recent.forget(project):
        purged.recent_list = recent.path
    return purged


def _remove(paths) -> list[Path]:
    gone = []
    for p in paths:
        try:
            p.unlink()
            gone.append(p)
        except FileNotFoundError:
            pass
    return gone

