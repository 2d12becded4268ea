"""What an engine process keeps between maps, so the next edit's preview does not start from scratch.

The app draws the map again after every edit: most edits (a palette, a title, the number of
classes, a template) change neither the files nor the matching, yet reading a 24,000-row
workbook takes 0.3-0.5 s and matching it 0.1 s. When `keep_between_maps()` is on (the app's
engine process turns it on; the command line never does: it makes one map), a table or
boundary file is read again only when the file changes (size or time of modification), and
a match is made again only when a choice that matching depends on changes.

What is kept is handed out as copies of the tables' data, so nothing a map does to its
inputs reaches the next map.
"""
from __future__ import annotations

import copy
import json
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

KEEP = 4  # of each kind: the current inputs and a few the person may switch back to

# Project fields that change the page but never the match (see `match_key`)
NOT_MATCHING = frozenset({
    "template", "scheme", "classes", "palette", "projection", "basemap", "logo", "page", "min_count", "lang",
    "title", "subtitle", "legend_heading", "data_credit", "boundary_credit", "created", "agg", "raw_points",
    "people_points", "hexagon_km", "whole_country",
})

_on = False
_kept: dict[str, OrderedDict] = {"table": OrderedDict(), "layer": OrderedDict(), "match": OrderedDict(),
                                 "derived": OrderedDict()}  # derived: what is worked out from a kept match
# shapes worked out from areas (projected, simplified, dissolved, neighbours cut along the outline)
GEOMETRY_KEEP = 8
_shapes: OrderedDict = OrderedDict()


def keep_between_maps(on: bool = True) -> None:
    """Keep inputs read and matches made in this process (the app's engine process), or stop and forget them."""
    global _on
    _on = on
    if not on:
        for kept in _kept.values():
            kept.clear()
        _shapes.clear()


def kept_shapes(kind: str, geometries: tuple, params: tuple, make: Callable[[], T]) -> T:
    """`make()`, or what it made before from the same geometry objects (`geometries`: a tuple of
    sequences of shapely geometries) and the same `params` (hashable), when keeping is on.

    The page works out shapes from the areas at each preview: projected, simplified, dissolved into
    region and country outlines, the neighbouring countries cut along the outline (Nigeria's 774
    LGAs: about 0.8 s). A palette or class edit draws the same areas in the same frame, so the
    same shapes. Shapely geometries never change, so the same objects give the same shapes; the
    objects are kept with the result so their identities cannot be reused by other objects.
    """
    if not _on:
        return make()
    arrays = tuple(list(a) for a in geometries)
    key = (kind, tuple(tuple(map(id, a)) for a in arrays), params)
    if key in _shapes:
        _shapes.move_to_end(key)
        return _shapes[key][1]
    value = make()
    _shapes[key] = (arrays, value)
    while len(_shapes) > GEOMETRY_KEEP * 4:
        _shapes.popitem(last=False)
    return value


def file_identity(path: object) -> tuple | None:
    """A file as (resolved path, size, modification time): a changed file is a new input. None if not a file."""
    try:
        p = Path(str(path)).resolve()
        st = p.stat()
    except (OSError, ValueError, TypeError):
        return None
    return (str(p), st.st_size, st.st_mtime_ns)


def remembered(kind: str, key: Any, make: Callable[[], T], give: Callable[[T], T] = lambda x: x) -> T:
    """`make()`, or what it made before under the same `key` when keeping is on; `give` makes the copy handed out."""
    if not _on or key is None:
        return make()
    kept = _kept[kind]
    if key in kept:
        kept.move_to_end(key)
        return give(kept[key])
    value = make()
    kept[key] = value
    while len(kept) > (KEEP * 4 if kind == "derived" else KEEP):  # several things derived from each match
        kept.popitem(last=False)
    return give(value)


def table_copy(table):
    """A table whose data frame can be changed without changing the kept one."""
    out = copy.copy(table)
    out.data = table.data.copy()
    return out


def layer_copy(layer):
    out = layer.copy()
    out.attrs = copy.copy(layer.attrs)
    return out


def match_key(project, fields: dict[str, Any]) -> tuple | None:
    """What a match depends on: the files (by identity) and every choice but those in `NOT_MATCHING`."""
    table = file_identity(project.table)
    if table is None:
        return None
    boundaries = project.boundaries
    boundaries_id = file_identity(boundaries) if boundaries is not None and Path(str(boundaries)).exists() \
        else str(boundaries)
    gazetteer = fields.get("gazetteer")
    gazetteer_id = file_identity(gazetteer) if gazetteer and Path(str(gazetteer)).exists() else gazetteer
    aliases = fields.get("aliases")
    aliases_id = file_identity(aliases) if aliases and Path(str(aliases)).exists() else aliases
    rest = {k: v for k, v in fields.items()
            if k not in NOT_MATCHING and k not in ("table", "boundaries", "gazetteer", "aliases")}
    return (table, boundaries_id, gazetteer_id, aliases_id, json.dumps(rest, sort_keys=True, default=str))
