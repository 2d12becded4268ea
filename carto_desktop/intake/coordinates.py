"""GPS coordinates as field staff and survey tools write them.

`parse_coordinate` reads one latitude or longitude: decimal degrees ("-1.2625621",
decimal comma "12,35"), degrees-minutes-seconds ("12°21'36\"N", "12 21 36 N",
"1 31 W", "N 12°21.6'", "12d21m36s", French "O"/"Ouest" for west). `parse_geopoint`
reads an ODK/KoboToolbox geopoint cell ("lat lon alt acc"). `check_coordinates` checks
two columns row by row and reports what is unreadable, out of range, swapped or at 0,0,
with the row number the user sees in the file, so nobody maps a clinic in the sea.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Axis = Literal["lat", "lon"]
LIMIT = {"lat": 90.0, "lon": 180.0}

# hemisphere words → (sign, axis)
_HEMISPHERES = {
    "N": (1, "lat"), "NORTH": (1, "lat"), "NORD": (1, "lat"),
    "S": (-1, "lat"), "SOUTH": (-1, "lat"), "SUD": (-1, "lat"),
    "E": (1, "lon"), "EAST": (1, "lon"), "EST": (1, "lon"),
    "W": (-1, "lon"), "WEST": (-1, "lon"), "O": (-1, "lon"), "OUEST": (-1, "lon"),
}
_HEMI_RE = re.compile(
    r"^(NORTH|NORD|SOUTH|SUD|EAST|EST|WEST|OUEST|[NSEWO])(?![A-Z])\.?|(?<![A-Z])(NORTH|NORD|SOUTH|SUD|EAST|EST|WEST|OUEST|[NSEWO])\.?$"
)
# "12d21m36s": the final s is seconds, not south
_DMS_LETTERS = re.compile(r"^[-+]?\d+\s*D\s*\d+(?:[.,]\d+)?\s*M\s*\d+(?:[.,]\d+)?\s*S$")
# degree, minute and second marks people type (incl. ordinal º, primes, doubled quotes)
_MARKS = re.compile(r"[°º˚:′’'`´″”\"]|''|DEG|MIN|SEC|(?<=\d)\s*[DMS](?=\s|\d|$)")
_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


def _to_float(text: str) -> float | None:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_coordinate(value: object, axis: Axis | None = None) -> float | None:
    """One latitude or longitude in decimal degrees, or None when it is not one.

    The sign comes from a minus or from the hemisphere letter (S, W and French O are
    negative). A hemisphere that contradicts `axis` (an "N" in a longitude column)
    gives None. The range is not checked here (see `check_coordinates`), so a swapped
    value can still be recognised as swapped.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        v = float(value)
        return v if math.isfinite(v) else None
    text = str(value).strip().upper().replace("\u00a0", " ").replace("\u202f", " ")
    if not text:
        return None
    plain = _to_float(text) if text.count(",") <= 1 and " " not in text else None
    if plain is not None:
        return plain
    sign = 1
    if _DMS_LETTERS.match(text):
        text = text[:-1] + '"'
    m = _HEMI_RE.search(text)
    if m:
        word = m.group(1) or m.group(2)
        sign, hemi_axis = _HEMISPHERES[word]
        if axis is not None and hemi_axis != axis:
            return None
        text = (text[: m.start()] + " " + text[m.end():]).strip()
    if _HEMI_RE.search(text):  # two hemisphere letters: not one coordinate
        return None
    marked = bool(_MARKS.search(text))
    rest = _MARKS.sub(" ", text)
    numbers = _NUMBER.findall(rest)
    leftover = _NUMBER.sub(" ", rest).strip()
    if not numbers or len(numbers) > 3 or leftover:
        return None
    if len(numbers) > 1 and not (marked or m):
        return None  # "12 21" alone is too ambiguous (could be "1 221" typed with a space)
    parts = [_to_float(n) for n in numbers]
    if any(p is None for p in parts):
        return None
    degrees = parts[0]
    if degrees < 0 or numbers[0].startswith("-"):
        sign, degrees = -sign if sign == 1 else sign, abs(degrees)
    minutes = parts[1] if len(parts) > 1 else 0.0
    seconds = parts[2] if len(parts) > 2 else 0.0
    if len(parts) > 1 and not degrees.is_integer():
        return None
    if not (0 <= minutes < 60 and 0 <= seconds < 60) or (len(parts) > 2 and not minutes.is_integer()):
        return None
    return sign * (degrees + minutes / 60 + seconds / 3600)


