"""The engine's French catalogue, one file per part of the engine.

Keys are the English sentences exactly as written in the code; a test checks that every
message and hint given to a `CartoError` is here, with the same {placeholders}.

`SINGULAR` gives real plurals: a sentence written in the plural in the code ("{count} columns have
no name") maps to its count parameter and its singular sentence, which `i18n.translate` uses when
the count is singular in the language (English 1; French 0 and 1). Both are in `FRENCH`.
"""
from carto_desktop.messages import (
    boundaries, carto, common, counted, export, hexagons, interactive, intake, match, privacy, project_file,
)

FRENCH: dict[str, str] = {**common.FRENCH, **counted.FRENCH, **intake.FRENCH, **match.FRENCH, **carto.FRENCH,
                          **export.FRENCH, **project_file.FRENCH, **privacy.FRENCH, **hexagons.FRENCH, **boundaries.FRENCH,
                          **interactive.FRENCH}
_PARTS = (common, counted, intake, match, carto, export, project_file, privacy, hexagons, boundaries, interactive)
SINGULAR: dict[str, tuple[str, str]] = {k: v for part in _PARTS for k, v in getattr(part, "SINGULAR", {}).items()}
# the English of a singular key that differs from its plural in French only ("kept out [one column]")
ENGLISH: dict[str, str] = {k: v for part in _PARTS for k, v in getattr(part, "ENGLISH", {}).items()}
