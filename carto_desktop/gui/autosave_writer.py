"""Keeping the person's unsaved work on disk while they edit: the autosave, written off the UI thread.

Edits in a burst make one write (`AUTOSAVE_DELAY_MS` after the last); the file is written by a
background thread so the disk never holds up the window; once the project is saved the
autosave is removed. What is written is `project_file.Autosave`'s business.
"""
from __future__ import annotations

import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from carto_desktop.choices import Project
from carto_desktop.project_file import Autosave, path_fields, project_to_dict

AUTOSAVE_DELAY_MS = 400


class AutosaveWriter(QObject):
    """`soon()` after each edit, `now()` when saving or closing; `written` follows each write or removal."""

    written = Signal()

    def __init__(self, autosave: Autosave | None, state: Callable[[], tuple[Project | None, bool, Path | None]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.autosave = autosave
        # () -> (project, unsaved?, the project file it belongs to): the window's method, held weakly so the
        # window can be deleted (switching language) without waiting for the garbage collector
        self._state = weakref.WeakMethod(state)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.now)
        self._thread = ThreadPoolExecutor(max_workers=1)

    def soon(self) -> None:
        self._timer.start()

    def now(self, wait: bool = False) -> None:
        """Write the project while it is unsaved, else remove the autosave; `wait` for the disk (closing)."""
        self._timer.stop()
        state = self._state()
        if state is None:
            return
        project, unsaved, saved_from = state()
        if self.autosave is None or project is None:
            return
        autosave = self.autosave
        if unsaved:
            data = project_to_dict(project)
            future = self._thread.submit(lambda: autosave.write(data, None, path_fields(), saved_from=saved_from))
        else:
            future = self._thread.submit(autosave.clear)
        future.add_done_callback(self._done)
        if wait:
            future.result()

    def _done(self, _future: Future) -> None:
        try:
            self.written.emit()  # queued to the UI thread
        except RuntimeError:  # the window is already gone
            pass
