"""Running a reader that a damaged file can make ask for absurd memory, in a guarded child process.

python-calamine (Rust) aborts the whole program when an allocation fails: a damaged .xls
asked for 4 GB, a cell reference "ZZZZZZ1" for 18 TB. Reading in a forked child with an
address-space limit (`limits.MAX_WORKBOOK_MEMORY` above what the process already holds)
turns that into a plain `DataError`. Where there is no fork (Windows) the reader runs in
the process itself, after the checks that can be made before reading.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from carto_desktop.errors import CartoError, DataError
from carto_desktop.limits import MAX_WORKBOOK_MEMORY

T = TypeVar("T")


def can_guard() -> bool:
    return hasattr(os, "fork")


def guarded(read: Callable[[], T], file: Path, sheet: str | None = None) -> T:
    """`read()` in a forked child limited in memory; its result (or its `CartoError`) back by pickle.

    A child that dies, or raises anything else, is a workbook too damaged to read."""
    import resource
    import signal

    with tempfile.TemporaryFile() as out:
        pid = os.fork()
        if pid == 0:  # the child: limit, read, write, never return
            code = 0
            try:
                limit = _address_space() + MAX_WORKBOOK_MEMORY
                resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                quiet = os.open(os.devnull, os.O_WRONLY)  # a Rust panic's backtrace is not the user's message
                os.dup2(quiet, 2)
                try:
                    result = ("ok", read())
                except CartoError as exc:
                    result = ("carto", exc)
                except BaseException as exc:  # noqa: BLE001 - a damaged file, told plainly by the parent
                    result = ("failed", type(exc).__name__)
                pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
                out.flush()
            except BaseException:  # noqa: BLE001
                code = 3
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        state, value = "died", None
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
            out.seek(0)
            try:
                state, value = pickle.load(out)
            except Exception:  # noqa: BLE001 - a child stopped while writing
                state = "died"
    if state == "ok":
        return value
    if state == "carto":
        raise value
    if state == "died" or value == "MemoryError":
        raise DataError("The workbook could not be read: it asks for more memory than any table needs, so it is probably damaged.",
                        hint="Open it in Excel or LibreOffice and save it again as .xlsx.", file=file, sheet=sheet)
    raise DataError(
        "The file could not be read as a spreadsheet: it may be damaged, password-protected or not really an Excel file.",
        hint="Open it in Excel or LibreOffice, remove any password, and save it again as .xlsx.", file=file, sheet=sheet)


def _address_space() -> int:
    """The process's current address space (Linux); elsewhere a large figure, so only the absurd is stopped."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 8 * 1024 ** 3
