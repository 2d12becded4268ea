"""Match each row of a table to one admin area, by P-code or by name.

Rules that keep a map honest:
- a P-code is accepted only if the boundary layer has that very code (after format
  fixes that cannot change its meaning: case, spaces, ISO3 prefix → the layer's ISO2);
- a name is accepted only when its normal form names exactly one area;
- anything else close enough is "review" with its candidates, never a silent guess.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd
from rapidfuzz import fuzz, process

from carto_desktop.errors import DataError, OptionError
from carto_desktop.match.boundary_keys import BoundaryKeys, boundary_keys
from carto_desktop.match.country_codes import iso3_to_iso2
from carto_desktop.match.names import looks_like_pcode, normalise_name, normalise_pcode

MATCHED, REVIEW, UNMATCHED = "matched", "review", "unmatched"
MATCH_COLUMNS = ["match_id", "match_name", "match_score", "match_method", "match_status", "match_candidates"]
REVIEW_THRESHOLD = 80  # fuzzy score from which a candidate is worth showing


@dataclass(frozen=True)
class Verdict:
    """How one distinct key value was matched."""

    area_id: str | None
    score: float
    method: str
    status: str
    candidates: tuple[tuple[str, str, float], ...] = ()  # (id, name, score)


@dataclass
class MatchResult:
    """Every input row with its match, plus what was matched on."""

    rows: pd.DataFrame  # the input columns followed by MATCH_COLUMNS
    key_column: str
    keys: BoundaryKeys
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def matched(self) -> pd.DataFrame:
        return self.rows[self.rows["match_status"] == MATCHED]


class AreaIndex:
    """Lookup tables from a boundary layer: codes, normal names, and names for fuzzy search."""

    def __init__(self, layer: gpd.GeoDataFrame, keys: BoundaryKeys) -> None:
        self.keys = keys
        ids = layer[keys.id_column].astype(str)
        self.names = dict(zip(ids, layer[keys.name_column].astype(str) if keys.name_column else ids))
        self.by_code = {normalise_pcode(i): i for i in ids}
        prefixes = {c[:2] for c in self.by_code if looks_like_pcode(c)}
        self.iso2 = prefixes.pop() if len(prefixes) == 1 else None
        self.by_name: dict[str, set[str]] = {}
        for col in (keys.name_column, *keys.alias_columns):
            if col is None:
                continue
            for area_id, name in zip(ids, layer[col].astype(str)):
                self.by_name.setdefault(normalise_name(name), set()).add(area_id)
        self.choices = list(self.by_name)

    def code(self, value: str) -> str | None:
        """The layer's id for a P-code written in any harmless format, or None."""
        code = normalise_pcode(value)
        if code in self.by_code:
            return self.by_code[code]
        if self.iso2 and len(code) > 3 and code[:3].isalpha() and iso3_to_iso2(code[:3]) == self.iso2:
            return self.by_code.get(self.iso2 + code[3:])
        return None

    def verdict(self, value: str) -> Verdict:
        area = self.code(value)
        if area is not None:
            return Verdict(area, 100.0, "pcode", MATCHED)
        if looks_like_pcode(value):
            return Verdict(None, 0.0, "pcode", UNMATCHED)
        norm = normalise_name(value)
        hits = self.by_name.get(norm, set())
        if len(hits) == 1:
            area = next(iter(hits))
            exact = value.strip() == self.names[area]
            return Verdict(area, 100.0 if exact else 99.0, "exact name" if exact else "normalised name", MATCHED)
        if len(hits) > 1:
            cands = tuple((h, self.names[h], 99.0) for h in sorted(hits))
            return Verdict(None, 99.0, "ambiguous name", REVIEW, cands)
        if not norm or not self.choices:
            return Verdict(None, 0.0, "none", UNMATCHED)
        found = process.extract(norm, self.choices, scorer=fuzz.WRatio, limit=3, score_cutoff=REVIEW_THRESHOLD)
        cands = tuple((h, self.names[h], round(score, 1)) for name, score, _ in found for h in sorted(self.by_name[name]))
        if cands:
            return Verdict(None, cands[0][2], "fuzzy name", REVIEW, cands)
        return Verdict(None, 0.0, "none", UNMATCHED)


def _column_score(values: pd.Series, index: AreaIndex) -> tuple[float, float]:
    """Share of distinct values that are known codes, and that are known names."""
    distinct = values.dropna().astype(str).unique()
    if len(distinct) == 0:
        return 0.0, 0.0
    codes = sum(index.code(v) is not None for v in distinct) / len(distinct)
    names = sum(len(index.by_name.get(normalise_name(v), ())) == 1 for v in distinct) / len(distinct)
    return codes, names


def find_key_column(data: pd.DataFrame, index: AreaIndex) -> str | None:
    """The table column that best matches the layer: P-codes first, then names."""
    scores = {c: _column_score(data[c], index) for c in data.columns}
    best_code = max(scores, key=lambda c: scores[c][0], default=None)
    if best_code is not None and scores[best_code][0] >= 0.5:
        return best_code
    best_name = max(scores, key=lambda c: scores[c][1], default=None)
    if best_name is not None and scores[best_name][1] >= 0.5:
        return best_name
    return None


def match_table(
    data: pd.DataFrame, layer: gpd.GeoDataFrame, key_column: str | None = None, *, file: str | None = None
) -> MatchResult:
    """Match every row of `data` to an area of `layer` (see module doc for the rules)."""
    keys = boundary_keys(layer)
    index = AreaIndex(layer, keys)
    if key_column is None:
        key_column = find_key_column(data, index)
        if key_column is None:
            raise DataError(
                "No column of the table matches the P-codes or names of the boundary file.",
                hint="Name the column with --key-column, or check that table and boundaries are for the same country and admin level.",
                file=file,
            )
    elif key_column not in data.columns:
        raise OptionError(
            "There is no column named \"{column}\".",
            hint="Columns in this table: {columns}.",
            file=file,
            column=key_column,
            columns=", ".join(map(str, data.columns)),
        )
    values = data[key_column]
    verdicts = {v: index.verdict(v) for v in values.dropna().astype(str).unique()}
    none = Verdict(None, 0.0, "empty", UNMATCHED)
    per_row = [verdicts.get(str(v), none) if pd.notna(v) else none for v in values]
    out = data.copy()
    out["match_id"] = [v.area_id for v in per_row]
    out["match_name"] = [index.names.get(v.area_id) if v.area_id else None for v in per_row]
    out["match_score"] = [v.score for v in per_row]
    out["match_method"] = [v.method for v in per_row]
    out["match_status"] = [v.status for v in per_row]
    out["match_candidates"] = ["; ".join(f"{n} ({i}) {s:g}" for i, n, s in v.candidates) or None for v in per_row]
    counts = out["match_status"].value_counts().to_dict()
    counts = {s: int(counts.get(s, 0)) for s in (MATCHED, REVIEW, UNMATCHED)}
    return MatchResult(rows=out, key_column=key_column, keys=keys, counts=counts)
