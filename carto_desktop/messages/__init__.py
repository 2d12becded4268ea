"""The engine's French catalogue, one file per part of the engine.

Keys are the English sentences exactly as written in the code; a test checks that every
message and hint given to a `CartoError` is here, with the same {placeholders}.
"""
from carto_desktop.messages import (
    boundaries, carto, common, counted, export, hexagons, interactive, intake, match, privacy, project_file,
)

FRENCH: dict[str, str] = {**common.FRENCH, **counted.FRENCH, **intake.FRENCH, **match.FRENCH, **carto.FRENCH,
                          **export.FRENCH, **project_file.FRENCH, **privacy.FRENCH, **hexagons.FRENCH, **boundaries.FRENCH,
                          **interactive.FRENCH}
