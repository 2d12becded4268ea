"""Saving and opening a `.cartoproj`, autosave with crash recovery, and undo/redo.

A project file is JSON a person can read: the inputs (and a user's own list of places)
by path relative to the project file (the absolute path only when there is none: another drive; read as a
fallback in older files) with a sha256 checksum, every other choice
of the `Project` as it is (built-in boundaries as `builtin:NER/2`, which reopen anywhere), and the user's match
decisions ({key value: area id}).

`project_to_dict`/`project_from_dict` turn a `Project` (`choices.py`, light) into JSON-ready
values and back. Fields are found with `dataclasses.fields`, so fields added to `Project` later are saved
and opened without changes here. This module imports nothing heavy at load time.
"""
from __future__ import annotations

from collections.abc import Iterable

import dataclasses
import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from carto_desktop.builtin_boundaries.catalogue import is_builtin
from carto_desktop.choices import Project
from carto_desktop.errors import DataError
from carto_desktop.files import write_text_atomically

FORMAT = "carto-desktop-project"
VERSION = 2  # 2: the match decisions live once, in "choices" (version 1 also kept a copy beside them)
SUFFIX = ".cartoproj"
AUTOSAVE_NAME = "autosave" + SUFFIX

# Limits on what a project file may hold, each with the sentence the user gets (French in messages/project_file.py).
MAX_PROJECT_BYTES = 20 * 1024 * 1024
"""A bigger project file (20 MB): "This project file is too large to be a Carto Desktop project (more than {mb} MB): it is damaged."
Hint: "Open a .cartoproj file saved by Carto Desktop."
"""
MAX_TEXT_CHARS = 10_000
"""A longer text (title, subtitle, source, a column name…): "A text in this project file is too long (more than {limit} characters): it is damaged."
"""
MAX_HASHED_BYTES = 2 * 1024 ** 3
"""Inputs larger than this (2 GB) are not checksummed (no "has changed since the project was saved" for them),
so opening a project never spends minutes hashing; no message: tables and boundary files are far smaller."""
MAX_NESTING = 20
"""Deeper nesting than any project holds: "This is not a Carto Desktop project file, or it is damaged."."""


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
    """A `Project` from `project_to_dict`'s output; unknown keys are ignored, missing ones take defaults.

    A value of another shape than the field holds is a damaged project (`DataError`), never a crash.
    """
    kinds = field_kinds()
    annotations = {f.name: f.type if isinstance(f.type, str) else str(f.type) for f in dataclasses.fields(Project)}
    values: dict[str, Any] = {}
    for name, kind in kinds.items():
        if name not in data:
            continue
        value = data[name]
        if not _fits(annotations[name], value):  # created as a number, min_count as text, roles as a list…
            raise _too_long(None, name) if isinstance(value, str) and len(value) > MAX_TEXT_CHARS else _damaged(None)
        if value is not None and kind == "path" and not is_builtin(value):
            value = Path(value)
        elif value is not None and kind == "date":
            value = date.fromisoformat(value)
        elif kind == "tuple":
            value = _tuples(value)
        values[name] = value
    if "table" not in values or "boundaries" not in values:
        raise _damaged(None)
    return Project(**values)


# --- the file --------------------------------------------------------------------------

def file_checksum(path: str | Path) -> str | None:
    """sha256 of a regular file; None if absent, not a regular file (a folder, a device: never hashed) or
    larger than `MAX_HASHED_BYTES`."""
    p = Path(path)
    try:
        if not p.is_file() or p.stat().st_size > MAX_HASHED_BYTES:
            return None
    except OSError:
        return None
    digest = hashlib.sha256()
    try:
        with p.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
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
    outside_inputs: list[str] = field(default_factory=list)  # inputs found outside the project's folder (full paths)

    def project(self) -> Project:
        return project_from_dict(self.data)


def project_document(data: dict[str, Any], path: str | Path, decisions: dict[str, str] | None,
                     path_fields: set[str], *, checksums: bool = True,
                     saved_from: str | None = None) -> dict[str, Any]:
    """The JSON document for `data` saved at `path` (the `path_fields` relative to its folder).

    `decisions` given apart (older callers) join the project's own: the file keeps them once, in "choices".
    """
    if decisions:
        data = {**data, "decisions": {**dict(data.get("decisions") or {}), **decisions}}
    base = Path(path).resolve().parent
    inputs: dict[str, Any] = {}
    choices: dict[str, Any] = {}
    for name, value in data.items():
        if (name in path_fields and value and not is_builtin(value)) or names_a_file(name, value):
            p = Path(value).resolve()
            relative = _relative(p, base)
            # the absolute path (with the user's name in it) only where no relative path exists (another drive)
            entry = {"path": relative} if not Path(relative).is_absolute() else {"path": relative, "absolute": str(p)}
            if checksums:
                entry["sha256"] = file_checksum(p)
            inputs[name] = entry
        else:
            choices[name] = _plain(value)
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION, "inputs": inputs, "choices": choices}
    if saved_from:
        doc["saved_from"] = _relative(Path(saved_from).resolve(), base)
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


