"""The engine's small message catalogue (English source text, French translation).

The GUI uses Qt's own `tr`; the engine cannot, so its user-facing sentences (errors,
legend words, footer lines) go through `translate` with an explicit language. No
global "current language": callers pass it, so two maps in two languages can be made
in one process.
"""
from __future__ import annotations

import os
import re
from collections.abc import Mapping

from carto_desktop.messages import ENGLISH, FRENCH, SINGULAR

LANGUAGES = ("en", "fr")

_CATALOGUES: Mapping[str, Mapping[str, str]] = {"en": ENGLISH, "fr": FRENCH}


def is_singular(count: object, lang: str = "en") -> bool:
    """Whether `count` takes the singular in `lang`: English 1; French 0 and 1 ("0 zone", "1,5 km")."""
    digits = re.sub(r"[^\d,.]", "", str(count)).replace(",", ".")
    try:
        value = abs(float(digits))
    except ValueError:
        return False
    return value < 2 if lang == "fr" else value == 1


def translate(text: str, lang: str = "en", **params: object) -> str:
    """Return `text` in `lang`, with `{placeholders}` filled; English is the fallback.

    A sentence with a singular form (`messages.SINGULAR`) takes it when its count is singular in `lang`.
    """
    form = SINGULAR.get(text)
    if form is not None and form[0] in params and is_singular(params[form[0]], lang):
        text = form[1]
    out = _CATALOGUES.get(lang, {}).get(text, text)
    return out.format(**params) if params else out


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the user's system locale, 'fr' or 'en' (English otherwise)."""
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"
