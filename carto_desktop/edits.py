"""What each of the user's edits means: one record per kind of edit, and `apply_edit`.

Every change a person makes in the app is one of these records; `apply_edit(project, edit)`
returns the new `Project` with all of the edit's consequences (a new table forgets the old
table's columns, a column marked "ignore" is no longer the value column, the aggregation and
its value column follow each other, a column marked personal is kept out). The app's pages
only show a `Project` and emit edits; the window applies them (one undo step each) and the
tests check each rule here, without Qt. Edits never change a `Project` in place: undo and
autosave keep snapshots.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from carto_desktop.builtin_boundaries.catalogue import is_builtin
from carto_desktop.choices import IGNORE, NOT_A_PLACE, Project
from carto_desktop.project_file import field_kinds
from carto_desktop.value_columns import default_value_column

# the fields a table's columns fill: a new table or sheet forgets them
TABLE_COLUMNS = ("key_column", "parent_column", "value_column", "category_column", "lat_column", "lon_column")


class Edit:
    """One user edit: `apply(project)` returns the project as the edit leaves it."""

    def apply(self, project: Project) -> Project:
        raise NotImplementedError


def apply_edit(project: Project, edit: Edit) -> Project:
    """The project after `edit`, with every consequence of it; `project` itself is left as it was."""
    return edit.apply(project)


def changed_fields(before: Project | None, after: Project) -> set[str]:
    """The names of the fields whose values differ (all of them when there was no project)."""
    names = {f.name for f in fields(Project)}
    if before is None:
        return names
    return {n for n in names if getattr(before, n) != getattr(after, n)}


def kept_out(detected: Iterable[str], overrides: Mapping[str, bool], columns: Iterable[str]) -> tuple[str, ...]:
    """The columns kept out as personal: the detected ones the user did not untick, plus those the user ticked.

    This is what `Project.excluded_columns` holds, in table order.
    """
    found = set(detected)
    return tuple(c for c in columns if overrides.get(c) is True or (c in found and overrides.get(c) is not False))


# --- choices with no consequence --------------------------------------------------------------

# fields whose edits carry consequences: each has its own edit below
RULED = frozenset({"table", "sheet", "boundaries", "layer", "key_column", "roles", "personal_columns",
                   "excluded_columns", "agg", "value_column", "decisions", "created"})


@dataclass(frozen=True, init=False)
class Choose(Edit):
    """Choices that change nothing else: texts, template, palette, page, map language, logo…

    `Choose(palette="Blues")`, `Choose({"title": "…", "subtitle": None})`. A field with rules of
    its own (table, roles, aggregation…) is refused: its edit says what else changes.
    """

    values: Mapping[str, Any] = field(default_factory=dict)

    def __init__(self, values: Mapping[str, Any] | None = None, **more: Any) -> None:
        chosen = {**(values or {}), **more}
        known = field_kinds()
        for name in chosen:
            if name not in known:
                raise ValueError(f"Project has no field {name!r}")
            if name in RULED:
                raise ValueError(f"{name!r} changes other choices: use its own edit")
        object.__setattr__(self, "values", chosen)

    def apply(self, project: Project) -> Project:
        kinds = field_kinds()
        values = {}
        for name, value in self.values.items():
            if kinds[name] == "path" and value is not None:
                value = Path(value)
            elif kinds[name] == "tuple" and value is not None:
                value = tuple(value)
            values[name] = value
        return replace(project, **values)


# --- inputs ---------------------------------------------------------------------------------------

def _new_table(project: Project, **values: Any) -> Project:
    """The project on a new table or sheet: choices that named the old table's columns or values are forgotten."""
    return replace(project, **values, **{c: None for c in TABLE_COLUMNS}, agg="count", legend_heading=None,
                   decisions={}, roles={}, personal_columns={}, excluded_columns=())


@dataclass(frozen=True)
class ChooseTable(Edit):
    """Another table: its first sheet, and nothing chosen about its columns yet."""

    path: Path

    def apply(self, project: Project) -> Project:
        # built-in boundaries were found for the old table: the new one's are found again (`builtin_fit`)
        boundaries = None if is_builtin(project.boundaries) else project.boundaries
        return _new_table(project, table=Path(self.path), sheet=None, boundaries=boundaries)


@dataclass(frozen=True)
class ChooseSheet(Edit):
    """Another sheet of the same workbook is another table."""

    sheet: str | None

    def apply(self, project: Project) -> Project:
        boundaries = None if is_builtin(project.boundaries) else project.boundaries
        return _new_table(project, sheet=self.sheet, boundaries=boundaries)


@dataclass(frozen=True)
class ChooseBoundaries(Edit):
    """Other boundaries: the user's file (its first layer), a built-in set ("builtin:NER/2"), or None
    (the built-in set recognised from the table); the areas chosen for names belonged to the old ones."""

    path: Path | str | None

    def apply(self, project: Project) -> Project:
        spec = self.path
        boundaries = spec if spec is None or (isinstance(spec, str) and is_builtin(spec)) else Path(spec)
        return replace(project, boundaries=boundaries, layer=None, decisions={})


@dataclass(frozen=True)
class ChooseLayer(Edit):
    """Another layer of the boundary file (GeoPackage, KML folder); answers naming unknown areas are ignored."""

    layer: str | None

    def apply(self, project: Project) -> Project:
        return replace(project, layer=self.layer)


# --- columns --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ChooseKeyColumn(Edit):
    """The column whose values name the areas (None: found automatically); answers were about the old one's values."""

    column: str | None

    def apply(self, project: Project) -> Project:
        if self.column == project.key_column:
            return project
        return replace(project, key_column=self.column, decisions={})