def _damaged(p: Path | None) -> DataError:
    return DataError("This is not a Carto Desktop project file, or it is damaged.",
                     hint="Open a .cartoproj file saved by Carto Desktop.", file=p)


def _too_long(p: Path | None, name: str) -> DataError:
    return DataError("A text in this project file is too long (more than {limit} characters): it is damaged.",
                     hint="Open a .cartoproj file saved by Carto Desktop.", file=p, column=name,
                     limit=MAX_TEXT_CHARS)


def _no_constant(name: str) -> Any:
    raise ValueError(name)  # NaN, Infinity: never written by Carto Desktop


def _fits(annotation: str, value: Any, depth: int = 0) -> bool:
    """Whether a JSON value can be what a `Project` field of this annotation holds (as `project_to_dict` writes it)."""
    text = annotation.replace(" ", "")
    options = _split_union(text)
    if len(options) > 1:
        return any(_fits(o, value, depth) for o in options)
    if text == "None":
        return value is None
    if text == "str":
        return isinstance(value, str) and len(value) <= MAX_TEXT_CHARS
    if text == "bool":
        return isinstance(value, bool)
    if text == "int":
        whole = isinstance(value, int) or (isinstance(value, float) and value.is_integer())
        return whole and not isinstance(value, bool) and abs(value) < 2 ** 31
    if text == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) < 1e12
    if text == "Path" and value is None:  # a project being made: no file chosen yet
        return True
    if text in ("Path", "date"):
        return isinstance(value, str) and 0 < len(value) <= MAX_TEXT_CHARS and (text == "Path" or _is_date(value))
    if text.startswith("tuple[") or text.startswith("list["):
        inner = text[text.index("[") + 1:-1].split(",")[0]
        return isinstance(value, (list, tuple)) and all(_fits(inner, v, depth + 1) for v in value)
    if text.startswith("dict["):
        key, _, inner = text[5:-1].partition(",")
        return isinstance(value, dict) and all(_fits(key, k, depth + 1) and _fits(inner, v, depth + 1)
                                               for k, v in value.items())
    return True  # a type this check does not know: left to the field's own use


def _split_union(text: str) -> list[str]:
    parts, level, start = [], 0, 0
    for i, ch in enumerate(text):
        level += ch == "["
        level -= ch == "]"
        if ch == "|" and level == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _depth(value: Any, limit: int) -> bool:
    """True when `value` nests no deeper than `limit` (checked without recursion)."""
    todo = [(value, 0)]
    while todo:
        v, d = todo.pop()
        if d > limit:
            return False
        if isinstance(v, dict):
            todo.extend((x, d + 1) for x in v.values())
        elif isinstance(v, list):
            todo.extend((x, d + 1) for x in v)
    return True


def _checked_document(p: Path) -> dict[str, Any]:
    """The project file's JSON, refused as damaged unless every part has the shape Carto Desktop writes."""
    try:
        if p.stat().st_size > MAX_PROJECT_BYTES:
            raise DataError("This project file is too large to be a Carto Desktop project (more than {mb} MB): it is damaged.",
                            hint="Open a .cartoproj file saved by Carto Desktop.", file=p,
                            mb=MAX_PROJECT_BYTES // (1024 * 1024))
        doc = json.loads(p.read_text(encoding="utf-8"), parse_constant=_no_constant)
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise DataError("The project file does not exist.", hint="Check the name and the folder.", file=p) from exc
    except IsADirectoryError as exc:
        raise DataError("This is a folder, not a file.", hint="Open a .cartoproj file saved by Carto Desktop.",
                        file=p) from exc
    except (ValueError, UnicodeDecodeError, RecursionError, OSError) as exc:  # JSONDecodeError is a ValueError
        raise _damaged(p) from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not _depth(doc, MAX_NESTING):
        raise _damaged(p)
    version = doc.get("version", 0)
    if not isinstance(version, int) or isinstance(version, bool):
        raise _damaged(p)
    if version > VERSION:
        raise DataError("This project was saved by a newer version of Carto Desktop.",
                        hint="Install the newest version of Carto Desktop to open it.", file=p)
    for part in ("inputs", "choices", "decisions"):
        if not isinstance(doc.get(part, {}), dict):
            raise _damaged(p)
    if not isinstance(doc.get("saved_from"), (str, type(None))):
        raise _damaged(p)
    for entry in doc.get("inputs", {}).values():
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), (str, type(None)))
                                                  for k in ("path", "absolute", "sha256")):
            raise _damaged(p)
    if not all(isinstance(v, (str, type(None))) and len(k) <= MAX_TEXT_CHARS and len(v or "") <= MAX_TEXT_CHARS
               for k, v in doc.get("decisions", {}).items()):
        raise _damaged(p)
    for name, value in doc.get("choices", {}).items():
        if isinstance(value, str) and len(value) > MAX_TEXT_CHARS:
            raise _too_long(p, name)
    return migrated(doc)


