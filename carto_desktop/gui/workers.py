"""Running engine calls off the UI thread, one QRunnable per job."""
from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal


class JobSignals(QObject):
    """Delivered on the UI thread (queued): the result, or the exception and its traceback."""

    finished = Signal(object)
    failed = Signal(object, str)


class Job(QRunnable):
    """Call `fn()` in the thread pool and report through `signals`."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = JobSignals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported to the user by the window, never lost
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.finished.emit(result)
