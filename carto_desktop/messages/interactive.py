"""French for the interactive map's own words (search, legend, info box)."""

FRENCH: dict[str, str] = {
    "Search an area…": "Chercher une zone…",
    "No area found": "Aucune zone trouvée",
    "Whole map": "Toute la carte",
    "Rows in the table": "Lignes du tableau",
    "Hover or tap an area": "Survolez ou touchez une zone",
    "Legend": "Légende",
    "Click a line to show its areas": "Cliquez sur une ligne pour voir ses zones",
    "Sources and notes": "Sources et notes",
    "Sector": "Secteur",
    "Zoom in": "Zoom avant",
    "Zoom out": "Zoom arrière",
    "Site": "Site",
    "{n} sites at this location, drawn as one dot": "{n} sites à cet emplacement, dessinés par un seul point",
    "Hexagon of {size} km": "Hexagone de {size} km",
}
