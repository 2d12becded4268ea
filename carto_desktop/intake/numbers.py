"""Numbers as people type them: "1 234,5", "1.234,5", "1,234.5", "12 %", "" (none)."""
from __future__ import annotations

import math
import re
from functools import lru_cache

import pandas as pd

_SPACES = re.compile(r"[\s\u00a0\u202f']")


def parse_number(value: object) -> float | None:
    """One cell as a float, or None when it holds no number.

    A lone comma is a decimal comma ("12,5"); with both separators the last one is the
    decimal mark ("1.234,5" and "1,234.5"); "1,234" with three digits after a single
    comma is read as thousands, the usual spreadsheet export.
    """
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return None if isinstance(value, float) and math.isnan(value) else float(value)
    return _parse_text(str(value))


@lru_cache(maxsize=200_000)
def _parse_text(value: str) -> float | None:
    """`parse_number` of a text, remembered: wide tables repeat the same cells over thousands of columns."""
    text = _SPACES.sub("", value).rstrip("%")
    if not text:
        return None
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif text.count(",") == 1:
        whole, frac = text.split(",")
        text = whole + frac if len(frac) == 3 and whole.lstrip("-+").isdigit() and whole.lstrip("-+") != "0" else whole + "." + frac
    elif text.count(",") > 1:
        text = text.replace(",", "")
    try:
        number = float(text)
    except ValueError:
        return None
    return None if math.isnan(number) or math.isinf(number) else number


def parse_numbers(values: pd.Series) -> pd.Series:
    """A column of cells as floats (NaN where a cell holds no number)."""
    return pd.Series([parse_number(v) for v in values], index=values.index, dtype="float64")
