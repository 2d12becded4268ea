"""What each column of a table is for: admin names (and level), P-codes (and level),
latitude/longitude or GPS points, numeric indicators, dates, identifiers, form metadata.

`detect_roles(table)` guesses from HXL tags first (the humanitarian standard: `#adm2+code`),
then column names in French and English, then the values themselves (P-code shape and
OCHA length per level, number share, date shapes, coordinate ranges). Every guess can
be overridden (`overrides={"Cercle": "admin name:2"}`), and the app shows the roles so
the user can correct them. Warnings say where a column is not what it seems: text in a
number column, coordinates out of range or swapped, with the rows.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

import pandas as pd

from carto_desktop.choices import ROLES
from carto_desktop.errors import OptionError
from carto_desktop.intake.coordinates import CheckedCoordinates, check_coordinates, parse_coordinate, parse_geopoint
from carto_desktop.intake.kobo import KoboForm, kobo_form
from carto_desktop.intake.notices import Notice
from carto_desktop.intake.numbers import parse_number
from carto_desktop.intake.pcode_lengths import PCODE_LENGTHS
from carto_desktop.intake.tables import Table
from carto_desktop.country_codes import iso2_to_iso3, iso3_to_iso2
from carto_desktop.names import compact_key, name_key, normalise_name, normalise_pcode

Role = Literal["admin name", "P-code", "latitude", "longitude", "geopoint", "number", "date", "identifier",
               "multiple choice", "form metadata", "text", "empty"]
SAMPLE = 500  # values looked at per column to guess its role (the whole column is checked for warnings)
AREA_NAME_SHARE = 0.5  # an admin-name column needs at least this share of its distinct values to be names of areas

_PCODE = re.compile(r"^([A-Z]{2,3})(\d{0,12})$")
_DATE = re.compile(r"^(\d{4}-\d\d-\d\d([ T]\d\d:\d\d(:\d\d)?.*)?|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}-[A-Za-zéû]{3,9}-\d{2,4})$")
_LEVEL_IN_NAME = re.compile(r"adm(?:in)?[\s_-]*(\d)|admin(\d)|pcode\s*(\d)|p-code\s*admin\s*(\d)|niveau\s*(\d)", re.I)
_LAT_NAME = re.compile(r"^(.*[^a-z])?(lat|latitude|gps_?lat|y_?coord|coord_?y)$", re.I)
_LON_NAME = re.compile(r"^(.*[^a-z])?(lon|long|lng|longitude|gps_?lon|x_?coord|coord_?x)$", re.I)
_PCODE_NAME = re.compile(r"p-?cod|pcod|code_?adm|adm\d?_?code|adm\d_pcod", re.I)
# a year written as a number ("annee": 2023) is a date, never an amount a map adds up
_YEAR_NAME = re.compile(r"(^|[^a-z])(year|yr|ann[eé]e|an|exercice)([^a-z]|$)", re.I)
_ID_NAME = re.compile(r"(^|[^a-z])(id|code|num[eé]ro|no|n°|matricule|identifiant)([^a-z]|$)", re.I)
# words for admin levels in the francophone Sahel and Central Africa (and English templates),
# looked for as the first word of the column name ("Nom Province", "Cercle", "ADM2_COUNTY")
_LEVEL_WORDS = {
    "pays": 0, "country": 0,
    "region": 1, "regions": 1, "province": 1, "state": 1, "etat": 1, "gouvernorat": 1, "governorate": 1,
    "wilaya": 1,
    "cercle": 2, "departement": 2, "district": 2, "county": 2, "prefecture": 2, "lga": 2,
    "commune": 3, "arrondissement": 3, "sousprefecture": 3, "subdistrict": 3, "canton": 3,
    "village": 4, "localite": 4, "locality": 4, "quartier": 4,
}
# where a word means another level (Burkina's provinces are admin 2, CAR's prefectures admin 1)
_COUNTRY_LEVEL_WORDS = {
    "BFA": {"region": 1, "province": 2, "departement": 3, "commune": 3},
    "CAF": {"prefecture": 1, "sousprefecture": 2, "commune": 3},
    "CMR": {"region": 1, "departement": 2, "arrondissement": 3},
    "NER": {"region": 1, "departement": 2, "commune": 3},
    "TCD": {"province": 1, "departement": 2, "sousprefecture": 3},
    "MLI": {"region": 1, "cercle": 2, "commune": 3},
    "SEN": {"region": 1, "departement": 2, "arrondissement": 3},
    "GIN": {"region": 1, "prefecture": 2, "sousprefecture": 3},
    "CIV": {"district": 1, "region": 2, "departement": 3, "sousprefecture": 4},
    "COD": {"province": 1, "territoire": 2, "chefferie": 3, "secteur": 3},
    "NGA": {"state": 1, "lga": 2, "ward": 3},
    "MRT": {"wilaya": 1, "moughataa": 2, "commune": 3},
    "BEN": {"departement": 1, "commune": 2, "arrondissement": 3},
    "TGO": {"region": 1, "prefecture": 2, "commune": 3},
}
_NAME_PREFIX_WORDS = {"nom", "name", "libelle", "de", "la", "du", "le", "l", "des"}
_HXL_ROLES = [
    (re.compile(r"^#adm(\d)\s*\+\s*(code|pcode)"), "P-code"),
    (re.compile(r"^#adm(\d)"), "admin name"),
    (re.compile(r"^#country\s*\+\s*code"), "P-code"),
    (re.compile(r"^#country"), "admin name"),
    (re.compile(r"^#geo\s*\+\s*lat"), "latitude"),
    (re.compile(r"^#geo\s*\+\s*lon"), "longitude"),
    (re.compile(r"^#geo\s*\+\s*coord"), "geopoint"),
    (re.compile(r"^#date"), "date"),
    (re.compile(r"^#(affected|inneed|targeted|reached|population|value|indicator\s*\+\s*num|capacity)"), "number"),
]


@dataclass(frozen=True)
class ColumnRole:
    """The role of one column, with its admin level where it has one, and why."""

    column: str
    role: str
    level: int | None = None
    source: str = "values"  # "HXL", "name", "values", "form" or "user"
    short_name: str | None = None  # Kobo group fields: the field name without its groups


@dataclass
class Roles:
    """Roles of all columns, in table order, plus the warnings found on the way."""

    columns: dict[str, ColumnRole]
    warnings: list[str] = field(default_factory=list)
    form: KoboForm = field(default_factory=KoboForm)

    def of(self, role: str, level: int | None = None) -> list[str]:
        """Columns with `role` (and `level` when given), in table order."""
        return [c for c, r in self.columns.items() if r.role == role and (level is None or r.level == level)]

    def __getitem__(self, column: str) -> ColumnRole:
        return self.columns[column]


def pcode_level(code: object) -> int | None:
    """The admin level of a P-code by OCHA's lengths for its country (ML0401 → 2), or None.

    Also reads the three-letter form some offices use (MLI0401); a country code alone is 0.
    """
    return _pcode_level(normalise_pcode(code))


@lru_cache(maxsize=200_000)
def _pcode_level(code: str) -> int | None:
    m = _PCODE.match(code)
    if not m:
        return None
    prefix, digits = m.groups()
    iso3 = prefix if len(prefix) == 3 and iso3_to_iso2(prefix) else iso2_to_iso3(prefix) if len(prefix) == 2 else None
    if iso3 is None:
        return None
    if not digits:
        return 0
    _, levels = PCODE_LENGTHS.get(iso3, (2, ((2,), (2,), (2,), (2,))))
    totals = {0}
    for level, options in enumerate(levels, start=1):
        totals = {t + o for t in totals for o in options}
        if len(digits) in totals:
            return level
    return None


def looks_like_ocha_pcode(code: object) -> bool:
    """A known country code (ISO2 or ISO3) followed by digits, or the country code alone."""
    m = _PCODE.match(normalise_pcode(code))
    if not m:
        return False
    prefix = m.group(1)
    return bool(iso2_to_iso3(prefix) if len(prefix) == 2 else iso3_to_iso2(prefix))


def _level_from_name(name: str, country: str | None = None) -> int | None:
    """The admin level a column name speaks of ("adm2_name", "Nom Province", "Cercle").

    With `country` (ISO3) the country's own words win: "province" is 2 in Burkina Faso.
    """
    m = _LEVEL_IN_NAME.search(name)
    if m:
        return int(next(g for g in m.groups() if g))
    words = [w for w in re.split(r"[^a-z0-9]+", normalise_name(name).replace("sous ", "sous")) if w]
    while words and words[0] in _NAME_PREFIX_WORDS:
        words = words[1:]
    if not words:
        return None
    local = _COUNTRY_LEVEL_WORDS.get(country or "", {})
    return local.get(words[0], _LEVEL_WORDS.get(words[0]))


def _table_country(data: pd.DataFrame, roles: dict[str, ColumnRole]) -> str | None:
    """The ISO3 country most P-codes of the table belong to, if any."""
    prefixes: Counter[str] = Counter()
    for column, role in roles.items():
        if role.role == "P-code":
            for v in _values(data[column], 100):
                m = _PCODE.match(normalise_pcode(v))
                if m:
                    prefix = m.group(1)
                    iso3 = prefix if len(prefix) == 3 and iso3_to_iso2(prefix) else iso2_to_iso3(prefix)
                    if iso3:
                        prefixes[iso3] += 1
    return prefixes.most_common(1)[0][0] if prefixes else None


def _values(series: pd.Series, limit: int = SAMPLE) -> list[str]:
    """Up to `limit` filled cells, spread over the column (not only its first rows)."""
    cells = series.tolist()
    if set(map(type, cells)) <= {str, type(None)}:  # a table's column: as a list, without pandas' dropna
        filled = [c for c in cells if c is not None]
        if len(filled) > limit:
            filled = filled[::len(filled) // limit][:limit]
        return [t for t in map(str.strip, filled) if t]
    values = series.dropna()
    if len(values) > limit:
        step = len(values) // limit
        values = values.iloc[::step].head(limit)
    return [t for t in (str(v).strip() for v in values) if t]


def _share(values: list[str], test) -> float:
    return sum(1 for v in values if test(v)) / len(values) if values else 0.0


def _guess(name: str, values: list[str], hxl: str | None, form: KoboForm) -> ColumnRole:
    if hxl:
        for pattern, role in _HXL_ROLES:
            m = pattern.match(hxl.lower().replace(" ", ""))
            if m:
                first = m.group(1) if m.groups() else None
                level = int(first) if first and first.isdigit() else (0 if role in ("admin name", "P-code") else None)
                if role == "P-code" and values:  # trust the values' own level over a mistyped tag
                    levels = Counter(pcode_level(v) for v in values)
                    best = levels.most_common(1)[0][0]
                    level = best if best is not None else level
                if role == "number" and _share(values, lambda v: parse_number(v) is not None) < 0.5:
                    break  # "#population+group" holds words: let the values decide
                return ColumnRole(name, role, level, "HXL")
    if name in form.meta:
        return ColumnRole(name, "form metadata", source="form")
    if name in form.select_multiple or any(name in opts for opts in form.select_multiple.values()):
        return ColumnRole(name, "multiple choice", source="form")
    if not values:
        return ColumnRole(name, "empty")
    if any(name in (p.cell_column, name) and name == p.cell_column for p in form.geopoints) or name == form.geolocation:
        return ColumnRole(name, "geopoint", source="form")
    for p in form.geopoints:
        if name == p.lat_column:
            return ColumnRole(name, "latitude", source="form")
        if name == p.lon_column:
            return ColumnRole(name, "longitude", source="form")
    codes = [pcode_level(v) for v in values]
    pcode_share = _share(values, looks_like_ocha_pcode)
    numbers = [parse_number(v) for v in values]
    number_share = sum(n is not None for n in numbers) / len(values)
    if pcode_share >= 0.8 and (pcode_share > number_share):
        known = Counter(c for c in codes if c is not None).most_common(1)
        level = known[0][0] if known else _level_from_name(name)
        return ColumnRole(name, "P-code", level, "values")
    if _LAT_NAME.match(name) and _share(values, lambda v: (c := parse_coordinate(v, "lat")) is not None and abs(c) <= 90) >= 0.5:
        return ColumnRole(name, "latitude", source="name")
    if _LON_NAME.match(name) and _share(values, lambda v: (c := parse_coordinate(v, "lon")) is not None and abs(c) <= 180) >= 0.5:
        return ColumnRole(name, "longitude", source="name")
    if _share(values, lambda v: parse_geopoint(v) is not None and len(v.split()) == 4) >= 0.8:
        return ColumnRole(name, "geopoint", source="values")
    if _share(values, lambda v: bool(_DATE.match(v))) >= 0.8:
        return ColumnRole(name, "date", source="values")
    if number_share >= 0.5:
        if _YEAR_NAME.search(name) and all(float(n).is_integer() and 1900 <= n <= 2100 for n in numbers if n is not None):
            return ColumnRole(name, "date", source="name")
        zeros = _share(values, lambda v: len(v) > 1 and v[0] == "0" and v[1].isdigit())
        # whole numbers of 16 digits and more are codes (IDs, phone-like numbers), never amounts to add up
        long = _share(values, lambda v: len(v) >= 16 and v.lstrip("-").isdigit())
        if zeros > 0 or long >= 0.5 or (_ID_NAME.search(name) and number_share == 1
                                         and len(set(values)) == len(values) > 10):
            return ColumnRole(name, "identifier", source="values")  # leading zeros: a code, kept as text
        return ColumnRole(name, "number", source="values")
    level = _level_from_name(name)
    if _PCODE_NAME.search(name):  # named like a P-code but not shaped like one: some other code
        return ColumnRole(name, "P-code" if pcode_share >= 0.5 else "identifier", level, "name")
    if level is not None and _share(values, lambda v: bool(_DATE.match(v))) < 0.5:
        return ColumnRole(name, "admin name", level, "name")
    return ColumnRole(name, "text")


def detect_roles(table: Table | pd.DataFrame, overrides: dict[str, str] | None = None,
                 bounds: tuple[float, float, float, float] | None = None, country: str | None = None,
                 area_names: Mapping[int, Collection[str]] | None = None,
                 *, warnings: bool = True) -> Roles:
    """Guess the role of every column; `overrides` maps a column to "role" or "role:level".

    `bounds` (minx, miny, maxx, maxy, e.g. the boundary layer's extent) sharpens the
    check of GPS columns for swapped latitude/longitude. `country` (ISO2 or ISO3; by
    default the country of the table's P-codes) picks the country's words for levels.
    `area_names` (admin level → names of the areas at that level, e.g. the boundary layer's, or the
    built-in set the table fits): an admin-name role guessed from a column's name or neighbour needs
    values that are mostly names of areas ("Etat du Projet", état = state, holding "En cours" and
    "Réalisé", is text); levels not given are not checked (a layer of cercles knows no communes).
    `warnings=False`: the roles only, without checking every cell for the warnings (a map
    that only asks which columns name larger areas: 0.1-0.3 s on 10,000 P-codes).
    """
    return refine_roles(table, _guessed_roles(table, country), overrides, bounds, area_names, warnings=warnings)


def _guessed_roles(table: Table | pd.DataFrame, country: str | None) -> Roles:
    """Every column's role from its HXL tag, name and values, levels in the country's words, names paired
    with codes: `detect_roles` without area names, overrides or warnings."""
    data = table.data if isinstance(table, Table) else table
    hxl = table.hxl_tags if isinstance(table, Table) else {}
    form = kobo_form(data.columns, data)
    roles: dict[str, ColumnRole] = {}
    for name in data.columns:
        role = _guess(str(name), _values(data[name]), hxl.get(name), form)
        roles[name] = replace(role, short_name=form.short_names.get(name))
    iso3 = (country.upper() if country and len(country) == 3 else iso2_to_iso3(country) if country else None) \
        or _table_country(data, roles)
    if iso3 in _COUNTRY_LEVEL_WORDS:
        for name, role in roles.items():
            if role.role == "admin name" and role.source == "name":
                roles[name] = replace(role, level=_level_from_name(str(name), iso3))
    _pair_names_with_codes(list(data.columns), roles)
    return Roles(roles, form=form)


def refine_roles(table: Table | pd.DataFrame, roles: Roles, overrides: dict[str, str] | None = None,
                 bounds: tuple[float, float, float, float] | None = None,
                 area_names: Mapping[int, Collection[str]] | None = None, *, warnings: bool = True) -> Roles:
    """What `detect_roles(table, overrides, bounds, area_names=…, warnings=…)` finds, from the `roles`
    `detect_roles(table, warnings=False)` found, without guessing every column again (a 24,000-row table:
    0.03-0.1 s): the app's Data step and its first map ask the same table (`project.table_roles`)."""
    data = table.data if isinstance(table, Table) else table
    columns = dict(roles.columns)
    if area_names:
        _check_area_names(data, columns, area_names)
    for column, spec in (overrides or {}).items():
        columns[column] = _override(column, spec, columns, roles.form)
    result = Roles(columns, form=roles.form)
    if warnings:
        result.warnings = _warnings(data, result, table.row_numbers if isinstance(table, Table) else None, bounds)
    return result


def _check_area_names(data: pd.DataFrame, roles: dict[str, ColumnRole],
                      area_names: Mapping[int, Collection[str]]) -> None:
    """An admin-name guess (not HXL's, not the user's) whose values are mostly not names of areas is text."""
    keys: set[str] = set()
    for names in area_names.values():
        keys |= {k for k in (name_key(n) for n in names) if k}
    compact = {compact_key(k) for k in keys}
    for column, role in roles.items():
        if role.role != "admin name" or role.source == "HXL" or role.level not in area_names:
            continue
        distinct = {name_key(v) for v in _values(data[column])} - {""}
        if not distinct:
            continue
        found = sum(1 for k in distinct if k in keys or compact_key(k) in compact)
        if found / len(distinct) < AREA_NAME_SHARE:
            roles[column] = replace(role, role="text", level=None, source="values")


def _pair_names_with_codes(columns: list[str], roles: dict[str, ColumnRole]) -> None:
    """A name column next to a P-code column takes its level (CAF "PREFECTURE" | "PCODE1").

    A level written in the name itself ("adm2_name", "Admin 2") is kept.
    """
    for i, c in enumerate(columns):
        r = roles[c]
        if r.role not in ("admin name", "text") or r.source == "HXL" or _LEVEL_IN_NAME.search(c):
            continue
        if r.role == "text" and _level_from_name(c) is None:
            continue
        near = [roles[columns[j]] for j in (i - 1, i + 1) if 0 <= j < len(columns)]
        codes = [n for n in near if n.role == "P-code" and n.level]
        if codes and not any(n.level == r.level for n in codes):
            roles[c] = replace(r, role="admin name", level=codes[0].level)


def _override(column: str, spec: str, roles: dict[str, ColumnRole], form: KoboForm) -> ColumnRole:
    if column not in roles:
        raise OptionError(
            "The table has no column named \"{column}\".",
            hint="Check the spelling; column names are listed by \"carto-desktop inspect\".",
            column=column,
        )
    role, _, level = spec.partition(":")
    role = role.strip()
    if role not in ROLES or (level and not level.strip().isdigit()):
        raise OptionError(
            "\"{spec}\" is not a column role; use one of: {roles} (with \":level\" for admin names and P-codes).",
            hint="For example \"admin name:2\" for a column of cercle names.",
            column=column,
            spec=spec,
            roles=", ".join(ROLES),
        )
    return ColumnRole(column, role, int(level) if level.strip() else None, "user", form.short_names.get(column))


def _rows_text(rows: list[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:8])
    return shown + (f", … ({len(rows)})" if len(rows) > 8 else "")


def _warnings(data: pd.DataFrame, roles: Roles, rows: list[int] | None, bounds) -> list[str]:
    out: list[str] = []
    file_rows = rows if rows is not None else [i + 2 for i in range(len(data))]
    for column in roles.of("number"):
        values = data[column]
        plain = pd.to_numeric(values, errors="coerce")  # fast path; the rest may be "1 234,5"
        odd = values[plain.isna() & values.notna()]
        bad = [file_rows[i] for i, v in odd.items() if str(v).strip() and parse_number(v) is None]
        if bad:
            out.append(Notice("Column \"{column}\": {count} cells are not numbers (rows {rows}); they will count as no data.",
                              column=column, count=len(bad), rows=_rows_text(bad)))
    for column in roles.of("P-code"):
        distinct = [v for v in data[column].dropna().unique() if str(v).strip()]
        odd = [str(v) for v in distinct if looks_like_ocha_pcode(v) and pcode_level(v) is None]
        if odd:
            out.append(Notice("Column \"{column}\": {count} P-codes do not have the OCHA length for their country (e.g. {examples}).",
                              column=column, count=len(odd), examples=", ".join(odd[:3])))
    lats, lons = roles.of("latitude"), roles.of("longitude")
    if lats and lons:
        checked = check_coordinates(data[lats[0]].tolist(), data[lons[0]].tolist(), file_rows, bounds)
        labels = {
            "swapped": "Columns \"{lat}\" and \"{lon}\": latitude and longitude look swapped in {count} rows (rows {rows}).",
            "out of range": "Columns \"{lat}\" and \"{lon}\": {count} points are out of range (rows {rows}).",
            "zero": "Columns \"{lat}\" and \"{lon}\": {count} points are at 0,0, a GPS failure (rows {rows}).",
            "unreadable": "Columns \"{lat}\" and \"{lon}\": {count} coordinates cannot be read (rows {rows}).",
            "missing": "Columns \"{lat}\" and \"{lon}\": {count} points have only one of latitude and longitude (rows {rows}).",
        }
        for kind, key in labels.items():
            bad = [p.row for p in checked.problems if p.kind == kind]
            if bad:
                out.append(Notice(key, lat=lats[0], lon=lons[0], count=len(bad), rows=_rows_text(bad)))
    return out


def coordinates_of(table: Table, roles: Roles | None = None,
                   bounds: tuple[float, float, float, float] | None = None) -> CheckedCoordinates | None:
    """The GPS point of every row, checked (see `check_coordinates`), or None without GPS columns.

    Latitude/longitude columns first; else a geopoint column ("lat lon alt acc", ODK/Kobo)
    or Kobo's `_geolocation` ("[lat, lon]").
    """
    from carto_desktop.intake.kobo import parse_geolocation

    roles = roles or detect_roles(table)
    data = table.data
    lats, lons = roles.of("latitude"), roles.of("longitude")
    if lats and lons:
        return check_coordinates(data[lats[0]].tolist(), data[lons[0]].tolist(), table.row_numbers, bounds)
    points = roles.of("geopoint")
    if not points:
        return None
    column = points[0]
    pairs = [parse_geolocation(v) if column == roles.form.geolocation else parse_geopoint(v) for v in data[column]]
    lat_text = [None if p is None else p[0] for p in pairs]
    lon_text = [None if p is None else p[1] for p in pairs]
    # a cell that is filled but unreadable must be reported, not taken for an empty point
    for i, (p, raw) in enumerate(zip(pairs, data[column])):
        if p is None and raw is not None and str(raw).strip() not in ("", "[null, null]"):
            lat_text[i], lon_text[i] = str(raw), "?"
    return check_coordinates(lat_text, lon_text, table.row_numbers, bounds)
