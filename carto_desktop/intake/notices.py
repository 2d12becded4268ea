"""Warnings shown to the user after a file was read (assumed, repaired, dropped…).

A `Notice` is an English sentence (a catalogue key in `messages/intake.py`) with its
parameters. It *is* a `str` (the English text), so code that only wants to print it
keeps working, and `text(lang)` gives it in the user's language.
"""
from __future__ import annotations

from carto_desktop.i18n import translate


class Notice(str):
    """One warning: `key` is the English catalogue sentence, `params` fill its {placeholders}."""

    key: str
    params: dict[str, object]

    def __new__(cls, key: str, **params: object) -> "Notice":
        self = super().__new__(cls, translate(key, "en", **params))  # the singular form when the count is 1
        self.key = key
        self.params = params
        return self

    def text(self, lang: str = "en") -> str:
        """The warning in `lang` (English when the catalogue has no translation)."""
        return translate(self.key, lang, **self.params)

    def __reduce__(self):  # keep key and params through pickling (worker threads, processes)
        return (_rebuild, (self.key, self.params))


def _rebuild(key: str, params: dict[str, object]) -> Notice:
    return Notice(key, **params)


def notice_text(item: str, lang: str = "en") -> str:
    """Any warning (a `Notice` or a plain string) in `lang`."""
    return item.text(lang) if isinstance(item, Notice) else translate(item, lang)
