"""Numbers written the way each language writes them on a map.

French: narrow no-break space between thousands and a decimal comma ("1 234,5");
English: comma and point ("1,234.5").
"""
from __future__ import annotations

import math

NNBSP = "\u202f"


def format_number(value: float, lang: str = "en", decimals: int | None = None) -> str:
    """`value` with thousands separators; decimals chosen from its size when not given."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if decimals is None:
        decimals = 0 if abs(value) >= 100 or float(value).is_integer() else (1 if abs(value) >= 10 else 2)
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", NNBSP).replace(".", ",")
    return text


def format_range(low: float, high: float, lang: str = "en", decimals: int | None = None) -> str:
    """A legend class range, "1 000 – 4 999" (en dash between spaced numbers)."""
    return f"{format_number(low, lang, decimals)} – {format_number(high, lang, decimals)}"
