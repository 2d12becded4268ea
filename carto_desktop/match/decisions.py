"""Decisions memory: what a person chose for a value ("Baroueli" → ML0401), applied next time.

A `Decisions` object is plain data: it serialises to a dict (for the project file) and to a
JSON alias list shared by every project that uses the same boundary set. Where the alias list
lives is the caller's choice (`load_aliases(path, ...)`); nothing here keeps global state.
Values are remembered in their compared form (`name_key`), so "BAROUELI" reuses the decision
made for "Baroueli"; a decision can be tied to a parent ("Gao" under one region only).
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from carto_desktop.errors import DataError
from carto_desktop.files import write_atomically
from carto_desktop.names import name_key, normalise_pcode

FORMAT_VERSION = 1


def boundary_set_id(area_ids: Iterable[object]) -> str:
    """A short fingerprint of a boundary set (its sorted area ids), so aliases follow the layer,
    not the file name."""
    digest = hashlib.sha256("\n".join(sorted(str(i) for i in area_ids)).encode("utf-8")).hexdigest()
    return digest[:16]


def _entry_key(value: object, parent: object | None) -> tuple[str, str]:
    return name_key(value) or normalise_pcode(value), name_key(parent) if parent not in (None, "") else ""


@dataclass
class Decisions:
    """Manual choices: (value, parent) → area id. `None` as area means "not in this layer"."""

    choices: dict[tuple[str, str], str | None] = field(default_factory=dict)
    labels: dict[tuple[str, str], str] = field(default_factory=dict)  # the value as the person saw it

    def add(self, value: object, area_id: str | None, parent: object | None = None) -> None:
        """Remember that `value` (under `parent`, if given) is area `area_id`."""
        key = _entry_key(value, parent)
        self.choices[key] = None if area_id is None else str(area_id)
        self.labels[key] = str(value)

    def remove(self, value: object, parent: object | None = None) -> None:
        key = _entry_key(value, parent)
        self.choices.pop(key, None)
        self.labels.pop(key, None)

    def lookup(self, value: object, parent: object | None = None) -> tuple[bool, str | None]:
        """(found, area id): a decision for this value under this parent, else for any parent."""
        key = _entry_key(value, parent)
        if key in self.choices:
            return True, self.choices[key]
        anywhere = (key[0], "")
        if anywhere in self.choices:
            return True, self.choices[anywhere]
        return False, None

    def __len__(self) -> int:
        return len(self.choices)

    def merged(self, other: Decisions) -> Decisions:
        """These decisions, with `other`'s taking precedence (the project over the alias list)."""
        return Decisions({**self.choices, **other.choices}, {**self.labels, **other.labels})

    def to_dict(self) -> dict:
        """Plain data for JSON: a list of {value, parent, area} entries."""
        return {
            "version": FORMAT_VERSION,
            "decisions": [
                {"value": self.labels.get(k, k[0]), "parent": k[1] or None, "area": area}
                for k, area in sorted(self.choices.items())
            ],
        }

    def as_mapping(self) -> dict[str, str]:
        """{value: area id} for decisions without a parent (the project file's simple form)."""
        return {self.labels.get(k, k[0]): area for k, area in self.choices.items() if not k[1] and area is not None}

    @classmethod
    def from_mapping(cls, mapping: dict[str, str]) -> Decisions:
        """From the project file's {value: area id}."""
        out = cls()
        for value, area in mapping.items():
            out.add(value, area)
        return out

    @classmethod
    def from_dict(cls, data: dict) -> Decisions:
        out = cls()
        for entry in data.get("decisions", []):
            out.add(entry["value"], entry.get("area"), entry.get("parent"))
        return out


def load_aliases(path: str | Path, boundary_set: str) -> Decisions:
    """The alias list kept for one boundary set in the JSON file at `path` (empty if none yet)."""
    path = Path(path)
    if not path.exists():
        return Decisions()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Decisions.from_dict(data.get("boundary_sets", {}).get(boundary_set, {}))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataError(
            "The alias list could not be read: {reason}.",
            hint="Delete or repair the file; it is rebuilt from your next decisions.",
            file=path,
            reason=str(exc),
        ) from exc


def save_aliases(path: str | Path, boundary_set: str, decisions: Decisions) -> Path:
    """Write `decisions` as the alias list of `boundary_set`, keeping the other sets in the file."""
    path = Path(path)
    data: dict = {"version": FORMAT_VERSION, "boundary_sets": {}}
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            data.setdefault("boundary_sets", {})
        except ValueError:
            pass  # a broken file is replaced by the current decisions
    data["boundary_sets"][boundary_set] = decisions.to_dict()
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return write_atomically(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
