"""The engine's small message catalogue (English source text, French translation).

The GUI uses Qt's own `tr`; the engine cannot, so its user-facing sentences (errors,
legend words, footer lines) go through `translate` with an explicit language. No
global "current language": callers pass it, so two maps in two languages can be made
in one process.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping

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


class Told(str):
    """A sentence the person must be told (a map's notice): it *is* its text in the map's language (what the
    command line prints), and `text(lang)` gives it in each of the app's languages, so the window shows it in
    the person's own even when the map is in the other. `topic` names what it is about for a front door that
    says it elsewhere already ("source": the app's Style step)."""

    texts: dict[str, str]
    topic: str

    def __new__(cls, say: Callable[[str], str], lang: str = "en", topic: str = "") -> "Told":
        texts = {code: say(code) for code in dict.fromkeys((*LANGUAGES, lang))}
        return cls.of(texts, lang, topic)

    @classmethod
    def of(cls, texts: dict[str, str], lang: str, topic: str = "") -> "Told":
        self = super().__new__(cls, texts.get(lang, texts.get("en", "")))
        self.texts, self.topic = dict(texts), topic
        return self

    def text(self, lang: str) -> str:
        """The sentence in `lang` (English when it was not made in that language)."""
        return self.texts.get(lang, self.texts.get("en", str(self)))

    def __reduce__(self):  # keep every language through pickling (the app's engine process)
        return (_told, (self.texts, str(self), self.topic))


def _told(texts: dict[str, str], shown: str, topic: str) -> Told:
    lang = next((code for code, text in texts.items() if text == shown), "en")
    return Told.of(texts, lang, topic)


def told_text(sentence: str, lang: str) -> str:
    """Any notice (a `Told`, or a plain sentence) in `lang`."""
    return sentence.text(lang) if isinstance(sentence, Told) else translate(sentence, lang)


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the user's system locale, 'fr' or 'en' (English otherwise)."""
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"
