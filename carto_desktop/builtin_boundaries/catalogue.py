"""The boundary library shipped with the app: which sets it holds, their credits, and reading one.

`boundaries/` (see `paths.boundaries_dir`) holds one GeoPackage with a table per country and
admin level and `catalogue.json`, built by `tools/build_boundary_library.py`. A project names
a set as `builtin:NER/2` (Niger, admin 2) or `builtin:NER` (Niger, the level recognised from
the table); anything else in `Project.boundaries` is the path of the user's own file.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from carto_desktop.errors import OptionError
from carto_desktop.i18n import translate
from carto_desktop.paths import boundaries_dir

PREFIX = "builtin:"
CATALOGUE = "catalogue.json"
_SPEC = re.compile(r"^builtin:\s*([A-Za-z]{2,3})\s*(?:/\s*(\d))?\s*$", re.IGNORECASE)
_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
}


@dataclass(frozen=True, eq=False)  # compared by identity: one library per process
class Country:
    """A country of the library: codes, names and what its admin levels are called."""

    iso3: str
    iso2: str
    names: dict[str, str]  # lang -> name
    levels: dict[int, dict[str, tuple[str, str]]]  # level -> lang -> (singular, plural)

    def name(self, lang: str = "en") -> str:
        return self.names.get(lang) or self.names["en"]

    def level_word(self, level: int, lang: str = "en", plural: bool = False) -> str:
        words = self.levels.get(level, {})
        pair = words.get(lang) or words.get("en")
        if not pair:
            return translate("admin {level} areas" if plural else "admin {level} area", lang, level=level)
        return pair[1] if plural else pair[0]


@dataclass(frozen=True, eq=False)  # compared by identity: one library per process
class BoundarySet:
    """One country and admin level of the library, with what its map must say about it."""

    country: Country
    level: int
    table: str  # GeoPackage table
    areas: int
    publisher: str
    edition: str  # YYYY-MM-DD
    licence: str
    licence_note: str
    note: str
    attribution: dict[str, str]

    @property
    def id(self) -> str:
        return f"{self.country.iso3}/{self.level}"

    @property
    def spec(self) -> str:
        """How a project names it: `builtin:NER/2`."""
        return PREFIX + self.id

    def edition_text(self, lang: str = "en") -> str:
        """"July 2023" / "juillet 2023"."""
        months = _MONTHS.get(lang, _MONTHS["en"])
        return f"{months[int(self.edition[5:7]) - 1]} {self.edition[:4]}"

    def title(self, lang: str = "en") -> str:
        """"Niger, departments (OCHA COD-AB, July 2023)": the set in words."""
        return translate("{country}, {levels} ({publisher}, {edition})", lang, country=self.country.name(lang),
                         levels=self.country.level_word(self.level, lang, plural=True), publisher=self.publisher,
                         edition=self.edition_text(lang))

    def label(self, lang: str = "en") -> str:
        """"Niger — departments": the set in a list of choices."""
        return f"{self.country.name(lang)} — {self.country.level_word(self.level, lang, plural=True)}"

    def credit(self, lang: str = "en") -> str:
        """The footer line the map carries for these boundaries."""
        return self.attribution.get(lang) or self.attribution["en"]


@dataclass(frozen=True, eq=False)  # compared by identity: one library per process
class Library:
    """Everything `catalogue.json` says: countries, sets and their areas (codes, names, parents)."""

    folder: Path
    file: str
    countries: dict[str, Country]
    sets: dict[str, BoundarySet]
    areas: dict[str, list[list[str]]]  # set id -> [pcode, name, other name or "", parent pcode (admin 2)]

    @property
    def path(self) -> Path:
        return self.folder / self.file


@lru_cache(maxsize=4)
def load_library(folder: Path | None = None) -> Library:
    """The library in `folder` (default: the app's `boundaries/`), read once per process."""
    folder = Path(folder) if folder is not None else boundaries_dir()
    doc: dict[str, Any] = json.loads((folder / CATALOGUE).read_text(encoding="utf-8"))
    countries = {
        iso3: Country(iso3=iso3, iso2=c["iso2"], names={"en": c["en"], "fr": c["fr"]},
                      levels={int(n): {lang: tuple(w) for lang, w in words.items()} for n, words in c["levels"].items()})
        for iso3, c in doc["countries"].items()
    }
    sets = {
        s["id"]: BoundarySet(country=countries[s["country"]], level=int(s["level"]), table=s["table"],
                             areas=int(s["areas"]), publisher=s["publisher"], edition=s["edition"],
                             licence=s["licence"], licence_note=s.get("licence_note", ""), note=s.get("note", ""),
                             attribution=dict(s["attribution"]))
        for s in doc["sets"]
    }
    return Library(folder=folder, file=doc["file"], countries=countries, sets=sets, areas=doc["areas"])


def is_builtin(value: object) -> bool:
    """True when a `Project.boundaries` value names a built-in set (`builtin:NER/2`, `builtin:NER`)."""
    return isinstance(value, str) and value.strip().lower().startswith(PREFIX)


def find_country(text: str, library: Library | None = None) -> Country:
    """A country of the library from its ISO3 or ISO2 code or its English or French name."""
    library = library or load_library()
    wanted = text.strip().casefold()
    for country in library.countries.values():
        if wanted in {country.iso3.casefold(), country.iso2.casefold()} | {n.casefold() for n in country.names.values()}:
            return country
    raise OptionError("\"{country}\" is not a country of the built-in boundaries.",
                      hint="Built-in countries: {countries}. Run \"carto-desktop boundaries\" to list them.",
                      country=text, countries={lang: country_list(library, lang) for lang in ("en", "fr")})


def country_list(library: Library | None = None, lang: str = "en") -> str:
    """"Burkina Faso (BFA), Cameroon (CMR), …": the library's countries, for messages."""
    from carto_desktop.names import normalise_name  # not at import: project_file imports this module

    library = library or load_library()
    countries = sorted(library.countries.values(), key=lambda c: normalise_name(c.name(lang)))
    return ", ".join(f"{c.name(lang)} ({c.iso3})" for c in countries)


def parse_spec(value: str, library: Library | None = None) -> tuple[Country, int | None]:
    """`builtin:NER/2` → (Niger, 2); `builtin:NER` → (Niger, None): the level is recognised from the table."""
    library = library or load_library()
    m = _SPEC.match(value.strip())
    if not m:
        raise OptionError("\"{spec}\" does not name built-in boundaries.",
                          hint="Write it as builtin:NER/2 (country code, then admin level 1 or 2).", spec=value)
    country = find_country(m.group(1), library)
    level = int(m.group(2)) if m.group(2) else None
    if level is not None and f"{country.iso3}/{level}" not in library.sets:
        raise OptionError("The built-in boundaries of {country} have no admin level {level}.",
                          hint="Built-in levels are 1 and 2.", country=country.names, level=level)
    return country, level


def spec_of(country: str, level: int | None = None) -> str:
    """The project's text for a country (code or name) and level: `builtin:NER/2`."""
    iso3 = find_country(country).iso3
    return f"{PREFIX}{iso3}/{level}" if level else f"{PREFIX}{iso3}"


def boundary_set(spec: str, library: Library | None = None) -> BoundarySet:
    """The set a full spec (`builtin:NER/2`) names."""
    library = library or load_library()
    country, level = parse_spec(spec, library)
    if level is None:
        raise OptionError("Choose the admin level of the built-in boundaries of {country}.",
                          hint="Write it as builtin:NER/2 (country code, then admin level 1 or 2).",
                          country=country.names)
    return library.sets[f"{country.iso3}/{level}"]


def read_builtin(spec: str):
    """The areas of a built-in set as a GeoDataFrame (EPSG:4326), like `read_layer` gives a user's file.

    `attrs["boundary_set"]` holds the set, so the map's title and credits follow it.
    """
    from carto_desktop.intake.layers import read_layer

    chosen = boundary_set(spec)
    library = load_library()
    layer = read_layer(library.path, chosen.table)
    layer.attrs["layers"] = [chosen.table]
    layer.attrs["boundary_set"] = chosen
    return layer


def set_of(layer) -> BoundarySet | None:
    """The built-in set a layer was read from, or None for the user's own file."""
    found = getattr(layer, "attrs", {}).get("boundary_set")
    return found if isinstance(found, BoundarySet) else None


def builtin_choices(lang: str = "en", library: Library | None = None) -> list[tuple[str, str]]:
    """Every built-in set as (spec, "Niger — departments"), by country name then level: the app's list."""
    from carto_desktop.names import normalise_name

    library = library or load_library()
    ordered = sorted(library.sets.values(), key=lambda b: (normalise_name(b.country.name(lang)), b.level))
    return [(b.spec, b.label(lang)) for b in ordered]


def boundaries_text(value: object, lang: str = "en") -> str:
    """What `Project.boundaries` is, in words: "Niger — departments, built in", a file's name, or nothing chosen."""
    if value is None or value == "":
        return translate("Recognised from the table, built in", lang)
    if is_builtin(value):
        try:
            return translate("{set}, built in", lang, set=boundary_set(str(value)).label(lang))
        except OptionError:
            return str(value)
    return Path(str(value)).name
