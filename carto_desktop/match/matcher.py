"""Match each row of a table to one admin area, by P-code, by name, by place or by GPS point.

Rules that keep a map honest:
- a P-code is accepted only if the boundary layer has that very code after format fixes
  that cannot change its meaning (case, spaces, ISO3/ISO2 prefix, zero-padding checked
  against the layer's parent codes), see `pcodes.py`;
- names are compared in tiers: a person's earlier decision → exact → normalised (case,
  accents, "Cercle de", abbreviations) → alias columns → without spaces → fuzzy. A name
  accepted at any tier must name exactly one area, under the row's parent when the table
  has a parent column; a name found only under another parent goes to review;
- a fuzzy candidate is accepted only when every guard in `guards.py` holds;
- a place name that is no area can be found in a gazetteer (`gazetteer.py`) and placed
  in the area that contains it, only when all places of that name fall in one area;
- anything else close enough is "review" with its candidates, never a silent guess.

`match_method` says how a row was matched, or why it needs review: pcode, decision,
exact name, normalised name, alias, fuzzy name, gazetteer, point; ambiguous name, bare
stem, parent mismatch, close second, direction words differ, name too short, unknown
pcode, outside areas, swapped coordinates, none, empty.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import islice

import geopandas as gpd
import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from carto_desktop.errors import DataError, OptionError
from carto_desktop.intake.notices import Notice
from carto_desktop.intake.tables import require_column
from carto_desktop.match.areas import AreaIndex
from carto_desktop.match.boundary_keys import boundary_keys
from carto_desktop.match.decisions import Decisions
from carto_desktop.match.gazetteer import GazetteerSource, place_verdicts
from carto_desktop.match.guards import ACCEPT_SCORE, REVIEW_SCORE, why_not_automatic
from carto_desktop.match.points import match_points
from carto_desktop.match.verdicts import (MATCHED, REVIEW, TOP_CANDIDATES, UNMATCHED, Candidate, MatchResult, Verdict,
                                          result_table)
from carto_desktop.names import INVISIBLE, compact_key, looks_like_pcode, name_key

_DIGIT = re.compile(r"\d")


def _exact_verdict(index: AreaIndex, value: str, parent: str | None) -> Verdict | None:
    """The verdict from the exact-ish tiers, or None when no tier knows the name."""
    tiers = index.book.tiers(value)
    for method, areas in tiers:
        if parent is not None:
            inside = {a for a in areas if index.parent_of.get(a) == parent}
            if len(inside) == 1:
                return Verdict(next(iter(inside)), 100.0 if method == "exact name" else 99.0, method, MATCHED)
            if len(inside) > 1:
                return Verdict(None, 99.0, "ambiguous name", REVIEW, index.candidates(inside, 99.0))
            continue  # maybe a looser tier finds it under this parent
        if len(areas) == 1:
            return Verdict(next(iter(areas)), 100.0 if method == "exact name" else 99.0, method, MATCHED)
        return Verdict(None, 99.0, "ambiguous name", REVIEW, index.candidates(areas, 99.0))
    if parent is not None:
        elsewhere = set().union(*(a for _, a in tiers)) if tiers else set()
        if elsewhere:
            return Verdict(None, 90.0, "parent mismatch", REVIEW, index.candidates(elsewhere, 90.0))
    return None


def _stem_verdict(index: AreaIndex, key: str, parent: str | None) -> Verdict | None:
    areas = index.book.stem_areas(key)
    if parent is not None:
        areas = {a for a in areas if index.parent_of.get(a) == parent} or areas
    if len(areas) >= 2:
        return Verdict(None, 80.0, "bare stem", REVIEW, index.candidates(areas, 80.0))
    return None


def _fuzzy_verdicts(index: AreaIndex, todo: list[tuple[str, str | None]]) -> dict[tuple[str, str | None], Verdict]:
    """Fuzzy match many (value, parent) pairs at once with rapidfuzz's cdist: each value
    against its parent's areas only (all areas without a parent), then the few that pass the
    guards once more against every area, so a better name under another parent is seen."""
    out: dict[tuple[str, str | None], Verdict] = {}
    if not todo:  # the names are indexed only when some value needs them
        return out
    book = index.book
    if not book.choice_keys:
        return out
    groups: dict[str | None, list[tuple[str, str | None]]] = defaultdict(list)
    for pair in todo:
        groups[pair[1]].append(pair)
    accepted: list[tuple[tuple[str, str | None], str, str, float, tuple]] = []
    for parent, pairs in groups.items():
        idx = index.choices_of(parent)
        if idx.size == 0:
            continue
        keys = [book.choice_keys[i] for i in idx] if parent is not None else book.choice_keys
        queries = [name_key(v) for v, _ in pairs]
        chunk = max(1, 4_000_000 // len(keys))
        for start in range(0, len(pairs), chunk):
            scores = process.cdist(queries[start:start + chunk], keys, scorer=fuzz.ratio, dtype=np.uint8, workers=-1)
            k = min(scores.shape[1], 8)
            tops = np.argpartition(scores, scores.shape[1] - k, axis=1)[:, scores.shape[1] - k:]
            top_scores = np.take_along_axis(scores, tops, axis=1)
            order = np.argsort(-top_scores.astype(np.int16), axis=1, kind="stable")
            tops, top_scores = np.take_along_axis(tops, order, axis=1), np.take_along_axis(top_scores, order, axis=1)
            choice_of = idx[tops]
            tops_list, scores_list = choice_of.tolist(), top_scores.tolist()
            for row in range(len(scores)):
                pair, query = pairs[start + row], queries[start + row]
                best = _best_areas(tops_list[row], scores_list[row], index.book.choice_areas)
                if not query or not best or best[0][1] < REVIEW_SCORE:
                    out[pair] = Verdict(None, 0.0, "none", UNMATCHED)
                    continue
                area, score, i = best[0]
                second = best[1][1] if len(best) > 1 else 0.0
                cands = tuple(Candidate(a, index.names[a], float(sc)) for a, sc, _ in best)
                why = why_not_automatic(query, book.choice_keys[i], score, second, has_parent=parent is not None)
                if why is None and parent is not None:
                    accepted.append((pair, query, area, score, cands))
                elif why is None:
                    out[pair] = Verdict(area, score, "fuzzy name", MATCHED, cands)
                else:
                    out[pair] = Verdict(None, score, why, REVIEW, cands)
    # under a parent: is some area elsewhere at least as close? then the parent may be wrong
    # (only names with the same first letter can pass the guards, so only those are compared)
    by_letter: dict[str, list[str]] = defaultdict(list)
    for q in dict.fromkeys(q for _, q, _, _, _ in accepted):
        by_letter[compact_key(q)[:1]].append(q)
    elsewhere: dict[str, tuple[np.ndarray, int, np.ndarray]] = {}
    for letter, unique in by_letter.items():
        idx = index.choices_starting(letter)
        if idx.size:
            scores = process.cdist(unique, [book.choice_keys[i] for i in idx], scorer=fuzz.ratio, dtype=np.uint8,
                                   workers=-1, score_cutoff=int(ACCEPT_SCORE))
            for r, q in enumerate(unique):
                elsewhere[q] = (scores, r, idx)
    for pair, query, area, score, cands in accepted:
        rivals = []
        if query in elsewhere:
            scores, r, idx = elsewhere[query]
            rivals = [(int(idx[j]), scores[r, j]) for j in np.flatnonzero(scores[r] >= score)
                      if index.choice_area_array[idx[j]] != area]
        if rivals:
            more = tuple(Candidate(index.choice_area_array[i], index.names[index.choice_area_array[i]], float(sc))
                         for i, sc in rivals[:TOP_CANDIDATES])
            out[pair] = Verdict(None, score, "parent mismatch", REVIEW, cands + more)
        else:
            out[pair] = Verdict(area, score, "fuzzy name", MATCHED, cands)
    return out


def _best_areas(choices: list[int], scores: list[int], areas: list[str]) -> list[tuple[str, float, int]]:
    """The best distinct areas (area, score, choice index) from choices sorted by score."""
    out: list[tuple[str, float, int]] = []
    seen = set()
    for i, score in zip(choices, scores):
        area = areas[i]
        if area not in seen:
            seen.add(area)
            out.append((area, float(score), i))
            if len(out) == TOP_CANDIDATES:
                break
    return out


ZEROS_RESTORED = "pcode, zeros restored"  # a code stored as a number ("101" for "0101"), told in the notes
KEY_MIN_SHARE = 0.3  # a column is a key candidate when this share of its distinct values names areas
PARENT_SHARE = 0.8  # ... and a parent column when this share names the layer's parent areas
NEAR_TIE = 0.9  # two columns naming areas are a tie when the second hits this share of the first's areas
_DISTINCT_LIMIT = 5000


@dataclass(frozen=True)
class ColumnFit:
    """How one table column fits the layer: the areas its distinct values name, by code and by name."""

    column: str
    distinct: int
    code_areas: dict[str, str]  # value -> area id, for the values that are the layer's codes
    name_areas: dict[str, str]  # value -> area id, for the values that name exactly one area
    parent_share: float  # share of distinct values that are the layer's parent areas (codes or names); below
    # PARENT_SHARE, a lower bound (counting stopped once the column could not reach it)

    @property
    def code_share(self) -> float:
        return len(self.code_areas) / self.distinct if self.distinct else 0.0

    @property
    def name_share(self) -> float:
        return len(self.name_areas) / self.distinct if self.distinct else 0.0


@dataclass(frozen=True)
class KeyChoice:
    """The key column found for a table, and the parent column that narrows it (None when none fits)."""

    key: str
    parent: str | None = None


def _distinct_texts(values: pd.Series, limit: int) -> list[str]:
    """The column's first `limit` distinct cells as stripped text, blanks left out. A table's column
    (text or None) is reduced to its distinct cells first (`pd.unique`, in order of first appearance, a hash
    table in C), which are then stripped: the same texts in the same order as stripping every cell, without
    reading 24,000 cells in Python (the sample's 10 columns: 0.1 s of a first map)."""
    cells = pd.unique(values.to_numpy(dtype=object)).tolist()
    if set(map(type, cells)) <= {str, type(None)}:
        found = dict.fromkeys(c.strip() for c in cells if c is not None)
        return [v for v in islice(found, limit) if v]
    texts = values.dropna().astype(str).str.strip()
    return [v for v in texts.unique()[:limit] if v]


def _column_fit(column: str, values: pd.Series, index: AreaIndex) -> ColumnFit:
    distinct = _distinct_texts(values, _DISTINCT_LIMIT)
    if not index.may_name(distinct):  # numbers or dates, and the layer names nothing so: no look-up
        return ColumnFit(str(column), len(distinct), {}, {}, 0.0)
    codes, names = {}, {}
    parents, misses = 0, 0
    # a parent column needs PARENT_SHARE of its values to name parents: counting stops once it cannot
    # (a 10,000-code column: 2,000 look-ups instead of 5,000)
    n = len(distinct)
    for v in distinct:
        area = index.code(v) if _DIGIT.search(v) else None
        if area is not None:
            codes[v] = area
        else:
            area = index.unique_name(v)
            if area is not None:
                names[v] = area
        if index.parents is not None and (n - misses) / n >= PARENT_SHARE:  # the share it could still reach
            if _exact_parent(index, v) is not None:
                parents += 1
            else:
                misses += 1
    return ColumnFit(str(column), n, codes, names, parents / n if distinct else 0.0)


def _exact_parent(index: AreaIndex, text: str) -> str | None:
    """The parent area a cell names by code or at an exact-ish tier (no fuzzy: column detection)."""
    code = index.parent_codes.lookup(text) if index.parent_codes is not None else None
    if code is not None:
        return code
    for _, areas in index.parents.tiers(text):
        return next(iter(areas)) if len(areas) == 1 else None
    return None


def _column_score(values: pd.Series, index: AreaIndex) -> tuple[float, float, int]:
    """Share of distinct values that are known codes, and that are known names; how many known codes."""
    fit = _column_fit("", values, index)
    return fit.code_share, fit.name_share, len(fit.code_areas)


def choose_key_columns(data: pd.DataFrame, index: AreaIndex, *, file: str | None = None) -> KeyChoice | None:
    """The table column that names the layer's areas, and the column that names their parents.

    Codes before names. Among the columns that name areas, the one naming the most distinct
    areas wins even when some of its values name none (they are reported unmatched): a region
    column whose names are also names of cercles (Mali's "Kayes" region and "Kayes" cercle)
    names the layer's parents and is never the key; it becomes the parent column. Two columns
    naming about as many areas differently is a question for the user, never a guess
    (`DataError`). A regional table (the Cadre Harmonisé: 19 countries in one sheet) holds the
    layer's codes among many others: a column that names at least half the layer's areas by
    their own codes is the key, the other countries' rows are then "unknown P-code".
    """
    fits = [_column_fit(c, data[c], index) for c in data.columns]
    n_areas = len(set(index.ids))
    need = max(1, min(3, n_areas))
    parent_fits = [f for f in fits if index.parents is not None and f.parent_share >= PARENT_SHARE]
    parent_level = {f.column for f in parent_fits}
    own = [f for f in fits if f.column not in parent_level]

    def pick(kind: str, min_share: float) -> ColumnFit | None:
        def areas(f: ColumnFit) -> set[str]:
            return set((f.code_areas if kind == "code" else f.name_areas).values())

        def share(f: ColumnFit) -> float:
            return f.code_share if kind == "code" else f.name_share

        # half its values naming areas, or (for a column with misspellings, villages) a third naming 3 areas
        ok = [f for f in own if areas(f) and (share(f) >= 0.5 or (share(f) >= min_share and len(areas(f)) >= need))]
        if not ok:
            return None
        ok.sort(key=lambda f: (len(areas(f)), share(f)), reverse=True)  # stable: table order among equals
        best = ok[0]
        for other in ok[1:]:
            if len(areas(other)) < NEAR_TIE * len(areas(best)):
                break
            if not _same_areas(data, best, other, kind):
                raise DataError(
                    "Both columns \"{column}\" and \"{other}\" name areas of the boundary file: which one places the rows is not clear.",
                    hint="Choose the key column (--key-column on the command line, or in the Match step).",
                    file=file, column=best.column, other=other.column,
                )
        return best

    chosen = pick("code", 0.5) or pick("name", KEY_MIN_SHARE)
    if chosen is None:
        most = max(own, key=lambda f: len(f.code_areas), default=None)
        if most is not None and len(most.code_areas) >= max(need, n_areas // 2):
            chosen = most
    if chosen is None:
        if parent_fits:
            raise DataError(
                "Column \"{column}\" names the parent areas of the boundary file (regions of its areas), not its areas.",
                hint="Use the boundary file of that level, or name the column that names the areas with --key-column.",
                file=file, column=max(parent_fits, key=lambda f: f.parent_share).column,
            )
        return None
    parents = [f for f in parent_fits if f.column != chosen.column]
    parent = max(parents, key=lambda f: f.parent_share).column if parents else None
    return KeyChoice(chosen.column, parent)


def _same_areas(data: pd.DataFrame, a: ColumnFit, b: ColumnFit, kind: str) -> bool:
    """Whether two candidate columns place the rows in the same areas (a name and its alias column)."""
    map_a = a.code_areas if kind == "code" else a.name_areas
    map_b = b.code_areas if kind == "code" else b.name_areas
    left = data[a.column].astype(str).str.strip().map(map_a)
    right = data[b.column].astype(str).str.strip().map(map_b)
    both = left.notna() & right.notna()
    if not both.any():
        return False
    return bool((left[both] == right[both]).mean() >= 0.9)


def find_key_column(data: pd.DataFrame, index: AreaIndex) -> str | None:
    """The table column that best matches the layer (`choose_key_columns`), or None."""
    choice = choose_key_columns(data, index)
    return choice.key if choice else None


def match_values(
    index: AreaIndex,
    pairs: list[tuple[str, str | None]],
    *,
    decisions: Decisions | None = None,
    parent_labels: dict[str | None, object] | None = None,
    gazetteer=None,
) -> dict[tuple[str, str | None], Verdict]:
    """One verdict per distinct (value, parent id) pair: the tiers, then fuzzy for the rest."""
    verdicts: dict[tuple[str, str | None], Verdict] = {}
    fuzzy: list[tuple[str, str | None]] = []
    for value, parent in pairs:
        if decisions is not None and len(decisions):
            label = parent_labels.get(parent) if parent_labels else None
            found, area = decisions.lookup(value, label)
            if found and (area is None or area in index.names):
                verdicts[(value, parent)] = (Verdict(area, 100.0, "decision", MATCHED) if area is not None
                                             else Verdict(None, 0.0, "decision", UNMATCHED))
                continue
        if _DIGIT.search(value):  # P-codes have digits; names rarely do
            area = index.code(value)
            if area is not None:
                method = ZEROS_RESTORED if index.pcodes.restored_zeros(value) else "pcode"
                verdicts[(value, parent)] = Verdict(area, 100.0, method, MATCHED)
                continue
            rivals = index.pcodes.zero_rivals(value)
            if rivals:  # "101" when the layer has "101" and "0101": a person chooses
                verdicts[(value, parent)] = Verdict(None, 90.0, "ambiguous code", REVIEW,
                                                    index.candidates(rivals, 90.0))
                continue
            if looks_like_pcode(value):
                verdicts[(value, parent)] = Verdict(None, 0.0, "unknown pcode", UNMATCHED)
                continue
        exact = _exact_verdict(index, value, parent)
        if exact is not None:
            verdicts[(value, parent)] = exact
            continue
        stem = _stem_verdict(index, name_key(value), parent)
        if stem is not None:
            verdicts[(value, parent)] = stem
            continue
        fuzzy.append((value, parent))
    verdicts.update(_fuzzy_verdicts(index, fuzzy))
    unsure = [p for p in fuzzy if verdicts[p].status != MATCHED]
    if gazetteer is not None and unsure:  # opened only now: most tables never need it
        opened = gazetteer.get() if hasattr(gazetteer, "get") else gazetteer
        verdicts.update(place_verdicts(index, opened, unsure, verdicts))
    return verdicts


def match_table(
    data: pd.DataFrame,
    layer: gpd.GeoDataFrame,
    key_column: str | None = None,
    *,
    file: str | None = None,
    parent_column: str | None = None,
    id_column: str | None = None,
    name_column: str | None = None,
    decisions: Decisions | None = None,
    gazetteer=None,
    lat_column: str | None = None,
    lon_column: str | None = None,
) -> MatchResult:
    """Match every row of `data` to an area of `layer` (see module doc for the rules).

    `parent_column` names the table column with the parent area (name or code) and narrows
    every name to that parent's areas; `id_column`/`name_column` name the layer's columns
    when the guess is wrong; `decisions` are a person's earlier choices, applied first;
    `gazetteer` (a `Gazetteer`, "geonames" for the bundled one, or the path of a CSV) places village
    and town names that are not areas; it is read only if some name needs it, and credited only if
    it placed rows;
    `lat_column`/`lon_column` match GPS points instead of names (`points.match_points`).
    """
    if lat_column is not None or lon_column is not None:
        return match_points(data, layer, lat_column or "", lon_column or "", file=file, id_column=id_column,
                            name_column=name_column)
    keys = boundary_keys(layer, id_column=id_column, name_column=name_column)
    index = AreaIndex(layer, keys)
    if gazetteer is not None and not hasattr(gazetteer, "get"):
        gazetteer = GazetteerSource(gazetteer)
    if key_column is None:
        choice = choose_key_columns(data, index, file=file)
        key_column = choice.key if choice else None
        if choice is not None and parent_column is None and choice.parent is not None:
            parent_column = choice.parent
        if key_column is None:
            raise DataError(
                "No column of the table matches the P-codes or names of the boundary file.",
                hint="Name the column with --key-column, or check that table and boundaries are for the same country and admin level.",
                file=file,
            )
    require_column(data, key_column, file)
    unknown: list[str] = []
    values = data[key_column]
    texts, hidden = _visible(values.astype(str).str.strip())  # "\ufeffML0101" is ML0101; the table unchanged
    present = (values.notna() & (texts != "")).to_numpy()
    parents = pd.Series([None] * len(data), index=data.index, dtype=object)
    hidden_parents = pd.Series(False, index=data.index)
    labels: dict[str | None, object] = {None: None}
    lost_rows = np.zeros(len(data), dtype=bool)
    if parent_column is not None:
        require_column(data, parent_column, file)
        if index.parents is None:
            raise OptionError(
                "The boundary file has no parent areas to check \"{column}\" against.",
                hint="Use a boundary file that carries its parent level (for example adm1_pcode in an admin 2 file), or leave out --parent-column.",
                file=file,
                column=parent_column,
            )
        cells = data[parent_column]
        cell_text, hidden_parents = _visible(cells.astype(str).str.strip())
        cell_text = cell_text.where(cells.notna(), None)
        hidden_parents &= cells.notna()
        parent_of_cell = {v: index.parent(v) for v in cell_text.dropna().unique() if v}
        parents = cell_text.map(parent_of_cell).astype(object)
        parents = parents.where(parents.notna(), None)
        for v, pid in parent_of_cell.items():
            labels.setdefault(pid, v)
        unknown = sorted(v for v, p in parent_of_cell.items() if p is None)
        # a parent this layer does not know (another country, a new region): the name alone is
        # not enough to be sure, so a person confirms; codes and decisions still stand
        lost_rows = cell_text.isin(set(unknown)).to_numpy()
    # one verdict per distinct (value, parent); without a parent column, per distinct value
    combined = texts if parent_column is None else texts + "\x1f" + parents.fillna("").astype(str)
    codes, uniques = pd.factorize(combined.where(present, None))
    first = pd.Series(np.arange(len(data)))[codes >= 0].groupby(codes[codes >= 0]).first().to_numpy()
    text_list, parent_list = texts.tolist(), parents.tolist()
    pairs = [(text_list[i], parent_list[i]) for i in first.tolist()]
    verdicts = match_values(index, pairs, decisions=decisions, parent_labels=labels, gazetteer=gazetteer)
    table = [verdicts[p] for p in pairs] + [Verdict(None, 0.0, "empty", UNMATCHED)]
    if lost_rows.any():
        lost_table = [_without_parent(v, index) for v in table]
        per_row = [lost_table[c] if lost else table[c] for c, lost in zip(codes.tolist(), lost_rows.tolist())]
    else:
        per_row = [table[c] for c in codes.tolist()]
    result = result_table(data, per_row, index.names, key_column, keys, parent_column, unknown)
    result.notes.extend(_format_notes(result, verdicts, pairs))
    for column, cells in ((key_column, hidden & present), (parent_column, hidden_parents)):
        if cells.any():
            result.notes.append(Notice(
                "{count} cells of column \"{column}\" hold invisible characters (a byte-order mark, a zero-width "
                "space…): matching ignored them, and the table is unchanged.",
                count=int(cells.sum()), column=column))
    placed = (result.rows["match_method"] == "gazetteer") & (result.rows["match_status"] == MATCHED)
    if gazetteer is not None and gazetteer.credit and placed.any():
        result.credits.append(gazetteer.credit)
    return result


def _visible(texts: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The cells without invisible characters (`names.INVISIBLE`), and which cells held some. One search
    over the whole column first: most tables have none."""
    joined = "\x1f".join(c for c in texts.tolist() if type(c) is str)
    if joined.isascii() or not INVISIBLE.search(joined):
        return texts, pd.Series(False, index=texts.index)
    seen = texts.str.replace(INVISIBLE, "", regex=True).str.strip()
    return seen, (seen != texts) & texts.notna()


def _format_notes(result: MatchResult, verdicts: dict, pairs: list[tuple[str, str | None]]) -> list[Notice]:
    """What matching read differently from how the table writes it, said to the person (the table
    itself is never changed): codes whose leading zeros were restored."""
    notes = []
    restored = int(result.rows["match_method"].eq(ZEROS_RESTORED).sum())
    if restored:
        value, verdict = next((p[0], verdicts[p]) for p in pairs if verdicts[p].method == ZEROS_RESTORED)
        notes.append(Notice("{count} rows write their P-code as a number, without its leading zeros (such as "
                            "\"{value}\" for {code}); the zeros were restored to match them.",
                            count=restored, value=value, code=verdict.area_id))
    return notes


def _without_parent(verdict: Verdict, index: AreaIndex) -> Verdict:
    if verdict.status != MATCHED or verdict.method in ("pcode", ZEROS_RESTORED, "decision"):
        return verdict
    cands = verdict.candidates or (Candidate(verdict.area_id, index.names[verdict.area_id], verdict.score),)
    return Verdict(None, verdict.score, "parent not found", REVIEW, cands)


