"""Which built-in boundary set a table refers to, found from its P-code or place-name columns.

A P-code column names its country by its prefix (`NE`, `NER`) and its level by the codes'
length; a place-name column by the share of its distinct values that name areas of a set,
checked against a parent column when the table has one (the cercle's region). The finest
level the table names is the map's. When the evidence fits two countries, or one column fits
two levels equally, nothing is chosen: the choices are returned, for the person to pick.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from carto_desktop.builtin_boundaries.catalogue import BoundarySet, Country, Library, load_library
from carto_desktop.i18n import translate
from carto_desktop.names import DIRECTIONS, compact_key, name_key, normalise_name, normalise_pcode
from carto_desktop.match.pcodes import PcodeIndex

MIN_SHARE = 0.5  # of a column's distinct values naming areas of one set
MIN_NAMES = 2  # one name alone ("Mopti": region or cercle?) says too little
MAX_DISTINCT = 5000  # more distinct values than any admin 1 or 2 list: not a place column
PARENT_AGREES = 0.8  # of (area, parent) pairs where the parent column names the area's parent
CLEAR_LEAD = 2.0  # a country is chosen over another only with this much more evidence


@dataclass(frozen=True)
class Evidence:
    """One column naming areas of one set: how many of its distinct values were found."""

    set: BoundarySet
    column: str
    kind: str  # "P-code" or "name"
    found: int
    total: int
    parent_column: str | None = None
    parent_agrees: bool = False

    @property
    def share(self) -> float:
        return self.found / self.total if self.total else 0.0

    @property
    def strength(self) -> float:
        weight = 2.0 if self.kind == "P-code" else 1.0
        return weight * self.found * self.share * (2.0 if self.parent_agrees else 1.0)

    def counts(self, lang: str = "en") -> str:
        """"57 of 61 names found"."""
        text = "{found} of {total} P-codes found" if self.kind == "P-code" else "{found} of {total} names found"
        return translate(text, lang, found=self.found, total=self.total)


@dataclass
class Recognition:
    """What the table was found to refer to: one set (with its evidence), or choices to ask about."""

    chosen: BoundarySet | None = None
    evidence: Evidence | None = None
    choices: list[Evidence] = field(default_factory=list)  # two countries or two levels fit: ask
    regional: bool = False  # the table names areas of several countries (the Cadre Harmonisé): one is chosen

    @property
    def ambiguous(self) -> bool:
        return self.chosen is None and len(self.choices) > 1

    def sentence(self, lang: str = "en") -> str:
        """"Niger, departments (OCHA COD-AB, July 2023): 57 of 61 names found"."""
        if self.chosen is None or self.evidence is None:
            return ""
        return translate("{set}: {counts}", lang, set=self.chosen.title(lang), counts=self.evidence.counts(lang))

    def choices_text(self, lang: str = "en") -> str:
        """The sets the table could be about, each with its evidence, for a question or an error."""
        return "; ".join(translate("{set} (column \"{column}\": {counts})", lang, set=e.set.title(lang),
                                   column=e.column, counts=e.counts(lang)) for e in self.choices)


class _Index:
    """The library's areas as lookups: name keys → (set, P-code), P-code indexes, parents."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.by_compact: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.pcodes: dict[str, PcodeIndex] = {}
        self.parent: dict[str, dict[str, str]] = {}
        self.by_prefix: dict[str, Country] = {}
        for country in library.countries.values():
            self.by_prefix[country.iso2] = country
            self.by_prefix[country.iso3] = country
        for sid, rows in library.areas.items():
            parents = {}
            for row in rows:
                code, names = row[0], [n for n in row[1:3] if n]
                keys = {name_key(n) for n in names} - {""}
                for key in keys:
                    self.by_key[key].append((sid, code))
                for key in {compact_key(k) for k in keys}:
                    self.by_compact[key].append((sid, code))
                if len(row) > 3 and row[3]:
                    parents[code] = row[3]
            self.parent[sid] = parents
            self.pcodes[sid] = PcodeIndex([r[0] for r in rows], set(parents.values()))

    def areas_named(self, value: str) -> list[tuple[str, str]]:
        key = name_key(value)
        if not key:
            return []
        return self.by_key.get(key) or self.by_compact.get(compact_key(key), [])


@lru_cache(maxsize=4)
def _index(library: Library) -> _Index:
    return _Index(library)


