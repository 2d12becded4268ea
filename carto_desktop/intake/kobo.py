"""KoboToolbox / ODK exports: what their column names mean.

A Kobo or ODK CSV/XLSX export names columns after the form: `group/field` for fields
inside groups (`group_site/nom_site`), a geopoint as one column "lat lon alt acc" plus
`_<name>_latitude` / `_longitude` / `_altitude` / `_precision`, a `_geolocation` column
("[lat, lon]"), select_multiple questions as a column of space-separated choices plus
one 0/1 column per choice (`besoins/eau`), and metadata columns (`_uuid`, `meta/instanceID`).
`kobo_form(columns)` recognises all of that so the roles and the user see short names
and the GPS points, not forty technical columns.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

META_COLUMNS = {
    "_id", "_uuid", "_submission_time", "_index", "_parent_index", "_parent_table_name", "_tags", "_notes",
    "_validation_status", "_version", "_duration", "_submitted_by", "_status", "_xform_id_string",
    "_attachments", "_media_count", "_total_media", "_media_all_received", "__version__", "_edited",
    "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "audit",
}
_GEO_PART = re.compile(r"^_(?P<name>.+)_(?P<part>latitude|longitude|altitude|precision)$")


@dataclass
class Geopoint:
    """One GPS question: the single-cell column and/or its latitude/longitude columns."""

    name: str
    cell_column: str | None = None  # "lat lon alt acc" in one cell
    lat_column: str | None = None
    lon_column: str | None = None


@dataclass
class KoboForm:
    """What a form export's columns are; empty when the table is not a form export."""

    short_names: dict[str, str] = field(default_factory=dict)  # "group_site/nom_site" → "nom_site"
    geopoints: list[Geopoint] = field(default_factory=list)
    geolocation: str | None = None  # the "_geolocation" column
    select_multiple: dict[str, list[str]] = field(default_factory=dict)  # question → its 0/1 columns
    meta: list[str] = field(default_factory=list)

    @property
    def is_form(self) -> bool:
        return bool(self.geopoints or self.geolocation or self.select_multiple or len(self.meta) >= 2)


def _leaf(column: str) -> str:
    return column.rstrip("/").split("/")[-1]


_FLAGS = {"0", "1", "true", "false", "n/a", "", "none", "nan"}


def kobo_form(columns: Iterable[str], data=None) -> KoboForm:
    """Recognise a Kobo/ODK export from its column names (and, with `data`, its 0/1 columns)."""
    cols = [str(c) for c in columns]
    present = set(cols)
    form = KoboForm()
    by_leaf: dict[str, str] = {}
    for c in cols:
        if "/" in c and not c.startswith("meta/"):
            form.short_names[c] = _leaf(c)
        by_leaf.setdefault(_leaf(c), c)
        if c in META_COLUMNS or c.startswith("meta/") or c.lower() in META_COLUMNS:
            form.meta.append(c)
        if c == "_geolocation":
            form.geolocation = c
    # geopoints: "_gps_latitude" (kobocat), "_group/gps_latitude" (grouped), "_a4_gps_latitude" (IOM DTM)
    points: dict[str, Geopoint] = {}
    for c in cols:
        m = _GEO_PART.match(_leaf(c) if _leaf(c).startswith("_") else c)
        if not m and c.startswith("_") and "/" in c:  # "_group/gps_latitude"
            m = re.match(r"^_(?P<name>.+)_(?P<part>latitude|longitude|altitude|precision)$", c)
        if not m:
            continue
        name = m.group("name")
        point = points.setdefault(name, Geopoint(name))
        if m.group("part") == "latitude":
            point.lat_column = c
        elif m.group("part") == "longitude":
            point.lon_column = c
    for name, point in points.items():
        cell = name if name in present else by_leaf.get(_leaf(name))
        point.cell_column = cell if cell in present else None
        if point.lat_column and point.lon_column:
            form.geopoints.append(point)
    # select_multiple: a question column whose name prefixes several "question/choice" columns
    children: dict[str, list[str]] = {}  # "q/choice" by "q": one pass, not one per column (20,000 columns)
    for o in cols:
        if "/" in o:
            children.setdefault(o.rsplit("/", 1)[0], []).append(o)
    present_cols = set(cols)
    for c in cols:
        options = children.get(c, [])
        if len(options) >= 2 and not c.startswith("meta") and c in present_cols:
            form.select_multiple[c] = options
    if data is not None:  # the question column was not exported: its 0/1 choice columns remain
        parents: dict[str, list[str]] = {}
        for c in cols:
            if "/" in c and not c.startswith(("meta/", "_")):
                parents.setdefault(c.rsplit("/", 1)[0], []).append(c)
        for parent, options in parents.items():
            if parent in form.select_multiple or len(options) < 2:
                continue
            flags = all(str(v).strip().lower() in _FLAGS for o in options for v in data[o].head(200))
            if flags:
                form.select_multiple[parent] = options
    return form


def parse_geolocation(value: object) -> tuple[float, float] | None:
    """A `_geolocation` cell ("[13.43, -6.21]", JSON) as (lat, lon), or None ("[null, null]")."""
    if value is None:
        return None
    try:
        pair = json.loads(str(value))
    except ValueError:
        return None
    if isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, (int, float)) for v in pair):
        return float(pair[0]), float(pair[1])
    return None


def split_choices(value: object) -> list[str]:
    """A select_multiple cell ("eau sante") as its choices."""
    return str(value).split() if value not in (None, "") else []
