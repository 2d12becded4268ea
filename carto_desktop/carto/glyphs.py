"""Letters a map's texts use that its fonts cannot draw.

matplotlib draws such a letter as an empty box (or from its "Last Resort" font, a box too) and says
so only in a Python warning nobody sees: an Amharic place name, a Chinese partner's name or an emoji
in a title would reach the printed map as boxes. The page's texts are checked against the
character maps of the fonts they are set in, so the person is told which letters will not show.
"""
from __future__ import annotations

import warnings
from functools import lru_cache

from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font
from matplotlib.text import Text

# said once, in a sentence, by the map's notices (`missing_letters`), not per letter in Python's words
warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)


@lru_cache(maxsize=32)
def _letters_of(path: str) -> frozenset[int]:
    return frozenset(FT2Font(path).get_charmap())


@lru_cache(maxsize=64)
def _fonts_for(families: tuple[str, ...], style: str, weight: str | int) -> tuple[str, ...]:
    paths = []
    for family in families:
        prop = font_manager.FontProperties(family=family, style=style, weight=weight)
        paths.append(font_manager.findfont(prop, fallback_to_default=True))
    return tuple(dict.fromkeys(paths))


@lru_cache(maxsize=64)
def _covered(fonts: tuple[str, ...]) -> frozenset[int]:
    return frozenset().union(*(_letters_of(p) for p in fonts))


def _texts(artist: Artist):
    """The page's texts, without walking the axes' tick machinery (`findobj` made every axis work out its
    ticks: three quarters of this check's time, at every preview); ticks only ever show numbers."""
    for child in artist.get_children():
        if isinstance(child, Text):
            yield child
        if not isinstance(child, Axis):
            yield from _texts(child)


def missing_letters(fig: Figure) -> list[str]:
    """The letters (in order of first use) that no font of the text they are in can draw."""
    missing: dict[str, None] = {}
    for text in _texts(fig):
        content = text.get_text()
        if not content or content.isascii():
            continue
        prop = text.get_fontproperties()
        covered = _covered(_fonts_for(tuple(prop.get_family()), prop.get_style(), prop.get_weight()))
        for letter in content:
            if letter not in missing and not letter.isspace() and ord(letter) not in covered:
                missing[letter] = None
    return list(missing)
