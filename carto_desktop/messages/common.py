"""French for the engine's messages: Words used by every message: where a problem is, and the hint label."""

FRENCH: dict[str, str] = {
    "file": "fichier",
    "sheet": "feuille",
    "row": "ligne",
    "column": "colonne",
    "{where}: {body}": "{where} : {body}",
    "Hint: {hint}": "Conseil : {hint}",
}
