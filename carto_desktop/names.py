"""Normal forms of place names and P-codes, so "SEGOU", "Ségou" and "Cercle de Ségou" meet.

Two levels: `normalise_name` only folds case, accents, apostrophes and punctuation (it never
changes a word); `name_key` also drops administrative words ("Cercle de", "Province du",
"District") and spells out abbreviations ("Occ." → occidental, a final "E" → est, "St" →
saint), so it is the form names are compared in.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = "'’‘`´ʼ"
# Characters a cell holds without showing them: a byte-order mark (CSV files pasted together), zero-width
# spaces and joiners, the word joiner, the soft hyphen, direction marks (text copied from a web page or a PDF).
# Never part of a name or a code: compared forms leave them out.
INVISIBLE_CHARACTERS = ("\ufeff\u200b\u200c\u200d\u2060\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                        "\u2066\u2067\u2068\u2069\u180e")
INVISIBLE = re.compile("[" + INVISIBLE_CHARACTERS + "]")
_DROP_INVISIBLE = str.maketrans("", "", INVISIBLE_CHARACTERS)
_NON_WORD = re.compile(r"[^0-9a-z]+")

# Administrative words written before or after a name: "Cercle de Kati", "Kati Cercle".
_ADMIN_WORDS = (
    "commune rurale", "commune urbaine", "sous prefecture", "commune", "cercle", "province", "departement",
    "department", "region", "ville", "district", "prefecture", "county", "state", "arrondissement",
    "municipality", "municipalite", "chefferie", "canton", "secteur",
)
_LINKS = ("de la", "de l", "du", "des", "de", "d", "of")
_PREFIX = re.compile(
    r"^(?:" + "|".join(_ADMIN_WORDS) + r")(?: (?:" + "|".join(_LINKS) + r"))? "
)
_SUFFIX = re.compile(r" (?:" + "|".join(_ADMIN_WORDS) + r")$")

# Abbreviations spelled out anywhere in a name.
_ABBREVIATIONS = {
    "occ": "occidental", "occid": "occidental", "or": "oriental", "orient": "oriental",
    "st": "saint", "ste": "sainte", "sts": "saints", "mt": "mont", "mts": "monts",
    "sept": "septentrional", "mer": "meridional", "cent": "centre", "ctr": "centre",
}
# Single letters that are direction words only as the last word ("Batha E"): "Ti-n-Essako" keeps its n.
_FINAL_LETTERS = {"e": "est", "o": "ouest", "w": "ouest", "n": "nord", "s": "sud"}
# English direction words written the French way, so "Mayo-Kebbi West" meets "Mayo-Kebbi Ouest".
_SYNONYMS = {
    "east": "est", "west": "ouest", "north": "nord", "south": "sud", "central": "centre", "center": "centre",
    "occidentale": "occidental", "orientale": "oriental", "haute": "haut", "basse": "bas",
    "upper": "haut", "lower": "bas",
}
# Words that tell sister areas apart: they must agree for a match to be automatic.
DIRECTIONS = {
    "nord": "N", "sud": "S", "est": "E", "ouest": "W", "centre": "C",
    "occidental": "W", "oriental": "E", "septentrional": "N", "meridional": "S",
    "haut": "H", "bas": "B", "grand": "G", "petit": "P",
    "i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8",
}
_NUMBER = re.compile(r"^\d+$")
_ARTICLES = {"la", "le", "les", "l"}


def normalise_name(name: object) -> str:
    """Fold case and accents, drop apostrophes, turn punctuation into single spaces.

    "Ombella M'Poko" and "OMBELLA MPOKO" both give "ombella mpoko".
    """
    if name is None:
        return ""
    return _normalise(str(name))


_DROP_APOSTROPHES = str.maketrans("", "", _APOSTROPHES)


@lru_cache(maxsize=1 << 16)
def _normalise(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_DROP_INVISIBLE))  # "Ka\u200byes" is Kayes
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().translate(_DROP_APOSTROPHES)
    return _NON_WORD.sub(" ", text).strip()


_ADMIN_FIRST_WORDS = {w.split()[0] for w in _ADMIN_WORDS}
_ADMIN_LAST_WORDS = {w.split()[-1] for w in _ADMIN_WORDS}
_ELISION = re.compile(r"\b[dDlL]\s?[" + _APOSTROPHES + r"]")
_ELISION_SPLIT = re.compile(r"\b([dDlL])\s?[" + _APOSTROPHES + r"]\s?")
_REWRITTEN = set(_ABBREVIATIONS) | set(_SYNONYMS) | set(_ARTICLES) | set(_FINAL_LETTERS)


def _strip_admin_words(text: str) -> str:
    words = text.split(" ")
    if words[0] not in _ADMIN_FIRST_WORDS and words[-1] not in _ADMIN_LAST_WORDS:
        return text  # the usual case, without the regular expressions
    for _ in range(2):
        stripped = _PREFIX.sub("", text, count=1)
        stripped = _SUFFIX.sub("", stripped, count=1)
        if stripped == text or not stripped:
            break
        text = stripped
    return text


def name_key(name: object) -> str:
    """The form names are compared in: `normalise_name`, minus administrative words, with
    abbreviations and English direction words spelled the French way.

    "Cercle de Ségou" → "segou"; "Logone Occ." → "logone occidental"; "Batha E" → "batha est".
    """
    return "" if name is None else _name_key(str(name))


@lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> str:
    text = normalise_name(name)
    if not text:
        return ""
    raw = str(name)
    # "Cercle d'Abeïbara": the elided "d" was glued to the name; split it again before stripping.
    if _ELISION.search(raw):
        text = normalise_name(_ELISION_SPLIT.sub(r"\1 ", raw))
        stripped = _strip_admin_words(text)
        if stripped != text:
            text = stripped
        else:
            text = normalise_name(raw)
    else:
        text = _strip_admin_words(text)
    words = text.split()
    if _REWRITTEN.isdisjoint(words):
        return text
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]  # "La Kabbia" meets "Kabbia"
    out = []
    for i, w in enumerate(words):
        w = _ABBREVIATIONS.get(w, w)
        w = _SYNONYMS.get(w, w)
        if i == len(words) - 1 and i > 0 and w in _FINAL_LETTERS:
            w = _FINAL_LETTERS[w]
        out.append(w)
    return " ".join(out)


def compact_key(key: str) -> str:
    """A key without spaces, so "Ti-n-Essako" meets "Tin-Essako" and "Gourma Rharous" meets "Gourmarharous"."""
    return key.replace(" ", "")


@lru_cache(maxsize=1 << 14)
def distinguishing_words(key: str) -> frozenset[str]:
    """Direction words, roman numerals and numbers in a key: sister areas differ only by these."""
    found = set()
    for w in key.split():
        if w in DIRECTIONS:
            found.add(DIRECTIONS[w])
        elif _NUMBER.match(w):
            found.add(str(int(w)))
    return frozenset(found)


def normalise_pcode(code: object) -> str:
    """Upper case without spaces, dashes, dots or invisible characters: " ml-0101 " gives "ML0101".

    A byte-order mark or a zero-width space before a code (files pasted together, text copied from
    a web page) is no part of it."""
    if code is None:
        return ""
    text = str(code)
    if text.isalnum():
        return text.upper()
    return _PCODE_SEPARATORS.sub("", text).upper()


_PCODE_SEPARATORS = re.compile(r"[\s\-_." + INVISIBLE_CHARACTERS + "]")


def looks_like_pcode(value: str) -> bool:
    """Two or three letters then digits, the OCHA COD convention (ML0101, MLI01, NE001001)."""
    return bool(re.fullmatch(r"[A-Z]{2,3}\d{1,12}", normalise_pcode(value)))
