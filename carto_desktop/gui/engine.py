"""The window's link to its engine process: send a task, get its result as a Qt signal.

See `engine_tasks` for why the engine runs in a separate process. One process runs
one task at a time, in order; `cancel()` stops the running task by ending the process
and starting a fresh one, which is the only way to interrupt a drawing in progress.
"""
from __future__ import annotations

import itertools
import multiprocessing
import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from carto_desktop.engine_messages import ErrorReport, Task
from carto_desktop.gui import engine_tasks


class _Relay(QObject):
    """Carries messages from the reader thread to the UI thread.

    It has no Qt parent, so it lives as long as the reader thread holds it: when the window
    (and its EngineProcess) is deleted first — switching language rebuilds the window — the
    thread emits into a live object whose receiver is gone, instead of into freed memory.
    """

    received = Signal(object, object)  # (connection, message)


def _read(relay: _Relay, conn) -> None:
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError, TypeError):  # TypeError: the window closed the pipe while it was read
            message = None  # the process ended
        try:
            relay.received.emit(conn, message)
        except RuntimeError:  # Qt deleted the relay at the interpreter's exit: nobody is listening
            return
        if message is None:
            return


class EngineProcess(QObject):
    """A child process running `engine_tasks.serve`; results arrive on the UI thread."""

    finished = Signal(int, object)  # job id, value
    failed = Signal(int, object)  # job id, `ErrorReport`
    cancelled = Signal(int)

    _ids = itertools.count(1)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay()
        self._relay.received.connect(self._dispatch)
        self._conn = None
        self._process = None
        self.pending: list[int] = []
        self._answers: dict[int, tuple[Callable[[Any], None] | None, Callable[[ErrorReport], None] | None]] = {}

    def start(self) -> None:
        """Start the process now (it imports the map stack while the user looks around)."""
        if self._process is not None and self._process.is_alive():
            return
        ctx = multiprocessing.get_context("spawn")
        ours, theirs = ctx.Pipe()
        self._process = ctx.Process(target=engine_tasks.serve, args=(theirs,), daemon=True,
                                    name="carto-desktop-engine")
        self._process.start()
        theirs.close()
        self._conn = ours
        threading.Thread(target=_read, args=(self._relay, ours), daemon=True).start()

    def submit(self, task: Task, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[ErrorReport], None] | None = None) -> int:
        """Queue `task` (an `engine_messages` task record); returns the job id given with its result.

        `on_done(result)` (the task's result record) or `on_error(report)` (an `ErrorReport`) is called
        on the UI thread when it comes back (then `finished`/`failed` are emitted too, for whoever
        follows every job)."""
        if not isinstance(task, Task):
            raise TypeError(f"not an engine task: {task!r}")
        self.start()
        job_id = next(self._ids)
        self.pending.append(job_id)
        self._answers[job_id] = (on_done, on_error)
        self._conn.send((job_id, task))
        return job_id

    @property
    def busy(self) -> bool:
        return bool(self.pending)

    def _dispatch(self, conn, message) -> None:
        if conn is not self._conn:  # from a process that was cancelled or stopped
            return
        if message is None:  # the engine process died (out of memory, a crash in a library)
            jobs, self.pending = self.pending, []
            self._process = self._conn = None
            report = ErrorReport(False, summary="the engine process stopped",
                                 details="The engine process stopped unexpectedly.")
            for job_id in jobs:
                self._answer(job_id, False, report)
            return
        job_id, ok, value = message
        if job_id in self.pending:
            self.pending.remove(job_id)
        self._answer(job_id, ok, value)

    def _answer(self, job_id: int, ok: bool, value: Any) -> None:
        on_done, on_error = self._answers.pop(job_id, (None, None))
        answer = on_done if ok else on_error
        if answer is not None:
            answer(value)
        (self.finished if ok else self.failed).emit(job_id, value)

    def cancel(self) -> None:
        """Stop whatever runs or waits, and get a fresh process ready."""
        jobs, self.pending = self.pending, []
        self.stop()
        self.start()
        for job_id in jobs:
            self._answers.pop(job_id, None)
            self.cancelled.emit(job_id)

    def stop(self) -> None:
        """End the process; its unanswered jobs are forgotten (their callers, a closed window, are gone)."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        for job_id in self.pending:
            self._answers.pop(job_id, None)
        self.pending = []
        if conn is not None:
            try:
                conn.close()
            except OSError:
                pass
        if process is not None and process.is_alive():
            process.terminate()
            process.join(2)
            if process.is_alive():
                process.kill()
                process.join(1)
