"""Saving and opening a `.cartoproj`, autosave with crash recovery, and undo/redo.

A project file is JSON a person can read: the inputs (and a user's own list of places)
by path relative to the project file (plus the absolute path as a fallback) with a sha256 checksum, every other choice
of the `Project` as it is, and the user's match decisions ({key value: area id}).

The app keeps its project as a plain dict (`project_to_dict`) so that it never has to
import the heavy map stack; `project_from_dict` turns it back into a `Project`.
Fields are found with `dataclasses.fields`, so fields added to `Project` later are saved
and opened without changes here. This module imports nothing heavy at load time.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carto_desktop.errors import DataError
from carto_desktop.files import write_text_atomically

if TYPE_CHECKING:
    from carto_desktop.project import Project

FORMAT = "carto-desktop-project"
VERSION = 1
SUFFIX = ".cartoproj"
AUTOSAVE_NAME = "autosave" + SUFFIX


# --- Project <-> plain dict -------------------------------------------------------------

def _kind(annotation: object) -> str:
    """'path', 'date', 'tuple' or 'plain', from a field's annotation (a string under PEP 563)."""
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", str(annotation))
    if "Path" in text:
        return "path"
    if text.startswith("date") or text == "datetime.date":
        return "date"
    if text.lower().startswith("tuple"):
        return "tuple"
    return "plain"


def _tuples(value: Any) -> Any:
    """JSON lists back into the tuples a field holds (nested too)."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def field_kinds() -> dict[str, str]:
    """Project field name -> 'path' | 'date' | 'tuple' | 'plain'."""
    from carto_desktop.project import Project

    return {f.name: _kind(f.type) for f in dataclasses.fields(Project)}


def _plain(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def project_to_dict(project: Project) -> dict[str, Any]:
    """Every field of `project` as JSON-ready values (paths as absolute strings, dates ISO)."""
    return {f.name: _plain(getattr(project, f.name)) for f in dataclasses.fields(project)}


def project_from_dict(data: dict[str, Any]) -> Project:
    """A `Project` from `project_to_dict`'s output; unknown keys are ignored, missing ones take defaults."""
    from carto_desktop.project import Project

    kinds = field_kinds()
    values: dict[str, Any] = {}
    for name, kind in kinds.items():
        if name not in data:
            continue
        value = data[name]
        if value is not None and kind == "path":
            value = Path(value)
        elif value is not None and kind == "date":
            value = date.fromisoformat(value)
        elif kind == "tuple":
            value = _tuples(value)
        values[name] = value
    return Project(**values)


# --- the file --------------------------------------------------------------------------

def file_checksum(path: str | Path) -> str | None:
    """sha256 of a file (or of every file of a folder input, in name order); None if absent."""
    p = Path(path)
    if not p.exists():
        return None
    digest = hashlib.sha256()
    for part in sorted(p.rglob("*")) if p.is_dir() else [p]:
        if part.is_file():
            with part.open("rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()


# Text fields that hold either one of these words or the path of the user's own file (saved as an input,
# relative to the project file): `Project.gazetteer` is "geonames" (`match.gazetteer.BUNDLED`), None or a CSV.
WORD_OR_FILE = {"gazetteer": {"geonames", "none"}}


def names_a_file(name: str, value: Any) -> bool:
    """True when `value` of field `name` is the path of a user's file, not one of the field's words."""
    words = WORD_OR_FILE.get(name)
    return words is not None and isinstance(value, str) and value.strip().lower() not in words | {""}


def _relative(path: Path, base: Path) -> str:
    try:
        return Path(os.path.relpath(path, base)).as_posix()
    except ValueError:  # another drive on Windows: only the absolute path can work
        return str(path)


@dataclass
class OpenedProject:
    """What `read_project` found: the project (as a dict), decisions, and what changed."""

    data: dict[str, Any]
    decisions: dict[str, str] = field(default_factory=dict)
    changed_inputs: list[str] = field(default_factory=list)  # file names whose content differs
    missing_inputs: list[str] = field(default_factory=list)
    saved_from: str | None = None  # for an autosave: the project file it belongs to, if any

    def project(self) -> Project:
        return project_from_dict(self.data)


def project_document(data: dict[str, Any], path: str | Path, decisions: dict[str, str] | None,
                     path_fields: set[str], *, checksums: bool = True,
                     saved_from: str | None = None) -> dict[str, Any]:
    """The JSON document for `data` saved at `path` (the `path_fields` relative to its folder)."""
    base = Path(path).resolve().parent
    inputs: dict[str, Any] = {}
    choices: dict[str, Any] = {}
    for name, value in data.items():
        if (name in path_fields and value) or names_a_file(name, value):
            p = Path(value).resolve()
            entry = {"path": _relative(p, base), "absolute": str(p)}
            if checksums:
                entry["sha256"] = file_checksum(p)
            inputs[name] = entry
        else:
            choices[name] = _plain(value)
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION, "inputs": inputs, "choices": choices,
                           "decisions": dict(decisions or {})}
    if saved_from:
        doc["saved_from"] = str(saved_from)
    return doc