def clear_caches() -> None:
    """Forget the library and its index (read again on next use): for measuring a first call."""
    load_library.cache_clear()
    _index.cache_clear()


def _country_of_code(code: str, index: _Index) -> Country | None:
    letters = "".join(ch for ch in code[:3] if ch.isalpha())
    return index.by_prefix.get(letters) or index.by_prefix.get(letters[:2])


def _looks_like_code(code: str) -> bool:
    return 4 <= len(code) <= 14 and code[:2].isalpha() and code[-1].isdigit() and code.isalnum()


def _may_name_places(values) -> bool:
    """False for a column of numbers or long texts (seen in a sample), which names no area: skipped quickly."""
    step = max(1, len(values) // 300)
    sample = [v for v in values[::step] if isinstance(v, str) and v.strip()][:100]
    if not sample:
        return False
    numbers = 0
    for v in sample:
        try:
            float(v.replace(",", ".").replace(" ", ""))
            numbers += 1
        except ValueError:
            pass
    long_texts = sum(len(v) > 80 for v in sample)
    return numbers < 0.8 * len(sample) and long_texts < 0.5 * len(sample)


def _distinct(series: pd.Series) -> list[str]:
    """The column's distinct non-empty values, stripped (unique first: 25,000 rows hold few distinct values)."""
    array = series.to_numpy(dtype=object)
    if not _may_name_places(array):
        return []
    out: dict[str, None] = {}
    for value in pd.unique(array):
        if isinstance(value, str):
            text = value.strip()
        elif value is None or value != value:  # None, NaN
            continue
        else:
            text = str(value).strip()
        if text:
            out[text] = None
    return list(out)


def _evidence_in_column(column: str, values: list[str], index: _Index, country: Country | None) -> list[Evidence]:
    """Every set the column's distinct values name (P-codes by prefix, or names)."""
    library = index.library
    codes = [normalise_pcode(v) for v in values]
    code_like = [c for c in codes if _looks_like_code(c)]
    out: list[Evidence] = []
    if code_like and len(code_like) >= 0.8 * len(values):
        by_country: dict[str, list[str]] = defaultdict(list)
        for code in code_like:
            found_country = _country_of_code(code, index)
            if found_country is not None:
                by_country[found_country.iso3].append(code)
        for iso3, own in by_country.items():
            if country is not None and iso3 != country.iso3:
                continue
            total = len(own) if country is not None else len(code_like)
            for level in (1, 2):
                sid = f"{iso3}/{level}"
                if sid not in library.sets:
                    continue
                pcodes = index.pcodes[sid]
                found = sum(pcodes.lookup(c) is not None for c in own)
                if found:
                    out.append(Evidence(library.sets[sid], column, "P-code", found, total))
        return out
    found_by_set: dict[str, int] = defaultdict(int)
    specific_by_set: dict[str, int] = defaultdict(int)  # names that are more than direction words
    for value in values:
        sids = {sid for sid, _ in index.areas_named(value)}
        specific = bool(sids) and not _only_directions(value)
        for sid in sids:
            found_by_set[sid] += 1
            specific_by_set[sid] += specific
    for sid, found in found_by_set.items():
        chosen = library.sets[sid]
        if country is not None and chosen.country.iso3 != country.iso3:
            continue
        if specific_by_set[sid] >= MIN_NAMES:
            out.append(Evidence(chosen, column, "name", found, len(values)))
    return out


def _only_directions(value: str) -> bool:
    """"Nord", "Sud-Ouest", "Centre": regions of Cameroon and Burkina Faso, and zones of any table."""
    words = name_key(value).split()
    return all(w in DIRECTIONS for w in words)


def _area_of(value: str, sid: str, kind: str, index: _Index) -> set[str]:
    """The P-codes of set `sid` that `value` names."""
    if kind == "P-code":
        found = index.pcodes[sid].lookup(value)
        return {found} if found else set()
    return {code for s, code in index.areas_named(value) if s == sid}


def _with_parent(ev: Evidence, parent: Evidence, data: pd.DataFrame, index: _Index) -> Evidence:
    """`ev` with `parent_agrees` when the parent column names each area's parent (most pairs)."""
    sid, psid = ev.set.id, parent.set.id
    pairs = set(zip(data[ev.column].to_numpy(dtype=object), data[parent.column].to_numpy(dtype=object)))
    if len(pairs) > 4 * MAX_DISTINCT:
        return ev
    agree = checked = 0
    parents = index.parent[sid]
    for child, up in pairs:
        if not isinstance(child, str) or not isinstance(up, str):
            continue
        children = _area_of(str(child).strip(), sid, ev.kind, index)
        ups = _area_of(str(up).strip(), psid, parent.kind, index)
        if not children or not ups:
            continue
        checked += 1
        agree += any(parents.get(c) in ups for c in children)
    agrees = checked > 0 and agree >= PARENT_AGREES * checked
    return Evidence(ev.set, ev.column, ev.kind, ev.found, ev.total, parent.column, agrees)


def recognise(data: pd.DataFrame, country: Country | None = None, library: Library | None = None) -> Recognition:
    """The built-in set `data` (a table, cells as text) refers to; `country` restricts the search.

    The finest level named wins (a 3W with regions and cercles is mapped by cercle); a column that
    names two levels equally well (Mali's regions are also cercles) decides no level alone.
    """
    library = library or load_library()
    index = _index(library)
    evidence: list[Evidence] = []
    for column in data.columns:
        values = _distinct(data[column])
        if not values or len(values) > MAX_DISTINCT:
            continue
        evidence += _evidence_in_column(str(column), values, index, country)
    if country is None:
        several = _several_countries(evidence)
        if several.choices:
            return several
    strong = [e for e in evidence if country is not None or e.share >= MIN_SHARE]
    if not strong:
        return Recognition()
    # each column counts at the level it names best; equally well at both: no level from it
    by_column: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for e in strong:
        by_column[(e.column, e.set.country.iso3)].append(e)
    per_country: dict[str, dict[int, list[Evidence]]] = defaultdict(lambda: defaultdict(list))
    undecided: dict[str, list[Evidence]] = defaultdict(list)
    for (_, iso3), found in by_column.items():
        found.sort(key=lambda e: (e.share, e.found), reverse=True)
        tied = [e for e in found if (e.share, e.found) == (found[0].share, found[0].found)]
        if len(tied) > 1:
            named = _level_in_header(found[0].column, found[0].set.country, {e.set.level for e in tied})
            if named is None:
                undecided[iso3] += found
            else:  # "Région" names Mali's regions, though each is also a cercle
                per_country[iso3][named].append(next(e for e in tied if e.set.level == named))
        else:
            per_country[iso3][found[0].set.level].append(found[0])
    best_per_country: list[tuple[Evidence, list[Evidence]]] = []  # (best, the tied levels when undecided)
    for iso3 in set(per_country) | set(undecided):
        levels = per_country.get(iso3)
        if not levels:  # only columns naming two levels equally (Mali's regions are also cercles): ask
            found = undecided[iso3]
            best = max(found, key=lambda e: e.strength)
            ties = sorted((e for e in found if (e.share, e.found) == (best.share, best.found)),
                          key=lambda e: e.set.level)
            best_per_country.append((best, ties))
            continue
        level = max(levels)
        above = levels.get(level - 1, []) + undecided.get(iso3, [])
        candidates = [_parent_checked(e, above, data, index) for e in levels[level]]
        best_per_country.append((max(candidates, key=lambda e: (e.kind == "P-code", e.strength)), []))
    best_per_country.sort(key=lambda pair: pair[0].strength, reverse=True)
    top, ties = best_per_country[0]
    if len(best_per_country) > 1:
        second = best_per_country[1][0]
        if top.strength < CLEAR_LEAD * second.strength and not (top.parent_agrees and not second.parent_agrees):
            return Recognition(choices=[e for e, _ in best_per_country[:4]])
    if ties:
        return Recognition(choices=ties)
    return Recognition(chosen=top.set, evidence=top)


def _level_in_header(column: str, country: Country, levels: set[int]) -> int | None:
    """The one level among `levels` the column's name says ("Région", "adm1_name", "Cercle"), or None."""
    words = set(normalise_name(column).replace("_", " ").split())
    compact = normalise_name(column).replace(" ", "")
    said = set()
    for level in levels:
        names = {w for pair in country.levels.get(level, {}).values() for w in pair}
        if any(normalise_name(n) in words for n in names) or any(
                f"{prefix}{level}" in compact for prefix in ("adm", "admin")):
            said.add(level)
    return said.pop() if len(said) == 1 else None


def _parent_checked(ev: Evidence, parents: list[Evidence], data: pd.DataFrame, index: _Index) -> Evidence:
    """`ev` checked against the best parent column of its country (the level above), if any."""
    if ev.set.level < 2:
        return ev
    above = [p for p in parents if p.set.level == ev.set.level - 1 and p.column != ev.column
             and p.set.country.iso3 == ev.set.country.iso3]
    if not above:
        return ev
    return _with_parent(ev, max(above, key=lambda p: (p.share, p.found)), data, index)


def _several_countries(evidence: list[Evidence]) -> Recognition:
    """A regional table (the Cadre Harmonisé's 19 countries): a P-code column naming areas of several
    countries of the library, each well represented, is asked about, with the best evidence per country."""
    per_column: dict[str, dict[str, Evidence]] = defaultdict(dict)
    for e in evidence:
        if e.kind != "P-code":
            continue
        best = per_column[e.column].get(e.set.country.iso3)
        if best is None or (e.found, e.set.level) > (best.found, best.set.level):
            per_column[e.column][e.set.country.iso3] = e
    for found in per_column.values():
        ranked = sorted(found.values(), key=lambda e: e.found, reverse=True)
        if len(ranked) > 1 and ranked[1].found >= max(3, 0.1 * ranked[0].found):
            return Recognition(choices=[e for e in ranked if e.found >= 3], regional=True)
    return Recognition()


def countries_of(recognition: Recognition) -> list[Country]:
    """The countries among a recognition's choices, in order."""
    out: list[Country] = []
    for e in recognition.choices:
        if e.set.country not in out:
            out.append(e.set.country)
    return out


def choose_builtin(spec: str | None, data: pd.DataFrame, file: object = None) -> tuple[BoundarySet, Recognition]:
    """The built-in set for `Project.boundaries` = `spec` (None, `builtin:NER` or `builtin:NER/2`) and `data`.

    A full spec is taken as it is; otherwise the set is recognised from the table (within the
    country, for `builtin:NER`). No fit, or a fit to several sets, is a plain `OptionError` that
    lists what the person can choose: nothing is guessed.
    """
    from carto_desktop.builtin_boundaries.catalogue import boundary_set, country_list, parse_spec
    from carto_desktop.errors import OptionError

    library = load_library()
    country = None
    if spec is not None:
        country, level = parse_spec(spec, library)
        if level is not None:
            return boundary_set(spec, library), Recognition(chosen=boundary_set(spec, library))
    recognition = recognise(data, country, library)
    if recognition.chosen is not None:
        return recognition.chosen, recognition
    several = countries_of(recognition)
    if recognition.regional and len(several) > 1:
        raise OptionError(
            "This table names admin areas of several countries with built-in boundaries: {countries}.",
            hint="Choose one with --country (for example --country {example}), or give your own boundary file "
                 "with --boundaries.",
            file=file, countries=_each_language(lambda lang: ", ".join(c.name(lang) for c in several)),
            example=several[0].iso3)
    if recognition.choices:
        example = recognition.choices[-1].set.spec
        raise OptionError("This table's place names fit more than one built-in boundary set: {choices}.",
                          hint="Choose one with --boundaries, for example --boundaries {example}.",
                          file=file, choices=_each_language(recognition.choices_text), example=example)
    if country is not None:
        raise OptionError("No column of this table holds the P-codes or names of admin areas of {country}.",
                          hint="Check the country, or give your own boundary file with --boundaries.",
                          file=file, country=_each_language(country.name))
    raise OptionError("No built-in boundaries fit this table: no column holds the P-codes or names of admin areas "
                      "of {countries}.",
                      hint="Give your own boundary file with --boundaries (OCHA COD-AB from HDX, for example).",
                      file=file, countries=_each_language(lambda lang: country_list(library, lang)))


def area_names(country: Country, library: Library | None = None) -> dict[int, list[str]]:
    """The names of a country's built-in areas per admin level (1, 2): what `detect_roles` checks the
    table's admin-name columns against when no boundary file is chosen yet (the app's Data step)."""
    library = library or load_library()
    return {s.level: [n for row in library.areas.get(sid, []) for n in row[1:3] if n]
            for sid, s in library.sets.items() if s.country is country}


def _each_language(text) -> dict[str, str]:
    """A message parameter in each language (`CartoError` picks the one it is shown in)."""
    from carto_desktop.i18n import LANGUAGES

    return {lang: text(lang) for lang in LANGUAGES}
