"""Offline geocoding of village and town names that are not admin areas.

A gazetteer is a list of named points: the bundled GeoNames extract (CC BY 4.0, credit
"GeoNames, geonames.org") or the user's own CSV of name, lat, lon. A name is looked up in
its compared form (`name_key`), the places found are kept only inside the boundary layer
(and inside the row's parent area when known), and each is placed in the area that contains
it. The row is matched only when every place of that name falls in one area and no close
area name points elsewhere; places of the same name in different areas go to review.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import Point

from carto_desktop.errors import DataError
from carto_desktop.match.areas import AreaIndex
from carto_desktop.match.verdicts import MATCHED, REVIEW, Verdict
from carto_desktop.names import name_key
from carto_desktop.paths import sample_data_dir

GEONAMES_CREDIT = "GeoNames (geonames.org), CC BY 4.0"
BUNDLED = "geonames"  # the name that chooses the bundled extract (Project.gazetteer, --gazetteer)
_SKIP_CODES = {"PPLQ", "PPLH", "PPLW"}  # abandoned, historical, destroyed places
_NAME_COLUMNS = ("name", "nom", "place", "lieu", "localite", "localité", "village")
_LAT_COLUMNS = ("lat", "latitude", "y")
_LON_COLUMNS = ("lon", "lng", "long", "longitude", "x")


@dataclass
class Gazetteer:
    """Named points: for each compared name, the indexes of the places that carry it."""

    lat: np.ndarray
    lon: np.ndarray
    by_key: dict[str, list[int]] = field(default_factory=dict)
    towns: np.ndarray | None = None  # True where the place is a known town (None: trust every place)
    credit: str = ""

    def __len__(self) -> int:
        return len(self.lat)

    def places(self, value: str) -> list[int]:
        return self.by_key.get(name_key(value), [])


def _pick(columns: list[str], wanted: tuple[str, ...]) -> str | None:
    low = {c.lower().strip(): c for c in columns}
    return next((low[w] for w in wanted if w in low), None)


def load_gazetteer(path: str | Path) -> Gazetteer:
    """Read a GeoNames export (.tsv or .tsv.gz with name, alternatenames, latitude, longitude)
    or a CSV with a name column and lat/lon columns."""
    path = Path(path)
    try:
        sep = "\t" if ".tsv" in path.name.lower() or ".txt" in path.name.lower() else None
        frame = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, engine="python" if sep is None else "c")
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise DataError("The gazetteer could not be read: {reason}.",
                        hint="Use a CSV with columns name, lat and lon (decimal degrees), or a GeoNames export.",
                        file=path, reason=str(exc)) from exc
    columns = list(frame.columns)
    name_col, lat_col, lon_col = _pick(columns, _NAME_COLUMNS), _pick(columns, _LAT_COLUMNS), _pick(columns, _LON_COLUMNS)
    if name_col is None or lat_col is None or lon_col is None:
        raise DataError("The gazetteer has no name, latitude and longitude columns.",
                        hint="Use a CSV with columns name, lat and lon (decimal degrees), or a GeoNames export.",
                        file=path)
    if "feature_code" in frame.columns:
        frame = frame[~frame["feature_code"].isin(_SKIP_CODES)]
    if "feature_class" in frame.columns:
        frame = frame[frame["feature_class"] != "A"]  # admin areas: a region's point is no place
    lat = pd.to_numeric(frame[lat_col].str.replace(",", ".", regex=False), errors="coerce").to_numpy()
    lon = pd.to_numeric(frame[lon_col].str.replace(",", ".", regex=False), errors="coerce").to_numpy()
    ok = np.isfinite(lat) & np.isfinite(lon) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    frame, lat, lon = frame[ok], lat[ok], lon[ok]
    by_key: dict[str, list[int]] = defaultdict(list)
    alternates = frame["alternatenames"].tolist() if "alternatenames" in frame.columns else [""] * len(frame)
    for i, (name, alt) in enumerate(zip(frame[name_col].tolist(), alternates)):
        keys = {name_key(name)}
        keys.update(name_key(a) for a in alt.split(",") if a and all(ord(ch) < 0x250 for ch in a))  # Latin script
        for key in keys:
            if key:
                by_key[key].append(i)
    towns = None
    if "feature_code" in frame.columns:
        # GeoNames villages are many, share names and have rounded coordinates: only admin
        # seats and places with a population are precise enough to place a row on their own
        seat = frame["feature_code"].str.startswith(("PPLA", "PPLC")).to_numpy()
        people = pd.to_numeric(frame.get("population", pd.Series("0", index=frame.index)), errors="coerce").fillna(0).to_numpy() > 0
        towns = seat | people
    credit = GEONAMES_CREDIT if "alternatenames" in frame.columns else path.name
    return Gazetteer(lat=lat, lon=lon, by_key=dict(by_key), towns=towns, credit=credit)


@lru_cache(maxsize=1)
def bundled_gazetteer() -> Gazetteer:
    """The GeoNames extract shipped in sample_data/gazetteer/.

    Read once per process (about 0.4 s: 38,000 places and their alternate names are keyed);
    it is shipped, read-only data, so every match of the session can share it.
    """
    return load_gazetteer(sample_data_dir() / "gazetteer" / "geonames_sahel_places.tsv.gz")


@lru_cache(maxsize=4)
def _user_gazetteer(path: str, _mtime_ns: int, _size: int) -> Gazetteer:
    return load_gazetteer(path)


class GazetteerSource:
    """A gazetteer opened only when some name needs it: most tables match without one.

    `spec` is a `Gazetteer`, "geonames" (the bundled extract) or the path of a user's CSV;
    `credit` is known once it has been opened.
    """

    def __init__(self, spec: Gazetteer | str | Path) -> None:
        self.spec = spec
        self.opened: Gazetteer | None = spec if isinstance(spec, Gazetteer) else None

    def get(self) -> Gazetteer:
        if self.opened is None:
            if str(self.spec).strip().lower() == BUNDLED:
                self.opened = bundled_gazetteer()
            else:
                path = Path(self.spec)
                try:
                    stat = path.stat()
                except OSError as exc:
                    raise DataError("The gazetteer could not be read: {reason}.",
                                    hint="Use a CSV with columns name, lat and lon (decimal degrees), or a GeoNames export.",
                                    file=path, reason=exc.strerror or str(exc)) from exc
                self.opened = _user_gazetteer(str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        return self.opened

    @property
    def credit(self) -> str:
        return self.opened.credit if self.opened is not None else ""


def areas_of_places(areas: gpd.GeoSeries, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """For each point, the position of the area that contains it, or -1."""
    out = np.full(len(lat), -1, dtype=np.int64)
    if len(lat) == 0:
        return out
    points = gpd.points_from_xy(lon, lat, crs=4326)
    point_i, area_i = areas.sindex.query(points, predicate="within")
    out[point_i] = area_i  # a point on a shared border keeps one of its areas
    return out


def place_verdicts(index: AreaIndex, gazetteer: Gazetteer, pairs: list[tuple[str, str | None]],
                   verdicts: dict[tuple[str, str | None], Verdict]) -> dict[tuple[str, str | None], Verdict]:
    """Verdicts for (value, parent) pairs that name places rather than areas."""
    out = {}
    wanted = {p: gazetteer.places(p[0]) for p in pairs}
    needed = sorted({i for places in wanted.values() for i in places})
    if not needed:
        return out
    located = dict(zip(needed, areas_of_places(index.geometry, gazetteer.lat[needed], gazetteer.lon[needed])))
    for (value, parent), places in wanted.items():
        inside = [i for i in places if located[i] >= 0]
        if parent is not None:
            inside = [i for i in inside if index.parent_of.get(index.ids[located[i]]) == parent]
        hits = {index.ids[located[i]] for i in inside}
        if not hits:
            continue
        before = verdicts.get((value, parent))
        named_elsewhere = before is not None and any(score >= 85 and area not in hits for area, _, score in before.candidates)
        towns = gazetteer.towns is None or all(gazetteer.towns[i] for i in inside)
        inner = towns and all(_well_inside(index.geometry.iloc[located[i]], gazetteer.lon[i], gazetteer.lat[i]) for i in inside)
        if len(hits) == 1 and not named_elsewhere and inner:
            area = next(iter(hits))
            out[(value, parent)] = Verdict(area, 90.0, "gazetteer", MATCHED)
        else:
            cands = index.candidates(hits, 90.0)
            if before is not None:
                cands = tuple(dict.fromkeys(cands + before.candidates))[:6]
            why = ("places in several areas" if len(hits) > 1 else "village" if not towns
                   else "near a border" if not inner else "gazetteer")
            out[(value, parent)] = Verdict(None, 80.0, why, REVIEW, cands)
    return out


BORDER_MARGIN = 0.02  # degrees (about 2 km): gazetteer coordinates are often rounded


def _well_inside(area, lon: float, lat: float) -> bool:
    """A point far enough from its area's border that rounding cannot move it across."""
    return area.boundary.distance(Point(lon, lat)) >= BORDER_MARGIN
