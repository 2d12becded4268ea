"""The one way Carto Desktop writes a file: whole or not at all.

Maps, project files, the autosave, match tables, alias lists and basemap packs all go
through `write_atomically`, so a crash, a full disk or a cancelled export leaves either the
old file or the new one, never half a file, and a half-written file is always named
`.~<stem>-….tmp` beside its target (what `privacy.purge` looks for).
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from carto_desktop.errors import ExportError


def write_atomically(path: str | Path, write: Callable[[str], object]) -> Path:
    """Call `write(tmp_path)`, flush it to disk, then move it over `path` in one step."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".~{target.stem}-", suffix=f"{target.suffix}.tmp", dir=target.parent)
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


def write_text_atomically(path: str | Path, text: str) -> Path:
    """`text` as UTF-8 with "\\n" line ends, written atomically."""
    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)

    return write_atomically(path, write)


def _not_written(target: Path, exc: OSError) -> ExportError:
    return ExportError("\"{name}\" could not be written: {reason}.", hint="Choose a folder you can write to, with free space.",
                       file=target, name=target.name, reason=exc.strerror or str(exc))