def _decisions_once(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 1 → 2: the decisions kept beside the choices become the choices' own (when these had none)."""
    beside = doc.pop("decisions", None) or {}
    choices = doc.setdefault("choices", {})
    if beside and not choices.get("decisions"):
        choices["decisions"] = beside
    return doc


# what turns a file of version N into version N + 1, as templates have (carto/templates.py)
MIGRATIONS = {1: _decisions_once}


def migrated(doc: dict[str, Any]) -> dict[str, Any]:
    """A project document brought up to `VERSION`, one step at a time (a file without version is 1)."""
    doc = dict(doc)
    version = max(int(doc.get("version") or 1), 1)
    while version < VERSION:
        doc = MIGRATIONS[version](doc)
        version += 1
    doc["version"] = version
    return doc


def _shipped(path: Path) -> bool:
    """A file of the data shipped with Carto Desktop (the sample, built-in boundaries)."""
    from carto_desktop.paths import APP_DATA_DIRS, app_root

    root = app_root().resolve()
    return any(_inside(path, root / name) for name in APP_DATA_DIRS)


def _inside(path: Path, folder: Path) -> bool:
    return path.is_relative_to(folder)


def inputs_to_confirm(outside: list[str], known: Iterable[str | Path | None], *, project: str | Path | None = None,
                      familiar_projects: Iterable[str | Path] = ()) -> list[str]:
    """The inputs outside a project's folder that the person must see before they are read.

    A file the person is already working with (the open project's table or boundaries, or one
    they chose earlier in the session) needs no question: the question is there for a project
    file from elsewhere that names files the person never chose. A project the person saved or
    opened before (one of the recent projects) is theirs: it asks nothing either.
    """
    def key(path: str | Path) -> str:
        try:
            return os.path.normcase(str(Path(path).resolve()))
        except (OSError, ValueError, RuntimeError):
            return os.path.normcase(str(path))

    if project is not None and key(project) in {key(p) for p in familiar_projects}:
        return []
    familiar = {key(k) for k in known if k}
    return [path for path in outside if key(path) not in familiar]


def read_project(path: str | Path, *, checksums: bool = True) -> OpenedProject:
    """Read a `.cartoproj`: inputs found relative to it first, then at their absolute path.

    Any part of another shape than Carto Desktop writes (a version as text, choices as a list,
    a title of 50 million characters…) is a damaged file (`DataError`), never a crash. An input
    must be a regular file (a folder or a device is "missing"); inputs outside the project's
    folder are listed in `outside_inputs` for the app to show before opening them. `checksums`
    False skips hashing the inputs (the autosave, read in the app's UI thread).
    """
    p = Path(path)
    doc = _checked_document(p)
    base = p.resolve().parent
    data: dict[str, Any] = dict(doc.get("choices", {}))
    saved_from = doc.get("saved_from")
    try:
        saved_from = str((base / saved_from).resolve()) if saved_from else None
    except (OSError, ValueError, RuntimeError) as exc:
        raise _damaged(p) from exc
    decisions = data.get("decisions")
    opened = OpenedProject(data=data, decisions={str(k): str(v) for k, v in (decisions or {}).items()}
                           if isinstance(decisions, dict) else {}, saved_from=saved_from)
    for name, entry in doc.get("inputs", {}).items():
        try:
            relative = (base / entry.get("path", "")).resolve() if entry.get("path") else None
            absolute = Path(entry["absolute"]).resolve() if entry.get("absolute") else None
            found = next((c for c in (relative, absolute) if c is not None and c.is_file()), None)
        except (OSError, ValueError, RuntimeError) as exc:  # a NUL byte, a symlink loop
            raise _damaged(p) from exc
        chosen = found or relative or absolute
        if chosen is None:
            continue
        data[name] = str(chosen)
        if found is None:
            opened.missing_inputs.append(Path(str(chosen)).name)
            continue
        if not _inside(found, base) and not _shipped(found):  # the app's own sample data needs no question
            opened.outside_inputs.append(str(found))
        current = file_checksum(found) if checksums and entry.get("sha256") else None
        if current is not None and current != entry["sha256"]:
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
            return read_project(self.path, checksums=False)
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
