"""A boundary layer as lookup tables: its areas' codes, names in every compared form, parents.

`AreaIndex` is built once per match from the layer and the columns `boundary_keys` found;
the matcher, the point matcher and the gazetteer all look areas up through it.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import cached_property
from collections.abc import Iterable

import geopandas as gpd
import numpy as np
from rapidfuzz import fuzz, process

from carto_desktop.match.boundary_keys import BoundaryKeys
from carto_desktop.match.guards import why_not_automatic
from carto_desktop.match.pcodes import PcodeIndex
from carto_desktop.match.verdicts import Candidate, candidates_among
from carto_desktop.names import compact_key, distinguishing_words, name_key, normalise_name


_NUMBER_TEXT = re.compile(r"[0-9 .,+\-%/:]*").fullmatch  # numbers, dates, shares: digits and punctuation


class NameBook:
    """Names of a set of areas in every compared form, and the words they are made of."""

    def __init__(self, ids: list[str], display: list[str], aliases: list[list[str]]) -> None:
        self.ids = ids
        self.display = dict(zip(ids, display))
        self.by_exact: dict[str, set[str]] = defaultdict(set)
        self.by_norm: dict[str, set[str]] = defaultdict(set)
        self.by_key: dict[str, set[str]] = defaultdict(set)
        self.by_alias: dict[str, set[str]] = defaultdict(set)
        self.by_compact: dict[str, set[str]] = defaultdict(set)
        self.keys_of: dict[str, str] = {}
        for area, name in zip(ids, display):
            key = name_key(name)
            self.keys_of[area] = key
            self.by_exact[str(name).strip()].add(area)
            self.by_norm[normalise_name(name)].add(area)
            self.by_key[key].add(area)
            self.by_compact[compact_key(key)].add(area)
        for column in aliases:
            for area, name in zip(ids, column):
                if name is None or (isinstance(name, float) and np.isnan(name)) or not str(name).strip():
                    continue
                key = name_key(name)
                self.by_alias[key].add(area)
                self.by_compact[compact_key(key)].add(area)
        # fuzzy choices: one row per (key, area)
        pairs = sorted({(k, a) for k, areas in self.by_key.items() for a in areas if k}
                       | {(k, a) for k, areas in self.by_alias.items() for a in areas if k})
        self.choice_keys = [k for k, _ in pairs]
        self.choice_areas = [a for _, a in pairs]
        self.words: dict[str, set[int]] = defaultdict(set)
        for i, k in enumerate(self.choice_keys):
            for w in k.split():
                self.words[w].add(i)

    def tiers(self, value: str) -> list[tuple[str, set[str]]]:
        """(method, areas) for every exact-ish tier that finds the value, best tier first."""
        found = []
        hit = self.by_exact.get(value)
        if hit:
            found.append(("exact name", hit))
        hit = self.by_norm.get(normalise_name(value))
        if hit:
            found.append(("normalised name", hit))
        key = name_key(value)
        if not key:
            return found
        hit = self.by_key.get(key)
        if hit:
            found.append(("normalised name", hit))
        hit = self.by_alias.get(key)
        if hit:
            found.append(("alias", hit))
        hit = self.by_compact.get(compact_key(key))
        if hit:
            # "Koman II" and "Komani I" meet without spaces: numerals and directions must still agree
            words = distinguishing_words(key)
            hit = {a for a in hit if distinguishing_words(self.keys_of[a]) == words}
            if hit:
                found.append(("normalised name", hit))
        return found

    def stem_areas(self, key: str) -> set[str]:
        """Areas whose name contains `key` as a strict run of whole words ("batha" → Batha Est, Batha Ouest)."""
        words = key.split()
        if not words:
            return set()
        common = set.intersection(*(self.words.get(w, set()) for w in words))
        n = len(words)
        out = set()
        for i in common:
            kw = self.choice_keys[i].split()
            if len(kw) > n and any(kw[j:j + n] == words for j in range(len(kw) - n + 1)):
                out.add(self.choice_areas[i])
        return out


class AreaIndex:
    """Lookup tables from a boundary layer: codes, names in every form, parents."""

    def __init__(self, layer: gpd.GeoDataFrame, keys: BoundaryKeys) -> None:
        self.keys = keys
        ids = layer[keys.id_column].astype(str).tolist()
        self.ids = ids
        self.geometry = layer.geometry.reset_index(drop=True).to_crs(4326) if layer.crs is not None else layer.geometry.reset_index(drop=True)
        display = layer[keys.name_column].astype(str).tolist() if keys.name_column else ids
        self.names = dict(zip(ids, display))
        self._display, self._aliases = display, [layer[c].tolist() for c in keys.alias_columns]
        self.parent_of: dict[str, str] = {}
        self.parents: NameBook | None = None
        self.parent_codes: PcodeIndex | None = None
        if keys.parent_id_column is not None:
            parent_ids = layer[keys.parent_id_column].astype(str).tolist()
            self.parent_of = dict(zip(ids, parent_ids))
            first = layer.drop_duplicates(keys.parent_id_column)
            pids = first[keys.parent_id_column].astype(str).tolist()
            pnames = [first[c].tolist() for c in keys.parent_name_columns]
            self.parents = NameBook(pids, [str(n) for n in pnames[0]] if pnames else pids, pnames[1:])
            self.parent_codes = PcodeIndex(pids)
        self.pcodes = PcodeIndex(ids, self.parent_of.values())
        self._by_letter: dict[str, np.ndarray] | None = None

    @cached_property
    def _letterless_names(self) -> bool:
        """Whether some area is named without a letter ("01"): then numbers in a table may be names."""
        names = [*self._display, *(n for column in self._aliases for n in column)]
        return any(isinstance(n, str) and not n[:1].isalpha() and n.strip() and not any(map(str.isalpha, n))
                   for n in names)

    @cached_property
    def _numbers_name_nothing(self) -> bool:
        """Whether no code or name of the layer's areas and parents is written with digits and punctuation
        alone: then a cell so written ("83.4", "2023-01-05", "12 %") names none of them at any tier."""
        keys = [self.pcodes.by_code]
        if self.parents is not None:
            keys += [self.parent_codes.by_code, self.parents.by_exact, self.parents.by_norm, self.parents.by_key,
                     self.parents.by_alias, self.parents.by_compact]
        return not self._letterless_names and not any(_NUMBER_TEXT(k) for d in keys for k in d)

    def may_name(self, values: Iterable[str]) -> bool:
        """False when none of `values` can name an area or a parent area of the layer by code or name
        (a table's columns of numbers and dates, passed over when looking for the key column)."""
        return not (self._numbers_name_nothing and all(map(_NUMBER_TEXT, values)))

    @cached_property
    def book(self) -> NameBook:
        """The areas' names in every compared form, made on first need: a table keyed by P-codes
        never needs them (10,000 village names take 0.1-0.2 s to index)."""
        return NameBook(self.ids, self._display, self._aliases)

    @cached_property
    def choice_area_array(self) -> np.ndarray:
        return np.array(self.book.choice_areas, dtype=object)

    @cached_property
    def _choices_by_parent(self) -> dict[str, np.ndarray]:
        by_parent: dict[str, list[int]] = defaultdict(list)
        for i, area in enumerate(self.book.choice_areas):
            by_parent[self.parent_of.get(area, "")].append(i)
        return {p: np.array(v, dtype=np.int64) for p, v in by_parent.items()}

    def choices_starting(self, letter: str) -> np.ndarray:
        """Indexes of the fuzzy choices whose compact key starts with `letter`."""
        if self._by_letter is None:
            groups: dict[str, list[int]] = defaultdict(list)
            for i, key in enumerate(self.book.choice_keys):
                groups[compact_key(key)[:1]].append(i)
            self._by_letter = {k: np.array(v, dtype=np.int64) for k, v in groups.items()}
        return self._by_letter.get(letter, np.array([], dtype=np.int64))

    def choices_of(self, parent: str | None) -> np.ndarray:
        """Indexes of the fuzzy choices under `parent` (all of them when None)."""
        if parent is None:
            return np.arange(len(self.book.choice_areas), dtype=np.int64)
        return self._choices_by_parent.get(parent, np.array([], dtype=np.int64))

    def code(self, value: str) -> str | None:
        """The layer's id for a P-code written in any harmless format, or None."""
        return self.pcodes.lookup(value)

    def unique_name(self, value: str) -> str | None:
        """The one area a name designates at an exact-ish tier, ignoring parents (for column detection)."""
        if not any(map(str.isalpha, value)) and not self._letterless_names:
            return None  # "83.4" names no area when every name has letters: no need to index the names
        for _, areas in self.book.tiers(value):
            return next(iter(areas)) if len(areas) == 1 else None
        return None

    def parent(self, value: object) -> str | None:
        """The parent area id for a parent cell (code or name), or None when it is not clear."""
        if self.parents is None or value is None or (isinstance(value, float) and np.isnan(value)):
            return None
        text = str(value).strip()
        if not text:
            return None
        code = self.parent_codes.lookup(text)
        if code is not None:
            return code
        for _, areas in self.parents.tiers(text):
            return next(iter(areas)) if len(areas) == 1 else None
        key = name_key(text)
        if not key or not self.parents.choice_keys:
            return None
        found = process.extract(key, self.parents.choice_keys, scorer=fuzz.ratio, limit=2)
        best = found[0]
        second = found[1][1] if len(found) > 1 else 0.0
        if why_not_automatic(key, best[0], best[1], second, has_parent=False) is None:
            return self.parents.choice_areas[best[2]]
        return None

    def candidates(self, areas: Iterable[str], score: float) -> tuple[Candidate, ...]:
        """Areas that fit equally well, as candidates a person chooses from."""
        return candidates_among(self.names, areas, score)