@dataclass(frozen=True)
class ChooseRole(Edit):
    """The user says what `column` holds (`role`: "admin name:2", "latitude", "ignore"…).

    `detected` is the role the detection gave the column: choosing it again forgets the user's
    word. Marking a latitude (longitude) column makes it the one latitude (longitude) column;
    a column that is no place is no longer the key or parent; an ignored column is no longer
    the value or category column (the value falls back to counting rows).
    """

    column: str
    role: str
    detected: str | None = None

    def apply(self, project: Project) -> Project:
        column, spec = self.column, self.role
        roles = dict(project.roles)
        if spec == self.detected:
            roles.pop(column, None)
        else:
            roles[column] = spec
        role = spec.partition(":")[0]
        if role in ("latitude", "longitude"):  # one column of each: another one marked so goes back to its guess
            roles = {c: r for c, r in roles.items() if c == column or r != role}
        change: dict[str, Any] = {"roles": roles}
        for key, wanted in (("lat_column", "latitude"), ("lon_column", "longitude")):
            if role == wanted:
                change[key] = column
            elif getattr(project, key) == column:
                change[key] = None
        if role in NOT_A_PLACE:
            for key in ("key_column", "parent_column"):
                if getattr(project, key) == column:
                    change[key] = None
        if role == IGNORE:
            if project.category_column == column:
                change["category_column"] = None
            if project.value_column == column:
                change.update(value_column=None, agg="count", legend_heading=None)
        return replace(project, **change)


@dataclass(frozen=True)
class MarkPersonal(Edit):
    """The user's word on whether `column` holds personal data; kept-out columns follow it.

    `detected` are the columns the detection flags and `columns` the table's, in order. The
    detection's own answer is not remembered, so a later, better detection still applies.
    """

    column: str
    personal: bool
    detected: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()

    def apply(self, project: Project) -> Project:
        overrides = dict(project.personal_columns)
        if self.personal == (self.column in self.detected):
            overrides.pop(self.column, None)
        else:
            overrides[self.column] = self.personal
        return replace(project, personal_columns=overrides,
                       excluded_columns=kept_out(self.detected, overrides, self.columns))


@dataclass(frozen=True)
class FollowPersonalDetection(Edit):
    """The table was read and its personal columns detected: keep out those the user did not untick.

    Not the user's own edit (the app records no undo step for it), but a rule all the same.
    """

    detected: tuple[str, ...]
    columns: tuple[str, ...]

    def apply(self, project: Project) -> Project:
        kept = kept_out(self.detected, project.personal_columns, self.columns)
        return project if kept == tuple(project.excluded_columns) else replace(project, excluded_columns=kept)


# --- what the map shows ---------------------------------------------------------------------------

ADDS_UP = frozenset({"sum", "mean"})  # the ways of combining rows that need a column of numbers


@dataclass(frozen=True)
class ChooseAggregation(Edit):
    """How rows make an area's value. Counting rows needs no column; the others need one when none is chosen.

    A sum or an average takes the best column of numbers (`value_columns.default_value_column`: `numbers` are
    the columns the table's detection calls numbers, in table order; the person's roles and kept-out columns
    apply), never a P-code, an ID, a coordinate or a date written as digits; with no such column the edit
    changes nothing (`refused`: the Style step says why) rather than adding up a code. Counting different
    values takes `first_column`. The automatic legend heading follows the indicator."""

    agg: str
    first_column: str | None = None
    numbers: tuple[str, ...] = ()
    columns: tuple[str, ...] | None = None  # the table's columns in order (columns the person calls numbers)

    def value_column(self, project: Project) -> str | None:
        """The column the map will use after this edit (None: rows are counted, or none fits)."""
        if self.agg == "count":
            return None
        if project.value_column:
            return project.value_column
        if self.agg in ADDS_UP:
            return default_value_column(self.numbers, project.roles, project.excluded_columns, self.columns)
        return self.first_column

    def refused(self, project: Project) -> bool:
        """Whether the edit cannot be made: a sum or an average with no column chosen and none of numbers."""
        return self.agg in ADDS_UP and self.value_column(project) is None

    def apply(self, project: Project) -> Project:
        if self.refused(project):
            return project
        change: dict[str, Any] = {"agg": self.agg, "legend_heading": None}
        column = self.value_column(project)
        if self.agg == "count" or column:
            change["value_column"] = column
        return replace(project, **change)


@dataclass(frozen=True)
class ChooseValueColumn(Edit):
    """The column the value is made from (None: rows are counted). A column chosen while rows are
    counted is counted by its distinct values."""

    column: str | None

    def apply(self, project: Project) -> Project:
        change: dict[str, Any] = {"value_column": self.column, "legend_heading": None}
        if self.column is None:
            change["agg"] = "count"
        elif project.agg == "count":
            change["agg"] = "distinct"
        return replace(project, **change)


# --- the Match step -------------------------------------------------------------------------------

@dataclass(frozen=True)
class DecideArea(Edit):
    """The user puts the rows whose key is `value` in `area_id` (None: takes the answer back)."""

    value: str
    area_id: str | None

    def apply(self, project: Project) -> Project:
        decisions = dict(project.decisions)
        if self.area_id:
            decisions[self.value] = self.area_id
        else:
            decisions.pop(self.value, None)
        return replace(project, decisions=decisions)


@dataclass(frozen=True)
class ForgetDecisions(Edit):
    """Every answer of the Match step taken back."""

    def apply(self, project: Project) -> Project:
        return replace(project, decisions={})
