"""What each admin level is called in a country, for titles ("par cercle").

Countries of the built-in boundaries also have their words in `boundaries/catalogue.json`
(one line per country in `tools/build_boundary_library.py`), used when not listed here.
"""
from __future__ import annotations

# ISO2 → level → (English, French), from each country's COD-AB naming.
LEVEL_WORDS: dict[str, dict[int, tuple[str, str]]] = {
    "ML": {1: ("region", "région"), 2: ("cercle", "cercle"), 3: ("commune", "commune")},
    "BF": {1: ("region", "région"), 2: ("province", "province"), 3: ("commune", "commune")},
    "NE": {1: ("region", "région"), 2: ("department", "département"), 3: ("commune", "commune")},
    "TD": {1: ("province", "province"), 2: ("department", "département"), 3: ("sub-prefecture", "sous-préfecture")},
    "CF": {1: ("prefecture", "préfecture"), 2: ("sub-prefecture", "sous-préfecture")},
    "CM": {1: ("region", "région"), 2: ("department", "département"), 3: ("commune", "commune")},
}
GENERIC = {1: ("admin 1 area", "zone admin 1"), 2: ("admin 2 area", "zone admin 2"), 3: ("admin 3 area", "zone admin 3")}


def admin_level_of(column: str) -> int | None:
    """2 for `adm2_pcode`, `ADM2_PCODE`, `admin2Pcod`; None when the name says nothing."""
    digits = [ch for ch in column if ch.isdigit()]
    return int(digits[0]) if len(digits) == 1 else None


def level_word(iso2: str | None, level: int | None, lang: str = "en") -> str:
    """"cercle" for Mali's admin 2; the built-in boundaries' words for their twelve countries ("LGA")."""
    words = LEVEL_WORDS.get(iso2 or "", {}).get(level or 0)
    if words is None and iso2 and level:
        from carto_desktop.builtin_boundaries.catalogue import load_library

        country = next((c for c in load_library().countries.values() if c.iso2 == iso2), None)
        if country is not None and level in country.levels:
            return country.level_word(level, lang)
    words = words or GENERIC.get(level or 0, ("area", "zone"))
    return words[1] if lang == "fr" else words[0]
