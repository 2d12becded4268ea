"""User-facing failures: what went wrong, where (file, sheet, row, column), and a hint.

Anything a person can cause by choosing a file or an option raises a `CartoError`;
the CLI prints `text()` on one line and exits 2, the app shows it in a dialog. Any
other exception is a bug.
"""
from __future__ import annotations

import re

from pathlib import Path

from carto_desktop.i18n import translate


class CartoError(Exception):
    """A problem the user can fix; `message` and `hint` are English catalogue keys."""

    def __init__(
        self,
        message: str,
        *,
        hint: str = "",
        file: str | Path | None = None,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        **params: object,
    ) -> None:
        self.message = message
        self.hint = hint
        self.file = Path(file).name if file is not None else None
        self.sheet = sheet
        self.row = row
        self.column = column
        self.params = params
        super().__init__(self.text("en"))

    def __reduce__(self):  # whole through pickling (a guarded child process, the app's engine process)
        return (_rebuild, (type(self), dict(self.__dict__)))

    def where(self, lang: str = "en") -> str:
        """'file x.csv, sheet S, row 12, column "C"': the parts that are known."""
        parts = []
        if self.file:
            parts.append(f"{translate('file', lang)} {self.file}")
        if self.sheet:
            parts.append(f"{translate('sheet', lang)} {self.sheet}")
        if self.row is not None:
            parts.append(f"{translate('row', lang)} {self.row}")
        if self.column:
            parts.append(f"{translate('column', lang)} \"{self.column}\"")
        return ", ".join(parts)

    def sentence(self, lang: str = "en") -> str:
        """The message alone, in `lang`: no place, no hint (the app adds its own way to fix it)."""
        params = {k: _in_language(v, lang) for k, v in self.params.items()}
        fields = {"file": self.file, "sheet": self.sheet, "row": self.row, "column": self.column, **params}
        return " ".join(translate(self.message, lang, **fields).split())

    def text(self, lang: str = "en") -> str:
        """The whole message on one line, in `lang`."""
        params = {k: _in_language(v, lang) for k, v in self.params.items()}
        fields = {"file": self.file, "sheet": self.sheet, "row": self.row, "column": self.column, **params}
        body = translate(self.message, lang, **fields)
        where = self.where(lang)
        line = translate("{where}: {body}", lang, where=where, body=body) if where else body
        if self.hint:
            line += " " + translate("Hint: {hint}", lang, hint=translate(self.hint, lang, **fields))
        return re.sub(r"[ \t\r\n]+", " ", line).strip()  # no-break spaces (in names, French text) kept


def _in_language(value: object, lang: str) -> object:
    """A parameter given in each language ({"en": "Chad", "fr": "Tchad"}) in `lang`; others as they are."""
    if isinstance(value, dict) and "en" in value:
        return value.get(lang) or value["en"]
    return value


def _rebuild(cls: type, state: dict) -> CartoError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, error.text("en"))
    return error


class DataError(CartoError):
    """An input file or its content cannot be used as asked."""


class TemplateError(CartoError):
    """A style template is missing, malformed or invalid."""


class ExportError(CartoError):
    """The map cannot be written where or how the user asked."""


class OptionError(CartoError):
    """An option (column name, aggregation, resolution…) does not fit the data."""
