"""Normal forms of place names and P-codes, so "SEGOU", "Ségou" and "Segou" meet."""
from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = "'’‘`´ʼ"
_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise_name(name: object) -> str:
    """Fold case and accents, drop apostrophes, turn punctuation into single spaces.

    "Ombella M'Poko" and "OMBELLA MPOKO" both give "ombella mpoko".
    """
    if name is None:
        return ""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower()
    for ch in _APOSTROPHES:
        text = text.replace(ch, "")
    return _NON_WORD.sub(" ", text).strip()


def normalise_pcode(code: object) -> str:
    """Upper case without spaces, dashes or dots: " ml-0101 " gives "ML0101"."""
    if code is None:
        return ""
    return re.sub(r"[\s\-_.]", "", str(code)).upper()


def looks_like_pcode(value: str) -> bool:
    """Two or three letters then digits, the OCHA COD convention (ML0101, MLI01, NE001001)."""
    return bool(re.fullmatch(r"[A-Z]{2,3}\d{1,12}", normalise_pcode(value)))
