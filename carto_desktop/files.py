"""The one way Carto Desktop writes a file: whole or not at all.

Maps, project files, the autosave, match tables, alias lists and basemap packs all go
through `write_atomically`, so a crash, a full disk or a cancelled export leaves either the
old file or the new one, never half a file, and a half-written file is always named
`.~<stem>-….tmp` beside its target (what `privacy.purge` looks for).
"""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from carto_desktop.errors import ExportError


def write_atomically(path: str | Path, write: Callable[[str], object]) -> Path:
    """Call `write(tmp_path)`, flush it to disk, then move it over `path` in one step."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        sweep_leftovers(target.parent, f".~{target.stem}-")  # a killed export's half-written file
        fd, tmp = tempfile.mkstemp(prefix=f".~{target.stem}-p{os.getpid()}-", suffix=f"{target.suffix}.tmp",
                                   dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise _not_written(target, exc) from exc
    try:
        write(tmp)
        with open(tmp, "rb+") as written:
            os.fsync(written.fileno())
        # mkstemp makes the file private (0600); give it the mode a normal save would
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        raise _not_written(target, exc) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


_WRITER = re.compile(r"-p(\d+)-")
LEFTOVER_AGE = 24 * 3600  # seconds: where a writer cannot be asked whether it still runs (Windows)


def sweep_leftovers(folder: str | Path, prefix: str) -> list[Path]:
    """Remove the temporary files or folders named `prefix…-p<pid>-…` whose writer has died.

    A killed export (the app's Cancel ends its engine process) or a killed read of a zipped
    shapefile leaves its temporary file or folder behind; the next write or read in the same
    place removes it. A writer still running is never touched (on Windows, only leftovers a
    day old are removed)."""
    import shutil
    import time

    gone = []
    try:
        candidates = list(Path(folder).glob(prefix + "*"))
    except OSError:
        return gone
    for p in candidates:
        m = _WRITER.search(p.name[len(prefix) - 1:])
        if not m or _alive(int(m.group(1)), p, time.time()):
            continue
        try:
            if p.is_dir():
                shutil.rmtree(p)
            else:
                p.unlink()
            gone.append(p)
        except OSError:
            pass
    return gone


def _alive(pid: int, path: Path, now: float) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would end the process there
        try:
            return now - path.stat().st_mtime < LEFTOVER_AGE
        except OSError:
            return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process
        return True
    return True


def private_folder(prefix: str = "carto-"):
    """A temporary folder named after this process (`prefix-p<pid>-…`), sweeping those of dead processes first."""
    sweep_leftovers(tempfile.gettempdir(), prefix)
    return tempfile.TemporaryDirectory(prefix=f"{prefix}p{os.getpid()}-")


def write_text_atomically(path: str | Path, text: str) -> Path:
    """`text` as UTF-8 with "\\n" line ends, written atomically."""
    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)

    return write_atomically(path, write)


def _not_written(target: Path, exc: OSError) -> ExportError:
    return ExportError("\"{name}\" could not be written: {reason}.", hint="Choose a folder you can write to, with free space.",
                       file=target, name=target.name, reason=exc.strerror or str(exc))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(frame):
    """A copy of a table for a CSV people open in Excel: a text cell that Excel would run as a formula
    (starting with = + - @, a tab or a carriage return) gets a leading apostrophe, so it shows as the
    text it is ("=HYPERLINK(…)" from a partner's table never becomes a live link). Numbers ("-5") are kept."""
    import pandas as pd

    out = frame.copy()
    for column in out.columns:
        if out[column].dtype != object:
            continue
        values = out[column]
        risky = values.map(lambda v: isinstance(v, str) and v.startswith(_FORMULA_START) and not _is_number(v))
        if risky.any():
            out[column] = values.where(~risky, "'" + values.where(risky, "").astype(str))
    if any(isinstance(c, str) and c.startswith(_FORMULA_START) and not _is_number(c) for c in out.columns):
        out.columns = pd.Index(["'" + c if isinstance(c, str) and c.startswith(_FORMULA_START) and not _is_number(c)
                                else c for c in out.columns])
    return out


def _is_number(text: str) -> bool:
    """A negative number as written ("-5", "-12.5"): Excel reads it as the number it is."""
    if not text.startswith("-"):
        return False
    try:
        float(text)
    except ValueError:
        return False
    return True
