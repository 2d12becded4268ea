"""The user's choices: the `Project` record the app edits, the CLI builds and the project file keeps.

Light on purpose (no pandas, no matplotlib): the app's window holds a `Project` without loading
the map stack, which only the engine process imports. What an edit of a `Project` means is
`edits.py`; how a `Project` becomes a map is `project.py`.

The vocabulary of column roles lives here too, the one list the Data step offers, `Project.roles`
stores and `intake.roles.detect_roles` reads.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

# what a column holds, as `detect_roles` finds it ("admin name" and "P-code" carry a level: "admin name:2")
ROLES: tuple[str, ...] = ("admin name", "P-code", "latitude", "longitude", "geopoint", "number", "date",
                          "identifier", "multiple choice", "form metadata", "text", "empty")
PLACE_ROLES = ("P-code", "admin name")
IGNORE = "ignore"  # a role only the user gives (Data step): the column is left out of the map
LEVELS = (1, 2, 3, 4)
# the roles a person can give a column, in the order the chooser lists them ("role:level" for places)
ROLE_CHOICES: tuple[str, ...] = tuple(
    [f"admin name:{n}" for n in LEVELS] + [f"P-code:{n}" for n in LEVELS]
    + ["latitude", "longitude", "geopoint", "number", "date", "identifier", "multiple choice", "form metadata", "text",
       IGNORE])
# roles that say a column names no area: it cannot be the key or parent column
NOT_A_PLACE = frozenset({"latitude", "longitude", "geopoint", "number", "date", "multiple choice", "form metadata",
                         IGNORE})


def role_spec(role: str, level: int | None) -> str:
    """A role as `Project.roles` stores it: "admin name:2", "P-code:1", "number"."""
    return f"{role}:{level}" if role in PLACE_ROLES and level is not None else role


@dataclass
class Project:
    """Everything needed to make the map again: inputs, choices and texts."""

    table: Path
    # the user's boundary file; or a built-in set: "builtin:NER/2", "builtin:NER" (the level recognised from
    # the table); None = the built-in set recognised from the table (`builtin_boundaries`)
    boundaries: Path | str | None = None
    sheet: str | None = None
    layer: str | None = None  # layer of a multi-layer boundary file (GeoPackage, KML folder…); None = the first
    key_column: str | None = None
    parent_column: str | None = None  # the table's parent-area column (region of a cercle), if any
    value_column: str | None = None
    agg: str = "count"  # count, distinct, sum, mean, max; "auto" (CLI): see `project._aggregation`
    category_column: str | None = None  # sectors (3W) and point colours
    lat_column: str | None = None  # point sites
    lon_column: str | None = None
    template: str = "choropleth"
    scheme: str | None = None  # classification; None = the template's
    classes: int | None = None
    palette: str | None = None
    projection: str | None = None  # e.g. "EPSG:32630"; None = equal-area centred on the data
    basemap: Path | None = None  # an offline tile pack (.png + .json); None = light country outlines
    logo: Path | None = None  # the organisation's PNG logo, top right; None = the template's (if any)
    page: str | None = None  # "A3 portrait", "square_1080"… (templates.PAGE_PRESETS); None = the template's
    min_count: int = 5  # counts of people/records below this are never shown exactly (0 = off)
    raw_points: bool = False  # draw points of people as points (explicit choice) instead of aggregating
    people_points: str = "areas"  # points of people counted per admin "areas" or per cell of a "hexagons" grid
    hexagon_km: float | None = None  # the hexagons' width (flat side to flat side); None = chosen from the extent
    whole_country: bool = False  # the whole boundary set even when all the data lies in one region (`framing.py`)
    excluded_columns: tuple[str, ...] = ()  # sensitive columns the user chose to keep out of everything
    # the user's word per column: a role for `detect_roles` ("admin name:2", "P-code:2", "latitude", "number"…)
    # or "ignore" (left out of the map); and personal or not (`detect_sensitive` overrides, Data step)
    roles: dict[str, str] = field(default_factory=dict)
    personal_columns: dict[str, bool] = field(default_factory=dict)
    lang: str = "en"
    title: str | None = None
    subtitle: str | None = None
    legend_heading: str | None = None
    data_credit: str | None = None
    boundary_credit: str | None = None
    created: date = field(default_factory=date.today)
    decisions: dict[str, str] = field(default_factory=dict)  # key value -> area id, chosen by the user
    # a JSON alias list of earlier answers (`match.decisions.save_aliases`), shared by projects on the same
    # boundary set; the project's own `decisions` win over it
    aliases: Path | None = None
    id_column: str | None = None  # the boundary file's area-id column, when the guess is wrong
    name_column: str | None = None  # the boundary file's area-name column, when the guess is wrong
    gazetteer: str | None = "geonames"  # places names that are no area: bundled GeoNames, a CSV path, None = off

