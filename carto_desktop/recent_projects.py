"""The app's list of recently opened projects, kept as a small JSON file in its data folder.

It lives beside the autosave (the app-data folder the app is given), not in Qt's settings:
`carto-desktop purge` must be able to take a project out of it, and the engine never
imports Qt. A missing or unreadable file is an empty list, never an error.
"""
from __future__ import annotations

import json
from pathlib import Path

from carto_desktop.files import write_text_atomically

RECENT_NAME = "recent_projects.json"
RECENT_MAX = 8


class RecentProjects:
    """The project paths most recently opened or saved, newest first, in `folder`."""

    def __init__(self, folder: str | Path, limit: int = RECENT_MAX) -> None:
        self.folder = Path(folder)
        self.path = self.folder / RECENT_NAME
        self.limit = limit

    def paths(self) -> list[str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        projects = data.get("projects") if isinstance(data, dict) else None
        return [p for p in projects if isinstance(p, str)][:self.limit] if isinstance(projects, list) else []

    def remember(self, path: str | Path) -> list[str]:
        """Put `path` (made absolute) first; returns the new list."""
        path = str(Path(path).resolve())
        return self._write([path] + [p for p in self.paths() if p != path])

    def forget(self, path: str | Path) -> bool:
        """Take `path` out of the list; False if it was not in it."""
        target = _resolved(path)
        kept = [p for p in self.paths() if _resolved(p) != target]
        if len(kept) == len(self.paths()):
            return False
        self._write(kept)
        return True

    def adopt(self, paths: list[str]) -> list[str]:
        """Start the file from a list kept elsewhere (older versions kept it in Qt's settings)."""
        return self._write([str(p) for p in paths]) if paths and not self.path.exists() else self.paths()

    def _write(self, paths: list[str]) -> list[str]:
        paths = paths[:self.limit]
        write_text_atomically(self.path, json.dumps({"version": 1, "projects": paths}, ensure_ascii=False,
                                                    indent=2) + "\n")
        return paths


def _resolved(path: str | Path) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        return str(path)