def path_fields() -> set[str]:
    """The Project fields that name input files."""
    return {name for name, kind in field_kinds().items() if kind == "path"}


def save_project(path: str | Path, project: Project, decisions: dict[str, str] | None = None,
                 *, checksums: bool = True, saved_from: str | None = None) -> Path:
    """Write a `.cartoproj` atomically."""
    doc = project_document(project_to_dict(project), path, decisions, path_fields(), checksums=checksums,
                           saved_from=saved_from)
    return write_text_atomically(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def read_project(path: str | Path) -> OpenedProject:
    """Read a `.cartoproj`: inputs found relative to it first, then at their absolute path."""
    p = Path(path)
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError("The project file does not exist.", hint="Check the name and the folder.", file=p) from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DataError("This is not a Carto Desktop project file, or it is damaged.",
                        hint="Open a .cartoproj file saved by Carto Desktop.", file=p) from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise DataError("This is not a Carto Desktop project file, or it is damaged.",
                        hint="Open a .cartoproj file saved by Carto Desktop.", file=p)
    if int(doc.get("version", 0)) > VERSION:
        raise DataError("This project was saved by a newer version of Carto Desktop.",
                        hint="Install the newest version of Carto Desktop to open it.", file=p)
    base = p.resolve().parent
    data: dict[str, Any] = dict(doc.get("choices", {}))
    opened = OpenedProject(data=data, decisions={str(k): str(v) for k, v in doc.get("decisions", {}).items()},
                           saved_from=doc.get("saved_from"))
    for name, entry in doc.get("inputs", {}).items():
        relative = (base / entry.get("path", "")).resolve() if entry.get("path") else None
        absolute = Path(entry["absolute"]) if entry.get("absolute") else None
        found = next((c for c in (relative, absolute) if c is not None and c.exists()), None)
        chosen = found or relative or absolute
        data[name] = str(chosen)
        if found is None:
            opened.missing_inputs.append(Path(str(chosen)).name)
        elif entry.get("sha256") and file_checksum(found) != entry["sha256"]:
            opened.changed_inputs.append(found.name)
    return opened


def open_project(path: str | Path) -> tuple[Project, OpenedProject]:
    """The `Project` saved in `path`, with its decisions and warnings."""
    opened = read_project(path)
    return opened.project(), opened


# --- autosave and crash recovery -------------------------------------------------------

class Autosave:
    """The running session's latest state in `folder` (the caller's app-data folder).

    Written after every edit; removed when the app closes normally. Finding one at start
    therefore means the last session did not end well, and it is offered back.
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / AUTOSAVE_NAME

    def write(self, data: dict[str, Any], decisions: dict[str, str] | None, path_fields: set[str],
              saved_from: str | Path | None = None) -> Path:
        """Save the app's dict form (`project_to_dict`); `path_fields` from `path_fields()`."""
        doc = project_document(data, self.path, decisions, path_fields, checksums=False,
                               saved_from=str(saved_from) if saved_from else None)
        return write_text_atomically(self.path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")

    def recover(self) -> OpenedProject | None:
        """The unfinished session left by a crash, or None."""
        if not self.path.exists():
            return None
        try:
            return read_project(self.path)
        except DataError:
            return None

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)


# --- undo / redo -----------------------------------------------------------------------

class History:
    """Undo/redo over snapshots of the user's state (any value; the app uses dicts)."""

    def __init__(self, limit: int = 200) -> None:
        self.limit = limit
        self._undo: list[Any] = []
        self._redo: list[Any] = []

    def push(self, before: Any) -> None:
        """Record the state as it was before an edit."""
        self._undo.append(before)
        del self._undo[:-self.limit]
        self._redo.clear()

    def undo(self, current: Any) -> Any | None:
        if not self._undo:
            return None
        self._redo.append(current)
        return self._undo.pop()

    def redo(self, current: Any) -> Any | None:
        if not self._redo:
            return None
        self._undo.append(current)
        return self._redo.pop()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()