def parse_geopoint(value: object) -> tuple[float, float] | None:
    """An ODK/KoboToolbox geopoint "lat lon [alt [accuracy]]" as (lat, lon), or None."""
    if value is None:
        return None
    parts = str(value).split()
    if not 2 <= len(parts) <= 4:
        return None
    lat, lon = _to_float(parts[0]), _to_float(parts[1])
    if lat is None or lon is None:
        return None
    return lat, lon


ProblemKind = Literal["unreadable", "missing", "out of range", "swapped", "zero"]


@dataclass(frozen=True)
class CoordinateProblem:
    """One row whose point cannot be used as typed."""

    row: int  # the row the user sees in the file
    kind: ProblemKind
    lat_text: str
    lon_text: str


@dataclass
class CheckedCoordinates:
    """Latitudes and longitudes (NaN where unusable) and the problems, row by row.

    Swapped pairs are put back the right way round in `lat`/`lon` (and still reported),
    because the intent is clear; everything else that is wrong becomes NaN.
    """

    lat: list[float]
    lon: list[float]
    problems: list[CoordinateProblem] = field(default_factory=list)

    def count(self, kind: ProblemKind) -> int:
        return sum(p.kind == kind for p in self.problems)


def _in(lat: float, lon: float, bounds: Sequence[float] | None) -> bool:
    if bounds is None:
        return abs(lat) <= 90 and abs(lon) <= 180
    minx, miny, maxx, maxy = bounds
    return minx <= lon <= maxx and miny <= lat <= maxy


def _centre(lat_values: Sequence[object], lon_values: Sequence[object]) -> tuple[float, float] | None:
    """Median point of the plausible pairs: where the survey took place (None if < 3 points)."""
    pairs = [(parse_coordinate(a), parse_coordinate(b)) for a, b in zip(lat_values, lon_values)]
    pairs = [(a, b) for a, b in pairs if a is not None and b is not None and abs(a) <= 90 and abs(b) <= 180
             and (a, b) != (0, 0)]
    if len(pairs) < 3:
        return None
    lats, lons = sorted(a for a, _ in pairs), sorted(b for _, b in pairs)
    return lats[len(lats) // 2], lons[len(lons) // 2]


def _nearer_swapped(lat: float, lon: float, centre: tuple[float, float]) -> bool:
    """Far from the others (> 10°) as typed, but close to them once swapped."""
    as_typed = abs(lat - centre[0]) + abs(lon - centre[1])
    swapped = abs(lon - centre[0]) + abs(lat - centre[1])
    return as_typed > 10 and swapped < as_typed / 4


def check_coordinates(
    lat_values: Sequence[object],
    lon_values: Sequence[object],
    row_numbers: Sequence[int] | None = None,
    bounds: Sequence[float] | None = None,
) -> CheckedCoordinates:
    """Parse two columns and report, per row, what is wrong with each point.

    `bounds` (minx, miny, maxx, maxy in degrees, e.g. the boundary layer's extent) makes
    the swap check sharper: a point outside it whose swapped version falls inside is
    reported as swapped. Without it, a pair is a swap when the latitude is impossible
    (|lat| > 90) or when it lies far from the other points (their median) and close
    to them once swapped: a survey happens in one region.
    """
    rows = list(row_numbers) if row_numbers is not None else [i + 2 for i in range(len(lat_values))]
    if bounds is None:
        centre = _centre(lat_values, lon_values)
    lats: list[float] = []
    lons: list[float] = []
    problems: list[CoordinateProblem] = []
    for row, lat_raw, lon_raw in zip(rows, lat_values, lon_values):
        lat_text = "" if lat_raw is None else str(lat_raw).strip()
        lon_text = "" if lon_raw is None else str(lon_raw).strip()
        kind: ProblemKind | None = None
        lat = lon = math.nan
        if lat_text in ("", "nan", "None") and lon_text in ("", "nan", "None"):
            lats.append(lat)
            lons.append(lon)
            continue  # an empty point is not an error: many rows have no GPS
        if not lat_text or not lon_text:
            kind = "missing"
        else:
            a, b = parse_coordinate(lat_raw), parse_coordinate(lon_raw)
            if a is None or b is None:
                kind = "unreadable"
            elif a == 0 and b == 0:
                kind = "zero"
            elif _in(a, b, bounds) and not (bounds is None and centre and _nearer_swapped(a, b, centre)):
                lat, lon = a, b
            elif bounds is None and centre and _in(b, a, None) and _nearer_swapped(a, b, centre):
                kind, lat, lon = "swapped", b, a
            elif _in(b, a, bounds) and (bounds is not None or abs(a) > 90):
                kind, lat, lon = "swapped", b, a
            else:
                kind = "out of range"
        lats.append(lat)
        lons.append(lon)
        if kind:
            problems.append(CoordinateProblem(row, kind, lat_text, lon_text))
    return CheckedCoordinates(lats, lons, problems)
